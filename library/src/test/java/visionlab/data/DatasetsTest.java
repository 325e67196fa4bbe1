package visionlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled and generated data sets, the IDX reader and seeded splits. */
class DatasetsTest {

    @Test
    void xorAndOrHaveTheTruthTables() {
        Dataset x = Datasets.xor();
        assertEquals(4, x.size());
        for (int m = 0; m < 4; m++) {
            double[] in = x.input(m);
            int a = (int) in[0];
            int b = (int) in[1];
            assertEquals(a ^ b, x.labels()[m]);
            assertEquals(a & b, Datasets.and().labels()[m]);
            assertEquals(a | b, Datasets.or().labels()[m]);
        }
    }

    @Test
    void figureFunctionsHave50PointsInOpenIntervalAndExactValues() {
        for (Dataset d : Datasets.figure53()) {
            assertEquals(50, d.size());
            for (int m = 0; m < 50; m++) {
                double x = d.input(m)[0];
                assertTrue(x > -1 && x < 1);
                double y = d.targets().get(m, 0);
                double expected = switch (d.name()) {
                    case "x^2" -> x * x;
                    case "|x|" -> Math.abs(x);
                    case "H(x)" -> x > 0 ? 1 : 0;
                    default -> Math.sin(Math.PI * x);
                };
                assertEquals(expected, y, 1e-6); // stored in float32
            }
        }
        assertArrayEquals(Datasets.square().inputs().toArray(), Datasets.square().inputs().toArray());
        assertNotEquals(Datasets.function("f", x -> x, 50, 1).input(0)[0], Datasets.function("f", x -> x, 50, 2).input(0)[0]);
    }

    @Test
    void toySetsAreSeededAndBalanced() {
        Dataset[] sets = {Datasets.circle(200, 0.05, 1), Datasets.blobs(300, 3, 0.2, 1), Datasets.spiral(300, 3, 0.1, 1),
            Datasets.moons(200, 0.1, 1)};
        for (Dataset d : sets) {
            assertEquals(2, d.inputSize());
            int[] count = new int[d.classes()];
            for (int l : d.labels()) {
                count[l]++;
            }
            for (int c : count) {
                assertEquals(d.size() / d.classes(), c, 1, d.name());
            }
        }
        assertArrayEquals(Datasets.moons(50, 0.1, 7).inputs().toArray(), Datasets.moons(50, 0.1, 7).inputs().toArray());
        assertNotEquals(Datasets.moons(50, 0.1, 7).input(0)[0], Datasets.moons(50, 0.1, 8).input(0)[0]);
        // circle: inner class within radius 0.5 (no noise), outer at least 0.7
        Dataset c = Datasets.circle(100, 0, 3);
        for (int m = 0; m < c.size(); m++) {
            double r = Math.hypot(c.input(m)[0], c.input(m)[1]);
            assertTrue(c.labels()[m] == 1 ? r <= 0.5 + 1e-6 : r >= 0.7 - 1e-6);
        }
    }

    @Test
    void digits8x8HaveAll1797ExamplesScaledTo01() {
        Dataset d = Datasets.digits8x8();
        assertEquals(1797, d.size());
        assertEquals(64, d.inputSize());
        assertEquals(8, d.imageWidth());
        int[] count = new int[10];
        for (int l : d.labels()) {
            count[l]++;
        }
        for (int c : count) {
            assertTrue(c >= 170 && c <= 190, "class count " + c);
        }
        for (int m = 0; m < d.size(); m += 97) {
            for (double v : d.input(m)) {
                assertTrue(v >= 0 && v <= 1);
                assertEquals(0, (v * 16) % 1, 1e-6); // 0..16 steps
            }
        }
    }

    @Test
    void mnist10kIsShuffledWith1000PerClassAnd28x28Pixels() {
        Dataset d = Datasets.mnist10k();
        assertEquals(10_000, d.size());
        assertEquals(784, d.inputSize());
        assertEquals(28, d.imageHeight());
        int[] count = new int[10];
        Set<Integer> firstHundred = new HashSet<>();
        int[] labels = d.labels();
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            if (i < 100) {
                firstHundred.add(labels[i]);
            }
        }
        for (int c : count) {
            assertTrue(c > 800 && c < 1200, "class count " + c);
        }
        assertEquals(10, firstHundred.size()); // the sorted file was shuffled
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(magic);
        for (int d : dims) {
            o.writeInt(d);
        }
        o.write(data);
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void idxReaderReadsPlainAndGzippedFiles(@TempDir Path dir) throws IOException {
        byte[] pix = new byte[3 * 2 * 4];
        for (int i = 0; i < pix.length; i++) {
            pix[i] = (byte) (i * 10);
        }
        byte[] images = idx(0x0803, new int[] {3, 2, 4}, pix);
        byte[] labels = idx(0x0801, new int[] {3}, new byte[] {7, 0, 9});
        Files.write(dir.resolve("i"), images);
        Files.write(dir.resolve("l"), labels);
        Files.write(dir.resolve("i.gz"), gzip(images));
        Files.write(dir.resolve("l.gz"), gzip(labels));
        for (Dataset d : new Dataset[] {Idx.read(dir.resolve("i"), dir.resolve("l")),
            Idx.read(dir.resolve("i.gz"), dir.resolve("l.gz"))}) {
            assertEquals(3, d.size());
            assertEquals(4, d.imageWidth());
            assertEquals(2, d.imageHeight());
            assertArrayEquals(new int[] {7, 0, 9}, d.labels());
            assertEquals(130 / 255.0, d.input(1)[5], 1e-6); // pixel 8 + 5 = 13 -> 130
        }
        Files.write(dir.resolve("bad"), idx(0x0D03, new int[] {1, 1, 1}, new byte[4]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Idx.read(dir.resolve("bad"), dir.resolve("l")));
        assertTrue(e.getMessage().startsWith("images"));
        Files.write(dir.resolve("l2"), idx(0x0801, new int[] {2}, new byte[] {1, 2}));
        e = assertThrows(IllegalArgumentException.class, () -> Idx.read(dir.resolve("i"), dir.resolve("l2")));
        assertTrue(e.getMessage().startsWith("labels"));
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Dataset d = Datasets.blobs(101, 2, 0.3, 1);
        Dataset.Split a = d.split(0.8, 5);
        Dataset.Split b = d.split(0.8, 5);
        Dataset.Split c = d.split(0.8, 6);
        assertEquals(81, a.train().size());
        assertEquals(20, a.test().size());
        assertArrayEquals(a.train().inputs().toArray(), b.train().inputs().toArray());
        assertNotEquals(a.train().input(0)[0], c.train().input(0)[0]);
        Set<String> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {a.train(), a.test()}) {
            for (int m = 0; m < part.size(); m++) {
                assertTrue(seen.add(part.input(m)[0] + "," + part.input(m)[1]));
            }
        }
        assertEquals(101, seen.size());
        assertThrows(IllegalArgumentException.class, () -> d.split(1.0, 1));
    }

    @Test
    void oneHotAndTargetsFitTheOutputLayer() {
        Dataset d = Datasets.blobs(6, 3, 0.1, 1);
        float[][] t = d.oneHot();
        for (int m = 0; m < 6; m++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(c == d.labels()[m] ? 1f : 0f, t[m][c]);
            }
        }
        assertEquals(1, Datasets.xor().targetRows(1)[0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.targetRows(2));
        assertTrue(e.getMessage().startsWith("labels"));
    }
}
