package visionlab.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The pyramid operators as dense matrices acting on 1-D signals of length n (the lecture's "convolution
 * and up-sampling as a matrix multiply"): {@code x_{i+1} = G_i x_i} and {@code y = F_i x_{i+1}}.
 *
 * <pre>{@code Operators.upsample(4, Kernel1D.binomial(5), Boundary.ZERO).times(8)}  // the lecture's F3</pre>
 */
public final class Operators {

    private Operators() {
    }

    /**
     * The blur-and-downsample matrix G ({@code ceil(n/2) x n}):
     * {@code G[i][j] = sum of h(k) over the taps k with b(2i - k) = j}, the same operator as
     * {@link Resample#reduce} on a {@code n x 1} image. For n = 1 it is {@code [1]} (nothing left to reduce).
     */
    public static OperatorMatrix downsample(int n, Kernel1D kernel, Boundary boundary) {
        check(n, kernel, boundary);
        int m = (n + 1) / 2;
        int r = kernel.radius();
        double[][] g = new double[m][n];
        if (n == 1) {
            g[0][0] = 1; // a length-1 signal is left as it is
            return OperatorMatrix.wrap(g, "G (1x1)");
        }
        for (int i = 0; i < m; i++) {
            for (int k = -r; k <= r; k++) {
                int j = boundary.index(2 * i - k, n);
                if (j >= 0) {
                    g[i][j] += kernel.tap(k + r);
                }
            }
        }
        return OperatorMatrix.wrap(g, "G (" + m + "x" + n + ")");
    }

    /** {@link #upsample(int, int, Kernel1D, Boundary)} to length {@code 2n}. */
    public static OperatorMatrix upsample(int n, Kernel1D kernel, Boundary boundary) {
        return upsample(n, 2 * n, kernel, boundary);
    }

    /**
     * The upsample-and-blur matrix F ({@code m x n}, m = 2n or 2n - 1): insert zeros ({@code u(2i) = x(i)}),
     * then filter with 2h: {@code F[o][i] = sum of 2 h(k) over the taps k with b(o - k) = 2i}. With
     * {@link Boundary#ZERO} and {@code [1 4 6 4 1]/16}, {@code 8 F} for n = 4 is the lecture's F3. For
     * n = m = 1 it is {@code [1]}.
     */
    public static OperatorMatrix upsample(int n, int m, Kernel1D kernel, Boundary boundary) {
        check(n, kernel, boundary);
        if (m != 2 * n && m != 2 * n - 1) {
            throw new IllegalArgumentException("m: expected " + (2 * n - 1) + " or " + 2 * n + " (2n-1 or 2n for n = " + n
                    + "), got " + m);
        }
        int r = kernel.radius();
        double[][] f = new double[m][n];
        if (m == 1) {
            f[0][0] = 1; // expanding length 1 to length 1 leaves the sample as it is
            return OperatorMatrix.wrap(f, "F (1x1)");
        }
        for (int o = 0; o < m; o++) {
            for (int k = -r; k <= r; k++) {
                int p = boundary.index(o - k, m);
                if (p >= 0 && p % 2 == 0) {
                    f[o][p / 2] += 2 * kernel.tap(k + r);
                }
            }
        }
        return OperatorMatrix.wrap(f, "F (" + m + "x" + n + ")");
    }

    /** Largest number of pyramid levels for a signal of length n: reduce until one sample is left. */
    public static int maxLevels(int n) {
        int levels = 1;
        while (n > 1) {
            n = (n + 1) / 2;
            levels++;
        }
        return levels;
    }

    /**
     * The 1-d Laplacian pyramid matrix for {@code levels} levels: the row blocks
     * {@code (I - F_i G_i) G_{i-1} ... G_0} for the bands i = 0 .. levels-2, then the low-pass block
     * {@code G_{levels-2} ... G_0}. Multiplying a signal gives all its pyramid coefficients at once; its
     * picture is the lecture's figure.
     */
    public static OperatorMatrix laplacianMatrix(int n, int levels, Kernel1D kernel, Boundary boundary) {
        check(n, kernel, boundary);
        int max = maxLevels(n);
        if (levels < 1 || levels > max) {
            throw new IllegalArgumentException("levels: expected 1.." + max + " for length " + n + ", got " + levels);
        }
        List<OperatorMatrix> blocks = new ArrayList<>();
        OperatorMatrix p = OperatorMatrix.identity(n);
        int len = n;
        for (int i = 0; i < levels - 1; i++) {
            OperatorMatrix g = downsample(len, kernel, boundary);
            OperatorMatrix f = upsample((len + 1) / 2, len, kernel, boundary);
            blocks.add(OperatorMatrix.identity(len).minus(f.times(g)).times(p));
            p = g.times(p);
            len = (len + 1) / 2;
        }
        blocks.add(p);
        // the lecture's 1-based names: L1 = (I - F1 G1) x1 is the finest band, x_levels the low-pass
        String[] names = new String[levels];
        String gs = "";
        for (int i = 1; i < levels; i++) {
            names[i - 1] = "L" + i + " = (I - F" + i + " G" + i + ")" + gs + " x1";
            gs = " G" + i + gs;
        }
        names[levels - 1] = "x" + levels + " =" + gs + " x1 (low-pass)";
        return OperatorMatrix.stack(blocks).named("1-d Laplacian pyramid matrix, n = " + n + ", " + levels + " levels")
                .blockNames(names);
    }

    /** {@link #laplacianMatrix(int, int, Kernel1D, Boundary)} with {@code [1 4 6 4 1]/16} and reflect-101. */
    public static OperatorMatrix laplacianMatrix(int n, int levels) {
        return laplacianMatrix(n, levels, Kernel1D.binomial(5), Boundary.REFLECT_101);
    }

    private static void check(int n, Kernel1D kernel, Boundary boundary) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected a length >= 1, got " + n);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel: expected a Kernel1D, got null");
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
    }
}
