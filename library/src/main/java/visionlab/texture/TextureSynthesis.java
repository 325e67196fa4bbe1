package visionlab.texture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import visionlab.image.Image;

/**
 * Texture synthesis by matching pyramid histograms (Heeger and Bergen 1995): start from noise with the
 * sample's pixel histogram; then, each iteration, build the pyramid of the current image, match every band's
 * histogram (high-pass residual, each scale and orientation, low-pass) to the sample's same band, collapse
 * the pyramid, and match the pixel histogram again. The result has the sample's first-order statistics in
 * every band, which is enough for stochastic textures and not for large structures.
 *
 * <pre>{@code
 * var tex = TextureSynthesis.of(Image.sample("gravel")).size(256, 256).seed(1);
 * Image out = tex.synthesize();
 * tex.scales(4).orientations(4).iterations(5)     // the defaults; each returns a new TextureSynthesis
 * tex.pyramid(TexturePyramid.LAPLACIAN)          // the lecture's pyramid, no orientation
 * tex.steps()                                    // the start and the image after each iteration
 * }</pre>
 *
 * Any output size works, odd included, as long as each side has at least {@code 2^(scales+2)} pixels (as the
 * sample must): the bands of a differently sized output are matched to the sample's quantiles. With the
 * (default) steerable pyramid the output is periodic, because the pyramid is built with the DFT, which
 * treats the image as a torus: the texture tiles without a seam. A colour sample is synthesised in its
 * principal-component colour axes ({@link ColourPca}), each axis on its own, then mapped back to RGB. The same
 * settings and seed give the same image bit for bit. Interrupting the thread stops the loop between stages
 * with a {@link java.util.concurrent.CancellationException}.
 */
public final class TextureSynthesis {

    /** Largest output side. */
    public static final int MAX_SIZE = 8192;
    /** Most iterations. */
    public static final int MAX_ITERATIONS = 100;

    private final Image sample;
    private final int width;
    private final int height;
    private final long seed;
    private final int scales;
    private final int orientations;
    private final int iterations;
    private final TexturePyramid pyramid;

    private TextureSynthesis(Image sample, int width, int height, long seed, int scales, int orientations,
                             int iterations, TexturePyramid pyramid) {
        this.sample = sample;
        this.width = width;
        this.height = height;
        this.seed = seed;
        this.scales = scales;
        this.orientations = orientations;
        this.iterations = iterations;
        this.pyramid = pyramid;
    }

    /**
     * The synthesis of textures like {@code sample} (grey or RGB, at least 8x8): output of the sample's size,
     * seed 0, 4 scales, 4 orientations, 5 iterations, steerable pyramid.
     */
    public static TextureSynthesis of(Image sample) {
        Image.requireValid(sample, "sample");
        if (sample.channels() != 1 && sample.channels() != 3) {
            throw new IllegalArgumentException("sample: expected 1 (grey) or 3 (RGB) channels, got " + sample.shape());
        }
        if (Math.min(sample.width(), sample.height()) < 8) {
            throw new IllegalArgumentException("sample: expected at least 8x8 pixels (one pyramid scale), got "
                    + sample.shape());
        }
        return new TextureSynthesis(sample.copy(), sample.width(), sample.height(), 0, 4, 4, 5,
                TexturePyramid.STEERABLE);
    }

    /** The output size, each side 1..{@value #MAX_SIZE} (and at least {@code 2^(scales+2)}, checked when run). */
    public TextureSynthesis size(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("size: expected width and height 1.." + MAX_SIZE + ", got " + width
                    + "x" + height);
        }
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** The seed of the starting noise: the same seed gives the same image. */
    public TextureSynthesis seed(long seed) {
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** S, the oriented scales (Laplacian: band-pass levels), 1..floor(log2(smallest side)) - 2. */
    public TextureSynthesis scales(int scales) {
        int max = maxScales(Math.min(Math.min(sample.width(), sample.height()), Math.min(width, height)));
        if (scales < 1 || scales > max) {
            throw new IllegalArgumentException("scales: expected 1.." + max + " for a " + sample.width() + "x"
                    + sample.height() + " sample and a " + width + "x" + height + " output, got " + scales);
        }
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** K, the orientations per scale of the steerable pyramid, 1..16 (the Laplacian pyramid has none). */
    public TextureSynthesis orientations(int orientations) {
        if (orientations < 1 || orientations > 16) {
            throw new IllegalArgumentException("orientations: expected 1..16, got " + orientations);
        }
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** N, the iterations of the loop, 0..{@value #MAX_ITERATIONS} (0: the matched noise). */
    public TextureSynthesis iterations(int iterations) {
        if (iterations < 0 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations: expected 0.." + MAX_ITERATIONS + ", got " + iterations);
        }
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** The pyramid whose bands are matched: {@link TexturePyramid#STEERABLE} (default) or LAPLACIAN. */
    public TextureSynthesis pyramid(TexturePyramid pyramid) {
        if (pyramid == null) {
            throw new IllegalArgumentException("pyramid: expected TexturePyramid.STEERABLE or LAPLACIAN, got null");
        }
        return new TextureSynthesis(sample, width, height, seed, scales, orientations, iterations, pyramid);
    }

    /** The synthesised texture, {@code width x height}, with the sample's channels. */
    public Image synthesize() {
        return run(false).get(0);
    }

    /** The start (matched noise) and the image after each iteration, shown as a labelled strip. */
    public TextureSteps steps() {
        return new TextureSteps(sample, run(true), toString());
    }

    /** {@code floor(log2(side)) - 2}: the scales a side allows (each needs a halving, 4 pixels left). */
    static int maxScales(int side) {
        return 31 - Integer.numberOfLeadingZeros(side) - 2;
    }

    private void checkSizes() {
        int need = 1 << (scales + 2);
        if (Math.min(sample.width(), sample.height()) < need) {
            throw new IllegalArgumentException("sample: expected at least " + need + "x" + need + " pixels for "
                    + scales + " scales (2^(scales+2) per side), got " + sample.shape() + "; use scales(1.."
                    + Math.max(1, maxScales(Math.min(sample.width(), sample.height()))) + ")");
        }
        if (Math.min(width, height) < need) {
            throw new IllegalArgumentException("size: expected width and height " + need + ".." + MAX_SIZE + " for "
                    + scales + " scales (2^(scales+2)), got " + width + "x" + height);
        }
    }

    /** [the result] or, when {@code record}, every step (start, iteration 1, ...). */
    private List<Image> run(boolean record) {
        checkSizes();
        int ch = sample.channels();
        ColourPca pca = ch == 3 ? new ColourPca(sample) : null;
        Image decorrelated = pca != null ? pca.forward(sample) : sample;
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Image>> perChannel = new ArrayList<>();
        for (int c = 0; c < ch; c++) {
            HeegerBergen hb = new HeegerBergen(decorrelated.channel(c), pyramid, scales, orientations);
            Image noise = Image.zeros(width, height, 1);
            float[] p = noise.plane(0);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) rng.nextDouble();
            }
            List<Image> steps = new ArrayList<>();
            Image last = hb.run(noise, iterations, y -> {
                if (record) {
                    steps.add(y);
                }
            });
            if (!record) {
                steps.add(last);
            }
            perChannel.add(steps);
        }
        List<Image> out = new ArrayList<>();
        for (int k = 0; k < perChannel.get(0).size(); k++) {
            if (ch == 1) {
                out.add(perChannel.get(0).get(k));
            } else {
                Image p = Image.stack(perChannel.get(0).get(k), perChannel.get(1).get(k), perChannel.get(2).get(k));
                out.add(pca.inverse(p));
            }
        }
        return out;
    }

    public Image sample() {
        return sample.copy();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long seed() {
        return seed;
    }

    public int scales() {
        return scales;
    }

    public int orientations() {
        return orientations;
    }

    public int iterations() {
        return iterations;
    }

    public TexturePyramid pyramid() {
        return pyramid;
    }

    /** "TextureSynthesis 256x256 grey -> 256x256, steerable 4 scales x 4 orientations, 5 iterations, seed 1". */
    @Override
    public String toString() {
        String p = pyramid == TexturePyramid.STEERABLE
                ? String.format(Locale.ROOT, "steerable %d scales x %d orientations", scales, orientations)
                : String.format(Locale.ROOT, "Laplacian %d bands", scales);
        return String.format(Locale.ROOT, "TextureSynthesis %s -> %dx%d, %s, %d iterations, seed %d", sample.shape(),
                width, height, p, iterations, seed);
    }
}
