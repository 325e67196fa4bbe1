package visionlab.texture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.image.Image;
import visionlab.pyramid.LaplacianPyramid;
import visionlab.pyramid.SteerablePyramid;

/**
 * Heeger and Bergen's loop on one grey channel (SIGGRAPH 1995, "Pyramid-based texture analysis/synthesis"):
 *
 * <pre>
 * y  = match-histogram(noise, x)                       x the sample
 * repeat N times:
 *     for every band b of the pyramid of y (high-pass, each scale and orientation, low-pass):
 *         b = match-histogram(b, the same band of the pyramid of x)
 *     y = match-histogram(collapse(pyramid), x)
 * </pre>
 *
 * The sample's sorted band values are computed once ({@link HistogramMatcher}); the bands of one iteration
 * are matched on all cores (each band on its own, so the result does not depend on the core count).
 */
final class HeegerBergen {

    private final TexturePyramid type;
    private final int scales;
    private final int orientations;
    private final HistogramMatcher pixels;
    private final List<HistogramMatcher> bands;

    HeegerBergen(Image sample, TexturePyramid type, int scales, int orientations) {
        this.type = type;
        this.scales = scales;
        this.orientations = orientations;
        this.pixels = HistogramMatcher.of(sample);
        this.bands = new ArrayList<>();
        for (Image b : bandsOf(analyze(sample))) {
            bands.add(HistogramMatcher.of(b));
        }
    }

    private Object analyze(Image img) {
        if (type == TexturePyramid.STEERABLE) {
            return SteerablePyramid.of(img, scales, orientations);
        }
        return LaplacianPyramid.of(img, scales + 1, Kernel1D.binomial(5), Boundary.WRAP);
    }

    /** The pyramid's coefficient images (live): high-pass, bands scale by scale, low-pass. */
    private List<Image> bandsOf(Object pyramid) {
        if (pyramid instanceof SteerablePyramid) {
            SteerablePyramid sp = (SteerablePyramid) pyramid;
            List<Image> out = new ArrayList<>();
            out.add(sp.highpass());
            for (int s = 0; s < scales; s++) {
                out.addAll(sp.scale(s));
            }
            out.add(sp.lowpass());
            return out;
        }
        return ((LaplacianPyramid) pyramid).levels();
    }

    private Image collapse(Object pyramid) {
        if (pyramid instanceof SteerablePyramid) {
            return ((SteerablePyramid) pyramid).reconstructReproducibly();
        }
        return ((LaplacianPyramid) pyramid).reconstruct();
    }

    /** The start: {@code noise} matched to the sample's pixel histogram. */
    Image start(Image noise) {
        return pixels.match(noise);
    }

    /** One iteration of the loop from {@code y}. */
    Image iterate(Image y) {
        checkInterrupt();
        Object pyr = analyze(y);
        List<Image> bs = bandsOf(pyr);
        checkInterrupt();
        IntStream.range(0, bs.size()).parallel().forEach(i -> {
            float[] p = bs.get(i).plane(0);
            bands.get(i).matchPlane(p, p, 0);
        });
        checkInterrupt();
        Image out = collapse(pyr);
        pixels.matchPlane(out.plane(0), out.plane(0), 0);
        return out;
    }

    /** {@code iterations} iterations from matched noise; {@code step} sees the start and each iterate. */
    Image run(Image noise, int iterations, Consumer<Image> step) {
        Image y = start(noise);
        step.accept(y);
        for (int i = 0; i < iterations; i++) {
            y = iterate(y);
            step.accept(y);
        }
        return y;
    }

    static void checkInterrupt() {
        if (Thread.interrupted()) {
            throw new CancellationException("texture synthesis interrupted");
        }
    }
}
