package visionlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A convolutional network: convolutions, non-linearities and pooling on stacks of maps C x H x W, then
 * fully connected layers, each layer one F_i of the chain x_i = F_i(x_{i-1}, w_i) as in an {@link Mlp}
 * (same trainer, loss, optimizers, gradient check). LeNet-5 on 28x28 digits:
 *
 * <pre>{@code
 * var net = Cnn.lenet5(10).seed(1);
 * var net = Cnn.input(1, 28, 28).conv(6, 5).relu().maxPool(2).conv(16, 5).relu().maxPool(2)
 *              .dense(120).relu().dense(84).relu().dense(10).softmax().seed(1);   // the same, spelled out
 * net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(0.001)).batchSize(64).epochs(5).fit(train);
 * }</pre>
 *
 * <p>Each builder call adds a layer (an activation attaches to the layer before it) and draws every weight
 * again from the seed: He init before ReLU, Glorot otherwise (or {@link #init}); biases 0. A dense layer
 * after maps flattens them first. Inputs are rows of C*H*W values (channel after channel, row after row).
 */
public final class Cnn extends Net implements Displayable {

    private final MapShape input;
    private final List<Stage> stages = new ArrayList<>();
    private Init init;
    private long seed = 1;

    private Cnn(MapShape input) {
        this.input = input;
    }

    /** A net on inputs of {@code channels} maps of {@code height x width} (1, 28, 28 for MNIST). */
    public static Cnn input(int channels, int height, int width) {
        return new Cnn(new MapShape(channels, height, width));
    }

    /**
     * LeNet-5 (LeCun et al. 1998) for 28x28 grey digits, as in the lecture: conv 6@5x5, ReLU, max pool 2,
     * conv 16@5x5, ReLU, max pool 2, then 256-120-84-{@code classes} fully connected with softmax.
     */
    public static Cnn lenet5(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes: expected at least 2, got " + classes);
        }
        return input(1, 28, 28).conv(6, 5).relu().maxPool(2).conv(16, 5).relu().maxPool(2)
                .dense(120).relu().dense(84).relu().dense(classes).softmax();
    }

    // ------------------------------------------------------------------ building

    /** The shape after the last layer (the input's before any). */
    public MapShape shape() {
        return stages.isEmpty() ? input : stages.get(stages.size() - 1).out;
    }

    private boolean flat() {
        return !stages.isEmpty() && (stages.get(stages.size() - 1) instanceof DenseStage
                || stages.get(stages.size() - 1) instanceof FlattenStage);
    }

    private void requireOpen(String what) {
        if (!stages.isEmpty() && stages.get(stages.size() - 1).act != null
                && stages.get(stages.size() - 1).act.isSoftmax()) {
            throw new IllegalArgumentException(what + ": the net already ends with softmax (the output layer)");
        }
    }

    private void requireMaps(String what) {
        requireOpen(what);
        if (flat()) {
            throw new IllegalArgumentException(what + ": expected maps C x H x W, but the net is flattened to "
                    + shape().size() + " values; convolutions and pooling come before dense layers");
        }
    }

    private Cnn add(Stage s) {
        stages.add(s);
        initialise();
        return this;
    }

    /** A convolution with {@code channels} output maps, k x k kernels, stride 1, no padding. */
    public Cnn conv(int channels, int k) {
        return conv(channels, k, 1, 0);
    }

    /** A convolution with {@code channels} output maps, k x k kernels, the stride and zero padding given. */
    public Cnn conv(int channels, int k, int stride, int padding) {
        requireMaps("conv");
        return add(new ConvStage(shape(), channels, k, stride, padding));
    }

    /** Max pooling over s x s windows (s must divide the height and width). */
    public Cnn maxPool(int s) {
        requireMaps("maxPool");
        return add(new PoolStage(Pool.Kind.MAX, shape(), s));
    }

    /** Average pooling over s x s windows (s must divide the height and width). */
    public Cnn avgPool(int s) {
        requireMaps("avgPool");
        return add(new PoolStage(Pool.Kind.AVERAGE, shape(), s));
    }

    /** Reads the maps as one vector of C*H*W values (added by {@link #dense} when needed). */
    public Cnn flatten() {
        requireMaps("flatten");
        return add(new FlattenStage(shape()));
    }

    /** A fully connected layer of {@code units} outputs (flattening maps first). */
    public Cnn dense(int units) {
        requireOpen("dense");
        if (units < 1 || units > 65536) {
            throw new IllegalArgumentException("dense: expected 1..65536 units, got " + units);
        }
        if (!flat()) {
            stages.add(new FlattenStage(shape()));
        }
        return add(new DenseStage(shape(), units));
    }

    /** The non-linearity f after the last layer. */
    public Cnn activation(Activation f) {
        if (f == null) {
            throw new IllegalArgumentException("activation: expected an Activation, got null");
        }
        String what = f.name();
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(what + ": expected a layer before it (conv, pool or dense), got none");
        }
        Stage last = stages.get(stages.size() - 1);
        if (last.act != null) {
            throw new IllegalArgumentException(what + ": the layer before already has the activation "
                    + last.act.name() + "; put a layer between two activations");
        }
        if (f.isSoftmax() && !(last instanceof DenseStage)) {
            throw new IllegalArgumentException("softmax: expected after a dense layer (one output per class), got "
                    + last.layer().name());
        }
        last.act = f;
        initialise();
        return this;
    }

    /** ReLU after the last layer. */
    public Cnn relu() {
        return activation(Activation.RELU);
    }

    /** tanh after the last layer. */
    public Cnn tanh() {
        return activation(Activation.TANH);
    }

    /** The sigmoid after the last layer. */
    public Cnn sigmoid() {
        return activation(Activation.SIGMOID);
    }

    /** Softmax after the last (dense) layer: the output layer for classes. */
    public Cnn softmax() {
        return activation(Activation.SOFTMAX);
    }

    /** How the weights are drawn for every layer: {@link Init#GLOROT}, {@link Init#HE} or {@link Init#uniform}. */
    public Cnn init(Init how) {
        if (how == null) {
            throw new IllegalArgumentException("init: expected Init.GLOROT, Init.HE or Init.uniform(s), got null");
        }
        init = how;
        initialise();
        return this;
    }

    /** The seed that makes initial weights, shuffling and validation splits reproducible. */
    public Cnn seed(long s) {
        seed = s;
        initialise();
        return this;
    }

    private void initialise() {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Stage s : stages) {
            Init how = init != null ? init
                    : s.act != null && (s.act.kind == Activation.Kind.RELU || s.act.kind == Activation.Kind.LEAKY_RELU)
                            ? Init.HE : Init.GLOROT;
            s.initialise(rnd, how);
        }
    }

    private void requireBuilt() {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("net: expected at least one layer after input(...), got none");
        }
    }

    // ------------------------------------------------------------------ Net

    @Override
    public long seed() {
        return seed;
    }

    /** The input shape C x H x W. */
    public MapShape inputShape() {
        return input;
    }

    @Override
    public int inputs() {
        return input.size();
    }

    @Override
    public int outputs() {
        return shape().size();
    }

    @Override
    public Activation outputActivation() {
        requireBuilt();
        Activation a = stages.get(stages.size() - 1).act;
        return a == null ? Activation.IDENTITY : a;
    }

    @Override
    public int parameterCount() {
        return stages.stream().mapToInt(Stage::parameterCount).sum();
    }

    @Override
    public List<Layer> layers() {
        requireBuilt();
        List<Layer> out = new ArrayList<>();
        for (Stage s : stages) {
            out.add(s.layer());
            if (s.act != null) {
                out.add(s.act);
            }
        }
        return out;
    }

    @Override
    TrainingEngine engine(int maxBatch, int threads) {
        requireBuilt();
        MapShape last = shape();
        if (last.channels() == 1 && last.height() == 1) {
            return new CnnEngine(stages, maxBatch, threads);
        }
        List<Stage> withFlatten = new ArrayList<>(stages); // the output rows of a net that ends with maps
        withFlatten.add(new FlattenStage(last));
        return new CnnEngine(withFlatten, maxBatch, threads);
    }

    @Override
    List<float[]> parameters() {
        List<float[]> p = new ArrayList<>();
        for (Stage s : stages) {
            p.addAll(s.parameters());
        }
        return p;
    }

    @Override
    long workPerExample() {
        return stages.stream().mapToLong(Stage::work).sum();
    }

    @Override
    String kind() {
        return "Cnn";
    }

    // ------------------------------------------------------------------ looking inside

    private List<ConvStage> convs() {
        List<ConvStage> c = new ArrayList<>();
        for (Stage s : stages) {
            if (s instanceof ConvStage cs) {
                c.add(cs);
            }
        }
        return c;
    }

    /** W and b of convolution number {@code i} (0 = the first) as a {@link Conv2d} snapshot. */
    public Conv2d convLayer(int i) {
        List<ConvStage> c = convs();
        if (i < 0 || i >= c.size()) {
            throw new IllegalArgumentException("i: expected 0.." + (c.size() - 1) + " (the net has " + c.size()
                    + " convolutions), got " + i);
        }
        return (Conv2d) c.get(i).layer();
    }

    /**
     * The kernels of convolution number {@code i} (0 = the first layer) as a labelled mosaic, mid grey = 0:
     * one row per output map, one tile per input channel ("k3" is kernel 3; "k3 c2" its slice on input
     * map 2), each k x k kernel magnified to about 60 pixels.
     */
    public Mosaic filters(int i) {
        Conv2d c = convLayer(i);
        int k = c.kernelSize();
        int cin = c.inputShape().channels();
        int cout = c.outputShape().channels();
        double[] w = c.w;
        List<List<Image>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int o = 0; o < cout; o++) {
            for (int ch = 0; ch < cin; ch++) {
                if (cin > 1 ? ch == 0 : o % 8 == 0) {
                    rows.add(new ArrayList<>());
                }
                float[] px = new float[k * k];
                for (int q = 0; q < k * k; q++) {
                    px[q] = (float) w[(o * cin + ch) * k * k + q];
                }
                rows.get(rows.size() - 1).add(Image.of(k, k, px));
                labels.add(cin == 1 ? "k" + (o + 1) : "k" + (o + 1) + " c" + (ch + 1));
            }
        }
        return Mosaic.grid(rows).range(Mosaic.Range.AROUND_ZERO).zoom(Math.max(1, 60 / k))
                .labels(labels.toArray(new String[0]))
                .title(String.format(Locale.ROOT, "learned kernels of %s (layer %d), grey = 0", c.name(), i + 1));
    }

    /** Every layer's output for one input (a row of C*H*W values): maps as pictures, vectors as strips. */
    public FeatureMaps featureMaps(double... x) {
        requireBuilt();
        if (x == null || x.length != inputs()) {
            throw new IllegalArgumentException("x: expected one input of " + inputs() + " values (" + input
                    + "), got " + (x == null ? "null" : x.length));
        }
        Forward f = forward(Matrix.row(x));
        List<MapShape> shapes = new ArrayList<>();
        shapes.add(input);
        for (Stage s : stages) {
            shapes.add(s.out);
            if (s.act != null) {
                shapes.add(s.out);
            }
        }
        return new FeatureMaps(f, shapes);
    }

    /** e.g. {@code 1x28x28 -> conv 6@5x5 relu -> maxpool 2 -> ... -> dense 10 softmax}. */
    @Override
    public String architecture() {
        StringBuilder b = new StringBuilder(input.toString());
        for (Stage s : stages) {
            if (s instanceof FlattenStage) {
                continue;
            }
            b.append(" -> ");
            if (s instanceof ConvStage c) {
                b.append("conv ").append(c.cout).append('@').append(c.k).append('x').append(c.k);
                if (c.stride != 1) {
                    b.append("/").append(c.stride);
                }
                if (c.pad != 0) {
                    b.append(" pad ").append(c.pad);
                }
            } else if (s instanceof PoolStage p) {
                b.append(p.kind == Pool.Kind.MAX ? "maxpool " : "avgpool ").append(p.s);
            } else if (s instanceof DenseStage d) {
                b.append("dense ").append(d.nOut);
            }
            if (s.act != null) {
                b.append(' ').append(s.act.name());
            }
        }
        return b.toString();
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<p>" + toString() + "</p><table><tr><th>i</th><th>layer F_i</th>"
                + "<th>x_i</th><th>W</th><th>b</th></tr>");
        h.append("<tr><td>0</td><td>input</td><td>").append(input).append("</td><td></td><td></td></tr>");
        int i = 1;
        for (Stage s : stages) {
            Layer l = s.layer();
            String w = "";
            String bias = "";
            if (s instanceof ConvStage c) {
                w = "[" + c.cout + "x" + c.kk + "]";
                bias = "[" + c.cout + "]";
            } else if (s instanceof DenseStage d) {
                w = "[" + d.nOut + "x" + d.nIn + "]";
                bias = "[" + d.nOut + "]";
            }
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    i++, l.name(), s.out, w, bias));
            if (s.act != null) {
                h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td></td><td></td></tr>",
                        i++, s.act.name(), s.out));
            }
        }
        return MimeBundle.html(h.append("</table>").toString(), toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Cnn %s, %d parameters, seed %d", architecture(), parameterCount(), seed);
    }
}
