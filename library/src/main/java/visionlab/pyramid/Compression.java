package visionlab.pyramid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Laplacian pyramid coding (Burt and Adelson 1983): quantise every level with a step,
 * {@code q = round(L / step)}, store the integers q, and decode {@code L' = q step}, {@code x' = collapse(L')}.
 * The band coefficients are mostly near zero, so the q have low entropy: the estimated cost is the
 * entropy {@code H = -sum p(q) log2 p(q)} of each quantised level (per channel) times its number of
 * coefficients, in bits per pixel of the original image (all channels together).
 *
 * <pre>{@code
 * Compression c = Compression.withBits(Image.sample("camera").grey(), 4);
 * c.bitsPerPixel(); c.psnr(); c.reconstructed();
 * }</pre>
 */
public final class Compression implements Displayable {

    private final Image original;
    private final LaplacianPyramid decoded;
    private final Image reconstructed;
    private final double[] steps;
    private final double bits;

    private Compression(Image original, LaplacianPyramid decoded, double[] steps, double bits) {
        this.original = original;
        this.decoded = decoded;
        this.reconstructed = decoded.reconstruct();
        this.steps = steps;
        this.bits = bits;
    }

    /**
     * Quantises level i of the Laplacian pyramid with {@code steps[i]} (one step per level, the last for
     * the low-pass; so {@code steps.length} levels).
     */
    public static Compression quantize(Image img, double... steps) {
        Image.requireValid(img, "img");
        if (steps == null || steps.length == 0) {
            throw new IllegalArgumentException("steps: expected one step per level, got none");
        }
        for (int i = 0; i < steps.length; i++) {
            if (!(steps[i] > 0) || !Double.isFinite(steps[i])) {
                throw new IllegalArgumentException("steps[" + i + "]: expected a finite step > 0, got " + steps[i]);
            }
        }
        return encode(img, LaplacianPyramid.of(img, steps.length), steps.clone());
    }

    /** {@link #withBits(Image, int, int)} with the default pyramid height. */
    public static Compression withBits(Image img, int bits) {
        Image.requireValid(img, "img");
        return withBits(img, bits, GaussianPyramid.defaultLevels(img.width(), img.height()));
    }

    /**
     * Quantises every level with {@code 2^bits} steps across its range: the step of a band is
     * {@code 2 max|L| / 2^bits}, that of the low-pass {@code (max - min) / 2^bits}.
     */
    public static Compression withBits(Image img, int bits, int levels) {
        Image.requireValid(img, "img");
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("bits: expected 1..16, got " + bits);
        }
        LaplacianPyramid lp = LaplacianPyramid.of(img, levels);
        double[] steps = new double[levels];
        double q = Math.pow(2, bits);
        for (int i = 0; i < levels; i++) {
            Image l = lp.level(i);
            double range = i < levels - 1 ? 2.0 * l.maxAbs() : l.max() - l.min();
            steps[i] = range > 0 ? range / q : 1.0;
        }
        return encode(img, lp, steps);
    }

    private static Compression encode(Image img, LaplacianPyramid lp, double[] steps) {
        List<Image> dec = new ArrayList<>();
        double bits = 0;
        for (int i = 0; i < lp.size(); i++) {
            Image l = lp.level(i);
            Image d = l.zerosLike();
            double step = steps[i];
            for (int c = 0; c < l.channels(); c++) {
                float[] src = l.plane(c);
                float[] dst = d.plane(c);
                Map<Long, Integer> counts = new HashMap<>();
                for (int k = 0; k < src.length; k++) {
                    long sym = Math.round(src[k] / step);
                    counts.merge(sym, 1, Integer::sum);
                    dst[k] = (float) (sym * step);
                }
                bits += entropy(counts, src.length) * src.length;
            }
            dec.add(d);
        }
        return new Compression(img, LaplacianPyramid.fromLevels(dec, lp.kernel(), lp.boundary()), steps, bits);
    }

    private static double entropy(Map<Long, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The decoded image {@code collapse(q step)}. */
    public Image reconstructed() {
        return reconstructed;
    }

    /** The input image. */
    public Image original() {
        return original;
    }

    /** The decoded (quantised) pyramid. */
    public LaplacianPyramid quantizedPyramid() {
        return decoded;
    }

    /** The quantiser step of each level (a copy). */
    public double[] steps() {
        return steps.clone();
    }

    /** Estimated code length: total entropy of the quantised levels divided by the pixel count. */
    public double bitsPerPixel() {
        return bits / ((double) original.width() * original.height());
    }

    /** Root-mean-square error of the decoded image. */
    public double rmsError() {
        return reconstructed.rmsDifference(original);
    }

    /** Peak signal-to-noise ratio for a peak of 1: {@code 20 log10(1 / rms)} dB (infinite when exact). */
    public double psnr() {
        double rms = rmsError();
        return rms == 0 ? Double.POSITIVE_INFINITY : 20 * Math.log10(1 / rms);
    }

    /** Original, decoded, and their difference (0 mid grey) side by side. */
    @Override
    public MimeBundle mimeBundle() {
        Image err = reconstructed.minus(original);
        double m = Math.max(err.maxAbs(), 1e-12);
        Image diff = err.map(v -> 0.5 + 0.5 * v / m);
        // the error's scale: a bar from +max (white, top) through 0 (mid grey) to -max (black, bottom)
        Image bar = Image.fromFunction(80, original.height(), (x, y) -> 1 - y / (original.height() - 1.0));
        return Mosaic.row(original.clamp(0, 1), reconstructed.clamp(0, 1), diff, bar).range(Mosaic.Range.NONE)
                .title(toString()).fit(1600)
                .labels("original", String.format(Locale.ROOT, "decoded, %.2f bits/pixel", bitsPerPixel()),
                        String.format(Locale.ROOT, "error (RMS %.4f): black -%.3f, mid grey 0, white +%.3f",
                                rmsError(), m, m),
                        String.format(Locale.ROOT, "+%.3f to -%.3f", m, m))
                .mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Compression %s, %d levels: %.3f bits/pixel, RMS error %.4g, PSNR %.2f dB",
                original.shape(), steps.length, bitsPerPixel(), rmsError(), psnr());
    }
}
