package visionlab.nn;

/**
 * One layer F_i of the lecture's chain: x_i = F_i(x_{i-1}, w_i). Rows of x are examples.
 * {@link #backward} takes dC/dx_i and returns dC/dx_{i-1} = dC/dx_i . dF_i/dx_{i-1} and, for layers with
 * weights, dC/dw_i = dC/dx_i . dF_i/dw_i (summed over the batch rows).
 */
public sealed interface Layer permits Linear, Activation, Conv2d, Pool, Flatten {

    /** A short name, e.g. {@code Linear(2->3)} or {@code tanh}. */
    String name();

    /** x_i = F_i(x_{i-1}) for every row of {@code x}. */
    Matrix forward(Matrix x);

    /**
     * Back-propagation through this layer: given its input {@code x} (x_{i-1}), its output {@code y}
     * (x_i) and {@code dy} = dC/dx_i, returns dC/dx_{i-1} and the weight gradients.
     */
    LayerGradient backward(Matrix x, Matrix y, Matrix dy);

    /**
     * dC/dx_{i-1} and the weight gradients of one layer.
     *
     * @param dx dC/dx_{i-1}, same shape as the layer input
     * @param dW dC/dW_i ({@code [out x in]}), or null for a layer without weights
     * @param db dC/db_i ({@code [1 x out]}), or null
     */
    record LayerGradient(Matrix dx, Matrix dW, Matrix db) {
    }
}
