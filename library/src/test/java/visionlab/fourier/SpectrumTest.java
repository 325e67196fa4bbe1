package visionlab.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class SpectrumTest {

    @Test
    void parsevalSumOfSquaredMagnitudesOverNEqualsImageEnergy() {
        Random r = new Random(3);
        for (int[] size : new int[][] {{32, 32}, {37, 20}, {15, 9}}) {
            Image img = Image.fromFunction(size[0], size[1], (x, y) -> r.nextGaussian());
            Spectrum s = Spectrum.of(img);
            assertEquals(1.0, s.energy() / img.energy(), 1e-5, size[0] + "x" + size[1]);
        }
        Image photo = Image.sample("camera").crop(10, 10, 64, 50);
        assertEquals(1.0, Spectrum.of(photo).energy() / photo.energy(), 1e-5);
    }

    @Test
    void spectrumOfAGratingPeaksAtItsFrequency() {
        int w = 64;
        int h = 48;
        for (int[] f : new int[][] {{5, 0}, {3, 7}, {-6, 4}, {0, 11}}) {
            Image g = Image.fromFunction(w, h, (x, y) -> 0.5 + 0.4 * Math.cos(2 * Math.PI * (f[0] * x / (double) w
                    + f[1] * y / (double) h)));
            int[] p = Spectrum.of(g).peak();
            boolean same = p[0] == f[0] && p[1] == f[1];
            boolean mirror = p[0] == -f[0] && p[1] == -f[1];
            assertTrue(same || mirror, "peak " + p[0] + "," + p[1] + " for " + f[0] + "," + f[1]);
            Spectrum s = Spectrum.of(g);
            // magnitude of a cosine of amplitude 0.4 is 0.4 * W H / 2
            assertEquals(0.4 * w * h / 2, s.magnitude(f[0], f[1]), 1e-2);
        }
    }

    @Test
    void centredLogMagnitudeHasDcInTheMiddle() {
        Image flat = Image.filled(9, 8, 1, 1.0);
        Image lm = Spectrum.of(flat).logMagnitude();
        assertEquals(Math.log1p(72), lm.get(4, 4), 1e-4);
        assertEquals(0, lm.get(0, 0), 1e-4);
        assertArrayEquals(new int[] {9, 8}, new int[] {lm.width(), lm.height()});
    }
}
