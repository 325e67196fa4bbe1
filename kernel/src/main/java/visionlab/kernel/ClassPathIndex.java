package visionlab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Which packages each jar of the executor's class path holds (and which jars its manifest's {@code Class-Path}
 * adds), written by the installer beside kernel.json
 * ({@value #PROPERTY} names the file) so that {@link ClassPathFileManager} opens only the jars that hold a
 * package javac looks up: at start the library's and the kernel's, not fastutil's 12,800 entries. An entry
 * counts only while the jar's size and modification time are the ones recorded; a rebuilt or unknown jar is
 * read in full, as without the index.
 */
final class ClassPathIndex {

    /** How the unnamed package is written in the file. */
    private static final String UNNAMED = "-";

    /** System property with the index file's path (set in kernel.json by the installer). */
    static final String PROPERTY = "visionlab.classpath.index";

    private record Known(long size, long modified, List<Path> manifestClassPath, Set<String> packages) {
    }

    /** First line of the file: the format and the JDK version whose multi-release view the packages are. */
    private static final String HEADER = "# visionlab-classpath-index 2 java=" + Runtime.version().feature();

    private final Map<Path, Known> jars;

    private ClassPathIndex(Map<Path, Known> jars) {
        this.jars = jars;
    }

    /** An index that knows nothing: every jar is read. */
    static ClassPathIndex empty() {
        return new ClassPathIndex(Map.of());
    }

    /** The index named by {@value #PROPERTY}, or an empty one when it is not set or cannot be read. */
    static ClassPathIndex fromProperty() {
        String file = System.getProperty(PROPERTY);
        return file == null ? empty() : read(Path.of(file));
    }

    /**
     * The packages (dot-separated, the unnamed one as {@code ""}) that jar {@code path} holds, as recorded;
     * null when the jar is not in the index or has changed since.
     */
    Set<String> packages(Path path) {
        Known k = current(path);
        return k == null ? null : k.packages();
    }

    /** The jars that jar {@code path}'s manifest {@code Class-Path} names, as recorded; null when unknown or changed. */
    List<Path> manifestClassPath(Path path) {
        Known k = current(path);
        return k == null ? null : k.manifestClassPath();
    }

    private Known current(Path path) {
        Known k = jars.get(path);
        if (k == null) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.size() == k.size() && a.lastModifiedTime().toMillis() == k.modified() ? k : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The jars a jar's manifest {@code Class-Path} names, resolved against the jar's folder (javac and the JVM
     * both add them to the class path); none when the file is not a jar or names none.
     */
    static List<Path> readManifestClassPath(Path jar) {
        List<Path> out = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            java.util.jar.Manifest mf = file.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (cp != null) {
                java.net.URI base = jar.toAbsolutePath().getParent().toUri();
                for (String e : cp.trim().split("\\s+")) {
                    try {
                        java.net.URI u = base.resolve(e);
                        if ("file".equals(u.getScheme())) {
                            out.add(Path.of(u).normalize());
                        }
                    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException bad) {
                        // an entry javac would skip too
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a jar: nothing to add
        }
        return out;
    }

    /** {@code classPath} with every jar's manifest {@code Class-Path} added after it (depth first, once each), as javac does. */
    static List<Path> expand(Iterable<Path> classPath, java.util.function.Function<Path, List<Path>> manifestClassPath) {
        java.util.LinkedHashSet<Path> kept = new java.util.LinkedHashSet<>();
        for (Path p : classPath) {
            add(kept, p.toAbsolutePath().normalize(), manifestClassPath);
        }
        return List.copyOf(kept);
    }

    private static void add(java.util.LinkedHashSet<Path> kept, Path p, java.util.function.Function<Path, List<Path>> manifestClassPath) {
        if (kept.add(p) && Files.isRegularFile(p)) {
            for (Path q : manifestClassPath.apply(p)) {
                add(kept, q, manifestClassPath);
            }
        }
    }

    /** The packages of one jar, seen at this JDK's version (as {@link ClassPathFileManager} sees them). */
    static Set<String> scan(Path jar) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile(), false, ZipFile.OPEN_READ, Runtime.version());
             Stream<JarEntry> all = file.versionedStream()) {
            all.forEach(e -> {
                String pkg = ClassPathFileManager.packageOf(e);
                if (pkg != null) {
                    packages.add(pkg);
                }
            });
        }
        return packages;
    }

    /**
     * Writes the index of every jar on {@code classPath} and of the jars their manifests add (folders are always
     * listed live) to {@code file}.
     */
    static void write(String classPath, Path file) throws IOException {
        List<Path> given = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                given.add(Path.of(e));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Path p : expand(given, ClassPathIndex::readManifestClassPath)) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            List<String> manifest = new ArrayList<>();
            for (Path q : readManifestClassPath(p)) {
                manifest.add(q.toString());
            }
            List<String> packages = new ArrayList<>();
            for (String pkg : scan(p)) {
                packages.add(pkg.isEmpty() ? UNNAMED : pkg);
            }
            lines.add(p + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\t"
                    + String.join(File.pathSeparator, manifest) + "\t" + String.join(",", packages));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads an index file; a missing or malformed file gives an empty index (every jar is then read). */
    static ClassPathIndex read(Path file) {
        Map<Path, Known> jars = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return empty(); // another format, or written by another JDK version (multi-release jars differ)
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    return empty();
                }
                List<Path> manifest = new ArrayList<>();
                for (String q : f[3].isEmpty() ? new String[0] : f[3].split(File.pathSeparator)) {
                    manifest.add(Path.of(q));
                }
                Set<String> packages = new java.util.HashSet<>();
                for (String pkg : f[4].isEmpty() ? new String[0] : f[4].split(",")) {
                    packages.add(pkg.equals(UNNAMED) ? "" : pkg);
                }
                jars.put(Path.of(f[0]), new Known(Long.parseLong(f[1]), Long.parseLong(f[2]), List.copyOf(manifest), packages));
            }
        } catch (IOException | RuntimeException e) {
            return empty();
        }
        return new ClassPathIndex(jars);
    }
}
