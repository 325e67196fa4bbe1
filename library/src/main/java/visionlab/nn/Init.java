package visionlab.nn;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a layer's weights W [out x in] start (biases start at 0). {@link #GLOROT}: uniform in
 * +-sqrt(6 / (in + out)) (Glorot and Bengio 2010, for tanh/sigmoid); {@link #HE}: normal with standard
 * deviation sqrt(2 / in) (He et al. 2015, for ReLU); {@link #uniform}: uniform in +-scale.
 */
public final class Init {

    /** Glorot / Xavier uniform: U(-r, r), r = sqrt(6 / (in + out)). */
    public static final Init GLOROT = new Init("Glorot", 0);
    /** He normal: N(0, 2 / in). */
    public static final Init HE = new Init("He", 0);

    private final String name;
    private final double scale;

    private Init(String name, double scale) {
        this.name = name;
        this.scale = scale;
    }

    /** Uniform in (-scale, scale). */
    public static Init uniform(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale: expected a positive finite number, got " + scale);
        }
        return new Init("uniform", scale);
    }

    /** Draws one weight for a layer with {@code in} inputs and {@code out} outputs. */
    double draw(SplittableRandom rnd, int in, int out) {
        switch (name) {
            case "Glorot": {
                double r = Math.sqrt(6.0 / (in + out));
                return (2 * rnd.nextDouble() - 1) * r;
            }
            case "He":
                return gaussian(rnd) * Math.sqrt(2.0 / in);
            default:
                return (2 * rnd.nextDouble() - 1) * scale;
        }
    }

    /** A standard normal sample (Box-Muller, so the sequence depends only on the generator). */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public String toString() {
        return name.equals("uniform") ? String.format(Locale.ROOT, "uniform(%.3g)", scale) : name;
    }
}
