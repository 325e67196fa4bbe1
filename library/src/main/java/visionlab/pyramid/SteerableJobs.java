package visionlab.pyramid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Runs independent jobs on the available cores, each job on one thread with that thread's scratch arrays (no
 * barrier inside a job). The jobs are sorted biggest first and each worker takes the next one when it is free
 * (which worker gets which job depends on timing; a fixed round-robin deal was measured 10-20% slower). The
 * calling thread works too. An interrupt of the calling thread stops every worker before its next job; the
 * call returns only when all workers have stopped, then throws a {@link CancellationException} (the
 * interrupt flag consumed) or the first exception a job threw.
 */
final class SteerableJobs {

    private SteerableJobs() {
    }

    /** Below this much work (cost units) the jobs run on the calling thread only. */
    private static final double PARALLEL_MIN_COST = 1 << 16;

    /** The number of workers {@link #run} uses at most: the cores. */
    static int maxWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body(job, scratch)} for every job on as many workers as the work and the cores allow. */
    static <J, S> void run(List<J> jobs, ToDoubleFunction<J> cost, IntFunction<S> scratch, Consumer<S> release,
                           BiConsumer<J, S> body) {
        double total = 0;
        for (J j : jobs) {
            total += cost.applyAsDouble(j);
        }
        int workers = total < PARALLEL_MIN_COST ? 1 : maxWorkers();
        run(jobs, cost, scratch, release, body, workers);
    }

    /**
     * Runs {@code body(job, scratch)} for every job on {@code workers} workers (at most that many). Worker t
     * asks {@code scratch.apply(t)} once, at its first job, and hands the scratch to {@code release} when it
     * stops.
     */
    static <J, S> void run(List<J> jobs, ToDoubleFunction<J> cost, IntFunction<S> scratch, Consumer<S> release,
                           BiConsumer<J, S> body, int workers) {
        List<J> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble(cost).reversed());
        int n = Math.max(1, Math.min(workers, order.size()));
        Thread caller = Thread.currentThread();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Consumer<Integer> worker = t -> {
            S s = null;
            try {
                for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
                    if (stop.get()) {
                        return;
                    }
                    if (caller.isInterrupted()) {
                        throw new CancellationException("interrupted");
                    }
                    if (s == null) {
                        s = scratch.apply(t);
                    }
                    body.accept(order.get(i), s);
                }
            } catch (RuntimeException | Error e) {
                stop.set(true);
                if (!failure.compareAndSet(null, e) && failure.get() != e) {
                    failure.get().addSuppressed(e);
                }
            } finally {
                if (s != null) {
                    release.accept(s);
                }
            }
        };
        if (n == 1) {
            worker.accept(0);
        } else {
            IntStream.range(0, n).parallel().forEach(worker::accept); // no worker throws: all finish first
        }
        Throwable f = failure.get();
        if (f instanceof CancellationException) {
            Thread.interrupted(); // the interrupt is reported by the exception
            throw (CancellationException) f;
        }
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
    }
}
