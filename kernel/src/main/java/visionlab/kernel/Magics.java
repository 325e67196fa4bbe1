package visionlab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line magics at the top of a cell: {@code %classpath PATH} (jars or folders, globs allowed),
 * {@code %maven group:artifact:version} (a library and its dependencies from Maven repositories),
 * {@code %load FILE} (run a .jsh/.java file), {@code %time} (time the rest of the cell), {@code %help}.
 * The Java code after the magic lines runs as usual; an unknown magic is an error.
 */
final class Magics {

    /** A magic that cannot run (unknown name, missing file, no match). */
    static final class MagicException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ename;

        MagicException(String ename, String message) {
            super(message);
            this.ename = ename;
        }
    }

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("%classpath", "%classpath PATH...  add jars or class folders (globs like lib/*.jar; separate with spaces or "
                + File.pathSeparator + ")");
        HELP.put("%maven", "%maven G:A:V...      add libraries and their runtime dependencies from Maven Central and ~/.m2\n"
                + "                    (settings.xml honoured; --repo URL adds a repository), e.g. " + MavenMagic.EXAMPLE);
        HELP.put("%load", "%load FILE          run the Java/JShell code in FILE (.jsh or .java) as part of this cell");
        HELP.put("%time", "%time               time the rest of the cell and print the wall time");
        HELP.put("%help", "%help               list the magics");
    }

    private final Session session;
    /** Jars and folders added by {@code %classpath} and {@code %maven}, in order. */
    private final List<Path> added = new ArrayList<>();
    /** Built on the first {@code %maven}: Maven Resolver's classes load only then. */
    private MavenMagic maven;

    Magics(Session session) {
        this.session = session;
    }

    Map<String, String> help() {
        return HELP;
    }

    /** Runs the cell's leading magic lines, then its Java code. */
    Outcome run(String cell, JavaEvaluator ev) {
        StringBuilder java = new StringBuilder();
        boolean timed = false;
        String[] lines = cell.split("\n", -1);
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                java.append('\n');
                continue;
            }
            if (!line.startsWith("%")) {
                break;
            }
            String name = line.split("\\s+", 2)[0];
            String arg = line.length() > name.length() ? line.substring(name.length()).strip() : "";
            switch (name) {
                case "%classpath" -> classpath(arg);
                case "%maven" -> maven().run(arg, this::addJars, session.out(), session.err());
                case "%load" -> java.append(load(arg)).append('\n');
                case "%time" -> timed = true;
                case "%help" -> HELP.values().forEach(session.out()::println);
                default -> throw new MagicException("UnknownMagic", "unknown magic " + name + " (line " + (i + 1)
                        + "); the magics are " + String.join(", ", HELP.keySet()));
            }
            java.append('\n'); // keep line numbers of the Java code equal to the cell's
        }
        for (int j = i; j < lines.length; j++) {
            java.append(lines[j]);
            if (j < lines.length - 1) {
                java.append('\n');
            }
        }
        long t0 = System.nanoTime();
        Outcome out = ev.eval(java.toString());
        if (timed) {
            session.out().printf("Wall time: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        return out;
    }

    private void classpath(String arg) {
        if (arg.isEmpty()) {
            throw new MagicException("MagicError", "%classpath: expected one or more paths, got nothing");
        }
        List<Path> paths = new ArrayList<>();
        for (String part : arg.split("[\\s" + File.pathSeparator + "]+")) {
            paths.addAll(expand(part));
        }
        addJars(paths);
        session.out().println("Added to the class path: " + String.join(", ", paths.stream().map(Path::toString).toList()));
    }

    /** The one way jars and class folders join the class path of the cell's later code and later cells. */
    private void addJars(List<Path> paths) {
        for (Path p : paths) {
            session.addToClasspath(p.toAbsolutePath().toString());
            added.add(p.toAbsolutePath());
        }
    }

    private MavenMagic maven() {
        if (maven == null) {
            maven = new MavenMagic(new MavenResolver(MavenResolver.Config.fromSystem()), this::classPath);
        }
        return maven;
    }

    /** The executor's class path (the kernel's own jars, which it shares) followed by the entries added since. */
    private List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e));
            }
        }
        entries.addAll(added);
        return entries;
    }

    /** The files a path or glob names; an error when nothing matches. */
    static List<Path> expand(String pattern) {
        List<Path> out = new ArrayList<>();
        if (pattern.contains("*") || pattern.contains("?") || pattern.contains("[")) {
            Path p = Path.of(pattern);
            Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p.getFileName().toString())) {
                ds.forEach(out::add);
            } catch (IOException e) {
                throw new MagicException("MagicError", "%classpath: cannot list " + dir + ": " + e.getMessage());
            }
            out.sort(null);
        } else if (Files.exists(Path.of(pattern))) {
            out.add(Path.of(pattern));
        }
        if (out.isEmpty()) {
            throw new MagicException("MagicError", "%classpath: no file or folder matches " + pattern);
        }
        return out;
    }

    private static String load(String arg) {
        if (arg.isEmpty()) {
            throw new MagicException("MagicError", "%load: expected a file name, got nothing");
        }
        Path p = Path.of(arg);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new MagicException("MagicError", "%load: cannot read " + p.toAbsolutePath() + ": " + e);
        }
    }
}
