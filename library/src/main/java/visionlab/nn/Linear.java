package visionlab.nn;

import java.util.Locale;

/**
 * The fully connected layer of the slides, a = W x + b, with W of shape {@code [out x in]} and b of
 * {@code [out]}. For a batch (rows are examples) A = X W^T + b. Back-propagation:
 * dC/dx = dC/da . W, dC/dW = (dC/da)^T X, dC/db = sum of the rows of dC/da.
 * This double-precision layer is the reference the gradient checks use; training runs a float32 copy.
 */
public final class Linear implements Layer {

    final int in;
    final int out;
    final double[] w; // [out x in], row-major
    final double[] b; // [out]

    Linear(int in, int out, double[] w, double[] b) {
        this.in = in;
        this.out = out;
        this.w = w;
        this.b = b;
    }

    /** A layer with the given weights {@code W [out x in]} and bias {@code b [1 x out]} (copied). */
    public static Linear of(Matrix weights, Matrix bias) {
        if (weights == null) {
            throw new IllegalArgumentException("weights: expected an [out x in] matrix, got null");
        }
        if (bias == null || bias.rows() * bias.cols() != weights.rows()) {
            throw new IllegalArgumentException("bias: expected " + weights.rows() + " values, got "
                    + (bias == null ? "null" : bias.shape()));
        }
        return new Linear(weights.cols(), weights.rows(), weights.toArray(), bias.toArray());
    }

    /** Number of inputs. */
    public int inputs() {
        return in;
    }

    /** Number of outputs (units). */
    public int outputs() {
        return out;
    }

    /** W, {@code [out x in]}. */
    public Matrix weights() {
        return new Matrix(out, in, w.clone());
    }

    /** b, {@code [1 x out]}. */
    public Matrix bias() {
        return new Matrix(1, out, b.clone());
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Linear(%d->%d)", in, out);
    }

    @Override
    public Matrix forward(Matrix x) {
        if (x == null || x.cols() != in) {
            throw new IllegalArgumentException("x: expected [B x " + in + "], got " + (x == null ? "null" : x.shape()));
        }
        int rows = x.rows();
        double[] xd = x.data();
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * xd[r * in + i];
                }
                y[r * out + o] = s;
            }
        }
        return new Matrix(rows, out, y);
    }

    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        if (dy == null || dy.cols() != out || dy.rows() != x.rows()) {
            throw new IllegalArgumentException("dC/dx_i: expected [" + x.rows() + "x" + out + "], got "
                    + (dy == null ? "null" : dy.shape()));
        }
        int rows = x.rows();
        double[] xd = x.data();
        double[] g = dy.data();
        double[] dx = new double[rows * in];
        double[] dw = new double[out * in];
        double[] db = new double[out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double go = g[r * out + o];
                db[o] += go;
                for (int i = 0; i < in; i++) {
                    dx[r * in + i] += go * w[o * in + i];
                    dw[o * in + i] += go * xd[r * in + i];
                }
            }
        }
        return new LayerGradient(new Matrix(rows, in, dx), new Matrix(out, in, dw), new Matrix(1, out, db));
    }

    @Override
    public String toString() {
        return name() + ": a = W x + b, W [" + out + "x" + in + "], b [" + out + "]";
    }
}
