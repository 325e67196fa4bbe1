package visionlab.nn;

import java.util.Locale;

/**
 * The 2-D convolutional layer: C_out maps, each the sum over the C_in input maps of a k x k kernel slid over
 * the zero-padded input with a stride,
 * <pre>a[o][y][x] = b[o] + sum_{c, u, v} W[o][c][u][v] x[c][s y + u - p][s x + v - p]</pre>
 * (correlation, as in every deep-learning library; W is learnt, so flipping it changes nothing). The output
 * is H' = (H + 2p - k) / s + 1 by W' = (W + 2p - k) / s + 1. Back-propagation:
 * dC/dW[o][c][u][v] = sum_{y,x} dC/da[o][y][x] x[c][s y + u - p][s x + v - p], dC/db[o] = sum_{y,x} dC/da[o][y][x],
 * dC/dx[c][i][j] = sum of dC/da[o][y][x] W[o][c][u][v] over the (o, y, x, u, v) that read x[c][i][j].
 * Weights are a {@code [C_out x C_in k k]} matrix (row o is kernel o, index (c k + u) k + v), as {@link Linear}'s
 * {@code [out x in]}. This double-precision layer is the reference the gradient checks use; training runs a
 * float32 copy.
 */
public final class Conv2d implements Layer {

    final MapShape in;
    final MapShape out;
    final int k;
    final int stride;
    final int pad;
    final double[] w; // [cout x cin k k]
    final double[] b; // [cout]

    Conv2d(MapShape in, int outChannels, int k, int stride, int pad, double[] w, double[] b) {
        this.in = in;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.out = outputShape(in, outChannels, k, stride, pad);
        this.w = w;
        this.b = b;
    }

    /**
     * A layer on inputs of shape {@code in} with kernels {@code weights [C_out x C_in k k]}, bias
     * {@code [1 x C_out]}, stride and zero padding (copied).
     */
    public static Conv2d of(MapShape in, Matrix weights, Matrix bias, int stride, int padding) {
        if (in == null || weights == null || bias == null) {
            throw new IllegalArgumentException("in, weights, bias: expected values, got null");
        }
        int kk = weights.cols() / in.channels();
        int k = (int) Math.round(Math.sqrt(kk));
        if (k * k * in.channels() != weights.cols()) {
            throw new IllegalArgumentException("weights: expected [C_out x " + in.channels() + "*k*k] for "
                    + in.channels() + " input channels, got " + weights.shape());
        }
        if (bias.rows() * bias.cols() != weights.rows()) {
            throw new IllegalArgumentException("bias: expected " + weights.rows() + " values, got " + bias.shape());
        }
        return new Conv2d(in, weights.rows(), k, stride, padding, weights.toArray(), bias.toArray());
    }

    /** The output shape, or an IllegalArgumentException naming the layer and the shapes. */
    static MapShape outputShape(MapShape in, int outChannels, int k, int stride, int pad) {
        String layer = String.format(Locale.ROOT, "Conv2d(%d->%d, %dx%d%s%s)", in.channels(), outChannels, k, k,
                stride == 1 ? "" : ", stride " + stride, pad == 0 ? "" : ", padding " + pad);
        if (outChannels < 1 || k < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException(layer + ": expected channels, kernel size and stride >= 1 and "
                    + "padding >= 0, got " + outChannels + ", " + k + ", " + stride + ", " + pad);
        }
        if (k > in.height() + 2 * pad || k > in.width() + 2 * pad) {
            throw new IllegalArgumentException(layer + ": kernel " + k + "x" + k + " larger than the input "
                    + in + (pad > 0 ? " padded by " + pad : ""));
        }
        return new MapShape(outChannels, (in.height() + 2 * pad - k) / stride + 1,
                (in.width() + 2 * pad - k) / stride + 1);
    }

    /** Input shape C_in x H x W. */
    public MapShape inputShape() {
        return in;
    }

    /** Output shape C_out x H' x W'. */
    public MapShape outputShape() {
        return out;
    }

    /** Kernel side k. */
    public int kernelSize() {
        return k;
    }

    /** The stride s. */
    public int stride() {
        return stride;
    }

    /** The zero padding p on each side. */
    public int padding() {
        return pad;
    }

    /** W, {@code [C_out x C_in k k]}. */
    public Matrix weights() {
        return new Matrix(out.channels(), in.channels() * k * k, w.clone());
    }

    /** b, {@code [1 x C_out]}. */
    public Matrix bias() {
        return new Matrix(1, out.channels(), b.clone());
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "Conv2d(%d->%d, %dx%d%s%s)", in.channels(), out.channels(), k, k,
                stride == 1 ? "" : ", stride " + stride, pad == 0 ? "" : ", padding " + pad);
    }

    void requireInput(Matrix x) {
        if (x == null || x.cols() != in.size()) {
            throw new IllegalArgumentException(name() + ": expected input [B x " + in.size() + "] (" + in
                    + " per row), got " + (x == null ? "null" : x.shape()));
        }
    }

    @Override
    public Matrix forward(Matrix x) {
        requireInput(x);
        int rows = x.rows();
        double[] xd = x.data();
        double[] y = new double[rows * out.size()];
        int cin = in.channels();
        int h = in.height();
        int wd = in.width();
        int oh = out.height();
        int ow = out.width();
        for (int r = 0; r < rows; r++) {
            int xo = r * in.size();
            int yo = r * out.size();
            for (int o = 0; o < out.channels(); o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double s = b[o];
                        for (int c = 0; c < cin; c++) {
                            for (int u = 0; u < k; u++) {
                                int iy = oy * stride + u - pad;
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int ix = ox * stride + v - pad;
                                    if (ix >= 0 && ix < wd) {
                                        s += w[((o * cin + c) * k + u) * k + v] * xd[xo + (c * h + iy) * wd + ix];
                                    }
                                }
                            }
                        }
                        y[yo + (o * oh + oy) * ow + ox] = s;
                    }
                }
            }
        }
        return new Matrix(rows, out.size(), y);
    }

    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        requireInput(x);
        if (dy == null || dy.cols() != out.size() || dy.rows() != x.rows()) {
            throw new IllegalArgumentException(name() + ": expected dC/dx_i [" + x.rows() + "x" + out.size() + "] ("
                    + out + " per row), got " + (dy == null ? "null" : dy.shape()));
        }
        int rows = x.rows();
        double[] xd = x.data();
        double[] g = dy.data();
        int cin = in.channels();
        int h = in.height();
        int wd = in.width();
        int oh = out.height();
        int ow = out.width();
        double[] dx = new double[rows * in.size()];
        double[] dw = new double[w.length];
        double[] db = new double[b.length];
        for (int r = 0; r < rows; r++) {
            int xo = r * in.size();
            int yo = r * out.size();
            for (int o = 0; o < out.channels(); o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double go = g[yo + (o * oh + oy) * ow + ox];
                        db[o] += go;
                        for (int c = 0; c < cin; c++) {
                            for (int u = 0; u < k; u++) {
                                int iy = oy * stride + u - pad;
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int ix = ox * stride + v - pad;
                                    if (ix >= 0 && ix < wd) {
                                        int wi = ((o * cin + c) * k + u) * k + v;
                                        int xi = xo + (c * h + iy) * wd + ix;
                                        dw[wi] += go * xd[xi];
                                        dx[xi] += go * w[wi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new LayerGradient(new Matrix(rows, in.size(), dx), new Matrix(out.channels(), cin * k * k, dw),
                new Matrix(1, out.channels(), db));
    }

    @Override
    public String toString() {
        return name() + ": " + in + " -> " + out + ", W [" + out.channels() + "x" + in.channels() * k * k + "], b ["
                + out.channels() + "]";
    }
}
