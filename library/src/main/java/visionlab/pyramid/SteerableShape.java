package visionlab.pyramid;

import java.util.function.IntFunction;
import visionlab.image.Image;

/**
 * What the real and the complex steerable pyramid share: the input, S scales of K orientations, the
 * high-pass and low-pass residuals, the band angles {@code theta_b = b pi / K}, and the synthesis loop.
 */
abstract class SteerableShape {

    final Image source;
    final int scales;
    final int orientations;
    final Image highpass;
    final Image lowpass;

    SteerableShape(Image source, int scales, int orientations, Image highpass, Image lowpass) {
        this.source = source;
        this.scales = scales;
        this.orientations = orientations;
        this.highpass = highpass;
        this.lowpass = lowpass;
    }

    /** S, the number of oriented scales (the high-pass and low-pass residuals not counted). */
    public int scales() {
        return scales;
    }

    /** K, the number of orientations per scale. */
    public int orientations() {
        return orientations;
    }

    /** The preferred direction {@code theta_b = b pi / K} of band b, in radians (x right, y down). */
    public double angle(int orientation) {
        checkOrientation(orientation);
        return Math.PI * orientation / orientations;
    }

    /**
     * Rows (high-pass, one per scale, low-pass) as one figure at most 1600 px on a side: row titles with the
     * lecture's 1-based scale numbers and sizes, every band captioned with its angle, the residuals named.
     */
    visionlab.image.Mosaic labelledMosaic(java.util.List<java.util.List<Image>> rows, String title) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        String[] rowTitles = new String[rows.size()];
        rowTitles[0] = "high-pass";
        labels.add("high-pass residual " + highpass.width() + "x" + highpass.height());
        for (int s = 1; s <= scales; s++) {
            Image b = rows.get(s).get(0);
            rowTitles[s] = "scale " + s + ", " + b.width() + "x" + b.height();
            for (int o = 0; o < orientations; o++) {
                labels.add(visionlab.image.Mosaic.angleLabel(180.0 * o / orientations));
            }
        }
        rowTitles[rows.size() - 1] = "low-pass";
        labels.add("low-pass residual " + lowpass.width() + "x" + lowpass.height());
        return visionlab.image.Mosaic.grid(rows).range(visionlab.image.Mosaic.Range.NONE).title(title)
                .rowTitles(rowTitles).labels(labels.toArray(new String[0])).fit(1600);
    }

    /** The input image. */
    public Image source() {
        return source;
    }

    /** The high-pass residual (full size, real: frequencies above half Nyquist that no band holds). Live. */
    public Image highpass() {
        return highpass;
    }

    /**
     * The low-pass residual (size {@code w_S x h_S}, real). Live. Because the pyramid is a tight frame
     * (orthonormal DFTs at every size), halving the size doubles the values: a constant image c has a
     * low-pass of about {@code c 2^S}. Divide by {@code 2^S} (for even sizes) to compare it with the image.
     */
    public Image lowpass() {
        return lowpass;
    }

    void checkScale(int scale) {
        if (scale < 0 || scale >= scales) {
            throw new IllegalArgumentException("scale: expected 0.." + (scales - 1) + ", got " + scale);
        }
    }

    void checkOrientation(int orientation) {
        if (orientation < 0 || orientation >= orientations) {
            throw new IllegalArgumentException("orientation: expected 0.." + (orientations - 1) + ", got "
                    + orientation);
        }
    }

    /**
     * The zero images {@code make(0..count-1)}, made on all cores when they are large: a new array is zeroed
     * by the thread that allocates it, memory-bound work worth spreading (about 0.8 GB for a complex 4096 x 4096
     * pyramid).
     */
    static Image[] zeros(int count, long floats, IntFunction<Image> make) {
        Image[] out = new Image[count];
        if (floats < (1L << 22)) {
            for (int i = 0; i < count; i++) {
                out[i] = make.apply(i);
            }
        } else {
            java.util.stream.IntStream.range(0, count).parallel().forEach(i -> out[i] = make.apply(i));
        }
        return out;
    }

    /**
     * Channel c's planes in the {@link SteerableTransform} layout: level 0 = [high-pass, bands of scale 0],
     * level s = the bands of scale s, level S = [low-pass]; entry e at {@code [2e]} (real part) and
     * {@code [2e + 1]} (imaginary part, complex bands only). {@code band(s, o)} gives {real} or {real, imag}.
     */
    static float[][][] layout(SteerableMasks mk, Image hp, Image lp, int c, int scales, int k,
                              java.util.function.BiFunction<Integer, Integer, Image[]> band) {
        float[][][] out = new float[scales + 1][][];
        for (int s = 0; s <= scales; s++) {
            out[s] = new float[2 * mk.levels.get(s).entries.size()][];
            int e = 0;
            if (s == 0) {
                out[0][0] = hp.plane(c);
                e = 1;
            }
            if (s < scales) {
                for (int o = 0; o < k; o++) {
                    Image[] b = band.apply(s, o);
                    out[s][2 * (e + o)] = b[0].plane(c);
                    if (b.length > 1) {
                        out[s][2 * (e + o) + 1] = b[1].plane(c);
                    }
                }
            } else {
                out[s][0] = lp.plane(c);
            }
        }
        return out;
    }

    static void requireSelector(SteerablePyramid.Selector keep) {
        if (keep == null) {
            throw new IllegalArgumentException("keep: expected a Selector (scale, orientation) -> boolean, got null");
        }
    }

    /** The image synthesised channel by channel from the coefficient layout of each channel. */
    Image synthesize(SteerableMasks mk, IntFunction<float[][][]> layoutOfChannel) {
        return synthesize(mk, layoutOfChannel, false);
    }

    /** {@link #synthesize(SteerableMasks, IntFunction)}, with the same bits on every call when
     * {@code reproducible} ({@link SteerableTransform#synthesizeReproducibly}). */
    Image synthesize(SteerableMasks mk, IntFunction<float[][][]> layoutOfChannel, boolean reproducible) {
        Image out = source.zerosLike();
        for (int c = 0; c < source.channels(); c++) {
            SteerablePyramid.checkInterrupt();
            float[][][] in = layoutOfChannel.apply(c);
            float[] p = reproducible ? SteerableTransform.synthesizeReproducibly(mk, in)
                    : SteerableTransform.synthesize(mk, in);
            System.arraycopy(p, 0, out.plane(c), 0, p.length);
        }
        return out;
    }
}
