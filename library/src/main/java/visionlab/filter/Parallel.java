package visionlab.filter;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a range of output rows between the cores (the caller plus the common ForkJoinPool's workers) when
 * there is enough work to pay for it; small images run on the calling thread.
 */
final class Parallel {

    /** Below this many output samples a job runs sequentially. */
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
     * @throws java.util.concurrent.CancellationException when the calling thread was interrupted
     */
    static void rows(int rows, long samples, RowRange body) {
        if (Thread.interrupted()) {
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        int cores = THREADS;
        int parts = (int) Math.min(Math.min(cores, rows), Math.max(1, samples / MIN_PARALLEL_SAMPLES));
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            tasks[p - 1] = ForkJoinPool.commonPool().submit(() -> body.run(from, to));
        }
        try {
            body.run(0, (int) ((long) rows / parts));
        } finally {
            for (ForkJoinTask<?> t : tasks) {
                t.join();
            }
        }
    }
}
