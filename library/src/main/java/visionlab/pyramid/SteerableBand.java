package visionlab.pyramid;

import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * One complex band {@code c = re + i im} of a {@link SteerablePyramidComplex}: local amplitude
 * {@code |c| = sqrt(re^2 + im^2)} and local phase {@code arg c = atan2(im, re)}. The real and imaginary
 * images are live: changing them changes the pyramid's reconstruction (that is how phase-based motion
 * magnification edits phases).
 */
public final class SteerableBand implements Displayable {

    private final Image re;
    private final Image im;
    private final int scale;
    private final int orientation;

    SteerableBand(Image re, Image im, int scale, int orientation) {
        this.re = re;
        this.im = im;
        this.scale = scale;
        this.orientation = orientation;
    }

    /** The real part: the real pyramid's band at this scale and orientation divided by sqrt 2. Live. */
    public Image real() {
        return re;
    }

    /** The imaginary part: the response of the real band's quadrature (Hilbert) partner, divided by sqrt 2. Live. */
    public Image imag() {
        return im;
    }

    /** {@code |c| = sqrt(re^2 + im^2)}, the local amplitude. */
    public Image amplitude() {
        Image out = re.zerosLike();
        for (int c = 0; c < re.channels(); c++) {
            float[] a = re.plane(c);
            float[] b = im.plane(c);
            float[] o = out.plane(c);
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) Math.sqrt((double) a[i] * a[i] + (double) b[i] * b[i]);
            }
        }
        return out;
    }

    /** {@code arg c = atan2(im, re)} in {@code (-pi, pi]}, the local phase. */
    public Image phase() {
        Image out = re.zerosLike();
        for (int c = 0; c < re.channels(); c++) {
            float[] a = re.plane(c);
            float[] b = im.plane(c);
            float[] o = out.plane(c);
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) Math.atan2(b[i], a[i]);
            }
        }
        return out;
    }

    public int scale() {
        return scale;
    }

    public int orientation() {
        return orientation;
    }

    public int width() {
        return re.width();
    }

    public int height() {
        return re.height();
    }

    /** Amplitude, real part and phase side by side. */
    @Override
    public MimeBundle mimeBundle() {
        return Mosaic.row(SteerableDisplay.positive(amplitude()), SteerableDisplay.signed(real()), phase().map(
                v -> (v + Math.PI) / (2 * Math.PI))).range(Mosaic.Range.NONE).title(toString()).fit(1600)
                .labels("amplitude (0 black)", "real part (0 mid grey)", "phase (-pi black, +pi white)").mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SteerableBand scale %d orientation %d, %s complex, max amplitude %.4g",
                scale, orientation, re.shape(), amplitude().max());
    }
}
