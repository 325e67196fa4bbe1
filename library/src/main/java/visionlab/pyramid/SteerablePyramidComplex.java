package visionlab.pyramid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The complex (analytic) steerable pyramid: each band filter keeps only the half of the frequency plane
 * facing its direction, {@code |phi - theta_b| < pi/2}, so a band's response to a grating is
 * {@code A e^{i (omega . x + phase)}}: local amplitude and local phase (Portilla and Simoncelli 2000;
 * the basis of phase-based motion magnification).
 *
 * <pre>
 * B_sb(omega) = radial_s(|omega|) (-i)^(K-1) sqrt(2) alpha cos^(K-1)(phi - theta_b)  for |phi - theta_b| &lt; pi/2, else 0
 * </pre>
 *
 * Radial profiles, {@code alpha} and the residuals are those of {@link SteerablePyramid}. Scaling: the
 * one-sided masks carry {@code sqrt 2}, so for a real image {@code |H0 x|^2 + sum_sb |c_sb|^2 + |L x|^2}
 * equals the image energy (a tight frame for real images), and {@code sqrt(2) re(c_sb)} is exactly the real
 * pyramid's band. Reconstruction is the real part of the adjoint,
 * {@code x = Re ifft(sum conj(B) fft(c) ...)}, exact for unmodified coefficients.
 *
 * <pre>{@code var cp = SteerablePyramid.complex(img, 4, 4);  cp.band(1, 0).amplitude(); cp.band(1, 0).phase()}</pre>
 */
public final class SteerablePyramidComplex extends SteerableShape implements Displayable {

    private final SteerableBand[][] bands;

    private SteerablePyramidComplex(Image source, int scales, int orientations, Image highpass,
                                    SteerableBand[][] bands, Image lowpass) {
        super(source, scales, orientations, highpass, lowpass);
        this.bands = bands;
    }

    /** The complex pyramid of {@code img}; see {@link SteerablePyramid#of(Image, int, int)} for the ranges. */
    public static SteerablePyramidComplex of(Image img, int scales, int orientations) {
        SteerablePyramid.check(img, scales, orientations);
        SteerableMasks mk = SteerableMasks.get(img.width(), img.height(), scales, orientations, true);
        int ch = img.channels();
        int k = orientations;
        // [high-pass, low-pass, then (real, imaginary) of each band, scale by scale]
        Image[] im = zeros(2 + 2 * scales * k, 3L * mk.width * mk.height * ch * k, i -> {
            SteerableMasks.Level lv = mk.levels.get(i == 0 ? 0 : i == 1 ? scales : (i - 2) / (2 * k));
            return Image.zeros(lv.w, lv.h, ch);
        });
        Image hp = im[0];
        Image lp = im[1];
        SteerableBand[][] b = new SteerableBand[scales][k];
        for (int s = 0; s < scales; s++) {
            for (int o = 0; o < k; o++) {
                int i = 2 + 2 * (s * k + o);
                b[s][o] = new SteerableBand(im[i], im[i + 1], s, o);
            }
        }
        for (int c = 0; c < ch; c++) {
            SteerablePyramid.checkInterrupt();
            SteerableTransform.analyze(img.plane(c), mk, layout(mk, hp, b, lp, c));
        }
        return new SteerablePyramidComplex(img, scales, orientations, hp, b, lp);
    }

    private static float[][][] layout(SteerableMasks mk, Image hp, SteerableBand[][] b, Image lp, int c) {
        int scales = b.length;
        return layout(mk, hp, lp, c, scales, scales == 0 ? 0 : b[0].length,
                (s, o) -> new Image[] {b[s][o].real(), b[s][o].imag()});
    }

    /** A deep copy (edit its bands without touching this one). */
    public SteerablePyramidComplex copy() {
        SteerableBand[][] b = new SteerableBand[scales][orientations];
        for (int s = 0; s < scales; s++) {
            for (int o = 0; o < orientations; o++) {
                b[s][o] = new SteerableBand(bands[s][o].real().copy(), bands[s][o].imag().copy(), s, o);
            }
        }
        return new SteerablePyramidComplex(source, scales, orientations, highpass.copy(), b, lowpass.copy());
    }

    /** Band (scale, orientation), complex: {@code .real() .imag() .amplitude() .phase()}. Live. */
    public SteerableBand band(int scale, int orientation) {
        checkScale(scale);
        checkOrientation(orientation);
        return bands[scale][orientation];
    }

    /** The image from all coefficients (exact up to float rounding; see {@link SteerablePyramid#reconstruct()}). */
    public Image reconstruct() {
        return reconstruct((s, b) -> true);
    }

    /** The image from the chosen coefficients; see {@link SteerablePyramid#reconstruct(SteerablePyramid.Selector)}. */
    public Image reconstruct(SteerablePyramid.Selector keep) {
        requireSelector(keep);
        SteerableMasks mk = SteerableMasks.get(source.width(), source.height(), scales, orientations, true);
        Image hp = keep.keep(-1, 0) ? highpass : highpass.zerosLike();
        SteerableBand[][] b = new SteerableBand[scales][orientations];
        for (int s = 0; s < scales; s++) {
            for (int o = 0; o < orientations; o++) {
                SteerableBand band = bands[s][o];
                b[s][o] = keep.keep(s, o) ? band
                        : new SteerableBand(band.real().zerosLike(), band.imag().zerosLike(), s, o);
            }
        }
        Image lp = keep.keep(scales, 0) ? lowpass : lowpass.zerosLike();
        return synthesize(mk, c -> layout(mk, hp, b, lp, c));
    }

    /** {@code sum hp^2 + sum |c|^2 + sum lp^2}; equals the image energy. */
    public double energy() {
        double e = highpass.energy() + lowpass.energy();
        for (SteerableBand[] row : bands) {
            for (SteerableBand b : row) {
                e += b.real().energy() + b.imag().energy();
            }
        }
        return e;
    }

    /** What the mosaic shows of each complex band. */
    public enum Part { AMPLITUDE, REAL, PHASE }

    /** Rows: high-pass, one row per scale (columns = orientations) of the chosen part, low-pass (amplitude:
     * 0 black, 99.5th percentile white; real part: 0 mid grey; phase: -pi black to pi white). */
    public Mosaic mosaic(Part part) {
        if (part == null) {
            throw new IllegalArgumentException("part: expected AMPLITUDE, REAL or PHASE, got null");
        }
        List<List<Image>> rows = new ArrayList<>();
        rows.add(List.of(SteerableDisplay.signed(highpass)));
        for (SteerableBand[] row : bands) {
            List<Image> r = new ArrayList<>();
            for (SteerableBand b : row) {
                switch (part) {
                    case AMPLITUDE: r.add(SteerableDisplay.positive(b.amplitude())); break;
                    case REAL: r.add(SteerableDisplay.signed(b.real())); break;
                    default: r.add(b.phase().map(v -> (v + Math.PI) / (2 * Math.PI))); break;
                }
            }
            rows.add(r);
        }
        rows.add(List.of(lowpass.normalized()));
        return labelledMosaic(rows, toString() + ", " + part.name().toLowerCase(Locale.ROOT));
    }

    /** The amplitude mosaic. */
    public Mosaic mosaic() {
        return mosaic(Part.AMPLITUDE);
    }

    @Override
    public MimeBundle mimeBundle() {
        return mosaic().mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SteerablePyramidComplex %s, %d scales x %d orientations (+ high-pass, low-pass %dx%d)",
                source.shape(), scales, orientations, lowpass.width(), lowpass.height());
    }
}
