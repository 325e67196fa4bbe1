package visionlab.fourier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * The 2-D discrete Fourier transform through JTransforms (float precision), with 1-D plans cached per length.
 * Spectra are interleaved complex arrays in row-major order, {@code a[2 (v W + u)]} the real part and
 * {@code a[2 (v W + u) + 1]} the imaginary part of frequency index (u, v), not centred (index 0 is DC;
 * {@link #forwardRealColumnMajor(float[], int, int)} gives the column-major order instead):
 *
 * <pre>X(u, v) = sum_{x, y} x(x, y) exp(-2 pi i (u x / W + v y / H))</pre>
 *
 * The inverse divides by {@code W H}, so {@code inverse(forward(x)) = x}. Loading this class sets
 * JTransforms' process-wide thresholds so that a single 1-D transform never starts threads of its own:
 * VisionLab runs many 1-D transforms at once on the cores itself. Complex transforms run as 1-D
 * JTransforms passes over rows and then blocks of columns, split over the available cores for large
 * images. Library plumbing for the Fourier views and the steerable pyramid.
 */
public final class Fft2 {

    private static final int BLOCK = 16; // columns copied out together
    private static final int PAD = 16; // column buffer stride 2h + PAD floats: avoids 4 KB cache-set aliasing
    private static final int PARALLEL_MIN = 1 << 15;

    private static final Map<Integer, FloatFFT_1D> PLANS_1D = new ConcurrentHashMap<>();

    static {
        // every caller runs many 1-D transforms at once on the available cores; JTransforms' own threads
        // inside one 1-D transform (from 8192 floats on) would only contend with them (measured: 4096x4096
        // steerable pyramid 4.3 s with them, 2.5 s without)
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }

    private Fft2() {
    }

    /** The cached JTransforms 1-D plan of length n (at most 64 lengths are kept). */
    public static FloatFFT_1D plan1(int n) {
        FloatFFT_1D p = PLANS_1D.get(n);
        if (p == null) {
            if (PLANS_1D.size() >= 64) {
                PLANS_1D.clear();
            }
            p = PLANS_1D.computeIfAbsent(n, FloatFFT_1D::new);
        }
        return p;
    }

    /**
     * The full complex spectrum of the real samples {@code plane}, COLUMN-MAJOR: {@code a[2 (u H + v)]} and
     * {@code a[2 (u H + v) + 1]} are the real and imaginary part of X(u, v), so each frequency column u is
     * contiguous. Rows y and y+1 share one complex FFT ({@code fft(a + i b)} split by Hermitian symmetry), only
     * the columns {@code 0..W/2} are transformed, and the others are filled from
     * {@code X(-u, -v) = conj X(u, v)}: about half the work of a complex transform.
     */
    public static float[] forwardRealColumnMajor(float[] plane, int width, int height) {
        return forwardRealColumnMajor(plane, width, height, null);
    }

    /** {@link #forwardRealColumnMajor(float[], int, int)} into {@code out} when it holds at least
     * {@code 2 W H} floats (it is overwritten), else into a new array. */
    public static float[] forwardRealColumnMajor(float[] plane, int width, int height, float[] out) {
        if (plane == null || width < 1 || height < 1 || plane.length != width * height) {
            throw new IllegalArgumentException("plane: expected " + width + "x" + height + " = "
                    + (long) width * height + " samples, got " + (plane == null ? "null" : plane.length));
        }
        int w = width;
        int h = height;
        int half = w / 2;
        int hc = half + 1;
        float[] r = new float[2 * hc * h]; // row-major, columns 0..W/2 after the row pass
        FloatFFT_1D rows = plan1(w);
        int pairs = (h + 1) / 2;
        boolean par = (long) w * h >= PARALLEL_MIN;
        int cores = Runtime.getRuntime().availableProcessors();
        int rtasks = par ? Math.max(1, Math.min(pairs, 4 * cores)) : 1;
        range(rtasks, par, t -> {
            float[] z = new float[2 * w];
            for (int p = (int) ((long) pairs * t / rtasks); p < (int) ((long) pairs * (t + 1) / rtasks); p++) {
                int y = 2 * p;
                boolean two = y + 1 < h;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    z[2 * x] = plane[o + x];
                    z[2 * x + 1] = two ? plane[o + w + x] : 0f;
                }
                rows.complexForward(z, 0);
                int d = 2 * y * hc;
                for (int k = 0; k <= half; k++) { // A = (Z(k) + conj Z(-k)) / 2, B = (Z(k) - conj Z(-k)) / 2i
                    int m = k == 0 ? 0 : w - k;
                    float zr = z[2 * k];
                    float zi = z[2 * k + 1];
                    float cr = z[2 * m];
                    float ci = z[2 * m + 1];
                    r[d + 2 * k] = 0.5f * (zr + cr);
                    r[d + 2 * k + 1] = 0.5f * (zi - ci);
                    if (two) {
                        r[d + 2 * hc + 2 * k] = 0.5f * (zi + ci);
                        r[d + 2 * hc + 2 * k + 1] = -0.5f * (zr - cr);
                    }
                }
            }
        });
        float[] a = out != null && out.length >= 2 * w * h ? out : new float[2 * w * h];
        FloatFFT_1D cols = plan1(h);
        int stride = 2 * h + PAD;
        int blocks = (hc + BLOCK - 1) / BLOCK;
        int ctasks = par ? Math.max(1, Math.min(blocks, 4 * cores)) : 1;
        range(ctasks, par, t -> {
            float[] buf = new float[BLOCK * stride];
            for (int b = (int) ((long) blocks * t / ctasks); b < (int) ((long) blocks * (t + 1) / ctasks); b++) {
                int u0 = b * BLOCK;
                int nb = Math.min(BLOCK, hc - u0);
                for (int v = 0; v < h; v++) {
                    int src = 2 * (v * hc + u0);
                    for (int j = 0; j < nb; j++) {
                        buf[j * stride + 2 * v] = r[src + 2 * j];
                        buf[j * stride + 2 * v + 1] = r[src + 2 * j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    int u = u0 + j;
                    cols.complexForward(buf, j * stride);
                    System.arraycopy(buf, j * stride, a, 2 * u * h, 2 * h);
                    if (u > 0 && w - u != u) { // X(-u, -v) = conj X(u, v)
                        int m = 2 * (w - u) * h;
                        for (int v = 0; v < h; v++) {
                            int s = j * stride + 2 * (v == 0 ? 0 : h - v);
                            a[m + 2 * v] = buf[s];
                            a[m + 2 * v + 1] = -buf[s + 1];
                        }
                    }
                }
            }
        });
        return a;
    }

    /** In-place forward transform of an interleaved complex array. */
    public static void forward(float[] a, int width, int height) {
        transform(a, width, height, false, true);
    }

    /** In-place inverse transform (divided by {@code W H}) of an interleaved complex array. */
    public static void inverse(float[] a, int width, int height) {
        transform(a, width, height, true, true);
    }

    /** {@link #forward(float[], int, int)} on the calling thread only: for callers that already keep the
     * cores busy with many transforms at once. */
    public static void forwardSerial(float[] a, int width, int height) {
        transform(a, width, height, false, false);
    }

    /** {@link #inverse(float[], int, int)} on the calling thread only. */
    public static void inverseSerial(float[] a, int width, int height) {
        transform(a, width, height, true, false);
    }

    private static void transform(float[] a, int w, int h, boolean inverse, boolean parallel) {
        if (a.length != 2 * w * h) {
            throw new IllegalArgumentException("a: expected " + 2 * w * h + " floats for " + w + "x" + h + ", got "
                    + a.length);
        }
        FloatFFT_1D rows = plan1(w);
        boolean par = parallel && (long) w * h >= PARALLEL_MIN;
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
        columns(a, w, h, w, inverse, inverse ? (float) (1.0 / ((double) w * h)) : 1f, par);
    }

    /** 1-D transforms down columns {@code 0..ncols-1} of a row-major interleaved array, in blocks. */
    private static void columns(float[] a, int w, int h, int ncols, boolean inverse, float scale, boolean par) {
        FloatFFT_1D cols = plan1(h);
        int blocks = (ncols + BLOCK - 1) / BLOCK;
        int ctasks = par ? Math.max(1, Math.min(blocks, 4 * Runtime.getRuntime().availableProcessors())) : 1;
        range(ctasks, par, t -> {
            int b0 = (int) ((long) blocks * t / ctasks);
            int b1 = (int) ((long) blocks * (t + 1) / ctasks);
            float[] buf = new float[BLOCK * (2 * h + PAD)];
            for (int b = b0; b < b1; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, ncols - x0);
                for (int y = 0; y < h; y++) {
                    int src = 2 * (y * w + x0);
                    for (int j = 0; j < nb; j++) {
                        buf[j * (2 * h + PAD) + 2 * y] = a[src + 2 * j];
                        buf[j * (2 * h + PAD) + 2 * y + 1] = a[src + 2 * j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    if (inverse) {
                        cols.complexInverse(buf, j * (2 * h + PAD), false);
                    } else {
                        cols.complexForward(buf, j * (2 * h + PAD));
                    }
                }
                for (int y = 0; y < h; y++) {
                    int dst = 2 * (y * w + x0);
                    for (int j = 0; j < nb; j++) {
                        a[dst + 2 * j] = buf[j * (2 * h + PAD) + 2 * y] * scale;
                        a[dst + 2 * j + 1] = buf[j * (2 * h + PAD) + 2 * y + 1] * scale;
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
