package visionlab.nn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import visionlab.data.Dataset;
import visionlab.data.Datasets;
import visionlab.data.Scatter;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.plot.Chart;
import visionlab.plot.Charts;

/**
 * The lecture's figures as charts (XChart, 600x400 on white): loss curves, the fit of a 1-3-1 tanh net with
 * its hidden units (Figure 5.3), activation functions and their derivatives, decision boundaries of 2-D
 * classifiers, confusion matrices and first-layer weights.
 */
public final class Plots {

    /** Default chart width. */
    public static final int WIDTH = Charts.WIDTH;
    /** Default chart height. */
    public static final int HEIGHT = Charts.HEIGHT;

    private Plots() {
    }

    private static XYChart xy(String title, String xLabel, String yLabel, int w, int h) {
        return Charts.xy(title, xLabel, yLabel, w, h);
    }

    // ------------------------------------------------------------------ loss curves

    /** Training (and validation, when present) loss per epoch; {@code logY} for a logarithmic loss axis. */
    public static Chart lossCurve(History h, boolean logY) {
        if (h == null || h.epochs() == 0) {
            throw new IllegalArgumentException("history: expected at least one epoch");
        }
        XYChart c = xy("Loss", "epoch", "loss", WIDTH, HEIGHT);
        double[] ep = h.rows().stream().mapToDouble(History.Row::epoch).toArray();
        double[] loss = Charts.forAxis(h.losses(), logY);
        XYSeries s = c.addSeries("training", ep, loss);
        s.setMarker(ep.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        s.setLineColor(Charts.colour(0));
        s.setMarkerColor(Charts.colour(0));
        double[] v = h.validationLosses();
        if (v.length > 0 && !Double.isNaN(v[v.length - 1])) {
            XYSeries sv = c.addSeries("validation", ep, Charts.forAxis(v, logY));
            sv.setMarker(ep.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.DIAMOND);
            sv.setLineColor(Charts.colour(3));
            sv.setMarkerColor(Charts.colour(3));
        }
        c.getStyler().setYAxisLogarithmic(logY);
        Charts.thinIntegerTicks(c, ep.length);
        return Chart.of(c, String.format(Locale.ROOT, "loss curve, %d epochs%s", ep.length, logY ? ", log scale" : ""));
    }

    /**
     * Several training runs on one chart (log loss axis), one curve per history, e.g. SGD with batch 1, 32
     * and N on the same data.
     */
    public static Chart lossCurves(List<String> names, List<History> histories) {
        if (names == null || histories == null || names.size() != histories.size() || names.isEmpty()) {
            throw new IllegalArgumentException("names, histories: expected two non-empty lists of equal length, got "
                    + (names == null ? "null" : names.size()) + " and " + (histories == null ? "null" : histories.size()));
        }
        XYChart c = xy("Loss", "epoch", "loss (log scale)", WIDTH, HEIGHT);
        for (int i = 0; i < histories.size(); i++) {
            History h = histories.get(i);
            if (h == null || h.epochs() == 0) {
                throw new IllegalArgumentException("histories[" + i + "]: expected at least one epoch");
            }
            double[] ep = h.rows().stream().mapToDouble(History.Row::epoch).toArray();
            XYSeries s = c.addSeries(String.valueOf(names.get(i)), ep, Charts.forAxis(h.losses(), true));
            s.setMarker(SeriesMarkers.NONE);
            Color col = Charts.colour(i);
            s.setLineColor(col);
        }
        c.getStyler().setYAxisLogarithmic(true);
        return Chart.of(c, "loss curves of " + histories.size() + " runs: " + String.join(", ", names));
    }

    /**
     * A loss curve from points (x in epochs, fractional during an epoch): what the live view draws while
     * training runs.
     */
    public static Chart lossCurve(double[] epochs, double[] losses, String title) {
        return Charts.lossCurve(epochs, losses, title);
    }

    // ------------------------------------------------------------------ activations

    /** f(a) (solid) and f'(a) (dashed) on [-5, 5], one panel per activation (softmax: of a_1 with a_2 = 0). */
    public static Chart activations(Activation... fs) {
        if (fs == null || fs.length == 0) {
            fs = new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.1)};
        }
        List<XYChart> charts = new ArrayList<>();
        int n = 161;
        for (Activation f : fs) {
            double[] a = new double[n];
            double[] y = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = -5 + 10.0 * i / (n - 1);
                if (f.isSoftmax()) {
                    Matrix out = f.forward(Matrix.row(a[i], 0));
                    y[i] = out.get(0, 0);
                    d[i] = f.backward(Matrix.row(a[i], 0), out, Matrix.row(1, 0)).dx().get(0, 0);
                } else {
                    y[i] = f.apply(a[i]);
                    d[i] = f.derivative(a[i]);
                }
            }
            XYChart c = xy(f.name(), "a", "", fs.length == 1 ? WIDTH : 400, fs.length == 1 ? HEIGHT : 300);
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
            // a y range padded by a tenth (never a whole-number range, which XChart ticks at every 0.25)
            double lo = Math.min(java.util.Arrays.stream(y).min().getAsDouble(), java.util.Arrays.stream(d).min().getAsDouble());
            double hi = Math.max(java.util.Arrays.stream(y).max().getAsDouble(), java.util.Arrays.stream(d).max().getAsDouble());
            double pad = 0.1 * Math.max(hi - lo, 1e-6) + 0.013;
            c.getStyler().setYAxisMin(lo - pad);
            c.getStyler().setYAxisMax(hi + pad);
            XYSeries s = c.addSeries("f(a)", a, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.colour(0));
            s.setLineWidth(2.5f);
            XYSeries sd = c.addSeries("f'(a)", a, d);
            sd.setMarker(SeriesMarkers.NONE);
            sd.setLineColor(Charts.colour(1));
            sd.setLineStyle(SeriesLines.DASH_DASH);
            sd.setLineWidth(2f);
            charts.add(c);
        }
        if (charts.size() == 1) {
            return Chart.of(charts.get(0), "activation " + fs[0].name() + " and its derivative");
        }
        return Chart.grid(charts, Math.min(charts.size(), 3), "activations and their derivatives");
    }

    // ------------------------------------------------------------------ figure 5.3

    /**
     * The fit of a net with one input and one output to a 1-D data set: the data (blue dots), the network
     * function (red) and, for one hidden layer, each hidden unit's output (dashed), on (-1, 1).
     */
    public static Chart fit(Mlp net, Dataset data) {
        return Chart.of(fitChart(net, data, WIDTH, HEIGHT), "fit of " + net.architecture() + " to " + data.name());
    }

    private static XYChart fitChart(Mlp net, Dataset data, int w, int h) {
        if (net == null || data == null || net.inputs() != 1 || net.outputs() != 1 || data.inputSize() != 1) {
            throw new IllegalArgumentException("net, data: expected a net with 1 input and 1 output and a 1-D data set");
        }
        XYChart c = xy(data.name(), "x", "", w, h);
        c.getStyler().setLegendVisible(false);
        double[] xs = new double[data.size()];
        double[] ys = new double[data.size()];
        Matrix t = data.targets();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = data.input(i)[0];
            ys[i] = t.get(i, 0);
        }
        int n = 201;
        double[][] grid = new double[n][1];
        double[] gx = new double[n];
        for (int i = 0; i < n; i++) {
            gx[i] = -1 + 2.0 * i / (n - 1);
            grid[i][0] = gx[i];
        }
        var f = net.forward(Matrix.of(grid));
        if (net.sizes().length == 3) {
            // Bishop's long dashes: XChart restarts the dash pattern at every point, so the hidden units are
            // drawn through 26 points (dashes of 8 px on segments of about 16 px), not 201
            int every = 8;
            Matrix hidden = f.x(2);
            for (int u = 0; u < hidden.cols(); u++) {
                double[] hx = new double[(n - 1) / every + 1];
                double[] hy = new double[hx.length];
                for (int k = 0; k < hx.length; k++) {
                    hx[k] = gx[k * every];
                    hy[k] = hidden.get(k * every, u);
                }
                XYSeries s = c.addSeries(u == 0 ? "hidden units (tanh)" : "hidden unit " + (u + 1), hx, hy);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                        10f, new float[] {8f, 5f}, 0f));
                s.setLineColor(new Color(90, 90, 90));
                s.setShowInLegend(u == 0);
            }
        }
        double[] fy = new double[n];
        for (int i = 0; i < n; i++) {
            fy[i] = f.output().get(i, 0);
        }
        XYSeries net1 = c.addSeries("network", gx, fy);
        net1.setMarker(SeriesMarkers.NONE);
        net1.setLineColor(Charts.colour(1));
        net1.setLineWidth(2.5f);
        XYSeries pts = c.addSeries("data", xs, ys);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Charts.colour(0));
        c.getStyler().setXAxisMin(-1.0);
        c.getStyler().setXAxisMax(1.0);
        return c;
    }

    /**
     * Figure 5.3 in one call: trains a 1-3-1 net (tanh hidden units, linear output, seed 1, Adam 0.05,
     * 3000 full-batch steps) on each of x^2, sin(pi x), |x| and H(x) ({@link Datasets#figure53()}) and draws
     * the four panels.
     */
    public static Chart representationalPower() {
        List<Dataset> sets = Datasets.figure53();
        List<Mlp> nets = new ArrayList<>();
        for (Dataset d : sets) {
            Mlp net = Mlp.of(1, 3, 1).hidden(Activation.TANH).output(Activation.IDENTITY).seed(1);
            net.trainer().loss(Loss.EUCLIDEAN).optimizer(Adam.lr(0.05)).batchSize(d.size()).epochs(3000).live(false)
                    .fit(d);
            nets.add(net);
        }
        return representationalPower(nets, sets);
    }

    /**
     * Figure 5.3 of the lecture: four panels (a)-(d), each a 1-3-1 tanh net fitted to one function, with the
     * data (blue), the net (red) and the three hidden units' outputs (dashed).
     */
    public static Chart representationalPower(List<Mlp> nets, List<Dataset> sets) {
        if (nets == null || sets == null || nets.size() != sets.size() || nets.isEmpty()) {
            throw new IllegalArgumentException("nets, sets: expected lists of the same non-zero length");
        }
        List<XYChart> charts = new ArrayList<>();
        String[] tag = {"(a) ", "(b) ", "(c) ", "(d) ", "(e) ", "(f) "};
        for (int i = 0; i < nets.size(); i++) {
            XYChart c = fitChart(nets.get(i), sets.get(i), 450, 340);
            c.setTitle((i < tag.length ? tag[i] : "") + sets.get(i).name());
            if (i == 0) {
                // one legend for the four panels
                c.getStyler().setLegendVisible(true);
                c.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
            }
            charts.add(c);
        }
        return Chart.grid(charts, 2, "representational power of a two-layer net (" + nets.size() + " panels)");
    }

    // ------------------------------------------------------------------ 2-D classifiers

    /** The data of a 2-D set, coloured by class (or a 1-D function set as points): {@link Scatter#of}. */
    public static Chart scatter(Dataset data) {
        return Scatter.of(data);
    }

    /**
     * The decision regions of a 2-D classifier as a heat map (each class's colour, paler where the net is
     * less sure) with the data on top.
     */
    public static Chart decisionBoundary(Mlp net, Dataset data) {
        if (net == null || data == null || net.inputs() != 2 || data.inputSize() != 2 || !data.hasLabels()) {
            throw new IllegalArgumentException("net, data: expected a net with 2 inputs and a labelled 2-D data set");
        }
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            double[] p = data.input(i);
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        double mx = 0.15 * Math.max(x1 - x0, 1e-3);
        double my = 0.15 * Math.max(y1 - y0, 1e-3);
        final double ax0 = x0 - mx;
        final double ax1 = x1 + mx;
        final double ay0 = y0 - my;
        final double ay1 = y1 + my;
        String title = "decision regions of " + net.architecture() + " on " + data.name();
        return Chart.ofImage(v -> {
            XYChart probe = boundaryChart(data, ax0, ax1, ay0, ay1, new Color(1, 2, 3), title);
            probe.getStyler().setPlotGridLinesVisible(false);
            BufferedImage p = Chart.paint(probe);
            int[] r = find(p, new Color(1, 2, 3).getRGB());
            XYChart c = boundaryChart(data, ax0, ax1, ay0, ay1, new Color(0, 0, 0, 0), title);
            c.getStyler().setChartBackgroundColor(new Color(255, 255, 255, 0));
            c.getStyler().setPlotGridLinesVisible(false);
            BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            if (r != null) {
                int w = r[2] - r[0] + 1;
                int h = r[3] - r[1] + 1;
                g.drawImage(regions(net, data.classes(), w, h, ax0, ax1, ay0, ay1), r[0], r[1], null);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            c.paint(g, WIDTH, HEIGHT);
            g.dispose();
            return out;
        }, title);
    }

    private static XYChart boundaryChart(Dataset data, double x0, double x1, double y0, double y1, Color plotBg,
            String title) {
        XYChart c = xy(data.name(), "x1", "x2", WIDTH, HEIGHT);
        c.getStyler().setPlotBackgroundColor(plotBg);
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setXAxisMin(x0);
        c.getStyler().setXAxisMax(x1);
        c.getStyler().setYAxisMin(y0);
        c.getStyler().setYAxisMax(y1);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(7);
        Scatter.addPoints(c, data);
        return c;
    }

    /** Bounding box {x0, y0, x1, y1} of the pixels of colour {@code rgb}, or null. */
    private static int[] find(BufferedImage im, int rgb) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < im.getHeight(); y++) {
            for (int x = 0; x < im.getWidth(); x++) {
                if (im.getRGB(x, y) == rgb) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    private static BufferedImage regions(Mlp net, int classes, int w, int h, double x0, double x1, double y0,
            double y1) {
        int gw = Math.max(2, w / 2);
        int gh = Math.max(2, h / 2);
        double[][] pts = new double[gw * gh][2];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                pts[j * gw + i][0] = x0 + (x1 - x0) * (i + 0.5) / gw;
                pts[j * gw + i][1] = y1 - (y1 - y0) * (j + 0.5) / gh;
            }
        }
        Matrix out = net.predict(Matrix.of(pts));
        BufferedImage small = new BufferedImage(gw, gh, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                int r = j * gw + i;
                int cls;
                double conf;
                if (out.cols() == 1) {
                    double p = Math.min(1, Math.max(0, out.get(r, 0)));
                    cls = p > 0.5 ? 1 : 0;
                    conf = Math.abs(p - 0.5) * 2;
                } else {
                    cls = 0;
                    for (int c = 1; c < out.cols(); c++) {
                        if (out.get(r, c) > out.get(r, cls)) {
                            cls = c;
                        }
                    }
                    double sum = 0;
                    for (int c = 0; c < out.cols(); c++) {
                        sum += Math.max(0, out.get(r, c));
                    }
                    double top = Math.max(0, out.get(r, cls));
                    conf = sum > 0 ? Math.max(0, (top / sum - 1.0 / out.cols()) / (1 - 1.0 / out.cols())) : 0;
                }
                Color base = Charts.colour(cls);
                double a = 0.15 + 0.45 * conf;
                int rr = (int) Math.round(255 * (1 - a) + base.getRed() * a);
                int gg = (int) Math.round(255 * (1 - a) + base.getGreen() * a);
                int bb = (int) Math.round(255 * (1 - a) + base.getBlue() * a);
                small.setRGB(i, j, (rr << 16) | (gg << 8) | bb);
            }
        }
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, w, h, null);
        g.dispose();
        return big;
    }

    // ------------------------------------------------------------------ confusion matrix

    /** The confusion matrix of a classifier on a labelled set: rows true class, columns predicted class. */
    public static Chart confusionMatrix(Net net, Dataset data) {
        if (net == null || data == null) {
            throw new IllegalArgumentException("net, data: expected values, got null");
        }
        return confusionMatrix(data.labels(), net.classify(data), data.classes());
    }

    /** Counts[true][predicted] drawn as shaded cells with the counts written in. */
    public static Chart confusionMatrix(int[] truth, int[] predicted, int classes) {
        return Charts.confusionMatrix(truth, predicted, classes);
    }

    // ------------------------------------------------------------------ weights

    /**
     * The first layer's weights of a net on {@code width x height} images: row u of W_1 (the weights into
     * hidden unit u) shown as an image, mid grey = 0, for the first {@code count} units, 10 per row.
     */
    public static Mosaic firstLayerWeights(Mlp net, int width, int height, int count) {
        if (net == null || net.inputs() != width * height) {
            throw new IllegalArgumentException("width, height: expected width x height = the net's "
                    + (net == null ? "?" : net.inputs()) + " inputs, got " + width + "x" + height);
        }
        Matrix w = net.weights(1);
        int n = Math.min(count, w.rows());
        if (n < 1) {
            throw new IllegalArgumentException("count: expected at least 1, got " + count);
        }
        List<List<Image>> rows = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (u % 10 == 0) {
                rows.add(new ArrayList<>());
            }
            double[] r = w.row(u);
            float[] px = new float[r.length];
            for (int i = 0; i < r.length; i++) {
                px[i] = (float) r[i];
            }
            rows.get(rows.size() - 1).add(Image.of(width, height, px));
        }
        return Mosaic.grid(rows).range(Mosaic.Range.AROUND_ZERO).zoom(Math.max(1, 84 / Math.max(width, height)))
                .title("first-layer weights W_1 of " + net.architecture() + ", " + n + " units, grey = 0");
    }

    /** Mistakes per epoch of a perceptron. */
    public static Chart perceptronErrors(Perceptron.Result r) {
        XYChart c = xy(r.converged() ? "perceptron: converged" : "perceptron: did not converge", "epoch",
                "mistakes", WIDTH, HEIGHT);
        c.getStyler().setLegendVisible(false);
        double[] e = new double[r.epochs()];
        double[] v = new double[r.epochs()];
        for (int i = 0; i < e.length; i++) {
            e[i] = i + 1;
            v[i] = r.errorsPerEpoch()[i];
        }
        XYSeries s = c.addSeries("mistakes", e, v);
        s.setMarker(e.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        double most = 0;
        for (double x : v) {
            most = Math.max(most, x);
        }
        Charts.thinIntegerTicks(c, e.length);
        Charts.integerYAxis(c, most);
        return Chart.of(c, r.toString());
    }
}
