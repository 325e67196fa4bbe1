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
}
