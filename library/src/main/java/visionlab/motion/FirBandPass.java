package visionlab.motion;

/**
 * A linear-phase FIR band-pass: {@code h_k = w_k (2 f_h sinc(2 f_h k) - 2 f_l sinc(2 f_l k))},
 * {@code k = -M..M}, {@code f = Hz / fps}, Hamming window {@code w_k = 0.54 + 0.46 cos(pi k / M)},
 * {@code M = ceil(2 fps / lowHz)}, scaled to gain 1 at {@code f0 = sqrt(lowHz highHz)}. Centred, so it delays
 * by M frames: {@code B_t = sum_k h_k x_{t-k}} is known once {@code x_{t+M}} is.
 */
final class FirBandPass extends BandPass {

    final double[] taps; // h_{-M} .. h_M

    private FirBandPass(double[] taps) {
        this.taps = taps;
    }

    static FirBandPass design(double lowHz, double highHz, double fps) {
        TemporalFilter.checkBand(lowHz, highHz, fps);
        int m = (int) Math.ceil(2 * fps / lowHz);
        double fl = lowHz / fps;
        double fh = highHz / fps;
        double f0 = Math.sqrt(lowHz * highHz) / fps;
        double[] h = new double[2 * m + 1];
        double g = 0;
        for (int k = -m; k <= m; k++) {
            double w = 0.54 + 0.46 * Math.cos(Math.PI * k / m);
            h[k + m] = w * (2 * fh * sinc(2 * fh * k) - 2 * fl * sinc(2 * fl * k));
            g += h[k + m] * Math.cos(2 * Math.PI * f0 * k);
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= g;
        }
        return new FirBandPass(h);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    @Override
    int delay() {
        return taps.length / 2;
    }

    @Override
    State state(int n) {
        int len = taps.length;
        int m = len / 2;
        float[] h = new float[len];
        for (int i = 0; i < len; i++) {
            h[i] = (float) taps[i];
        }
        float[][] ring = new float[len][n]; // x_{t-len+1} .. x_t, zeros before the start
        return new State() {
            long t = -1;

            @Override
            public boolean step(float[] x, float[] y) {
                t++;
                System.arraycopy(x, 0, ring[(int) (t % len)], 0, n);
                if (t < m) {
                    return false;
                }
                java.util.Arrays.fill(y, 0, n, 0f);
                // output frame o = t - m: sum_{k=-m..m} h_k x_{o-k}; x_{o-k} sits at ring[(o - k) mod len]
                for (int k = -m; k <= m; k++) {
                    long j = t - m - k;
                    if (j < 0) {
                        continue;
                    }
                    float hk = h[k + m];
                    float[] r = ring[(int) (j % len)];
                    for (int i = 0; i < n; i++) {
                        y[i] += hk * r[i];
                    }
                }
                return true;
            }

            @Override
            public float[] delayedInput() {
                return ring[(int) ((t - m) % len)];
            }
        };
    }
}
