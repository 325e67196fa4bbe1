package visionlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import visionlab.image.Image;

/**
 * The chart toolkit the figures of every package build on: the house style of an XY chart (white, titled,
 * labelled axes, 600x400), the class colours, tick thinning, a curve from points and a confusion matrix
 * from label arrays. Knows numbers and XChart only: domain types ({@code visionlab.nn}, {@code visionlab.data})
 * draw themselves with it, never the other way round.
 */
public final class Charts {

    /** Default chart width. */
    public static final int WIDTH = 600;
    /** Default chart height. */
    public static final int HEIGHT = 400;

    private static final Color[] CLASS_COLORS = {new Color(31, 119, 180), new Color(214, 39, 40),
        new Color(44, 160, 44), new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    /** Colour number {@code i} of the ten class colours (blue, red, green, orange, ...), cycling. */
    public static Color colour(int i) {
        return CLASS_COLORS[Math.floorMod(i, CLASS_COLORS.length)];
    }

    /** An empty XY chart in the house style: white, bold title, axis titles, legend outside on the right. */
    public static XYChart xy(String title, String xLabel, String yLabel, int w, int h) {
        if (w < 50 || h < 50 || w > 4000 || h > 4000) {
            throw new IllegalArgumentException("w, h: expected 50..4000 pixels, got " + w + "x" + h);
        }
        XYChart c = new XYChartBuilder().width(w).height(h).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    /** Adds a line series in colour number {@code colour}, with markers when there are 40 points or fewer. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y, int colour) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(x.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        s.setLineColor(colour(colour));
        s.setMarkerColor(colour(colour));
        return s;
    }

    /**
     * An x axis of epochs 1..n with round ticks (0, 20, 40, ...). XChart spaces the ticks of an axis whose range
     * is a whole number by {@code ceil(range / count)} (1, 37, 73, ... for 500 epochs, labels running into each
     * other); a range of {@code n + 0.5} from 0 gets its 1-2-5 tick steps.
     */
    public static void thinIntegerTicks(XYChart c, int n) {
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(Math.max(n, 2) + 0.5);
        c.getStyler().setXAxisDecimalPattern("#");
    }

    /** A y axis of counts: from 0 to {@code max + 0.5} (round tick steps), labels on whole numbers only. */
    public static void integerYAxis(XYChart c, double max) {
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(Math.max(1, Math.ceil(max)) + 0.5);
        c.getStyler().setYAxisTickLabelsFormattingFunction(
                y -> Math.abs(y - Math.rint(y)) < 1e-9 ? Long.toString((long) Math.rint(y)) : "");
    }

    /** A copy of {@code v}; for a logarithmic axis with values below 1e-12 raised to 1e-12. */
    public static double[] forAxis(double[] v, boolean log) {
        double[] out = v.clone();
        if (log) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], 1e-12);
            }
        }
        return out;
    }

    /**
     * A loss curve from points (x in epochs, fractional during an epoch): what the live view draws while
     * training runs.
     */
    public static Chart lossCurve(double[] epochs, double[] losses, String title) {
        if (epochs == null || losses == null || epochs.length != losses.length || epochs.length == 0) {
            throw new IllegalArgumentException("losses: expected as many values as epochs, at least one");
        }
        XYChart c = xy(title == null ? "Loss" : title, "epoch", "loss", WIDTH, HEIGHT);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        line(c, "training (running mean in the epoch)", epochs, losses, 0);
        c.getStyler().setXAxisMin(0.0);
        return Chart.of(c, String.format(Locale.ROOT, "live loss curve, %d points", epochs.length));
    }

    /**
     * Curves y_i(x) on one chart, one per name, in the class colours with markers: e.g. the accuracy of two
     * nets against the shift of their inputs.
     */
    public static Chart lines(String title, String xLabel, String yLabel, double[] x, List<String> names,
            List<double[]> ys) {
        if (x == null || names == null || ys == null || names.size() != ys.size() || names.isEmpty()) {
            throw new IllegalArgumentException("names, ys: expected two non-empty lists of equal length");
        }
        XYChart c = xy(title, xLabel, yLabel, WIDTH, HEIGHT);
        for (int i = 0; i < ys.size(); i++) {
            if (ys.get(i) == null || ys.get(i).length != x.length) {
                throw new IllegalArgumentException("ys[" + i + "]: expected " + x.length + " values (one per x), got "
                        + (ys.get(i) == null ? "null" : ys.get(i).length));
            }
            line(c, names.get(i), x, ys.get(i), i).setMarker(SeriesMarkers.CIRCLE);
        }
        return Chart.of(c, title);
    }

    /** A picture (e.g. a mosaic's image) under a bold title and above an optional caption, drawn in. */
    public static Chart titled(Image picture, String title, String caption) {
        if (picture == null) {
            throw new IllegalArgumentException("picture: expected an image, got null");
        }
        String t = title == null ? "" : title;
        return Chart.ofImage(v -> {
            BufferedImage p = picture.toBufferedImage();
            Font tf = new Font(Font.SANS_SERIF, Font.BOLD, 16);
            Font cf = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D pg = probe.createGraphics();
            int tw = pg.getFontMetrics(tf).stringWidth(t);
            int cw = caption == null ? 0 : pg.getFontMetrics(cf).stringWidth(caption);
            pg.dispose();
            int w = Math.max(p.getWidth() + 20, Math.max(tw, cw) + 20);
            int h = p.getHeight() + 40 + (caption == null ? 10 : 30);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(tf);
            g.drawString(t, 10, 24);
            g.drawImage(p, 10, 36, null);
            if (caption != null) {
                g.setFont(cf);
                g.setColor(Color.DARK_GRAY);
                g.drawString(caption, 10, 36 + p.getHeight() + 20);
            }
            g.dispose();
            return out;
        }, t);
    }

    /** Counts[true][predicted] drawn as shaded cells with the counts written in; the title gives the accuracy. */
    public static Chart confusionMatrix(int[] truth, int[] predicted, int classes) {
        if (truth == null || predicted == null || truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("predicted: expected as many predictions as labels ("
                    + (truth == null ? "null" : truth.length) + "), got " + (predicted == null ? "null" : predicted.length));
        }
        if (classes < 2 || classes > 100) {
            throw new IllegalArgumentException("classes: expected 2..100, got " + classes);
        }
        int[][] m = new int[classes][classes];
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "]: expected 0.." + (classes - 1) + ", got "
                        + truth[i] + " / " + predicted[i]);
            }
            m[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                ok++;
            }
        }
        double acc = ok / (double) truth.length;
        String title = String.format(Locale.ROOT, "confusion matrix, %d examples, accuracy %.2f%%", truth.length,
                100 * acc);
        return Chart.ofImage(v -> drawConfusion(m, title), title);
    }

    private static BufferedImage drawConfusion(int[][] m, String title) {
        int k = m.length;
        int size = 560;
        BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        int left = 70;
        int top = 60;
        int cell = (size - left - 20) / k;
        int max = 1;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("predicted class", left + k * cell / 2 - 45, 48);
        Graphics2D gr = (Graphics2D) g.create();
        gr.rotate(-Math.PI / 2);
        gr.drawString("true class", -(top + k * cell / 2 + 30), 20);
        gr.dispose();
        Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(16, cell / 3)));
        for (int i = 0; i < k; i++) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(Integer.toString(i), left - 18, top + i * cell + cell / 2 + 5);
            g.drawString(Integer.toString(i), left + i * cell + cell / 2 - 4, top + k * cell + 16 > size ? size - 2 : top - 2 + 0);
            for (int j = 0; j < k; j++) {
                double f = Math.sqrt(m[i][j] / (double) max);
                Color base = i == j ? new Color(31, 119, 180) : new Color(214, 39, 40);
                int r = (int) (255 - f * (255 - base.getRed()));
                int gg = (int) (255 - f * (255 - base.getGreen()));
                int b = (int) (255 - f * (255 - base.getBlue()));
                g.setColor(new Color(r, gg, b));
                g.fillRect(left + j * cell, top + i * cell, cell, cell);
                g.setColor(new Color(200, 200, 200));
                g.drawRect(left + j * cell, top + i * cell, cell, cell);
                if (m[i][j] > 0) {
                    g.setFont(cellFont);
                    g.setColor(f > 0.6 ? Color.WHITE : Color.BLACK);
                    String s = Integer.toString(m[i][j]);
                    FontMetrics fm = g.getFontMetrics();
                    g.drawString(s, left + j * cell + (cell - fm.stringWidth(s)) / 2, top + i * cell + cell / 2 + fm.getAscent() / 2 - 2);
                }
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(left, top, k * cell, k * cell);
        g.dispose();
        return im;
    }
}
