package visionlab.nn;

import java.util.Locale;

/**
 * How the learning rate changes over a training run: step t (1..T, T = epochs x steps per epoch) uses
 * eta_t = eta x factor(t), with eta the optimizer's rate. {@link #CONSTANT} keeps eta; {@link #cosine()}
 * anneals it along half a cosine, eta_t = eta (1 + cos(pi (t - 1) / T)) / 2 (Loshchilov and Hutter 2017),
 * so the first steps move fast and the last ones settle into a minimum; {@link #step(int, double)} multiplies
 * it by a factor every few epochs. The schedule multiplies any optimizer's own rate rule (e.g.
 * {@link Sgd#decay}).
 *
 * <pre>{@code net.trainer().optimizer(Adam.lr(0.002)).schedule(Schedule.cosine()).epochs(5)}</pre>
 */
public final class Schedule {

    private enum Kind { CONSTANT, COSINE, STEP }

    /** eta_t = eta throughout (the default). */
    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 0, 1);

    private static final Schedule COSINE = new Schedule(Kind.COSINE, 0, 1);

    private final Kind kind;
    private final int every;
    private final double gamma;

    private Schedule(Kind kind, int every, double gamma) {
        this.kind = kind;
        this.every = every;
        this.gamma = gamma;
    }

    /** Cosine annealing from eta down towards 0 at the last step: eta_t = eta (1 + cos(pi (t - 1) / T)) / 2. */
    public static Schedule cosine() {
        return COSINE;
    }

    /**
     * Step decay: eta_t = eta x gamma^floor((epoch - 1) / everyEpochs), e.g. {@code step(2, 0.5)} halves the
     * rate after epochs 2, 4, ...
     */
    public static Schedule step(int everyEpochs, double gamma) {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("everyEpochs: expected at least 1, got " + everyEpochs);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma: expected 0 < gamma <= 1, got " + gamma);
        }
        return new Schedule(Kind.STEP, everyEpochs, gamma);
    }

    /**
     * The factor for step {@code t} (1..{@code totalSteps}) of a run of {@code totalSteps} steps; the step
     * lies in {@code epoch} (from 1).
     */
    public double factor(long t, long totalSteps, int epoch) {
        if (t < 1 || totalSteps < 1 || epoch < 1) {
            throw new IllegalArgumentException("t, totalSteps, epoch: expected at least 1, got " + t + ", "
                    + totalSteps + ", " + epoch);
        }
        return switch (kind) {
            case CONSTANT -> 1;
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * Math.min(t - 1, totalSteps - 1) / totalSteps));
            case STEP -> Math.pow(gamma, (epoch - 1) / every);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant rate";
            case COSINE -> "cosine schedule";
            case STEP -> String.format(Locale.ROOT, "rate x %.3g every %d epoch(s)", gamma, every);
        };
    }
}
