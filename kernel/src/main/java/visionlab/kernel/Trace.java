package visionlab.kernel;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Start-up timeline for speed work: with {@code VISIONLAB_KERNEL_TRACE=1} in the environment, each phase
 * prints its time since the JVM started, its thread and that thread's CPU time so far to the kernel's log
 * (the Jupyter server's console). A thread whose CPU time grows much slower than the clock waits for a core.
 */
final class Trace {

    private static final boolean ON = "1".equals(System.getenv("VISIONLAB_KERNEL_TRACE"));
    private static final Instant START = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private static volatile PrintStream log = System.err;

    private Trace() {
    }

    static void to(PrintStream out) {
        log = out;
    }

    static void mark(String phase) {
        if (ON) {
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            log.printf("visionlab kernel trace: %5d ms %s [%s, cpu %d ms]%n", Duration.between(START, Instant.now()).toMillis(), phase,
                    Thread.currentThread().getName(), cpu);
        }
    }
}
