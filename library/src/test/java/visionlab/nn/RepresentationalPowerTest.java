package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** Figure 5.3: a 1-3-1 tanh net with a linear output fits x^2, sin, |x| and the Heaviside step. */
class RepresentationalPowerTest {

    static Mlp fit(Dataset d) {
        Mlp net = Mlp.of(1, 3, 1).hidden(Activation.TANH).output(Activation.IDENTITY).seed(1);
        net.trainer().loss(Loss.EUCLIDEAN).optimizer(Adam.lr(0.05)).batchSize(50).epochs(3000).live(false).fit(d);
        return net;
    }

    /** Mean squared error computed here from the predictions and the targets. */
    static double mse(Mlp net, Dataset d) {
        double s = 0;
        for (int m = 0; m < d.size(); m++) {
            double e = net.predict(d.input(m))[0] - d.targets().get(m, 0);
            s += e * e;
        }
        return s / d.size();
    }

    @Test
    void fitsSquareAndSineToMseBelow1eMinus3() {
        double sq = mse(fit(Datasets.square()), Datasets.square());
        double sin = mse(fit(Datasets.sine()), Datasets.sine());
        assertTrue(sq <= 1e-3, "x^2: " + sq);
        assertTrue(sin <= 1e-3, "sin: " + sin);
    }

    @Test
    void fitsAbsBelow1eMinus2AndHeavisideBelow5eMinus2() {
        double abs = mse(fit(Datasets.abs()), Datasets.abs());
        double h = mse(fit(Datasets.heaviside()), Datasets.heaviside());
        assertTrue(abs <= 1e-2, "|x|: " + abs);
        assertTrue(h <= 5e-2, "H: " + h);
    }
}
