package visionlab.filter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a range of output rows between the cores (the caller plus the common ForkJoinPool's workers) when
 * there is enough work to pay for it; small images run on the calling thread. The rows are cut into a few
 * chunks per thread, taken in turn by whichever thread is free, so a core busy with other work does not
 * hold the result back.
 */
final class Parallel {

    /** Below this many output samples per chunk a job is not split further. */
    static final long MIN_PARALLEL_SAMPLES = 1 << 16;

    /** Threads used at most: the {@code visionlab.threads} system property, default all cores. */
    static final int THREADS = Math.max(1, Integer.getInteger("visionlab.threads",
            Runtime.getRuntime().availableProcessors()));

    private Parallel() {
    }

    /** A piece of work over rows {@code [from, to)}. */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, rows)}, in contiguous chunks on up to all cores when
     * {@code samples} (the work, in output samples) is large; checks for interruption first.
     *
     * @throws CancellationException when the calling thread was interrupted
     */
    static void rows(int rows, long samples, RowRange body) {
        if (Thread.interrupted()) {
            throw new CancellationException("interrupted");
        }
        int parts = THREADS <= 1 ? 1
                : (int) Math.min(Math.min(4L * THREADS, rows), Math.max(1, samples / MIN_PARALLEL_SAMPLES));
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int p; (p = next.getAndIncrement()) < parts; ) {
                body.run((int) ((long) rows * p / parts), (int) ((long) rows * (p + 1) / parts));
            }
        };
        int helpers = Math.min(THREADS, parts) - 1;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int i = 0; i < helpers; i++) {
            tasks[i] = ForkJoinPool.commonPool().submit(worker);
        }
        try {
            worker.run();
        } finally {
            for (int i = helpers - 1; i >= 0; i--) {
                tasks[i].join();
            }
        }
    }
}
