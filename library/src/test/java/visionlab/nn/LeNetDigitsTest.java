package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;
import visionlab.data.Distort;

/** LeNet-5 on MNIST: its gradients, its accuracy, and what the convolutions buy over a fully connected net. */
class LeNetDigitsTest {

    @Test
    void gradCheckWholeLeNet5() {
        Cnn net = Cnn.lenet5(10).seed(2);
        Dataset d = CnnTest.digits(2);
        // two digits plus 0.02..0.07 everywhere: with zero biases, the blank margins of MNIST would put many
        // pre-activations exactly on ReLU's kink at 0, where the function has no derivative to check
        double[] v = d.inputs().toArray();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.02 + 0.05 * rnd.nextDouble();
        }
        Matrix x = Matrix.of(2, 784, v);
        GradCheck.Result r = GradCheck.of(net, Loss.SOFTMAX_CROSS_ENTROPY, x, d.targets(10));
        assertEquals(11, r.entries().size(), "W and b of 2 convolutions and 3 dense layers, and dC/dx_0");
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    /**
     * The issue fixes 5 epochs of 8,000 digits; the recipe is ours. Batch 32 gives 1,250 steps (batch 64 only
     * 625), Adam starts fast at 0.004 and the cosine schedule lowers the rate to 0 over the run so the last
     * steps settle. Seeds 1-6 gave 97.2, 97.2, 97.5, 97.5, 97.6, 97.35% (Adam 1e-3 at batch 64: 95-96%).
     */
    static Trainer recipe(Net net) {
        return net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(0.004)).schedule(Schedule.cosine())
                .batchSize(32).epochs(5).live(false);
    }

    @Test
    void lenet5Reaches97PercentAndBeatsTheMlpOnShiftedDigits() {
        Dataset.Split split = Datasets.mnist10k().split(0.8, 1);
        assertEquals(8000, split.train().size());
        assertEquals(2000, split.test().size());
        Cnn cnn = Cnn.lenet5(10).seed(1);
        recipe(cnn).fit(split.train());
        Mlp mlp = Mlp.of(784, 128, 10).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        recipe(mlp).fit(split.train());
        double cnnAcc = cnn.accuracy(split.test());
        assertTrue(cnnAcc >= 0.97, "LeNet-5 held-out accuracy " + cnnAcc);
        Dataset shifted = Distort.shift(split.test(), 2, 0);
        double cnnShift = cnn.accuracy(shifted);
        double mlpShift = mlp.accuracy(shifted);
        assertTrue(cnnShift > mlpShift + 0.1, "shifted 2 px right: LeNet-5 " + cnnShift + ", MLP " + mlpShift);
    }
}
