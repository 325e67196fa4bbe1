package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** Handwritten digits: held-out accuracy of small MLPs. */
class DigitsTest {

    /** Accuracy counted here from the predicted classes. */
    static double accuracy(Mlp net, Dataset test) {
        int[] pred = net.classify(test);
        int[] truth = test.labels();
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += pred[i] == truth[i] ? 1 : 0;
        }
        return ok / (double) pred.length;
    }

    @Test
    void digits8x8TestAccuracyAtLeast95Percent() {
        Dataset.Split s = Datasets.digits8x8().split(0.8, 1);
        Mlp net = Mlp.of(64, 64, 10).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.1).momentum(0.9)).batchSize(32).epochs(30)
                .live(false).fit(s.train());
        double acc = accuracy(net, s.test());
        assertTrue(acc >= 0.95, "digits 8x8 test accuracy " + acc);
        assertEquals(acc, net.accuracy(s.test()), 1e-12);
    }

    @Test
    void mnist10kNet784x128x10Reaches95PercentWithin10Epochs() {
        Dataset.Split s = Datasets.mnist10k().split(0.8, 1);
        assertEquals(8000, s.train().size());
        assertEquals(2000, s.test().size());
        Mlp net = Mlp.of(784, 128, 10).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        History h = net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.1).momentum(0.9).decay(1e-3))
                .batchSize(32).epochs(10).live(false).fit(s.train());
        assertEquals(10, h.epochs());
        double acc = accuracy(net, s.test());
        assertTrue(acc >= 0.95, "MNIST 2k test accuracy " + acc);
    }
}
