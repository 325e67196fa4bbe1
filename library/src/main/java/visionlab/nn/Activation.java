package visionlab.nn;

import java.util.Locale;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A point-wise non-linearity y = f(a) with its derivative f'(a), as on the slides: sigmoid, tanh, ReLU,
 * leaky ReLU, identity; plus softmax, which acts on a whole row: y_k = exp(a_k) / sum_j exp(a_j).
 * Used as a {@link Layer} with no weights: dC/da = dC/dy * f'(a) (for softmax, dC/dy times its Jacobian
 * diag(y) - y y^T).
 */
public final class Activation implements Layer, Displayable {

    enum Kind { SIGMOID, TANH, RELU, LEAKY_RELU, IDENTITY, SOFTMAX }

    /** sigmoid(a) = 1 / (1 + e^-a); f' = f (1 - f). */
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);
    /** tanh(a) = (e^a - e^-a) / (e^a + e^-a); f' = 1 - f^2. */
    public static final Activation TANH = new Activation(Kind.TANH, 0);
    /** ReLU(a) = max(0, a); f' = 1 for a &gt; 0, else 0. */
    public static final Activation RELU = new Activation(Kind.RELU, 0);
    /** identity(a) = a (linear output units); f' = 1. */
    public static final Activation IDENTITY = new Activation(Kind.IDENTITY, 0);
    /** softmax(a)_k = e^{a_k} / sum_j e^{a_j} over a row; Jacobian diag(y) - y y^T. */
    public static final Activation SOFTMAX = new Activation(Kind.SOFTMAX, 0);

    final Kind kind;
    final double alpha;

    private Activation(Kind kind, double alpha) {
        this.kind = kind;
        this.alpha = alpha;
    }

    /** Leaky ReLU: f(a) = a for a &gt; 0, alpha a otherwise (non-zero gradient everywhere). */
    public static Activation leakyRelu(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha: expected 0 <= alpha < 1, got " + alpha);
        }
        return new Activation(Kind.LEAKY_RELU, alpha);
    }

    /** True for softmax, which couples the units of a row. */
    public boolean isSoftmax() {
        return kind == Kind.SOFTMAX;
    }

    /** f(a) for a point-wise activation (softmax: throws, it needs a whole row). */
    public double apply(double a) {
        switch (kind) {
            case SIGMOID:
                return sigmoid(a);
            case TANH:
                return Math.tanh(a);
            case RELU:
                return a > 0 ? a : 0;
            case LEAKY_RELU:
                return a > 0 ? a : alpha * a;
            case IDENTITY:
                return a;
            default:
                throw new IllegalArgumentException("softmax: acts on a whole row, use forward(Matrix)");
        }
    }

    /** f'(a) for a point-wise activation (softmax: throws). */
    public double derivative(double a) {
        switch (kind) {
            case SIGMOID: {
                double s = sigmoid(a);
                return s * (1 - s);
            }
            case TANH: {
                double t = Math.tanh(a);
                return 1 - t * t;
            }
            case RELU:
                return a > 0 ? 1 : 0;
            case LEAKY_RELU:
                return a > 0 ? 1 : alpha;
            case IDENTITY:
                return 1;
            default:
                throw new IllegalArgumentException("softmax: its derivative is a Jacobian, use backward(...)");
        }
    }

    /** tanh for the float32 path: (1 - e^{-2|a|}) / (1 + e^{-2|a|}) with a's sign, in double, then rounded. */
    static float tanhFloat(float a) {
        double e = Math.exp(-2.0 * Math.abs(a));
        double t = (1 - e) / (1 + e);
        return (float) (a < 0 ? -t : t);
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    @Override
    public String name() {
        return kind == Kind.LEAKY_RELU ? String.format(Locale.ROOT, "leakyReLU(%.3g)", alpha)
                : kind.name().toLowerCase(Locale.ROOT).replace("relu", "ReLU");
    }

    @Override
    public Matrix forward(Matrix x) {
        double[] a = x.data();
        double[] y = new double[a.length];
        if (kind == Kind.SOFTMAX) {
            int n = x.cols();
            for (int r = 0; r < x.rows(); r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    max = Math.max(max, a[r * n + c]);
                }
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    y[r * n + c] = Math.exp(a[r * n + c] - max);
                    sum += y[r * n + c];
                }
                for (int c = 0; c < n; c++) {
                    y[r * n + c] /= sum;
                }
            }
        } else {
            for (int i = 0; i < a.length; i++) {
                y[i] = apply(a[i]);
            }
        }
        return new Matrix(x.rows(), x.cols(), y);
    }

    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        x.requireSameShape(dy, "dC/dx_i");
        double[] a = x.data();
        double[] g = dy.data();
        double[] dx = new double[a.length];
        if (kind == Kind.SOFTMAX) {
            // dC/da_k = sum_j dC/dy_j (y_j (delta_jk - y_k)) = y_k (dC/dy_k - sum_j dC/dy_j y_j)
            double[] s = y.data();
            int n = x.cols();
            for (int r = 0; r < x.rows(); r++) {
                double dot = 0;
                for (int c = 0; c < n; c++) {
                    dot += g[r * n + c] * s[r * n + c];
                }
                for (int c = 0; c < n; c++) {
                    dx[r * n + c] = s[r * n + c] * (g[r * n + c] - dot);
                }
            }
        } else {
            for (int i = 0; i < a.length; i++) {
                dx[i] = g[i] * derivative(a[i]);
            }
        }
        return new LayerGradient(new Matrix(x.rows(), x.cols(), dx), null, null);
    }

    // ------------------------------------------------------------------ float32 path (training)

    /** In place on rows[0..batch) (n values each): a -> f(a). */
    void applyInPlace(float[][] rows, int batch, int n) {
        for (int r = 0; r < batch; r++) {
            float[] v = rows[r];
            switch (kind) {
                case RELU:
                    for (int c = 0; c < n; c++) {
                        v[c] = Math.max(v[c], 0f);
                    }
                    break;
                case LEAKY_RELU: {
                    float al = (float) alpha;
                    for (int c = 0; c < n; c++) {
                        v[c] = v[c] > 0 ? v[c] : al * v[c];
                    }
                    break;
                }
                case IDENTITY:
                    break;
                case TANH:
                    for (int c = 0; c < n; c++) {
                        v[c] = tanhFloat(v[c]);
                    }
                    break;
                case SIGMOID:
                    for (int c = 0; c < n; c++) {
                        v[c] = (float) sigmoid(v[c]);
                    }
                    break;
                default: {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < n; c++) {
                        max = Math.max(max, v[c]);
                    }
                    float sum = 0;
                    for (int c = 0; c < n; c++) {
                        v[c] = (float) Math.exp(v[c] - max);
                        sum += v[c];
                    }
                    float inv = 1f / sum;
                    for (int c = 0; c < n; c++) {
                        v[c] *= inv;
                    }
                }
            }
        }
    }

    /**
     * In place: g = dC/dy becomes dC/da, given the outputs y = f(a) (all point-wise derivatives here are
     * functions of the output). Softmax computes its Jacobian product.
     */
    void backwardInPlace(float[][] y, float[][] g, int batch, int n) {
        for (int r = 0; r < batch; r++) {
            float[] yr = y[r];
            float[] gr = g[r];
            switch (kind) {
                case RELU:
                    for (int c = 0; c < n; c++) {
                        gr[c] = yr[c] > 0 ? gr[c] : 0f;
                    }
                    break;
                case LEAKY_RELU: {
                    float al = (float) alpha;
                    for (int c = 0; c < n; c++) {
                        gr[c] = yr[c] > 0 ? gr[c] : al * gr[c];
                    }
                    break;
                }
                case IDENTITY:
                    break;
                case TANH:
                    for (int c = 0; c < n; c++) {
                        gr[c] *= 1f - yr[c] * yr[c];
                    }
                    break;
                case SIGMOID:
                    for (int c = 0; c < n; c++) {
                        gr[c] *= yr[c] * (1f - yr[c]);
                    }
                    break;
                default: {
                    float dot = 0;
                    for (int c = 0; c < n; c++) {
                        dot += gr[c] * yr[c];
                    }
                    for (int c = 0; c < n; c++) {
                        gr[c] = yr[c] * (gr[c] - dot);
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.kind == kind && a.alpha == alpha;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(alpha);
    }

    /** A plot of f and f' on [-5, 5] (softmax: of its first unit with the other at 0). */
    @Override
    public MimeBundle mimeBundle() {
        return Plots.activations(this).mimeBundle();
    }

    @Override
    public String toString() {
        return "Activation " + name();
    }
}
