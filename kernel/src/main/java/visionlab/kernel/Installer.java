package visionlab.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes {@code kernels/visionlab/kernel.json}: the absolute path of this JVM's {@code java}, the absolute
 * class path (the kernel jar and every jar in the {@code lib/} folder beside it), headless AWT,
 * {@code interrupt_mode: message}, the display name "VisionLab (Java N)", and in {@code metadata} the name of
 * the environment variable with the executor JVM's options ({@value Executor#OPTIONS_ENV}).
 */
final class Installer {

    private Installer() {
    }

    static void main(String[] args) throws IOException {
        Path dataDir = null;
        String name = "visionlab";
        boolean cds = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-cds" -> cds = false;
                case "--user" -> dataDir = userDataDir();
                case "--sys-prefix" -> dataDir = Path.of(sysPrefix(), "share", "jupyter");
                case "--prefix" -> dataDir = Path.of(value(args, ++i, "--prefix")).toAbsolutePath().resolve("share/jupyter");
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath();
                case "--name" -> name = value(args, ++i, "--name");
                default -> throw new IllegalArgumentException("install: unknown option '" + args[i]
                        + "'; expected --user, --sys-prefix, --prefix DIR, --data-dir DIR, --name NAME or --no-cds");
            }
        }
        if (dataDir == null) {
            dataDir = userDataDir();
        }
        String cp = classPath();
        Path spec = install(dataDir, name, cp, null);
        if (cds) {
            Path archive = writeClassDataArchive(spec.getParent(), cp);
            if (archive != null) {
                install(dataDir, name, cp, archive);
                System.out.println("Class-data archives for a faster start: " + archive + ", " + executorArchive(archive));
            }
        }
        System.out.println("Installed the VisionLab kernel spec '" + name + "' in " + spec.getParent());
        System.out.println("(kernel.json: " + spec + ")");
    }

    /**
     * Runs the kernel's warm-up once with {@code -XX:ArchiveClassesAtExit} (on Java 25+ {@code -XX:AOTCacheOutput},
     * see {@link #aotCache()}) so later starts map the JShell, javac, XChart and kernel classes from a class-data
     * archive (AppCDS). Returns null when that fails; the
     * kernel then starts without it. A rebuilt jar makes the archive stale: the JVM ignores it silently
     * until the next install.
     */
    static Path writeClassDataArchive(Path dir, String classPath) {
        Path archive = dir.resolve(aotCache() ? "visionlab-kernel.aot" : "visionlab-kernel.jsa");
        Path executor = executorArchive(archive);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaPath());
        cmd.add((aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
        cmd.add("-D" + Executor.DUMP_PROPERTY + "=" + executor);
        cmd.add("-Dvisionlab.executor.exitWaitMs=120000"); // the executor writes its archive as it exits
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", classPath, "visionlab.kernel.Main", "--warmup"));
        try {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(executor);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && Files.isRegularFile(archive) && Files.isRegularFile(executor) ? archive : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Java 25 and later: the kernel JVM gets an AOT cache (JEP 483/514/515: classes loaded and linked ahead of
     * time, and method profiles, so javac's first compiles run warm), written by the same warm-up run. The
     * executor keeps a dynamic CDS archive: an AOT cache with linked classes cannot be used with the JDWP
     * agent that interrupts cells.
     */
    static boolean aotCache() {
        return Runtime.version().feature() >= 25;
    }

    /** The executor JVM's archive, beside the kernel's. */
    static Path executorArchive(Path kernelArchive) {
        return kernelArchive.resolveSibling("visionlab-executor.jsa");
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JVM options shared by the kernel and its warm-up run (the executor's are in {@link Executor#command}). */
    private static List<String> jvmOptions() {
        List<String> opts = new ArrayList<>();
        opts.add("-Djava.awt.headless=true");
        opts.add("-Dslf4j.internal.verbosity=ERROR"); // no "no SLF4J providers" notice in the server log
        opts.add("-XX:+UseParallelGC");
        // the kernel JVM runs javac and the protocol, never cell code: C1 alone warms up at once and leaves the
        // second core to the executor (C2's compiler threads doubled a trivial cell's time on 2 cores); the
        // executor, which runs the cells, keeps the full tiered JIT
        opts.add("-XX:TieredStopAtLevel=1");
        return opts;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": expected a value, got nothing");
        }
        return args[i];
    }

    /** Writes the spec under {@code dataDir/kernels/name} and returns the kernel.json path. */
    static Path install(Path dataDir, String name, String classPath, Path archive) throws IOException {
        Path dir = dataDir.resolve("kernels").resolve(name);
        Files.createDirectories(dir);
        Path json = dir.resolve("kernel.json");
        Path index = dir.resolve("visionlab-classpath.index");
        try {
            ClassPathIndex.write(Executor.classPath(classPath, Executor.libraryJars()), index);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(index); // javac then reads every jar at start: slower, not wrong
            index = null;
        }
        Files.writeString(json, kernelJson(classPath, archive, index), StandardCharsets.UTF_8);
        return json;
    }

    /**
     * The kernel.json text for this JVM; {@code index} (or null) is the {@link ClassPathIndex} of the executor's
     * jars.
     */
    static String kernelJson(String classPath, Path archive, Path index) {
        int feature = Runtime.version().feature();
        List<String> argv = new ArrayList<>();
        argv.add(javaPath());
        if (archive != null) {
            if (archive.toString().endsWith(".aot")) {
                argv.add("-XX:AOTCache=" + archive);
                argv.add("-Xlog:aot=off");
            } else {
                argv.add("-XX:SharedArchiveFile=" + archive);
            }
            argv.add("-Xlog:cds=off");
            argv.add("-Xlog:cds+dynamic=off");
            argv.add("-D" + Executor.ARCHIVE_PROPERTY + "=" + executorArchive(archive));
        }
        if (index != null) {
            argv.add("-D" + ClassPathIndex.PROPERTY + "=" + index);
        }
        argv.addAll(jvmOptions());
        argv.add("-cp");
        argv.add(classPath);
        argv.add("visionlab.kernel.Main");
        argv.add("-f");
        argv.add("{connection_file}");
        StringBuilder sb = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(quote(argv.get(i)));
        }
        sb.append("\n  ],\n");
        sb.append("  \"display_name\": ").append(quote("VisionLab (Java " + feature + ")")).append(",\n");
        sb.append("  \"language\": \"java\",\n");
        sb.append("  \"interrupt_mode\": \"message\",\n");
        sb.append("  \"metadata\": {\"debugger\": false, \"visionlab\": {\"executor_options_env\": ")
                .append(quote(Executor.OPTIONS_ENV)).append(", \"executor_options_help\": ")
                .append(quote("cells run in a separate executor JVM; set " + Executor.OPTIONS_ENV
                        + " (e.g. -Xmx4g) in the environment Jupyter starts from to pass it JVM options"))
                .append("}}\n}\n");
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The kernel jar (or classes folder) plus every jar in {@code lib/} beside it, absolute. */
    static String classPath() throws IOException {
        Path self;
        try {
            self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the kernel jar: " + e.getMessage(), e);
        }
        List<String> entries = new ArrayList<>();
        entries.add(self.toString());
        Path lib = self.getParent().resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                        .forEach(p -> entries.add(p.toAbsolutePath().toString()));
            }
        } else {
            // run from a class folder (tests, IDE): use this JVM's own class path
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Jupyter's per-user data folder ({@code JUPYTER_DATA_DIR} wins). */
    static Path userDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        // like Jupyter (os.path.expanduser), $HOME wins over the password database's home
        String envHome = System.getenv("HOME");
        String home = envHome != null && !envHome.isBlank() ? envHome : System.getProperty("user.home");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Jupyter");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("jupyter");
    }

    /** Python's {@code sys.prefix} (of the python3 on PATH), for --sys-prefix. */
    static String sysPrefix() throws IOException {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IOException("--sys-prefix: python3 did not print sys.prefix: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("--sys-prefix: interrupted", e);
        }
    }
}
