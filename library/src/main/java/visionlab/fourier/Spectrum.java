package visionlab.fourier;

import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The 2-D DFT of a grey image (or of a complex band, real and imaginary parts), shown centred (DC in the
 * middle) as log-magnitude and phase:
 *
 * <pre>X(u, v) = sum_{x, y} I(x, y) exp(-2 pi i (u x / W + v y / H))      Parseval: sum |X|^2 / (W H) = sum I^2</pre>
 *
 * Frequencies (u, v) are in cycles per image, {@code -floor(W/2) .. ceil(W/2) - 1}; a grating
 * {@code cos(2 pi (u0 x / W + v0 y / H))} peaks at (u0, v0) and (-u0, -v0). Colour images use their grey
 * version ({@link Image#grey()}).
 *
 * <pre>{@code Spectrum.of(img)             // image | log(1 + |X|) | phase
 * Spectrum.of(sp.band(1, 0))   // the spectrum of a band}</pre>
 */
public final class Spectrum implements Displayable {

    private final Image re;
    private final Image im;
    private final float[] spec; // interleaved, not centred
    private final int w;
    private final int h;

    private Spectrum(Image re, Image im) {
        this.re = re;
        this.im = im;
        this.w = re.width();
        this.h = re.height();
        float[] a = new float[2 * w * h];
        float[] pr = re.plane(0);
        float[] pi = im == null ? null : im.plane(0);
        for (int i = 0; i < w * h; i++) {
            a[2 * i] = pr[i];
            a[2 * i + 1] = pi == null ? 0 : pi[i];
        }
        Fft2.forward(a, w, h);
        this.spec = a;
    }

    /** The spectrum of {@code img} (grey; colour is converted with {@link Image#grey()}). */
    public static Spectrum of(Image img) {
        Image.requireValid(img, "img");
        return new Spectrum(img.grey(), null);
    }

    /** The spectrum of the complex image {@code re + i im} (for example a complex steerable band). */
    public static Spectrum of(Image re, Image im) {
        Image.requireValid(re, "re");
        Image.requireValid(im, "im");
        if (re.width() != im.width() || re.height() != im.height()) {
            throw new IllegalArgumentException("im: expected " + re.width() + "x" + re.height() + " like re, got "
                    + im.shape());
        }
        return new Spectrum(re.grey(), im.grey());
    }

    private int index(int u, int v) {
        if (u < -(w / 2) || u > (w - 1) / 2 || v < -(h / 2) || v > (h - 1) / 2) {
            throw new IllegalArgumentException("(u, v): expected -" + (w / 2) + " <= u <= " + ((w - 1) / 2) + " and -"
                    + (h / 2) + " <= v <= " + ((h - 1) / 2) + ", got (" + u + ", " + v + ")");
        }
        return 2 * (Math.floorMod(v, h) * w + Math.floorMod(u, w));
    }

    /** {@code |X(u, v)|}, (u, v) in cycles per image (negative allowed). */
    public double magnitude(int u, int v) {
        int k = index(u, v);
        return Math.hypot(spec[k], spec[k + 1]);
    }

    /** {@code arg X(u, v)} in radians. */
    public double phase(int u, int v) {
        int k = index(u, v);
        return Math.atan2(spec[k + 1], spec[k]);
    }

    /** {@code sum |X|^2 / (W H)}, equal to the image's energy (Parseval). */
    public double energy() {
        double s = 0;
        for (int i = 0; i < spec.length; i++) {
            s += (double) spec[i] * spec[i];
        }
        return s / ((double) w * h);
    }

    /** The (u, v) of the largest magnitude other than DC, as {@code int[] {u, v}}. */
    public int[] peak() {
        double best = -1;
        int[] arg = {0, 0};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x == 0 && y == 0) {
                    continue;
                }
                int k = 2 * (y * w + x);
                double m = Math.hypot(spec[k], spec[k + 1]);
                if (m > best) {
                    best = m;
                    arg[0] = x <= (w - 1) / 2 ? x : x - w;
                    arg[1] = y <= (h - 1) / 2 ? y : y - h;
                }
            }
        }
        return arg;
    }

    /** {@code log(1 + |X|)}, centred: DC at pixel (floor(W/2), floor(H/2)). */
    public Image logMagnitude() {
        return centred(false);
    }

    /** {@code arg X} in (-pi, pi], centred. */
    public Image phase() {
        return centred(true);
    }

    private Image centred(boolean phase) {
        Image out = Image.zeros(w, h);
        float[] o = out.plane(0);
        for (int y = 0; y < h; y++) {
            int sy = Math.floorMod(y - h / 2, h);
            for (int x = 0; x < w; x++) {
                int sx = Math.floorMod(x - w / 2, w);
                int k = 2 * (sy * w + sx);
                o[y * w + x] = phase ? (float) Math.atan2(spec[k + 1], spec[k])
                        : (float) Math.log1p(Math.hypot(spec[k], spec[k + 1]));
            }
        }
        return out;
    }

    /** The input (or its real part), log-magnitude and phase side by side. */
    public Mosaic view() {
        Image in = im == null ? re.normalized() : re.normalizedAroundZero();
        Image ph = phase().map(v -> (v + Math.PI) / (2 * Math.PI));
        return Mosaic.row(in, logMagnitude().normalized(), ph).range(Mosaic.Range.NONE)
                .zoom(Math.max(w, h) < 128 ? Math.max(1, 256 / Math.max(w, h)) : 1)
                .title(toString()).labels("input", "log(1 + |X|), centred", "phase (-pi black, +pi white)");
    }

    @Override
    public MimeBundle mimeBundle() {
        return view().mimeBundle();
    }

    @Override
    public String toString() {
        int[] p = peak();
        return String.format(Locale.ROOT, "Spectrum of a %dx%d %s image, peak at (u, v) = (%d, %d) cycles/image",
                w, h, im == null ? "real" : "complex", p[0], p[1]);
    }
}
