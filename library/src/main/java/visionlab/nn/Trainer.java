package visionlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import visionlab.data.Dataset;

/**
 * Mini-batch stochastic gradient descent for any {@link Net} ({@link Mlp} or {@link Cnn}), with all options:
 *
 * <pre>{@code
 * net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.1).momentum(0.9))
 *    .batchSize(64).epochs(20).validationSplit(0.2).patience(5).live(false).fit(data)
 * }</pre>
 *
 * Each epoch shuffles the examples (from the net's seed) and takes one optimizer step per batch: batch size
 * 1 updates after every example, batch size N is full-batch gradient descent. The loop checks
 * {@link Thread#interrupted()} before every batch: on an interrupt it stops, keeps the weights learnt so far,
 * returns the history so far marked {@link History#interrupted()} and sets the thread's interrupt flag again
 * (so a cell training several nets stops them all). A loss that becomes NaN or infinite stops training with
 * an {@link IllegalStateException} naming the epoch.
 */
public final class Trainer {

    private final Net net;
    private Loss loss = Loss.EUCLIDEAN;
    private Optimizer optimizer = Sgd.lr(0.1);
    private int epochs = 10;
    private int batchSize = 32;
    private double validationSplit;
    private int patience;
    private TrainingListener listener;
    private boolean live = true;
    private int threads;

    Trainer(Net net) {
        this.net = net;
    }

    /** The cost C (default {@link Loss#EUCLIDEAN}). */
    public Trainer loss(Loss l) {
        if (l == null) {
            throw new IllegalArgumentException("loss: expected a Loss, got null");
        }
        loss = l;
        return this;
    }

    /** The optimizer (default {@code Sgd.lr(0.1)}). */
    public Trainer optimizer(Optimizer o) {
        if (o == null) {
            throw new IllegalArgumentException("optimizer: expected Sgd or Adam, got null");
        }
        optimizer = o;
        return this;
    }

    /** Number of passes over the training set (default 10). */
    public Trainer epochs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("epochs: expected at least 1, got " + n);
        }
        epochs = n;
        return this;
    }

    /** Examples per optimizer step (default 32; larger than the set means full batch). */
    public Trainer batchSize(int b) {
        if (b < 1) {
            throw new IllegalArgumentException("batch size: expected at least 1, got " + b);
        }
        batchSize = b;
        return this;
    }

    /** Keeps this fraction (0 &lt;= f &lt; 1) of the data aside, drawn from the net's seed, to report validation loss. */
    public Trainer validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split: expected 0 <= fraction < 1, got " + fraction);
        }
        validationSplit = fraction;
        return this;
    }

    /**
     * Early stopping: stop after {@code epochs} epochs without a lower (validation, else training) loss; 0 =
     * off. The net keeps the weights of the last epoch run.
     */
    public Trainer patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("patience: expected 0 (off) or more epochs, got " + epochs);
        }
        patience = epochs;
        return this;
    }

    /** Called after each step and epoch. */
    public Trainer listener(TrainingListener l) {
        listener = l;
        return this;
    }

    /** Live loss chart and progress line (default on; in plain JShell progress lines every few seconds). */
    public Trainer live(boolean on) {
        live = on;
        return this;
    }

    /**
     * Threads for one step: 1, 2, or 0 = automatic (2 when the machine has two cores and a step is large
     * enough to pay for the hand-off). The result is the same bit for bit for any setting.
     */
    public Trainer threads(int n) {
        if (n < 0 || n > 2) {
            throw new IllegalArgumentException("threads: expected 0 (automatic), 1 or 2, got " + n);
        }
        threads = n;
        return this;
    }

    /** Trains the net on {@code data} and returns the history. */
    public History fit(Dataset data) {
        net.requireData(data, loss);
        Dataset train = data;
        Dataset val = null;
        if (validationSplit > 0) {
            Dataset.Split s = data.split(1 - validationSplit, net.seed() ^ 0x51A7L);
            train = s.train();
            val = s.test();
        }
        boolean labelled = data.hasLabels();
        int nOut = net.outputs();
        float[][] x = train.inputRowsView();
        float[][] t = train.targetRows(nOut);
        float[][] vx = val == null ? null : val.inputRowsView();
        float[][] vt = val == null ? null : val.targetRows(nOut);
        int n = x.length;
        int batch = Math.min(batchSize, n);
        int th = threads;
        if (th == 0) {
            long work = (long) batch * net.workPerExample();
            th = Runtime.getRuntime().availableProcessors() >= 2 && work >= 400_000 ? 2 : 1;
        }
        TrainingEngine engine = net.engine(batch, th);
        TrainingEngine evalEngine = val == null ? null : net.engine(Math.min(256, vx.length), 1);
        List<float[]> params = net.parameters();
        List<float[]> grads = engine.gradients();
        int[] sizes = params.stream().mapToInt(a -> a.length).toArray();
        Optimizer.State state = optimizer.start(sizes);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(net.seed() * 0x9E3779B97F4A7C15L + 17);
        String title = net.kind() + " " + net.architecture() + ", " + optimizer + ", batch " + batch;
        LiveView view = new LiveView(live, epochs, n, "training " + net.architecture() + ", batch " + batch);
        List<History.Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        long step = 0;
        boolean interrupted = false;
        boolean early = false;
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        {
            for (int epoch = 1; epoch <= epochs && !interrupted; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                double sum = 0;
                long correct = 0;
                int seen = 0;
                for (int from = 0; from < n; from += batch) {
                    if (Thread.interrupted()) {
                        interrupted = true;
                        break;
                    }
                    int count = Math.min(batch, n - from);
                    double batchLoss = engine.gradient(x, t, order, from, count, loss);
                    if (!Double.isFinite(batchLoss)) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "loss became %s in epoch %d (step %d) with %s: the steps are too large, "
                                        + "try a smaller learning rate", Double.isNaN(batchLoss) ? "NaN" : "infinite",
                                epoch, step + 1, optimizer));
                    }
                    step++;
                    state.beginStep(step);
                    for (int k = 0; k < params.size(); k++) {
                        state.update(k, params.get(k), grads.get(k));
                    }
                    sum += batchLoss;
                    correct += engine.correct();
                    seen += count;
                    if (listener != null) {
                        listener.step(epoch, step, batchLoss / count);
                    }
                    view.step(epoch, seen, sum / seen, t0);
                    if (Thread.currentThread().isInterrupted()) {
                        Thread.interrupted();
                        interrupted = true;
                        break;
                    }
                }
                if (interrupted) {
                    break;
                }
                double vLoss = Double.NaN;
                double vAcc = Double.NaN;
                if (val != null) {
                    double[] v = evaluate(evalEngine, vx, vt, loss, net.outputActivation(), nOut);
                    vLoss = v[0];
                    vAcc = labelled ? v[1] : Double.NaN;
                }
                History.Row row = new History.Row(epoch, step, sum / n, vLoss, labelled ? correct / (double) n : Double.NaN,
                        vAcc, (System.nanoTime() - t0) / 1e9);
                rows.add(row);
                if (listener != null) {
                    listener.epoch(row);
                }
                double monitored = val != null ? vLoss : row.loss();
                if (monitored < best) {
                    best = monitored;
                    sinceBest = 0;
                } else if (patience > 0 && ++sinceBest >= patience) {
                    early = true;
                    break;
                }
            }
        }
        History h = new History(rows, interrupted, early, title);
        view.finish(h);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return h;
    }

    /** Mean loss over all rows, forward passes only. */
    static double meanLoss(TrainingEngine e, float[][] x, float[][] t, Loss loss, Activation out, int nOut) {
        return evaluate(e, x, t, loss, out, nOut)[0];
    }

    /** {mean loss, accuracy} over all rows, forward passes only. */
    static double[] evaluate(TrainingEngine e, float[][] x, float[][] t, Loss loss, Activation out, int nOut) {
        double sum = 0;
        int correct = 0;
        int cap = e.capacity();
        float[][] scratch = new float[cap][nOut];
        float[][] trow = new float[cap][];
        for (int from = 0; from < x.length; from += cap) {
            int count = Math.min(cap, x.length - from);
            float[][] o = e.outputs(x, null, from, count);
            for (int r = 0; r < count; r++) {
                trow[r] = t[from + r];
                if (Engine.correct(o[r], trow[r], nOut)) {
                    correct++;
                }
            }
            sum += loss.lossAndDelta(out, o, trow, count, nOut, scratch, 1);
        }
        return new double[] {sum / x.length, correct / (double) x.length};
    }

    /** One line: the settings that {@link #fit} will use. */
    @Override
    public String toString() {
        return "Trainer for " + net.architecture() + ": loss " + loss + ", " + optimizer + ", " + epochs
                + " epoch(s), batch " + batchSize + (validationSplit > 0 ? ", validation " + validationSplit : "")
                + (patience > 0 ? ", patience " + patience : "") + (live ? "" : ", live view off");
    }
}
