package visionlab.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

/** The decode-ahead and encode-behind stages: order, completeness, failures reported to the caller. */
class PipelineTest {

    private static Image frame(int t) {
        return Image.fromFunction(8, 6, (x, y) -> t / 100.0);
    }

    /** A sink that records the value of each frame it takes (on whichever thread), and its life cycle. */
    private static final class Recording implements FrameSink {
        final List<Float> got = Collections.synchronizedList(new ArrayList<>());
        final int failAt;
        volatile boolean finished;
        volatile boolean closed;
        volatile int acceptedAfterFinish;

        Recording(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void accept(Image f) {
            if (finished) {
                acceptedAfterFinish++;
            }
            if (got.size() == failAt) {
                throw new IllegalArgumentException("frames[" + failAt + "]: refused by the test sink");
            }
            got.add(f.get(0, 0));
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void readAheadGivesEveryFrameInOrderThenNull() {
        try (FrameSource s = Pipeline.readAhead(FrameSource.generate(50, 30, PipelineTest::frame))) {
            assertEquals(8, s.width());
            assertEquals(50, s.frames());
            for (int t = 0; t < 50; t++) {
                assertEquals(t / 100f, s.next().get(0, 0), 1e-7, "frame " + t);
            }
            assertNull(s.next());
            assertNull(s.next());
        }
    }

    @Test
    void readAheadRethrowsTheSourcesFailureAfterTheFramesBeforeIt() {
        FrameSource bad = FrameSource.generate(20, 30, t -> {
            if (t == 7) {
                throw new IllegalArgumentException("file: corrupt frame 7");
            }
            return frame(t);
        });
        try (FrameSource s = Pipeline.readAhead(bad)) {
            for (int t = 0; t < 7; t++) {
                assertEquals(t / 100f, s.next().get(0, 0), 1e-7);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::next);
            assertTrue(e.getMessage().contains("corrupt frame 7"), e.getMessage());
        }
    }

    @Test
    void writeBehindHandsEveryFrameInOrderBeforeFinishing() {
        Recording r = new Recording(-1);
        try (FrameSink s = Pipeline.writeBehind(r)) {
            for (int t = 0; t < 40; t++) {
                s.accept(frame(t));
            }
            s.finish();
        }
        assertEquals(40, r.got.size());
        for (int t = 0; t < 40; t++) {
            assertEquals(t / 100f, r.got.get(t), 1e-7);
        }
        assertTrue(r.finished);
        assertEquals(0, r.acceptedAfterFinish, "finish() waits for every frame");
    }

    @Test
    void writeBehindReportsTheSinksFailureAndNeverFinishes() {
        Recording r = new Recording(3);
        FrameSink s = Pipeline.writeBehind(r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            for (int t = 0; t < 100; t++) {
                s.accept(frame(t));
            }
            s.finish();
        });
        assertTrue(e.getMessage().contains("refused by the test sink"), e.getMessage());
        s.close();
        assertTrue(r.closed);
        assertTrue(!r.finished, "a failed output is not finished (not moved into place)");
    }

    @Test
    void writeBehindRejectsAFrameOfAnotherSizeAtOnce() {
        Recording r = new Recording(-1);
        try (FrameSink s = Pipeline.writeBehind(r)) {
            s.accept(frame(0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.accept(Image.zeros(9, 6)));
            assertTrue(e.getMessage().startsWith("frames[1]"), e.getMessage());
        }
        assertTrue(r.closed);
    }
}
