package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorClassPathTest {

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void theExecutorGetsTheLibraryItsJarsAndClassFoldersButNotTheKernelsOwnJars() {
        String kernel = path("/k/visionlab-kernel.jar", "/k/lib/visionlab-library-0.1.0.jar", "/k/lib/xchart-4.0.3.jar",
                "/k/lib/jeromq-0.6.0.jar", "/k/lib/jjava-jupyter-1.0-a6.jar", "/src/library/target/classes",
                "/k/lib/JTransforms-3.1.jar");
        String executor = Executor.classPath(kernel, Set.of("xchart", "JTransforms"));
        assertEquals(List.of("/k/visionlab-kernel.jar", "/k/lib/visionlab-library-0.1.0.jar", "/k/lib/xchart-4.0.3.jar",
                "/src/library/target/classes", "/k/lib/JTransforms-3.1.jar"), List.of(executor.split(File.pathSeparator)));
    }

    @Test
    void jarsAreMatchedByArtifactSoAnotherVersionIsKept() {
        assertEquals("guava", Executor.artifactOf("guava-33.0.0-jre.jar"));
        assertEquals("listenablefuture", Executor.artifactOf("listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar"));
        assertEquals("error_prone_annotations", Executor.artifactOf("error_prone_annotations-2.27.0.jar"));
        assertEquals("/k/lib/guava-33.1.0-jre.jar", Executor.classPath("/k/lib/guava-33.1.0-jre.jar", Set.of("guava")));
    }

    @Test
    void withoutTheLibrarysListTheExecutorGetsTheWholeClassPath() {
        String kernel = path("/k/visionlab-kernel.jar", "/k/lib/jeromq-0.6.0.jar");
        assertEquals(kernel, Executor.classPath(kernel, Set.of()));
    }

    @Test
    void theExecutorGetsTheKernelJarWithoutItsManifestClassPathWhenTheBuildMadeIt(@TempDir Path dir) throws IOException {
        Path kernelJar = Files.createFile(dir.resolve(Executor.KERNEL_JAR));
        Path twin = Files.createFile(dir.resolve(Executor.EXECUTOR_JAR));
        String xchart = dir.resolve("lib/xchart-4.0.3.jar").toString();
        String cp = Executor.classPath(path(kernelJar.toString(), xchart, dir.resolve("lib/jeromq-0.6.0.jar").toString()),
                Set.of("xchart"));
        assertEquals(List.of(twin.toString(), xchart), List.of(cp.split(File.pathSeparator)));
    }

    @Test
    void withoutTheManifestLessTwinTheKernelJarIsKept(@TempDir Path dir) throws IOException {
        Path kernelJar = Files.createFile(dir.resolve(Executor.KERNEL_JAR));
        String xchart = dir.resolve("lib/xchart-4.0.3.jar").toString();
        assertEquals(path(kernelJar.toString(), xchart), Executor.classPath(path(kernelJar.toString(), xchart), Set.of("xchart")));
    }

    @Test
    void aKernelRunWithJavaDashJarKeepsItsJarForTheLibraryItsManifestReaches(@TempDir Path dir) throws IOException {
        Path kernelJar = Files.createFile(dir.resolve(Executor.KERNEL_JAR));
        Files.createFile(dir.resolve(Executor.EXECUTOR_JAR));
        assertEquals(kernelJar.toString(), Executor.classPath(kernelJar.toString(), Set.of("xchart")));
    }

    @Test
    void theBuildListsTheLibrarysRuntimeJars() {
        String cp = Executor.classPath();
        assertTrue(cp.contains("xchart-"), cp);
        assertTrue(cp.contains("JTransforms-"), cp);
        assertTrue(!cp.contains("jeromq-") && !cp.contains("jjava-jupyter") && !cp.contains("maven-resolver"), cp);
    }
}
