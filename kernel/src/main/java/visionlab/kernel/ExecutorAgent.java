package visionlab.kernel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.Util;
import visionlab.show.Show;

/**
 * The executor JVM's main class: JShell's remote agent. The kernel compiles cells; this JVM loads and runs
 * them on its one cell thread, renders their values, and sends every output over {@link ExecutorOutput}.
 * Commands arrive on a second socket with JShell's own protocol ({@link Util#forwardExecutionControlAndIO}).
 *
 * <p>Extends {@link DirectExecutionControl} rather than {@code RemoteExecutionControl}: the latter's
 * {@code redefine} only records classes that a JDI front end has redefined, and its stop fields are private
 * to JShell's own JDI engine. Here {@code redefine} is refused (JShell then replaces the class), and the
 * kernel stops the cell thread itself through JDI when {@link #inCell} says it runs cell code.
 */
public final class ExecutorAgent extends DirectExecutionControl {

    /** Name of the thread that runs cells (the kernel finds it by this name through JDI). */
    static final String CELL_THREAD = "visionlab-cell";
    /** Environment variable carrying the secret each socket connection must start with. */
    static final String TOKEN_ENV = "VISIONLAB_EXECUTOR_TOKEN";
    /** extensionCommand: end of a cell; {@code int[]{seq, wantValue}}. */
    static final String FINISH = "visionlab.finish";

    /** True while the cell thread runs cell code (read by the kernel through JDI before it stops the thread). */
    static volatile boolean inCell;

    /** Thrown into the cell thread by the kernel (JDI {@code ThreadReference.stop}). */
    static final CellStopped STOP = new CellStopped();

    /** The asynchronous exception of an interrupt. */
    static final class CellStopped extends Error {
        private static final long serialVersionUID = 1L;

        CellStopped() {
            super("the cell was interrupted", null, false, false);
        }
    }

    private static final Object NO_VALUE = new Object();

    private final ExecutorOutput output;
    private final Set<String> onClassPath = new HashSet<>();
    private Object lastValue = NO_VALUE;
    private static Object kept = NO_VALUE;
    private boolean warming;

    private ExecutorAgent(ExecutorOutput output) {
        this.output = output;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            onClassPath.add(new File(e).getAbsolutePath());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ExecutorAgent PORT (started by the VisionLab kernel)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String token = System.getenv(TOKEN_ENV);
        Socket commands = connect(port, token, 'C');
        Socket outputs = connect(port, token, 'O');
        ExecutorOutput output = new ExecutorOutput(outputs.getOutputStream());
        System.setOut(output.stdout);
        System.setErr(output.stderr);
        // cells have no keyboard: reading System.in gives end-of-input
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(output::flush, "visionlab-output-at-exit"));
        watchKernel(outputs);
        Show.setBackend(new JupyterShow());
        Thread.currentThread().setName(CELL_THREAD);
        Util.forwardExecutionControlAndIO(new ExecutorAgent(output),
                new BufferedInputStream(commands.getInputStream(), 1 << 16),
                new BufferedOutputStream(commands.getOutputStream(), 1 << 16), Map.of(), Map.of());
        // the kernel closed JShell or went away: end, also when threads a cell started still run
        output.flush();
        System.exit(0);
    }

    /**
     * Ends this JVM when the kernel goes away (the kernel never writes on the output socket: end of input means
     * it closed or died), also while a busy cell keeps the command loop from noticing.
     */
    private static void watchKernel(Socket outputs) {
        Thread t = new Thread(() -> {
            try {
                while (outputs.getInputStream().read() >= 0) {
                    // nothing is sent this way
                }
            } catch (IOException e) {
                // the connection broke: the same as closed
            }
            Runtime.getRuntime().halt(0);
        }, "visionlab-kernel-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Socket connect(int port, String token, char kind) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        DataOutputStream hello = new DataOutputStream(s.getOutputStream());
        hello.writeUTF(token == null ? "" : token);
        hello.writeByte(kind);
        hello.flush();
        return s;
    }

    /** Called on entering a frame write: returns whether the cell thread was stoppable (then it no longer is). */
    static boolean leaveStoppable() {
        if (inCell && Thread.currentThread().getName().equals(CELL_THREAD)) {
            inCell = false;
            return true;
        }
        return false;
    }

    static void enterStoppable() {
        inCell = true;
    }

    @Override
    protected void clientCodeEnter() {
        Thread.interrupted(); // an interrupt meant for an earlier cell is forgotten
        lastValue = NO_VALUE;
        inCell = true;
    }

    @Override
    protected void clientCodeLeave() {
        inCell = false;
        Thread.interrupted(); // the command loop must not see the cell's interrupt
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        kept = NO_VALUE;
        Object r = doitMethod.invoke(null);
        lastValue = kept != NO_VALUE ? kept : r;
        kept = NO_VALUE;
        return ""; // JShell only needs a short text; the value is rendered at the end of the cell
    }

    /**
     * The value of a cell's final expression. The kernel compiles {@code x * 2} as the block
     * {@code { ExecutorAgent.cellValue(x * 2); }}: JShell compiles a block in four javac passes, the expression
     * statement {@code cellValue(x * 2);} in five (it first infers the call's type), and an expression snippet
     * also declares a {@code $N} variable that every later snippet imports.
     */
    public static void cellValue(Object value) {
        kept = value;
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        if (ex instanceof CellStopped || ex.getCause() instanceof CellStopped) {
            // the stop landed outside the reflective call, between cell code and JShell's frames
            throw new UserException(STOP.getMessage(), CellStopped.class.getName(), new StackTraceElement[0]);
        }
        return super.throwConvertedOtherException(ex);
    }

    /**
     * After the first cell, renders a chart and a 512x512 image a few times on a low-priority thread, so the
     * PNG and XChart code is compiled by the JIT before a learner's first picture.
     */
    private static void warmRendering() {
        Thread t = new Thread(() -> {
            try {
                Renderers r = Renderers.defaults();
                for (int i = 0; i < 4; i++) {
                    org.knowm.xchart.XYChart c = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title("warm-up").build();
                    c.addSeries("s", new double[]{0, 1, 2, 3}, new double[]{3, 1, 2, i});
                    r.render(c);
                    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(512, 512, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                    img.getRaster().setSample(i, i, 0, 255);
                    r.render(img);
                    r.render(visionlab.image.Image.zeros(512, 512, 1));
                }
            } catch (RuntimeException | LinkageError e) {
                // a warm-up only: the first real picture pays instead
            }
        }, "visionlab-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Jars and folders already on this JVM's class path are not added again. */
    @Override
    public void addToClasspath(String cp) throws EngineTerminationException, InternalException {
        List<String> fresh = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isEmpty() && onClassPath.add(new File(e).getAbsolutePath())) {
                fresh.add(e);
            }
        }
        if (!fresh.isEmpty()) {
            super.addToClasspath(String.join(File.pathSeparator, fresh));
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        if (!FINISH.equals(command)) {
            return super.extensionCommand(command, arg);
        }
        int[] a = (int[]) arg;
        if (!warming) {
            warming = true;
            warmRendering();
        }
        Object value = lastValue;
        lastValue = NO_VALUE;
        if (a[1] == 0 || value == NO_VALUE) {
            output.result(a[0], Frames.NO_VALUE, null, null);
            return null;
        }
        Rendered r;
        try {
            r = output.render(value);
        } catch (RuntimeException | LinkageError e) {
            output.result(a[0], Frames.RENDER_ERROR, null, e.toString());
            return null;
        }
        output.result(a[0], Frames.VALUE, r, null);
        return null;
    }
}
