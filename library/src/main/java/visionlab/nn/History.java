package visionlab.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import visionlab.plot.Chart;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * What training did, one row per epoch: epoch, step (optimizer steps so far), loss (mean over the epoch's
 * batches), validation loss, accuracy (training, during the epoch), validation accuracy, seconds since the
 * start. NaN where a value does not apply (no validation set, regression). Renders as an HTML table with the
 * loss curve; {@link #table()} is the Tablesaw table, {@link #plot()} the chart.
 */
public final class History implements Displayable {

    /** One epoch. */
    public record Row(int epoch, long step, double loss, double validationLoss, double accuracy,
            double validationAccuracy, double seconds) {
    }

    private final List<Row> rows;
    private final boolean interrupted;
    private final boolean stoppedEarly;
    private final String title;

    History(List<Row> rows, boolean interrupted, boolean stoppedEarly, String title) {
        this.rows = List.copyOf(rows);
        this.interrupted = interrupted;
        this.stoppedEarly = stoppedEarly;
        this.title = title;
    }

    /** The rows, first epoch first. */
    public List<Row> rows() {
        return rows;
    }

    /** Number of epochs run (completed). */
    public int epochs() {
        return rows.size();
    }

    /** True when the thread was interrupted and training stopped early, keeping the weights learnt so far. */
    public boolean interrupted() {
        return interrupted;
    }

    /** True when early stopping (patience) ended the training. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The last epoch's loss (NaN when no epoch completed). */
    public double finalLoss() {
        return rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1).loss();
    }

    /** The last epoch's training accuracy (NaN if none). */
    public double finalAccuracy() {
        return rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1).accuracy();
    }

    /** The loss of every epoch. */
    public double[] losses() {
        return rows.stream().mapToDouble(Row::loss).toArray();
    }

    /** The validation loss of every epoch (NaN without a validation set). */
    public double[] validationLosses() {
        return rows.stream().mapToDouble(Row::validationLoss).toArray();
    }

    /** What was trained, e.g. the net's architecture and the optimizer. */
    public String title() {
        return title;
    }

    /** The history as a Tablesaw table. */
    public Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        LongColumn step = LongColumn.create("step");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn vl = DoubleColumn.create("validation loss");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn va = DoubleColumn.create("validation accuracy");
        DoubleColumn sec = DoubleColumn.create("seconds");
        for (Row r : rows) {
            epoch.append(r.epoch());
            step.append(r.step());
            loss.append(r.loss());
            vl.append(r.validationLoss());
            acc.append(r.accuracy());
            va.append(r.validationAccuracy());
            sec.append(r.seconds());
        }
        return Table.create("history", epoch, step, loss, vl, acc, va, sec);
    }

    /** The loss curve (training and validation), linear axis. */
    public Chart plot() {
        return Plots.lossCurve(this, false);
    }

    /** The loss curve with a logarithmic loss axis. */
    public Chart plotLog() {
        return Plots.lossCurve(this, true);
    }

    private String status() {
        String s = String.format(Locale.ROOT, "History: %d epoch(s), loss %.4g", rows.size(), finalLoss());
        if (!rows.isEmpty() && !Double.isNaN(finalAccuracy())) {
            s += String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * finalAccuracy());
        }
        if (!rows.isEmpty() && !Double.isNaN(rows.get(rows.size() - 1).validationLoss())) {
            Row last = rows.get(rows.size() - 1);
            s += String.format(Locale.ROOT, ", validation loss %.4g", last.validationLoss());
            if (!Double.isNaN(last.validationAccuracy())) {
                s += String.format(Locale.ROOT, ", validation accuracy %.2f%%", 100 * last.validationAccuracy());
            }
        }
        if (!rows.isEmpty()) {
            s += String.format(Locale.ROOT, ", %.2f s", rows.get(rows.size() - 1).seconds());
        }
        if (interrupted) {
            s += " (interrupted)";
        }
        if (stoppedEarly) {
            s += " (stopped early)";
        }
        return s;
    }

    /** HTML: the status line, the loss curve and the table (first and last epochs when long). */
    @Override
    public MimeBundle mimeBundle() {
        byte[] png = rows.isEmpty() ? null : plot().toPng();
        StringBuilder h = new StringBuilder("<p>").append(status()).append("</p>");
        if (png != null) {
            h.append("<img src=\"data:image/png;base64,")
                    .append(java.util.Base64.getEncoder().encodeToString(png)).append("\"/>");
        }
        h.append("<table><tr><th>epoch</th><th>step</th><th>loss</th><th>validation loss</th><th>accuracy</th>"
                + "<th>validation accuracy</th><th>seconds</th></tr>");
        List<Row> shown = new ArrayList<>();
        boolean cut = rows.size() > 12;
        if (cut) {
            shown.addAll(rows.subList(0, 5));
            shown.add(null);
            shown.addAll(rows.subList(rows.size() - 5, rows.size()));
        } else {
            shown.addAll(rows);
        }
        for (Row r : shown) {
            if (r == null) {
                h.append("<tr><td colspan=\"7\">...</td></tr>");
                continue;
            }
            h.append(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%d</td><td>%.5g</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td></tr>",
                    r.epoch(), r.step(), r.loss(), fmt(r.validationLoss()), pct(r.accuracy()),
                    pct(r.validationAccuracy()), r.seconds()));
        }
        h.append("</table>");
        String text = status() + "\n" + table().print(12);
        return new MimeBundle(png, text, h.toString());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5g", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.rows.equals(rows) && h.interrupted == interrupted
                && h.stoppedEarly == stoppedEarly;
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return status();
    }

    static History empty() {
        return new History(Collections.emptyList(), false, false, "");
    }
}
