package visionlab.nn;

import java.util.Locale;

/**
 * Adam (Kingma and Ba 2015): m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * theta = theta - eta m_hat / (sqrt(v_hat) + eps) with bias-corrected m_hat = m / (1 - b1^t),
 * v_hat = v / (1 - b2^t). Defaults b1 = 0.9, b2 = 0.999, eps = 1e-8.
 *
 * <pre>{@code Adam.lr(1e-3)}</pre>
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    /** Checks the settings: learning rate &gt; 0, betas in [0, 1), epsilon &gt; 0. */
    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate: expected a positive number, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1: expected 0 <= beta1 < 1, got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2: expected 0 <= beta2 < 1, got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon: expected a positive number, got " + epsilon);
        }
    }

    /** Adam with learning rate {@code eta} and the usual betas. */
    public static Adam lr(double eta) {
        return new Adam(eta, 0.9, 0.999, 1e-8);
    }

    /** The same with other moment decay rates. */
    public Adam betas(double b1, double b2) {
        return new Adam(learningRate, b1, b2, epsilon);
    }

    @Override
    public State start(int[] sizes) {
        float[][] m = new float[sizes.length][];
        float[][] v = new float[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            m[k] = new float[sizes[k]];
            v[k] = new float[sizes[k]];
        }
        return new State() {
            float step;
            float c2;

            @Override
            public void beginStep(long t, double rateFactor) {
                double c1 = 1 - Math.pow(beta1, t);
                step = (float) (learningRate * rateFactor / c1);
                c2 = (float) (1 / (1 - Math.pow(beta2, t)));
            }

            @Override
            public void update(int k, float[] w, float[] g) {
                float b1 = (float) beta1;
                float b2 = (float) beta2;
                float eps = (float) epsilon;
                float[] mk = m[k];
                float[] vk = v[k];
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i];
                    mk[i] = b1 * mk[i] + (1 - b1) * gi;
                    vk[i] = b2 * vk[i] + (1 - b2) * gi * gi;
                    w[i] -= step * mk[i] / ((float) Math.sqrt(vk[i] * c2) + eps);
                }
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam(lr %.4g, betas %.3g/%.4g)", learningRate, beta1, beta2);
    }
}
