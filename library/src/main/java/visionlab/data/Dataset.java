package visionlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.nn.Matrix;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A training set {x^m, y^m}, m = 1..N: inputs x^m (vectors of {@link #inputSize()} values) with either
 * class labels (0..classes-1) or real-valued targets. Stored in float32. A set of 2-D points shows itself
 * as a scatter plot, a 1-D function set as its samples, an image set as a grid of examples.
 *
 * <pre>{@code var split = Datasets.digits8x8().split(0.8, 1); split.train(); split.test();}</pre>
 */
public final class Dataset implements Displayable {

    private final String name;
    private final float[][] x;
    private final float[][] y;     // real targets, or null
    private final int[] labels;    // or null
    private final int classes;
    private final int imageWidth;  // > 0 for image sets
    private final int imageHeight;

    private Dataset(String name, float[][] x, float[][] y, int[] labels, int classes, int imageWidth,
            int imageHeight) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.labels = labels;
        this.classes = classes;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /** A regression set: rows of {@code inputs} and {@code targets} (copied), same number of rows. */
    public static Dataset of(String name, double[][] inputs, double[][] targets) {
        float[][] xs = rows(inputs, "inputs");
        float[][] ys = rows(targets, "targets");
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("targets: expected " + xs.length + " rows (one per input), got "
                    + ys.length);
        }
        return new Dataset(name, xs, ys, null, 0, 0, 0);
    }

    /** A classification set: rows of {@code inputs} with labels in 0..classes-1 (copied). */
    public static Dataset classification(String name, double[][] inputs, int[] labels, int classes) {
        return classificationOf(name, rows(inputs, "inputs"), labels == null ? null : labels.clone(), classes, 0, 0);
    }

    static Dataset classificationOf(String name, float[][] xs, int[] labels, int classes, int w, int h) {
        if (labels == null) {
            throw new IllegalArgumentException("labels: expected one label per input, got null");
        }
        if (labels.length != xs.length) {
            throw new IllegalArgumentException("labels: expected " + xs.length + " labels (one per input), got "
                    + labels.length);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes: expected at least 2, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "]: expected 0.." + (classes - 1) + ", got "
                        + labels[i]);
            }
        }
        return new Dataset(name, xs, null, labels, classes, w, h);
    }

    /** Checks a row-array: not empty, rectangular, finite; returns float copies. */
    static float[][] rows(double[][] v, String what) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(what + ": expected at least one row, got "
                    + (v == null ? "null" : "an empty array"));
        }
        int d = v[0] == null ? 0 : v[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(what + "[0]: expected at least one value");
        }
        float[][] out = new float[v.length][d];
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null || v[i].length != d) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected " + d + " values, got "
                        + (v[i] == null ? "null" : v[i].length));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(v[i][j])) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "]: expected a finite number, got "
                            + v[i][j]);
                }
                out[i][j] = (float) v[i][j];
            }
        }
        return out;
    }

    /** Marks this set as images of {@code w x h} (for display). */
    Dataset asImages(int w, int h) {
        return new Dataset(name, x, y, labels, classes, w, h);
    }

    /** Same data, another name. */
    public Dataset named(String newName) {
        return new Dataset(newName, x, y, labels, classes, imageWidth, imageHeight);
    }

    /** The name shown in titles. */
    public String name() {
        return name;
    }

    /** N, the number of examples. */
    public int size() {
        return x.length;
    }

    /** Length of each input vector. */
    public int inputSize() {
        return x[0].length;
    }

    /** True for a labelled (classification) set. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Number of classes (0 for a regression set). */
    public int classes() {
        return classes;
    }

    /** Width of the images (0 when the inputs are not images). */
    public int imageWidth() {
        return imageWidth;
    }

    /** Height of the images (0 when the inputs are not images). */
    public int imageHeight() {
        return imageHeight;
    }

    /** Labels (a copy), or throws for a regression set. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalArgumentException("dataset: " + name + " has real-valued targets, not labels");
        }
        return labels.clone();
    }

    /** Input m (a copy). */
    public double[] input(int m) {
        float[] r = x[m];
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i];
        }
        return out;
    }

    /** The inputs as an {@code [N x d]} matrix. */
    public Matrix inputs() {
        return toMatrix(x);
    }

    /** Targets as an {@code [N x k]} matrix: the real targets, or the one-hot labels. */
    public Matrix targets() {
        return toMatrix(y != null ? y : oneHot());
    }

    /** Targets fitted to a network output of {@code outputs} units (see {@link #targetRows}). */
    public Matrix targets(int outputs) {
        return toMatrix(targetRows(outputs));
    }

    /** One-hot rows: row m has 1 in column labels[m], 0 elsewhere. */
    public float[][] oneHot() {
        if (labels == null) {
            throw new IllegalArgumentException("dataset: " + name + " has no labels to one-hot encode");
        }
        float[][] t = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            t[i][labels[i]] = 1;
        }
        return t;
    }

    /** Input rows as float32 copies. */
    public float[][] inputRows() {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /**
     * The stored input rows themselves, not copied (a training loop reads them without copying a large
     * set). Read-only by contract: changing them changes this data set.
     */
    public float[][] inputRowsView() {
        return x.clone();
    }

    /**
     * Target rows (float32 copies) for a network with {@code outputs} output units: the real targets
     * (which must have that width); or for labels, one-hot when {@code outputs == classes}, the label itself
     * (0 or 1) when {@code outputs == 1} and there are 2 classes.
     */
    public float[][] targetRows(int outputs) {
        if (y != null) {
            if (y[0].length != outputs) {
                throw new IllegalArgumentException("targets: " + name + " has " + y[0].length
                        + " target values per example, the network has " + outputs + " outputs");
            }
            float[][] out = new float[y.length][];
            for (int i = 0; i < y.length; i++) {
                out[i] = y[i].clone();
            }
            return out;
        }
        if (outputs == classes) {
            return oneHot();
        }
        if (outputs == 1 && classes == 2) {
            float[][] t = new float[labels.length][1];
            for (int i = 0; i < labels.length; i++) {
                t[i][0] = labels[i];
            }
            return t;
        }
        throw new IllegalArgumentException("labels: " + name + " has " + classes
                + " classes, which do not fit a network with " + outputs + " outputs (expected " + classes
                + (classes == 2 ? " or 1" : "") + ")");
    }

    /** The examples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("indices: expected at least one index");
        }
        float[][] xs = new float[indices.length][];
        float[][] ys = y == null ? null : new float[indices.length][];
        int[] ls = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int m = indices[i];
            if (m < 0 || m >= x.length) {
                throw new IllegalArgumentException("indices[" + i + "]: expected 0.." + (x.length - 1) + ", got " + m);
            }
            xs[i] = x[m];
            if (ys != null) {
                ys[i] = y[m];
            }
            if (ls != null) {
                ls[i] = labels[m];
            }
        }
        return new Dataset(name, xs, ys, ls, classes, imageWidth, imageHeight);
    }

    /** A random permutation of 0..N-1 drawn from {@code seed} (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The examples in a random order drawn from {@code seed}. */
    public Dataset shuffled(long seed) {
        return subset(permutation(size(), seed));
    }

    /** Training and test parts of a dataset. */
    public record Split(Dataset train, Dataset test) {
        @Override
        public String toString() {
            return "Split: train " + train.size() + ", test " + test.size() + " examples of " + train.name();
        }
    }

    /**
     * Shuffles with {@code seed} and puts the first round(fraction N) examples in {@code train}, the rest in
     * {@code test}; both parts get at least one example.
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction: expected 0 < fraction < 1, got " + trainFraction);
        }
        if (size() < 2) {
            throw new IllegalArgumentException("dataset: expected at least 2 examples to split, got " + size());
        }
        int nTrain = (int) Math.max(1, Math.min(size() - 1, Math.round(trainFraction * size())));
        int[] p = permutation(size(), seed);
        int[] a = java.util.Arrays.copyOfRange(p, 0, nTrain);
        int[] b = java.util.Arrays.copyOfRange(p, nTrain, p.length);
        return new Split(subset(a).named(name + " (train)"), subset(b).named(name + " (test)"));
    }

    /** Input m as an image (image sets only). */
    public Image image(int m) {
        if (imageWidth == 0) {
            throw new IllegalArgumentException("dataset: " + name + " does not hold images");
        }
        return Image.of(imageWidth, imageHeight, x[m].clone());
    }

    private static Matrix toMatrix(float[][] rows) {
        double[][] d = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            d[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                d[i][j] = rows[i][j];
            }
        }
        return Matrix.of(d);
    }

    @Override
    public MimeBundle mimeBundle() {
        if (imageWidth > 0) {
            List<List<Image>> grid = new ArrayList<>();
            int shown = Math.min(size(), 40);
            for (int r = 0; r * 10 < shown; r++) {
                List<Image> row = new ArrayList<>();
                for (int c = 0; c < 10 && r * 10 + c < shown; c++) {
                    row.add(image(r * 10 + c));
                }
                grid.add(row);
            }
            int zoom = Math.max(1, 48 / imageWidth);
            return MimeBundle.png(Mosaic.grid(grid).range(Mosaic.Range.SHARED).zoom(zoom).image().toPng(),
                    toString());
        }
        if (inputSize() <= 2) {
            return Scatter.of(this).mimeBundle();
        }
        return MimeBundle.text(toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Dataset %s: %d examples, %d input%s, %s", name, size(), inputSize(), inputSize() == 1 ? "" : "s",
                labels != null ? classes + " classes" : y[0].length + " target value(s)");
    }
}
