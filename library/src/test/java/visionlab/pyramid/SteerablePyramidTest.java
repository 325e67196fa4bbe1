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

    static Image grating(int size, double period, double phi) {
        double w = 2 * Math.PI / period;
        return Image.fromFunction(size, size, (x, y) -> Math.sin(w * (x * Math.cos(phi) + y * Math.sin(phi))));
    }

    @Test
    void bandEnergyPeaksAtTheOrientationNearestTheGratingDirection() {
        for (int k : new int[] {4, 6}) {
            for (double phi : new double[] {0.1, 0.6, 1.0, 1.5, 2.2, 2.8}) {
                SteerablePyramid sp = SteerablePyramid.of(grating(64, 5, phi), 3, k);
                int best = -1;
                double bestE = -1;
                for (int b = 0; b < k; b++) {
                    double e = sp.band(0, b).energy() + sp.band(1, b).energy();
                    if (e > bestE) {
                        bestE = e;
                        best = b;
                    }
                }
                int nearest = (int) Math.round(phi / (Math.PI / k)) % k;
                assertEquals(nearest, best, "K=" + k + " phi=" + phi);
            }
        }
    }

    @Test
    void steeringAScaleToABandAngleGivesThatBandAndPeaksAtTheGratingDirection() {
        double phi = 0.9;
        SteerablePyramid sp = SteerablePyramid.of(grating(64, 5, phi), 3, 4);
        for (int b = 0; b < 4; b++) {
            assertTrue(sp.steer(1, sp.angle(b)).minus(sp.band(1, b)).maxAbs() < 1e-5 * sp.band(1, b).maxAbs() + 1e-7);
        }
        double best = -1;
        double bestE = -1;
        for (int i = 0; i < 90; i++) {
            double t = Math.PI * i / 90;
            double e = sp.steer(0, t).energy() + sp.steer(1, t).energy();
            if (e > bestE) {
                bestE = e;
                best = t;
            }
        }
        assertEquals(phi, best, Math.PI / 90, "steered energy peak");
    }

    @Test
    void complexBandAmplitudeOfAGratingIsNearlyConstantWhileItsRealPartOscillates() {
        int n = 64;
        // a periodic grating (8, 3) cycles over the image, direction atan2(3, 8)
        Image g = Image.fromFunction(n, n, (x, y) -> Math.cos(2 * Math.PI * (8.0 * x + 3.0 * y) / n));
        SteerablePyramidComplex cp = SteerablePyramid.complex(g, 3, 4);
        // pick the strongest band
        SteerableBand best = null;
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < 4; b++) {
                if (best == null || cp.band(s, b).amplitude().energy() > best.amplitude().energy()) {
                    best = cp.band(s, b);
                }
            }
        }
        Image a = best.amplitude();
        double mean = a.mean();
        double rms = Math.sqrt(a.minus(Image.filled(a.width(), a.height(), 1, mean)).energy() / a.pixels());
        assertTrue(rms < 1e-3 * mean, "amplitude varies: rms " + rms + " mean " + mean);
        assertTrue(best.real().max() > 0.9 * mean && best.real().min() < -0.9 * mean, "real part oscillates");
        // phase advances along the grating direction: one pixel step in x adds 2 pi 8 / n (mod 2 pi)
        double dphi = best.phase().get(11, 5) - best.phase().get(10, 5);
        assertEquals(0, Math.IEEEremainder(dphi - 2 * Math.PI * 8.0 / best.width(), 2 * Math.PI), 1e-3);
    }

    @Test
    void reconstructionFromChosenBandsAddsUpToTheImage() {
        Image img = Image.sample("camera").crop(0, 0, 64, 48);
        SteerablePyramid sp = SteerablePyramid.of(img, 3, 4);
        Image sum = sp.reconstruct((s, b) -> s == -1);
        for (int s = 0; s <= 3; s++) {
            final int scale = s;
            sum = sum.plus(sp.reconstruct((t, b) -> t == scale));
        }
        assertTrue(relError(sum, img) < 1e-5);
        Image noise = noise(64, 48, 1, 9);
        SteerablePyramid np = SteerablePyramid.of(noise, 3, 4);
        assertTrue(relError(np.reconstruct((s, b) -> s == 3), noise) > 0.5, "the low-pass alone is not the image");
        assertTrue(relError(np.reconstruct((s, b) -> s != 0), noise) > 0.1, "dropping scale 0 changes the image");
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        Image img = Image.zeros(64, 64);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.of(img, 2, 0))
                .getMessage().startsWith("orientations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.of(img, 2, 17))
                .getMessage().startsWith("orientations"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.of(img, 5, 4));
        assertEquals("scales: expected 1..4 for a 64x64 image, got 5", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.of(img, 0, 4))
                .getMessage().startsWith("scales"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.complex(Image.zeros(7, 40), 1, 4))
                .getMessage().startsWith("img"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SteerablePyramid.of(null, 1, 4))
                .getMessage().startsWith("img"));
        SteerablePyramid sp = SteerablePyramid.of(img, 2, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sp.band(2, 0)).getMessage().startsWith("scale"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sp.band(0, 4)).getMessage().startsWith("orientation"));
    }

    @Test
    void anInterruptStopsABuildWithCancellationAndConsumesTheFlag() throws Exception {
        Image img = noise(96, 80, 1, 7);
        Thread.currentThread().interrupt();
        assertThrows(java.util.concurrent.CancellationException.class, () -> SteerablePyramid.complex(img, 3, 4));
        assertEquals(false, Thread.currentThread().isInterrupted());
        assertEquals(96, SteerablePyramid.of(img, 3, 4).reconstruct().width());

        // interrupted while the workers run: the loop ends with a cancellation, not an error or a hang
        Image big = noise(1024, 1024, 1, 8);
        java.util.concurrent.atomic.AtomicReference<Throwable> end = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    SteerablePyramid.complex(big, 5, 4).reconstruct();
                }
            } catch (Throwable e) {
                end.set(e);
            }
        });
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(20_000);
        assertEquals(false, t.isAlive(), "the build stopped");
        assertTrue(end.get() instanceof java.util.concurrent.CancellationException, String.valueOf(end.get()));
    }

    static double dot(Image a, Image b) {
        double d = 0;
        for (int c = 0; c < a.channels(); c++) {
            float[] p = a.plane(c);
            float[] q = b.plane(c);
            for (int i = 0; i < p.length; i++) {
                d += (double) p[i] * q[i];
            }
        }
        return d;
    }

    static void fill(Image im, Random r) {
        for (int c = 0; c < im.channels(); c++) {
            float[] p = im.plane(c);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) r.nextGaussian();
            }
        }
    }

    @Test
    void reconstructionIsTheAdjointOfAnalysisForArbitraryCoefficients() {
        // <A x, c> = <x, A* c> for coefficients c that no image has (random), at sizes whose transforms run on
        // several cores; the complex pyramid's inner product is Re sum conj(Ax) c = sum re*re + im*im
        for (int[] wh : new int[][] {{131, 129}, {256, 200}}) {
            Image x = noise(wh[0], wh[1], 1, 11);
            Random r = new Random(12);
            SteerablePyramid ax = SteerablePyramid.of(x, 3, 4);
            SteerablePyramid c = SteerablePyramid.of(noise(wh[0], wh[1], 1, 13), 3, 4);
            double lhs = dot(ax.highpass(), rand(c.highpass(), r)) + dot(ax.lowpass(), rand(c.lowpass(), r));
            for (int s = 0; s < 3; s++) {
                for (int b = 0; b < 4; b++) {
                    lhs += dot(ax.band(s, b), rand(c.band(s, b), r));
                }
            }
            double rhs = dot(x, c.reconstruct());
            assertEquals(lhs, rhs, 1e-4 * Math.abs(lhs) + 1e-3, wh[0] + "x" + wh[1] + " real");

            SteerablePyramidComplex cx = SteerablePyramid.complex(x, 3, 4);
            SteerablePyramidComplex cc = SteerablePyramid.complex(noise(wh[0], wh[1], 1, 14), 3, 4);
            lhs = dot(cx.highpass(), rand(cc.highpass(), r)) + dot(cx.lowpass(), rand(cc.lowpass(), r));
            for (int s = 0; s < 3; s++) {
                for (int b = 0; b < 4; b++) {
                    lhs += dot(cx.band(s, b).real(), rand(cc.band(s, b).real(), r))
                            + dot(cx.band(s, b).imag(), rand(cc.band(s, b).imag(), r));
                }
            }
            rhs = dot(x, cc.reconstruct());
            assertEquals(lhs, rhs, 1e-4 * Math.abs(lhs) + 1e-3, wh[0] + "x" + wh[1] + " complex");
        }
    }

    static Image rand(Image im, Random r) {
        fill(im, r);
        return im;
    }

    @Test
    void reconstructionFromRunToRunDiffersAtMostInTheLastBits() {
        // the workers' partial sums depend on which worker took which band: float rounding only
        Image img = noise(256, 200, 1, 15);
        SteerablePyramidComplex cp = SteerablePyramid.complex(img, 4, 4);
        Image first = cp.reconstruct();
        for (int k = 0; k < 5; k++) {
            assertTrue(relError(cp.reconstruct(), first) < 1e-6, "run " + k);
        }
        SteerablePyramid sp = SteerablePyramid.of(img, 4, 4);
        float[] b = sp.band(1, 1).plane(0).clone();
        assertTrue(java.util.Arrays.equals(b, SteerablePyramid.of(img, 4, 4).band(1, 1).plane(0)),
                "analysis is exactly repeatable");
    }
}
