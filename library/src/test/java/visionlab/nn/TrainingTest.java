package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** The training loop: reproducibility, interrupts, mini-batches, optimizers, early stopping, bad input. */
class TrainingTest {

    private static History trainMoons(Mlp net, int threads) {
        return net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(0.01)).batchSize(64).epochs(5)
                .validationSplit(0.25).threads(threads).live(false).fit(Datasets.moons(800, 0.2, 4));
    }

    private static Mlp moonsNet() {
        return Mlp.of(2, 128, 64, 2).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(9);
    }

    private static void assertSameRun(History a, History b, Mlp na, Mlp nb) {
        assertEquals(a.epochs(), b.epochs());
        for (int i = 0; i < a.epochs(); i++) {
            History.Row x = a.rows().get(i);
            History.Row y = b.rows().get(i);
            assertEquals(Double.doubleToRawLongBits(x.loss()), Double.doubleToRawLongBits(y.loss()));
            assertEquals(Double.doubleToRawLongBits(x.validationLoss()), Double.doubleToRawLongBits(y.validationLoss()));
            assertEquals(x.accuracy(), y.accuracy());
            assertEquals(x.step(), y.step());
        }
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(na.weights(l).toArray(), nb.weights(l).toArray());
            assertArrayEquals(na.bias(l).toArray(), nb.bias(l).toArray());
        }
    }

    @Test
    void sameSeedGivesTheSameHistoryAndWeightsBitForBitOnOneOrTwoThreads() {
        Mlp a = moonsNet();
        Mlp b = moonsNet();
        Mlp c = moonsNet();
        History ha = trainMoons(a, 1);
        History hb = trainMoons(b, 1);
        History hc = trainMoons(c, 2);
        assertSameRun(ha, hb, a, b);
        assertSameRun(ha, hc, a, c);
        Mlp d = moonsNet().seed(10);
        History hd = trainMoons(d, 1);
        assertNotEquals(ha.finalLoss(), hd.finalLoss());
    }

    @Test
    void interruptFromTheLoopStopsAfterThatBatchAndKeepsTheWeights() {
        Mlp net = Mlp.of(2, 8, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(1);
        Matrix before = net.weights(1);
        AtomicLong steps = new AtomicLong();
        History h = net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.1)).batchSize(10).epochs(50)
                .live(false).listener(new TrainingListener() {
                    @Override
                    public void step(int epoch, long step, double loss) {
                        steps.set(step);
                        if (step == 25) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).fit(Datasets.moons(100, 0.1, 1));
        boolean flag = Thread.interrupted(); // clears it for the other tests
        assertTrue(flag, "the interrupt flag is set again for the caller");
        assertTrue(h.interrupted());
        assertEquals(25, steps.get());
        assertEquals(2, h.epochs()); // 10 steps per epoch: epochs 1 and 2 completed, epoch 3 cut short
        assertFalse(java.util.Arrays.equals(before.toArray(), net.weights(1).toArray()));
        // the weights are those after exactly 25 steps: the same as a run of 25 steps without interrupt
        Mlp ref = Mlp.of(2, 8, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(1);
        AtomicInteger refSteps = new AtomicInteger();
        ref.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.1)).batchSize(10).epochs(3).live(false)
                .listener(new TrainingListener() {
                    @Override
                    public void step(int epoch, long step, double loss) {
                        if (refSteps.incrementAndGet() == 25) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).fit(Datasets.moons(100, 0.1, 1));
        Thread.interrupted();
        assertArrayEquals(ref.weights(1).toArray(), net.weights(1).toArray());
    }

    @Test
    void interruptFromAnotherThreadStopsWithinOneBatch() throws Exception {
        Dataset.Split s = Datasets.digits8x8().split(0.5, 2);
        Mlp net = Mlp.of(64, 32, 10).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong interruptedAt = new AtomicLong(-1);
        AtomicLong lastStep = new AtomicLong();
        AtomicReference<History> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.01))
                .batchSize(8).epochs(100_000).live(false).listener(new TrainingListener() {
                    @Override
                    public void step(int epoch, long step, double loss) {
                        lastStep.set(step);
                        if (step == 3) {
                            started.countDown();
                        }
                        if (Thread.currentThread().isInterrupted() && interruptedAt.get() < 0) {
                            interruptedAt.set(step);
                        }
                    }
                }).fit(s.train())));
        t.start();
        assertTrue(started.await(20, TimeUnit.SECONDS));
        t.interrupt();
        t.join(20_000);
        assertFalse(t.isAlive());
        assertTrue(result.get().interrupted());
        // the flag was seen at the latest in the step after the interrupt: at most one more batch ran
        long seenAt = interruptedAt.get() < 0 ? lastStep.get() : interruptedAt.get();
        assertTrue(lastStep.get() - seenAt <= 1, "steps after the interrupt: " + (lastStep.get() - seenAt));
    }

    @Test
    void miniBatchSizeSetsTheStepsPerEpoch() {
        Dataset d = Datasets.moons(50, 0.1, 1);
        for (int b : new int[] {1, 7, 50, 500}) {
            Mlp net = Mlp.of(2, 4, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(1);
            History h = net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.05)).batchSize(b).epochs(3)
                    .live(false).fit(d);
            int perEpoch = (50 + Math.min(b, 50) - 1) / Math.min(b, 50);
            assertEquals(3L * perEpoch, h.rows().get(2).step(), "batch " + b);
        }
    }

    @Test
    void fullBatchSgdStepEqualsMinusLearningRateTimesGradient() {
        Dataset d = Datasets.moons(20, 0.1, 2);
        Mlp net = Mlp.of(2, 3, 2).hidden(Activation.TANH).output(Activation.SOFTMAX).seed(3);
        Gradients g = net.gradients(d, Loss.SOFTMAX_CROSS_ENTROPY);
        Matrix w0 = net.weights(1);
        net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.5)).batchSize(20).epochs(1).live(false).fit(d);
        Matrix w1 = net.weights(1);
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(w0.get(o, i) - 0.5 * g.dW(1).get(o, i), w1.get(o, i), 1e-5);
            }
        }
    }

    @Test
    void sgdMomentumAndAdamFollowTheirUpdateFormulas() {
        Optimizer.State sgd = Sgd.lr(0.1).momentum(0.9).start(new int[] {2});
        float[] w = {1, -1};
        float[] g = {0.5f, -2f};
        sgd.beginStep(1);
        sgd.update(0, w, g); // v = -0.1 g
        sgd.beginStep(2);
        sgd.update(0, w, g); // v = 0.9 (-0.1 g) - 0.1 g
        assertEquals(1 - 0.05 - 0.095, w[0], 1e-6);
        assertEquals(-1 + 0.2 + 0.38, w[1], 1e-6);
        Optimizer.State adam = Adam.lr(0.01).start(new int[] {2});
        float[] u = {1, -1};
        adam.beginStep(1);
        adam.update(0, u, g); // first Adam step moves each weight by lr against the sign of its gradient
        assertEquals(1 - 0.01, u[0], 1e-6);
        assertEquals(-1 + 0.01, u[1], 1e-6);
        Optimizer.State decayed = Sgd.lr(1).decay(1).start(new int[] {1});
        float[] z = {0};
        decayed.beginStep(3); // eta / (1 + 2)
        decayed.update(0, z, new float[] {3});
        assertEquals(-1, z[0], 1e-6);
    }

    @Test
    void earlyStoppingEndsWhenValidationLossStopsImproving() {
        Dataset d = Datasets.moons(60, 0.45, 5);
        Mlp net = Mlp.of(2, 64, 64, 2).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        History h = net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(0.02)).batchSize(8).epochs(400)
                .validationSplit(0.4).patience(10).live(false).fit(d);
        assertTrue(h.stoppedEarly());
        assertTrue(h.epochs() < 400);
        double[] v = h.validationLosses();
        double bestBefore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < v.length - 10; i++) {
            bestBefore = Math.min(bestBefore, v[i]);
        }
        for (int i = v.length - 10; i < v.length; i++) {
            assertTrue(v[i] >= bestBefore, "epoch " + (i + 1) + " improved on the best");
        }
    }

    @Test
    void nanLossStopsNamingTheEpochAndSuggestingASmallerLearningRate() {
        Dataset d = Datasets.function("3x", x -> 300 * x, 50, 1);
        Mlp net = Mlp.of(1, 8, 1).hidden(Activation.RELU).seed(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.train(d, Loss.EUCLIDEAN, Sgd.lr(10), 50));
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("smaller learning rate"), e.getMessage());
    }

    @Test
    void badInputThrowsNamingTheArgument() {
        Mlp net = Mlp.of(2, 3, 2).output(Activation.SOFTMAX);
        List<Runnable> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        cases.add(() -> Dataset.of("x", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1}}));
        names.add("targets");
        cases.add(() -> Dataset.of("x", new double[0][], new double[0][]));
        names.add("inputs");
        cases.add(() -> Dataset.of("x", new double[][] {{1, Double.NaN}}, new double[][] {{1}}));
        names.add("inputs[0][1]");
        cases.add(() -> Dataset.classification("x", new double[][] {{1, 2}}, new int[] {3}, 2));
        names.add("labels[0]");
        cases.add(() -> Sgd.lr(0));
        names.add("learning rate");
        cases.add(() -> Adam.lr(-1));
        names.add("learning rate");
        cases.add(() -> net.trainer().batchSize(0));
        names.add("batch size");
        cases.add(() -> net.train(Datasets.xor(), Loss.BINARY_CROSS_ENTROPY, Sgd.lr(0.1), 1));
        names.add("loss");
        cases.add(() -> Mlp.of(2, 2, 1).train(Datasets.xor(), Loss.SOFTMAX_CROSS_ENTROPY, Sgd.lr(0.1), 1));
        names.add("loss");
        cases.add(() -> net.train(Datasets.spiral(30, 3, 0.1, 1), Loss.SOFTMAX_CROSS_ENTROPY, Sgd.lr(0.1), 1));
        names.add("labels");
        cases.add(() -> net.train(Datasets.square(), Loss.EUCLIDEAN, Sgd.lr(0.1), 1));
        names.add("data");
        cases.add(() -> Mlp.of(2, 0, 1));
        names.add("sizes[1]");
        cases.add(() -> net.trainer().epochs(0));
        names.add("epochs");
        cases.add(() -> Mlp.of(2, 2, 1).output(Activation.SOFTMAX));
        names.add("output");
        for (int i = 0; i < cases.size(); i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, cases.get(i)::run, names.get(i));
            assertTrue(e.getMessage().startsWith(names.get(i)), "case " + i + ": " + e.getMessage());
        }
    }

    @Test
    void historyIsATableWithTheIssueColumnsAndRendersHtmlAndPng() {
        Mlp net = Mlp.of(2, 2, 1).hidden(Activation.TANH).output(Activation.SIGMOID);
        History h = net.train(Datasets.xor(), Loss.EUCLIDEAN, Sgd.lr(0.5).momentum(0.9), 20);
        assertEquals(List.of("epoch", "step", "loss", "validation loss", "accuracy", "validation accuracy", "seconds"),
                h.table().columnNames());
        assertEquals(20, h.table().rowCount());
        assertEquals(h.finalLoss(), h.table().doubleColumn("loss").get(19));
        var b = h.mimeBundle();
        assertTrue(b.hasPng() && b.hasHtml());
        assertTrue(b.html().contains("<table>"));
    }
}
