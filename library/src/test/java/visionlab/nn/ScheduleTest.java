package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** Learning-rate schedules: their formulas, and that the training loop applies them step by step. */
class ScheduleTest {

    @Test
    void cosineFallsFromOneSymmetricallyAboutTheMiddleAndStepDecayMultipliesPerEpoch() {
        long total = 40;
        Schedule cos = Schedule.cosine();
        assertEquals(1, cos.factor(1, total, 1), 0);
        assertEquals(0.5, cos.factor(total / 2 + 1, total, 3), 1e-12);
        double previous = 2;
        for (long t = 1; t <= total; t++) {
            double f = cos.factor(t, total, 1);
            assertTrue(f > 0 && f < previous, "step " + t + ": " + f + " after " + previous);
            previous = f;
            if (t >= 2) {
                // half a cosine: the factors after t - 1 and after T - (t - 1) steps done add up to 1
                assertEquals(1, f + cos.factor(total + 2 - t, total, 1), 1e-12, "step " + t);
            }
        }
        assertEquals(cos.factor(total, total, 1), cos.factor(total + 5, total, 1), 0);
        Schedule halve = Schedule.step(2, 0.5);
        double[] perEpoch = new double[6];
        for (int e = 1; e <= 6; e++) {
            perEpoch[e - 1] = halve.factor(e, 6, e);
        }
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25, 0.25}, perEpoch, 0);
        assertEquals(1, Schedule.CONSTANT.factor(17, 20, 5), 0);
    }

    @Test
    void trainerStepsWithTheScheduledRate() {
        // full-batch plain SGD keeps no state between steps, so a scheduled run of 4 epochs must equal four
        // one-epoch runs at the rates eta x factor(t), t = 1..4
        Dataset d = Datasets.moons(40, 0.2, 3);
        double eta = 0.3;
        Mlp scheduled = Mlp.of(2, 8, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(4);
        scheduled.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(eta)).schedule(Schedule.cosine())
                .batchSize(40).epochs(4).live(false).fit(d);
        Mlp byHand = Mlp.of(2, 8, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(4);
        for (int t = 1; t <= 4; t++) {
            double rate = eta * 0.5 * (1 + Math.cos(Math.PI * (t - 1) / 4));
            byHand.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(rate)).batchSize(40).epochs(1)
                    .live(false).fit(d);
        }
        Mlp constant = Mlp.of(2, 8, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(4);
        constant.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(eta)).batchSize(40).epochs(4)
                .live(false).fit(d);
        double farFromConstant = 0;
        for (int l = 1; l <= 2; l++) {
            double[] s = scheduled.weights(l).toArray();
            assertArrayEquals(byHand.weights(l).toArray(), s, 1e-5, "W" + l);
            assertArrayEquals(byHand.bias(l).toArray(), scheduled.bias(l).toArray(), 1e-5, "b" + l);
            double[] c = constant.weights(l).toArray();
            for (int i = 0; i < s.length; i++) {
                farFromConstant = Math.max(farFromConstant, Math.abs(s[i] - c[i]));
            }
        }
        assertTrue(farFromConstant > 1e-3, "the schedule changed nothing: " + farFromConstant);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine().factor(0, 10, 1));
        Mlp net = Mlp.of(2, 2).seed(1);
        assertThrows(IllegalArgumentException.class, () -> net.trainer().schedule(null));
    }
}
