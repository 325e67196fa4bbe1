package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.data.Datasets;
import visionlab.plot.Chart;
import visionlab.show.Handle;
import visionlab.show.Show;
import visionlab.show.ShowBackend;

/** The live view: one chart and one progress line updated in place, rate-limited; silent when off. */
class LiveViewTest {

    /** A notebook-like backend that records what is shown. */
    static final class Recorder implements ShowBackend {
        final List<List<Object>> outputs = new ArrayList<>();

        @Override
        public Handle show(Object value) {
            List<Object> out = new ArrayList<>();
            out.add(value);
            outputs.add(out);
            return new Handle() {
                @Override
                public void update(Object v) {
                    out.add(v);
                }

                @Override
                public String id() {
                    return "h" + outputs.indexOf(out);
                }
            };
        }

        @Override
        public boolean isInteractive() {
            return true;
        }
    }

    private static TrainingListener slow() {
        return new TrainingListener() {
            @Override
            public void step(int epoch, long step, double loss) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void notebookGetsOneChartAndOneProgressLineUpdatedInPlaceAtMostEvery250Ms() {
        ShowBackend old = Show.backend();
        Recorder rec = new Recorder();
        Show.setBackend(rec);
        try {
            Mlp net = Mlp.of(64, 16, 10).output(Activation.SOFTMAX).seed(1);
            long t0 = System.nanoTime();
            net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.05)).batchSize(32).epochs(4)
                    .listener(slow()).fit(Datasets.digits8x8());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(2, rec.outputs.size(), "one chart and one progress line");
            List<Object> chart = rec.outputs.stream().filter(o -> o.get(0) instanceof Chart).findFirst().orElseThrow();
            List<Object> text = rec.outputs.stream().filter(o -> o.get(0) instanceof String).findFirst().orElseThrow();
            assertTrue(chart.size() >= 2, "the chart is updated in place");
            assertTrue(text.size() <= seconds / 0.25 + 2, "rate limited: " + text.size() + " in " + seconds + " s");
            String first = (String) text.get(0);
            assertTrue(first.matches("epoch \\d/4, loss [0-9.e-]+, [0-9,]+ samples/s, ETA .*"), first);
            assertTrue(((String) text.get(text.size() - 1)).startsWith("done: History: 4 epoch(s)"));
        } finally {
            Show.setBackend(old);
        }
    }

    @Test
    void liveOffShowsNothingAndShortConsoleRunsPrintNothing() {
        ShowBackend old = Show.backend();
        Recorder rec = new Recorder();
        Show.setBackend(rec);
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            Mlp net = Mlp.of(64, 16, 10).output(Activation.SOFTMAX).seed(1);
            net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).live(false).epochs(2).listener(slow()).fit(Datasets.digits8x8());
            assertEquals(0, rec.outputs.size());
            Show.setBackend(new visionlab.show.ConsoleBackend());
            System.setOut(new PrintStream(buf));
            net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).epochs(1).fit(Datasets.digits8x8());
            assertEquals("", buf.toString(), "a training under 3 s prints nothing in plain JShell");
        } finally {
            System.setOut(oldOut);
            Show.setBackend(old);
        }
    }
}
