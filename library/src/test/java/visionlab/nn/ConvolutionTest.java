package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The convolutional layer: against the lecture's sum written out here, and its gradients. */
class ConvolutionTest {

    static Matrix random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Matrix.of(rows, cols, v);
    }

    /**
     * a[o][y][x] = b[o] + sum_{c,u,v} W[o][c][u][v] xp[c][s y + u][s x + v] with xp the input padded by p
     * zeros on each side, built explicitly here.
     */
    static double[] directSum(double[] x, int cin, int h, int w, double[] wt, double[] b, int cout, int k, int s,
            int p) {
        int hp = h + 2 * p;
        int wp = w + 2 * p;
        double[][][] xp = new double[cin][hp][wp];
        for (int c = 0; c < cin; c++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    xp[c][y + p][xx + p] = x[(c * h + y) * w + xx];
                }
            }
        }
        int oh = (hp - k) / s + 1;
        int ow = (wp - k) / s + 1;
        double[] out = new double[cout * oh * ow];
        for (int o = 0; o < cout; o++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    double sum = b[o];
                    for (int c = 0; c < cin; c++) {
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                sum += wt[((o * cin + c) * k + u) * k + v] * xp[c][s * y + u][s * xx + v];
                            }
                        }
                    }
                    out[(o * oh + y) * ow + xx] = sum;
                }
            }
        }
        return out;
    }

    static final int[][] CASES = { // cin, h, w, cout, k, stride, pad
        {1, 7, 7, 2, 3, 1, 0}, {3, 7, 6, 4, 3, 2, 1}, {2, 9, 8, 3, 5, 1, 2}, {4, 8, 8, 2, 3, 2, 0},
        {3, 6, 7, 5, 2, 2, 2}, {1, 28, 28, 6, 5, 1, 0}, {6, 12, 12, 16, 5, 1, 0}};

    @Test
    void convolutionEqualsTheDirectSumInDoubleAndFloat() {
        for (int[] c : CASES) {
            MapShape in = new MapShape(c[0], c[1], c[2]);
            Cnn net = Cnn.input(c[0], c[1], c[2]).conv(c[3], c[4], c[5], c[6]).seed(c[1] * 31 + c[3]);
            Conv2d conv = net.convLayer(0);
            Matrix x = random(3, in.size(), 5 + c[0]);
            Matrix ref = Matrix.zeros(1, 1);
            double[] want = new double[0];
            Matrix dbl = conv.forward(x);
            Matrix flt = net.predict(x);
            for (int r = 0; r < x.rows(); r++) {
                want = directSum(x.row(r), c[0], c[1], c[2], conv.w, conv.b, c[3], c[4], c[5], c[6]);
                assertEquals(want.length, dbl.cols(), "output size of " + conv.name());
                assertArrayEquals(want, dbl.row(r), 1e-12, conv.name() + " double");
                assertArrayEquals(want, flt.row(r), 1e-4, conv.name() + " float32 path (im2col + Gemm)");
            }
            assertTrue(ref.rows() == 1 && want.length > 0);
        }
    }

    @Test
    void gradCheckConvolutionStridesPaddingsAndChannels() {
        for (int[] c : CASES) {
            if (c[1] > 12) {
                continue;
            }
            MapShape in = new MapShape(c[0], c[1], c[2]);
            int kk = c[0] * c[4] * c[4];
            Conv2d conv = Conv2d.of(in, random(c[3], kk, 11), random(1, c[3], 12), c[5], c[6]);
            GradCheck.Result r = GradCheck.layer(conv, random(2, in.size(), 13), 14);
            assertTrue(r.maxRelativeError() < 1e-7, conv.name() + ": " + r);
            assertEquals(3, r.entries().size(), "dC/dx, dC/dW, dC/db");
        }
    }

    @Test
    void gradientShapesAreThoseOfLinear() {
        Conv2d conv = Conv2d.of(new MapShape(3, 8, 8), random(4, 27, 1), random(1, 4, 2), 1, 1);
        Matrix x = random(5, 192, 3);
        Matrix y = conv.forward(x);
        Layer.LayerGradient g = conv.backward(x, y, random(5, y.cols(), 4));
        assertEquals("[5x256]", y.shape(), "4 maps of 8x8 per row");
        assertEquals("[5x192]", g.dx().shape());
        assertEquals("[4x27]", g.dW().shape(), "C_out x C_in k k, as Linear's [out x in]");
        assertEquals("[1x4]", g.db().shape());
    }
}
