package visionlab.pyramid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Runs independent jobs on the available cores, biggest first, each job on one thread with that thread's
 * scratch arrays (no barriers inside a job). The calling thread works too; an interrupt of the calling
 * thread stops every worker before its next job and surfaces as a {@link CancellationException}.
 */
final class SteerableJobs {

    private SteerableJobs() {
    }

    /** Below this much work (cost units) the jobs run on the calling thread only. */
    private static final double PARALLEL_MIN_COST = 1 << 16;

    /** Runs {@code body(job, scratch)} for every job; each worker gets {@code scratch.get()} once and hands it to
     * {@code release} when it has no job left. */
    static <J, S> void run(List<J> jobs, ToDoubleFunction<J> cost, Supplier<S> scratch, Consumer<S> release,
                           BiConsumer<J, S> body) {
        List<J> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble(cost).reversed());
        double total = 0;
        for (J j : order) {
            total += cost.applyAsDouble(j);
        }
        int workers = Math.min(order.size(), Runtime.getRuntime().availableProcessors());
        if (total < PARALLEL_MIN_COST) {
            workers = 1;
        }
        Thread caller = Thread.currentThread();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable worker = () -> {
            S s = scratch.get();
            try {
                for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
                    if (stop.get() || caller.isInterrupted()) {
                        stop.set(true);
                        throw new CancellationException("interrupted");
                    }
                    body.accept(order.get(i), s);
                }
            } catch (RuntimeException | Error e) {
                stop.set(true);
                throw e;
            } finally {
                release.accept(s);
            }
        };
        try {
            if (workers <= 1) {
                worker.run();
            } else {
                IntStream.range(0, workers).parallel().forEach(t -> worker.run());
            }
        } catch (CancellationException e) {
            Thread.interrupted(); // the interrupt is reported by the exception
            throw e;
        }
    }
}
