package visionlab.kernel.testlib;

/** Stands in for a library training loop: busy work that checks {@code Thread.interrupted()} each step. */
public final class SlowLoop {

    private SlowLoop() {
    }

    /** Spins for up to {@code millis} ms; throws when interrupted, as library loops must. */
    public static long run(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long steps = 0;
        while (System.nanoTime() < end) {
            steps++;
            if (Thread.interrupted()) {
                throw new IllegalStateException("training interrupted after " + steps + " steps");
            }
        }
        return steps;
    }

    /** A library loop that never checks for interrupts: only a stop reaches it. */
    public static long spin() {
        long k = 0;
        while (k >= 0) {
            k = (k * 31 + 7) & Long.MAX_VALUE;
        }
        return k;
    }
}
