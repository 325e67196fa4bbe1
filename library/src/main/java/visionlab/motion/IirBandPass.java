package visionlab.motion;

/**
 * Wu et al. (2012)'s IIR band-pass: the difference of two first-order low-passes,
 * {@code y_h += r_h (x - y_h)}, {@code y_l += r_l (x - y_l)}, {@code B = g (y_h - y_l)} with
 * {@code r = 1 - exp(-2 pi f / fps)} and {@code g} the gain that makes {@code |H| = 1} at
 * {@code f0 = sqrt(lowHz highHz)}.
 */
final class IirBandPass extends BandPass {

    final double rh;
    final double rl;
    final double gain;

    private IirBandPass(double rh, double rl, double gain) {
        this.rh = rh;
        this.rl = rl;
        this.gain = gain;
    }

    static IirBandPass design(double lowHz, double highHz, double fps) {
        TemporalFilter.checkBand(lowHz, highHz, fps);
        double rh = 1 - Math.exp(-2 * Math.PI * highHz / fps);
        double rl = 1 - Math.exp(-2 * Math.PI * lowHz / fps);
        double w0 = 2 * Math.PI * Math.sqrt(lowHz * highHz) / fps;
        double[] h = lowPass(rh, w0);
        double[] l = lowPass(rl, w0);
        double g = 1 / Math.hypot(h[0] - l[0], h[1] - l[1]);
        return new IirBandPass(rh, rl, g);
    }

    /** r / (1 - (1 - r) e^{-iw}). */
    private static double[] lowPass(double r, double w) {
        double dr = 1 - (1 - r) * Math.cos(w);
        double di = (1 - r) * Math.sin(w);
        double d = dr * dr + di * di;
        return new double[] {r * dr / d, -r * di / d};
    }

    @Override
    int delay() {
        return 0;
    }

    @Override
    State state(int n) {
        float[] yh = new float[n];
        float[] yl = new float[n];
        float a = (float) rh;
        float b = (float) rl;
        float g = (float) gain;
        return new State() {
            float[] last;

            @Override
            public boolean step(float[] x, float[] y) {
                last = x;
                stepRange(x, y, 0, n);
                return true;
            }

            @Override
            public void stepRange(float[] x, float[] y, int from, int to) {
                for (int i = from; i < to; i++) {
                    float v = x[i];
                    yh[i] += a * (v - yh[i]);
                    yl[i] += b * (v - yl[i]);
                    y[i] = g * (yh[i] - yl[i]);
                }
            }

            @Override
            public float[] delayedInput() {
                return last;
            }
        };
    }
}
