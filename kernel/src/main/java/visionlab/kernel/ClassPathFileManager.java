package visionlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's class path, read with {@link JarFile} instead of javac's zip file system. javac opens every
 * class-path jar as a file system and walks all of its entries the first time it looks up any package (even
 * {@code java.lang}); with the library's 22 jars (fastutil alone has 12,800 entries) that walk was about a
 * third of a kernel start, on the one thread every first cell waits for. Here each jar's entries are read
 * once into a package table, and a lookup lists only the jars that hold the package, in class-path order
 * (the first jar that has a class wins, as in javac). Folders are listed live. Multi-release jars are seen
 * in the version of the running JDK, which is javac's default release. Everything else goes to javac's own
 * file manager, which is given an empty class path.
 */
final class ClassPathFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {

    private final Map<Path, JarIndex> jars = new HashMap<>();
    private final Map<Path, Boolean> folders = new HashMap<>();
    /** Per jar: its packages from the installer's index (null: not indexed, read the jar). */
    private final Map<Path, Set<String>> known = new HashMap<>();
    private final ClassPathIndex index;
    private volatile List<Path> entries = List.of();

    private ClassPathFileManager(StandardJavaFileManager javac, String classPath, ClassPathIndex index) {
        super(javac);
        this.index = index;
        try {
            javac.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
        } catch (IOException e) {
            throw new IllegalStateException("javac's file manager refused an empty class path", e);
        }
        setClassPath(classPath);
    }

    /**
     * For {@code JShell.Builder.fileManager}: javac's file manager, with {@code classPath} read here; the
     * installer's {@link ClassPathIndex} (if any) says which jars need not be opened for a package.
     */
    static Function<StandardJavaFileManager, StandardJavaFileManager> mapping(String classPath) {
        return mapping(classPath, ClassPathIndex.fromProperty());
    }

    static Function<StandardJavaFileManager, StandardJavaFileManager> mapping(String classPath, ClassPathIndex index) {
        return javac -> new ClassPathFileManager(javac, classPath, index);
    }

    /** Replaces the class path (JShell passes the whole path, old entries first, on every addition). */
    synchronized void setClassPath(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                paths.add(Path.of(e));
            }
        }
        setPaths(paths);
    }

    /** The class path: the given entries, each jar followed by those its manifest's Class-Path adds (as javac does). */
    private synchronized void setPaths(Iterable<? extends Path> paths) {
        List<Path> given = new ArrayList<>();
        paths.forEach(given::add);
        entries = ClassPathIndex.expand(given, jar -> {
            List<Path> known = index.manifestClassPath(jar);
            return known != null ? known : ClassPathIndex.readManifestClassPath(jar);
        });
    }

    List<Path> classPath() {
        return entries;
    }

    // ---- the class path, answered here ----

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        List<JavaFileObject> found = new ArrayList<>();
        for (Path entry : entries) {
            if (isFolder(entry)) {
                listFolder(entry, packageName, kinds, recurse, found);
            } else if (mayHold(entry, packageName, recurse)) {
                JarIndex jar = jar(entry);
                if (jar != null) {
                    jar.list(packageName, kinds, recurse, found);
                }
            }
        }
        return found;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof ClassPathFile) {
            return ((ClassPathFile) file).binaryName;
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_PATH ? !entries.isEmpty() : super.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.getJavaFileForInput(location, className, kind);
        }
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        String simple = className.substring(dot + 1);
        for (JavaFileObject f : list(location, pkg, Set.of(kind), false)) {
            if (f.isNameCompatible(simple, kind)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ClassPathFile || b instanceof ClassPathFile) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        if (file instanceof ClassPathFile) {
            return location == StandardLocation.CLASS_PATH;
        }
        return super.contains(location, file);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (("-classpath".equals(current) || "-cp".equals(current) || "--class-path".equals(current)) && remaining.hasNext()) {
            setClassPath(remaining.next());
            return true;
        }
        return super.handleOption(current, remaining);
    }

    @Override
    public synchronized void close() throws IOException {
        for (JarIndex j : jars.values()) {
            j.close();
        }
        jars.clear();
        super.close();
    }

    /** False when the index says jar {@code path} has no class in the package (or, with recurse, below it). */
    private synchronized boolean mayHold(Path path, String packageName, boolean recurse) {
        if (jars.containsKey(path)) {
            return true; // read already: its own table answers
        }
        if (!known.containsKey(path)) {
            if (!Files.exists(path)) {
                return true; // not there (yet): jar() looks for it
            }
            known.put(path, index.packages(path));
        }
        Set<String> packages = known.get(path);
        if (packages == null) {
            return true;
        }
        if (packages.contains(packageName)) {
            return true;
        }
        if (recurse) {
            String prefix = packageName.isEmpty() ? "" : packageName + ".";
            for (String p : packages) {
                if (p.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a class-path entry is a folder (asked once per entry that exists; javac lists many packages). */
    private synchronized boolean isFolder(Path path) {
        Boolean f = folders.get(path);
        if (f == null) {
            if (Files.isDirectory(path)) {
                f = true;
            } else if (Files.isRegularFile(path)) {
                f = false;
            } else {
                return false; // not there (yet): asked again next time
            }
            folders.put(path, f);
        }
        return f;
    }

    private synchronized JarIndex jar(Path path) {
        JarIndex j = jars.get(path);
        if (j == null && !jars.containsKey(path)) {
            j = JarIndex.open(path);
            if (j != null || Files.exists(path)) {
                jars.put(path, j); // a file that is not a zip stays skipped; a missing one is looked for again
            }
        }
        return j;
    }

    private static void listFolder(Path root, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse,
            List<JavaFileObject> found) throws IOException {
        Path dir = packageName.isEmpty() ? root : root.resolve(packageName.replace('.', File.separatorChar));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                JavaFileObject.Kind kind = kindOf(f.getFileName().toString());
                if (kind != null && kinds.contains(kind) && Files.isRegularFile(f)) {
                    String rel = root.relativize(f).toString().replace(File.separatorChar, '/');
                    found.add(new ClassPathFile(f.toUri(), kind, binaryName(rel, kind), null, null, f));
                }
            }
        }
    }

    /**
     * The package (dot-separated, {@code ""} for the unnamed one) of a jar entry javac may ask for: a class or
     * source file, not {@code module-info.class} (a module descriptor means nothing on the class path); else null.
     */
    static String packageOf(JarEntry e) {
        String name = e.getName();
        if (e.isDirectory() || kindOf(name) == null || name.equals("module-info.class")) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
    }

    private static JavaFileObject.Kind kindOf(String name) {
        if (name.endsWith(".class")) {
            return JavaFileObject.Kind.CLASS;
        }
        return name.endsWith(".java") ? JavaFileObject.Kind.SOURCE : null;
    }

    private static String binaryName(String relativePath, JavaFileObject.Kind kind) {
        return relativePath.substring(0, relativePath.length() - kind.extension.length()).replace('/', '.');
    }

    /** One jar: its class and source entries by package, read once. */
    private static final class JarIndex {
        private final JarFile file;
        private final URI uri;
        private final Map<String, List<JarEntry>> packages = new HashMap<>();

        private JarIndex(JarFile file, Path path) {
            this.file = file;
            this.uri = path.toUri();
            try (Stream<JarEntry> all = file.versionedStream()) {
                all.forEach(e -> {
                    String pkg = packageOf(e);
                    if (pkg != null) {
                        packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(e);
                    }
                });
            }
        }

        /** The jar's index, or null when it is not a readable zip (javac skips such entries too). */
        static JarIndex open(Path path) {
            if (!Files.isRegularFile(path)) {
                return null;
            }
            try {
                return new JarIndex(new JarFile(path.toFile(), false, ZipFile.OPEN_READ, Runtime.version()), path);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        void list(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse, List<JavaFileObject> found) {
            add(packages.get(packageName), kinds, found);
            if (recurse) {
                String prefix = packageName.isEmpty() ? "" : packageName + ".";
                packages.forEach((pkg, es) -> {
                    if (!pkg.equals(packageName) && pkg.startsWith(prefix)) {
                        add(es, kinds, found);
                    }
                });
            }
        }

        private void add(List<JarEntry> es, Set<JavaFileObject.Kind> kinds, List<JavaFileObject> found) {
            if (es == null) {
                return;
            }
            for (JarEntry e : es) {
                JavaFileObject.Kind kind = kindOf(e.getName());
                if (kinds.contains(kind)) {
                    found.add(new ClassPathFile(URI.create("jar:" + uri + "!" + encoded("/" + e.getName())), kind,
                            binaryName(e.getName(), kind), file, e, null));
                }
            }
        }

        void close() throws IOException {
            file.close();
        }

        /** A jar entry's name as a URI path (a space or {@code %} in a name is legal in a jar, not in a URI). */
        private static String encoded(String name) {
            try {
                return new URI(null, null, name, null).getRawPath();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException("jar entry name " + name, e);
            }
        }
    }

    /** A class or source file of the class path: in a jar ({@code jar} and {@code entry}) or a folder ({@code path}). */
    private static final class ClassPathFile implements JavaFileObject {
        final String binaryName;
        private final URI uri;
        private final Kind kind;
        private final JarFile jar;
        private final JarEntry entry;
        private final Path path;

        ClassPathFile(URI uri, Kind kind, String binaryName, JarFile jar, JarEntry entry, Path path) {
            this.uri = uri;
            this.kind = kind;
            this.binaryName = binaryName;
            this.jar = jar;
            this.entry = entry;
            this.path = path;
        }

        @Override
        public URI toUri() {
            return uri;
        }

        @Override
        public String getName() {
            return path != null ? path.toString() : jar.getName() + "(" + entry.getName() + ")";
        }

        @Override
        public Kind getKind() {
            return kind;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind k) {
            return k == kind && binaryName.substring(binaryName.lastIndexOf('.') + 1).equals(simpleName);
        }

        @Override
        public javax.lang.model.element.NestingKind getNestingKind() {
            return null;
        }

        @Override
        public javax.lang.model.element.Modifier getAccessLevel() {
            return null;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return path != null ? Files.newInputStream(path) : jar.getInputStream(entry);
        }

        @Override
        public java.io.OutputStream openOutputStream() {
            throw new UnsupportedOperationException("class-path files are read-only: " + getName());
        }

        @Override
        public java.io.Reader openReader(boolean ignoreEncodingErrors) throws IOException {
            return new java.io.StringReader(getCharContent(ignoreEncodingErrors).toString());
        }

        /** A source file's text in the platform's encoding, javac's default without {@code -encoding}. */
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            java.nio.charset.CodingErrorAction onError = ignoreEncodingErrors
                    ? java.nio.charset.CodingErrorAction.REPLACE : java.nio.charset.CodingErrorAction.REPORT;
            try (InputStream in = openInputStream()) {
                return java.nio.charset.Charset.defaultCharset().newDecoder().onMalformedInput(onError)
                        .onUnmappableCharacter(onError).decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
            }
        }

        @Override
        public java.io.Writer openWriter() {
            throw new UnsupportedOperationException("class-path files are read-only: " + getName());
        }

        @Override
        public long getLastModified() {
            try {
                return path != null ? Files.getLastModifiedTime(path).toMillis() : Math.max(0, entry.getTime());
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public boolean delete() {
            return false;
        }

        @Override
        public String toString() {
            return uri.toString();
        }
    }

    // ---- StandardJavaFileManager: the class path is ours, the rest is javac's ----

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            List<Path> paths = new ArrayList<>();
            if (files != null) {
                files.forEach(f -> paths.add(f.toPath()));
            }
            setPaths(paths);
        } else {
            fileManager.setLocation(location, files);
        }
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            setPaths(paths == null ? List.of() : paths);
        } else {
            fileManager.setLocationFromPaths(location, paths);
        }
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return entries.stream().map(Path::toFile).toList();
        }
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return location == StandardLocation.CLASS_PATH ? entries : fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        if (file instanceof ClassPathFile && ((ClassPathFile) file).path != null) {
            return ((ClassPathFile) file).path;
        }
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }

    /** For {@link JavaFileManager} users that ask which jar or folder a class came from (diagnostics). */
    @Override
    public String toString() {
        return "ClassPathFileManager" + entries;
    }
}
