package visionlab.nn;

import java.util.List;

/**
 * The float32 side of a {@link Net}: preallocated forward and backward passes over mini-batches, which the
 * one training loop ({@link Trainer}) drives for every kind of net.
 */
interface TrainingEngine {

    /**
     * One training step on rows {@code idx[from..from+count)} of x and t: afterwards {@link #gradients()}
     * hold dE/dw with E the mean loss over the batch. Returns the summed loss.
     */
    double gradient(float[][] x, float[][] t, int[] idx, int from, int count, Loss loss);

    /** Rows of the last {@link #gradient} step classified correctly. */
    int correct();

    /**
     * Forward pass only on rows idx[from..from+count) of x (idx null: consecutive rows; count at most
     * {@link #capacity()}): the output rows (live buffers, valid until the next call).
     */
    float[][] outputs(float[][] x, int[] idx, int from, int count);

    /** Largest batch {@link #outputs} accepts. */
    int capacity();

    /** The gradient arrays, one per {@link Net#parameters()} array, in the same order. */
    List<float[]> gradients();
}
