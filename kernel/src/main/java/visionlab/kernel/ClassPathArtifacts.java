package visionlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Which Maven artifact versions are on the class path: read from the {@code META-INF/maven/G/A/pom.properties}
 * that Maven writes into every jar it builds (a shaded jar lists each artifact it holds), plus what
 * {@code %maven} added. The first entry of an artifact wins, as for the class loader.
 */
final class ClassPathArtifacts {

    /** An artifact version and the class path entry it came from. */
    record Entry(String version, Path source) {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final Set<Path> scanned = new HashSet<>();

    /** Reads the artifacts a jar holds, once per jar; folders and unreadable entries hold none. */
    void scan(Path entry) {
        Path p = entry.toAbsolutePath().normalize();
        if (!scanned.add(p) || !Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String n = e.getName();
                if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
                    Properties props = new Properties();
                    try (InputStream in = jar.getInputStream(e)) {
                        props.load(in);
                    }
                    String g = props.getProperty("groupId");
                    String a = props.getProperty("artifactId");
                    String v = props.getProperty("version");
                    if (g != null && a != null && v != null) {
                        record(g.strip() + ":" + a.strip(), v.strip(), p);
                    }
                }
            }
        } catch (IOException e) {
            // not a readable jar: it names no artifact
        }
    }

    /** Records {@code key} ("group:artifact") at {@code version} unless an earlier entry has it. */
    void record(String key, String version, Path source) {
        byKey.putIfAbsent(key, new Entry(version, source.toAbsolutePath().normalize()));
        scanned.add(source.toAbsolutePath().normalize());
    }

    /** The version of "group:artifact" on the class path, or null. */
    Entry find(String key) {
        return byKey.get(key);
    }
}
