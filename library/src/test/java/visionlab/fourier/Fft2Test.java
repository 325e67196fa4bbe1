package visionlab.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Fft2Test {

    /** X(u, v) = sum_{x, y} p(x, y) exp(-2 pi i (u x / W + v y / H)), summed directly in double precision. */
    static double[] naiveDft(float[] p, int w, int h, int u, int v) {
        double re = 0;
        double im = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = -2 * Math.PI * ((double) u * x / w + (double) v * y / h);
                re += p[y * w + x] * Math.cos(a);
                im += p[y * w + x] * Math.sin(a);
            }
        }
        return new double[] {re, im};
    }

    @Test
    void columnMajorRealSpectrumEqualsTheDirectSumForEvenAndOddSizes() {
        int[][] sizes = {{16, 12}, {15, 9}, {7, 10}, {1, 5}, {6, 1}, {33, 34}};
        Random r = new Random(5);
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            float[] p = new float[w * h];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) r.nextGaussian();
            }
            float[] a = Fft2.forwardRealColumnMajor(p, w, h);
            double tol = 1e-4 * Math.sqrt(w * h) * 4;
            for (int u = 0; u < w; u++) {
                for (int v = 0; v < h; v++) {
                    double[] x = naiveDft(p, w, h, u, v);
                    String at = w + "x" + h + " at (" + u + ", " + v + ")";
                    assertEquals(x[0], a[2 * (u * h + v)], tol, "re " + at);
                    assertEquals(x[1], a[2 * (u * h + v) + 1], tol, "im " + at);
                }
            }
        }
    }

    @Test
    void forwardThenInverseGivesBackTheArrayAndMatchesTheDirectSum() {
        int w = 25;
        int h = 18;
        Random r = new Random(6);
        float[] re = new float[w * h];
        float[] a = new float[2 * w * h];
        for (int i = 0; i < w * h; i++) {
            re[i] = (float) r.nextGaussian();
            a[2 * i] = re[i];
        }
        float[] b = a.clone();
        Fft2.forward(b, w, h);
        double[] x = naiveDft(re, w, h, 5, 7);
        assertEquals(x[0], b[2 * (7 * w + 5)], 1e-3);
        assertEquals(x[1], b[2 * (7 * w + 5) + 1], 1e-3);
        Fft2.inverse(b, w, h);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-5, "index " + i);
        }
    }

    @Test
    void largeOddSizesSplitOverTheCoresMatchTheDirectSum() {
        int w = 257;
        int h = 131; // above the size where the passes are split over the cores
        Random r = new Random(7);
        float[] p = new float[w * h];
        float[] a = new float[2 * w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) r.nextGaussian();
            a[2 * i] = p[i];
        }
        float[] cm = Fft2.forwardRealColumnMajor(p, w, h);
        float[] rm = a.clone();
        Fft2.forward(rm, w, h);
        double tol = 2e-3 * Math.sqrt(w * h);
        for (int t = 0; t < 60; t++) {
            int u = t < 4 ? (t % 2) * (w - 1) : r.nextInt(w);
            int v = t < 4 ? (t / 2) * (h - 1) : r.nextInt(h);
            double[] x = naiveDft(p, w, h, u, v);
            String at = "(" + u + ", " + v + ")";
            assertEquals(x[0], cm[2 * (u * h + v)], tol, "column-major re " + at);
            assertEquals(x[1], cm[2 * (u * h + v) + 1], tol, "column-major im " + at);
            assertEquals(x[0], rm[2 * (v * w + u)], tol, "row-major re " + at);
            assertEquals(x[1], rm[2 * (v * w + u) + 1], tol, "row-major im " + at);
        }
        Fft2.inverse(rm, w, h);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], rm[i], 1e-4, "inverse(forward) at " + i);
        }
    }

    @Test
    void wrongLengthsAreRejectedWithTheArgumentNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fft2.forwardRealColumnMajor(new float[10], 4, 3));
        assertEquals(true, e.getMessage().startsWith("plane: expected 4x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fft2.forward(new float[10], 4, 3));
        assertEquals(true, e.getMessage().startsWith("a: expected 24"), e.getMessage());
    }
}
