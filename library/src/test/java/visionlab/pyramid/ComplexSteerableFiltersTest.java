package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.fourier.Fft2;

class ComplexSteerableFiltersTest {

    static float[] noise(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] p = new float[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextFloat();
        }
        return p;
    }

    @Test
    void unmodifiedCoefficientsReconstructTheImageExactlyForOctaveAndHalfOctaveBands() {
        int[][] sizes = {{64, 48}, {45, 37}, {32, 32}};
        for (int[] sz : sizes) {
            for (int per = 1; per <= 2; per++) {
                int w = sz[0];
                int h = sz[1];
                ComplexSteerableFilters f = ComplexSteerableFilters.of(w, h, per, ComplexSteerableFilters.maxOctaves(w, h), 4);
                float[] img = noise(w, h, w + per);
                float[] spec = Fft2.forwardRealColumnMajor(img, w, h);
                float[] acc = new float[2 * w * h];
                f.residual(spec, acc);
                for (int j = 0; j < f.bands(); j++) {
                    for (int b = 0; b < f.orientations(); b++) {
                        f.synthesize(f.analyze(spec, j, b, null), j, b, acc);
                    }
                }
                float[] back = f.image(acc, null);
                double err = 0;
                for (int i = 0; i < img.length; i++) {
                    err = Math.max(err, Math.abs(back[i] - img[i]));
                }
                // float round-off is below 1e-6 here; a frame that loses its angular tails (not moved into the
                // residual) misses by about 1e-5
                assertTrue(err < 3e-6, f + ": reconstruction error " + err);
            }
        }
    }

    @Test
    void aGratingAtABandPeakLivesInThatBandOnlyAndItsPhaseFollowsTheShift() {
        int w = 64;
        int h = 64;
        ComplexSteerableFilters f = ComplexSteerableFilters.of(w, h, 2, 3, 4);
        for (int j = 0; j < f.bands(); j++) {
            // frequency of band j's peak, on the DFT grid along x: k = peak W / (2 pi) rounded
            double omega = f.peak(j);
            int k = (int) Math.round(omega * w / (2 * Math.PI));
            double om = 2 * Math.PI * k / w;
            double shift = 0.3;
            float[] a = new float[w * h];
            float[] b = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    a[y * w + x] = (float) Math.cos(om * x);
                    b[y * w + x] = (float) Math.cos(om * (x - shift));
                }
            }
            float[] ca = f.analyze(Fft2.forwardRealColumnMajor(a, w, h), j, 0, null);
            float[] cb = f.analyze(Fft2.forwardRealColumnMajor(b, w, h), j, 0, null);
            int i = Math.min(5, f.gridWidth(j, 0) - 1) * f.gridHeight(j, 0) + Math.min(3, f.gridHeight(j, 0) - 1);
            double pa = Math.atan2(ca[2 * i + 1], ca[2 * i]);
            double pb = Math.atan2(cb[2 * i + 1], cb[2 * i]);
            assertEquals(-om * shift, Math.IEEEremainder(pb - pa, 2 * Math.PI), 1e-4, "band " + j + " phase shift");
        }
    }

    @Test
    void everyBandIsTheBandSignalSampledOnItsGridEvenWhereTheGridIsSmallerThanTheSupportsBox() {
        // a plane wave exp(i w.p) at a diagonal band's peak: its coefficient at grid cell (x, y) must be
        // A exp(i w.(x W / gw, y H / gh)), the band signal sampled there, with one A for all cells; a grid
        // whose cells alias two frequencies, or a frequency put into the wrong cell, breaks this
        int w = 96;
        int h = 80;
        ComplexSteerableFilters f = ComplexSteerableFilters.of(w, h, 2, 3, 4);
        for (int j = 0; j < f.bands(); j++) {
            for (int b = 0; b < f.orientations(); b++) {
                double theta = Math.PI * b / f.orientations();
                int kx = (int) Math.round(f.peak(j) * Math.cos(theta) * w / (2 * Math.PI));
                int ky = (int) Math.round(f.peak(j) * Math.sin(theta) * h / (2 * Math.PI));
                double wx = 2 * Math.PI * kx / w;
                double wy = 2 * Math.PI * ky / h;
                float[] img = new float[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        img[y * w + x] = (float) Math.cos(wx * x + wy * y);
                    }
                }
                float[] c = f.analyze(Fft2.forwardRealColumnMajor(img, w, h), j, b, null);
                int gw = f.gridWidth(j, b);
                int gh = f.gridHeight(j, b);
                double ar = c[0];
                double ai = c[1];
                assertTrue(Math.hypot(ar, ai) > 0.1, "band " + j + ", orientation " + b + ": |c| " + Math.hypot(ar, ai));
                double worst = 0;
                for (int x = 0; x < gw; x++) {
                    for (int y = 0; y < gh; y++) {
                        double ph = wx * x * w / (double) gw + wy * y * h / (double) gh;
                        double er = ar * Math.cos(ph) - ai * Math.sin(ph);
                        double ei = ar * Math.sin(ph) + ai * Math.cos(ph);
                        int i = x * gh + y;
                        worst = Math.max(worst, Math.hypot(c[2 * i] - er, c[2 * i + 1] - ei));
                    }
                }
                assertTrue(worst < 1e-4 * Math.hypot(ar, ai), "band " + j + ", orientation " + b + ": error " + worst);
            }
        }
    }

    @Test
    void diagonalBandsUseFewerCellsThanTheirSupportsBoundingBox() {
        // the rotated half-ring of a diagonal band nests into its periodic copies: an alias-free grid
        // smaller than the bounding box exists, and the search must find one (checked exact by the
        // reconstruction test)
        ComplexSteerableFilters f = ComplexSteerableFilters.of(320, 240, 2, 4, 4);
        // band 0 reaches |omega| = pi; its 45-degree half-ring spans (1 + 1/sqrt 2) pi on each axis
        int boxW = (int) Math.floor((1 + Math.sqrt(0.5)) * 320 / 2);
        int boxH = (int) Math.floor((1 + Math.sqrt(0.5)) * 240 / 2);
        assertTrue((long) f.gridWidth(0, 1) * f.gridHeight(0, 1) < 0.8 * boxW * boxH,
                f.gridWidth(0, 1) + "x" + f.gridHeight(0, 1) + " against a box of " + boxW + "x" + boxH);
    }

    @Test
    void badSizesAndCountsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplexSteerableFilters.of(4, 40, 1, 1, 4))
                .getMessage().startsWith("width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplexSteerableFilters.of(40, 40, 3, 1, 4))
                .getMessage().startsWith("perOctave"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplexSteerableFilters.of(40, 40, 2, 9, 4))
                .getMessage().startsWith("octaves"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComplexSteerableFilters.of(40, 40, 2, 2, 1))
                .getMessage().startsWith("orientations"));
    }
}
