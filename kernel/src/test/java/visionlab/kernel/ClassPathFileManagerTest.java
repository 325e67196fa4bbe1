package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathFileManagerTest {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final Set<JavaFileObject.Kind> CLASSES = Set.of(JavaFileObject.Kind.CLASS);

    private static StandardJavaFileManager javacs() {
        return JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    private static List<String> names(StandardJavaFileManager fm, String pkg) throws Exception {
        List<String> names = new ArrayList<>();
        for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, CLASSES, false)) {
            names.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f));
        }
        Collections.sort(names);
        return names;
    }

    @Test
    void everyPackageOfTheExecutorsClassPathListsTheSameClassesAsJavacsOwnFileManager() throws Exception {
        String cp = Executor.classPath();
        TreeSet<String> packages = new TreeSet<>();
        for (String e : cp.split(File.pathSeparator)) {
            List<String> names = new ArrayList<>();
            if (e.endsWith(".jar")) {
                try (JarFile jar = new JarFile(e)) {
                    jar.stream().map(JarEntry::getName).forEach(names::add);
                }
            } else if (Files.isDirectory(Path.of(e))) {
                try (var files = Files.walk(Path.of(e))) {
                    files.map(f -> Path.of(e).relativize(f).toString().replace(File.separatorChar, '/')).forEach(names::add);
                }
            }
            names.stream().filter(n -> n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
        }
        assertTrue(packages.contains("visionlab.pyramid") && packages.contains("it.unimi.dsi.fastutil.ints"), packages.size() + " packages");
        try (StandardJavaFileManager reference = javacs();
             StandardJavaFileManager ours = ClassPathFileManager.mapping(cp).apply(javacs())) {
            reference.setLocationFromPaths(StandardLocation.CLASS_PATH,
                    java.util.Arrays.stream(cp.split(File.pathSeparator)).map(Path::of).toList());
            for (String pkg : packages) {
                assertEquals(names(reference, pkg), names(ours, pkg), pkg);
            }
        }
    }

    private static void jar(Path file, Manifest manifest, String... namesAndContents) throws Exception {
        try (OutputStream out = Files.newOutputStream(file);
             JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                jar.putNextEntry(new JarEntry(namesAndContents[i]));
                jar.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }

    private static String read(JavaFileObject f) throws Exception {
        try (InputStream in = f.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aClassInTwoEntriesIsListedInClassPathOrderSoTheFirstWinsAsInJavac(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");
        Path folder = dir.resolve("classes");
        jar(first, null, "p/C.class", "from the first jar", "p/q/D.class", "nested");
        jar(second, null, "p/C.class", "from the second jar", "p/E.class", "only here");
        Files.createDirectories(folder.resolve("p"));
        Files.writeString(folder.resolve("p/C.class"), "from the folder");
        Files.writeString(folder.resolve("p/F.class"), "folder only");
        String cp = String.join(File.pathSeparator, second.toString(), folder.toString(), first.toString());
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(cp).apply(javacs())) {
            List<String> contents = new ArrayList<>();
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, "p", CLASSES, false)) {
                contents.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f) + ": " + read(f));
            }
            assertEquals(List.of("p.C: from the second jar", "p.E: only here", "p.C: from the folder", "p.F: folder only",
                    "p.C: from the first jar"), sortedWithin(contents));
            assertEquals("from the second jar", read(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.C", JavaFileObject.Kind.CLASS)));
            List<String> all = new ArrayList<>();
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, "p", CLASSES, true)) {
                all.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f));
            }
            assertTrue(all.contains("p.q.D"), all.toString());
            assertEquals(List.of(second, folder, first), fm.getLocationAsPaths(StandardLocation.CLASS_PATH));
        }
    }

    /** Within one class-path entry the order of files is not specified (javac's neither): sort inside each entry. */
    private static List<String> sortedWithin(List<String> contents) {
        List<String> out = new ArrayList<>();
        List<String> group = new ArrayList<>();
        String source = null;
        for (String c : contents) {
            String s = c.contains("second") || c.contains("only here") ? "second" : c.contains("folder") ? "folder" : "first";
            if (source != null && !s.equals(source)) {
                Collections.sort(group);
                out.addAll(group);
                group.clear();
            }
            source = s;
            group.add(c);
        }
        Collections.sort(group);
        out.addAll(group);
        return out;
    }

    @Test
    void aMultiReleaseJarIsSeenAtTheRunningJavaVersion(@TempDir Path dir) throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        Path mr = dir.resolve("mr.jar");
        jar(mr, mf, "a/X.class", "base", "META-INF/versions/9/a/X.class", "java 9", "META-INF/versions/9999/a/X.class", "future");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(mr.toString()).apply(javacs())) {
            List<JavaFileObject> xs = new ArrayList<>();
            fm.list(StandardLocation.CLASS_PATH, "a", CLASSES, false).forEach(xs::add);
            assertEquals(1, xs.size());
            assertEquals("java 9", read(xs.get(0)));
            assertFalse(fm.list(StandardLocation.CLASS_PATH, "META-INF.versions.9.a", CLASSES, false).iterator().hasNext());
        }
    }

    @Test
    void aJShellOnTheFileManagerCompilesAgainstAJarAddedLater(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/greet/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package greet; public class Hello { public static String hi() { return \"hello\"; } }");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, JAVAC.run(null, null, null, "-d", classes.toString(), src.toString()));
        Path jar = dir.resolve("greet.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("greet/Hello.class"));
            j.write(Files.readAllBytes(classes.resolve("greet/Hello.class")));
            j.closeEntry();
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (JShell shell = JShell.builder().executionEngine("local").in(new ByteArrayInputStream(new byte[0])).out(quiet).err(quiet)
                .fileManager(ClassPathFileManager.mapping("")).build()) {
            assertEquals(Snippet.Status.REJECTED, shell.eval("greet.Hello.hi()").get(0).status());
            shell.addToClasspath(jar.toString());
            SnippetEvent e = shell.eval("greet.Hello.hi()").get(0);
            assertEquals(Snippet.Status.VALID, e.status(), String.valueOf(e));
            assertEquals("\"hello\"", e.value());
        }
    }

    private static List<String> list(StandardJavaFileManager fm, String pkg) throws Exception {
        List<String> out = new ArrayList<>();
        for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, CLASSES, false)) {
            out.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f) + ": " + read(f));
        }
        return out;
    }

    @Test
    void theInstallersIndexSkipsAJarForPackagesItDoesNotHoldAndIsIgnoredOnceTheJarChanges(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lib.jar");
        jar(jar, null, "a/A.class", "in a", "Top.class", "unnamed");
        Path indexFile = dir.resolve("index");
        ClassPathIndex.write(jar.toString(), indexFile);
        ClassPathIndex index = ClassPathIndex.read(indexFile);
        assertEquals(Set.of("a", ""), index.packages(jar.toAbsolutePath()));
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(jar.toString(), index).apply(javacs())) {
            assertEquals(List.of("a.A: in a"), list(fm, "a"));
            assertEquals(List.of("Top: unnamed"), list(fm, ""));
        }
        // an index that says the jar holds only package b: trusted while the jar's size and time match
        String line = Files.readString(indexFile).strip();
        Files.writeString(indexFile, line.substring(0, line.lastIndexOf('\t')) + "\tb\n");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(jar.toString(), ClassPathIndex.read(indexFile)).apply(javacs())) {
            assertEquals(List.of(), list(fm, "a"));
        }
        // the jar is rebuilt (other size): the stale entry is ignored and the jar is read in full
        jar(jar, null, "a/A.class", "in a, rebuilt", "a/B.class", "new");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(jar.toString(), ClassPathIndex.read(indexFile)).apply(javacs())) {
            assertEquals(List.of("a.A: in a, rebuilt", "a.B: new"), list(fm, "a").stream().sorted().toList());
        }
    }

    @Test
    void aMissingOrMalformedIndexKnowsNothing(@TempDir Path dir) throws Exception {
        assertEquals(null, ClassPathIndex.read(dir.resolve("absent")).packages(dir.resolve("x.jar")));
        Files.writeString(dir.resolve("bad"), "not\tan index\n");
        assertEquals(null, ClassPathIndex.read(dir.resolve("bad")).packages(Path.of("not")));
    }

    @Test
    void aJarOrFolderThatAppearsAfterItWasPutOnTheClassPathIsRead(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("later.jar");
        Path folder = dir.resolve("later-classes");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(jar + File.pathSeparator + folder).apply(javacs())) {
            assertEquals(List.of(), list(fm, "a"));
            jar(jar, null, "a/A.class", "jar");
            Files.createDirectories(folder.resolve("a"));
            Files.writeString(folder.resolve("a/F.class"), "folder");
            assertEquals(List.of("a.A: jar", "a.F: folder"), list(fm, "a"));
        }
    }

    @Test
    void aJarsManifestClassPathIsFollowedAsJavacAndTheJvmDo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path b = dir.resolve("sub/b.jar");
        jar(b, null, "q/B.class", "in b");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, "sub/b.jar missing.jar");
        Path a = dir.resolve("a.jar");
        jar(a, mf, "p/A.class", "in a");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(a.toString(), ClassPathIndex.empty()).apply(javacs());
             StandardJavaFileManager reference = javacs()) {
            reference.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(a));
            assertEquals(List.of("q.B: in b"), list(fm, "q"));
            assertEquals(names(reference, "q"), names(fm, "q"));
            assertEquals(List.of(a, b, dir.resolve("missing.jar")), fm.getLocationAsPaths(StandardLocation.CLASS_PATH));
        }
        Path indexFile = dir.resolve("index");
        ClassPathIndex.write(a.toString(), indexFile);
        ClassPathIndex index = ClassPathIndex.read(indexFile);
        assertEquals(List.of(b, dir.resolve("missing.jar")), index.manifestClassPath(a));
        assertEquals(Set.of("q"), index.packages(b));
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(a.toString(), index).apply(javacs())) {
            assertEquals(List.of("q.B: in b"), list(fm, "q"));
        }
    }

    @Test
    void entryNamesThatAreNotLegalInAUriAreListedWithDistinctUris(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("odd names.jar");
        jar(jar, null, "p/A.class", "plain", "p/A B.class", "space", "p/A%.class", "percent");
        try (StandardJavaFileManager fm = ClassPathFileManager.mapping(jar.toString()).apply(javacs())) {
            Set<java.net.URI> uris = new java.util.HashSet<>();
            List<String> names = new ArrayList<>();
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, "p", CLASSES, false)) {
                uris.add(f.toUri());
                names.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f) + ": " + read(f));
            }
            assertEquals(3, uris.size(), uris.toString());
            Collections.sort(names);
            assertEquals(List.of("p.A B: space", "p.A%: percent", "p.A: plain"), names);
        }
    }

    @Test
    void anIndexWrittenByAnotherJavaVersionIsNotUsed(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lib.jar");
        jar(jar, null, "a/A.class", "in a");
        Path indexFile = dir.resolve("index");
        ClassPathIndex.write(jar.toString(), indexFile);
        assertEquals(Set.of("a"), ClassPathIndex.read(indexFile).packages(jar));
        String text = Files.readString(indexFile);
        Files.writeString(indexFile, text.replace("java=" + Runtime.version().feature(), "java=8"));
        assertEquals(null, ClassPathIndex.read(indexFile).packages(jar));
    }
}
