package visionlab.motion;

import java.util.Locale;

/**
 * The temporal band-pass applied to each coefficient's phase {@code Delta_t} in
 * {@link MotionMagnify#phase(Clip)}, between {@code lowHz} and {@code highHz} at the clip's frame rate.
 *
 * <ul>
 * <li>{@link #IDEAL}: keeps the DFT bins of {@code |f|} in [lowHz, highHz] over the WHOLE clip (treated as
 *     periodic). Not causal: the whole clip's phases are held in memory (frames x coefficients floats), so it
 *     suits short clips only.</li>
 * <li>{@link #FIR}: a linear-phase Hamming-windowed band-pass of {@code L = 2 M + 1} taps,
 *     {@code M = ceil(2 fps / lowHz)} (four periods of the low cut-off), gain 1 at
 *     {@code f0 = sqrt(lowHz highHz)}. Streams with a latency of M frames; memory grows with L, not with the
 *     clip.</li>
 * <li>{@link #IIR}: the difference of two first-order low-passes (Wu et al. 2012's IIR),
 *     {@code y_h += r_h (x - y_h), y_l += r_l (x - y_l), B = g (y_h - y_l)}, {@code r = 1 - exp(-2 pi f / fps)},
 *     {@code g} making the gain 1 at {@code f0}. Causal, two numbers per coefficient; a wide pass band and a
 *     weak stop band (slow drifts leak through at about {@code f / f0}).</li>
 * <li>{@link #BUTTERWORTH}: the order-2 Butterworth band-pass (bilinear transform with pre-warped edges,
 *     two second-order sections), {@code |H|^2 = 1 / (1 + ((W^2 - W0^2) / (W (Wh - Wl)))^4)} with
 *     {@code W = 2 fps tan(pi f / fps)}: gain 1 at the centre, 1/sqrt 2 at the band edges. Causal, four numbers
 *     per coefficient. The default.</li>
 * </ul>
 *
 * <pre>{@code double[] b = TemporalFilter.BUTTERWORTH.apply(phase, 1.5, 2.5, 30);   // one series, for charts}</pre>
 */
public enum TemporalFilter {
    IDEAL, FIR, IIR, BUTTERWORTH;

    /** True for the filters that run frame by frame with no latency (IIR, BUTTERWORTH). */
    public boolean causal() {
        return this == IIR || this == BUTTERWORTH;
    }

    /**
     * The band-passed series {@code x} sampled at {@code fps}; output t belongs to input t (FIR's latency
     * removed; causal filters see only the past, IDEAL the whole series).
     */
    public double[] apply(double[] x, double lowHz, double highHz, double fps) {
        if (x == null || x.length < 1) {
            throw new IllegalArgumentException("x: expected a series of at least 1 sample, got "
                    + (x == null ? "null" : "0 samples"));
        }
        checkBand(lowHz, highHz, fps);
        if (this == IDEAL) {
            return IdealBandPass.apply(x, lowHz, highHz, fps);
        }
        return BandPass.of(this, lowHz, highHz, fps).apply(x);
    }

    /** 0 &lt; lowHz &lt; highHz &lt; fps / 2, else an IllegalArgumentException naming the bound. */
    static void checkBand(double lowHz, double highHz, double fps) {
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
    }
}
