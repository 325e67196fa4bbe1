package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** Back-propagation of every layer, activation, loss and of whole nets agrees with central differences. */
class GradCheckTest {

    private static final double TOL = 1e-6;

    static Matrix random(int rows, int cols, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return Matrix.of(rows, cols, v);
    }

    @Test
    void linearLayerGradientsMatchCentralDifferences() {
        Linear lin = Linear.of(random(4, 3, 1, 1), random(1, 4, 2, 1));
        GradCheck.Result r = GradCheck.layer(lin, random(5, 3, 3, 1), 7);
        assertEquals(3, r.entries().size());
        assertTrue(r.maxRelativeError() <= TOL, r.toString());
    }

    @Test
    void everyActivationDerivativeMatchesCentralDifferences() {
        for (Activation f : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.1),
                Activation.IDENTITY, Activation.SOFTMAX)) {
            // inputs away from the ReLU kink at 0 (|a| >= 0.05)
            Matrix x = random(6, 4, 11, 2);
            double[] v = x.toArray();
            for (int i = 0; i < v.length; i++) {
                if (Math.abs(v[i]) < 0.05) {
                    v[i] = 0.3;
                }
            }
            GradCheck.Result r = GradCheck.layer(f, Matrix.of(6, 4, v), 5);
            assertTrue(r.maxRelativeError() <= TOL, f + ": " + r);
        }
    }

    @Test
    void pointwiseDerivativeMatchesDifferenceOfApply() {
        for (Activation f : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.2),
                Activation.IDENTITY)) {
            for (double a = -3.1; a < 3; a += 0.37) {
                double num = (f.apply(a + 1e-6) - f.apply(a - 1e-6)) / 2e-6;
                assertEquals(num, f.derivative(a), 1e-6, f + " at " + a);
            }
        }
    }

    @Test
    void everyLossGradientMatchesCentralDifferences() {
        Matrix y = Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});
        Matrix probs = Activation.SOFTMAX.forward(random(3, 3, 4, 1));
        assertTrue(GradCheck.loss(Loss.EUCLIDEAN, random(3, 3, 5, 1), y).maxRelativeError() <= TOL);
        assertTrue(GradCheck.loss(Loss.SOFTMAX_CROSS_ENTROPY, probs, y).maxRelativeError() <= TOL);
        Matrix p = Activation.SIGMOID.forward(random(3, 3, 6, 2));
        Matrix soft = Matrix.of(new double[][] {{0.2, 1, 0}, {1, 0.5, 0}, {0, 0, 1}});
        assertTrue(GradCheck.loss(Loss.BINARY_CROSS_ENTROPY, p, soft).maxRelativeError() <= TOL);
    }

    @Test
    void wholeNetsWithEachLossMatchCentralDifferences() {
        Matrix x = random(7, 3, 21, 1);
        Matrix reg = random(7, 2, 22, 1);
        Mlp a = Mlp.of(3, 5, 2).hidden(Activation.TANH).output(Activation.IDENTITY).seed(3);
        assertTrue(GradCheck.of(a, Loss.EUCLIDEAN, x, reg).maxRelativeError() <= TOL);
        Mlp b = Mlp.of(3, 6, 4, 2).hidden(Activation.SIGMOID).output(Activation.SIGMOID).seed(4);
        Matrix bin = Matrix.of(new double[][] {{0, 1}, {1, 1}, {0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 0}});
        assertTrue(GradCheck.of(b, Loss.BINARY_CROSS_ENTROPY, x, bin).maxRelativeError() <= TOL);
        Mlp c = Mlp.of(3, 8, 3).hidden(Activation.leakyRelu(0.05)).output(Activation.SOFTMAX).seed(5);
        Matrix hot = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1},
            {1, 0, 0}});
        GradCheck.Result r = GradCheck.of(c, Loss.SOFTMAX_CROSS_ENTROPY, x, hot);
        assertTrue(r.maxRelativeError() <= TOL, r.toString());
        assertEquals(5, r.entries().size()); // dW, db of two Linear layers and dC/dx_0
    }

    @Test
    void backwardShapesFollowTheLectureChain() {
        Mlp net = Mlp.of(1, 3, 1).hidden(Activation.TANH).seed(1);
        Forward f = net.forward(random(50, 1, 1, 1));
        Gradients g = f.backward(Loss.EUCLIDEAN.gradient(f.output(), random(50, 1, 2, 1)));
        assertEquals(4, g.n());
        assertEquals("[1x3]", g.dW(3).shape());
        assertEquals("[1x1]", g.db(3).shape());
        assertEquals("[3x1]", g.dW(1).shape());
        assertEquals("[50x3]", g.dx(2).shape());
        assertTrue(g.toString().contains("layer 3 Linear(3->1): dC/dx_3 [50x1], dC/dW_3 [1x3], dC/db_3 [1x1]"),
                g.toString());
    }

    /** The float32 engine used for training computes the same gradient as double back-propagation. */
    @Test
    void float32TrainingGradientEqualsDoubleBackprop() {
        Dataset d = Datasets.moons(80, 0.1, 3);
        Mlp net = Mlp.of(2, 16, 12, 2).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(2);
        Gradients g = net.gradients(d, Loss.SOFTMAX_CROSS_ENTROPY);
        for (int threads = 1; threads <= 2; threads++) {
            Engine e = new Engine(net, d.size(), threads);
            int[] idx = new int[d.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            e.gradient(d.inputRowsView(), d.targetRows(2), idx, 0, d.size(), Loss.SOFTMAX_CROSS_ENTROPY);
            for (int l = 0; l < 3; l++) {
                Matrix dW = g.dW(2 * l + 1);
                for (int o = 0; o < dW.rows(); o++) {
                    for (int i = 0; i < dW.cols(); i++) {
                        assertEquals(dW.get(o, i), e.gW[l][i][o], 1e-5 + 1e-4 * Math.abs(dW.get(o, i)));
                    }
                    assertEquals(g.db(2 * l + 1).get(0, o), e.gb[l][o], 1e-5);
                }
            }
        }
    }
}
