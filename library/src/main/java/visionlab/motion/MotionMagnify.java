package visionlab.motion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.jtransforms.fft.DoubleFFT_1D;
import visionlab.filter.Boundary;
import visionlab.filter.Convolution;
import visionlab.filter.Kernel1D;
import visionlab.image.Image;
import visionlab.pyramid.SteerableBand;
import visionlab.pyramid.SteerablePyramid;
import visionlab.pyramid.SteerablePyramidComplex;

/**
 * Phase-based video motion magnification (Wadhwa, Rubinstein, Durand and Freeman, SIGGRAPH 2013). A small
 * motion {@code delta(t)} shifts the local phase of every complex steerable-pyramid coefficient by about
 * {@code omega . delta(t)}; band-passing that phase in time and multiplying it up magnifies the motion:
 *
 * <pre>
 * c_t = A_t e^{i phi_t}                           complex pyramid of frame t (per scale, orientation, channel)
 * Delta_t = Delta_{t-1} + wrap(phi_t - phi_{t-1})  unwrapped phase relative to frame 0 (Delta_0 = 0)
 * B_t = ideal temporal band-pass of Delta_t to [lowHz, highHz]   (DFT over the whole clip)
 * optional: B_t = (G_sigma * (A B_t)) / (G_sigma * A)            amplitude-weighted spatial smoothing
 * c'_t = c_t e^{i (alpha - 1) B_t}                 so the band-passed motion becomes alpha delta(t)
 * </pre>
 *
 * {@code alpha} is the factor applied to the motion: 1 leaves the clip unchanged, 5 makes it 5 times as
 * large (the paper's amplification factor is {@code alpha - 1}), 0 removes the motion in the band. The
 * high-pass and low-pass residuals are kept. The ideal band-pass treats the clip as periodic, like the
 * paper's ideal filter. Uses 4 orientations and up to 4 scales.
 *
 * <pre>{@code var out = MotionMagnify.phase(MotionMagnify.readFrames(Path.of("frames")), 5, 0.4, 3, 30);
 * Clip.of(out, 30)   // animated GIF, PNG strip}</pre>
 */
public final class MotionMagnify {

    private MotionMagnify() {
    }

    /** Magnifies motions between {@code lowHz} and {@code highHz} by {@code alpha}; no spatial smoothing. */
    public static List<Image> phase(List<Image> frames, double alpha, double lowHz, double highHz, double fps) {
        return phase(frames, alpha, lowHz, highHz, fps, 0);
    }

    /**
     * Like {@link #phase(List, double, double, double, double)} with amplitude-weighted Gaussian smoothing of
     * the band-passed phase ({@code sigma} in pixels of each band; 0 for none).
     */
    public static List<Image> phase(List<Image> frames, double alpha, double lowHz, double highHz, double fps,
                                    double sigma) {
        checkFrames(frames, 3);
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: expected a finite frame rate > 0, got " + fps);
        }
        if (!(lowHz > 0) || !(lowHz < fps / 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lowHz: expected a frequency in (0, fps/2) = (0, %.4g), got %s", fps / 2, lowHz));
        }
        if (!(highHz > lowHz) || !(highHz < fps / 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "highHz: expected a frequency in (lowHz, fps/2) = (%.4g, %.4g), got %s", lowHz, fps / 2, highHz));
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha: expected a finite magnification factor, got " + alpha);
        }
        if (!(sigma >= 0) || !(sigma <= 50)) {
            throw new IllegalArgumentException("sigma: expected 0..50 pixels (0 = no smoothing), got " + sigma);
        }
        Image first = frames.get(0);
        int scales = Math.min(4, SteerablePyramid.maxScales(first));
        if (scales < 1) {
            throw new IllegalArgumentException("frames: expected frames of at least 8x8 pixels, got " + first.shape());
        }
        int orientations = 4;
        int t = frames.size();
        List<SteerablePyramidComplex> pyr = new ArrayList<>(t);
        for (Image f : frames) {
            checkInterrupt();
            pyr.add(SteerablePyramid.complex(f, scales, orientations));
        }
        boolean[] keep = passBand(t, lowHz, highHz, fps);
        double gain = alpha - 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(t);
        for (int s = 0; s < scales; s++) {
            for (int b = 0; b < orientations; b++) {
                for (int c = 0; c < first.channels(); c++) {
                    checkInterrupt();
                    magnifyBand(pyr, s, b, c, keep, gain, fft, sigma);
                }
            }
        }
        List<Image> out = new ArrayList<>(t);
        for (SteerablePyramidComplex p : pyr) {
            checkInterrupt();
            out.add(p.reconstruct());
        }
        return out;
    }

    /** keep[k] for DFT bin k of a T-sample series at fps: |f_k| in [lowHz, highHz]. */
    static boolean[] passBand(int t, double lowHz, double highHz, double fps) {
        boolean[] keep = new boolean[t];
        for (int k = 0; k < t; k++) {
            int kk = k <= t / 2 ? k : t - k;
            double f = kk * fps / t;
            keep[k] = f >= lowHz && f <= highHz;
        }
        return keep;
    }

    private static void magnifyBand(List<SteerablePyramidComplex> pyr, int s, int b, int c, boolean[] keep,
                                    double gain, DoubleFFT_1D fft, double sigma) {
        int t = pyr.size();
        SteerableBand b0 = pyr.get(0).band(s, b);
        int w = b0.width();
        int h = b0.height();
        int n = w * h;
        float[][] re = new float[t][];
        float[][] im = new float[t][];
        for (int k = 0; k < t; k++) {
            re[k] = pyr.get(k).band(s, b).real().plane(c);
            im[k] = pyr.get(k).band(s, b).imag().plane(c);
        }
        // unwrapped phase differences Delta[k][i]
        float[][] delta = new float[t][n];
        for (int i = 0; i < n; i++) {
            double prev = Math.atan2(im[0][i], re[0][i]);
            double acc = 0;
            for (int k = 1; k < t; k++) {
                double ph = Math.atan2(im[k][i], re[k][i]);
                acc += Math.IEEEremainder(ph - prev, 2 * Math.PI);
                prev = ph;
                delta[k][i] = (float) acc;
            }
        }
        // ideal temporal band-pass per coefficient
        double[] series = new double[2 * t];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(series, 0);
            for (int k = 0; k < t; k++) {
                series[k] = delta[k][i];
            }
            fft.realForwardFull(series);
            for (int k = 0; k < t; k++) {
                if (!keep[k]) {
                    series[2 * k] = 0;
                    series[2 * k + 1] = 0;
                }
            }
            fft.complexInverse(series, true);
            for (int k = 0; k < t; k++) {
                delta[k][i] = (float) series[2 * k];
            }
        }
        for (int k = 0; k < t; k++) {
            float[] bp = delta[k];
            if (sigma > 0) {
                bp = smooth(bp, re[k], im[k], w, h, sigma);
            }
            float[] r = re[k];
            float[] q = im[k];
            for (int i = 0; i < n; i++) {
                double d = gain * bp[i];
                double cs = Math.cos(d);
                double sn = Math.sin(d);
                float a = r[i];
                float bb = q[i];
                r[i] = (float) (a * cs - bb * sn);
                q[i] = (float) (a * sn + bb * cs);
            }
        }
    }

    /** (G * (A B)) / (G * A), A the amplitude. */
    private static float[] smooth(float[] bp, float[] re, float[] im, int w, int h, double sigma) {
        float[] amp = new float[bp.length];
        float[] ab = new float[bp.length];
        for (int i = 0; i < bp.length; i++) {
            amp[i] = (float) Math.hypot(re[i], im[i]);
            ab[i] = amp[i] * bp[i];
        }
        Kernel1D g = Kernel1D.gaussian(sigma);
        float[] num = Convolution.separable(Image.of(w, h, ab), g, Boundary.REFLECT_101).plane(0);
        float[] den = Convolution.separable(Image.of(w, h, amp), g, Boundary.REFLECT_101).plane(0);
        float[] out = new float[bp.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = den[i] > 1e-12f ? num[i] / den[i] : 0f;
        }
        return out;
    }

    private static void checkInterrupt() {
        if (Thread.interrupted()) {
            throw new CancellationException("interrupted");
        }
    }

    /** Frames: not null, at least {@code min}, one size and channel count, finite samples. */
    static void checkFrames(List<Image> frames, int min) {
        if (frames == null) {
            throw new IllegalArgumentException("frames: expected a list of images, got null");
        }
        if (frames.size() < min) {
            throw new IllegalArgumentException("frames: expected at least " + min + " frames, got " + frames.size());
        }
        Image first = frames.get(0);
        Image.requireValid(first, "frames[0]");
        for (int i = 1; i < frames.size(); i++) {
            Image f = Image.requireValid(frames.get(i), "frames[" + i + "]");
            if (!f.sameShape(first)) {
                throw new IllegalArgumentException("frames[" + i + "]: expected " + first.shape() + " like frames[0], got "
                        + f.shape());
            }
        }
    }

    /** The PNG files of {@code folder} in name order, as frames (at least 1). */
    public static List<Image> readFrames(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder: expected a directory of PNG frames, got " + folder);
        }
        List<Path> files;
        try (Stream<Path> st = Files.list(folder)) {
            files = st.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("folder: expected PNG files in " + folder + ", found none");
        }
        List<Image> out = new ArrayList<>();
        for (Path p : files) {
            checkInterrupt();
            out.add(Image.read(p));
        }
        return out;
    }

    /** Writes frames as {@code frame_0000.png ...} into {@code folder} (created if needed); returns it. */
    public static Path writeFrames(List<Image> frames, Path folder) {
        checkFrames(frames, 1);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + folder, e);
        }
        for (int i = 0; i < frames.size(); i++) {
            frames.get(i).write(folder.resolve(String.format(Locale.ROOT, "frame_%04d.png", i)));
        }
        return folder;
    }
}
