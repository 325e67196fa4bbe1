package visionlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A rendered figure: one XChart chart or several side by side, drawn at a fixed size on white and shown as a
 * PNG. Works headless ({@code -Djava.awt.headless=true}).
 */
public final class Chart implements Displayable {

    private final Function<Void, BufferedImage> painter;
    private final String title;
    private final Object xchart;

    private Chart(Function<Void, BufferedImage> painter, String title, Object xchart) {
        this.painter = painter;
        this.title = title;
        this.xchart = xchart;
    }

    /** Wraps an XChart chart (drawn at its own width and height). */
    public static Chart of(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String title) {
        return new Chart(v -> paint(chart), title, chart);
    }

    /** Several charts in a grid of {@code columns} columns (each drawn at its own size). */
    public static Chart grid(List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts, int columns, String title) {
        if (charts == null || charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("charts: expected at least one chart and columns >= 1");
        }
        return new Chart(v -> {
            int w = charts.get(0).getWidth();
            int h = charts.get(0).getHeight();
            int rows = (charts.size() + columns - 1) / columns;
            BufferedImage out = new BufferedImage(w * Math.min(columns, charts.size()), h * rows,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(paint(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
            }
            g.dispose();
            return out;
        }, title, charts);
    }

    /** A chart drawn by custom code (for composed pictures). */
    public static Chart ofImage(Function<Void, BufferedImage> painter, String title) {
        return new Chart(painter, title, null);
    }

    /** Paints an XChart chart at its own size on white, antialiased. */
    public static BufferedImage paint(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        BufferedImage im = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, im.getWidth(), im.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return im;
    }

    /** The picture. */
    public BufferedImage image() {
        return painter.apply(null);
    }

    /** The underlying XChart object (a chart, or a list of charts), for restyling. */
    public Object xchart() {
        return xchart;
    }

    /** PNG bytes. */
    public byte[] toPng() {
        return visionlab.image.Png.encode(image());
    }

    /** Writes the PNG to {@code file} and returns it. */
    public Path save(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        try {
            java.nio.file.Files.write(file, toPng());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Writes the PNG to {@code file}. */
    public Path save(String file) {
        return save(Path.of(file));
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.png(toPng(), toString());
    }

    @Override
    public String toString() {
        return "Chart: " + title;
    }
}
