package visionlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Checks back-propagation against central differences, in double precision:
 * dC/dθ ≈ (C(θ + h) - C(θ - h)) / 2h for every input value and weight. For each gradient tensor the
 * relative error is ||analytic - numeric|| / (||analytic|| + ||numeric||), about 1e-9 or less when the
 * derivatives are right.
 *
 * <pre>{@code GradCheck.of(net, Loss.EUCLIDEAN, data.inputs(), data.targets())}</pre>
 */
public final class GradCheck {

    private static final double H = 1e-5;

    private GradCheck() {
    }

    /** One compared tensor: its name and relative error. */
    public record Entry(String name, double relativeError) {
    }

    /** The errors of every tensor checked; {@link #maxRelativeError()} sums it up. */
    public record Result(List<Entry> entries) implements Displayable {

        /** The largest relative error over all tensors. */
        public double maxRelativeError() {
            return entries.stream().mapToDouble(Entry::relativeError).max().orElse(0);
        }

        @Override
        public MimeBundle mimeBundle() {
            StringBuilder h = new StringBuilder("<p>" + summary() + "</p><table><tr><th>gradient</th><th>relative error</th></tr>");
            for (Entry e : entries) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2e</td></tr>", e.name(), e.relativeError()));
            }
            return MimeBundle.html(h.append("</table>").toString(), toString());
        }

        private String summary() {
            return String.format(Locale.ROOT, "GradCheck: %d gradient(s), max relative error %.2e", entries.size(),
                    maxRelativeError());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(summary());
            for (Entry e : entries) {
                sb.append(String.format(Locale.ROOT, "%n  %-32s %.2e", e.name(), e.relativeError()));
            }
            return sb.toString();
        }
    }

    /** Checks a whole net on inputs {@code x} and targets {@code y} with the mean loss of {@code loss}. */
    public static Result of(Mlp net, Loss loss, Matrix x, Matrix y) {
        if (net == null || loss == null || x == null || y == null) {
            throw new IllegalArgumentException("net, loss, x, y: expected values, got null");
        }
        loss.requireFits(net.outputActivation());
        List<Layer> layers = net.layers();
        Matrix x0 = Matrix.of(x.rows(), x.cols(), x.toArray());
        Forward f = net.forward(x0);
        f.output().requireSameShape(y, "y");
        Gradients g = f.backward(loss.gradient(f.output(), y));
        DoubleSupplier cost = () -> loss.value(Mlp.forward(layers, x0).output(), y);
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i <= layers.size(); i++) {
            if (layers.get(i - 1) instanceof Linear lin) {
                out.add(new Entry("layer " + i + " " + lin.name() + " dC/dW_" + i, compare(g.dW(i).data(), lin.w, cost)));
                out.add(new Entry("layer " + i + " " + lin.name() + " dC/db_" + i, compare(g.db(i).data(), lin.b, cost)));
            }
        }
        out.add(new Entry("input dC/dx_0", compare(g.dx(0).data(), x0.data(), cost)));
        return new Result(out);
    }

    /**
     * Checks one layer at input {@code x}: with a fixed random upstream gradient G (from {@code seed}) and
     * C = sum(G * F(x)), compares dC/dx and the weight gradients.
     */
    public static Result layer(Layer layer, Matrix x, long seed) {
        if (layer == null || x == null) {
            throw new IllegalArgumentException("layer, x: expected values, got null");
        }
        Matrix x0 = Matrix.of(x.rows(), x.cols(), x.toArray());
        Matrix y = layer.forward(x0);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] gv = new double[y.rows() * y.cols()];
        for (int i = 0; i < gv.length; i++) {
            gv[i] = 2 * rnd.nextDouble() - 1;
        }
        Matrix gUp = Matrix.of(y.rows(), y.cols(), gv);
        Layer.LayerGradient g = layer.backward(x0, y, gUp);
        DoubleSupplier cost = () -> {
            double[] o = layer.forward(x0).data();
            double s = 0;
            for (int i = 0; i < o.length; i++) {
                s += gv[i] * o[i];
            }
            return s;
        };
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(layer.name() + " dC/dx", compare(g.dx().data(), x0.data(), cost)));
        if (layer instanceof Linear lin) {
            out.add(new Entry(layer.name() + " dC/dW", compare(g.dW().data(), lin.w, cost)));
            out.add(new Entry(layer.name() + " dC/db", compare(g.db().data(), lin.b, cost)));
        }
        return new Result(out);
    }

    /** Checks {@link Loss#gradient} against differences of {@link Loss#value} at output {@code xn}. */
    public static Result loss(Loss loss, Matrix xn, Matrix y) {
        if (loss == null || xn == null || y == null) {
            throw new IllegalArgumentException("loss, xn, y: expected values, got null");
        }
        Matrix x0 = Matrix.of(xn.rows(), xn.cols(), xn.toArray());
        Matrix g = loss.gradient(x0, y);
        double c = compare(g.data(), x0.data(), () -> loss.value(x0, y));
        return new Result(List.of(new Entry(loss + " dE/dx_n", c)));
    }

    /** Perturbs each entry of {@code theta} in place (restoring it) and compares with {@code analytic}. */
    private static double compare(double[] analytic, double[] theta, DoubleSupplier cost) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i];
            theta[i] = keep + H;
            double plus = cost.getAsDouble();
            theta[i] = keep - H;
            double minus = cost.getAsDouble();
            theta[i] = keep;
            double numeric = (plus - minus) / (2 * H);
            diff += (analytic[i] - numeric) * (analytic[i] - numeric);
            na += analytic[i] * analytic[i];
            nn += numeric * numeric;
        }
        double denom = Math.sqrt(na) + Math.sqrt(nn);
        return denom == 0 ? 0 : Math.sqrt(diff) / denom;
    }
}
