package visionlab.data;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import visionlab.nn.Matrix;
import visionlab.plot.Chart;
import visionlab.plot.Charts;

/** A data set drawn as points: x against y for a 1-D function set, x1 against x2 coloured by class for 2-D. */
public final class Scatter {

    private Scatter() {
    }

    /** The data of a 2-D set, coloured by class (or a 1-D function set as points). */
    public static Chart of(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data: expected a Dataset, got null");
        }
        XYChart c = Charts.xy(data.name(), "x1", data.inputSize() == 1 ? "y" : "x2", Charts.WIDTH, Charts.HEIGHT);
        addPoints(c, data);
        return Chart.of(c, data.toString());
    }

    /** Adds the points of a 1-D function set or of a 2-D set (one series per class) to {@code c}. */
    public static void addPoints(XYChart c, Dataset data) {
        if (data.inputSize() == 1) {
            Matrix t = data.targets();
            double[] xs = new double[data.size()];
            double[] ys = new double[data.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = data.input(i)[0];
                ys[i] = t.get(i, 0);
            }
            XYSeries s = c.addSeries("data", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(Charts.colour(0));
            return;
        }
        if (data.inputSize() != 2) {
            throw new IllegalArgumentException("data: expected 1-D or 2-D inputs, got " + data.inputSize());
        }
        int k = data.hasLabels() ? data.classes() : 1;
        int[] labels = data.hasLabels() ? data.labels() : new int[data.size()];
        for (int cl = 0; cl < k; cl++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (labels[i] == cl) {
                    double[] p = data.input(i);
                    xs.add(p[0]);
                    ys.add(p[1]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = c.addSeries("class " + cl, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Charts.colour(cl).darker());
        }
    }
}
