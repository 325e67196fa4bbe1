package visionlab.steer;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import visionlab.filter.Boundary;
import visionlab.filter.Convolution;
import visionlab.filter.Kernel1D;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Oriented energy from the quadrature pair G2 / H2 of Freeman and Adelson (1991, "The design and use of
 * steerable filters", tables 3 and 4): G2 is the second derivative of a Gaussian, H2 a steerable
 * fit to its Hilbert transform, both x-y separable. With {@code e = exp(-(x^2 + y^2))}, x and y in units
 * of {@code 1/scale} pixels (the paper samples at spacing 0.67, {@code scale = 1/0.67}):
 *
 * <pre>
 * G2a = 0.9213 (2x^2 - 1) e     G2b = 1.843 x y e          G2c = 0.9213 (2y^2 - 1) e
 * H2a = 0.9780 (-2.254 x + x^3) e   H2b = 0.9780 (-0.7515 + x^2) y e
 * H2c = 0.9780 (-0.7515 + y^2) x e  H2d = 0.9780 (-2.254 y + y^3) e
 * G2_theta = cos^2 G2a + 2 cos sin G2b + sin^2 G2c
 * H2_theta = cos^3 H2a + 3 cos^2 sin H2b + 3 cos sin^2 H2c + sin^3 H2d
 * E(theta) = G2_theta^2 + H2_theta^2  ~  C1 + C2 cos(2 theta) + C3 sin(2 theta) + higher harmonics
 * dominant orientation theta_d = arg(C2, C3) / 2,   strength = sqrt(C2^2 + C3^2)
 * </pre>
 *
 * The steering signs differ from the paper's table ({@code -2 cos sin}, {@code -3 cos^2 sin}, ...) because
 * here y points DOWN and theta turns from x towards y, as everywhere in {@code visionlab.steer}; theta is the
 * direction across the structure (theta = 0: vertical lines or edges). C1, C2, C3 are the exact Fourier
 * coefficients of E(theta), computed from the seven basis responses through fixed quadratic forms.
 *
 * <pre>{@code var oe = OrientedEnergy.of(Image.sample("camera"));  oe.orientation(); oe.strength(); oe}</pre>
 */
public final class OrientedEnergy implements Displayable {

    private static final int M = 16; // angles for the exact Fourier projection (E has harmonics up to 6 theta)

    private final double scale;
    private final Image[] g; // 3 basis responses
    private final Image[] h; // 4 basis responses
    private Image orientation;
    private Image strength;

    private OrientedEnergy(double scale, Image[] g, Image[] h) {
        this.scale = scale;
        this.g = g;
        this.h = h;
    }

    /** Oriented energy of {@code img} (colour is converted to grey) at the paper's sampling, scale 1/0.67. */
    public static OrientedEnergy of(Image img) {
        return of(img, 1 / 0.67);
    }

    /**
     * Oriented energy with the filters stretched by {@code scale} pixels per filter unit (1.49 in the paper;
     * larger for coarser structure). Kernels have radius {@code round(2.68 scale)}.
     */
    public static OrientedEnergy of(Image img, double scale) {
        Image.requireValid(img, "img");
        if (!(scale >= 0.5) || !(scale <= 50)) {
            throw new IllegalArgumentException("scale: expected 0.5..50 pixels per filter unit, got " + scale);
        }
        Image grey = img.grey();
        int r = Math.max(2, (int) Math.round(2.68 * scale));
        double[] f0 = new double[2 * r + 1]; // e^{-x^2}
        double[] f1 = new double[2 * r + 1]; // x e^{-x^2}
        double[] f2 = new double[2 * r + 1]; // (2x^2 - 1) e^{-x^2}
        double[] f3 = new double[2 * r + 1]; // (x^3 - 2.254 x) e^{-x^2}
        double[] f4 = new double[2 * r + 1]; // (x^2 - 0.7515) e^{-x^2}
        for (int i = -r; i <= r; i++) {
            double x = i / scale;
            double e = Math.exp(-x * x);
            f0[i + r] = e;
            f1[i + r] = x * e;
            f2[i + r] = (2 * x * x - 1) * e;
            f3[i + r] = (x * x * x - 2.254 * x) * e;
            f4[i + r] = (x * x - 0.7515) * e;
        }
        Image[] g = {
            sep(grey, f2, f0, 0.9213),
            sep(grey, f1, f1, 1.843),
            sep(grey, f0, f2, 0.9213),
        };
        Image[] h = {
            sep(grey, f3, f0, 0.9780),
            sep(grey, f4, f1, 0.9780),
            sep(grey, f1, f4, 0.9780),
            sep(grey, f0, f3, 0.9780),
        };
        return new OrientedEnergy(scale, g, h);
    }

    /** Convolution with gain * kx(x) ky(y). */
    private static Image sep(Image img, double[] kx, double[] ky, double gain) {
        if (Thread.interrupted()) {
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        return Convolution.separable(img, Kernel1D.of(kx).scaled(gain), Kernel1D.of(ky), Boundary.REFLECT_101);
    }

    static double[] gWeights(double t) {
        double c = Math.cos(t);
        double s = Math.sin(t);
        return new double[] {c * c, 2 * c * s, s * s};
    }

    static double[] hWeights(double t) {
        double c = Math.cos(t);
        double s = Math.sin(t);
        return new double[] {c * c * c, 3 * c * c * s, 3 * c * s * s, s * s * s};
    }

    /** The G2 response steered to theta. */
    public Image g2(double theta) {
        return combine(g, gWeights(theta));
    }

    /** The H2 response steered to theta. */
    public Image h2(double theta) {
        return combine(h, hWeights(theta));
    }

    /** {@code E(theta) = G2_theta^2 + H2_theta^2} per pixel. */
    public Image energy(double theta) {
        Image a = g2(theta);
        Image b = h2(theta);
        return a.times(a).plus(b.times(b));
    }

    private static Image combine(Image[] basis, double[] w) {
        Image out = basis[0].zerosLike();
        float[] o = out.plane(0);
        for (int j = 0; j < basis.length; j++) {
            float wj = (float) w[j];
            float[] p = basis[j].plane(0);
            for (int i = 0; i < o.length; i++) {
                o[i] += wj * p[i];
            }
        }
        return out;
    }

    /** The dominant orientation {@code theta_d = arg(C2, C3) / 2} per pixel, radians in [0, pi). */
    public Image orientation() {
        compute();
        return orientation;
    }

    /** The orientation strength {@code sqrt(C2^2 + C3^2)} per pixel. */
    public Image strength() {
        compute();
        return strength;
    }

    private synchronized void compute() {
        if (orientation != null) {
            return;
        }
        // quadratic forms: C2 = sum_{ij} Q2g_ij G_i G_j + sum Q2h_ij H_i H_j, C3 likewise, from M angles
        double[][] q2g = new double[3][3];
        double[][] q3g = new double[3][3];
        double[][] q2h = new double[4][4];
        double[][] q3h = new double[4][4];
        for (int m = 0; m < M; m++) {
            double t = Math.PI * m / M;
            double c2 = 2.0 / M * Math.cos(2 * t);
            double s2 = 2.0 / M * Math.sin(2 * t);
            double[] kg = gWeights(t);
            double[] kh = hWeights(t);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    q2g[i][j] += c2 * kg[i] * kg[j];
                    q3g[i][j] += s2 * kg[i] * kg[j];
                }
            }
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    q2h[i][j] += c2 * kh[i] * kh[j];
                    q3h[i][j] += s2 * kh[i] * kh[j];
                }
            }
        }
        Image ori = g[0].zerosLike();
        Image str = g[0].zerosLike();
        float[] po = ori.plane(0);
        float[] ps = str.plane(0);
        float[][] gp = {g[0].plane(0), g[1].plane(0), g[2].plane(0)};
        float[][] hp = {h[0].plane(0), h[1].plane(0), h[2].plane(0), h[3].plane(0)};
        double[] gv = new double[3];
        double[] hv = new double[4];
        for (int p = 0; p < po.length; p++) {
            for (int i = 0; i < 3; i++) {
                gv[i] = gp[i][p];
            }
            for (int i = 0; i < 4; i++) {
                hv[i] = hp[i][p];
            }
            double c2 = form(q2g, gv) + form(q2h, hv);
            double c3 = form(q3g, gv) + form(q3h, hv);
            double t = 0.5 * Math.atan2(c3, c2);
            if (t < 0) {
                t += Math.PI;
            }
            po[p] = (float) t;
            ps[p] = (float) Math.hypot(c2, c3);
        }
        orientation = ori;
        strength = str;
    }

    private static double form(double[][] q, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += q[i][j] * v[i] * v[j];
            }
        }
        return s;
    }

    /**
     * Colour picture: hue = dominant orientation (0 to 180 degrees round the colour circle: red = 0,
     * vertical structure), saturation 1, value = sqrt(strength / its 99th percentile), clamped to 1 (energy is squared
     * contrast, so the square root makes value follow contrast).
     */
    public Image colour() {
        compute();
        float[] o = orientation.plane(0);
        float[] s = strength.plane(0);
        float[] sorted = s.clone();
        Arrays.sort(sorted);
        float ref = sorted[Math.min(sorted.length - 1, (int) (0.99 * sorted.length))];
        if (!(ref > 0)) {
            ref = 1;
        }
        Image out = Image.zeros(orientation.width(), orientation.height(), 3);
        float[] r = out.plane(0);
        float[] gg = out.plane(1);
        float[] b = out.plane(2);
        for (int i = 0; i < o.length; i++) {
            float v = (float) Math.sqrt(Math.min(1f, s[i] / ref));
            int rgb = Color.HSBtoRGB((float) (o[i] / Math.PI), 1f, v);
            r[i] = ((rgb >> 16) & 255) / 255f;
            gg[i] = ((rgb >> 8) & 255) / 255f;
            b[i] = (rgb & 255) / 255f;
        }
        return out;
    }

    /** A colour wheel legend: hue at angle theta (x right, y down) as used by {@link #colour()}. */
    public static Image legend(int size) {
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("size: expected 8..1024, got " + size);
        }
        Image out = Image.zeros(size, size, 3);
        double c = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - c;
                double dy = y - c;
                double rr = Math.hypot(dx, dy) / c;
                if (rr > 1) {
                    continue;
                }
                double t = Math.atan2(dy, dx);
                t = ((t % Math.PI) + Math.PI) % Math.PI;
                int rgb = Color.HSBtoRGB((float) (t / Math.PI), 1f, (float) rr);
                out.set(x, y, 0, ((rgb >> 16) & 255) / 255.0);
                out.set(x, y, 1, ((rgb >> 8) & 255) / 255.0);
                out.set(x, y, 2, (rgb & 255) / 255.0);
            }
        }
        return out;
    }

    public double scale() {
        return scale;
    }

    /** The orientation colour image next to its colour-wheel legend. */
    @Override
    public MimeBundle mimeBundle() {
        Image col = colour();
        return Mosaic.row(col, legend(Math.min(128, Math.max(32, col.height() / 4)))).range(Mosaic.Range.NONE)
                .title(toString()).labels("hue: angle of peak energy, brightness: strength",
                        "legend: hue = theta, 0 deg red")
                .fit(1600).mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "OrientedEnergy (G2/H2 quadrature pair, scale %.3g px/unit) of a %dx%d image: hue = orientation, value = strength",
                scale, g[0].width(), g[0].height());
    }
}
