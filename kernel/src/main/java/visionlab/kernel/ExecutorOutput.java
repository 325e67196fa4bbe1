package visionlab.kernel;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In the executor: everything a cell shows goes through here to the kernel, as {@link Frames} on one
 * socket, in order. {@code System.out/err} are buffered and sent about every {@value #BATCH_MS} ms (so a
 * progress line shows while the cell runs); a display, an update or the end of a cell sends at once.
 * Values are rendered here, beside the objects, and only their MIME bundles cross the process boundary.
 */
final class ExecutorOutput {

    static final int BATCH_MS = 20;

    private static volatile ExecutorOutput current;

    private final DataOutputStream out;
    private final Renderers renderers = Renderers.defaults();
    private final AtomicInteger ids = new AtomicInteger();
    private final String idPrefix = "visionlab-" + ProcessHandle.current().pid() + "-";
    private boolean dirty;
    private boolean broken;

    final PrintStream stdout;
    final PrintStream stderr;

    ExecutorOutput(OutputStream socket) {
        this.out = new DataOutputStream(new BufferedOutputStream(socket, 1 << 16));
        this.stdout = new PrintStream(new TextStream(Frames.STDOUT), true, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(new TextStream(Frames.STDERR), true, StandardCharsets.UTF_8);
        Thread flusher = new Thread(this::flushLoop, "visionlab-output");
        flusher.setDaemon(true);
        flusher.start();
        current = this;
    }

    /** The executor's output (for {@link Notebook} and {@link JupyterShow}). */
    static ExecutorOutput current() {
        ExecutorOutput o = current;
        if (o == null) {
            throw new IllegalStateException("display: this JVM is not a VisionLab kernel's executor");
        }
        return o;
    }

    /** Shows {@code value} as a new output; returns its display id. */
    String display(Object value) {
        String id = idPrefix + ids.incrementAndGet();
        send(Frames.DISPLAY, id, renderers.render(value));
        return id;
    }

    /** Replaces the output {@code id} with {@code value}. */
    void update(String id, Object value) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: expected an id returned by display(x), got " + id);
        }
        send(Frames.UPDATE, id, renderers.render(value));
    }

    Rendered render(Object value) {
        return renderers.render(value);
    }

    /** Ends a cell: flushes text, then the cell's value ({@code status} from {@link Frames}). */
    void result(int seq, byte status, Rendered value, String error) {
        stdout.flush();
        stderr.flush();
        withoutStop(() -> {
            synchronized (this) {
                out.writeByte(Frames.RESULT);
                out.writeInt(seq);
                out.writeByte(status);
                if (status == Frames.VALUE) {
                    Frames.writeRendered(out, value);
                } else if (status == Frames.RENDER_ERROR) {
                    Frames.writeString(out, error);
                }
                out.flush();
                dirty = false;
            }
        });
    }

    /** Sends what is buffered (at exit). */
    void flush() {
        stdout.flush();
        stderr.flush();
        withoutStop(() -> {
            synchronized (this) {
                out.flush();
                dirty = false;
            }
        });
    }

    private void send(byte kind, String id, Rendered r) {
        stdout.flush();
        stderr.flush(); // text printed before display() shows before it
        withoutStop(() -> {
            synchronized (this) {
                out.writeByte(kind);
                Frames.writeString(out, id);
                Frames.writeRendered(out, r);
                out.flush();
                dirty = false;
            }
        });
    }

    private interface Io {
        void run() throws IOException;
    }

    /**
     * Runs {@code io} with the kernel's stop disabled for the cell thread, so a stop never lands in the middle
     * of a frame (which would garble the channel).
     */
    private void withoutStop(Io io) {
        boolean cell = ExecutorAgent.leaveStoppable();
        try {
            if (!broken) {
                io.run();
            }
        } catch (IOException e) {
            broken = true; // the kernel is gone; the command loop ends the executor
        } finally {
            if (cell) {
                ExecutorAgent.enterStoppable();
            }
        }
    }

    private void flushLoop() {
        while (true) {
            try {
                synchronized (this) {
                    while (!dirty) {
                        wait();
                    }
                }
                Thread.sleep(BATCH_MS);
                synchronized (this) {
                    if (dirty && !broken) {
                        out.flush();
                    }
                    dirty = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                broken = true;
            }
        }
    }

    private final class TextStream extends OutputStream {
        private final byte kind;

        TextStream(byte kind) {
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            withoutStop(() -> {
                synchronized (ExecutorOutput.this) {
                    out.writeByte(kind);
                    out.writeInt(len);
                    out.write(b, off, len);
                    if (!dirty) {
                        dirty = true;
                        ExecutorOutput.this.notifyAll();
                    }
                }
            });
        }
    }
}
