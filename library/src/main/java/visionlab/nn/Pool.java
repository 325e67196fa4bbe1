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
        in.requireRows(x, name(), "input");
    }

    /** Input index of element j (0..s^2-1, row by row) of the window of output pixel (oy, ox) in the map at base. */
    private int inWindow(int base, int oy, int ox, int j) {
        return base + (oy * s + j / s) * in.width() + ox * s + j % s;
    }

    /** Input index of the window's first maximum. */
    private int argmax(double[] xd, int base, int oy, int ox) {
        int best = inWindow(base, oy, ox, 0);
        for (int j = 1; j < s * s; j++) {
            int i = inWindow(base, oy, ox, j);
            if (xd[i] > xd[best]) {
                best = i;
            }
        }
        return best;
    }

    /** One output pixel: its index in y (and dC/dy), and where its input map and window lie. */
    private interface Window {
        void visit(int yi, int base, int oy, int ox);
    }

    /** Visits every output pixel of every channel of every row, in order. */
    private void forEachWindow(int rows, Window window) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < in.channels(); c++) {
                int base = r * in.size() + c * in.area();
                int yo = r * out.size() + c * out.area();
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        window.visit(yo + oy * out.width() + ox, base, oy, ox);
                    }
                }
            }
        }
    }

    /** y = the window's maximum, or its mean. */
    @Override
    public Matrix forward(Matrix x) {
        requireInput(x);
        double[] xd = x.data();
        double[] y = new double[x.rows() * out.size()];
        forEachWindow(x.rows(), (yi, base, oy, ox) -> {
            if (kind == Kind.MAX) {
                y[yi] = xd[argmax(xd, base, oy, ox)];
            } else {
                double v = 0;
                for (int j = 0; j < s * s; j++) {
                    v += xd[inWindow(base, oy, ox, j)];
                }
                y[yi] = v / (s * s);
            }
        });
        return new Matrix(x.rows(), out.size(), y);
    }

    /** dC/dy goes to the window's first maximum, or 1/s^2 of it to every element of the window. */
    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        requireInput(x);
        out.requireGradient(dy, x.rows(), name());
        double[] xd = x.data();
        double[] g = dy.data();
        double[] dx = new double[xd.length];
        forEachWindow(x.rows(), (yi, base, oy, ox) -> {
            if (kind == Kind.MAX) {
                dx[argmax(xd, base, oy, ox)] += g[yi];
            } else {
                for (int j = 0; j < s * s; j++) {
                    dx[inWindow(base, oy, ox, j)] += g[yi] / (s * s);
                }
            }
        });
        return new LayerGradient(new Matrix(x.rows(), in.size(), dx), null, null);
    }

    @Override
    public String toString() {
        return name() + ": " + in + " -> " + out;
    }
}
