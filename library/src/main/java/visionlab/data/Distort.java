package visionlab.data;

import java.util.SplittableRandom;

/**
 * The lecture's "unusual, distorted, and noisy characters": copies of an image set (e.g. MNIST) with every
 * image shifted, rotated or noisy, same labels. Pixels that come from outside the image are 0 (background).
 *
 * <pre>{@code Distort.shift(test, 2, 0); Distort.rotate(test, 15); Distort.noise(test, 0.3, 1)}</pre>
 */
public final class Distort {

    private Distort() {
    }

    private static void requireImages(Dataset data) {
        if (data == null || data.imageWidth() == 0) {
            throw new IllegalArgumentException("data: expected a set of images (e.g. Datasets.mnist10k()), got "
                    + (data == null ? "null" : data.name()));
        }
    }

    /** Every image moved {@code dx} pixels right and {@code dy} down: out(x, y) = in(x - dx, y - dy). */
    public static Dataset shift(Dataset data, int dx, int dy) {
        requireImages(data);
        int w = data.imageWidth();
        int h = data.imageHeight();
        if (Math.abs(dx) >= w || Math.abs(dy) >= h) {
            throw new IllegalArgumentException("dx, dy: expected |dx| < " + w + " and |dy| < " + h + ", got " + dx + ", " + dy);
        }
        float[][] x = data.inputRowsView();
        float[][] out = new float[x.length][w * h];
        for (int m = 0; m < x.length; m++) {
            for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                int x0 = Math.max(0, dx);
                int x1 = Math.min(w, w + dx);
                System.arraycopy(x[m], (y - dy) * w + x0 - dx, out[m], y * w + x0, x1 - x0);
            }
        }
        return Dataset.classificationOf(data.name() + " shifted (" + dx + ", " + dy + ")", out, data.labels(),
                data.classes(), w, h);
    }

    /**
     * Every image rotated by {@code degrees} (counter-clockwise on screen) about its centre, bilinear
     * interpolation.
     */
    public static Dataset rotate(Dataset data, double degrees) {
        requireImages(data);
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("degrees: expected a finite angle, got " + degrees);
        }
        int w = data.imageWidth();
        int h = data.imageHeight();
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        float[][] x = data.inputRowsView();
        float[][] out = new float[x.length][w * h];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                // the source of output pixel (xx, y): rotate back by the angle (y grows downwards)
                double sx = c * (xx - cx) - s * (y - cy) + cx;
                double sy = s * (xx - cx) + c * (y - cy) + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int m = 0; m < x.length; m++) {
                    float[] src = x[m];
                    double v = (1 - fx) * (1 - fy) * at(src, w, h, x0, y0) + fx * (1 - fy) * at(src, w, h, x0 + 1, y0)
                            + (1 - fx) * fy * at(src, w, h, x0, y0 + 1) + fx * fy * at(src, w, h, x0 + 1, y0 + 1);
                    out[m][y * w + xx] = (float) v;
                }
            }
        }
        return Dataset.classificationOf(String.format(java.util.Locale.ROOT, "%s rotated %.3g deg", data.name(), degrees),
                out, data.labels(), data.classes(), w, h);
    }

    private static float at(float[] src, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : src[y * w + x];
    }

    /** Every pixel plus Gaussian noise of standard deviation {@code sigma} (from {@code seed}), clipped to 0..1. */
    public static Dataset noise(Dataset data, double sigma, long seed) {
        requireImages(data);
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma: expected a finite value >= 0, got " + sigma);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] x = data.inputRowsView();
        float[][] out = new float[x.length][];
        for (int m = 0; m < x.length; m++) {
            out[m] = new float[x[m].length];
            for (int i = 0; i < x[m].length; i++) {
                double u = 1 - rnd.nextDouble();
                double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
                out[m][i] = (float) Math.max(0, Math.min(1, x[m][i] + sigma * g));
            }
        }
        return Dataset.classificationOf(String.format(java.util.Locale.ROOT, "%s with noise sigma %.3g", data.name(), sigma),
                out, data.labels(), data.classes(), data.imageWidth(), data.imageHeight());
    }
}
