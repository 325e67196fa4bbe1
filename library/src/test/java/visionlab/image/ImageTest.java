package visionlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visionlab.filter.Boundary;

class ImageTest {

    @TempDir
    Path tmp;

    static Image random(int w, int h, int c, long seed) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, c);
        for (int k = 0; k < c; k++) {
            float[] p = im.plane(k);
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextFloat();
            }
        }
        return im;
    }

    @Test
    void everySampleLoadsWithValuesInZeroToOne() {
        for (String name : Image.sampleNames()) {
            Image im = Image.sample(name);
            assertTrue(im.min() >= 0 && im.max() <= 1, name);
            assertTrue(im.width() >= 300 && im.height() >= 300, name);
        }
        assertEquals(3, Image.sample("apple").channels());
        assertEquals(1, Image.sample("camera").channels());
        assertEquals(512, Image.sample("apple").width());
    }

    @Test
    void unknownSampleNameListsTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Image.sample("banana"));
        assertTrue(e.getMessage().contains("apple") && e.getMessage().contains("banana"), e.getMessage());
    }

    @Test
    void pngRoundTripKeepsEightBitValues() {
        for (int c : new int[] {1, 2, 3, 4}) {
            Image im = random(17, 9, c, c).map(v -> Math.round(v * 255) / 255.0);
            Path f = im.write(tmp.resolve("x" + c + ".png"));
            Image back = Image.read(f);
            assertEquals(c, back.channels());
            assertTrue(back.minus(im).maxAbs() < 1e-6, "channels " + c);
        }
    }

    @Test
    void plainAndRawPgmPpmAreRead() throws Exception {
        Path p2 = tmp.resolve("a.pgm");
        Files.writeString(p2, "P2\n# comment\n3 2\n255\n0 128 255\n1 2 3\n", StandardCharsets.US_ASCII);
        Image a = Image.read(p2);
        assertEquals(3, a.width());
        assertEquals(2, a.height());
        assertEquals(128 / 255f, a.get(1, 0), 1e-7);
        byte[] raw = {'P', '6', '\n', '2', ' ', '1', '\n', '2', '5', '5', '\n', 10, 20, 30, (byte) 200, 0, (byte) 255};
        Image b = Image.read(new ByteArrayInputStream(raw), "b.ppm");
        assertEquals(3, b.channels());
        assertEquals(200 / 255f, b.get(1, 0, 0), 1e-7);
        assertEquals(1f, b.get(1, 0, 2), 1e-7);
    }

    @Test
    void truncatedAndUnreadableFilesGiveUncheckedIo() throws Exception {
        byte[] truncated = {'P', '5', '\n', '4', ' ', '4', '\n', '2', '5', '5', '\n', 1, 2, 3};
        assertThrows(UncheckedIOException.class, () -> Image.read(new ByteArrayInputStream(truncated), "t.pgm"));
        Path junk = tmp.resolve("junk.png");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        assertThrows(UncheckedIOException.class, () -> Image.read(junk));
        byte[] png = random(64, 64, 3, 1).toPng();
        Path cut = tmp.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(png, png.length / 2));
        assertThrows(UncheckedIOException.class, () -> Image.read(cut));
        assertThrows(UncheckedIOException.class, () -> Image.read(tmp.resolve("missing.png")));
    }

    @Test
    void arithmeticBroadcastsAGreyOperand() {
        Image rgb = random(5, 4, 3, 2);
        Image mask = random(5, 4, 1, 3);
        Image prod = rgb.times(mask);
        for (int c = 0; c < 3; c++) {
            assertEquals(rgb.get(2, 3, c) * mask.get(2, 3), prod.get(2, 3, c), 1e-7);
        }
        assertEquals(0, rgb.plus(mask).minus(mask).minus(rgb).maxAbs(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> rgb.plus(random(4, 4, 3, 1)));
        assertThrows(IllegalArgumentException.class, () -> rgb.plus(random(5, 4, 2, 1)));
    }

    @Test
    void statisticsAgreeWithDirectSums() {
        Image im = Image.of(new double[][] {{1, -2}, {3, 4}});
        assertEquals(-2, im.min());
        assertEquals(4, im.max());
        assertEquals(4, im.maxAbs());
        assertEquals(1.5, im.mean(), 1e-12);
        assertEquals(30, im.energy(), 1e-12);
        Image n = im.normalized();
        assertEquals(0, n.min());
        assertEquals(1, n.max());
        assertEquals(0.625f, im.normalizedAroundZero().get(0, 0), 1e-6);
    }

    @Test
    void cropAndPadAreInverse() {
        Image im = random(7, 5, 2, 4);
        for (Boundary b : Boundary.values()) {
            Image p = im.pad(3, 1, 2, 4, b);
            assertEquals(12, p.width());
            assertEquals(10, p.height());
            assertEquals(0, p.crop(3, 1, 7, 5).minus(im).maxAbs());
        }
        assertEquals(im.get(1, 0, 1), im.pad(2, 2, 0, 0, Boundary.REFLECT_101).get(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> im.crop(5, 0, 3, 1));
    }

    @Test
    void greyUsesLumaWeights() {
        Image rgb = Image.stack(Image.filled(2, 2, 1, 1), Image.zeros(2, 2), Image.zeros(2, 2));
        assertEquals(0.299f, rgb.grey().get(1, 1), 1e-6);
    }

    @Test
    void badShapesAreRejectedWithTheArgumentName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Image.zeros(0, 3));
        assertTrue(e.getMessage().startsWith("size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Image.zeros(3, 3, 5));
        assertTrue(e.getMessage().startsWith("channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Image.of(2, 2, new float[3]));
        assertTrue(e.getMessage().startsWith("planes[0]"), e.getMessage());
        Image nan = Image.filled(2, 2, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> Image.requireValid(nan, "img"));
        assertTrue(e.getMessage().startsWith("img"), e.getMessage());
    }

    @Test
    void displayGivesADecodablePngAndOneLineText() throws Exception {
        Image im = random(8, 8, 3, 5);
        var b = im.mimeBundle();
        var bi = javax.imageio.ImageIO.read(new ByteArrayInputStream(b.png()));
        assertEquals(256, bi.getWidth()); // tiny images are zoomed up to be seen
        assertTrue(b.text().startsWith("Image 8x8 RGB"));
        assertTrue(!b.text().contains("\n"));
    }

    @Test
    void displayShowsPhotosAsIsBandsAroundZeroAndOtherRangesStretched() throws Exception {
        // a photo-like image with a small overshoot (a blend) is shown as it is
        Image photo = Image.fromFunction(200, 200, (x, y) -> x == 0 ? 1.04 : 0.5);
        var bp = javax.imageio.ImageIO.read(new ByteArrayInputStream(photo.mimeBundle().png()));
        assertEquals(128, bp.getRaster().getSample(100, 100, 0));
        assertTrue(!photo.mimeBundle().text().contains("display"));
        // a band: symmetric values around zero; zero is mid grey
        Image band = Image.fromFunction(200, 200, (x, y) -> x == 100 ? 0 : Math.sin(x * 0.3) * 0.2);
        var bb = javax.imageio.ImageIO.read(new ByteArrayInputStream(band.mimeBundle().png()));
        assertEquals(128, bb.getRaster().getSample(100, 50, 0), 1);
        assertTrue(band.mimeBundle().text().contains("0 = mid grey"));
        // a positive image far outside 0..1 is stretched: its minimum is black, its maximum white
        Image counts = Image.fromFunction(200, 200, (x, y) -> 10 + x);
        var bc = javax.imageio.ImageIO.read(new ByteArrayInputStream(counts.mimeBundle().png()));
        assertEquals(0, bc.getRaster().getSample(0, 0, 0));
        assertEquals(255, bc.getRaster().getSample(199, 0, 0));
        assertTrue(counts.mimeBundle().text().contains("stretched"));
    }
}
