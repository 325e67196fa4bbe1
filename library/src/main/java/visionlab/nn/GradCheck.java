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
 * derivatives are right. Tensors of more than {@value #MAX_ENTRIES} values are checked at that many entries
 * drawn at fixed positions. Costs two forward passes per weight: use small nets and batches. An interrupt
 * stops it with a {@link java.util.concurrent.CancellationException}.
 *
 * <pre>{@code GradCheck.of(net, Loss.EUCLIDEAN, data.inputs(), data.targets())}</pre>
 */
public final class GradCheck {

    private static final double H = 1e-5;

    /** Tensors larger than this are checked at this many entries drawn at fixed positions. */
    public static final int MAX_ENTRIES = 300;

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
    public static Result of(Net net, Loss loss, Matrix x, Matrix y) {
        if (net == null || loss == null || x == null || y == null) {
            throw new IllegalArgumentException("net, loss, x, y: expected values, got null");
        }
        loss.requireFits(net.outputActivation());
        List<Layer> layers = net.layers();
        Matrix x0 = Matrix.of(x.rows(), x.cols(), x.toArray());
        Forward f = net.forward(x0);
        f.output().requireSameShape(y, "y");
        Gradients g = f.backward(loss.gradient(f.output(), y));
        DoubleSupplier cost = () -> loss.value(Net.forward(layers, x0).output(), y);
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i <= layers.size(); i++) {
            Layer l = layers.get(i - 1);
            double[][] wb = weightsOf(l);
            if (wb != null) {
                out.add(new Entry("layer " + i + " " + l.name() + " dC/dW_" + i, compare(g.dW(i).data(), wb[0], cost)));
                out.add(new Entry("layer " + i + " " + l.name() + " dC/db_" + i, compare(g.db(i).data(), wb[1], cost)));
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
        double[][] wb = weightsOf(layer);
        if (wb != null) {
            out.add(new Entry(layer.name() + " dC/dW", compare(g.dW().data(), wb[0], cost)));
            out.add(new Entry(layer.name() + " dC/db", compare(g.db().data(), wb[1], cost)));
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

    /** 0..n-1, or MAX_ENTRIES distinct positions of them (ascending, from a fixed seed). */
    private static int[] positions(int n) {
        if (n <= MAX_ENTRIES) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] p = visionlab.data.Dataset.permutation(n, 0x6C4EC5L);
        int[] at = java.util.Arrays.copyOf(p, MAX_ENTRIES);
        java.util.Arrays.sort(at);
        return at;
    }

    /** The live W and b arrays of a layer with weights, or null. */
    private static double[][] weightsOf(Layer l) {
        if (l instanceof Linear lin) {
            return new double[][] {lin.w, lin.b};
        }
        if (l instanceof Conv2d c) {
            return new double[][] {c.w, c.b};
        }
        return null;
    }

    /**
     * Perturbs entries of {@code theta} in place (restoring them) and compares with {@code analytic}: every
     * entry of tensors up to {@link #MAX_ENTRIES} values, else {@code MAX_ENTRIES} entries drawn at fixed
     * positions (so a whole LeNet-5 is checked in seconds).
     */
    private static double compare(double[] analytic, double[] theta, DoubleSupplier cost) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        int[] at = positions(theta.length);
        for (int i : at) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("GradCheck interrupted");
            }
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
