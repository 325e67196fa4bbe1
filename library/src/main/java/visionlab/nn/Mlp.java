package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import visionlab.data.Dataset;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A multi-layer perceptron (fully connected network): for sizes n_0, n_1, ..., n_L it has L layers
 * a_l = W_l x_{l-1} + b_l, x_l = f_l(a_l), with W_l of shape {@code [n_l x n_{l-1}]}. By the lecture's
 * convention the layer count excludes the input: {@code Mlp.of(2, 2, 1)} is a two-layer net.
 * In the chain x_i = F_i(x_{i-1}, w_i) of the back-propagation slides each Linear and each activation is
 * its own F_i (see {@link #layers()}).
 *
 * <pre>{@code
 * var net  = Mlp.of(2, 2, 1).hidden(Activation.TANH).output(Activation.SIGMOID).seed(1);
 * var hist = net.train(Datasets.xor(), Loss.EUCLIDEAN, Sgd.lr(0.5).momentum(0.9), 500);
 * }</pre>
 *
 * <p>The configuration methods ({@link #hidden}, {@link #output}, {@link #activations}, {@link #init},
 * {@link #seed}) return this net and draw its weights again from the seed; training changes the weights
 * in place. Defaults: hidden ReLU, output identity, Glorot init for tanh/sigmoid hidden units and He for
 * ReLU, seed 1.
 */
public final class Mlp implements Displayable {

    private final int[] sizes;
    Activation[] acts;
    private Init init;
    private long seed = 1;
    float[][][] wt;  // [l][in][out]: W_l transposed, rows for the float kernels
    float[][] bias;  // [l][out]

    private Mlp(int[] sizes) {
        this.sizes = sizes;
        int layers = sizes.length - 1;
        acts = new Activation[layers];
        Arrays.fill(acts, Activation.RELU);
        acts[layers - 1] = Activation.IDENTITY;
        initialise();
    }

    /** A net with layer sizes n_0 (inputs), n_1, ..., n_L (outputs); at least two sizes, each 1..65536. */
    public static Mlp of(int... sizes) {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("sizes: expected at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > 65536) {
                throw new IllegalArgumentException("sizes[" + i + "]: expected 1..65536, got " + sizes[i]);
            }
        }
        return new Mlp(sizes.clone());
    }

    /** The same activation f for every hidden layer. */
    public Mlp hidden(Activation f) {
        requireActivation(f, "hidden");
        if (f.isSoftmax()) {
            throw new IllegalArgumentException("hidden: softmax is for the output layer only");
        }
        for (int l = 0; l < acts.length - 1; l++) {
            acts[l] = f;
        }
        initialise();
        return this;
    }

    /** The output layer's activation (identity for regression, sigmoid / softmax for classes). */
    public Mlp output(Activation f) {
        requireActivation(f, "output");
        if (f != null && f.isSoftmax() && sizes[sizes.length - 1] < 2) {
            throw new IllegalArgumentException("output: softmax needs at least 2 output units (one per class), got "
                    + sizes[sizes.length - 1] + "; for two classes with one output use Activation.SIGMOID");
        }
        acts[acts.length - 1] = f;
        initialise();
        return this;
    }

    /** One activation per layer (L of them, the last for the output layer). */
    public Mlp activations(Activation... perLayer) {
        if (perLayer == null || perLayer.length != acts.length) {
            throw new IllegalArgumentException("activations: expected " + acts.length + " (one per layer), got "
                    + (perLayer == null ? "null" : perLayer.length));
        }
        for (int l = 0; l < perLayer.length; l++) {
            requireActivation(perLayer[l], "activations[" + l + "]");
            if (perLayer[l].isSoftmax() && l < perLayer.length - 1) {
                throw new IllegalArgumentException("activations[" + l + "]: softmax is for the output layer only");
            }
        }
        acts = perLayer.clone();
        initialise();
        return this;
    }

    /** How the weights are drawn: {@link Init#GLOROT}, {@link Init#HE} or {@link Init#uniform}. */
    public Mlp init(Init how) {
        if (how == null) {
            throw new IllegalArgumentException("init: expected Init.GLOROT, Init.HE or Init.uniform(s), got null");
        }
        init = how;
        initialise();
        return this;
    }

    /** The seed that makes initial weights, shuffling and validation splits reproducible. */
    public Mlp seed(long s) {
        seed = s;
        initialise();
        return this;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    private static void requireActivation(Activation f, String name) {
        if (f == null) {
            throw new IllegalArgumentException(name + ": expected an Activation, got null");
        }
    }

    private Init effectiveInit() {
        if (init != null) {
            return init;
        }
        Activation h = acts.length > 1 ? acts[0] : acts[0];
        return h.kind == Activation.Kind.RELU || h.kind == Activation.Kind.LEAKY_RELU ? Init.HE : Init.GLOROT;
    }

    private void initialise() {
        SplittableRandom rnd = new SplittableRandom(seed);
        Init how = effectiveInit();
        int layers = sizes.length - 1;
        wt = new float[layers][][];
        bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            wt[l] = new float[in][out];
            bias[l] = new float[out];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    wt[l][i][o] = (float) how.draw(rnd, in, out);
                }
            }
        }
    }

    /** A copy with the same configuration and current weights. */
    public Mlp copy() {
        Mlp m = new Mlp(sizes.clone());
        m.acts = acts.clone();
        m.init = init;
        m.seed = seed;
        for (int l = 0; l < wt.length; l++) {
            for (int i = 0; i < wt[l].length; i++) {
                m.wt[l][i] = wt[l][i].clone();
            }
            m.bias[l] = bias[l].clone();
        }
        return m;
    }

    /** Layer sizes n_0..n_L. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of inputs n_0. */
    public int inputs() {
        return sizes[0];
    }

    /** Number of outputs n_L. */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** The activation of the output layer. */
    public Activation outputActivation() {
        return acts[acts.length - 1];
    }

    /** The activation of layer l (1..L). */
    public Activation activation(int l) {
        checkLayer(l);
        return acts[l - 1];
    }

    private void checkLayer(int l) {
        if (l < 1 || l > acts.length) {
            throw new IllegalArgumentException("layer: expected 1.." + acts.length + ", got " + l);
        }
    }

    /** W_l, {@code [n_l x n_{l-1}]}, for layer l = 1..L (a double copy). */
    public Matrix weights(int l) {
        checkLayer(l);
        float[][] w = wt[l - 1];
        int in = sizes[l - 1];
        int out = sizes[l];
        double[] d = new double[out * in];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                d[o * in + i] = w[i][o];
            }
        }
        return new Matrix(out, in, d);
    }

    /** b_l, {@code [1 x n_l]}, for layer l = 1..L. */
    public Matrix bias(int l) {
        checkLayer(l);
        float[] b = bias[l - 1];
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i];
        }
        return new Matrix(1, b.length, d);
    }

    /** Replaces W_l and b_l (rounded to float32). */
    public Mlp setWeights(int l, Matrix w, Matrix b) {
        checkLayer(l);
        int in = sizes[l - 1];
        int out = sizes[l];
        if (w == null || w.rows() != out || w.cols() != in) {
            throw new IllegalArgumentException("weights: expected [" + out + "x" + in + "], got "
                    + (w == null ? "null" : w.shape()));
        }
        if (b == null || b.rows() * b.cols() != out) {
            throw new IllegalArgumentException("bias: expected " + out + " values, got " + (b == null ? "null" : b.shape()));
        }
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                wt[l - 1][i][o] = (float) w.get(o, i);
            }
            bias[l - 1][o] = (float) b.data()[o];
        }
        return this;
    }

    /** Number of weights and biases. */
    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            n += (sizes[l] + 1) * sizes[l + 1];
        }
        return n;
    }

    /**
     * The chain F_1..F_n in double precision, Linear and activation layers alternating (snapshots of the
     * current weights): x_1 = W_1 x_0 + b_1, x_2 = f_1(x_1), ...
     */
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            out.add(new Linear(sizes[l - 1], sizes[l], weights(l).data(), bias(l).data()));
            out.add(acts[l - 1]);
        }
        return out;
    }

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

    /** Back-propagation from dC/dx_n through the layers of {@code f} (same as {@code f.backward(dCdxn)}). */
    public Gradients backward(Forward f, Matrix dCdxn) {
        return f.backward(dCdxn);
    }

    /** The gradients of the mean loss over {@code data} (double precision). */
    public Gradients gradients(Dataset data, Loss loss) {
        requireData(data, loss);
        Forward f = forward(data.inputs());
        return f.backward(loss.gradient(f.output(), data.targets(outputs())));
    }

    private void requireInput(Matrix x) {
        if (x == null || x.cols() != sizes[0]) {
            throw new IllegalArgumentException("x: expected [B x " + sizes[0] + "], got " + (x == null ? "null" : x.shape()));
        }
    }

    void requireData(Dataset data, Loss loss) {
        if (data == null) {
            throw new IllegalArgumentException("data: expected a Dataset, got null");
        }
        if (data.inputSize() != sizes[0]) {
            throw new IllegalArgumentException("data: expected inputs of " + sizes[0] + " values, got "
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
        double[] d = new double[out.length * outputs()];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < outputs(); c++) {
                d[r * outputs() + c] = out[r][c];
            }
        }
        return new Matrix(out.length, outputs(), d);
    }

    /** The output for one input vector. */
    public double[] predict(double... x) {
        return predict(Matrix.row(x)).row(0);
    }

    /** Float32 outputs for rows (copied out). */
    float[][] outputs(float[][] rows) {
        Engine e = new Engine(this, Math.min(rows.length, 256), 1);
        float[][] out = new float[rows.length][];
        for (int from = 0; from < rows.length; from += e.capacity()) {
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
        if (data == null || data.inputSize() != sizes[0]) {
            throw new IllegalArgumentException("data: expected inputs of " + sizes[0] + " values, got "
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
        Engine e = new Engine(this, Math.min(x.length, 256), 1);
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

    /** e.g. {@code 2-2-1 (tanh, sigmoid)}. */
    public String architecture() {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-")) + " ("
                + Arrays.stream(acts).map(Activation::name).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<table><tr><th>layer</th><th>F_i</th><th>W</th><th>b</th></tr>");
        int i = 1;
        for (int l = 1; l < sizes.length; l++) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>Linear(%d-&gt;%d)</td><td>[%dx%d]</td><td>[%d]</td></tr>",
                    i++, sizes[l - 1], sizes[l], sizes[l], sizes[l - 1], sizes[l]));
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td></td><td></td></tr>", i++,
                    acts[l - 1].name()));
        }
        h.append("</table>");
        return MimeBundle.html("<p>" + toString() + "</p>" + h, toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mlp %s, %d parameters, init %s, seed %d", architecture(),
                parameterCount(), effectiveInit(), seed);
    }
}
