package visionlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.plot.Chart;
import visionlab.show.Handle;
import visionlab.show.Show;

/**
 * The training loop's live view through {@code visionlab.show}. In a notebook (an interactive backend):
 * one loss chart (the running mean loss of each epoch so far, against fractional epochs; at the end the
 * history's chart when there were three epochs or more) updated in place at most every 250 ms (less often when drawing is slow) and a progress
 * line "epoch i/n, loss, samples/s, ETA" updated in place. In plain JShell: a progress line on the console
 * at most every 3 s and, if training lasted that long, the final chart written once at the end.
 */
final class LiveView {

    private static final long CHART_NANOS = 250_000_000L;
    private static final long CONSOLE_NANOS = 3_000_000_000L;

    private final boolean on;
    private final boolean interactive;
    private final int epochs;
    private final int perEpoch;
    private final String title;
    private Handle chart;
    private Handle progress;
    private long last = System.nanoTime();
    private long drawNanos;
    private boolean printed;
    private int epochNow;
    private final List<Double> xs = new ArrayList<>();
    private final List<Double> ys = new ArrayList<>();

    LiveView(boolean on, int epochs, int perEpoch, String title) {
        this.on = on;
        this.interactive = on && Show.backend().isInteractive();
        this.epochs = epochs;
        this.perEpoch = perEpoch;
        this.title = title;
    }

    void step(int epoch, int seen, double runningLoss, long t0) {
        if (!on) {
            return;
        }
        epochNow = epoch;
        long now = System.nanoTime();
        long interval = interactive ? Math.max(CHART_NANOS, 4 * drawNanos) : CONSOLE_NANOS;
        if (now - last < interval) {
            return;
        }
        last = now;
        double secs = (now - t0) / 1e9;
        double done = (epoch - 1) * (double) perEpoch + seen;
        double rate = done / secs;
        double eta = (epochs * (double) perEpoch - done) / rate;
        String line = String.format(Locale.ROOT, "epoch %d/%d, loss %.4g, %,.0f samples/s, ETA %s", epoch, epochs,
                runningLoss, rate, eta < 90 ? String.format(Locale.ROOT, "%.0f s", eta)
                        : String.format(Locale.ROOT, "%.1f min", eta / 60));
        if (interactive) {
            xs.add(done / perEpoch);
            ys.add(runningLoss);
            long d0 = System.nanoTime();
            Chart c = Plots.lossCurve(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), title);
            if (chart == null) {
                chart = Show.show(c);
            } else {
                chart.update(c);
            }
            if (progress == null) {
                progress = Show.show(line);
            } else {
                progress.update(line);
            }
            drawNanos = System.nanoTime() - d0;
        } else {
            System.out.println(line);
            printed = true;
        }
    }

    void finish(History h) {
        if (!on) {
            return;
        }
        String line = String.format(Locale.ROOT, "done: %s", h);
        if (interactive) {
            if (chart != null && h.epochs() >= 3) {
                chart.update(h.plot());
            } else if (chart != null && !xs.isEmpty()) { // one or two epochs: the per-step curve says more
                chart.update(Plots.lossCurve(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray(), title));
            }
            if (progress != null) {
                progress.update(line);
            }
        } else if (printed) {
            System.out.println(line);
            if (h.epochs() > 0) {
                Show.show(h.plot());
            }
        }
    }
}
