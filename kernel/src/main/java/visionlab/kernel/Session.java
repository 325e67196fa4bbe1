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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import visionlab.show.Show;

/**
 * The kernel without sockets: runs cells (magics, then Java) on a fresh thread each, routes their output
 * to a {@link Frontend}, renders values, keeps display ids, and interrupts. One cell at a time.
 */
final class Session implements AutoCloseable {

    /** Interrupt escalation: after this grace a cell that ignored {@code Thread.interrupt} is stopped. */
    static final long STOP_AFTER_MS = 300;

    private static volatile Session current;

    private final PrintStream log;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final java.io.InputStream originalIn = System.in;
    private final CompletableFuture<JavaEvaluator> evaluator;
    private final Renderers renderers = Renderers.defaults();
    private final OutputCapture capture;
    private final Magics magics;
    private final boolean exitGuarded;
    private final ScheduledExecutorService timer;
    private final AtomicInteger displayIds = new AtomicInteger();
    private volatile boolean cellWaiting;
    private final Object runLock = new Object();
    private Thread running;
    private boolean interruptRequested;

    /**
     * Starts JShell in the background, redirects {@code System.out/err} through an {@link OutputCapture},
     * guards {@code System.exit}, and installs the notebook display backend into {@code visionlab.show}.
     */
    Session(PrintStream log, long outputLimit) {
        this.log = log;
        this.capture = new OutputCapture(log, outputLimit);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visionlab-interrupt-timer");
            t.setDaemon(true);
            return t;
        });
        List<String> imports = defaultImports();
        this.exitGuarded = ExitGuard.install();
        boolean redirectExit = !exitGuarded;
        this.evaluator = CompletableFuture.supplyAsync(() -> {
            JavaEvaluator ev = new JavaEvaluator(imports, log, redirectExit);
            Trace.mark("JShell built, imports done");
            if (!cellWaiting) {
                // nobody waits yet: compile one expression so the first cell does not pay for javac's cold paths
                ev.eval("1 + 1");
                Trace.mark("JShell warm");
            }
            return ev;
        }, r -> {
            Thread t = new Thread(r, "visionlab-jshell-start");
            t.setDaemon(true);
            t.start();
        });
        this.magics = new Magics(this);
        System.setOut(capture.out);
        System.setErr(capture.err);
        // cells have no keyboard: reading System.in gives end-of-input instead of blocking on the server's stdin
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        current = this;
        Show.setBackend(new JupyterShow(this));
    }

    /** The running session (for {@link Notebook}'s static functions). */
    static Session current() {
        Session s = current;
        if (s == null) {
            throw new IllegalStateException("display: no VisionLab kernel session is running");
        }
        return s;
    }

    boolean exitGuarded() {
        return exitGuarded;
    }

    PrintStream log() {
        return log;
    }

    JavaEvaluator evaluator() {
        return evaluator.join();
    }

    /** Blocks until JShell is ready (startup imports done). */
    void awaitReady() {
        evaluator.join();
    }

    /** Renders a value with the registry. */
    Rendered render(Object value) {
        return renderers.render(value);
    }

    /**
     * Runs one cell and returns its outcome; the cell's output goes to {@code frontend} as it is produced.
     * Errors are returned as {@link Outcome.Error}, never thrown.
     */
    Outcome execute(String code, Frontend frontend) {
        cellWaiting = true;
        JavaEvaluator ev;
        try {
            ev = evaluator.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Outcome.Error("KernelStartError", "JShell could not start: " + cause,
                    List.of("KernelStartError: JShell could not start: " + cause, "(see the Jupyter server log)"));
        }
        Trace.mark("cell starts");
        capture.beginCell(frontend);
        Outcome[] result = new Outcome[1];
        Thread cell = new Thread(ExitGuard.CELLS, () -> result[0] = runCell(ev, code), "visionlab-cell");
        cell.setDaemon(true);
        synchronized (runLock) {
            running = cell;
            interruptRequested = false;
        }
        cell.start();
        boolean joined = false;
        while (!joined) {
            try {
                cell.join();
                joined = true;
            } catch (InterruptedException e) {
                interrupt();
            }
        }
        boolean wasInterrupted;
        synchronized (runLock) {
            running = null;
            wasInterrupted = interruptRequested;
        }
        capture.endCell();
        Trace.mark("cell ends");
        Outcome out = result[0];
        if (out == null) {
            out = new Outcome.Error("Interrupted", "the cell was stopped", List.of("Interrupted: the cell was stopped"));
        } else if (wasInterrupted && out instanceof Outcome.Error e && e.ename().equals("java.lang.ThreadDeath")) {
            out = new Outcome.Error("Interrupted", "the cell was stopped", List.of("Interrupted: the cell was stopped"));
        }
        return out;
    }

    private Outcome runCell(JavaEvaluator ev, String code) {
        try {
            return magics.run(code, ev);
        } catch (ThreadDeath stopped) {
            return new Outcome.Error("Interrupted", "the cell was stopped", List.of("Interrupted: the cell was stopped"));
        } catch (Magics.MagicException e) {
            return new Outcome.Error(e.ename, e.getMessage(), List.of(e.ename + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            return new Outcome.Error(e.getClass().getName(), String.valueOf(e.getMessage()), ev.traceback(e, null, -1));
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    /**
     * Interrupts the running cell, if any: {@code Thread.interrupt()} first (stops sleep, wait, interruptible
     * I/O and loops that check {@code Thread.interrupted()}); if the cell still runs after
     * {@value #STOP_AFTER_MS} ms, {@code Thread.stop()} on Java 17-19. An interrupt when no cell runs is
     * ignored, and every cell runs on a fresh thread, so no later cell ever sees it.
     */
    void interrupt() {
        Thread t;
        synchronized (runLock) {
            t = running;
            if (t == null) {
                return;
            }
            interruptRequested = true;
            t.interrupt();
        }
        timer.schedule(() -> escalate(t), STOP_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void escalate(Thread t) {
        synchronized (runLock) {
            if (running != t || !t.isAlive()) {
                return;
            }
            if (Runtime.version().feature() < 20) {
                t.stop();
                return;
            }
        }
        capture.err.println("[visionlab kernel: the cell ignores interrupts (a loop that never checks "
                + "Thread.interrupted()); Java " + Runtime.version().feature()
                + " cannot stop it. Restart the kernel to get control back.]");
    }

    /** Shows {@code value} as a new output and returns its display id. */
    String display(Object value) {
        String id = "visionlab-" + ProcessHandle.current().pid() + "-" + displayIds.incrementAndGet();
        send(value, id, false);
        return id;
    }

    /** Replaces the output shown under {@code id} with {@code value}. */
    void updateDisplay(String id, Object value) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: expected an id returned by display(x), got " + id);
        }
        send(value, id, true);
    }

    private void send(Object value, String id, boolean update) {
        Frontend f = capture.frontend();
        Rendered r = render(value);
        System.out.flush();
        System.err.flush();
        capture.flush(); // text printed before display() shows before it
        if (f == null) {
            log.println("visionlab kernel: display without a cell: " + r.data().get("text/plain"));
            return;
        }
        f.display(r, id, update);
    }

    void addToClasspath(String path) {
        evaluator().addToClasspath(path);
    }

    /** Startup imports: common JDK packages, every {@code visionlab} package on the class path, display functions. */
    static List<String> defaultImports() {
        List<String> imports = new ArrayList<>(List.of(
                "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
                "import java.io.*;", "import java.nio.file.*;", "import java.awt.image.BufferedImage;"));
        for (String p : libraryPackages(System.getProperty("java.class.path"))) {
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

    /** Starts the XChart and PNG code paths in the background so the first chart cell is quick. */
    void warmRendering() {
        evaluator.thenRunAsync(() -> {
            try {
                render(Warmup.chart());
                render(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));
            } catch (RuntimeException | LinkageError e) {
                log.println("visionlab kernel: rendering warm-up failed: " + e);
            }
        }, r -> {
            Thread t = new Thread(r, "visionlab-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        });
    }

    Map<String, String> magicHelp() {
        return magics.help();
    }

    @Override
    public void close() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
        timer.shutdownNow();
        if (current == this) {
            current = null;
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
            Show.setBackend(new visionlab.show.ConsoleBackend());
            ExitGuard.uninstall();
        }
    }
}
