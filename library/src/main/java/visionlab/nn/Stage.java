package visionlab.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One layer of a {@link Cnn} on the float32 path, with the activation that follows it (or none): its
 * weights, its double-precision {@link Layer} snapshot and, per shard of a mini-batch, a {@link Work} that
 * holds every buffer the forward and backward passes need (nothing is allocated per example). Between
 * stages each example is a stack of maps {@code float[C][H*W]}; a vector of n values is the shape 1x1xn.
 */
abstract class Stage {

    final MapShape in;
    final MapShape out;
    Activation act; // after this stage, or null

    Stage(MapShape in, MapShape out) {
        this.in = in;
        this.out = out;
    }

    /** The double-precision layer F_i with the current weights (without the activation). */
    abstract Layer layer();

    /** Weights and biases. */
    int parameterCount() {
        return 0;
    }

    /** Multiply-adds of one example's forward pass. */
    long work() {
        return out.size();
    }

    /** The float32 parameter arrays (updated in place by the optimizer). */
    List<float[]> parameters() {
        return List.of();
    }

    /** Draws the weights again (biases 0). */
    void initialise(SplittableRandom rnd, Init how) {
    }

    /** Called once per training step before any shard runs (e.g. to transpose weights). */
    void beginStep() {
    }

    /** Buffers for a shard of up to {@code cap} examples. */
    abstract Work work(int cap);

    /** One shard's buffers and gradient accumulators for this stage. */
    abstract static class Work {

        /** The gradient arrays of the last backward pass, one per {@link Stage#parameters()} array. */
        List<float[]> gradients() {
            return List.of();
        }

        /** y[r] = F(x[r]) for r &lt; rows (before the activation). */
        abstract void forward(float[][][] x, float[][][] y, int rows);

        /**
         * From dy = dE/da (after the activation's derivative) computes this shard's weight gradients and,
         * when {@code dx} is not null, dx = dE/dx.
         */
        abstract void backward(float[][][] x, float[][][] dy, float[][][] dx, int rows);

        /** Adds this shard's weight gradients into {@code sum}'s. */
        void addGradientsTo(Work sum) {
            List<float[]> a = gradients();
            List<float[]> b = sum.gradients();
            for (int i = 0; i < a.size(); i++) {
                float[] s = a.get(i);
                float[] d = b.get(i);
                for (int j = 0; j < s.length; j++) {
                    d[j] += s[j];
                }
            }
        }
    }

    /** Rows r &lt; cap of a vector boundary as a row array (for the matrix kernels). */
    static float[][] rowsOf(float[][][] v) {
        float[][] r = new float[v.length][];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i][0];
        }
        return r;
    }
}
