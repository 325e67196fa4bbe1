package visionlab.motion;

/**
 * A streaming temporal band-pass run on many coefficients at once (one float per coefficient per frame):
 * {@link State#step} takes {@code x_t} and yields {@code y_{t - delay}} once {@code t >= delay}. Samples
 * before the first are taken as 0 (the phase reference is frame 0, so {@code Delta_0 = 0}: the scene is at
 * rest before it starts); to flush the last {@code delay} outputs, the last input is held.
 */
abstract class BandPass {

    /** Frames of latency (0 for causal filters). */
    abstract int delay();

    /** A filter state for {@code n} coefficients, all at rest. */
    abstract State state(int n);

    interface State {
        /** Feeds {@code x} (n values of frame t); writes {@code y_{t - delay}} into {@code y} and returns true
         * once {@code t >= delay}. */
        boolean step(float[] x, float[] y);

        /** The input {@code x_{t - delay}} (the frame whose output the last step wrote); live. */
        float[] delayedInput();

        /**
         * Causal filters (delay 0) only: the step of coefficients {@code from .. to - 1}, so that a caller can
         * run its own per-coefficient work block by block while the block is in cache. Calling it on
         * consecutive ranges that cover {@code 0 .. n - 1} once per frame is one {@link #step}.
         */
        default void stepRange(float[] x, float[] y, int from, int to) {
            throw new UnsupportedOperationException("stepRange: only causal filters step by ranges");
        }
    }

    static BandPass of(TemporalFilter f, double lowHz, double highHz, double fps) {
        switch (f) {
            case FIR: return FirBandPass.design(lowHz, highHz, fps);
            case IIR: return IirBandPass.design(lowHz, highHz, fps);
            case BUTTERWORTH: return Butterworth.bandPass(2, lowHz, highHz, fps);
            default: throw new IllegalArgumentException("filter: " + f + " is not a streaming filter");
        }
    }

    /** The filtered series, aligned (output t for input t), computed through {@link #state(int)}. */
    double[] apply(double[] x) {
        State s = state(1);
        float[] in = new float[1];
        float[] out = new float[1];
        double[] y = new double[x.length];
        int o = 0;
        for (int t = 0; t < x.length + delay(); t++) {
            in[0] = (float) x[Math.min(t, x.length - 1)];
            if (s.step(in, out) && o < x.length) {
                y[o++] = out[0];
            }
        }
        return y;
    }
}
