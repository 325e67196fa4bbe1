package visionlab.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.pyramid.SteerablePyramid;

class TextureSynthesisTest {

    /** Gravel at half resolution, 128x128: a stochastic texture. */
    static Image gravel() {
        return Resample.reduce(Image.sample("gravel").crop(64, 32, 256, 256));
    }

    static double meanSquare(Image img) {
        return img.energy() / ((double) img.pixels() * img.channels());
    }

    @Test
    void pixelHistogramMatchesTheSampleWithinKsDistance002AndEveryBandVarianceWithinAFactor16() {
        Image sample = gravel();
        for (int[] size : new int[][] {{128, 128}, {150, 101}}) {
            Image out = TextureSynthesis.of(sample).size(size[0], size[1]).seed(3).synthesize();
            assertEquals(size[0], out.width());
            assertEquals(size[1], out.height());
            double ks = Histograms.ksDistance(out, sample);
            assertTrue(ks <= 0.02, size[0] + "x" + size[1] + ": KS distance " + ks);
            SteerablePyramid ps = SteerablePyramid.of(sample, 4, 4);
            SteerablePyramid po = SteerablePyramid.of(out, 4, 4);
            for (int s = 0; s < 4; s++) {
                for (int o = 0; o < 4; o++) {
                    double ratio = meanSquare(po.band(s, o)) / meanSquare(ps.band(s, o));
                    assertTrue(ratio >= 1 / 1.6 && ratio <= 1.6, size[0] + "x" + size[1] + " band (" + s + ", "
                            + o + "): variance ratio " + ratio);
                }
            }
        }
    }

    @Test
    void theLaplacianPyramidSynthesisAlsoMatchesThePixelHistogram() {
        Image sample = gravel();
        Image out = TextureSynthesis.of(sample).pyramid(TexturePyramid.LAPLACIAN).size(97, 130).seed(2).synthesize();
        assertTrue(Histograms.ksDistance(out, sample) <= 0.02, "KS " + Histograms.ksDistance(out, sample));
    }

    @Test
    void theSameSeedGivesTheSameImageBitForBitAndAnotherSeedAnotherImage() {
        Image sample = gravel();
        for (TexturePyramid p : TexturePyramid.values()) {
            TextureSynthesis t = TextureSynthesis.of(sample).size(96, 80).pyramid(p).seed(11);
            Image a = t.synthesize();
            Image b = t.synthesize();
            assertArrayEquals(a.plane(0), b.plane(0), p + ": same seed");
            Image c = t.seed(12).synthesize();
            assertTrue(c.rmsDifference(a) > 0.5 * Math.sqrt(2) * stdDev(a), p + ": other seed, rms difference "
                    + c.rmsDifference(a));
        }
    }

    static double stdDev(Image img) {
        double m = img.mean();
        return Math.sqrt(meanSquare(img.plus(-m)));
    }

    /** The largest normalised cross-correlation of {@code out} with any cyclic shift of {@code sample}. */
    static double maxCorrelation(Image out, Image sample) {
        int w = sample.width();
        int h = sample.height();
        float[] a = out.plus(-out.mean()).plane(0);
        float[] b = sample.plus(-sample.mean()).plane(0);
        double na = Math.sqrt(out.plus(-out.mean()).energy());
        double nb = Math.sqrt(sample.plus(-sample.mean()).energy());
        double best = 0;
        for (int dy = 0; dy < h; dy++) {
            for (int dx = 0; dx < w; dx++) {
                double s = 0;
                for (int y = 0; y < h; y++) {
                    int sy = ((y + dy) % h) * w;
                    int oy = y * w;
                    for (int x = 0; x < w; x++) {
                        s += a[oy + x] * b[sy + (x + dx) % w];
                    }
                }
                best = Math.max(best, Math.abs(s) / (na * nb));
            }
        }
        return best;
    }

    @Test
    void theSynthesisIsNotACopyOfTheSampleAtAnyShift() {
        Image sample = Resample.reduce(gravel());      // 64x64, so all 4096 shifts are cheap
        Image out = TextureSynthesis.of(sample).scales(3).seed(5).synthesize();
        double r = maxCorrelation(out, sample);
        assertTrue(r < 0.3, "max normalised correlation with a shifted sample " + r);
        assertEquals(1.0, maxCorrelation(sample.crop(0, 0, 64, 64), sample), 1e-6); // the measure sees a copy
    }

    /** RMS of the differences across each column boundary x | x+1 (mod W): [W] values, the last is the seam. */
    static double[] columnStepRms(Image img) {
        int w = img.width();
        int h = img.height();
        double[] out = new double[w];
        float[] p = img.plane(0);
        for (int x = 0; x < w; x++) {
            double s = 0;
            for (int y = 0; y < h; y++) {
                double d = p[y * w + (x + 1) % w] - p[y * w + x];
                s += d * d;
            }
            out[x] = Math.sqrt(s / h);
        }
        return out;
    }

    /** How many interior standard deviations the seam's step RMS lies from the interior mean, per axis. */
    static double seamScore(Image img) {
        double worst = 0;
        for (Image im : new Image[] {img, transpose(img)}) {
            double[] r = columnStepRms(im);
            int n = r.length - 1;
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += r[i];
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (r[i] - m) * (r[i] - m);
            }
            double sd = Math.sqrt(v / (n - 1));
            worst = Math.max(worst, Math.abs(r[n] - m) / sd);
        }
        return worst;
    }

    static Image transpose(Image img) {
        return Image.fromFunction(img.height(), img.width(), (x, y) -> img.get(y, x));
    }

    @Test
    void theSteerableSynthesisTilesWithoutASeamOnOddSizes() {
        Image sample = gravel();
        Image out = TextureSynthesis.of(sample).size(131, 97).seed(7).synthesize();
        double score = seamScore(out);
        assertTrue(score < 3.5, "seam step RMS is " + score + " interior SDs from the interior mean");
        // the same statistic sees the seam of a texture that is not periodic: the sample itself, tiled
        assertTrue(seamScore(sample) > 5, "a crop of gravel tiled: " + seamScore(sample));
        // and a 2x2 tiling of the output repeats it exactly (nothing is lost at the borders)
        Image tiled = Image.fromFunction(262, 194, (x, y) -> out.get(x % 131, y % 97));
        assertTrue(seamScore(tiled.crop(65, 48, 131, 97)) < 3.5);
    }

    static double correlation(Image img, int a, int b) {
        double ma = img.channel(a).mean();
        double mb = img.channel(b).mean();
        float[] pa = img.plane(a);
        float[] pb = img.plane(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < pa.length; i++) {
            sab += (pa[i] - ma) * (pb[i] - mb);
            saa += (pa[i] - ma) * (pa[i] - ma);
            sbb += (pb[i] - mb) * (pb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void colourSamplesKeepTheirChannelHistogramsAndTheCorrelationBetweenChannels() {
        Image sample = Image.sample("chelsea").crop(40, 150, 128, 128);
        Image out = TextureSynthesis.of(sample).size(128, 112).seed(1).synthesize();
        assertEquals(3, out.channels());
        for (int c = 0; c < 3; c++) {
            double ks = Histograms.ksDistance(out.channel(c), sample.channel(c));
            assertTrue(ks <= 0.06, "channel " + c + ": KS " + ks);
        }
        for (int[] p : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            double want = correlation(sample, p[0], p[1]);
            double got = correlation(out, p[0], p[1]);
            assertEquals(want, got, 0.05, "correlation of channels " + p[0] + " and " + p[1]);
        }
    }

    @Test
    void aGreySampleGivenAsRgbStaysGrey() {
        Image g = gravel();
        Image rgb = Image.stack(g, g, g);            // a rank-1 colour covariance: two principal axes carry 0
        Image out = TextureSynthesis.of(rgb).size(96, 64).seed(2).synthesize();
        assertTrue(out.isFinite());
        assertTrue(out.channel(0).minus(out.channel(1)).maxAbs() < 1e-5, "R and G differ");
        assertTrue(out.channel(0).minus(out.channel(2)).maxAbs() < 1e-5, "R and B differ");
        assertTrue(Histograms.ksDistance(out.channel(0), g) <= 0.02);
    }

    @Test
    void principalComponentChannelsAreUncorrelatedAndMapBackExactly() {
        Image sample = Image.sample("coffee").crop(100, 100, 96, 80);
        ColourPca pca = new ColourPca(sample);
        Image p = pca.forward(sample);
        for (int[] q : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            assertEquals(0.0, correlation(p, q[0], q[1]), 1e-3, "components " + q[0] + ", " + q[1]);
        }
        assertTrue(meanSquare(p.channel(0)) >= meanSquare(p.channel(1)));
        assertTrue(meanSquare(p.channel(1)) >= meanSquare(p.channel(2)));
        assertTrue(pca.inverse(p).minus(sample).maxAbs() < 1e-5);
    }

    @Test
    void stepsHoldTheMatchedNoiseAndEachIterationAndEndWithTheResult() {
        TextureSynthesis t = TextureSynthesis.of(gravel()).size(64, 64).iterations(3).seed(4);
        TextureSteps steps = t.steps();
        assertEquals(4, steps.images().size());
        assertEquals(3, steps.iterations());
        assertArrayEquals(t.synthesize().plane(0), steps.result().plane(0));
        assertEquals(0.0, Histograms.ksDistance(steps.get(0), Histograms.match(steps.get(0), gravel())), 0.0);
        Image strip = steps.mosaic().image();
        assertTrue(strip.height() > 128, "tiles and captions: " + strip.shape());
        assertTrue(strip.width() >= 128 + 4 * 64, strip.shape());
    }

    @Test
    void anInterruptStopsTheSynthesisWithACancellation() {
        TextureSynthesis t = TextureSynthesis.of(gravel()).iterations(50);
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, t::synthesize);
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is reported by the exception");
    }

    static void assertMessage(String start, String contains, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start) && e.getMessage().contains(contains), e.getMessage());
    }

    @Test
    void badInputIsRejectedNamingTheArgumentAndTheRange() {
        Image s = gravel();
        TextureSynthesis t = TextureSynthesis.of(s);
        assertMessage("size:", "1..8192", () -> t.size(0, 10));
        assertMessage("size:", "1..8192", () -> t.size(10, -3));
        assertMessage("size:", "64..8192", () -> t.size(50, 200).synthesize());
        assertMessage("sample:", "64x64", () -> TextureSynthesis.of(s.crop(0, 0, 40, 40)).synthesize());
        assertMessage("sample:", "8x8", () -> TextureSynthesis.of(s.crop(0, 0, 7, 40)));
        assertMessage("sample:", "1 (grey) or 3 (RGB)", () -> TextureSynthesis.of(Image.zeros(64, 64, 2)));
        assertMessage("sample:", "expected an image", () -> TextureSynthesis.of(null));
        assertMessage("scales:", "1..4 for a 128x128 sample and a 64x100 output", () -> t.size(64, 100).scales(5));
        assertMessage("scales:", "1..5", () -> t.scales(0));
        assertMessage("orientations:", "1..16", () -> t.orientations(0));
        assertMessage("orientations:", "1..16", () -> t.orientations(17));
        assertMessage("iterations:", "0..100", () -> t.iterations(-1));
        assertMessage("iterations:", "0..100", () -> t.iterations(101));
        assertMessage("pyramid:", "STEERABLE", () -> t.pyramid(null));
    }
}
