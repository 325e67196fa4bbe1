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

/**
 * The kernel without sockets, with its executor JVM: cells, values rendered in the executor, errors, interrupts
 * of every kind of loop, executor death and restart, streaming, display, magics.
 */
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

    /** The text/plain form of the cell's value (rendered in the executor). */
    static String value(String code) {
        Outcome o = run(code);
        assertInstanceOf(Outcome.Value.class, o, () -> "cell " + code + " gave " + o);
        return ((Outcome.Value) o).rendered().data().get("text/plain");
    }

    static Outcome.Error error(Outcome o) {
        return assertInstanceOf(Outcome.Error.class, o, () -> "expected an error, got " + o);
    }

    @Test
    void lastExpressionValueIsRenderedFromTheRealObject() {
        assertEquals(new Point(3, 4).toString(), value("int a = 3;\nnew java.awt.Point(a, 4)"));
        Outcome o = run("new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB)");
        Rendered r = ((Outcome.Value) o).rendered();
        int[] size = Renderers.pngSize(java.util.Base64.getDecoder().decode(r.data().get("image/png")));
        assertEquals(List.of(40, 30), List.of(size[0], size[1]));
    }

    @Test
    void expressionWithoutSemicolonIsTheValueWithSemicolonIsNot() {
        assertEquals("3", value("1 + 2"));
        assertInstanceOf(Outcome.NoValue.class, run("1 + 2;"));
    }

    @Test
    void declarationsAndMethodsPersistAcrossCells() {
        assertInstanceOf(Outcome.NoValue.class, run("int base = 20;\nint twice(int k) { return 2 * k; }"));
        assertEquals("41", value("twice(base) + 1"));
        assertInstanceOf(Outcome.NoValue.class, run("base = 7;"), "a statement ending in ';' shows nothing");
        assertEquals("14", value("twice(base)"));
    }

    @Test
    void libraryPackagesAreImportedAtStart() {
        assertEquals("visionlab.image.Image", value("Image.zeros(5, 3, 1).getClass().getName()"));
    }

    /**
     * The start-up imports are evaluated as one snippet: each of its lines must be in effect (a class that only
     * that import makes visible resolves by its simple name), and a learner's own import of one of them must
     * not replace the others.
     */
    @Test
    void everyStartupImportIsInEffectAndReimportingOneKeepsTheOthers() throws Exception {
        List<String> imports = Session.defaultImports();
        List<String> packages = new java.util.ArrayList<>(List.of("java.lang"));
        for (String imp : imports) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("import ([\\w.]+)\\.\\*;").matcher(imp);
            if (m.matches()) {
                packages.add(m.group(1));
            }
        }
        java.util.Map<String, List<String>> owners = new java.util.HashMap<>();
        for (String p : packages) {
            for (String simple : publicClasses(p)) {
                owners.computeIfAbsent(simple, k -> new java.util.ArrayList<>()).add(p);
            }
        }
        List<String> names = new java.util.ArrayList<>();
        List<String> expected = new java.util.ArrayList<>();
        for (String p : packages.subList(1, packages.size())) {
            String unique = publicClasses(p).stream().filter(n -> owners.get(n).size() == 1).findFirst()
                    .orElseThrow(() -> new AssertionError("no class name only " + p + " has"));
            names.add(unique + ".class.getName()");
            expected.add(p + "." + unique);
        }
        names.add("BufferedImage.class.getName()");
        expected.add("java.awt.image.BufferedImage");
        assertTrue(imports.contains("import java.awt.image.BufferedImage;"), imports::toString);
        assertTrue(packages.size() > 10, packages::toString);
        String cell = "Runnable show = () -> display(\"x\");\nString.join(\",\", List.of(" + String.join(", ", names) + "))";
        assertEquals(String.join(",", expected), value(cell));
        assertInstanceOf(Outcome.NoValue.class, run("import java.util.*;"));
        assertEquals(String.join(",", expected), value(cell));
    }

    /** Simple names of the public top-level classes of package {@code p}, from the JDK image or the class path. */
    private static List<String> publicClasses(String p) throws Exception {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        java.util.function.Consumer<String> add = file -> {
            String simple = file.substring(0, file.length() - ".class".length());
            if (!simple.contains("$") && !simple.contains("-")) {
                try {
                    Class<?> c = Class.forName(p + "." + simple, false, SessionTest.class.getClassLoader());
                    if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                        found.add(simple);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here: not a candidate
                }
            }
        };
        java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
        Path modules = jrt.getPath("/packages", p);
        if (Files.isDirectory(modules)) {
            try (var mods = Files.list(modules)) {
                for (Path mod : (Iterable<Path>) mods::iterator) {
                    try (var files = Files.list(jrt.getPath("/modules", mod.getFileName().toString(), p.replace('.', '/')))) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(add);
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path e = Path.of(entry);
            if (Files.isDirectory(e.resolve(p.replace('.', '/')))) {
                try (var files = Files.list(e.resolve(p.replace('.', '/')))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(add);
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(e)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e.toFile())) {
                    String dir = p.replace('.', '/') + "/";
                    jar.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0 && n.endsWith(".class"))
                            .map(n -> n.substring(dir.length())).forEach(add);
                }
            }
        }
        return List.copyOf(found);
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
        assertEquals("1", value("ok"));
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
        assertEquals("2", value("1 + 1"), "the kernel answers the next cell");
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

    /** The executor's death is an error naming its status; the next cell runs in a fresh one, without old variables. */
    static void assertExecutorExited(Outcome o, String status) {
        Outcome.Error e = error(o);
        assertEquals("ExecutorExited", e.ename());
        assertTrue(e.evalue().contains("exited (status " + status), e.evalue());
        assertTrue(e.evalue().contains("variables of earlier cells are gone"), e.evalue());
    }

    @Test
    void systemExitEndsOnlyTheExecutorAndAFreshOneAnswers() {
        run("int before = 5;");
        assertExecutorExited(run("System.out.println(\"bye\");\nSystem.exit(3);"), "3");
        assertEquals("5", value("2 + 3"));
        assertEquals("CompileError", error(run("before")).ename(), "earlier variables are gone");
    }

    @Test
    void haltInAThreadTheCellStartedEndsOnlyTheExecutor() {
        assertExecutorExited(run("new Thread(() -> Runtime.getRuntime().halt(4)).start();\nThread.sleep(20_000);"), "4");
        assertEquals("9", value("3 * 3"));
    }

    @Test
    void stackOverflowIsAnErrorWithAShortTraceback() {
        run("int down(int n) { return down(n + 1) + 1; }");
        Outcome.Error e = error(run("down(0)"));
        assertEquals("java.lang.StackOverflowError", e.ename());
        assertTrue(e.traceback().size() <= JavaEvaluator.MAX_FRAMES + 3, "traceback of " + e.traceback().size() + " lines");
        assertTrue(e.traceback().get(1).contains("in down()"), e.traceback().toString());
        assertEquals("1", value("1"));
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

    /** Interrupts {@code code} (a loop that never checks for interrupts) and checks it stopped within 1 s. */
    private static void assertBusyLoopStops(String code) {
        run("int keptAcrossTheStop = 17;");
        long[] at = new long[1];
        interruptAfter(500, at);
        Outcome.Error e = error(run(code));
        long stoppedMs = (System.nanoTime() - at[0]) / 1_000_000;
        assertEquals("Interrupted", e.ename());
        assertTrue(e.evalue().contains("interrupted"), e.evalue());
        assertTrue(stoppedMs < 1000, "stopped " + stoppedMs + " ms after the interrupt");
        long t0 = System.nanoTime();
        assertEquals("17", value("keptAcrossTheStop"), "variables of earlier cells are kept");
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "the next cell answers within 2 s");
    }

    @Test
    void interruptStopsABusyLoopInCellCode() {
        assertBusyLoopStops("long k = 0;\nwhile (true) { k++; }");
    }

    @Test
    void interruptStopsABusyLoopInLibraryCode() {
        assertBusyLoopStops("visionlab.kernel.testlib.SlowLoop.spin()");
    }

    @Test
    void interruptStopsABusyLoopInJdkCode() {
        assertBusyLoopStops("java.util.stream.LongStream.range(0, Long.MAX_VALUE).map(x -> x * 31).sum()");
    }

    @Test
    void aCellThatSwallowsTheStopIsEndedWithItsExecutor() {
        long[] at = new long[1];
        interruptAfter(300, at);
        Outcome.Error e = error(run("while (true) { try { while (true) { } } catch (Throwable t) { } }"));
        long ms = (System.nanoTime() - at[0]) / 1_000_000;
        assertEquals("ExecutorExited", e.ename());
        assertTrue(e.evalue().contains("did not stop"), e.evalue());
        assertTrue(ms < Session.KILL_AFTER_MS + 3000, "took " + ms + " ms");
        assertEquals("4", value("2 * 2"));
    }

    @Test
    void aLoopThatSwallowsInterruptsGoesOnAfterTheFirstAndStopsAtTheSecond() {
        long[] first = new long[1];
        long[] second = new long[1];
        interruptAfter(300, first);
        interruptAfter(1500, second);
        Recorder rec = new Recorder();
        Outcome.Error e = error(session.execute("int caught = 0;\nwhile (true) { try { Thread.sleep(20); } "
                + "catch (InterruptedException x) { caught++; System.out.println(\"caught \" + caught); } }", rec));
        long ms = (System.nanoTime() - second[0]) / 1_000_000;
        assertEquals("Interrupted", e.ename());
        assertTrue(rec.text("stdout").contains("caught 1"), "the first interrupt reached the code: " + rec.text("stdout"));
        assertTrue(ms < 1000, "stopped " + ms + " ms after the second interrupt");
        assertEquals("6", value("3 * 2"));
    }

    @Test
    void aFinalVoidCallHasNoValueAndRunsExactlyOnce() {
        assertInstanceOf(Outcome.NoValue.class, run("int bumps = 0;\nvoid bump() { bumps++; }"));
        assertInstanceOf(Outcome.NoValue.class, run("bump()"));
        assertEquals("1", value("bumps"));
        assertInstanceOf(Outcome.NoValue.class, run("System.out.println(bumps)"));
    }

    @Test
    void finalExpressionsKeepTheirValueTypeAndLineNumbers() {
        assertEquals("a", value("'a'"));
        assertEquals("[1, 2]", value("List.of(1,\n 2) // a comment"));
        assertEquals("null", value("(String) null"));
        Outcome.Error e = error(run("int z = 0;\n10 / z"));
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertTrue(String.join("\n", e.traceback()).contains("at cell line 2"), String.join("\n", e.traceback()));
        assertEquals("CompileError", error(run("() -> 1")).ename());
    }

    @Test
    void cellsSeeTheLibraryButNotTheKernelsProtocolJars() {
        assertEquals("XYChart", value("Class.forName(\"org.knowm.xchart.XYChart\").getSimpleName()"));
        assertEquals("java.lang.ClassNotFoundException", error(run("Class.forName(\"org.zeromq.ZMQ\")")).ename());
        // javac sees the executor's class path too: a kernel-only class does not compile (it would not load)
        Outcome.Error e = error(run("org.zeromq.ZMQ.getVersionString()"));
        assertEquals("CompileError", e.ename());
        assertTrue(e.evalue().contains("org.zeromq"), e.evalue());
    }

    @Test
    void readingSystemInGivesEndOfInputInsteadOfBlocking() {
        assertEquals("-1", value("System.in.read()"));
    }

    @Test
    void theNextCellNeverSeesAStaleInterrupt() {
        session.interrupt(); // while idle: must be ignored
        assertEquals("false", value("Thread.sleep(100); Thread.currentThread().isInterrupted()"));
        long[] at = new long[1];
        interruptAfter(200, at);
        // the cell swallows the interrupt and ends normally
        assertEquals("caught", value("String r = \"none\";\ntry { Thread.sleep(5_000); } catch (InterruptedException x) { r = \"caught\"; }\nr"));
        assertEquals("slept", value("Thread.sleep(300);\n\"slept\""));
        assertEquals("false", value("Thread.currentThread().isInterrupted()"));
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
        String id = ((Outcome.Value) o).rendered().data().get("text/plain");
        assertEquals(List.of("display:" + id, "update:" + id), rec.events);
        assertEquals("first", rec.outputs.get(0).data().get("text/plain"));
        assertEquals("second", rec.outputs.get(1).data().get("text/plain"));
    }

    @Test
    void libraryShowUpdatesTheNotebookOutputInPlace() {
        Recorder rec = new Recorder();
        Outcome o = session.execute("var h = visionlab.show.Show.show(Image.zeros(4, 2, 1));\n"
                + "h.update(Image.zeros(3, 6, 1));\nvisionlab.show.Show.backend().isInteractive()", rec);
        assertEquals("true", ((Outcome.Value) o).rendered().data().get("text/plain"));
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
        assertEquals("6", ((Outcome.Value) session.execute("%time\nThread.sleep(50);\n2 * 3", rec)).rendered().data().get("text/plain"));
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
        assertEquals("42", value("%load " + f + "\nloadedA + loadedB()"));
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
