package visionlab.motion;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The ideal band-pass over a whole series: DFT, zero the bins with {@code |f_k|} outside [lowHz, highHz]
 * ({@code f_k = min(k, T - k) fps / T}), inverse DFT. Treats the series as periodic.
 */
final class IdealBandPass {

    private final boolean[] keep;
    private final DoubleFFT_1D fft;
    private final double[] buf;

    IdealBandPass(int t, double lowHz, double highHz, double fps) {
        keep = new boolean[t];
        for (int k = 0; k < t; k++) {
            int kk = k <= t / 2 ? k : t - k;
            double f = kk * fps / t;
            keep[k] = f >= lowHz && f <= highHz;
        }
        fft = new DoubleFFT_1D(t);
        buf = new double[2 * t];
    }

    /** Band-passes {@code x} (T samples) in place. */
    void filter(double[] x) {
        int t = keep.length;
        java.util.Arrays.fill(buf, 0);
        System.arraycopy(x, 0, buf, 0, t);
        fft.realForwardFull(buf);
        for (int k = 0; k < t; k++) {
            if (!keep[k]) {
                buf[2 * k] = 0;
                buf[2 * k + 1] = 0;
            }
        }
        fft.complexInverse(buf, true);
        for (int k = 0; k < t; k++) {
            x[k] = buf[2 * k];
        }
    }

    static double[] apply(double[] x, double lowHz, double highHz, double fps) {
        double[] y = x.clone();
        new IdealBandPass(x.length, lowHz, highHz, fps).filter(y);
        return y;
    }
}
