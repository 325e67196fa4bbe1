package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class ResampleTest {

    static Image random(int w, int h, int c, long seed) {
        return TestData.random(w, h, c, seed);
    }

    /** Direct 2-D true convolution with the outer product kx(j) ky(i), every sample read through b. */
    static double[][] conv2d(double[][] in, double[] kx, double[] ky, Boundary b) {
        int h = in.length;
        int w = in[0].length;
        int rx = kx.length / 2;
        int ry = ky.length / 2;
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = -ry; j <= ry; j++) {
                    int sy = b.index(y - j, h);
                    if (sy < 0) {
                        continue;
                    }
                    for (int i = -rx; i <= rx; i++) {
                        int sx = b.index(x - i, w);
                        if (sx >= 0) {
                            s += ky[j + ry] * kx[i + rx] * in[sy][sx];
                        }
                    }
                }
                out[y][x] = s;
            }
        }
        return out;
    }

    static double[][] array(Image im, int c) {
        double[][] a = new double[im.height()][im.width()];
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                a[y][x] = im.get(x, y, c);
            }
        }
        return a;
    }

    /** Slow reduce: full-size 2-D convolution, then keep even rows and columns. */
    static double[][] slowReduce(double[][] in, double[] k, Boundary b) {
        // an axis of length 1 is left as it is
        double[][] full = conv2d(in, in[0].length == 1 ? new double[] {1} : k, in.length == 1 ? new double[] {1} : k, b);
        int h = (in.length + 1) / 2;
        int w = (in[0].length + 1) / 2;
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y][x] = full[2 * y][2 * x];
            }
        }
        return out;
    }

    /** Slow expand: build the zero-inserted image of the target size, then 2-D convolution with 2k x 2k. */
    static double[][] slowExpand(double[][] in, int w, int h, double[] k, Boundary b) {
        double[][] u = new double[h][w];
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                u[y][x] = in[y / 2][x / 2];
            }
        }
        double[] k2 = k.clone();
        for (int i = 0; i < k2.length; i++) {
            k2[i] *= 2;
        }
        // expanding length 1 to length 1 leaves the axis as it is
        return conv2d(u, w == 1 ? new double[] {1} : k2, h == 1 ? new double[] {1} : k2, b);
    }

    static double maxDiff(double[][] ref, Image im, int c) {
        assertEquals(ref.length, im.height());
        assertEquals(ref[0].length, im.width());
        double m = 0;
        for (int y = 0; y < ref.length; y++) {
            for (int x = 0; x < ref[0].length; x++) {
                m = Math.max(m, Math.abs(ref[y][x] - im.get(x, y, c)));
            }
        }
        return m;
    }

    private static final Kernel1D[] KERNELS = {Kernel1D.binomial(5), Kernel1D.binomial(3), Kernel1D.of(0.1, 0.2, 0.4, 0.25, 0.05),
        Kernel1D.gaussian(1.5)};

    @Test
    void reduceEqualsDirectConvolutionThenSubsamplingForEveryBoundary() {
        int[] sizes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 31};
        for (Kernel1D k : KERNELS) {
            double[] taps = k.taps();
            for (Boundary b : Boundary.values()) {
                for (int w : sizes) {
                    for (int h : new int[] {1, 2, 5, 12}) {
                        Image im = random(w, h, 2, w * 100 + h);
                        Image got = Resample.reduce(im, k, b);
                        for (int c = 0; c < 2; c++) {
                            double d = maxDiff(slowReduce(array(im, c), taps, b), got, c);
                            assertTrue(d <= 1e-6, k + " " + b + " " + w + "x" + h + ": " + d);
                        }
                    }
                }
            }
        }
    }

    @Test
    void expandEqualsZeroInsertionThenConvolutionForEveryBoundaryAndBothTargetSizes() {
        int[] sizes = {1, 2, 3, 4, 5, 8, 11};
        for (Kernel1D k : KERNELS) {
            double[] taps = k.taps();
            for (Boundary b : Boundary.values()) {
                for (int w : sizes) {
                    for (int h : new int[] {1, 3, 6}) {
                        Image im = random(w, h, 2, w * 31 + h);
                        for (int tw = 2 * w - 1; tw <= 2 * w; tw++) {
                            for (int th = 2 * h - 1; th <= 2 * h; th++) {
                                Image got = Resample.expand(im, tw, th, k, b);
                                for (int c = 0; c < 2; c++) {
                                    double d = maxDiff(slowExpand(array(im, c), tw, th, taps, b), got, c);
                                    assertTrue(d <= 1e-6, k + " " + b + " " + w + "x" + h + " -> " + tw + "x" + th + ": " + d);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeImagesSplitBetweenThreadsGiveTheSameResultAsTheReference() {
        Image im = random(301, 517, 1, 7);
        for (Boundary b : new Boundary[] {Boundary.REFLECT_101, Boundary.ZERO}) {
            Kernel1D k = Kernel1D.binomial(5);
            assertTrue(maxDiff(slowReduce(array(im, 0), k.taps(), b), Resample.reduce(im, k, b), 0) <= 1e-6);
            assertTrue(maxDiff(slowExpand(array(im, 0), 601, 1034, k.taps(), b), Resample.expand(im, 601, 1034, k, b), 0) <= 1e-6);
        }
    }

    @Test
    void expandAndAddIsBasePlusSignTimesExpand() {
        Image coarse = random(9, 6, 3, 1);
        Image base = random(17, 12, 3, 2);
        for (Boundary b : Boundary.values()) {
            Kernel1D k = Kernel1D.binomial(5);
            Image e = Resample.expand(coarse, 17, 12, k, b);
            assertTrue(Resample.expandAndAdd(coarse, base, -1, k, b).rmsDifference(base.minus(e)) < 1e-7);
            assertTrue(Resample.expandAndAdd(coarse, base, 1, k, b).rmsDifference(base.plus(e)) < 1e-7);
        }
    }

    @Test
    void splitGivesTheReducedImageAndTheBandXMinusExpandOfReduceForEveryBoundary() {
        int[][] sizes = {{1, 1}, {1, 7}, {6, 1}, {5, 9}, {12, 8}, {33, 17}, {301, 517}, {640, 3}};
        for (Kernel1D k : KERNELS) {
            for (Boundary b : Boundary.values()) {
                for (int[] sz : sizes) {
                    Image x = random(sz[0], sz[1], 2, sz[0] * 13L + sz[1]);
                    Resample.Split s = Resample.split(x, k, b);
                    Image r = Resample.reduce(x, k, b);
                    Image band = x.minus(Resample.expand(r, sz[0], sz[1], k, b));
                    String what = k + " " + b + " " + sz[0] + "x" + sz[1];
                    assertEquals(0f, s.reduced().minus(r).maxAbs(), what);
                    assertTrue(s.band().minus(band).maxAbs() <= 1e-6f, what);
                }
            }
        }
    }

    @Test
    void anInterruptedThreadStopsWithCancellation() {
        Image im = random(64, 64, 1, 9);
        Thread.currentThread().interrupt();
        assertThrows(java.util.concurrent.CancellationException.class, () -> Resample.reduce(im));
        // the flag was consumed: the next call runs
        assertEquals(32, Resample.reduce(im).width());
    }

    @Test
    void reducedSizeIsCeilOfHalf() {
        Image r = Resample.reduce(random(7, 10, 1, 3));
        assertEquals(4, r.width());
        assertEquals(5, r.height());
        assertEquals(Resample.expand(r).width(), 8);
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Image im = random(5, 4, 1, 1);
        Kernel1D k = Kernel1D.binomial(5);
        assertMessage("img", () -> Resample.reduce(null));
        assertMessage("kernel", () -> Resample.reduce(im, null, Boundary.ZERO));
        assertMessage("boundary", () -> Resample.reduce(im, k, null));
        assertMessage("img", () -> Resample.expand(null, 2, 2));
        assertMessage("width: expected 9 or 10", () -> Resample.expand(im, 11, 8));
        assertMessage("width", () -> Resample.expand(im, 8, 8));
        assertMessage("height: expected 7 or 8", () -> Resample.expand(im, 10, 9));
        assertMessage("height", () -> Resample.expand(im, 10, 6));
        Image nan = im.copy().set(2, 2, 0, Double.NaN);
        assertMessage("img: expected finite", () -> Resample.reduce(nan));
        assertMessage("img: expected finite", () -> Resample.expand(nan, 10, 8));
        Image inf = im.copy().set(1, 3, 0, Double.POSITIVE_INFINITY);
        assertMessage("img: expected finite", () -> Resample.reduce(inf));
        assertMessage("img: expected finite", () -> Resample.reduce(inf, Kernel1D.of(1), Boundary.ZERO));
        assertMessage("base", () -> Resample.expandAndAdd(im, null, 1, k, Boundary.ZERO));
        assertMessage("coarse", () -> Resample.expandAndAdd(null, im, 1, k, Boundary.ZERO));
        assertMessage("base width", () -> Resample.expandAndAdd(im, random(5, 8, 1, 2), 1, k, Boundary.ZERO));
        assertMessage("base: expected 1 channel", () -> Resample.expandAndAdd(im, random(10, 8, 3, 2), 1, k, Boundary.ZERO));
        assertMessage("sign", () -> Resample.expandAndAdd(im, random(10, 8, 1, 2), Double.NaN, k, Boundary.ZERO));
        assertMessage("levels", () -> Resample.gaussianLevels(im, 0, k, Boundary.ZERO));
        assertMessage("img", () -> Resample.split(null, k, Boundary.ZERO));
        assertMessage("kernel", () -> Resample.split(im, null, Boundary.ZERO));
        assertMessage("boundary", () -> Resample.split(im, k, null));
        assertMessage("img: expected finite", () -> Resample.gaussianLevels(nan, 3, k, Boundary.ZERO));
        assertMessage("img: expected finite", () -> Resample.gaussianLevels(nan, 1, k, Boundary.ZERO));
    }

    static void assertMessage(String start, org.junit.jupiter.api.function.Executable e) {
        TestData.assertMessage(start, e);
    }
}
