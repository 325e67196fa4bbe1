package visionlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The kernel without sockets: runs cells (magics, then Java) with the Java part executing in an
 * {@link Executor} JVM, routes their output to a {@link Frontend}, and interrupts. One cell at a time. When
 * the executor ends (a cell called {@code System.exit}, {@code Runtime.halt} in any thread, a crash, or an
 * interrupt that did not take), the cell gets an error saying so and a fresh executor starts with the same
 * class path, imports and {@code %classpath} additions; this process never exits because of a cell.
 */
final class Session implements AutoCloseable {

    /** Interrupt escalation: after this grace a cell that ignored {@code Thread.interrupt} is stopped. */
    static final long STOP_AFTER_MS = 300;
    /** A cell still running this long after the interrupt (its stop did not take) ends its executor. */
    static final long KILL_AFTER_MS = 3000;

    private final PrintStream log;
    private final OutputCapture capture;
    private final Magics magics;
    private final ScheduledExecutorService timer;
    private final List<String> imports = defaultImports();
    private final List<String> classPathAdditions = new CopyOnWriteArrayList<>();
    private volatile Engine engine;
    private volatile boolean cellWaiting;
    private volatile boolean closed;
    private final Object runLock = new Object();
    private Engine running;
    private long cellNumber;
    private boolean pending;
    private boolean interruptRequested;
    private volatile boolean signalled;
    private int interruptsOfCell;
    private volatile boolean warmupWanted;
    private volatile boolean killedByKernel;
    private volatile String deathNotice;

    /** One executor JVM and the JShell that compiles for it. */
    private final class Engine implements Executor.Listener, JavaEvaluator.ResultWaiter {
        final Executor executor;
        final CompletableFuture<JavaEvaluator> evaluator;
        /** The executor, launched or not (set before JShell's thread starts, which may wait for results). */
        private final Executor own;
        private final Map<Integer, CompletableFuture<Outcome>> results = new ConcurrentHashMap<>();

        Engine() {
            // JShell starts compiling (javac's cold start is the longest part of a kernel start) while this
            // thread binds the executor's sockets and starts its JVM; JShell's commands wait for the connection
            Executor ex = Executor.create(this, log);
            own = ex;
            List<String> cp = List.copyOf(classPathAdditions);
            CompletableFuture<JavaEvaluator> ev = CompletableFuture.supplyAsync(() -> newEvaluator(ex, cp), r -> {
                Thread t = new Thread(r, "visionlab-jshell-start");
                t.setDaemon(true);
                t.start();
            });
            Executor launched = ex;
            try {
                ex.launch();
            } catch (IOException | RuntimeException e) {
                ex.abandon(e); // the JShell being built fails on its own: its executor never connects
                launched = null;
                ev = CompletableFuture.failedFuture(e);
            }
            executor = launched;
            evaluator = ev;
        }

        private JavaEvaluator newEvaluator(Executor ex, List<String> cp) {
            JavaEvaluator ev = new JavaEvaluator(ex, this, imports, log);
            for (String p : cp) {
                ev.addToClasspath(p);
            }
            Trace.mark("JShell built, imports done");
            if (!cellWaiting) {
                // nobody waits yet: compile one expression so the first cell does not pay for javac's cold paths
                ev.eval("1 + 1");
                Trace.mark("JShell warm");
            }
            return ev;
        }

        @Override
        public void text(boolean stderr, byte[] b, int off, int len) {
            (stderr ? capture.err : capture.out).write(b, off, len);
        }

        @Override
        public void display(String id, Rendered r, boolean update) {
            capture.flush(); // text printed before display() shows before it
            Frontend f = capture.frontend();
            if (f == null) {
                log.println("visionlab kernel: display without a cell: " + r.data().get("text/plain"));
                return;
            }
            f.display(r, id, update);
        }

        @Override
        public void result(int seq, byte status, Rendered r, String error) {
            Outcome o = switch (status) {
                case Frames.VALUE -> new Outcome.Value(r);
                case Frames.RENDER_ERROR -> new Outcome.Error("RenderError", "could not render the cell's value: " + error,
                        List.of("RenderError: could not render the cell's value: " + error));
                default -> new Outcome.NoValue();
            };
            results.computeIfAbsent(seq, k -> new CompletableFuture<>()).complete(o);
        }

        @Override
        public Outcome await(int seq) {
            CompletableFuture<Outcome> f = results.computeIfAbsent(seq, k -> new CompletableFuture<>());
            try {
                while (true) {
                    try {
                        return f.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        if (!own.alive()) {
                            throw new JavaEvaluator.ExecutorGone("the executor ended before the end of the cell");
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JavaEvaluator.ExecutorGone("interrupted while waiting for the executor");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new JavaEvaluator.ExecutorGone(String.valueOf(e.getCause()));
            } finally {
                results.remove(seq);
            }
        }

        @Override
        public void exited(Executor ex, int status) {
            if (closed) {
                return;
            }
            synchronized (runLock) {
                if (running == this) {
                    return; // the running cell reports it
                }
            }
            if (!ex.connected()) {
                // it could not start: the next cell says why and tries once more (no restart loop)
                log.println("visionlab kernel: the executor could not start (status " + status + ")");
                return;
            }
            if (engine == this) {
                log.println("visionlab kernel: the executor exited with status " + status + " while no cell ran; starting a fresh one");
                deathNotice = "[visionlab kernel: the Java process running cells exited (" + describe(status, ex.pid())
                        + ") after the previous cell ended, so the variables of earlier cells are gone; this cell runs in a fresh one]\n";
                replace(this);
            }
        }
    }

    /**
     * Starts the executor JVM and JShell in the background (they start while the caller binds its sockets).
     */
    Session(PrintStream log, long outputLimit) {
        this.log = log;
        this.capture = new OutputCapture(log, outputLimit);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visionlab-interrupt-timer");
            t.setDaemon(true);
            return t;
        });
        this.engine = new Engine();
        this.magics = new Magics(this);
    }

    /**
     * Warms javac in the background (the Jupyter kernel calls it; {@code ./lab run} does not): see
     * {@link CompilerWarmup}. It starts after the first cell, or 1.5 s after JShell is ready if no cell came,
     * so that it never competes with the start-up imports or the first cell.
     */
    void startCompilerWarmup() {
        warmupWanted = true;
        engine.evaluator.thenRun(() -> timer.schedule(this::startWarmupIfIdle, 1500, TimeUnit.MILLISECONDS));
    }

    private void startWarmupIfIdle() {
        if (warmupWanted && !cellRuns()) {
            CompilerWarmup.startOnce(imports, this::cellRuns, log);
        }
    }

    private boolean cellRuns() {
        synchronized (runLock) {
            return pending || closed;
        }
    }

    private synchronized void replace(Engine dead) {
        if (engine == dead && !closed) {
            engine = new Engine();
        }
    }

    PrintStream log() {
        return log;
    }

    /** Where magics print (the running cell's stdout). */
    PrintStream out() {
        return capture.out;
    }

    /** Where magics report problems (the running cell's stderr). */
    PrintStream err() {
        return capture.err;
    }

    JavaEvaluator evaluator() {
        return engine.evaluator.join();
    }

    /** Blocks until JShell and its executor are ready (startup imports done). */
    void awaitReady() {
        engine.evaluator.join();
    }

    /**
     * Runs one cell and returns its outcome; the cell's output goes to {@code frontend} as it is produced.
     * Errors are returned as {@link Outcome.Error}, never thrown.
     */
    Outcome execute(String code, Frontend frontend) {
        cellWaiting = true;
        synchronized (runLock) {
            pending = true; // an interrupt while JShell still starts applies to this cell
            interruptRequested = false;
        }
        try {
            return executeNow(code, frontend);
        } finally {
            synchronized (runLock) {
                pending = false;
                running = null;
            }
            if (warmupWanted) {
                CompilerWarmup.startOnce(imports, this::cellRuns, log); // after the first cell, at the latest
            }
        }
    }

    /** The cell's error when the executor JVM could not start; the next cell tries a fresh one. */
    private Outcome.Error startError(Engine en) {
        Integer status = en.executor.awaitExit(2000);
        replace(en);
        String opts = System.getenv(Executor.OPTIONS_ENV);
        String why = "the Java process that runs cells could not start (status " + status + ")"
                + (opts == null || opts.isBlank() ? "" : "; its options come from " + Executor.OPTIONS_ENV + "=" + opts);
        List<String> tb = new ArrayList<>(List.of("ExecutorStartError: " + why));
        for (String line : en.executor.lastOutput().split("\n")) {
            if (!line.isBlank()) {
                tb.add("    " + line);
            }
        }
        tb.add("(fix the options and run the cell again; each cell tries a fresh one)");
        return new Outcome.Error("ExecutorStartError", why, tb);
    }

    private Outcome executeNow(String code, Frontend frontend) {
        Engine en = engine;
        JavaEvaluator ev;
        try {
            ev = en.evaluator.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (en.executor != null && !en.executor.alive() && !en.executor.connected()) {
                return startError(en);
            }
            if (en.executor != null && !en.executor.alive()) {
                replace(en);
            }
            return new Outcome.Error("KernelStartError", "JShell or its executor JVM could not start: " + cause,
                    List.of("KernelStartError: JShell or its executor JVM could not start: " + cause,
                            "(see the Jupyter server log; run the cell again to retry)"));
        }
        if (en.executor != null && !en.executor.awaitStart()) {
            return startError(en);
        }
        Trace.mark("cell starts");
        capture.beginCell(frontend);
        String notice = deathNotice;
        if (notice != null) {
            deathNotice = null;
            capture.err.print(notice);
        }
        synchronized (runLock) {
            if (interruptRequested) {
                capture.endCell();
                return JavaEvaluator.interrupted(); // interrupted before it could start
            }
            running = en;
            cellNumber++;
            interruptsOfCell = 0;
            signalled = false;
            killedByKernel = false;
        }
        Outcome out;
        try {
            out = magics.run(code, ev);
        } catch (JavaEvaluator.ExecutorGone gone) {
            out = died(en, gone);
        } catch (Magics.MagicException e) {
            out = new Outcome.Error(e.ename, e.getMessage(), List.of(e.ename + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            out = new Outcome.Error(e.getClass().getName(), String.valueOf(e.getMessage()), List.of(e.toString()));
        }
        synchronized (runLock) {
            running = null;
        }
        capture.endCell();
        Trace.mark("cell ends");
        return out;
    }

    /** The error of a cell whose executor ended; a fresh executor starts for the next cell. */
    private Outcome died(Engine en, JavaEvaluator.ExecutorGone why) {
        Integer status = en.executor.awaitExit(3000);
        if (status == null) {
            // alive but not answering: end it, the next cell needs a working one
            en.executor.kill();
            status = en.executor.awaitExit(3000);
        }
        log.println("visionlab kernel: the executor ended (" + why.getMessage() + "), status " + status);
        replace(en);
        String what = killedByKernel
                ? "The cell did not stop within " + KILL_AFTER_MS / 1000 + " s of the interrupt, so the kernel ended the Java process running cells"
                : "The Java process running cells exited (" + describe(status == null ? -1 : status, en.executor.pid()) + ")";
        String msg = what + "; the variables of earlier cells are gone. A fresh one has started with the same class path, "
                + "imports and %classpath additions.";
        return new Outcome.Error("ExecutorExited", msg, List.of("ExecutorExited: " + msg));
    }

    /** "status 3", or the signal that ended the process and where a crash report is. */
    static String describe(int status, long pid) {
        StringBuilder sb = new StringBuilder("status " + status);
        if (status > 128 && status < 160) {
            int sig = status - 128;
            String name = switch (sig) {
                case 9 -> "SIGKILL: killed";
                case 6 -> "SIGABRT: the JVM aborted";
                case 11 -> "SIGSEGV: a native crash";
                default -> "signal " + sig;
            };
            sb.append(", ").append(name);
        }
        Path report = Path.of(System.getProperty("java.io.tmpdir"), "visionlab-executor-hs_err_" + pid + ".log");
        if (Files.isRegularFile(report)) {
            sb.append("; the JVM's crash report is ").append(report);
        }
        return sb.toString();
    }

    /**
     * Interrupts the running cell, if any: {@code Thread.interrupt()} on the executor's cell thread first
     * (stops sleep, wait, interruptible I/O and loops that check {@code Thread.interrupted()}); code that takes
     * the interrupt (catches {@code InterruptedException}) goes on as it chose, and a second interrupt of the same
     * cell stops it. If the cell ignored the interrupt and still runs after {@value #STOP_AFTER_MS} ms, an
     * error is thrown into the thread where it runs (JDI
     * {@code ThreadReference.stop}: busy loops in cell, library or JDK code); if it still runs
     * {@value #KILL_AFTER_MS} ms after the interrupt, the executor is ended and replaced. An interrupt when no
     * cell runs is ignored, and the executor clears the interrupt flag at the start of each snippet, so no
     * later cell sees it.
     */
    void interrupt() {
        Engine en;
        long cell;
        boolean first;
        synchronized (runLock) {
            en = running;
            if (en == null) {
                if (pending) {
                    interruptRequested = true; // the cell waits for JShell: it will not start
                }
                return;
            }
            interruptRequested = true;
            cell = cellNumber;
            first = ++interruptsOfCell == 1;
        }
        long t0 = System.nanoTime();
        timer.execute(() -> escalate(en, cell, t0, first));
    }

    private boolean stillRunning(Engine en, long cell) {
        synchronized (runLock) {
            return running == en && cellNumber == cell;
        }
    }

    private void escalate(Engine en, long cell, long t0, boolean first) {
        boolean delivered = en.executor.interruptCell();
        if (delivered) {
            signalled = true;
        }
        try {
            Thread.sleep(STOP_AFTER_MS);
            if (first && delivered && stillRunning(en, cell) && en.executor.interruptTaken()) {
                return; // the code took the interrupt and goes on as it chose (like Python's KeyboardInterrupt caught)
            }
            JavaEvaluator running = en.evaluator.getNow(null);
            if (running != null && stillRunning(en, cell)) {
                running.requestStop(); // no further snippet of this cell starts
            }
            while (stillRunning(en, cell)) {
                if ((System.nanoTime() - t0) / 1_000_000 >= KILL_AFTER_MS) {
                    JavaEvaluator ev = en.evaluator.getNow(null);
                    if (signalled || (ev != null && ev.finishing())) {
                        log.println("visionlab kernel: the cell did not stop; ending its executor");
                        killedByKernel = true;
                        en.executor.kill();
                    }
                    return;
                }
                if (en.executor.stopCell()) {
                    signalled = true;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds jars or class folders for this and later cells, also after an executor restart. The one class-path
     * function: {@code %classpath} calls it for each path.
     */
    void addToClasspath(String path) {
        classPathAdditions.add(path);
        evaluator().addToClasspath(path);
    }

    /** Startup imports: common JDK packages, every {@code visionlab} package on the class path, display functions. */
    static List<String> defaultImports() {
        List<String> imports = new ArrayList<>(List.of(
                "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
                "import java.io.*;", "import java.nio.file.*;", "import java.awt.image.BufferedImage;"));
        for (String p : libraryPackages(Executor.KERNEL_CLASS_PATH)) {
            imports.add("import " + p + ".*;");
        }
        imports.add("import static visionlab.kernel.Notebook.*;");
        return imports;
    }

    /** Packages under {@code visionlab} (not the kernel's) that hold classes, found on {@code classPath}. */
    static List<String> libraryPackages(String classPath) {
        TreeSet<String> found = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p) && Files.isDirectory(p.resolve("visionlab"))) {
                    try (var walk = Files.walk(p.resolve("visionlab"))) {
                        walk.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> addPackage(found, p.relativize(f).toString().replace(File.separatorChar, '/')));
                    }
                } else if (entry.endsWith(".jar") && Files.isRegularFile(p) && p.getFileName().toString().startsWith("visionlab-library")) {
                    try (JarFile jar = new JarFile(p.toFile())) {
                        jar.stream().map(ZipEntry::getName).forEach(n -> addPackage(found, n));
                    }
                }
            } catch (IOException e) {
                // an unreadable class path entry has no packages for us
            }
        }
        return new ArrayList<>(found);
    }

    private static void addPackage(TreeSet<String> found, String resource) {
        if (resource.startsWith("visionlab/") && resource.endsWith(".class") && !resource.startsWith("visionlab/kernel/")) {
            int slash = resource.lastIndexOf('/');
            String pkg = resource.substring(0, slash).replace('/', '.');
            String simple = resource.substring(slash + 1);
            if (!simple.contains("$") && !simple.equals("package-info.class") && !simple.equals("module-info.class")) {
                found.add(pkg);
            }
        }
    }

    Map<String, String> magicHelp() {
        return magics.help();
    }

    @Override
    public void close() {
        closed = true;
        Engine en = engine;
        if (en.evaluator.isDone() && !en.evaluator.isCompletedExceptionally()) {
            en.evaluator.join().close(); // the executor's command loop ends: it exits
        }
        if (en.executor != null) {
            en.executor.close();
        }
        timer.shutdownNow();
    }
}
