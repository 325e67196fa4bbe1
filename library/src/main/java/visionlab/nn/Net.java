package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import visionlab.data.Dataset;

/**
 * What every network here is: a chain x_i = F_i(x_{i-1}, w_i) from the input x_0 to the output x_n,
 * trained by the same {@link Trainer} (mini-batches, one optimizer step per batch, history, live loss
 * plot, early stopping, interrupt). {@link Mlp} (fully connected) and {@link Cnn} (convolutional) are the
 * two kinds; rows of a batch are the examples.
 */
public abstract sealed class Net permits Mlp, Cnn {

    Net() {
    }

    /** Number of input values n_0 per example. */
    public abstract int inputs();

    /** Number of outputs n_L. */
    public abstract int outputs();

    /** The activation of the output layer. */
    public abstract Activation outputActivation();

    /** The seed that makes initial weights, shuffling and validation splits reproducible. */
    public abstract long seed();

    /** Number of weights and biases. */
    public abstract int parameterCount();

    /** The chain F_1..F_n in double precision (snapshots of the current weights). */
    public abstract List<Layer> layers();

    /** A one-line description of the layers, e.g. {@code 2-2-1 (tanh, sigmoid)}. */
    public abstract String architecture();

    /** The float32 engine: forward and backward passes on mini-batches of up to {@code maxBatch} rows. */
    abstract TrainingEngine engine(int maxBatch, int threads);

    /** The float32 parameter arrays the optimizer updates in place, in the order of the engine's gradients. */
    abstract List<float[]> parameters();

    /** Multiply-adds of one example's forward pass (decides whether two threads pay). */
    abstract long workPerExample();

    /** "Mlp" or "Cnn", for titles. */
    abstract String kind();

    /** The forward pass in double precision: every x_i for the rows of {@code x} ({@code [B x n_0]}). */
    public Forward forward(Matrix x) {
        requireInput(x);
        return forward(layers(), x);
    }

    /** The forward pass for one input vector. */
    public Forward forward(double... x) {
        return forward(Matrix.row(x));
    }

    static Forward forward(List<Layer> layers, Matrix x) {
        List<Matrix> xs = new ArrayList<>();
        xs.add(x);
        for (Layer f : layers) {
            xs.add(f.forward(xs.get(xs.size() - 1)));
        }
        return new Forward(layers, xs);
    }

    /** The gradients of the mean loss over {@code data} (double precision). */
    public Gradients gradients(Dataset data, Loss loss) {
        requireData(data, loss);
        Forward f = forward(data.inputs());
        return f.backward(loss.gradient(f.output(), data.targets(outputs())));
    }

    void requireInput(Matrix x) {
        if (x == null || x.cols() != inputs()) {
            throw new IllegalArgumentException("x: expected [B x " + inputs() + "], got " + (x == null ? "null" : x.shape()));
        }
    }

    void requireData(Dataset data, Loss loss) {
        if (data == null) {
            throw new IllegalArgumentException("data: expected a Dataset, got null");
        }
        if (data.inputSize() != inputs()) {
            throw new IllegalArgumentException("data: expected inputs of " + inputs() + " values, got "
                    + data.inputSize() + " (" + data.name() + ")");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss: expected a Loss, got null");
        }
        loss.requireFits(outputActivation());
        data.targetRows(outputs()); // throws if the targets do not fit
    }

    /** The network output x_n for each row of {@code x} (float32 path). */
    public Matrix predict(Matrix x) {
        requireInput(x);
        float[][] rows = new float[x.rows()][x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                rows[r][c] = (float) x.data()[r * x.cols() + c];
            }
        }
        float[][] out = outputs(rows);
        int n = outputs();
        double[] d = new double[out.length * n];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < n; c++) {
                d[r * n + c] = out[r][c];
            }
        }
        return new Matrix(out.length, n, d);
    }

    /** The output for one input vector. */
    public double[] predict(double... x) {
        return predict(Matrix.row(x)).row(0);
    }

    /** Float32 outputs for rows (copied out). */
    float[][] outputs(float[][] rows) {
        TrainingEngine e = engine(Math.min(rows.length, 256), 1);
        float[][] out = new float[rows.length][];
        for (int from = 0; from < rows.length; from += e.capacity()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("forward passes interrupted");
            }
            int count = Math.min(e.capacity(), rows.length - from);
            float[][] o = e.outputs(rows, null, from, count);
            for (int r = 0; r < count; r++) {
                out[from + r] = Arrays.copyOf(o[r], outputs());
            }
        }
        return out;
    }

    /** The predicted class per example: arg max of the outputs (for one output: 1 when it exceeds 0.5). */
    public int[] classify(Dataset data) {
        if (data == null || data.inputSize() != inputs()) {
            throw new IllegalArgumentException("data: expected inputs of " + inputs() + " values, got "
                    + (data == null ? "null" : data.inputSize()));
        }
        float[][] out = outputs(data.inputRowsView());
        int[] k = new int[out.length];
        for (int r = 0; r < out.length; r++) {
            k[r] = classOf(out[r]);
        }
        return k;
    }

    static int classOf(float[] o) {
        if (o.length == 1) {
            return o[0] > 0.5f ? 1 : 0;
        }
        int a = 0;
        for (int c = 1; c < o.length; c++) {
            if (o[c] > o[a]) {
                a = c;
            }
        }
        return a;
    }

    /** The fraction of examples of a labelled set classified correctly. */
    public double accuracy(Dataset data) {
        int[] pred = classify(data);
        int[] truth = data.labels();
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == truth[i]) {
                ok++;
            }
        }
        return ok / (double) pred.length;
    }

    /** The mean loss E over {@code data} (float32 path). */
    public double loss(Dataset data, Loss loss) {
        requireData(data, loss);
        float[][] x = data.inputRowsView();
        float[][] t = data.targetRows(outputs());
        TrainingEngine e = engine(Math.min(x.length, 256), 1);
        return Trainer.meanLoss(e, x, t, loss, outputActivation(), outputs());
    }

    /**
     * Trains with mini-batches of 32 (or the whole set when smaller) for {@code epochs} epochs, shuffled
     * each epoch; in a notebook the loss curve updates live. See {@link #trainer()} for all options.
     */
    public History train(Dataset data, Loss loss, Optimizer optimizer, int epochs) {
        return trainer().loss(loss).optimizer(optimizer).epochs(epochs).fit(data);
    }

    /** The full set of training options: {@code net.trainer().loss(..).optimizer(..).batchSize(64).fit(data)}. */
    public Trainer trainer() {
        return new Trainer(this);
    }
}
