package visionlab.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class HistogramsTest {

    static Image noise(int w, int h, int channels, long seed, boolean gaussian) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, channels);
        for (int c = 0; c < channels; c++) {
            float[] p = im.plane(c);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (gaussian ? r.nextGaussian() : r.nextDouble() * r.nextDouble());
            }
        }
        return im;
    }

    /** Slow reference ranking: indices sorted by (value, index) with boxed comparisons. */
    static Integer[] slowOrder(float[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> v[i]).thenComparingInt(i -> i));
        return idx;
    }

    @Test
    void radixRanksEqualAStableComparisonSortWithTiesNegativesAndSignedZeros() {
        Random r = new Random(3);
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) {
            int k = r.nextInt(6);
            v[i] = k == 0 ? 0f : k == 1 ? -0f : k == 2 ? (float) r.nextInt(5) - 2 : (float) (r.nextGaussian() * 1e3);
        }
        int[] fast = Ranks.order(v);
        Integer[] slow = slowOrder(v);
        for (int k = 0; k < v.length; k++) { // Double.compare orders -0 before 0, as the radix keys do
            assertEquals((int) slow[k], fast[k], "rank " + k);
        }
    }

    @Test
    void matchGivesExactlyTheReferenceSortedValuesAndKeepsTheImageRankOrderForEqualSizes() {
        Image img = noise(64, 48, 2, 1, true);
        Image ref = noise(48, 64, 2, 2, false);
        Image out = Histograms.match(img, ref);
        for (int c = 0; c < 2; c++) {
            float[] so = out.plane(c).clone();
            float[] sr = ref.plane(c).clone();
            Arrays.sort(so);
            Arrays.sort(sr);
            assertArrayEquals(sr, so, "channel " + c + ": sorted output = sorted reference, bit for bit");
            Integer[] order = slowOrder(img.plane(c));
            for (int k = 1; k < order.length; k++) {
                assertTrue(out.plane(c)[order[k - 1]] <= out.plane(c)[order[k]], "rank order kept at " + k);
            }
        }
        assertEquals(0.0, Histograms.ksDistance(out, ref), 0.0);
    }

    @Test
    void matchOfAnotherSizeTakesTheInterpolatedReferenceQuantileOfEachRank() {
        Image img = noise(37, 23, 1, 4, true);
        Image ref = noise(100, 71, 1, 5, false);
        Image out = Histograms.match(img, ref);
        float[] r = ref.plane(0).clone();
        Arrays.sort(r);
        float[] v = img.plane(0);
        int n = v.length;
        int m = r.length;
        for (int i = 0; i < n; i++) {
            int rank = 0; // the slow way: values below, and equal values at lower indices
            for (int j = 0; j < n; j++) {
                if (v[j] < v[i] || (v[j] == v[i] && j < i)) {
                    rank++;
                }
            }
            double q = (rank + 0.5) / n;            // quantile of the rank
            double pos = Math.max(0, Math.min(m - 1, q * m - 0.5));
            int lo = (int) Math.floor(pos);
            int hi = Math.min(m - 1, lo + 1);
            double want = r[lo] + (pos - lo) * (r[hi] - r[lo]);
            assertEquals(want, out.plane(0)[i], 1e-6, "pixel " + i);
        }
        assertTrue(Histograms.ksDistance(out, ref) <= 1.5 / n, "KS " + Histograms.ksDistance(out, ref));
    }

    @Test
    void aMatcherReusedOnManyImagesGivesWhatMatchGives() {
        Image ref = noise(50, 40, 3, 6, false);
        HistogramMatcher m = Histograms.matcher(ref);
        for (int s = 0; s < 3; s++) {
            Image img = noise(30 + s * 17, 20 + s, 3, 10 + s, true);
            Image a = m.match(img);
            Image b = Histograms.match(img, ref);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(b.plane(c), a.plane(c));
            }
        }
    }

    @Test
    void ksDistanceEqualsTheSupremumOfTheCdfDifferenceOverAllSampleValues() {
        Image a = noise(31, 17, 1, 7, true);
        Image b = noise(20, 20, 1, 8, true).times(1.3).plus(0.4);
        float[] x = a.plane(0);
        float[] y = b.plane(0);
        double want = 0;
        for (float[] src : List.of(x, y)) {
            for (float v : src) {
                double fa = 0;
                double fb = 0;
                for (float u : x) {
                    fa += u <= v ? 1 : 0;
                }
                for (float u : y) {
                    fb += u <= v ? 1 : 0;
                }
                want = Math.max(want, Math.abs(fa / x.length - fb / y.length));
            }
        }
        assertEquals(want, Histograms.ksDistance(a, b), 1e-12);
        assertEquals(0.0, Histograms.ksDistance(a, a), 0.0);
        assertEquals(1.0, Histograms.ksDistance(a, a.plus(100)), 0.0);
    }

    @Test
    void histogramChartIsAnXChartPictureWithOneCurvePerImage() {
        Image a = noise(40, 40, 1, 9, true);
        var chart = Histograms.chart("band before and after", List.of("before", "after"), List.of(a, a.times(2)));
        assertEquals(600, chart.image().getWidth());
        assertTrue(chart.toString().contains("before, after"), chart.toString());
        assertTrue(Histograms.chart(a).toPng().length > 1000);
    }

    @Test
    void badInputNamesTheArgument() {
        Image a = noise(10, 10, 1, 1, true);
        Image rgb = noise(10, 10, 3, 1, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Histograms.match(rgb, a));
        assertTrue(e.getMessage().startsWith("img: expected 1 channel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Histograms.match(a, null));
        assertTrue(e.getMessage().startsWith("reference"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Histograms.ksDistance(a, rgb));
        assertTrue(e.getMessage().startsWith("b: expected 1 channel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Histograms.chart("t", List.of("x"), List.of(a, a)));
        assertTrue(e.getMessage().startsWith("names, images"), e.getMessage());
    }
}
