package visionlab.nn;

import java.util.Arrays;
import java.util.Locale;
import visionlab.data.Dataset;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Rosenblatt's perceptron (1958): y = H(w . x + b), a threshold unit. The learning rule visits the
 * examples in order and, for each mistake, moves the weights towards the example: w += eta (t - y) x,
 * b += eta (t - y). It converges when the two classes are linearly separable (AND, OR) and never on XOR.
 *
 * <pre>{@code var r = Perceptron.train(Datasets.xor(), 100); r.converged();  // false}</pre>
 */
public final class Perceptron {

    private Perceptron() {
    }

    /**
     * The outcome: weights w, bias b, whether an epoch had no mistake, and the number of mistakes in each
     * epoch. Shows the mistakes per epoch as a chart.
     */
    public record Result(double[] weights, double bias, boolean converged, int[] errorsPerEpoch)
            implements Displayable {

        /** y = H(w . x + b) for one input. */
        public int predict(double... x) {
            double a = bias;
            for (int i = 0; i < weights.length; i++) {
                a += weights[i] * x[i];
            }
            return a > 0 ? 1 : 0;
        }

        /** Epochs run. */
        public int epochs() {
            return errorsPerEpoch.length;
        }

        @Override
        public MimeBundle mimeBundle() {
            return new MimeBundle(Plots.perceptronErrors(this).toPng(), toString(), null);
        }

        private static String weightsText(double[] w) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < w.length; i++) {
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", w[i]));
            }
            return b.append(']').toString();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Perceptron %s after %d epoch(s): w = %s, b = %.3g, errors per epoch %s",
                    converged ? "converged" : "did NOT converge", errorsPerEpoch.length, weightsText(weights), bias,
                    errorsPerEpoch.length > 12
                            ? Arrays.toString(Arrays.copyOf(errorsPerEpoch, 6)).replace("]", ", ...]")
                            : Arrays.toString(errorsPerEpoch));
        }
    }

    /** Trains with learning rate 1 from zero weights for at most {@code maxEpochs} epochs. */
    public static Result train(Dataset data, int maxEpochs) {
        return train(data, maxEpochs, 1.0);
    }

    /** Trains with learning rate {@code eta} from zero weights; stops after the first epoch without mistakes. */
    public static Result train(Dataset data, int maxEpochs, double eta) {
        if (data == null || !data.hasLabels() || data.classes() != 2) {
            throw new IllegalArgumentException("data: expected a 2-class labelled dataset, got "
                    + (data == null ? "null" : data.toString()));
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs: expected at least 1, got " + maxEpochs);
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta: expected a positive number, got " + eta);
        }
        int d = data.inputSize();
        double[] w = new double[d];
        double b = 0;
        int[] labels = data.labels();
        int[] errors = new int[maxEpochs];
        int epoch = 0;
        boolean converged = false;
        while (epoch < maxEpochs && !converged) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            int mistakes = 0;
            for (int m = 0; m < data.size(); m++) {
                double[] x = data.input(m);
                double a = b;
                for (int i = 0; i < d; i++) {
                    a += w[i] * x[i];
                }
                int y = a > 0 ? 1 : 0;
                int err = labels[m] - y;
                if (err != 0) {
                    mistakes++;
                    for (int i = 0; i < d; i++) {
                        w[i] += eta * err * x[i];
                    }
                    b += eta * err;
                }
            }
            errors[epoch++] = mistakes;
            converged = mistakes == 0;
        }
        return new Result(w, b, converged, Arrays.copyOf(errors, epoch));
    }
}
