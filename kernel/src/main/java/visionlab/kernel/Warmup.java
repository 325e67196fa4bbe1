package visionlab.kernel;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** A small chart rendered once at start so XChart's classes and fonts are loaded before the first cell. */
final class Warmup {

    private Warmup() {
    }

    static XYChart chart() {
        XYChart c = new XYChartBuilder().width(200).height(150).title("warm-up").build();
        c.addSeries("s", new double[]{0, 1, 2}, new double[]{0, 1, 4});
        return c;
    }
}
