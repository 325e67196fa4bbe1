package visionlab.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visionlab.image.Image;

class MotionMagnifyTest {

    static final int W = 96;
    static final int H = 48;
    static final double PERIOD = 8;
    static final double FPS = 30;

    static double window(double x, double y, double cx) {
        return Math.exp(-((x - cx) * (x - cx) + (y - 24) * (y - 24)) / (2 * 7.0 * 7.0));
    }

    /** Left patch: a grating moving by d(t) = 0.1 sin(2 pi 3 t / 30) px; right patch: the same grating, still. */
    static List<Image> clip(int frames) {
        List<Image> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            double d = 0.1 * Math.sin(2 * Math.PI * 3 * t / FPS);
            out.add(Image.fromFunction(W, H, (x, y) -> 0.5
                    + 0.3 * window(x, y, 24) * Math.sin(2 * Math.PI * (x - d) / PERIOD)
                    + 0.3 * window(x, y, 72) * Math.sin(2 * Math.PI * x / PERIOD)));
        }
        return out;
    }

    /** Displacement of the grating around cx relative to frame 0, from the phase of its projection. */
    static double[] displacement(List<Image> frames, double cx) {
        double[] d = new double[frames.size()];
        double[] p0 = null;
        for (int t = 0; t < frames.size(); t++) {
            double re = 0;
            double im = 0;
            Image f = frames.get(t);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double wgt = window(x, y, cx) * (f.get(x, y) - 0.5);
                    re += wgt * Math.cos(2 * Math.PI * x / PERIOD);
                    im -= wgt * Math.sin(2 * Math.PI * x / PERIOD);
                }
            }
            if (p0 == null) {
                p0 = new double[] {re, im};
            }
            double ang = Math.atan2(im * p0[0] - re * p0[1], re * p0[0] + im * p0[1]);
            d[t] = -ang * PERIOD / (2 * Math.PI);
        }
        return d;
    }

    static double slope(double[] in, double[] out) {
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < in.length; i++) {
            sxy += in[i] * out[i];
            sxx += in[i] * in[i];
        }
        return sxy / sxx;
    }

    @Test
    void magnifiedDisplacementGrowsByAlphaAndStillRegionsStayUnchanged() {
        List<Image> in = clip(30);
        double[] dIn = displacement(in, 24);
        double[] truth = new double[30];
        for (int t = 0; t < 30; t++) {
            truth[t] = 0.1 * Math.sin(2 * Math.PI * 3 * t / FPS);
        }
        assertEquals(1.0, slope(truth, dIn), 0.05, "the measurement recovers the input motion");
        double alpha = 5;
        List<Image> out = MotionMagnify.phase(in, alpha, 2, 4, FPS);
        double[] dOut = displacement(out, 24);
        double gain = slope(dIn, dOut);
        assertEquals(alpha, gain, 0.2 * alpha, "measured magnification");
        // the still patch does not move and barely changes
        double[] dStill = displacement(out, 72);
        for (double v : dStill) {
            assertTrue(Math.abs(v) < 0.01, "still patch moved by " + v);
        }
        for (int t = 0; t < 30; t++) {
            Image a = out.get(t).crop(60, 12, 24, 24);
            Image b = in.get(t).crop(60, 12, 24, 24);
            assertTrue(a.minus(b).maxAbs() < 0.01, "frame " + t + ": still patch changed by " + a.minus(b).maxAbs());
        }
    }

    @Test
    void alphaOneLeavesTheClipUnchanged() {
        List<Image> in = clip(10);
        List<Image> out = MotionMagnify.phase(in, 1, 2, 4, FPS);
        for (int t = 0; t < in.size(); t++) {
            assertTrue(out.get(t).minus(in.get(t)).maxAbs() < 1e-4);
        }
    }

    @Test
    void framesRoundTripThroughAFolderAndTheClipMakesAnAnimatedGif(@TempDir Path dir) throws Exception {
        List<Image> in = clip(4);
        MotionMagnify.writeFrames(in, dir);
        List<Image> back = MotionMagnify.readFrames(dir);
        assertEquals(4, back.size());
        assertTrue(back.get(2).minus(in.get(2)).maxAbs() < 1.0 / 255 + 1e-6);
        byte[] gif = Clip.of(back, 30).gif();
        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        javax.imageio.ImageReader r = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        r.setInput(javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(gif)));
        assertEquals(4, r.getNumImages(true));
        assertTrue(Clip.of(back, 30).mimeBundle().hasHtml());
        assertTrue(Files.exists(Clip.of(back, 30).writeGif(dir.resolve("c.gif"))));
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        List<Image> in = clip(5);
        assertTrue(msg(() -> MotionMagnify.phase(in.subList(0, 2), 5, 2, 4, 30)).startsWith("frames"));
        List<Image> mixed = new ArrayList<>(in);
        mixed.set(3, Image.zeros(W + 1, H));
        assertTrue(msg(() -> MotionMagnify.phase(mixed, 5, 2, 4, 30)).startsWith("frames[3]"));
        assertTrue(msg(() -> MotionMagnify.phase(in, 5, 0, 4, 30)).startsWith("lowHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in, 5, 2, 15, 30)).startsWith("highHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in, 5, 4, 2, 30)).startsWith("highHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in, 5, 16, 17, 30)).startsWith("lowHz"));
        assertTrue(msg(() -> MotionMagnify.phase(in, 5, 2, 4, 0)).startsWith("fps"));
        assertTrue(msg(() -> MotionMagnify.phase(in, Double.NaN, 2, 4, 30)).startsWith("alpha"));
        assertTrue(msg(() -> MotionMagnify.phase(null, 5, 2, 4, 30)).startsWith("frames"));
    }

    static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
