package visionlab.texture;

import java.util.Arrays;
import visionlab.image.Image;

/**
 * Histogram matching to one reference, whose sorted values are kept, so matching many images (every
 * iteration of a texture synthesis) sorts only the image: each channel of the input is remapped so that the
 * value of rank k (0-based, n values) becomes the reference's quantile {@code q = (k + 1/2) / n},
 *
 * <pre>
 * out(x_k) = R(q m - 1/2)     R = the m sorted reference values, read with linear interpolation (clamped)
 * </pre>
 *
 * For {@code n = m} this is exactly {@code R(k)}: the output's sorted values ARE the reference's. Ties in the
 * input are ranked by position (a stable sort), so the result is the same on every run.
 */
public final class HistogramMatcher {

    private final float[][] sorted;
    private final String shape;

    private HistogramMatcher(float[][] sorted, String shape) {
        this.sorted = sorted;
        this.shape = shape;
    }

    /** The matcher for {@code reference} (each channel's values sorted once). */
    public static HistogramMatcher of(Image reference) {
        Image.requireValid(reference, "reference");
        float[][] s = new float[reference.channels()][];
        for (int c = 0; c < s.length; c++) {
            s[c] = reference.plane(c).clone();
            Arrays.sort(s[c]);
        }
        return new HistogramMatcher(s, reference.shape());
    }

    /** Channels of the reference. */
    public int channels() {
        return sorted.length;
    }

    /** The reference's sorted values of channel c (a copy). */
    public float[] sortedValues(int c) {
        if (c < 0 || c >= sorted.length) {
            throw new IllegalArgumentException("c: expected 0.." + (sorted.length - 1) + ", got " + c);
        }
        return sorted[c].clone();
    }

    /** {@code img} with each channel matched to the reference's channel (same channel count, any size). */
    public Image match(Image img) {
        Image.requireValid(img, "img");
        if (img.channels() != sorted.length) {
            throw new IllegalArgumentException("img: expected " + sorted.length + " channel(s) like the reference "
                    + shape + ", got " + img.shape());
        }
        Image out = img.zerosLike();
        for (int c = 0; c < sorted.length; c++) {
            matchPlane(img.plane(c), out.plane(c), c);
        }
        return out;
    }

    /** {@code out} = {@code in} matched to channel c of the reference ({@code out} may be {@code in}). */
    void matchPlane(float[] in, float[] out, int c) {
        float[] ref = sorted[c];
        int n = in.length;
        int m = ref.length;
        int[] order = Ranks.order(in);
        if (n == m) {
            for (int k = 0; k < n; k++) {
                out[order[k]] = ref[k];
            }
            return;
        }
        double step = (double) m / n;
        for (int k = 0; k < n; k++) {
            double p = (k + 0.5) * step - 0.5;
            float v;
            if (p <= 0) {
                v = ref[0];
            } else if (p >= m - 1) {
                v = ref[m - 1];
            } else {
                int i = (int) p;
                double f = p - i;
                v = (float) (ref[i] + f * (ref[i + 1] - ref[i]));
            }
            out[order[k]] = v;
        }
    }

    @Override
    public String toString() {
        return "HistogramMatcher to " + shape;
    }
}
