package visionlab.motion;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import visionlab.image.Image;

/**
 * The stages of the frame source -> magnifier -> frame sink pipeline on their own threads, so decoding and
 * encoding overlap the magnification: {@link #readAhead} decodes up to {@code DEPTH} frames ahead,
 * {@link #writeBehind} encodes while the caller goes on. Each stage has one worker thread and a bounded
 * queue (memory stays {@code DEPTH} frames); a failure in the worker is thrown by the caller's next call,
 * and closing a stage stops its worker. Frames of another size than the first are rejected at once.
 */
final class Pipeline {

    static final int DEPTH = 4;

    private static final Object END = new Object();

    private Pipeline() {
    }

    /** The frames of {@code src}, decoded on a worker thread up to {@link #DEPTH} frames ahead. */
    static FrameSource readAhead(FrameSource src) {
        BlockingQueue<Object> q = new ArrayBlockingQueue<>(DEPTH);
        Thread worker = new Thread(() -> {
            try {
                Image f;
                do {
                    f = src.next();
                    q.put(f == null ? END : f);
                } while (f != null);
            } catch (InterruptedException e) {
                // closed: stop
            } catch (RuntimeException | Error e) {
                try {
                    q.put(e);
                } catch (InterruptedException ignored) {
                    // closed while reporting
                }
            }
        }, "visionlab-decode");
        worker.setDaemon(true);
        worker.start();
        return new SourceBase(src) {
            boolean done;

            @Override
            public Image next() {
                if (done) {
                    return null;
                }
                Object o = take(q);
                if (o instanceof Image) {
                    return (Image) o;
                }
                done = true;
                if (o == END) {
                    return null;
                }
                throw rethrow(o);
            }

            @Override
            public void close() {
                stop(worker);
                src.close();
            }
        };
    }

    /** A sink whose frames {@code sink} takes on a worker thread; {@link FrameSink#finish()} waits for them. */
    static FrameSink writeBehind(FrameSink sink) {
        BlockingQueue<Object> q = new ArrayBlockingQueue<>(DEPTH);
        Object[] failure = new Object[1];
        Thread worker = new Thread(() -> {
            try {
                Object o;
                while ((o = q.take()) != END) {
                    sink.accept((Image) o);
                }
            } catch (InterruptedException e) {
                // closed: stop
            } catch (RuntimeException | Error e) {
                synchronized (failure) {
                    failure[0] = e;
                }
                q.clear(); // unblocks a caller waiting in put
            }
        }, "visionlab-encode");
        worker.setDaemon(true);
        worker.start();
        return new FrameSink() {
            boolean closed;
            Image first;
            long n;

            @Override
            public void accept(Image frame) {
                first = Clip.sameSize(first, frame, n++);
                check();
                put(q, frame, worker);
                check();
            }

            @Override
            public void finish() {
                check();
                put(q, END, worker);
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while writing the video");
                }
                check();
                sink.finish();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    stop(worker);
                    sink.close();
                }
            }

            private void check() {
                Object e;
                synchronized (failure) {
                    e = failure[0];
                }
                if (e != null) {
                    throw rethrow(e);
                }
            }
        };
    }

    private static Object take(BlockingQueue<Object> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the video");
        }
    }

    /** Puts {@code o} unless the worker has ended (then its failure is reported by the caller). */
    private static void put(BlockingQueue<Object> q, Object o, Thread worker) {
        try {
            while (!q.offer(o, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!worker.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while writing the video");
        }
    }

    private static void stop(Thread worker) {
        worker.interrupt();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Object e) {
        if (e instanceof Error) {
            throw (Error) e;
        }
        return (RuntimeException) e;
    }
}
