package visionlab.nn;

/**
 * The cost C(x_n, y) comparing the network output x_n with the target y. Over a batch of B examples the
 * loss reported and minimised is the mean E = (1/B) sum_m C(x_n^m, y^m), so {@link #gradient} returns
 * dE/dx_n = (1/B) dC/dx_n per row.
 */
public enum Loss {
    /** C = 1/2 ||x_n - y||^2, dC/dx_n = x_n - y (the slides' example). Any output activation. */
    EUCLIDEAN,
    /**
     * C = -sum_k y_k log x_{n,k} with x_n = softmax(a) (the output layer must be softmax); combined with the
     * softmax Jacobian dC/da = x_n - y.
     */
    SOFTMAX_CROSS_ENTROPY,
    /**
     * C = -sum_k [y_k log x_{n,k} + (1 - y_k) log(1 - x_{n,k})] with x_n = sigmoid(a) (the output layer
     * must be sigmoid); dC/da = x_n - y.
     */
    BINARY_CROSS_ENTROPY;

    private static final double TINY = 1e-300;

    /** Throws unless this loss can follow {@code output} (cross-entropies need softmax / sigmoid). */
    public void requireFits(Activation output) {
        if (this == SOFTMAX_CROSS_ENTROPY && !output.equals(Activation.SOFTMAX)) {
            throw new IllegalArgumentException("loss: SOFTMAX_CROSS_ENTROPY needs a softmax output layer, got "
                    + output.name() + " (use .output(Activation.SOFTMAX))");
        }
        if (this == BINARY_CROSS_ENTROPY && !output.equals(Activation.SIGMOID)) {
            throw new IllegalArgumentException("loss: BINARY_CROSS_ENTROPY needs a sigmoid output layer, got "
                    + output.name() + " (use .output(Activation.SIGMOID))");
        }
    }

    /** E = (1/B) sum over the rows of C(x_n, y). */
    public double value(Matrix xn, Matrix y) {
        xn.requireSameShape(y, "y");
        double[] x = xn.data();
        double[] t = y.data();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            switch (this) {
                case EUCLIDEAN:
                    sum += 0.5 * (x[i] - t[i]) * (x[i] - t[i]);
                    break;
                case SOFTMAX_CROSS_ENTROPY:
                    sum -= t[i] == 0 ? 0 : t[i] * Math.log(Math.max(x[i], TINY));
                    break;
                default:
                    sum -= (t[i] == 0 ? 0 : t[i] * Math.log(Math.max(x[i], TINY)))
                            + (t[i] == 1 ? 0 : (1 - t[i]) * Math.log(Math.max(1 - x[i], TINY)));
            }
        }
        return sum / xn.rows();
    }

    /** dE/dx_n, the row vectors the backward pass starts from. */
    public Matrix gradient(Matrix xn, Matrix y) {
        xn.requireSameShape(y, "y");
        double[] x = xn.data();
        double[] t = y.data();
        double[] g = new double[x.length];
        double inv = 1.0 / xn.rows();
        for (int i = 0; i < x.length; i++) {
            switch (this) {
                case EUCLIDEAN:
                    g[i] = (x[i] - t[i]) * inv;
                    break;
                case SOFTMAX_CROSS_ENTROPY:
                    g[i] = t[i] == 0 ? 0 : -t[i] / Math.max(x[i], TINY) * inv;
                    break;
                default:
                    g[i] = (-t[i] / Math.max(x[i], TINY) + (1 - t[i]) / Math.max(1 - x[i], TINY)) * inv;
            }
        }
        return new Matrix(xn.rows(), xn.cols(), g);
    }

    /**
     * Float32 training path: the sum of C over rows [0, batch) and, in {@code delta}, dE/da for the output
     * pre-activations a (E with the 1/{@code scale} factor): fused with softmax/sigmoid for the
     * cross-entropies, otherwise dE/dx_n passed through the output activation's derivative.
     */
    double lossAndDelta(Activation act, float[][] out, float[][] target, int batch, int n, float[][] delta,
            int scale) {
        double sum = 0;
        float inv = 1f / scale;
        for (int r = 0; r < batch; r++) {
            float[] x = out[r];
            float[] t = target[r];
            float[] d = delta[r];
            for (int c = 0; c < n; c++) {
                float xv = x[c];
                float tv = t[c];
                switch (this) {
                    case EUCLIDEAN:
                        sum += 0.5 * (xv - tv) * (xv - tv);
                        break;
                    case SOFTMAX_CROSS_ENTROPY:
                        sum -= tv == 0 ? 0 : tv * Math.log(Math.max(xv, 1e-30));
                        break;
                    default:
                        sum -= (tv == 0 ? 0 : tv * Math.log(Math.max(xv, 1e-30)))
                                + (tv == 1 ? 0 : (1 - tv) * Math.log(Math.max(1 - xv, 1e-30)));
                }
                d[c] = (xv - tv) * inv;
            }
        }
        if (this == EUCLIDEAN) {
            act.backwardInPlace(out, delta, batch, n);
        }
        return sum;
    }
}
