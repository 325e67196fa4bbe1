package visionlab.nn;

/**
 * Reads a stack of maps C x H x W as one vector of C*H*W values (channel after channel, row after row),
 * the input of the fully connected layers that follow. The values do not change: x_i = x_{i-1},
 * dC/dx_{i-1} = dC/dx_i; only their reading as maps ends here.
 */
public final class Flatten implements Layer {

    final MapShape in;

    Flatten(MapShape in) {
        this.in = in;
    }

    /** Flattens inputs of shape {@code in}. */
    public static Flatten of(MapShape in) {
        if (in == null) {
            throw new IllegalArgumentException("in: expected the input's shape C x H x W, got null");
        }
        return new Flatten(in);
    }

    /** Input shape. */
    public MapShape inputShape() {
        return in;
    }

    @Override
    public String name() {
        return "Flatten(" + in + "->" + in.size() + ")";
    }

    private void require(Matrix m, String what) {
        if (m == null || m.cols() != in.size()) {
            throw new IllegalArgumentException(name() + ": expected " + what + " [B x " + in.size() + "], got "
                    + (m == null ? "null" : m.shape()));
        }
    }

    @Override
    public Matrix forward(Matrix x) {
        require(x, "input");
        return new Matrix(x.rows(), x.cols(), x.toArray());
    }

    @Override
    public LayerGradient backward(Matrix x, Matrix y, Matrix dy) {
        require(dy, "dC/dx_i");
        return new LayerGradient(new Matrix(dy.rows(), dy.cols(), dy.toArray()), null, null);
    }

    @Override
    public String toString() {
        return name();
    }
}
