package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

/** Separable and 2-D convolution against a direct double sum written here, for every boundary and size. */
class ConvolutionTest {

    private static Image random(int w, int h, int c, long seed) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, c);
        for (int k = 0; k < c; k++) {
            float[] p = im.plane(k);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) r.nextGaussian();
            }
        }
        return im;
    }

    /** out(x, y) = sum_{i,j} kx(i) ky(j) in(b(x - i), b(y - j)), taps indexed -r..r. */
    private static double direct(Image im, int c, int x, int y, double[] kx, double[] ky, Boundary b) {
        int rx = kx.length / 2;
        int ry = ky.length / 2;
        double s = 0;
        for (int j = -ry; j <= ry; j++) {
            int sy = b.index(y - j, im.height());
            for (int i = -rx; i <= rx; i++) {
                int sx = b.index(x - i, im.width());
                if (sx >= 0 && sy >= 0) {
                    s += kx[i + rx] * ky[j + ry] * im.get(sx, sy, c);
                }
            }
        }
        return s;
    }

    @Test
    void separableConvolutionEqualsTheDirectSumForEveryBoundaryAndSize() {
        double[] kx = {0.1, -0.7, 0.2, 0.5, 0.9};      // asymmetric: convolution, not correlation
        double[] ky = {0.3, 1.0, -0.4};
        int[][] sizes = {{1, 1}, {1, 7}, {7, 1}, {2, 3}, {5, 4}, {13, 9}};
        for (Boundary b : Boundary.values()) {
            for (int[] s : sizes) {
                Image im = random(s[0], s[1], 2, s[0] * 31L + s[1]);
                Image out = Convolution.separable(im, Kernel1D.of(kx), Kernel1D.of(ky), b);
                for (int c = 0; c < 2; c++) {
                    for (int y = 0; y < s[1]; y++) {
                        for (int x = 0; x < s[0]; x++) {
                            assertEquals(direct(im, c, x, y, kx, ky, b), out.get(x, y, c), 1e-5,
                                    b + " " + s[0] + "x" + s[1] + " at " + x + "," + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void twoDimensionalConvolutionOfAnOuterProductEqualsTheSeparableOne() {
        double[] kx = {1, 2, -3};
        double[] ky = {0.5, 0, 1, 2, -1};
        double[][] k2 = new double[ky.length][kx.length];
        for (int j = 0; j < ky.length; j++) {
            for (int i = 0; i < kx.length; i++) {
                k2[j][i] = ky[j] * kx[i];
            }
        }
        for (Boundary b : Boundary.values()) {
            Image im = random(11, 6, 1, 5);
            Image sep = Convolution.separable(im, Kernel1D.of(kx), Kernel1D.of(ky), b);
            Image full = Convolution.convolve2d(im, k2, b);
            assertTrue(sep.minus(full).maxAbs() < 1e-5, b.toString());
        }
    }

    @Test
    void badInputNamesTheArgument() {
        Image im = random(4, 4, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Convolution.separable(im, null, Kernel1D.binomial(3), Boundary.ZERO));
        assertTrue(e.getMessage().startsWith("kx"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Convolution.convolve2d(im, new double[2][3], Boundary.ZERO));
        assertTrue(e.getMessage().startsWith("kernel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Convolution.separable(Image.filled(3, 3, 1, Double.NaN), Kernel1D.binomial(3)));
        assertTrue(e.getMessage().startsWith("img"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernel1D.binomial(4));
        assertTrue(e.getMessage().startsWith("length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernel1D.gaussian(0));
        assertTrue(e.getMessage().startsWith("sigma"), e.getMessage());
    }

    @Test
    void binomialKernelsArePascalRowsOverPowersOfTwo() {
        assertEquals(Kernel1D.of(1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0), Kernel1D.binomial(5));
        assertEquals(Kernel1D.of(0.25, 0.5, 0.25), Kernel1D.binomial(3));
        for (int n = 1; n <= 21; n += 2) {
            assertEquals(1.0, Kernel1D.binomial(n).sum(), 1e-12);
        }
        assertEquals(1.0, Kernel1D.gaussian(1.7).sum(), 1e-12);
    }
}
