package visionlab.fourier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.fft.FloatFFT_2D;

/**
 * The 2-D discrete Fourier transform through JTransforms (float precision), with plans cached per size.
 * Spectra are interleaved complex arrays in row-major order, {@code a[2 (v W + u)]} the real part and
 * {@code a[2 (v W + u) + 1]} the imaginary part of frequency index (u, v), not centred (index 0 is DC):
 *
 * <pre>X(u, v) = sum_{x, y} x(x, y) exp(-2 pi i (u x / W + v y / H))</pre>
 *
 * The inverse divides by {@code W H}, so {@code inverse(forward(x)) = x}. Complex transforms run as 1-D
 * JTransforms passes over rows and then blocks of columns, split over the available cores for large
 * images. Library plumbing for the Fourier views and the steerable pyramid.
 */
public final class Fft2 {

    private static final int BLOCK = 16; // columns copied out together
    private static final int PARALLEL_MIN = 1 << 15;

    private static final Map<Long, FloatFFT_2D> PLANS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FloatFFT_2D> e) {
            return size() > 16;
        }
    };
    private static final Map<Integer, FloatFFT_1D> PLANS_1D = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FloatFFT_1D> e) {
            return size() > 64;
        }
    };

    private Fft2() {
    }

    /** The cached JTransforms 2-D plan for {@code width x height} (rows = height, columns = width). */
    public static FloatFFT_2D plan(int width, int height) {
        long key = ((long) width << 32) | height;
        synchronized (PLANS) {
            return PLANS.computeIfAbsent(key, k -> new FloatFFT_2D(height, width));
        }
    }

    /** The cached JTransforms 1-D plan of length n. */
    public static FloatFFT_1D plan1(int n) {
        synchronized (PLANS_1D) {
            return PLANS_1D.computeIfAbsent(n, FloatFFT_1D::new);
        }
    }

    /** The full complex spectrum (interleaved, length {@code 2 W H}) of the real samples {@code plane}. */
    public static float[] forwardReal(float[] plane, int width, int height) {
        float[] a = new float[2 * width * height];
        System.arraycopy(plane, 0, a, 0, width * height);
        plan(width, height).realForwardFull(a);
        return a;
    }

    /** In-place forward transform of an interleaved complex array. */
    public static void forward(float[] a, int width, int height) {
        transform(a, width, height, false);
    }

    /** In-place inverse transform (divided by {@code W H}) of an interleaved complex array. */
    public static void inverse(float[] a, int width, int height) {
        transform(a, width, height, true);
    }

    private static void transform(float[] a, int w, int h, boolean inverse) {
        if (a.length != 2 * w * h) {
            throw new IllegalArgumentException("a: expected " + 2 * w * h + " floats for " + w + "x" + h + ", got "
                    + a.length);
        }
        FloatFFT_1D rows = plan1(w);
        FloatFFT_1D cols = plan1(h);
        boolean par = (long) w * h >= PARALLEL_MIN;
        int tasks = par ? Math.max(1, Math.min(h, 4 * Runtime.getRuntime().availableProcessors())) : 1;
        range(tasks, par, t -> {
            int y0 = (int) ((long) h * t / tasks);
            int y1 = (int) ((long) h * (t + 1) / tasks);
            for (int y = y0; y < y1; y++) {
                if (inverse) {
                    rows.complexInverse(a, 2 * y * w, false);
                } else {
                    rows.complexForward(a, 2 * y * w);
                }
            }
        });
        int blocks = (w + BLOCK - 1) / BLOCK;
        int ctasks = par ? Math.max(1, Math.min(blocks, 4 * Runtime.getRuntime().availableProcessors())) : 1;
        float scale = inverse ? (float) (1.0 / ((double) w * h)) : 1f;
        range(ctasks, par, t -> {
            int b0 = (int) ((long) blocks * t / ctasks);
            int b1 = (int) ((long) blocks * (t + 1) / ctasks);
            float[] buf = new float[BLOCK * 2 * h];
            for (int b = b0; b < b1; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, w - x0);
                for (int y = 0; y < h; y++) {
                    int src = 2 * (y * w + x0);
                    for (int j = 0; j < nb; j++) {
                        buf[j * 2 * h + 2 * y] = a[src + 2 * j];
                        buf[j * 2 * h + 2 * y + 1] = a[src + 2 * j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    if (inverse) {
                        cols.complexInverse(buf, j * 2 * h, false);
                    } else {
                        cols.complexForward(buf, j * 2 * h);
                    }
                }
                for (int y = 0; y < h; y++) {
                    int dst = 2 * (y * w + x0);
                    for (int j = 0; j < nb; j++) {
                        a[dst + 2 * j] = buf[j * 2 * h + 2 * y] * scale;
                        a[dst + 2 * j + 1] = buf[j * 2 * h + 2 * y + 1] * scale;
                    }
                }
            }
        });
    }

    /** Runs {@code body(0..tasks-1)}, in parallel when asked (common fork-join pool). */
    public static void range(int tasks, boolean parallel, java.util.function.IntConsumer body) {
        if (parallel && tasks > 1) {
            IntStream.range(0, tasks).parallel().forEach(body);
        } else {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
        }
    }
}
