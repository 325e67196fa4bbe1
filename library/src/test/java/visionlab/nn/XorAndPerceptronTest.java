package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** XOR needs a hidden layer: a 2-2-1 net learns it, Rosenblatt's perceptron cannot (but learns AND, OR). */
class XorAndPerceptronTest {

    @Test
    void twoTwoOneNetLearnsXorFromTheDefaultSeed() {
        Dataset data = Datasets.xor();
        Mlp net = Mlp.of(2, 2, 1).hidden(Activation.TANH).output(Activation.SIGMOID);
        History h = net.train(data, Loss.EUCLIDEAN, Sgd.lr(0.5).momentum(0.9), 500);
        assertEquals(1.0, net.accuracy(data));
        int[] expected = {0, 1, 1, 0};
        for (int m = 0; m < 4; m++) {
            double y = net.predict(data.input(m))[0];
            assertEquals(expected[m], y > 0.5 ? 1 : 0);
        }
        assertEquals(500, h.epochs());
        assertTrue(h.finalLoss() < h.rows().get(0).loss());
    }

    @Test
    void perceptronNeverConvergesOnXor() {
        Perceptron.Result r = Perceptron.train(Datasets.xor(), 1000);
        assertFalse(r.converged());
        assertEquals(1000, r.epochs());
        for (int e : r.errorsPerEpoch()) {
            assertTrue(e > 0);
        }
        int wrong = 0;
        Dataset d = Datasets.xor();
        for (int m = 0; m < 4; m++) {
            wrong += r.predict(d.input(m)) != d.labels()[m] ? 1 : 0;
        }
        assertTrue(wrong >= 1);
        assertTrue(r.toString().contains("did NOT converge"));
    }

    @Test
    void perceptronConvergesOnAndAndOr() {
        for (Dataset d : new Dataset[] {Datasets.and(), Datasets.or()}) {
            Perceptron.Result r = Perceptron.train(d, 100);
            assertTrue(r.converged(), d.name());
            assertEquals(0, r.errorsPerEpoch()[r.epochs() - 1]);
            for (int m = 0; m < 4; m++) {
                assertEquals(d.labels()[m], r.predict(d.input(m)), d.name() + " example " + m);
            }
        }
    }
}
