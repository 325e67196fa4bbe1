package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a temporary folder (the default layout, served as {@code file://}), with tiny
 * artifacts compiled by the test: a jar with one class and Maven's {@code pom.properties}, and a POM that
 * lists its dependencies. Also writes the {@code settings.xml} that points Maven Central at it.
 */
final class TinyRepository {

    final Path root;

    TinyRepository(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    String url() {
        return root.toUri().toString();
    }

    /** A dependency line of a POM: coordinates "g:a:v" and a scope. */
    record Dep(String coordinates, String scope) {
        /** A compile-scope dependency (needed at run time too). */
        static Dep on(String coordinates) {
            return new Dep(coordinates, "compile");
        }
    }

    /** Where "group:artifact:version"'s jar is in this repository. */
    Path jar(String coordinates) {
        String[] gav = coordinates.split(":");
        return root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]).resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    /**
     * Compiles the public class {@code className} with the members {@code body} (against the jars of the
     * {@code deps} this repository has) into {@code group:artifact:version}'s jar and writes its POM with
     * {@code deps}; returns the jar.
     */
    Path deploy(String coordinates, String className, String body, Dep... deps) throws IOException {
        int dot = className.lastIndexOf('.');
        String source = "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " { " + body + " }";
        List<Path> compileWith = Stream.of(deps).map(d -> jar(d.coordinates())).filter(Files::exists).toList();
        String[] gav = coordinates.split(":");
        Path dir = root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]);
        Files.createDirectories(dir);
        String base = gav[1] + "-" + gav[2];
        Path work = Files.createTempDirectory(root.getParent(), "build-" + gav[1]);
        Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        if (!compileWith.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, compileWith.stream().map(Path::toString).toList()));
        }
        args.add(src.toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)),
                "javac " + src);
        Path jar = jar(coordinates);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            String props = "groupId=" + gav[0] + "\nartifactId=" + gav[1] + "\nversion=" + gav[2] + "\n";
            put(out, "META-INF/maven/" + gav[0] + "/" + gav[1] + "/pom.properties", props.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>" + gav[0] + "</groupId>\n  <artifactId>" + gav[1]
                + "</artifactId>\n  <version>" + gav[2] + "</version>\n  <dependencies>\n");
        for (Dep d : deps) {
            String[] c = d.coordinates().split(":");
            pom.append("    <dependency><groupId>").append(c[0]).append("</groupId><artifactId>").append(c[1])
                    .append("</artifactId><version>").append(c[2]).append("</version><scope>").append(d.scope())
                    .append("</scope></dependency>\n");
        }
        pom.append("  </dependencies>\n</project>\n");
        Files.writeString(dir.resolve(base + ".pom"), pom);
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /**
     * A settings.xml whose mirror serves {@code mirrorOf} (e.g. "central" or "*") from this repository,
     * with {@code <offline>} and, if not null, {@code <localRepository>}.
     */
    Path settings(Path file, String mirrorOf, boolean offline, Path localRepository) throws IOException {
        return settings(file, mirrorOf, offline, localRepository, "");
    }

    /** As above, with more elements ({@code <proxies>...}) inside {@code <settings>}. */
    Path settings(Path file, String mirrorOf, boolean offline, Path localRepository, String more) throws IOException {
        String xml = "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n" + more
                + (localRepository == null ? "" : "  <localRepository>" + localRepository + "</localRepository>\n")
                + "  <offline>" + offline + "</offline>\n"
                + "  <mirrors><mirror><id>tiny</id><mirrorOf>" + mirrorOf + "</mirrorOf><url>" + url()
                + "</url></mirror></mirrors>\n</settings>\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml);
        return file;
    }
}
