package visionlab.steer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.filter.Boundary;
import visionlab.filter.Convolution;
import visionlab.filter.Kernel1D;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A steerable filter: the N-th derivative of a Gaussian (N = 1..4) along any direction, from a basis of
 * N+1 sampled filters. Angles: x to the right, y DOWN (image coordinates), theta measured from the x axis
 * towards y; the filter at theta differentiates along {@code u = (cos theta, sin theta)}, so it responds to
 * intensity changing along theta (stripes running perpendicular to theta). Every orientation output in
 * {@code visionlab.steer} and the steerable pyramid's band angles follow this convention.
 *
 * <pre>
 * G(x, y)        = 1/(2 pi sigma^2) exp(-(x^2 + y^2) / (2 sigma^2))
 * g_x            = dG/dx = -x / (2 pi sigma^4) exp(-(x^2 + y^2) / (2 sigma^2))          (the lecture's)
 * g^N_theta      = (u . grad)^N G = (-1/sigma)^N He_N(t / sigma) G(x, y),   t = x cos theta + y sin theta
 * basis          g_j = g^N_{theta_j},  theta_j = j pi / (N + 1),  j = 0..N    (directional derivatives)
 * steering       g^N_theta = sum_j k_j(theta) g_j   EXACTLY, k_j from {@link Steering#weights}
 * first order    g_theta = cos(theta) g_x + sin(theta) g_y;   g at 60 deg = 1/2 g_x + sqrt(3)/2 g_y
 * </pre>
 *
 * He_N are the probabilists' Hermite polynomials (He_1 = s, He_2 = s^2 - 1, He_3 = s^3 - 3s,
 * He_4 = s^4 - 6s^2 + 3). Kernels are sampled (not integrated) on the integer grid with radius
 * {@code ceil((3.5 + N/2) sigma)}. Filtering is convolution ({@link Convolution}, reflect-101 border), so
 * filtering with g_x gives the x-derivative of the blurred image.
 *
 * <pre>{@code var g = Steerable.gaussianDerivative(1, 2.0);  g.kernel(Math.toRadians(60));  g.apply(img).at(theta)}</pre>
 */
public final class Steerable implements Displayable {

    private final int order;
    private final double sigma;
    private final int radius;
    private final double[][] oneD; // oneD[a] = d^a/dx^a of the 1-D Gaussian, sampled on -radius..radius

    private Steerable(int order, double sigma) {
        this.order = order;
        this.sigma = sigma;
        this.radius = Math.max(1, (int) Math.ceil((3.5 + order / 2.0) * sigma));
        oneD = new double[order + 1][2 * radius + 1];
        for (int a = 0; a <= order; a++) {
            for (int i = -radius; i <= radius; i++) {
                oneD[a][i + radius] = gaussianDerivative1d(a, sigma, i);
            }
        }
    }

    /**
     * The order-N Gaussian-derivative steerable filter (N = 1..4) of scale {@code sigma > 0} (pixels).
     *
     * @throws IllegalArgumentException if order is outside 1..4 or sigma is not a finite value &gt; 0 (or &gt; 100)
     */
    public static Steerable gaussianDerivative(int order, double sigma) {
        if (order < 1 || order > 4) {
            throw new IllegalArgumentException("order: expected 1..4, got " + order);
        }
        if (!(sigma > 0) || !(sigma <= 100)) {
            throw new IllegalArgumentException("sigma: expected a value in (0, 100] pixels, got " + sigma);
        }
        return new Steerable(order, sigma);
    }

    /** d^a/dx^a of exp(-x^2/(2 sigma^2)) / (sqrt(2 pi) sigma) = (-1/sigma)^a He_a(x/sigma) * gaussian. */
    static double gaussianDerivative1d(int a, double sigma, double x) {
        double s = x / sigma;
        double g = Math.exp(-0.5 * s * s) / (Math.sqrt(2 * Math.PI) * sigma);
        return Math.pow(-1 / sigma, a) * hermite(a, s) * g;
    }

    /** Probabilists' Hermite polynomial He_n(s): He_{n+1} = s He_n - n He_{n-1}. */
    static double hermite(int n, double s) {
        double h0 = 1;
        if (n == 0) {
            return h0;
        }
        double h1 = s;
        for (int k = 1; k < n; k++) {
            double h2 = s * h1 - k * h0;
            h0 = h1;
            h1 = h2;
        }
        return h1;
    }

    public int order() {
        return order;
    }

    public double sigma() {
        return sigma;
    }

    /** Kernel radius: kernels are {@code (2 radius + 1)} pixels square. */
    public int radius() {
        return radius;
    }

    /** Number of basis filters, N + 1. */
    public int basisSize() {
        return order + 1;
    }

    /** The basis angle {@code theta_j = j pi / (N + 1)}. */
    public double basisAngle(int j) {
        if (j < 0 || j > order) {
            throw new IllegalArgumentException("j: expected 0.." + order + ", got " + j);
        }
        return Steering.basisAngle(order, j);
    }

    /** The interpolation functions {@code k_j(theta)}, j = 0..N. */
    public double[] weights(double theta) {
        return Steering.weights(order, theta);
    }

    /** Basis filter j, the directional derivative at {@code theta_j = j pi/(N+1)} (an Image, kernel[y][x]). */
    public Image basis(int j) {
        return toImage(basisValues(basisAngle(j)));
    }

    /** The basis filters g_0 .. g_N. */
    public List<Image> basis() {
        List<Image> out = new ArrayList<>();
        for (int j = 0; j <= order; j++) {
            out.add(basis(j));
        }
        return out;
    }

    /**
     * The steered kernel {@code g_theta = sum_j k_j(theta) g_j} (theta in radians), e.g. the lecture's g at
     * 60 degrees: {@code kernel(Math.toRadians(60))}.
     */
    public Image kernel(double theta) {
        return toImage(steeredValues(theta));
    }

    /** Same as {@link #kernel(double)}: the filter steered to theta. */
    public Image at(double theta) {
        return kernel(theta);
    }

    /** {@code kernel(theta)} as {@code double[row = y][col = x]}, for {@link Convolution#convolve2d}. */
    public double[][] kernelArray(double theta) {
        return steeredValues(theta);
    }

    private double[][] steeredValues(double theta) {
        double[] k = weights(theta);
        int n = 2 * radius + 1;
        double[][] out = new double[n][n];
        for (int j = 0; j <= order; j++) {
            double[][] b = basisValues(Steering.basisAngle(order, j));
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    out[y][x] += k[j] * b[y][x];
                }
            }
        }
        return out;
    }

    /** (cos t d/dx + sin t d/dy)^N G = sum_a C(N, a) cos^a sin^(N-a) G^(a)(x) G^(N-a)(y). */
    private double[][] basisValues(double angle) {
        double[] coef = separableWeights(angle);
        int n = 2 * radius + 1;
        double[][] out = new double[n][n];
        for (int a = 0; a <= order; a++) {
            double[] kx = oneD[a];
            double[] ky = oneD[order - a];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    out[y][x] += coef[a] * kx[x] * ky[y];
                }
            }
        }
        return out;
    }

    /** The weights of the x^a y^(N-a) derivative terms in the directional derivative along angle. */
    private double[] separableWeights(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] w = new double[order + 1];
        for (int a = 0; a <= order; a++) {
            w[a] = binomial(order, a) * Math.pow(c, a) * Math.pow(s, order - a);
        }
        return w;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private static Image toImage(double[][] v) {
        int n = v.length;
        Image im = Image.zeros(n, n);
        float[] p = im.plane(0);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                p[y * n + x] = (float) v[y][x];
            }
        }
        return im;
    }

    /**
     * Filters {@code img} (every channel) with the N+1 basis filters ONCE: N+1 separable convolutions with
     * {@code G^(a)(x) G^(N-a)(y)}, combined into the directional basis. The result steers to any angle
     * without filtering again: {@code apply(img).at(theta)}.
     */
    public SteeredResponse apply(Image img) {
        Image.requireValid(img, "img");
        int n = order + 1;
        Image[] sep = new Image[n];
        for (int a = 0; a <= order; a++) {
            if (Thread.interrupted()) {
                throw new java.util.concurrent.CancellationException("interrupted");
            }
            sep[a] = Convolution.separable(img, Kernel1D.of(oneD[a]), Kernel1D.of(oneD[order - a]),
                    Boundary.REFLECT_101);
        }
        Image[] basis = new Image[n];
        for (int j = 0; j < n; j++) {
            double[] w = separableWeights(Steering.basisAngle(order, j));
            Image b = img.zerosLike();
            for (int c = 0; c < img.channels(); c++) {
                float[] o = b.plane(c);
                for (int a = 0; a <= order; a++) {
                    float wa = (float) w[a];
                    if (wa == 0) {
                        continue;
                    }
                    float[] p = sep[a].plane(c);
                    for (int i = 0; i < o.length; i++) {
                        o[i] += wa * p[i];
                    }
                }
            }
            basis[j] = b;
        }
        return new SteeredResponse(this, basis);
    }

    /**
     * A filter bank: the kernel at {@code count} angles spread evenly over the kernel's period (360 degrees
     * for odd orders, whose kernels change sign at 180, 180 degrees for even orders).
     */
    public Mosaic bank(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("count: expected 1..64, got " + count);
        }
        double period = order % 2 == 1 ? 2 * Math.PI : Math.PI;
        List<Image> tiles = new ArrayList<>();
        String[] angles = new String[count];
        for (int i = 0; i < count; i++) {
            tiles.add(kernel(period * i / count));
            angles[i] = Mosaic.angleLabel(Math.toDegrees(period * i / count));
        }
        int zoom = Math.max(1, Math.min(8, 128 / (2 * radius + 1)));
        return Mosaic.row(tiles).range(Mosaic.Range.AROUND_ZERO_SHARED).zoom(zoom).labels(angles)
                .title(String.format(Locale.ROOT, "Gaussian derivative order %d, sigma %.3g: %d angles from 0 to %d deg%s",
                        order, sigma, count, order % 2 == 1 ? 360 : 180,
                        order % 2 == 1 ? " (odd order: the kernel at 180 deg is minus the one at 0)"
                                : " (even order: 180 deg gives the same kernel)"));
    }

    /** The basis filters side by side. */
    @Override
    public MimeBundle mimeBundle() {
        int zoom = Math.max(1, Math.min(8, 128 / (2 * radius + 1)));
        String[] names = new String[order + 1];
        for (int j = 0; j <= order; j++) {
            names[j] = "basis " + j + ": " + Mosaic.angleLabel(Math.toDegrees(basisAngle(j)));
        }
        return Mosaic.row(basis()).range(Mosaic.Range.AROUND_ZERO_SHARED).zoom(zoom).labels(names).title(toString())
                .mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Steerable Gaussian derivative, order %d, sigma %.3g: %d basis filters at j*180/%d deg, %dx%d",
                order, sigma, order + 1, order + 1, 2 * radius + 1, 2 * radius + 1);
    }
}
