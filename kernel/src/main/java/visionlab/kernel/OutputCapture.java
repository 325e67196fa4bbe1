package visionlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code System.out} and {@code System.err} while the kernel runs: text is buffered and sent to the
 * current {@link Frontend} about every {@value #BATCH_MS} ms (so a progress line appears while the cell
 * still runs) and at the end of each cell. A cell's text output is capped at {@link #limit} bytes; the rest
 * is counted, dropped and reported in one notice at the end of the cell, so a cell printing 10 MB neither
 * hangs the kernel nor the browser.
 */
final class OutputCapture {

    /** Default cap of text per cell: 1 MB. */
    static final int DEFAULT_LIMIT = 1 << 20;
    static final int BATCH_MS = 20;

    private final Object lock = new Object();
    private final Object sendLock = new Object();
    private final List<Chunk> pending = new ArrayList<>();
    private final PrintStream fallback;
    private final long limit;
    private volatile Frontend frontend;
    private long cellBytes;
    private long dropped;

    final PrintStream out;
    final PrintStream err;

    private static final class Chunk {
        final String name;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(String name) {
            this.name = name;
        }
    }

    /** {@code fallback} receives text written when no frontend is attached (the kernel's log). */
    OutputCapture(PrintStream fallback, long limit) {
        this.fallback = fallback;
        this.limit = limit;
        this.out = new PrintStream(new Stream("stdout"), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Stream("stderr"), true, StandardCharsets.UTF_8);
        Thread flusher = new Thread(this::flushLoop, "visionlab-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Routes output to {@code f} and resets the per-cell cap. */
    void beginCell(Frontend f) {
        flush();
        synchronized (lock) {
            frontend = f;
            cellBytes = 0;
            dropped = 0;
        }
    }

    /** Sends what is buffered, then a notice if output was dropped. Later output still goes to the frontend. */
    void endCell() {
        out.flush();
        err.flush();
        flush();
        long d;
        synchronized (lock) {
            d = dropped;
            dropped = 0;
        }
        Frontend f = frontend;
        if (d > 0 && f != null) {
            f.stream("stderr", "\n[visionlab kernel: output truncated: " + String.format("%,d", d)
                    + " more bytes were not shown; a cell shows at most " + String.format("%,d", limit)
                    + " bytes of text. Write big results to a file instead.]\n");
        }
    }

    Frontend frontend() {
        return frontend;
    }

    private final class Stream extends OutputStream {
        private final String name;

        Stream(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (lock) {
                if (frontend == null) {
                    fallback.write(b, off, len);
                    return;
                }
                long room = limit - cellBytes;
                int n = (int) Math.max(0, Math.min(len, room));
                cellBytes += len;
                dropped += len - n;
                if (n == 0) {
                    return;
                }
                Chunk last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
                if (last == null || !last.name.equals(name)) {
                    last = new Chunk(name);
                    pending.add(last);
                }
                last.bytes.write(b, off, n);
                lock.notifyAll();
            }
        }
    }

    /** Sends everything buffered now, in the order it was written. */
    void flush() {
        synchronized (sendLock) {
            List<Chunk> chunks;
            Frontend f;
            synchronized (lock) {
                if (pending.isEmpty()) {
                    return;
                }
                chunks = new ArrayList<>(pending);
                pending.clear();
                f = frontend;
            }
            for (Chunk c : chunks) {
                String text = c.bytes.toString(StandardCharsets.UTF_8);
                if (f != null) {
                    f.stream(c.name, text);
                } else {
                    fallback.print(text);
                }
            }
        }
    }

    private void flushLoop() {
        while (true) {
            try {
                synchronized (lock) {
                    while (pending.isEmpty()) {
                        lock.wait();
                    }
                }
                Thread.sleep(BATCH_MS);
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                e.printStackTrace(fallback);
            }
        }
    }
}
