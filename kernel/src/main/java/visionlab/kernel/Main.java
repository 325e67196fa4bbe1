package visionlab.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar visionlab-kernel.jar install [--user | --sys-prefix | --prefix DIR | --data-dir DIR]}
 * writes the kernel spec; {@code java -cp ... visionlab.kernel.Main -f CONNECTION_FILE} runs the kernel
 * (Jupyter starts it that way from kernel.json).
 */
public final class Main {

    /** The kernel's version (shown in kernel_info). */
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return;
        }
        switch (args[0]) {
            case "install" -> Installer.main(Arrays.copyOfRange(args, 1, args.length));
            case "--version" -> System.out.println("visionlab-kernel " + VERSION);
            case "run" -> {
                int code;
                try {
                    code = ScriptRunner.run(Arrays.copyOfRange(args, 1, args.length));
                } catch (IllegalArgumentException e) {
                    System.err.println("visionlab-kernel: " + e.getMessage());
                    code = 2;
                }
                System.out.flush();
                System.err.flush();
                System.exit(code);
            }
            case "--warmup" -> warmup();
            case "-f" -> {
                if (args.length < 2) {
                    fail("-f: expected the connection file, got nothing");
                }
                run(Path.of(args[1]));
            }
            default -> {
                if (args[0].endsWith(".json")) {
                    run(Path.of(args[0]));
                } else {
                    fail("unknown command '" + args[0] + "'\n" + usage());
                }
            }
        }
    }

    static String usage() {
        return String.join("\n",
                "VisionLab Jupyter kernel " + VERSION,
                "  java -jar visionlab-kernel.jar install [--user | --sys-prefix | --prefix DIR | --data-dir DIR] [--name NAME] [--no-cds]",
                "      write kernels/NAME/kernel.json (default NAME visionlab, default location --user) and a",
                "      class-data archive beside it for a faster start (--no-cds: skip it)",
                "  java -cp 'visionlab-kernel.jar:lib/*' visionlab.kernel.Main run FILE.jsh [--out DIR]   (./lab run FILE.jsh)",
                "      run a JShell script as a notebook cell runs; pictures go to DIR (default ./out) as PNG;",
                "      the first error stops it with exit code 1",
                "  java -cp ... visionlab.kernel.Main -f CONNECTION_FILE",
                "      run the kernel (Jupyter does this)");
    }

    private static void fail(String message) {
        System.err.println("visionlab-kernel: " + message);
        System.exit(2);
    }

    /**
     * Runs what a kernel start runs (executor and JShell start, a cell, a chart and an image rendered in the
     * executor) and exits; the installer runs this once with {@code -XX:ArchiveClassesAtExit} (and
     * {@value Executor#DUMP_PROPERTY} for the executor) to write the class-data archives that make later
     * starts of both JVMs faster.
     */
    private static void warmup() throws Exception {
        PrintStream log = System.err;
        org.slf4j.LoggerFactory.getILoggerFactory();
        loadDebuggerClasses(log);
        try (Session session = new Session(log, OutputCapture.DEFAULT_LIMIT)) {
            session.awaitReady();
            Frontend quiet = new Frontend() {
                @Override
                public void stream(String name, String text) {
                }

                @Override
                public void display(Rendered output, String displayId, boolean update) {
                }
            };
            session.execute("var warm = Image.zeros(4, 4, 1);\ndisplay(warm);\nwarm.toString()", quiet);
            session.execute("var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).title(\"warm-up\").build();\n"
                    + "chart.addSeries(\"s\", new double[]{0, 1, 2}, new double[]{0, 1, 4});\nString id = display(chart);\n"
                    + "updateDisplay(id, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));\nSystem.out.println(id);\nchart", quiet);
            // the protocol side too: bind every channel on free local ports and publish a status message
            Path conn = java.nio.file.Files.createTempFile("visionlab-warmup", ".json");
            try {
                java.nio.file.Files.writeString(conn, warmupConnection());
                new JupyterAdapter(conn, session, log).close();
            } finally {
                java.nio.file.Files.deleteIfExists(conn);
            }
        } catch (java.io.IOException e) {
            log.println("visionlab kernel: warm-up of the sockets failed: " + e);
        }
    }

    /**
     * Loads (without initializing) every class of the {@code jdk.jdi} module, so that the archive written from
     * this run holds them: the warm-up's executor runs without JDWP (a class-data dump refuses it), so the
     * kernel never attaches JDI here, and a real start would otherwise read about 250 JDI classes from the JDK
     * image while javac starts.
     */
    private static void loadDebuggerClasses(PrintStream log) {
        ClassLoader loader = com.sun.jdi.Bootstrap.class.getClassLoader();
        try (java.lang.module.ModuleReader reader = java.lang.module.ModuleFinder.ofSystem().find("jdk.jdi")
                .orElseThrow().open(); var names = reader.list()) {
            names.filter(n -> n.endsWith(".class") && !n.equals("module-info.class")).forEach(n -> {
                try {
                    Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable on its own: it is left to the real start
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            log.println("visionlab kernel: the debugger classes were not preloaded: " + e);
        }
    }

    private static String warmupConnection() throws java.io.IOException {
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        return "{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", "
                + "\"key\": \"" + java.util.UUID.randomUUID() + "\", \"shell_port\": " + ports[0]
                + ", \"iopub_port\": " + ports[1] + ", \"stdin_port\": " + ports[2] + ", \"control_port\": " + ports[3]
                + ", \"hb_port\": " + ports[4] + "}";
    }

    private static void run(Path connectionFile) throws Exception {
        PrintStream log = System.err;
        Trace.to(log);
        Trace.mark("main");
        PortHold ports = new PortHold(connectionFile); // the executor's ports must not take Jupyter's
        Session session = new Session(log, OutputCapture.DEFAULT_LIMIT);
        Trace.mark("session created (executor and JShell starting in the background)");
        session.startCompilerWarmup();
        org.slf4j.LoggerFactory.getILoggerFactory(); // its one-time notice goes to the log, not to a cell
        ports.close();
        JupyterAdapter adapter = new JupyterAdapter(connectionFile, session, log);
        Trace.mark("sockets bound");
        adapter.awaitShutdown();
        adapter.close();
        session.close();
        System.exit(0);
    }
}
