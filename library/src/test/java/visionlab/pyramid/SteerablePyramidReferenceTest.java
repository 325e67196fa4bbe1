package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.image.Image;

/**
 * Every coefficient of the fast pyramids equals the documented formula evaluated directly: a direct DFT of
 * the image, the band filter written out here from the class Javadoc, the crop to the level grid and a direct
 * inverse DFT with the orthonormal scaling {@code sqrt(n_s / N) ifft_{n_s}}. Covers odd and even, non-square
 * sizes, real and complex pyramids, pairs of real bands, lone real residuals and one-sided complex bands.
 */
class SteerablePyramidReferenceTest {

    static double hi(double l, double a) {
        return l >= a ? 1 : l <= a - 1 ? 0 : Math.cos(Math.PI / 2 * (a - l));
    }

    static double lo(double l, double a) {
        return l >= a ? 0 : l <= a - 1 ? 1 : Math.sin(Math.PI / 2 * (a - l));
    }

    static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** The filter as a complex number (re, im) at signed DFT index (fx, fy) of a W x H image. scale -1 is the
     * high-pass, scale S the low-pass. */
    static double[] filter(int fx, int fy, int w, int h, int scale, int b, int scales, int k, boolean complex) {
        double wx = 2 * Math.PI * fx / w;
        double wy = 2 * Math.PI * fy / h;
        double r = Math.hypot(wx, wy) / Math.PI;
        double l = r == 0 ? Double.NEGATIVE_INFINITY : Math.log(r) / Math.log(2);
        if (scale == -1) {
            return new double[] {hi(l, 0), 0};
        }
        double radial = lo(l, 0);
        for (int t = 0; t < Math.min(scale, scales); t++) {
            radial *= lo(l, -t - 1);
        }
        if (scale == scales) {
            return new double[] {radial, 0};
        }
        radial *= hi(l, -scale - 1);
        int n = k - 1;
        double alpha = Math.sqrt(Math.pow(2, 2 * n) * Math.pow(factorial(n), 2) / (k * (double) factorial(2 * n)));
        double d = Math.IEEEremainder(Math.atan2(wy, wx) - Math.PI * b / k, 2 * Math.PI);
        double angular;
        if (complex) {
            angular = Math.abs(d) < Math.PI / 2 - 1e-9 ? Math.sqrt(2) * Math.pow(Math.cos(d), n)
                    : Math.abs(d) <= Math.PI / 2 + 1e-9 && n == 0 ? 1 : 0;
        } else {
            angular = Math.pow(Math.cos(d), n);
        }
        double m = radial * alpha * angular;
        // (-i)^n
        double[][] p = {{1, 0}, {0, -1}, {-1, 0}, {0, 1}};
        return new double[] {m * p[n % 4][0], m * p[n % 4][1]};
    }

    static int size(int n, int s) {
        for (int i = 0; i < s; i++) {
            n = (n + 1) / 2;
        }
        return n;
    }

    /** Signed frequency of level index i on an n-point level grid: 0..ceil(n/2)-1, then negative. */
    static int signed(int i, int n) {
        return i < (n + 1) / 2 ? i : i - n;
    }

    /** The coefficient images (re, im) of one band computed directly from the formula. */
    static double[][] reference(float[] img, int w, int h, int scale, int b, int scales, int k, boolean complex) {
        double[][] dft = new double[2][w * h];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double re = 0;
                double im = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double a = -2 * Math.PI * ((double) u * x / w + (double) v * y / h);
                        re += img[y * w + x] * Math.cos(a);
                        im += img[y * w + x] * Math.sin(a);
                    }
                }
                dft[0][v * w + u] = re;
                dft[1][v * w + u] = im;
            }
        }
        int level = scale == -1 ? 0 : scale;
        int ws = size(w, level);
        int hs = size(h, level);
        double gain = Math.sqrt((double) ws * hs / ((double) w * h)) / ((double) ws * hs);
        double[][] out = new double[2][ws * hs];
        for (int j = 0; j < hs; j++) {
            for (int i = 0; i < ws; i++) {
                int fx = signed(i, ws);
                int fy = signed(j, hs);
                double[] f = filter(fx, fy, w, h, scale, b, scales, k, complex);
                if (f[0] == 0 && f[1] == 0) {
                    continue;
                }
                int o = Math.floorMod(fy, h) * w + Math.floorMod(fx, w);
                double yr = dft[0][o] * f[0] - dft[1][o] * f[1];
                double yi = dft[0][o] * f[1] + dft[1][o] * f[0];
                for (int y = 0; y < hs; y++) {
                    for (int x = 0; x < ws; x++) {
                        double a = 2 * Math.PI * ((double) i * x / ws + (double) j * y / hs);
                        double c = Math.cos(a);
                        double s = Math.sin(a);
                        out[0][y * ws + x] += gain * (yr * c - yi * s);
                        out[1][y * ws + x] += gain * (yr * s + yi * c);
                    }
                }
            }
        }
        return out;
    }

    static void assertClose(double[] expected, Image actual, double scale, String what) {
        float[] p = actual.plane(0);
        assertEquals(expected.length, p.length, what + ": size");
        for (int i = 0; i < p.length; i++) {
            assertEquals(expected[i], p[i], 2e-5 * scale, what + " at " + (i % actual.width()) + ", "
                    + (i / actual.width()));
        }
    }

    /** A w x h grey crop of the camera photo. */
    static Image photo(int w, int h) {
        return Image.sample("camera").crop(60, 90, w, h);
    }

    @Test
    void realPyramidCoefficientsEqualTheFormulaEvaluatedDirectly() {
        for (int[] wh : new int[][] {{21, 18}, {16, 17}}) {
            int w = wh[0];
            int h = wh[1];
            Image img = photo(w, h);
            float[] px = img.plane(0).clone();
            double range = img.maxAbs() * Math.sqrt(w * h);
            for (int k : new int[] {1, 2, 3, 4}) {
                int scales = 2;
                SteerablePyramid sp = SteerablePyramid.of(img, scales, k);
                String at = w + "x" + h + " K=" + k;
                assertClose(reference(px, w, h, -1, 0, scales, k, false)[0], sp.highpass(), range, at + " high-pass");
                assertClose(reference(px, w, h, scales, 0, scales, k, false)[0], sp.lowpass(), range, at + " low-pass");
                for (int s = 0; s < scales; s++) {
                    for (int b = 0; b < k; b++) {
                        double[][] ref = reference(px, w, h, s, b, scales, k, false);
                        double imag = 0;
                        for (double v : ref[1]) {
                            imag = Math.max(imag, Math.abs(v));
                        }
                        assertTrue(imag < 1e-6 * range, at + ": the formula's band is real (" + imag + ")");
                        assertClose(ref[0], sp.band(s, b), range, at + " band " + s + "," + b);
                    }
                }
            }
        }
    }

    @Test
    void complexPyramidCoefficientsEqualTheFormulaEvaluatedDirectly() {
        for (int[] wh : new int[][] {{19, 20}, {16, 16}}) {
            int w = wh[0];
            int h = wh[1];
            Image img = photo(w, h);
            float[] px = img.plane(0).clone();
            double range = img.maxAbs() * Math.sqrt(w * h);
            for (int k : new int[] {2, 4, 5}) {
                int scales = 2;
                SteerablePyramidComplex cp = SteerablePyramid.complex(img, scales, k);
                String at = w + "x" + h + " K=" + k;
                assertClose(reference(px, w, h, -1, 0, scales, k, true)[0], cp.highpass(), range, at + " high-pass");
                for (int s = 0; s < scales; s++) {
                    for (int b = 0; b < k; b++) {
                        double[][] ref = reference(px, w, h, s, b, scales, k, true);
                        assertClose(ref[0], cp.band(s, b).real(), range, at + " band " + s + "," + b + " real");
                        assertClose(ref[1], cp.band(s, b).imag(), range, at + " band " + s + "," + b + " imag");
                    }
                }
            }
        }
    }
}
