package visionlab.nn;

import java.util.Locale;

/**
 * Stochastic gradient descent with momentum: v = mu v - eta_t g, theta = theta + v, with the learning
 * rate eta_t = eta / (1 + decay t) after t steps (decay 0 by default, momentum 0 by default).
 *
 * <pre>{@code Sgd.lr(0.5).momentum(0.9)}</pre>
 */
public record Sgd(double learningRate, double momentum, double decay) implements Optimizer {

    /** Checks the settings: learning rate &gt; 0, 0 &lt;= momentum &lt; 1, decay &gt;= 0. */
    public Sgd {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate: expected a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum: expected 0 <= momentum < 1, got " + momentum);
        }
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("decay: expected a finite number >= 0, got " + decay);
        }
    }

    /** Plain SGD with learning rate {@code eta}. */
    public static Sgd lr(double eta) {
        return new Sgd(eta, 0, 0);
    }

    /** The same with momentum {@code mu} (0..1, typically 0.9). */
    public Sgd momentum(double mu) {
        return new Sgd(learningRate, mu, decay);
    }

    /** The same with learning-rate decay: eta_t = eta / (1 + decay t). */
    public Sgd decay(double d) {
        return new Sgd(learningRate, momentum, d);
    }

    @Override
    public State start(int[] sizes) {
        float[][] v = new float[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            v[k] = new float[sizes[k]];
        }
        return new State() {
            float eta;

            @Override
            public void beginStep(long t, double rateFactor) {
                eta = (float) (learningRate * rateFactor / (1 + decay * (t - 1)));
            }

            @Override
            public void update(int k, float[] w, float[] g) {
                float e = eta;
                if (momentum == 0) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= e * g[i];
                    }
                    return;
                }
                float mu = (float) momentum;
                float[] vk = v[k];
                for (int i = 0; i < w.length; i++) {
                    float vi = mu * vk[i] - e * g[i];
                    vk[i] = vi;
                    w[i] += vi;
                }
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SGD(lr %.4g%s%s)", learningRate,
                momentum > 0 ? String.format(Locale.ROOT, ", momentum %.3g", momentum) : "",
                decay > 0 ? String.format(Locale.ROOT, ", decay %.3g", decay) : "");
    }
}
