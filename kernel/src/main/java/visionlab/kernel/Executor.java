package visionlab.kernel;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.ListeningConnector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One executor JVM, started and owned by the kernel: it runs the cells ({@link ExecutorAgent}). The kernel
 * talks to it over two local sockets (JShell's command protocol, and {@link Frames} of output coming back),
 * each opened with a secret passed in the executor's environment, and holds a JDI connection to it to
 * interrupt and stop the cell thread wherever it runs. The kernel listens for that connection and the
 * executor's JDWP agent connects out to it as the JVM starts ({@code server=n}): the executor never listens
 * on a debugger port that another local process could reach first.
 * When it exits, for any reason, {@link Listener#exited} is told its status.
 */
final class Executor implements AutoCloseable {

    /** Environment variable with extra JVM options for the executor, e.g. {@code -Xmx2g}. */
    static final String OPTIONS_ENV = "VISIONLAB_EXECUTOR_OPTS";
    private final java.util.ArrayDeque<String> lastLines = new java.util.ArrayDeque<>();
    /** System property (set in kernel.json) naming the executor's class-data archive. */
    static final String ARCHIVE_PROPERTY = "visionlab.executor.archive";
    /** System property (set by the installer's warm-up run) naming an archive to write at the executor's exit. */
    static final String DUMP_PROPERTY = "visionlab.executor.dumpArchive";

    /** What the executor sends, and its end. Called on the executor's reader threads. */
    interface Listener {
        void text(boolean stderr, byte[] b, int off, int len);

        void display(String id, Rendered r, boolean update);

        void result(int seq, byte status, Rendered r, String error);

        void exited(Executor executor, int status);
    }

    private final Listener listener;
    private final PrintStream log;
    // set by launch(), before any thread that reads them starts
    private volatile Process process;
    private volatile ServerSocket server;
    private volatile String token;
    private final CompletableFuture<Socket> commands = new CompletableFuture<>();
    /** Where the kernel waits for the executor's JDWP agent (null for the installer's warm-up executor). */
    private volatile ListeningConnector debuggerListener;
    private volatile Map<String, Connector.Argument> debuggerArgs;
    private final CompletableFuture<VirtualMachine> jdi = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile DeferredExecutionControl control;
    private ThreadReference cellThread;
    private ClassType agentType;

    private Executor(Listener listener, PrintStream log) {
        this.listener = listener;
        this.log = log;
    }

    /** Binds the executor's sockets and starts its JVM; returns at once (it starts in the background). */
    void launch() throws IOException {
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        boolean debugged = System.getProperty(DUMP_PROPERTY) == null;
        this.debuggerListener = debugged ? socketListener() : null;
        this.debuggerArgs = debugged ? debuggerListener.defaultArguments() : null;
        int debuggerPort = -1;
        if (debugged) {
            debuggerArgs.get("localAddress").setValue("127.0.0.1");
            debuggerArgs.get("port").setValue("0");
            debuggerArgs.get("timeout").setValue(Long.toString(TimeUnit.SECONDS.toMillis(DeferredExecutionControl.CONNECT_SECONDS)));
            try {
                String address = debuggerListener.startListening(debuggerArgs);
                debuggerPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            } catch (IOException | com.sun.jdi.connect.IllegalConnectorArgumentsException | NumberFormatException e) {
                stopListening();
                server.close();
                throw new IOException("cannot listen for the executor's debugger connection: " + e, e);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command(server.getLocalPort(), debuggerPort));
        pb.environment().put(ExecutorAgent.TOKEN_ENV, token);
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        try {
            this.process = pb.start();
        } catch (IOException e) {
            stopListening();
            server.close();
            throw e;
        }
        Trace.mark("executor process started");
        daemon("visionlab-executor-log", this::readProcessOutput);
        daemon("visionlab-executor-accept", this::accept);
        if (debugged) {
            daemon("visionlab-executor-jdi", this::acceptDebugger);
        }
        process.onExit().thenRun(() -> {
            int status = process.exitValue();
            exit.complete(status);
            commands.completeExceptionally(new IOException("the executor exited with status " + status));
            stopListening();
            try {
                server.close();
            } catch (IOException e) {
                // closed already
            }
            listener.exited(this, status);
        });
    }

    /** Starts an executor JVM with this JVM's java and class path; returns at once (it starts in the background). */
    static Executor start(Listener listener, PrintStream log) throws IOException {
        Executor ex = create(listener, log);
        ex.launch();
        return ex;
    }

    /**
     * An executor not started yet: its {@link #provider()} can build a JShell (which compiles while
     * {@link #launch()} starts the JVM); commands wait for the connection.
     */
    static Executor create(Listener listener, PrintStream log) {
        return new Executor(listener, log);
    }

    /**
     * Gives up an executor whose {@link #launch()} failed: its sockets are closed and whatever waits for its
     * connection gets {@code cause}.
     */
    void abandon(Exception cause) {
        stopListening();
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
        commands.completeExceptionally(cause);
        exit.complete(-1);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The executor's class path: the kernel's, without the jars only the kernel needs (the Jupyter protocol,
     * ZeroMQ, the Maven resolver and theirs), so that cells and {@code %maven} see the library and its
     * dependencies only. The library lists its runtime jars in {@code visionlab/library-runtime.classpath};
     * a jar is kept when its artifact id is listed (the kernel's build may pick another version of it), and
     * class folders and {@code visionlab-*} jars are kept. Without that list, the kernel's whole class path.
     */
    static String classPath() {
        return classPath(KERNEL_CLASS_PATH, libraryJars());
    }

    /** This JVM's class path, read once (the kernel swaps the property while it builds a JShell). */
    static final String KERNEL_CLASS_PATH = System.getProperty("java.class.path");

    static String classPath(String kernelClassPath, java.util.Set<String> libraryJars) {
        if (libraryJars.isEmpty()) {
            return kernelClassPath;
        }
        List<String> kept = new ArrayList<>();
        for (String e : kernelClassPath.split(File.pathSeparator)) {
            String name = Path.of(e).getFileName() == null ? e : Path.of(e).getFileName().toString();
            if (!e.isEmpty() && (!name.endsWith(".jar") || name.startsWith("visionlab-") || libraryJars.contains(artifactOf(name)))) {
                kept.add(e);
            }
        }
        if (kept.size() > 1) { // the library is listed, not only reached through the kernel jar's manifest
            kept.replaceAll(Executor::withoutManifestClassPath);
        }
        return String.join(File.pathSeparator, kept);
    }

    /** The kernel jar's file name, and that of the same classes without the manifest {@code Class-Path}. */
    static final String KERNEL_JAR = "visionlab-kernel.jar";
    static final String EXECUTOR_JAR = "visionlab-kernel-executor.jar";

    /**
     * The build's {@value #EXECUTOR_JAR} in place of {@value #KERNEL_JAR} when it is beside it: the kernel
     * jar's manifest lists every jar of the kernel, and the JVM (like javac) follows it, so through it cells
     * would see the kernel's ZeroMQ, protocol and resolver jars.
     */
    private static String withoutManifestClassPath(String entry) {
        Path p = Path.of(entry);
        if (p.getFileName() != null && p.getFileName().toString().equals(KERNEL_JAR)) {
            Path twin = p.resolveSibling(EXECUTOR_JAR);
            if (Files.isRegularFile(twin)) {
                return twin.toString();
            }
        }
        return entry;
    }

    /** A jar's artifact id from its file name ({@code guava-33.0.0-jre.jar}: guava), so that versions may differ. */
    static String artifactOf(String jarName) {
        Matcher m = ARTIFACT.matcher(jarName);
        return m.matches() ? m.group(1) : jarName;
    }

    private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d.*\\.jar");

    static java.util.Set<String> libraryJars() {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (java.io.InputStream in = Executor.class.getResourceAsStream("/visionlab/library-runtime.classpath")) {
            if (in != null) {
                for (String e : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("[:;]")) {
                    if (!e.isBlank()) {
                        names.add(artifactOf(Path.of(e.strip()).getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            // no list: the whole class path
        }
        return names;
    }

    /**
     * The executor's command line: this JVM's java, headless, its JDWP agent connecting to the kernel's
     * {@code debuggerPort} on the loopback (none when negative), the user's options.
     */
    static List<String> command(int port, int debuggerPort) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String dump = System.getProperty(DUMP_PROPERTY);
        String archive = System.getProperty(ARCHIVE_PROPERTY);
        if (dump != null) {
            cmd.add("-XX:ArchiveClassesAtExit=" + dump);
        } else if (archive != null && Files.isRegularFile(Path.of(archive))) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
        }
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dslf4j.internal.verbosity=ERROR");
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "visionlab-executor-hs_err_%p.log"));
        if (debuggerPort >= 0) {
            // (a class-data dump refuses JVMTI agents; the installer's warm-up run needs no interrupts)
            cmd.add("-agentlib:jdwp=transport=dt_socket,server=n,suspend=n,address=127.0.0.1:" + debuggerPort);
        }
        cmd.addAll(userOptions(System.getenv(OPTIONS_ENV)));
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(ExecutorAgent.class.getName());
        cmd.add(Integer.toString(port));
        return cmd;
    }

    /** The options in {@code VISIONLAB_EXECUTOR_OPTS}, split at white space. */
    static List<String> userOptions(String env) {
        List<String> out = new ArrayList<>();
        if (env != null) {
            for (String s : env.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private void readProcessOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.println("visionlab executor: " + line);
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 6) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static ListeningConnector socketListener() throws IOException {
        for (ListeningConnector c : Bootstrap.virtualMachineManager().listeningConnectors()) {
            if (c.name().equals("com.sun.jdi.SocketListen")) {
                return c;
            }
        }
        throw new IOException("no JDI socket listening connector in this JDK");
    }

    /**
     * Takes the executor's JDWP connection (it connects as its JVM starts), then stops listening. Another
     * local process that connected first would get only the kernel's end of a debugger link, never control of
     * the executor, whose own connection is then refused: it exits at start and the next cell says so.
     */
    private void acceptDebugger() {
        try {
            VirtualMachine vm = debuggerListener.accept(debuggerArgs);
            Trace.mark("JDI attached to the executor");
            jdi.complete(vm);
        } catch (Exception e) {
            if (!closing && process.isAlive()) {
                log.println("visionlab kernel: the executor's debugger connection failed, so interrupts cannot stop busy loops: " + e);
            }
            jdi.completeExceptionally(e);
        } finally {
            stopListening();
        }
    }

    private void stopListening() {
        if (debuggerListener != null) {
            try {
                debuggerListener.stopListening(debuggerArgs);
            } catch (IOException | com.sun.jdi.connect.IllegalConnectorArgumentsException | RuntimeException e) {
                // not listening any more
            }
        }
    }

    private void accept() {
        int connections = 0;
        try {
            while (connections < 2) {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                DataInputStream hello = new DataInputStream(s.getInputStream());
                s.setSoTimeout(5000);
                String t;
                byte kind;
                try {
                    t = hello.readUTF();
                    kind = hello.readByte();
                } catch (IOException e) {
                    s.close();
                    continue;
                }
                s.setSoTimeout(0);
                if (!token.equals(t)) {
                    log.println("visionlab kernel: refused a connection without the executor's secret");
                    s.close();
                    continue;
                }
                connections++;
                if (kind == 'C') {
                    commands.complete(s);
                } else {
                    Socket out = s;
                    daemon("visionlab-executor-output", () -> readFrames(out));
                }
            }
            server.close();
        } catch (IOException e) {
            commands.completeExceptionally(e);
        }
    }

    private void readFrames(Socket s) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16))) {
            byte[] buf = new byte[8192];
            while (true) {
                byte kind;
                try {
                    kind = in.readByte();
                } catch (EOFException e) {
                    return;
                }
                switch (kind) {
                    case Frames.STDOUT, Frames.STDERR -> {
                        int n = in.readInt();
                        if (n > buf.length) {
                            buf = new byte[Math.max(n, 2 * buf.length)];
                        }
                        in.readFully(buf, 0, n);
                        listener.text(kind == Frames.STDERR, buf, 0, n);
                    }
                    case Frames.DISPLAY, Frames.UPDATE -> {
                        String id = Frames.readString(in);
                        listener.display(id, Frames.readRendered(in), kind == Frames.UPDATE);
                    }
                    case Frames.RESULT -> {
                        int seq = in.readInt();
                        byte status = in.readByte();
                        Rendered r = status == Frames.VALUE ? Frames.readRendered(in) : null;
                        String error = status == Frames.RENDER_ERROR ? Frames.readString(in) : null;
                        listener.result(seq, status, r, error);
                    }
                    default -> throw new IOException("unknown frame kind " + kind);
                }
            }
        } catch (IOException e) {
            if (!closing && process.isAlive()) {
                log.println("visionlab kernel: executor output channel broke: " + e);
            }
        }
    }

    /** JShell's execution engine: the executor's command socket. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "visionlab-executor";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                exit.thenRun(env::closeDown);
                CompletableFuture<ExecutionControl> real = commands.thenApply(s -> {
                    Trace.mark("executor connected");
                    try {
                        return Util.remoteInputOutput(new BufferedInputStream(s.getInputStream(), 1 << 16),
                                new BufferedOutputStream(s.getOutputStream(), 1 << 16), Map.of(), Map.of(),
                                (in, out) -> new StreamingExecutionControl(out, in) {
                                    @Override
                                    public void close() {
                                        super.close();
                                        try {
                                            s.close();
                                        } catch (IOException e) {
                                            // closed already
                                        }
                                    }
                                });
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                return control = new DeferredExecutionControl(real);
            }
        };
    }

    /** The execution control JShell uses (for the kernel's own extension commands). */
    ExecutionControl control() {
        return control;
    }

    /**
     * Waits until the executor has connected (true) or has exited before it could (false: a start failure,
     * such as a bad {@code VISIONLAB_EXECUTOR_OPTS}; see {@link #lastOutput()}).
     */
    boolean awaitStart() {
        try {
            commands.get(DeferredExecutionControl.CONNECT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the executor connected to the kernel (it ran; a death after that is not a start failure). */
    boolean connected() {
        return commands.isDone() && !commands.isCompletedExceptionally();
    }

    /** The executor's last lines of output (at most 6): what a JVM that could not start said. */
    String lastOutput() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** Waits up to {@code ms} for the exit status; null when it still runs. */
    Integer awaitExit(long ms) {
        try {
            return exit.get(ms, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** {@code Thread.interrupt()} on the cell thread, if it runs cell code now. */
    boolean interruptCell() {
        return signal(false);
    }

    /**
     * Throws an error into the cell thread where it runs (JDI {@code ThreadReference.stop}, which reaches
     * busy loops in cell, library and JDK code), if it runs cell code now. Returns whether it was sent.
     */
    boolean stopCell() {
        return signal(true);
    }

    /**
     * Whether the cell thread's interrupt flag is clear again after {@link #interruptCell()}: its code took the
     * interrupt ({@code sleep} or {@code wait} threw {@code InterruptedException}, or it read
     * {@code Thread.interrupted()}), so it reacts to interrupts and is not stopped by force. Reads
     * {@code Thread.interrupted} (a field since Java 14); false when it cannot tell.
     */
    synchronized boolean interruptTaken() {
        try {
            jdi.get(2, TimeUnit.SECONDS);
            if (cellThread == null) {
                return false;
            }
            Field flag = cellThread.referenceType().fieldByName("interrupted");
            return flag != null && cellThread.getValue(flag) instanceof BooleanValue b && !b.value();
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized boolean signal(boolean stop) {
        try {
            VirtualMachine vm = jdi.get(2, TimeUnit.SECONDS);
            if (agentType == null) {
                agentType = (ClassType) vm.classesByName(ExecutorAgent.class.getName()).get(0);
            }
            if (cellThread == null) {
                for (ThreadReference t : vm.allThreads()) {
                    if (t.name().equals(ExecutorAgent.CELL_THREAD)) {
                        cellThread = t;
                    }
                }
                if (cellThread == null) {
                    return false;
                }
            }
            cellThread.suspend();
            try {
                boolean inCell = ((BooleanValue) agentType.getValue(agentType.fieldByName("inCell"))).value();
                if (!inCell) {
                    return false;
                }
                if (stop) {
                    cellThread.stop((ObjectReference) agentType.getValue(agentType.fieldByName("STOP")));
                } else {
                    cellThread.interrupt();
                }
                return true;
            } finally {
                cellThread.resume();
            }
        } catch (Exception e) {
            if (process.isAlive()) {
                log.println("visionlab kernel: could not " + (stop ? "stop" : "interrupt") + " the cell: " + e);
            }
            return false;
        }
    }

    /** Ends the executor at once. */
    void kill() {
        process.destroyForcibly();
    }

    /** Ends the executor: it exits when JShell closes its command socket; killed if it lingers. */
    @Override
    public void close() {
        closing = true;
        stopListening();
        if (jdi.isDone() && !jdi.isCompletedExceptionally()) {
            try {
                jdi.join().dispose();
            } catch (RuntimeException e) {
                // already disconnected
            }
        }
        if (awaitExit(Long.getLong("visionlab.executor.exitWaitMs", 2000)) == null) {
            process.destroyForcibly();
        }
    }
}
