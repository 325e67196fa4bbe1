package visionlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart toolkit sits below the domain types: no compiled class of {@code visionlab.plot} refers to a
 * class of {@code visionlab.nn}, {@code visionlab.data} or any other VisionLab package but {@code show} and
 * {@code image}. Read from the class files' constant pools, so fully qualified names in code count too.
 */
class PackageDirectionTest {

    private static final Set<String> ALLOWED = Set.of("visionlab/plot", "visionlab/show", "visionlab/image");

    @Test
    void plotClassesReferToNoDomainPackage() throws IOException, URISyntaxException {
        Path dir = Path.of(Chart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("visionlab/plot");
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".class")).forEach(classes::add);
        }
        assertTrue(classes.size() >= 2, "the plot package's classes are found in " + dir);
        Set<String> bad = new TreeSet<>();
        for (Path c : classes) {
            for (String ref : packagesReferred(c)) {
                if (!ALLOWED.contains(ref)) {
                    bad.add(c.getFileName() + " -> " + ref.replace('/', '.'));
                }
            }
        }
        assertEquals(Set.of(), bad, "visionlab.plot must not depend on the packages that draw with it");
    }

    @Test
    void theScannerSeesAReferenceToNn() throws IOException, URISyntaxException {
        // the check can fail: a class of nn that draws with plot is seen referring to visionlab/plot
        Path nn = Path.of(Chart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("visionlab/nn/History.class");
        Set<String> refs = packagesReferred(nn);
        assertTrue(refs.contains("visionlab/plot"), "History refers to visionlab.plot: " + refs);
        assertFalse(refs.contains("visionlab/pyramid"));
    }

    /** The visionlab/... packages named anywhere in the UTF-8 entries of a class file's constant pool. */
    static Set<String> packagesReferred(Path classFile) throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + ": not a class file");
            }
            d.readUnsignedShort();
            d.readUnsignedShort();
            int n = d.readUnsignedShort();
            for (int i = 1; i < n; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> collect(d.readUTF(), out);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt();
                    case 5, 6 -> {
                        d.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> d.readUnsignedShort();
                    case 15 -> {
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return out;
    }

    private static void collect(String utf, Set<String> out) {
        int at = utf.indexOf("visionlab/");
        while (at >= 0) {
            int end = at + "visionlab/".length();
            while (end < utf.length() && Character.isJavaIdentifierPart(utf.charAt(end))) {
                end++;
            }
            if (end < utf.length() && utf.charAt(end) == '/') {
                out.add(utf.substring(at, end));
            }
            at = utf.indexOf("visionlab/", end);
        }
    }
}
