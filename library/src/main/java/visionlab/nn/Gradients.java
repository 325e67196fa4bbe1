package visionlab.nn;

import java.util.List;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The result of back-propagation: for each layer i, dC/dx_i (the gradient arriving from above) and, for
 * layers with weights, dC/dW_i and dC/db_i; plus dC/dx_0 at the input. Prints the chain with shapes, e.g.
 * {@code layer 3 Linear(3->1): dC/dx_3 [50x1], dC/dW_3 [1x3], dC/db_3 [1x1]}.
 */
public final class Gradients implements Displayable {

    private final List<Layer> layers;
    private final Matrix[] dx;
    private final Matrix[] dW;
    private final Matrix[] db;

    Gradients(List<Layer> layers, Matrix[] dx, Matrix[] dW, Matrix[] db) {
        this.layers = layers;
        this.dx = dx;
        this.dW = dW;
        this.db = db;
    }

    private void check(int i, int lo) {
        if (i < lo || i > layers.size()) {
            throw new IllegalArgumentException("i: expected " + lo + ".." + layers.size() + ", got " + i);
        }
    }

    /** dC/dx_i, i = 0..n. */
    public Matrix dx(int i) {
        check(i, 0);
        return dx[i];
    }

    /** dC/dW_i for layer i (1..n), or null when layer i has no weights. */
    public Matrix dW(int i) {
        check(i, 1);
        return dW[i];
    }

    /** dC/db_i for layer i (1..n), or null when layer i has no weights. */
    public Matrix db(int i) {
        check(i, 1);
        return db[i];
    }

    /** Number of layers n. */
    public int n() {
        return layers.size();
    }

    private String line(int i) {
        StringBuilder sb = new StringBuilder("layer " + i + " " + layers.get(i - 1).name() + ": dC/dx_" + i + " "
                + dx[i].shape());
        if (dW[i] != null) {
            sb.append(", dC/dW_").append(i).append(' ').append(dW[i].shape()).append(", dC/db_").append(i)
                    .append(' ').append(db[i].shape());
        }
        return sb.toString();
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<table><tr><th>i</th><th>layer</th><th>dC/dx_i</th><th>dC/dW_i</th>"
                + "<th>dC/db_i</th></tr>");
        for (int i = layers.size(); i >= 1; i--) {
            h.append("<tr><td>").append(i).append("</td><td>").append(layers.get(i - 1).name()).append("</td><td>")
                    .append(dx[i].shape()).append("</td><td>").append(dW[i] == null ? "" : dW[i].shape())
                    .append("</td><td>").append(db[i] == null ? "" : db[i].shape()).append("</td></tr>");
        }
        h.append("<tr><td>0</td><td>input</td><td>").append(dx[0].shape()).append("</td><td></td><td></td></tr></table>");
        return MimeBundle.html(h.toString(), toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Back-propagation, " + layers.size() + " layers (top to bottom):");
        for (int i = layers.size(); i >= 1; i--) {
            sb.append("\n  ").append(line(i));
        }
        sb.append("\n  input: dC/dx_0 ").append(dx[0].shape());
        return sb.toString();
    }
}
