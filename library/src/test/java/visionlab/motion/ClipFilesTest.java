package visionlab.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visionlab.image.Image;

class ClipFilesTest {

    static Clip moving(int w, int h, int frames, double fps, boolean colour) {
        List<Image> f = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            double d = 2 * Math.sin(2 * Math.PI * t / frames);
            Image g = Image.fromFunction(w, h, (x, y) -> 0.5 + 0.3 * Math.sin(0.35 * (x - d) + 0.2 * y)
                    * Math.exp(-((x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0)) / (w * h / 4.0)));
            f.add(colour ? Image.stack(g, g.map(v -> 1 - v), g.times(0.5).plus(0.25)) : g);
        }
        return Clip.of(f, fps);
    }

    static double rms(Image a, Image b) {
        return a.rmsDifference(b);
    }

    @Test
    void mp4RoundTripKeepsSizeFrameCountFpsAndPixelsWithinCodecError(@TempDir Path dir) {
        for (double fps : new double[] {24, 29.97}) {
            Clip in = moving(64, 48, 20, fps, false);
            Path file = in.write(dir.resolve("grey.mp4"));
            Clip back = Clip.read(file);
            assertEquals(20, back.size());
            assertEquals(fps, back.fps(), 1e-3);
            Image f = back.frames().get(7);
            assertEquals(64, f.width());
            assertEquals(48, f.height());
            assertEquals(1, f.channels(), "a grey video reads back grey");
            for (int t = 0; t < 20; t++) {
                double e = rms(back.frames().get(t), in.frames().get(t));
                assertTrue(e < 0.02, "frame " + t + ": rms error " + e);
            }
        }
        // colour, and a size that is not a multiple of 16
        Clip in = moving(50, 38, 10, 30, true);
        Clip back = Clip.read(in.write(dir.resolve("colour.mp4")));
        assertEquals(10, back.size());
        assertEquals(3, back.frames().get(0).channels());
        assertEquals(50, back.frames().get(0).width());
        assertEquals(38, back.frames().get(0).height());
        for (int t = 0; t < 10; t++) {
            double e = rms(back.frames().get(t), in.frames().get(t));
            assertTrue(e < 0.04, "colour frame " + t + ": rms error " + e);
        }
    }

    @Test
    void gifAndPngFolderRoundTripsKeepFramesAndFps(@TempDir Path dir) {
        Clip in = moving(40, 30, 6, 20, false);
        Clip gif = Clip.read(in.write(dir.resolve("c.gif")));
        assertEquals(6, gif.size());
        assertEquals(20, gif.fps(), 1e-9); // delay 5 / 100 s
        assertEquals(1, gif.frames().get(0).channels());
        for (int t = 0; t < 6; t++) {
            assertTrue(rms(gif.frames().get(t), in.frames().get(t)) < 0.02, "gif frame " + t);
        }
        Clip png = Clip.read(in.write(dir.resolve("frames")));
        assertEquals(6, png.size());
        assertEquals(20, png.fps(), 1e-9);
        for (int t = 0; t < 6; t++) {
            assertTrue(png.frames().get(t).minus(in.frames().get(t)).maxAbs() <= 0.5 / 255 + 1e-6, "png frame " + t);
        }
    }

    @Test
    void unsupportedAndCorruptFilesAreRejectedWithTheFileNamed(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        Path mp4 = Files.write(dir.resolve("junk.mp4"), junk);
        assertTrue(msg(() -> Clip.read(mp4)).contains("junk.mp4"));
        Path good = moving(32, 32, 8, 30, false).write(dir.resolve("good.mp4"));
        byte[] all = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(msg(() -> Clip.read(cut)).contains("cut.mp4"));
        Path gif = Files.write(dir.resolve("junk.gif"), junk);
        assertTrue(msg(() -> Clip.read(gif)).contains("junk.gif"));
        Path avi = Files.write(dir.resolve("x.avi"), junk);
        assertTrue(msg(() -> Clip.read(avi)).startsWith("file"));
        assertTrue(msg(() -> Clip.read(dir.resolve("missing.mp4"))).startsWith("file"));
        assertTrue(msg(() -> moving(32, 32, 2, 30, false).write(dir.resolve("x.avi"))).startsWith("file"));
    }

    @Test
    void aFailedWriteLeavesNoHalfWrittenFileAndKeepsTheOldOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.mp4");
        Files.writeString(target, "old");
        for (String name : new String[] {"out.mp4", "out.gif", "outframes"}) {
            Path t = dir.resolve(name);
            try (FrameSink sink = FrameSink.to(t, 30)) {
                sink.accept(Image.zeros(32, 32));
                assertThrows(IllegalArgumentException.class, () -> sink.accept(Image.zeros(34, 32)));
            } // closed without finish() after the error
        }
        assertEquals("old", Files.readString(target), "the old file is untouched");
        assertTrue(!Files.exists(dir.resolve("out.gif")));
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("out.mp4"), names, "no temporary files left");
        }
        // an interrupted magnification into a file writes nothing
        Clip in = moving(32, 32, 10, 30, false);
        Thread.currentThread().interrupt();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> MotionMagnify.phase(in).band(1, 3).write(dir.resolve("m.mp4")));
        assertTrue(!Files.exists(dir.resolve("m.mp4")));
    }

    @Test
    void aLongMp4StreamsThroughTheMagnifierIntoAnMp4(@TempDir Path dir) {
        Clip in = moving(48, 32, 60, 30, false);
        Path src = in.write(dir.resolve("in.mp4"));
        Path out;
        try (FrameSource s = FrameSource.open(src)) {
            assertEquals(60, s.frames());
            out = MotionMagnify.phase(s).alpha(3).band(1, 3).write(dir.resolve("out.mp4"));
        }
        Clip back = Clip.read(out);
        assertEquals(60, back.size());
        assertEquals(30, back.fps(), 1e-9);
        Clip expected = MotionMagnify.phase(Clip.read(src)).alpha(3).band(1, 3).run();
        for (int t = 0; t < 60; t += 10) {
            assertTrue(rms(back.frames().get(t), expected.frames().get(t)) < 0.02, "frame " + t);
        }
    }

    @Test
    void sideBySideLabelsBothHalvesAndSpaceTimeSlicesARow() {
        Clip a = moving(40, 30, 5, 30, false);
        Clip b = moving(40, 30, 5, 30, true);
        Clip s = Clip.sideBySide(a, b);
        assertEquals(5, s.size());
        Image f = s.frames().get(2);
        assertEquals(3, f.channels());
        assertTrue(f.width() >= 80 && f.height() > 30, f.shape());
        int band = f.height() - 30;
        // the caption band holds white text on black above each half
        double left = f.crop(0, 0, 40, band).max();
        double right = f.crop(f.width() - 40, 0, 40, band).max();
        assertTrue(left > 0.5 && right > 0.5, "captions drawn");
        // frame content below the caption is the input
        assertTrue(f.crop(0, band, 40, 30).grey().minus(a.frames().get(2)).maxAbs() < 1.0 / 255 + 1e-6);
        Image st = a.spaceTime(10);
        assertEquals(40, st.width());
        assertEquals(5, st.height());
        assertEquals(a.frames().get(3).get(7, 10), st.get(7, 3), 0);
        assertTrue(msg(() -> Clip.sideBySide(a, moving(40, 30, 4, 30, false))).startsWith("right"));
        assertTrue(msg(() -> a.spaceTime(30)).startsWith("y"));
    }

    static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
