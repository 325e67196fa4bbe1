package visionlab.filter;

import java.util.Arrays;

/**
 * A centred 1-D filter kernel of odd length, applied separably along x and y. The binomial kernels are
 * the lecture's low-pass filters: {@code [1 2 1]/4}, {@code [1 4 6 4 1]/16} (the Gaussian pyramid's).
 */
public final class Kernel1D {

    private final double[] taps;
    private final String name;

    private Kernel1D(double[] taps, String name) {
        this.taps = taps;
        this.name = name;
    }

    /** The kernel with these taps (odd count, finite), centred on the middle tap. */
    public static Kernel1D of(double... taps) {
        if (taps == null || taps.length == 0 || taps.length % 2 == 0) {
            throw new IllegalArgumentException("taps: expected an odd number of values, got "
                    + (taps == null ? "null" : taps.length));
        }
        for (double t : taps) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("taps: expected finite values, got " + Arrays.toString(taps));
            }
        }
        return new Kernel1D(taps.clone(), null);
    }

    /**
     * The normalised binomial kernel of odd {@code length}: row {@code length-1} of Pascal's triangle
     * divided by 2^(length-1). {@code binomial(5)} is {@code [1 4 6 4 1]/16}.
     */
    public static Kernel1D binomial(int length) {
        if (length < 1 || length % 2 == 0 || length > 61) {
            throw new IllegalArgumentException("length: expected an odd number in 1..61, got " + length);
        }
        double[] t = new double[length];
        t[0] = 1;
        for (int i = 1; i < length; i++) {
            for (int j = i; j > 0; j--) {
                t[j] += t[j - 1];
            }
        }
        double s = Math.pow(2, length - 1);
        for (int i = 0; i < length; i++) {
            t[i] /= s;
        }
        return new Kernel1D(t, "binomial(" + length + ")");
    }

    /** The lecture's Gaussian-pyramid filter {@code [1 4 6 4 1]/16}. */
    public static Kernel1D burtAdelson() {
        return binomial(5);
    }

    /**
     * A sampled Gaussian exp(-x^2 / (2 sigma^2)) normalised to sum 1, with radius ceil(3 sigma)
     * (so 2*ceil(3 sigma)+1 taps).
     */
    public static Kernel1D gaussian(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: expected a finite value > 0, got " + sigma);
        }
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] t = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            t[i + r] = Math.exp(-(double) i * i / (2 * sigma * sigma));
            s += t[i + r];
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= s;
        }
        return new Kernel1D(t, "gaussian(" + sigma + ")");
    }

    /** The taps (a copy). */
    public double[] taps() {
        return taps.clone();
    }

    /** Tap {@code i}, counting from the left end. */
    public double tap(int i) {
        return taps[i];
    }

    /** Number of taps (odd). */
    public int length() {
        return taps.length;
    }

    /** Half the length: taps run from {@code -radius} to {@code +radius}. */
    public int radius() {
        return taps.length / 2;
    }

    /** Sum of the taps. */
    public double sum() {
        double s = 0;
        for (double t : taps) {
            s += t;
        }
        return s;
    }

    /** This kernel with every tap multiplied by {@code k} (the expand filter is the kernel times 2). */
    public Kernel1D scaled(double k) {
        double[] t = taps.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] *= k;
        }
        return new Kernel1D(t, name == null ? null : k + "*" + name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel1D k && Arrays.equals(taps, k.taps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(taps);
    }

    @Override
    public String toString() {
        return "Kernel1D " + (name != null ? name + " " : "") + Arrays.toString(taps);
    }
}
