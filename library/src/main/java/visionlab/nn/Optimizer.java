package visionlab.nn;

/**
 * A rule theta^{k+1} = theta^k + update(dE/dtheta) applied after each mini-batch: {@link Sgd} or
 * {@link Adam}. An optimizer value is only its settings; the training loop keeps the state (velocities,
 * moments) through {@link #start}.
 */
public sealed interface Optimizer permits Sgd, Adam {

    /** The base learning rate eta. */
    double learningRate();

    /** A fresh state for parameter arrays of the given lengths. */
    State start(int[] sizes);

    /** Per-training state: {@link #update} changes {@code w} in place from the gradient {@code g}. */
    interface State {
        /**
         * Called once per step before the updates of that step; {@code t} counts steps from 1 and the step
         * uses the learning rate eta x {@code rateFactor} (the {@link Schedule}'s factor; 1 = the base rate).
         */
        void beginStep(long t, double rateFactor);

        /** {@link #beginStep(long, double)} at the base rate. */
        default void beginStep(long t) {
            beginStep(t, 1);
        }

        /** Updates parameter array number {@code k}. */
        void update(int k, float[] w, float[] g);
    }
}
