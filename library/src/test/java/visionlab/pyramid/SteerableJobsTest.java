package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SteerableJobsTest {

    static List<Integer> jobs(int n) {
        List<Integer> j = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            j.add(i);
        }
        return j;
    }

    @Test
    void everyJobRunsOnceAndEachWorkerReleasesItsScratchAndJobsAreTakenBiggestFirst() {
        ConcurrentHashMap<Integer, Integer> ran = new ConcurrentHashMap<>();
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        SteerableJobs.run(jobs(20), j -> j, t -> taken.incrementAndGet(), s -> released.incrementAndGet(), (j, s) -> {
            ran.merge(j, 1, Integer::sum);
            order.add(j);
        }, 3);
        assertEquals(20, ran.size());
        ran.values().forEach(c -> assertEquals(1, c));
        assertTrue(taken.get() >= 1 && taken.get() <= 3, "workers: " + taken.get());
        assertEquals(taken.get(), released.get());
        assertEquals(20, order.size());

        // one worker shows the order jobs are taken in: biggest first
        List<Integer> serial = new ArrayList<>();
        SteerableJobs.run(jobs(5), j -> j, t -> t, s -> { }, (j, s) -> serial.add(j), 1);
        assertEquals(List.of(4, 3, 2, 1, 0), serial);
    }

    @Test
    void anInterruptOfTheCallerStopsTheOtherJobsAndIsReportedOnceAllWorkersStopped() {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        Thread caller = Thread.currentThread();
        assertThrows(CancellationException.class, () -> SteerableJobs.run(jobs(40), j -> 1,
                t -> taken.incrementAndGet(), s -> released.incrementAndGet(), (j, s) -> {
                    ran.incrementAndGet();
                    caller.interrupt();
                    sleep(20);
                }, 2));
        assertFalse(Thread.currentThread().isInterrupted(), "the flag is consumed by the exception");
        assertTrue(ran.get() <= 4, "jobs after the interrupt do not start: " + ran.get());
        assertEquals(taken.get(), released.get(), "every worker that took scratch released it");
    }

    @Test
    void aJobsOwnExceptionIsReportedNotACancellation() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SteerableJobs.run(jobs(30),
                j -> 1, t -> taken.incrementAndGet(), s -> released.incrementAndGet(), (j, s) -> {
                    if (j == 3) {
                        throw boom;
                    }
                    sleep(5);
                }, 2));
        assertSame(boom, e);
        assertEquals(taken.get(), released.get(), "every worker that took scratch released it");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    static void sleep(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
