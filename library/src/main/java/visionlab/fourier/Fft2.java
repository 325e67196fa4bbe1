package visionlab.fourier;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.FloatFFT_2D;

/**
 * The 2-D discrete Fourier transform through JTransforms (float precision), with plans cached per size.
 * Spectra are interleaved complex arrays in row-major order, {@code a[2 (v W + u)]} the real part and
 * {@code a[2 (v W + u) + 1]} the imaginary part of frequency index (u, v), not centred (index 0 is DC):
 *
 * <pre>X(u, v) = sum_{x, y} x(x, y) exp(-2 pi i (u x / W + v y / H))</pre>
 *
 * The inverse divides by {@code W H}, so {@code inverse(forward(x)) = x}. Library plumbing for the
 * Fourier views and the steerable pyramid.
 */
public final class Fft2 {

    private static final Map<Long, FloatFFT_2D> PLANS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FloatFFT_2D> e) {
            return size() > 24;
        }
    };

    private Fft2() {
    }

    /** The cached JTransforms plan for {@code width x height} (rows = height, columns = width). */
    public static FloatFFT_2D plan(int width, int height) {
        long key = ((long) width << 32) | height;
        synchronized (PLANS) {
            return PLANS.computeIfAbsent(key, k -> new FloatFFT_2D(height, width));
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
        plan(width, height).complexForward(a);
    }

    /** In-place inverse transform (divided by {@code W H}) of an interleaved complex array. */
    public static void inverse(float[] a, int width, int height) {
        plan(width, height).complexInverse(a, true);
    }
}
