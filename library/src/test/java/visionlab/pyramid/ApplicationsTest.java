package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class ApplicationsTest {

    private static Image noisy(Image clean, double sigma, long seed) {
        Random r = new Random(seed);
        Image n = clean.copy();
        float[] p = n.plane(0);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (sigma * r.nextGaussian());
        }
        return n;
    }

    @Test
    void coringLowersTheErrorToTheCleanImage() {
        Image clean = Image.sample("camera").grey().crop(100, 100, 256, 256);
        Image noisy = noisy(clean, 0.08, 1);
        double before = noisy.rmsDifference(clean);
        double after = Denoise.coring(noisy, 0.08).rmsDifference(clean);
        assertTrue(after < 0.8 * before, "rms before " + before + ", after " + after);
        // thresholds falling with the band's noise level do better still
        double perBand = Denoise.coringPerBand(noisy, 0.08, 0.02, 0.005).rmsDifference(clean);
        assertTrue(perBand < 0.7 * before, "rms before " + before + ", per band " + perBand);
        // threshold 0 changes nothing
        assertTrue(Denoise.coring(noisy, 0).rmsDifference(noisy) < 1e-6);
    }

    @Test
    void quantisationErrorGrowsAndBitRateFallsAsBitsFall() {
        Image img = Image.sample("camera").grey().crop(0, 0, 256, 256);
        double lastRms = -1;
        double lastBpp = Double.POSITIVE_INFINITY;
        for (int bits = 10; bits >= 1; bits--) {
            Compression c = Compression.withBits(img, bits, 5);
            assertTrue(c.rmsError() > lastRms, bits + " bits: rms " + c.rmsError() + " after " + lastRms);
            assertTrue(c.bitsPerPixel() < lastBpp, bits + " bits: bpp " + c.bitsPerPixel() + " after " + lastBpp);
            lastRms = c.rmsError();
            lastBpp = c.bitsPerPixel();
        }
    }

    @Test
    void entropyEstimateIsExactForAKnownSymbolDistribution() {
        // one level (the low-pass only): the image itself is quantised; half 0, half 1 -> 1 bit per pixel
        Image img = Image.fromFunction(16, 16, (x, y) -> x < 8 ? 0 : 1);
        Compression c = Compression.quantize(img, 1.0);
        assertEquals(1.0, c.bitsPerPixel(), 1e-12);
        assertEquals(0.0, c.rmsError(), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, c.psnr());
        // a constant costs nothing
        assertEquals(0.0, Compression.quantize(Image.filled(8, 8, 1, 0.3), 0.1).bitsPerPixel(), 1e-12);
        assertTrue(c.mimeBundle().hasPng());
        assertTrue(c.toString().startsWith("Compression 16x16 grey, 1 levels: 1.000 bits/pixel"), c.toString());
    }

    @Test
    void fineStepsReconstructNearlyExactly() {
        Image img = Image.sample("astronaut").crop(0, 0, 100, 80);
        Compression c = Compression.quantize(img, 1e-4, 1e-4, 1e-4, 1e-4);
        assertTrue(c.rmsError() < 1e-4, "rms " + c.rmsError());
        assertEquals(3, c.reconstructed().channels());
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Image img = Image.zeros(32, 32);
        assertMessage("img", () -> Denoise.coring(null, 0.1));
        assertMessage("threshold", () -> Denoise.coring(img, -1));
        assertMessage("threshold", () -> Denoise.coring(img, Double.NaN));
        assertMessage("levels: expected 1..6", () -> Denoise.coring(img, 0.1, 7));
        assertMessage("levels: expected 1..6", () -> Denoise.coring(img, 0.1, 0));
        assertMessage("thresholds:", () -> Denoise.coringPerBand(img));
        assertMessage("thresholds[1]", () -> Denoise.coringPerBand(img, 0.1, -0.1));
        assertMessage("levels: expected 1..6", () -> Denoise.coringPerBand(img, 1, 1, 1, 1, 1, 1));
        assertMessage("img: expected finite", () -> Denoise.coring(img.copy().set(1, 1, 0, Double.NaN), 0.1));
        assertMessage("img", () -> Compression.withBits(null, 3));
        assertMessage("bits: expected 1..16", () -> Compression.withBits(img, 0));
        assertMessage("levels", () -> Compression.withBits(img, 3, 0));
        assertMessage("steps:", () -> Compression.quantize(img));
        assertMessage("steps[1]", () -> Compression.quantize(img, 0.1, 0));
        assertMessage("steps[0]", () -> Compression.quantize(img, Double.NaN));
        assertMessage("levels: expected 1..6", () -> Compression.quantize(img, 1, 1, 1, 1, 1, 1, 1));
    }
}
