package visionlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import visionlab.image.Image;

/**
 * Histograms of images or pyramid bands as curves on one chart: the estimated density
 * {@code p(v) = count in bin / (n * bin width)} over shared bins spanning all the samples, so images of
 * different sizes compare. One curve per image (a colour image's channels pooled); the second curve is
 * drawn wide and the third dashed, so that curves which coincide stay visible.
 */
public final class HistogramChart {

    private HistogramChart() {
    }

    /**
     * One curve per image ({@code names[i]} its legend entry; a colour image's channels pooled), {@code bins}
     * bins (2..1000) from the smallest to the largest sample of all images.
     */
    public static Chart of(String title, List<String> names, List<Image> images, int bins) {
        if (images == null || images.isEmpty() || names == null || names.size() != images.size()) {
            throw new IllegalArgumentException("names, images: expected two non-empty lists of equal length, got "
                    + (names == null ? "null" : names.size()) + " and " + (images == null ? "null" : images.size()));
        }
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins: expected 2..1000, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < images.size(); i++) {
            Image im = Image.requireValid(images.get(i), "images[" + i + "]");
            lo = Math.min(lo, im.min());
            hi = Math.max(hi, im.max());
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / bins;
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = lo + (b + 0.5) * width;
        }
        XYChart c = Charts.xy(title == null ? "Histogram" : title, "value", "density (count / (n * bin width))",
                Charts.WIDTH, Charts.HEIGHT);
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            double[] y = new double[bins];
            long n = 0;
            for (int ch = 0; ch < im.channels(); ch++) {
                for (float v : im.plane(ch)) {
                    int b = (int) ((v - lo) / width);
                    y[Math.max(0, Math.min(bins - 1, b))]++;
                    n++;
                }
            }
            for (int b = 0; b < bins; b++) {
                y[b] /= n * width;
            }
            String name = names.get(i) == null ? "image " + i : names.get(i);
            XYSeries s = c.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.colour(i));
            // curves that coincide (a band after matching and its reference) stay visible: wide, then dashed
            s.setLineStyle(i % 3 == 2 ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
            s.setLineWidth(i % 3 == 1 ? 5f : 2f);
            legend.add(name);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(hi - lo)));
        c.getStyler().setXAxisDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        return Chart.of(c, String.format(Locale.ROOT, "histograms (%d bins over [%.4g, %.4g]) of %s", bins, lo, hi,
                String.join(", ", legend)));
    }
}
