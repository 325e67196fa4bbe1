package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
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
public final class Mlp extends Net implements Displayable {

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
    @Override
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
    @Override
    public int inputs() {
        return sizes[0];
    }

    /** Number of outputs n_L. */
    @Override
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** The activation of the output layer. */
    @Override
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
    @Override
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
    @Override
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            out.add(new Linear(sizes[l - 1], sizes[l], weights(l).data(), bias(l).data()));
            out.add(acts[l - 1]);
        }
        return out;
    }

    /** Back-propagation from dC/dx_n through the layers of {@code f} (same as {@code f.backward(dCdxn)}). */
    public Gradients backward(Forward f, Matrix dCdxn) {
        return f.backward(dCdxn);
    }

    @Override
    TrainingEngine engine(int maxBatch, int threads) {
        return new Engine(this, maxBatch, threads);
    }

    @Override
    List<float[]> parameters() {
        List<float[]> p = new ArrayList<>();
        for (int l = 0; l < wt.length; l++) {
            p.addAll(Arrays.asList(wt[l]));
            p.add(bias[l]);
        }
        return p;
    }

    @Override
    long workPerExample() {
        return parameterCount();
    }

    @Override
    String kind() {
        return "Mlp";
    }

    /** e.g. {@code 2-2-1 (tanh, sigmoid)}. */
    @Override
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
