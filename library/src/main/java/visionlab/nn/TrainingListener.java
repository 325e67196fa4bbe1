package visionlab.nn;

/** Called by the training loop after every step (mini-batch) and after every epoch. */
public interface TrainingListener {

    /** After step {@code step} (counted from 1 over the whole training) of epoch {@code epoch}; {@code loss} is the batch's mean loss. */
    default void step(int epoch, long step, double loss) {
    }

    /** After an epoch, with the row just added to the history. */
    default void epoch(History.Row row) {
    }
}
