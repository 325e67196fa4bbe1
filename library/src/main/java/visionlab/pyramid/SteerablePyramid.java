package visionlab.pyramid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;
import visionlab.steer.Steering;

/**
 * The steerable pyramid (Simoncelli and Freeman 1995), built in the frequency domain: a high-pass residual,
 * S scales of K oriented band-pass images, and a low-pass residual. With {@code r = |omega| / pi} (1 at the
 * Nyquist frequency along an axis), {@code l = log2 r}, and the direction {@code phi = atan2(omega_y, omega_x)}
 * of a frequency (x right, y DOWN; a grating {@code cos(omega_x x + omega_y y)} varies along {@code phi}):
 *
 * <pre>
 * log-radial raised cosines:  hi_a(l) = cos(pi/2 (a - l)),  lo_a(l) = sin(pi/2 (a - l))  on a-1 &lt; l &lt; a
 *                             (hi = 1, lo = 0 above; hi = 0, lo = 1 below; hi^2 + lo^2 = 1)
 * high-pass residual          H0 = hi_0
 * band (scale s, orient. b)   B_sb = lo_0 lo_{-1} ... lo_{-s} hi_{-s-1} * (-i)^(K-1) alpha cos^(K-1)(phi - theta_b)
 * low-pass residual           L  = lo_0 lo_{-1} ... lo_{-S}
 * theta_b = b pi / K,   alpha^2 = 2^(2(K-1)) ((K-1)!)^2 / (K (2(K-1))!)  so that  sum_b alpha^2 cos^(2(K-1))(phi - theta_b) = 1
 * </pre>
 *
 * Hence {@code |H0|^2 + sum |B_sb|^2 + |L|^2 = 1} at every frequency: a TIGHT FRAME. Coefficients are taken
 * with the orthonormal DFT on every grid ({@code c = sqrt(n_s / N) ifft_{n_s}(crop(X) B)}), so
 * {@code sum of squared coefficients = sum of squared pixels} (Parseval) and reconstruction is the adjoint:
 * {@code X = sum conj(B) fft(c) / sqrt(n_s / N)}. Unlike pyrtools (whose band energies sum to about 2.2
 * times the image energy) no band is rescaled. Band orientation {@code theta_b} is the direction across the
 * stripes the band responds to: band 0 (theta 0) sees vertical stripes, like {@code g_x}.
 *
 * <p>Subsampling: scale 0 bands and the high-pass are full size; scale s (and the low-pass after S scales)
 * lives on a grid of {@code w_s x h_s} with {@code w_{s+1} = ceil(w_s / 2)}: the DFT is cropped to the
 * frequencies the band can hold, so any size, odd included, reconstructs exactly (no padding). Colour
 * images are transformed per channel. The DFT treats the image as periodic, so structure near one border
 * also shows near the opposite border. Filters are cached per size, so the second pyramid of a size is
 * fast.
 *
 * <pre>{@code var sp = SteerablePyramid.of(img, 4, 4);  sp.band(1, 2); sp.highpass(); sp.reconstruct()}</pre>
 */
public final class SteerablePyramid extends SteerableShape implements Displayable {

    /** Chooses bands for {@link #reconstruct(Selector)}: scale -1 is the high-pass, scale S the low-pass. */
    @FunctionalInterface
    public interface Selector {
        boolean keep(int scale, int orientation);
    }

    private final Image[][] bands;

    private SteerablePyramid(Image source, int scales, int orientations, Image highpass, Image[][] bands,
                             Image lowpass) {
        super(source, scales, orientations, highpass, lowpass);
        this.bands = bands;
    }

    /** The pyramid with the most scales for the size ({@code floor(log2 min(W, H)) - 2}) and 4 orientations. */
    public static SteerablePyramid of(Image img) {
        Image.requireValid(img, "img");
        return of(img, maxScales(img), 4);
    }

    /** The real steerable pyramid of {@code img} with {@code scales} scales and {@code orientations} bands. */
    public static SteerablePyramid of(Image img, int scales, int orientations) {
        check(img, scales, orientations);
        SteerableMasks mk = SteerableMasks.get(img.width(), img.height(), scales, orientations, false);
        int ch = img.channels();
        int k = orientations;
        // [high-pass, low-pass, then the bands, scale by scale]
        Image[] im = zeros(2 + scales * k, 2L * mk.width * mk.height * ch * k, i -> {
            SteerableMasks.Level lv = mk.levels.get(i == 0 ? 0 : i == 1 ? scales : (i - 2) / k);
            return Image.zeros(lv.w, lv.h, ch);
        });
        Image hp = im[0];
        Image lp = im[1];
        Image[][] b = new Image[scales][k];
        for (int s = 0; s < scales; s++) {
            for (int o = 0; o < k; o++) {
                b[s][o] = im[2 + s * k + o];
            }
        }
        for (int c = 0; c < ch; c++) {
            checkInterrupt();
            SteerableTransform.analyze(img.plane(c), mk, layout(mk, hp, b, lp, c));
        }
        return new SteerablePyramid(img, scales, orientations, hp, b, lp);
    }

    /** The complex (analytic) steerable pyramid; see {@link SteerablePyramidComplex}. */
    public static SteerablePyramidComplex complex(Image img, int scales, int orientations) {
        return SteerablePyramidComplex.of(img, scales, orientations);
    }

    /** The complex pyramid of the same image, scales and orientations. */
    public SteerablePyramidComplex complex() {
        return SteerablePyramidComplex.of(source, scales, orientations);
    }

    /** The largest scale count for {@code img}: {@code floor(log2(min(W, H))) - 2}. */
    public static int maxScales(Image img) {
        Image.requireValid(img, "img");
        return SteerableMasks.maxScales(img.width(), img.height());
    }

    static void check(Image img, int scales, int orientations) {
        Image.requireValid(img, "img");
        int max = SteerableMasks.maxScales(img.width(), img.height());
        if (max < 1) {
            throw new IllegalArgumentException("img: expected at least 8x8 pixels for a steerable pyramid, got "
                    + img.shape());
        }
        if (scales < 1 || scales > max) {
            throw new IllegalArgumentException("scales: expected 1.." + max + " for a " + img.width() + "x"
                    + img.height() + " image, got " + scales);
        }
        if (orientations < 1 || orientations > 16) {
            throw new IllegalArgumentException("orientations: expected 1..16, got " + orientations);
        }
    }

    static void checkInterrupt() {
        if (Thread.interrupted()) {
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    /** Arrays in the {@link SteerableTransform} layout: level 0 = [hp, bands of scale 0], level s = bands. */
    private static float[][][] layout(SteerableMasks mk, Image hp, Image[][] b, Image lp, int c) {
        int scales = b.length;
        return layout(mk, hp, lp, c, scales, scales == 0 ? 0 : b[0].length, (s, o) -> new Image[] {b[s][o]});
    }

    /**
     * Band (scale, orientation): scale 0 is the finest (full size), orientation b prefers direction
     * {@code b pi / K}. The live image: changing its samples changes {@link #reconstruct()}.
     */
    public Image band(int scale, int orientation) {
        checkScale(scale);
        checkOrientation(orientation);
        return bands[scale][orientation];
    }

    /** All K bands of a scale. */
    public List<Image> scale(int scale) {
        checkScale(scale);
        return List.of(bands[scale]);
    }

    /**
     * Scale {@code s} steered to any direction theta (radians): {@code B_theta = sum_b k_b(theta) B_b} with the
     * interpolation functions of {@link Steering#weights} (order K-1). Exact, because every band's angular
     * part {@code cos^(K-1)(phi - theta)} holds only the angular frequencies {@code -(K-1) .. K-1}.
     */
    public Image steer(int scale, double theta) {
        checkScale(scale);
        double[] k = Steering.weights(orientations - 1, theta);
        Image first = bands[scale][0];
        Image out = first.zerosLike();
        for (int c = 0; c < first.channels(); c++) {
            float[] o = out.plane(c);
            for (int b = 0; b < orientations; b++) {
                float w = (float) k[b];
                float[] p = bands[scale][b].plane(c);
                for (int i = 0; i < o.length; i++) {
                    o[i] += w * p[i];
                }
            }
        }
        return out;
    }

    /**
     * The image from all coefficients (exact up to float rounding). Large pyramids are reconstructed on all
     * cores, each core adding up the bands it took; which core takes which band varies, so two calls can
     * differ in the last bits (relative 1e-7).
     */
    public Image reconstruct() {
        return reconstruct((s, b) -> true);
    }

    /**
     * The image from the chosen coefficients only (the others count as zero): {@code keep(scale, orientation)},
     * with scale -1 for the high-pass and scale S for the low-pass (orientation 0). Example: one scale,
     * {@code sp.reconstruct((s, b) -> s == 2)}.
     */
    public Image reconstruct(Selector keep) {
        requireSelector(keep);
        SteerableMasks mk = SteerableMasks.get(source.width(), source.height(), scales, orientations, false);
        Image hp = keep.keep(-1, 0) ? highpass : highpass.zerosLike();
        Image[][] b = new Image[scales][orientations];
        for (int s = 0; s < scales; s++) {
            for (int o = 0; o < orientations; o++) {
                b[s][o] = keep.keep(s, o) ? bands[s][o] : bands[s][o].zerosLike();
            }
        }
        Image lp = keep.keep(scales, 0) ? lowpass : lowpass.zerosLike();
        return synthesize(mk, c -> layout(mk, hp, b, lp, c));
    }

    /**
     * {@link #reconstruct()} with the same bits on every call (and on any number of cores): the bands are
     * dealt to the cores in a fixed order and their sums added in a fixed order. What iterative methods that
     * promise "same seed, same image" (texture synthesis) need; about as fast as {@link #reconstruct()}.
     */
    public Image reconstructReproducibly() {
        SteerableMasks mk = SteerableMasks.get(source.width(), source.height(), scales, orientations, false);
        return synthesize(mk, c -> layout(mk, highpass, bands, lowpass, c), true);
    }

    /** Sum of squared coefficients over the high-pass, all bands and the low-pass; equals the image energy. */
    public double energy() {
        double e = highpass.energy() + lowpass.energy();
        for (Image[] row : bands) {
            for (Image b : row) {
                e += b.energy();
            }
        }
        return e;
    }

    /**
     * Rows: the high-pass, then one row per scale (columns = orientations), then the low-pass. Bands are shown
     * with 0 as mid grey and +-(99.5th percentile of |coefficient|) as white / black.
     */
    public Mosaic mosaic() {
        List<List<Image>> rows = new ArrayList<>();
        rows.add(List.of(SteerableDisplay.signed(highpass)));
        for (Image[] row : bands) {
            List<Image> r = new ArrayList<>();
            for (Image b : row) {
                r.add(SteerableDisplay.signed(b));
            }
            rows.add(r);
        }
        rows.add(List.of(lowpass.normalized()));
        return labelledMosaic(rows, toString());
    }



    @Override
    public MimeBundle mimeBundle() {
        return mosaic().mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SteerablePyramid %s, %d scales x %d orientations (+ high-pass %dx%d, low-pass %dx%d)",
                source.shape(), scales, orientations, highpass.width(), highpass.height(), lowpass.width(),
                lowpass.height());
    }
}
