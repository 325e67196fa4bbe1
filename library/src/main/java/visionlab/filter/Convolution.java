package visionlab.filter;

import visionlab.image.Image;

/**
 * Convolution of every channel of an image: separable (a 1-D kernel along x, then one along y) or with a
 * general 2-D kernel. True convolution, {@code out(x) = sum_i h(i) in(x - i)} with the kernel centred; for
 * the symmetric low-pass kernels this equals correlation. Samples outside the image come from the
 * {@link Boundary} mode (default {@link Boundary#REFLECT_101}). Any size works, including 1 x N.
 */
public final class Convolution {

    private Convolution() {
    }

    /** {@code img} convolved with {@code k} along x and along y, reflect-101 boundary. */
    public static Image separable(Image img, Kernel1D k) {
        return separable(img, k, k, Boundary.REFLECT_101);
    }

    /** {@code img} convolved with {@code k} along x and along y. */
    public static Image separable(Image img, Kernel1D k, Boundary boundary) {
        return separable(img, k, k, boundary);
    }

    /** {@code img} convolved with {@code kx} along x, then with {@code ky} along y. */
    public static Image separable(Image img, Kernel1D kx, Kernel1D ky, Boundary boundary) {
        Image.requireValid(img, "img");
        require(kx, "kx");
        require(ky, "ky");
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
        int w = img.width();
        int h = img.height();
        Image out = img.zerosLike();
        float[] tmp = new float[w * h];
        float[] fx = flipped(kx);
        float[] fy = flipped(ky);
        for (int c = 0; c < img.channels(); c++) {
            rows(img.plane(c), tmp, w, h, fx, boundary);
            columns(tmp, out.plane(c), w, h, fy, boundary);
        }
        return out;
    }

    /** Convolution along x only. */
    public static Image alongX(Image img, Kernel1D k, Boundary boundary) {
        return separable(img, k, Kernel1D.of(1), boundary);
    }

    /** Convolution along y only. */
    public static Image alongY(Image img, Kernel1D k, Boundary boundary) {
        return separable(img, Kernel1D.of(1), k, boundary);
    }

    /**
     * {@code img} convolved with the 2-D kernel {@code kernel[row][col]} (odd sizes, centred), every
     * channel: {@code out(x, y) = sum kernel(j, i) in(x - i, y - j)}.
     */
    public static Image convolve2d(Image img, double[][] kernel, Boundary boundary) {
        Image.requireValid(img, "img");
        if (kernel == null || kernel.length % 2 == 0 || kernel[0] == null || kernel[0].length % 2 == 0) {
            throw new IllegalArgumentException("kernel: expected an odd x odd array, got "
                    + (kernel == null ? "null" : kernel.length + " rows"));
        }
        int kh = kernel.length;
        int kw = kernel[0].length;
        for (double[] row : kernel) {
            if (row == null || row.length != kw) {
                throw new IllegalArgumentException("kernel: expected rows of equal length " + kw);
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
        int rx = kw / 2;
        int ry = kh / 2;
        int w = img.width();
        int h = img.height();
        Image padded = img.pad(rx, ry, rx, ry, boundary);
        int pw = w + 2 * rx;
        Image out = img.zerosLike();
        for (int c = 0; c < img.channels(); c++) {
            float[] src = padded.plane(c);
            float[] dst = out.plane(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int j = 0; j < kh; j++) {
                        int row = (y + 2 * ry - j) * pw + x + 2 * rx;
                        double[] kr = kernel[j];
                        for (int i = 0; i < kw; i++) {
                            s += kr[i] * src[row - i];
                        }
                    }
                    dst[y * w + x] = (float) s;
                }
            }
        }
        return out;
    }

    private static void require(Kernel1D k, String name) {
        if (k == null) {
            throw new IllegalArgumentException(name + ": expected a Kernel1D, got null");
        }
    }

    private static float[] flipped(Kernel1D k) {
        int n = k.length();
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) k.tap(n - 1 - i);
        }
        return f;
    }

    /** Correlates each row with {@code f} (a flipped kernel), reading outside samples by {@code b}. */
    static void rows(float[] src, float[] dst, int w, int h, float[] f, Boundary b) {
        int r = f.length / 2;
        float[] line = new float[w + 2 * r];
        int[] idx = new int[2 * r];
        for (int i = 0; i < r; i++) {
            idx[i] = b.index(i - r, w);
            idx[r + i] = b.index(w + i, w);
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            System.arraycopy(src, o, line, r, w);
            for (int i = 0; i < r; i++) {
                line[i] = idx[i] < 0 ? 0f : src[o + idx[i]];
                line[w + r + i] = idx[r + i] < 0 ? 0f : src[o + idx[r + i]];
            }
            for (int x = 0; x < w; x++) {
                float s = 0f;
                for (int k = 0; k < f.length; k++) {
                    s += f[k] * line[x + k];
                }
                dst[o + x] = s;
            }
        }
    }

    /** Correlates each column with {@code f}, whole rows at a time (cache friendly). */
    static void columns(float[] src, float[] dst, int w, int h, float[] f, Boundary b) {
        int r = f.length / 2;
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int k = 0; k < f.length; k++) {
                int sy = b.index(y + k - r, h);
                if (sy < 0) {
                    continue;
                }
                float fk = f[k];
                int o = sy * w;
                for (int x = 0; x < w; x++) {
                    acc[x] += fk * src[o + x];
                }
            }
            System.arraycopy(acc, 0, dst, y * w, w);
        }
    }
}
