package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.ResampleTest.assertMessage;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class OperatorsTest {

    @Test
    void eightTimesFForFourSamplesIsTheLecturesF3Exactly() {
        double[][] f3 = {
            {6, 1, 0, 0}, {4, 4, 0, 0}, {1, 6, 1, 0}, {0, 4, 4, 0},
            {0, 1, 6, 1}, {0, 0, 4, 4}, {0, 0, 1, 6}, {0, 0, 0, 4}};
        double[][] got = Operators.upsample(4, Kernel1D.binomial(5), Boundary.ZERO).times(8).toArray();
        assertEquals(8, got.length);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(f3[i], got[i], 0.0, "row " + i);
        }
    }

    private static double[] vector(Image im) {
        double[] v = new double[im.width()];
        for (int i = 0; i < v.length; i++) {
            v[i] = im.get(i, 0);
        }
        return v;
    }

    private static double[] scaled(double[] v, double s) {
        double[] o = v.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] *= s;
        }
        return o;
    }

    @Test
    void matricesTimesAVectorEqualReduceAndExpandOfTheOneRowImage() {
        Random r = new Random(5);
        Kernel1D[] kernels = {Kernel1D.binomial(5), Kernel1D.binomial(3), Kernel1D.of(0.1, 0.2, 0.4, 0.25, 0.05)};
        for (Kernel1D k : kernels) {
            for (Boundary b : Boundary.values()) {
                // the length-1 axis is left as it is
                double gy = Operators.downsample(1, k, b).get(0, 0);
                double fy = Operators.upsample(1, 1, k, b).get(0, 0);
                assertEquals(1.0, gy);
                assertEquals(1.0, fy);
                for (int n = 1; n <= 20; n++) {
                    Image x = Image.fromFunction(n, 1, (i, j) -> r.nextDouble());
                    assertArrayEquals(scaled(Operators.downsample(n, k, b).times(vector(x)), gy),
                            vector(Resample.reduce(x, k, b)), 1e-6, k + " " + b + " G n=" + n);
                    for (int m = 2 * n - 1; m <= 2 * n; m++) {
                        Matrix f = Operators.upsample(n, m, k, b);
                        assertArrayEquals(scaled(f.times(vector(x)), fy), vector(Resample.expand(x, m, 1, k, b)), 1e-6,
                                k + " " + b + " F n=" + n + " m=" + m);
                    }
                }
            }
        }
    }

    private static Matrix matrix(Image im) {
        double[][] a = new double[im.height()][im.width()];
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                a[y][x] = im.get(x, y);
            }
        }
        return Matrix.of(a);
    }

    private static Matrix transposed(Matrix m) {
        double[][] a = new double[m.cols()][m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                a[j][i] = m.get(i, j);
            }
        }
        return Matrix.of(a);
    }

    private static void assertClose(Matrix want, Matrix got, String what) {
        assertEquals(want.rows(), got.rows(), what);
        assertEquals(want.cols(), got.cols(), what);
        for (int i = 0; i < want.rows(); i++) {
            for (int j = 0; j < want.cols(); j++) {
                assertEquals(want.get(i, j), got.get(i, j), 1e-6, what + " at " + i + "," + j);
            }
        }
    }

    @Test
    void separableImageOperatorsAreTheMatricesAppliedToRowsAndColumns() {
        // Y = G_h X G_w^T and Y = F_h X F_w^T for a 2-D image X
        Random r = new Random(6);
        Kernel1D k = Kernel1D.binomial(5);
        for (Boundary b : Boundary.values()) {
            for (int[] s : new int[][] {{7, 5}, {8, 6}, {3, 10}}) {
                int w = s[0];
                int h = s[1];
                Image x = Image.fromFunction(w, h, (i, j) -> r.nextDouble() - 0.5);
                Matrix xm = matrix(x);
                assertClose(Operators.downsample(h, k, b).times(xm).times(transposed(Operators.downsample(w, k, b))),
                        matrix(Resample.reduce(x, k, b)), b + " reduce " + w + "x" + h);
                Matrix fw = Operators.upsample(w, 2 * w - 1, k, b);
                Matrix fh = Operators.upsample(h, 2 * h, k, b);
                assertClose(fh.times(xm).times(transposed(fw)), matrix(Resample.expand(x, 2 * w - 1, 2 * h, k, b)),
                        b + " expand " + w + "x" + h);
            }
        }
    }

    /** 1-D true convolution read through b, written out directly. */
    private static double[] conv1d(double[] in, Kernel1D k, Boundary b, double gain) {
        int r = k.radius();
        double[] out = new double[in.length];
        for (int x = 0; x < in.length; x++) {
            for (int i = -r; i <= r; i++) {
                int s = b.index(x - i, in.length);
                if (s >= 0) {
                    out[x] += gain * k.tap(i + r) * in[s];
                }
            }
        }
        return out;
    }

    @Test
    void laplacianMatrixTimesASignalGivesTheBandsAndLowPassOfA1dPyramid() {
        Random r = new Random(9);
        int n = 37;
        int levels = 4;
        Kernel1D k = Kernel1D.binomial(5);
        for (Boundary b : Boundary.values()) {
            Matrix m = Operators.laplacianMatrix(n, levels, k, b);
            assertEquals(37 + 19 + 10 + 5, m.rows());
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble();
            }
            double[] all = m.times(x);
            int at = 0;
            double[] g = x;
            for (int i = 0; i < levels - 1; i++) {
                double[] blurred = conv1d(g, k, b, 1);
                double[] next = new double[(g.length + 1) / 2];
                for (int j = 0; j < next.length; j++) {
                    next[j] = blurred[2 * j];
                }
                double[] u = new double[g.length];
                for (int j = 0; j < next.length; j++) {
                    u[2 * j] = next[j];
                }
                double[] up = conv1d(u, k, b, 2);
                for (int j = 0; j < g.length; j++) {
                    assertEquals(g[j] - up[j], all[at++], 1e-9, b + " band " + i);
                }
                g = next;
            }
            for (double v : g) {
                assertEquals(v, all[at++], 1e-9, b + " low-pass");
            }
            assertEquals(m.rows(), at);
        }
    }

    @Test
    void downsampleRowsOfTheBinomialSumToOneInsideAndTheMatrixPrintsItsEntries() {
        Matrix g = Operators.downsample(8, Kernel1D.binomial(5), Boundary.REFLECT_101);
        for (int i = 0; i < g.rows(); i++) {
            double s = 0;
            for (int j = 0; j < g.cols(); j++) {
                s += g.get(i, j);
            }
            assertEquals(1.0, s, 1e-12);
        }
        Matrix f3 = Operators.upsample(4, Kernel1D.binomial(5), Boundary.ZERO).times(8);
        assertEquals("Matrix 8x4 [6 1 0 0; 4 4 0 0; 1 6 1 0; 0 4 4 0; 0 1 6 1; 0 0 4 4; 0 0 1 6; 0 0 0 4]", f3.toString());
        assertTrue(f3.format().contains("\n  6 1 0 0\n") && f3.format().endsWith("\n  0 0 0 4"), f3.format());
        assertTrue(Operators.laplacianMatrix(64, 4).mimeBundle().hasPng());
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Kernel1D k = Kernel1D.binomial(5);
        assertMessage("n", () -> Operators.downsample(0, k, Boundary.ZERO));
        assertMessage("kernel", () -> Operators.upsample(3, null, Boundary.ZERO));
        assertMessage("boundary", () -> Operators.upsample(3, k, null));
        assertMessage("m: expected 5 or 6", () -> Operators.upsample(3, 7, k, Boundary.ZERO));
        assertMessage("levels: expected 1..7 for length 64", () -> Operators.laplacianMatrix(64, 8));
        assertMessage("levels", () -> Operators.laplacianMatrix(64, 0));
        assertMessage("v: expected 4", () -> Operators.downsample(4, k, Boundary.ZERO).times(new double[3]));
        assertMessage("rows", () -> Matrix.of(new double[][] {{1, 2}, {3}}));
        assertMessage("rows[0]: expected finite", () -> Matrix.of(new double[][] {{Double.NaN}}));
    }
}
