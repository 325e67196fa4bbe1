package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class SteerablePyramidTest {

    static Image noise(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, channels);
        for (int c = 0; c < channels; c++) {
            float[] p = im.plane(c);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) r.nextGaussian();
            }
        }
        return im;
    }

    static double relError(Image a, Image b) {
        return a.minus(b).energy() == 0 ? 0 : Math.sqrt(a.minus(b).energy() / b.energy());
    }

    static Image[] inputs() {
        Image cam = Image.sample("camera");
        return new Image[] {
            cam.crop(100, 80, 128, 128),                  // photo, even
            cam.crop(37, 51, 97, 75),                     // photo, odd x odd, not square
            Image.sample("coffee").crop(10, 20, 66, 49),  // colour, even x odd
            noise(64, 64, 1, 1),
            noise(45, 33, 1, 2),
            noise(31, 32, 1, 3),
            noise(9, 8, 1, 4),
        };
    }

    @Test
    void realPyramidReconstructsExactlyAndPreservesEnergyOnPhotosAndNoiseOfAnySize() {
        for (Image img : inputs()) {
            for (int k : new int[] {1, 2, 4, 5}) {
                int s = SteerablePyramid.maxScales(img);
                SteerablePyramid sp = SteerablePyramid.of(img, s, k);
                double err = relError(sp.reconstruct(), img);
                assertTrue(err <= 1e-4, img.shape() + " K=" + k + ": relative error " + err);
                double ratio = sp.energy() / img.energy();
                assertEquals(1.0, ratio, 1e-4, img.shape() + " K=" + k + ": energy ratio");
            }
        }
    }

    @Test
    void complexPyramidReconstructsExactlyAndPreservesEnergyOnPhotosAndNoiseOfAnySize() {
        for (Image img : inputs()) {
            for (int k : new int[] {1, 3, 4}) {
                int s = Math.max(1, SteerablePyramid.maxScales(img) - 1);
                SteerablePyramidComplex cp = SteerablePyramid.complex(img, s, k);
                double err = relError(cp.reconstruct(), img);
                assertTrue(err <= 1e-4, img.shape() + " K=" + k + ": relative error " + err);
                assertEquals(1.0, cp.energy() / img.energy(), 1e-4, img.shape() + " K=" + k + ": energy ratio");
            }
        }
    }

    @Test
    void complexBandRealPartTimesSqrt2IsTheRealBand() {
        Image img = Image.sample("camera").crop(0, 0, 64, 64);
        SteerablePyramid sp = SteerablePyramid.of(img, 3, 4);
        SteerablePyramidComplex cp = sp.complex();
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < 4; b++) {
                Image re = cp.band(s, b).real().times(Math.sqrt(2));
                assertTrue(relError(re, sp.band(s, b)) < 1e-4, "scale " + s + " band " + b);
            }
        }
    }
}
