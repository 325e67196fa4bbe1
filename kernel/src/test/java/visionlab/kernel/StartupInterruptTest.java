package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupt that arrives while the first cell still waits for JShell to start applies to that cell. */
class StartupInterruptTest {

    @Test
    void interruptWhileJShellStartsCancelsTheWaitingCellAndNotTheNext() {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (Session s = new Session(System.err, OutputCapture.DEFAULT_LIMIT)) {
            later.schedule(s::interrupt, 20, TimeUnit.MILLISECONDS); // JShell takes far longer to start
            long t0 = System.nanoTime();
            Outcome o = s.execute("Thread.sleep(30_000);", new Recorder());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Outcome.Error e = assertInstanceOf(Outcome.Error.class, o);
            assertEquals("Interrupted", e.ename());
            assertTrue(ms < 10_000, "took " + ms + " ms");
            Outcome next = s.execute("Thread.sleep(100);\n\"ran\"", new Recorder());
            assertEquals("ran", ((Outcome.Value) next).rendered().data().get("text/plain"));
        } finally {
            later.shutdownNow();
        }
    }
}
