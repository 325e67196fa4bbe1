package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The default build ships no per-platform native code: no jar on the kernel's run-time class path
 * ({@code target/lib}, what {@code install} puts in kernel.json) holds a shared library. The licences of the
 * same jars are checked by the license-maven-plugin in the parent POM.
 */
class NoNativeLibrariesIT {

    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dll", ".dylib", ".jnilib");

    @Test
    void runtimeJarsContainNoSharedLibraries() throws IOException {
        Path lib = Path.of("target/lib");
        assertTrue(Files.isDirectory(lib), "package the kernel first: " + lib.toAbsolutePath());
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.size() > 5, "expected the kernel's run-time jars in " + lib + ", found " + jars);
        List<String> natives = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(NoNativeLibrariesIT::isNative)
                        .forEach(name -> natives.add(jar.getFileName() + "!/" + name));
            }
        }
        assertTrue(natives.isEmpty(), "native libraries on the default class path: " + natives);
    }

    static boolean isNative(String entry) {
        String name = entry.toLowerCase(Locale.ROOT);
        return NATIVE_SUFFIXES.stream().anyMatch(name::endsWith) || name.matches(".*\\.so\\.[0-9.]+");
    }
}
