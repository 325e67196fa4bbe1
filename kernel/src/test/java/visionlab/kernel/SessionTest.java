package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel without sockets: cells, values, errors, System.exit, interrupts, streaming, magics. */
class SessionTest {

    static Session session;
    static ScheduledExecutorService later;

    @BeforeAll
    static void start() {
        session = new Session(System.err, OutputCapture.DEFAULT_LIMIT);
        session.awaitReady();
        later = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        later.shutdownNow();
        session.close();
    }

    static Outcome run(String code) {
        return session.execute(code, new Recorder());
    }

    static Object value(String code) {
        Outcome o = run(code);
        assertInstanceOf(Outcome.Value.class, o, () -> "cell " + code + " gave " + o);
        return ((Outcome.Value) o).value();
    }

    static Outcome.Error error(Outcome o) {
        return assertInstanceOf(Outcome.Error.class, o, () -> "expected an error, got " + o);
    }

    @Test
    void lastExpressionValueIsTheRealObjectNotItsText() {
        Object v = value("int a = 3;\nnew java.awt.Point(a, 4)");
        Point p = assertInstanceOf(Point.class, v);
        assertEquals(new Point(3, 4), p);
    }

    @Test
    void expressionWithoutSemicolonIsTheValueWithSemicolonIsNot() {
        assertEquals(3, value("1 + 2"));
        assertInstanceOf(Outcome.NoValue.class, run("1 + 2;"));
    }

    @Test
    void declarationsAndMethodsPersistAcrossCells() {
        assertInstanceOf(Outcome.NoValue.class, run("int base = 20;\nint twice(int k) { return 2 * k; }"));
        assertEquals(41, value("twice(base) + 1"));
        assertInstanceOf(Outcome.NoValue.class, run("base = 7;"), "a statement ending in ';' shows nothing");
        assertEquals(14, value("twice(base)"));
    }

    @Test
    void libraryPackagesAreImportedAtStart() {
        Object img = value("Image.zeros(5, 3, 1)");
        assertEquals("visionlab.image.Image", img.getClass().getName());
    }

    @Test
    void compileErrorGivesLineColumnAndSpan() {
        Outcome.Error e = error(run("int ok = 1;\nString s = 5 + 6;"));
        assertEquals("CompileError", e.ename());
        assertTrue(e.evalue().startsWith("line 2, column 12: incompatible types"), e.evalue());
        int at = e.traceback().indexOf("    String s = 5 + 6;");
        assertTrue(at >= 0, e.traceback().toString());
        String caret = e.traceback().get(at + 1);
        // the caret sits under "5 + 6" (column 12) and the span covers all of it
        assertEquals("    " + " ".repeat(11) + "^~~~~", caret);
        // the first snippet of the cell ran (a later cell sees it), the failing one did not
        assertEquals(1, value("ok"));
    }

    @Test
    void unknownNameErrorDoesNotMentionJShellsWrapperClass() {
        Outcome.Error e = error(run("int k = 1;\nk + undefinedThing"));
        assertTrue(e.evalue().startsWith("line 2, column 5: cannot find symbol"), e.evalue());
        assertTrue(e.evalue().contains("symbol:   variable undefinedThing"), e.evalue());
        assertFalse(e.evalue().contains("location: class"), e.evalue());
    }

    @Test
    void runtimeErrorHasTheRealClassMessageAndCellLine() {
        Outcome.Error e = error(run("int n = 1;\n\nif (n == 1) throw new IllegalStateException(\"boom \" + n);"));
        assertEquals("java.lang.IllegalStateException", e.ename());
        assertEquals("boom 1", e.evalue());
        assertTrue(e.traceback().contains("    at cell line 3"), e.traceback().toString());
        assertFalse(e.traceback().stream().anyMatch(l -> l.contains("jdk.jshell")), "JShell frames are trimmed");
        assertEquals(2, value("1 + 1"), "the kernel answers the next cell");
    }

    @Test
    void exceptionClassDeclaredInACellIsNamedPlainly() {
        run("class TooDark extends RuntimeException { TooDark(String m) { super(m); } }");
        Outcome.Error e = error(run("throw new TooDark(\"mean 0.01\")"));
        assertEquals("TooDark", e.ename());
        assertEquals("mean 0.01", e.evalue());
    }

    @Test
    void libraryFramesStayInTheTraceback() {
        Outcome.Error e = error(run("Image.zeros(-1, 2, 1)"));
        assertTrue(e.ename().endsWith("IllegalArgumentException"), e.ename());
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("visionlab.image.Image")), e.traceback().toString());
    }

    @Test
    void systemExitIsAnErrorAndTheKernelKeepsRunning() {
        int feature = Runtime.version().feature();
        if (feature >= 24) {
            // no SecurityManager on 24+: System.exit written in a cell is rewritten into an error instead
            assertFalse(session.exitGuarded());
            Outcome.Error e = error(run("System.out.println(\"before\");\nSystem.exit(3);"));
            assertEquals("SystemExit", e.ename());
            assertEquals(5, value("2 + 3"));
            return;
        }
        assertTrue(session.exitGuarded(), "the exit guard is installed on Java " + feature);
        Outcome.Error e = error(run("System.out.println(\"before\");\nSystem.exit(3);"));
        assertEquals("SystemExit", e.ename());
        assertTrue(e.evalue().contains("System.exit(3)"), e.evalue());
        Outcome.Error r = error(run("Runtime.getRuntime().halt(4)"));
        assertEquals("SystemExit", r.ename());
        assertEquals(5, value("2 + 3"));
    }

    private static long interruptAfter(long delayMs, long[] interruptedAt) {
        later.schedule(() -> {
            interruptedAt[0] = System.nanoTime();
            session.interrupt();
        }, delayMs, TimeUnit.MILLISECONDS);
        return delayMs;
    }

    @Test
    void interruptStopsASleepingCellWithinOneSecond() {
        long[] at = new long[1];
        interruptAfter(300, at);
        Outcome.Error e = error(run("Thread.sleep(60_000);"));
        long stoppedMs = (System.nanoTime() - at[0]) / 1_000_000;
        assertEquals("java.lang.InterruptedException", e.ename());
        assertTrue(stoppedMs < 1000, "stopped " + stoppedMs + " ms after the interrupt");
    }

    @Test
    void interruptStopsALibraryLoopThatChecksInterrupted() {
        long[] at = new long[1];
        interruptAfter(300, at);
        Outcome.Error e = error(run("visionlab.kernel.testlib.SlowLoop.run(60_000)"));
        long stoppedMs = (System.nanoTime() - at[0]) / 1_000_000;
        assertEquals("java.lang.IllegalStateException", e.ename());
        assertTrue(e.evalue().startsWith("training interrupted"), e.evalue());
        assertTrue(stoppedMs < 1000, "stopped " + stoppedMs + " ms after the interrupt");
    }

    @Test
    void interruptOfABusyLoopInCellCode() {
        long[] at = new long[1];
        interruptAfter(300, at);
        long t0 = System.nanoTime();
        // a loop that never checks for interrupts, bounded at 4 s so the test ends on every Java
        Outcome o = run("long end = System.nanoTime() + 4_000_000_000L; long k = 0;\nwhile (System.nanoTime() < end) { k++; }\nk");
        long stoppedMs = (System.nanoTime() - at[0]) / 1_000_000;
        if (Runtime.version().feature() < 20) {
            Outcome.Error e = error(o);
            assertEquals("Interrupted", e.ename());
            assertTrue(stoppedMs < 1000, "stopped " + stoppedMs + " ms after the interrupt");
        } else {
            // Java 20+: Thread.stop is gone, the loop runs to its end (documented in the README)
            assertInstanceOf(Outcome.Value.class, o);
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 3900);
        }
        assertEquals(9, value("3 * 3"), "the kernel answers the next cell");
    }

    @Test
    void readingSystemInGivesEndOfInputInsteadOfBlocking() {
        assertEquals(-1, value("System.in.read()"));
    }

    @Test
    void theNextCellNeverSeesAStaleInterrupt() {
        session.interrupt(); // while idle: must be ignored
        assertEquals(false, value("Thread.sleep(100); Thread.currentThread().isInterrupted()"));
        long[] at = new long[1];
        interruptAfter(200, at);
        // the cell swallows the interrupt and ends normally
        assertEquals("caught", value("String r = \"none\";\ntry { Thread.sleep(5_000); } catch (InterruptedException x) { r = \"caught\"; }\nr"));
        assertEquals("slept", value("Thread.sleep(300);\n\"slept\""));
        assertEquals(false, value("Thread.currentThread().isInterrupted()"));
    }

    @Test
    void outputStreamsInOrderWhileTheCellRuns() {
        Recorder rec = new Recorder();
        long[] end = new long[1];
        Outcome o = session.execute("System.out.println(\"a\");\nSystem.err.println(\"b\");\nSystem.out.println(\"c\");\n"
                + "Thread.sleep(600);\nSystem.out.println(\"d\");", rec);
        end[0] = System.nanoTime();
        assertInstanceOf(Outcome.NoValue.class, o);
        String all = String.join("|", rec.events);
        assertEquals("stream:stdout:a\n|stream:stderr:b\n|stream:stdout:c\n|stream:stdout:d\n", all);
        // "a" reached the frontend well before the cell's end (during the 600 ms sleep)
        long earlyMs = (end[0] - rec.streamTimes.get(0)) / 1_000_000;
        assertTrue(earlyMs >= 400, "first output only " + earlyMs + " ms before the end");
    }

    @Test
    void tenMegabytesOfOutputAreCappedWithANotice() {
        Recorder rec = new Recorder();
        long t0 = System.nanoTime();
        Outcome o = session.execute("String line = \"x\".repeat(99);\nfor (int i = 0; i < 100_000; i++) System.out.println(line);", rec);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(Outcome.NoValue.class, o);
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertEquals(OutputCapture.DEFAULT_LIMIT, rec.text("stdout").length());
        String err = rec.text("stderr");
        assertTrue(err.contains("output truncated: " + String.format("%,d", 10_000_000 - OutputCapture.DEFAULT_LIMIT)), err);
        // the cap is per cell: the next cell prints again
        Recorder next = new Recorder();
        session.execute("System.out.println(\"again\")", next);
        assertEquals("again\n", next.text("stdout"));
    }

    @Test
    void displayAndUpdateDisplayShareOneId() {
        Recorder rec = new Recorder();
        Outcome o = session.execute("String id = display(\"first\");\nupdateDisplay(id, \"second\");\nid", rec);
        String id = (String) ((Outcome.Value) o).value();
        assertEquals(List.of("display:" + id, "update:" + id), rec.events);
        assertEquals("first", rec.outputs.get(0).data().get("text/plain"));
        assertEquals("second", rec.outputs.get(1).data().get("text/plain"));
    }

    @Test
    void libraryShowUpdatesTheNotebookOutputInPlace() {
        Recorder rec = new Recorder();
        Outcome o = session.execute("var h = visionlab.show.Show.show(Image.zeros(4, 2, 1));\n"
                + "h.update(Image.zeros(3, 6, 1));\nvisionlab.show.Show.backend().isInteractive()", rec);
        assertEquals(true, ((Outcome.Value) o).value());
        assertEquals(2, rec.events.size(), rec.events.toString());
        assertTrue(rec.events.get(0).startsWith("display:") && rec.events.get(1).startsWith("update:"));
        assertEquals(rec.events.get(0).substring(8), rec.events.get(1).substring(7));
        // the library may zoom small images for display; the aspect ratio tells the two pictures apart
        int[] first = Renderers.pngSize(java.util.Base64.getDecoder().decode(rec.outputs.get(0).data().get("image/png")));
        int[] second = Renderers.pngSize(java.util.Base64.getDecoder().decode(rec.outputs.get(1).data().get("image/png")));
        assertEquals(2 * first[1], first[0]);
        assertEquals(2 * second[0], second[1]);
    }

    @Test
    void textPrintedBeforeDisplayArrivesBeforeIt() {
        Recorder rec = new Recorder();
        session.execute("System.out.println(\"caption\");\ndisplay(\"picture\");", rec);
        assertEquals("stream:stdout:caption\n", rec.events.get(0));
        assertTrue(rec.events.get(1).startsWith("display:"));
    }

    @Test
    void magicsTimeHelpAndUnknown() {
        Recorder rec = new Recorder();
        assertEquals(6, ((Outcome.Value) session.execute("%time\nThread.sleep(50);\n2 * 3", rec)).value());
        String t = rec.text("stdout");
        assertTrue(t.startsWith("Wall time: "), t);
        double ms = Double.parseDouble(t.substring(11, t.indexOf(" ms")));
        assertTrue(ms >= 50, t);

        Recorder help = new Recorder();
        session.execute("%help", help);
        for (String m : List.of("%classpath", "%maven", "%load", "%time", "%help")) {
            assertTrue(help.text("stdout").contains(m), help.text("stdout"));
        }
        Outcome.Error e = error(run("%frobnicate 3"));
        assertEquals("UnknownMagic", e.ename());
        assertTrue(e.evalue().contains("%frobnicate"), e.evalue());
    }

    @Test
    void magicLoadRunsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("setup.jsh");
        Files.writeString(f, "int loadedA = 40;\nint loadedB() { return 2; }\n");
        assertEquals(42, value("%load " + f + "\nloadedA + loadedB()"));
        assertEquals("MagicError", error(run("%load " + dir.resolve("missing.jsh"))).ename());
    }

    @Test
    void magicClasspathAddsCompiledClassesByGlob(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/extra/Greeter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package extra; public class Greeter { public static String hi(String n) { return \"hi \" + n; } }");
        Path classes = dir.resolve("classes-1");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, rc);
        assertEquals("hi ada", value("%classpath " + dir.resolve("classes-*") + "\nextra.Greeter.hi(\"ada\")"));
        assertEquals("MagicError", error(run("%classpath " + dir.resolve("nothing-*.jar"))).ename());
    }

    @Test
    void isCompleteAsksForMoreOnAnOpenBraceWithIndent() {
        JavaEvaluator ev = session.evaluator();
        assertEquals("incomplete\n    ", ev.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete\n        ", ev.isComplete("void f() {\n  if (true) {"));
        assertEquals("complete", ev.isComplete("int q = 1;"));
        assertEquals("complete", ev.isComplete("1 + 2"));
        assertEquals("invalid", ev.isComplete("int 5x = ;"));
    }

    @Test
    void completionAndInspectionKnowTheLibrary() {
        JavaEvaluator ev = session.evaluator();
        int[] anchor = new int[1];
        String code = "Image.sam";
        List<String> c = ev.complete(code, code.length(), anchor);
        assertTrue(c.contains("sample("), c.toString());
        assertEquals(6, anchor[0]);
        String doc = ev.documentation("Math.max(", 9);
        assertTrue(doc != null && doc.contains("max("), doc);
        String atName = ev.documentation("Math.max", 8);
        assertTrue(atName != null && atName.contains("max("), atName);
    }
}
