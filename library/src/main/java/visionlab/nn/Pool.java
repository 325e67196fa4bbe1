package visionlab.nn;

import java.util.Locale;

/**
 * Pooling over non-overlapping s x s windows of each map (stride s), H x W to H/s x W/s, channels kept.
 * Max pooling: y = max of the window; dC/dx is dC/dy at the window's maximum and 0 elsewhere (with ties,
 * at the first maximum in row-major order: a subgradient). Average pooling: y = mean of the window,
 * dC/dx = dC/dy / s^2 at every position of the window. No weights.
 */
public final class Pool implements Layer {

    /** Which statistic of a window. */
    public enum Kind { MAX, AVERAGE }

    final Kind kind;
    final MapShape in;
    final MapShape out;
    final int s;

    Pool(Kind kind, MapShape in, int s) {
        this.kind = kind;
        this.in = in;
        this.s = s;
        this.out = outputShape(kind, in, s);
    }

    /** Max pooling of inputs of shape {@code in} over s x s windows. */
    public static Pool max(MapShape in, int s) {
        return new Pool(Kind.MAX, requireShape(in), s);
    }

    /** Average pooling of inputs of shape {@code in} over s x s windows. */
    public static Pool average(MapShape in, int s) {
        return new Pool(Kind.AVERAGE, requireShape(in), s);
    }

    private static MapShape requireShape(MapShape in) {
        if (in == null) {
            throw new IllegalArgumentException("in: expected the input's shape C x H x W, got null");
        }
        return in;
    }

    static String name(Kind kind, int s) {
        return (kind == Kind.MAX ? "MaxPool(" : "AvgPool(") + s + "x" + s + ")";
    }

    /** H/s x W/s, or an IllegalArgumentException naming the layer and the shapes when s does not divide them. */
    static MapShape outputShape(Kind kind, MapShape in, int s) {
        if (s < 1) {
            throw new IllegalArgumentException(name(kind, s) + ": expected a window of at least 1x1, got " + s);
        }
        if (in.height() % s != 0 || in.width() % s != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %dx%d windows do not divide the input %s (height and width must be multiples of %d)",
                    name(kind, s), s, s, in, s));
        }
        return new MapShape(in.channels(), in.height() / s, in.width() / s);
    }

    /** MAX or AVERAGE. */
    public Kind kind() {
        return kind;
    }

    /** The window side s. */
    public int size() {
        return s;
    }

    /** Input shape. */
    public MapShape inputShape() {
        return in;
    }

    /** Output shape. */
    public MapShape outputShape() {
        return out;
    }

    @Override
    public String name() {
        return name(kind, s);
    }

    private void requireInput(Matrix x) {
        if (x == null || x.cols() != in.size()) {
            throw new IllegalArgumentException(name() + ": expected input [B x " + in.size() + "] (" + in
                    + " per row), got " + (x == null ? "null" : x.shape()));
        }
    }

    /** Row-major index in the input map of the window's first maximum (first position for AVERAGE). */
    private int argmax(double[] xd, int base, int oy, int ox) {
        int w = in.width();
        int best = base + oy * s * w + ox * s;
        for (int u = 0; u < s; u++) {
            for (int v = 0; v < s; v++) {
                int i = base + (oy * s + u) * w + ox * s + v;
                if (xd[i] > xd[best]) {
                    best = i;
                }
            }
        }
        return best;
    }

    @Override
    public Matrix forward(Matrix x) {
        requireInput(x);
        double[] xd = x.data();
        double[] y = new double[x.rows() * out.size()];
        int w = in.width();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < in.channels(); c++) {
                int base = r * in.size() + c * in.area();
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        double v;
                        if (kind == Kind.MAX) {
                            v = xd[argmax(xd, base, oy, ox)];
                        } else {
                            v = 0;
                            for (int u = 0; u < s; u++) {
                                for (int q = 0; q < s; q++) {
                                    v += xd[base + (oy * s + u) * w + ox * s + q];
                                }
                            }
                            v /= s * s;
                        }
                        y[r * out.size() + c * out.area() + oy * out.width() + ox] = v;
                    }
                }
            }
        }
        return new Matrix(x.rows(), out.size(), y);
    }

    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        requireInput(x);
        if (dy == null || dy.cols() != out.size() || dy.rows() != x.rows()) {
            throw new IllegalArgumentException(name() + ": expected dC/dx_i [" + x.rows() + "x" + out.size() + "] ("
                    + out + " per row), got " + (dy == null ? "null" : dy.shape()));
        }
        double[] xd = x.data();
        double[] g = dy.data();
        double[] dx = new double[xd.length];
        int w = in.width();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < in.channels(); c++) {
                int base = r * in.size() + c * in.area();
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        double go = g[r * out.size() + c * out.area() + oy * out.width() + ox];
                        if (kind == Kind.MAX) {
                            dx[argmax(xd, base, oy, ox)] += go;
                        } else {
                            for (int u = 0; u < s; u++) {
                                for (int q = 0; q < s; q++) {
                                    dx[base + (oy * s + u) * w + ox * s + q] += go / (s * s);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new LayerGradient(new Matrix(x.rows(), in.size(), dx), null, null);
    }

    @Override
    public String toString() {
        return name() + ": " + in + " -> " + out;
    }
}
