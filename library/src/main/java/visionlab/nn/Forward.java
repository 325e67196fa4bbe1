package visionlab.nn;

import java.util.List;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The forward pass of the slides: x_0 = input, x_i = F_i(x_{i-1}, w_i) for every layer, x_n the output.
 * Prints each layer with the shape of its output; {@link #backward} runs back-propagation from dC/dx_n.
 */
public final class Forward implements Displayable {

    private final List<Layer> layers;
    private final List<Matrix> xs;

    Forward(List<Layer> layers, List<Matrix> xs) {
        this.layers = List.copyOf(layers);
        this.xs = List.copyOf(xs);
    }

    /** The layers F_1..F_n. */
    public List<Layer> layers() {
        return layers;
    }

    /** n, the number of layers. */
    public int n() {
        return layers.size();
    }

    /** x_i: x_0 is the input, x_n the output. */
    public Matrix x(int i) {
        if (i < 0 || i > layers.size()) {
            throw new IllegalArgumentException("i: expected 0.." + layers.size() + ", got " + i);
        }
        return xs.get(i);
    }

    /** x_n, the network output. */
    public Matrix output() {
        return xs.get(xs.size() - 1);
    }

    /**
     * Back-propagation: from dC/dx_n ({@code [B x out]}, e.g. {@code Loss.EUCLIDEAN.gradient(f.output(), y)})
     * computes dC/dx_{i-1} = dC/dx_i . dF_i/dx_{i-1} and dC/dw_i = dC/dx_i . dF_i/dw_i down to the input.
     */
    public Gradients backward(Matrix dCdxn) {
        output().requireSameShape(dCdxn, "dC/dx_n");
        Matrix[] dx = new Matrix[layers.size() + 1];
        Matrix[] dW = new Matrix[layers.size() + 1];
        Matrix[] db = new Matrix[layers.size() + 1];
        dx[layers.size()] = dCdxn;
        for (int i = layers.size(); i >= 1; i--) {
            Layer.LayerGradient g = layers.get(i - 1).backward(xs.get(i - 1), xs.get(i), dx[i]);
            dx[i - 1] = g.dx();
            dW[i] = g.dW();
            db[i] = g.db();
        }
        return new Gradients(layers, dx, dW, db);
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<table><tr><th>i</th><th>layer F_i</th><th>x_i</th></tr>");
        h.append("<tr><td>0</td><td>input</td><td>").append(xs.get(0).shape()).append("</td></tr>");
        for (int i = 1; i <= layers.size(); i++) {
            h.append("<tr><td>").append(i).append("</td><td>").append(layers.get(i - 1).name())
                    .append("</td><td>").append(xs.get(i).shape()).append("</td></tr>");
        }
        h.append("</table>");
        return MimeBundle.html(h.toString(), toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Forward pass, " + layers.size() + " layers:\n  x_0 input "
                + xs.get(0).shape());
        for (int i = 1; i <= layers.size(); i++) {
            sb.append("\n  x_").append(i).append(" = ").append(layers.get(i - 1).name()).append("(x_")
                    .append(i - 1).append(") ").append(xs.get(i).shape());
        }
        return sb.toString();
    }
}
