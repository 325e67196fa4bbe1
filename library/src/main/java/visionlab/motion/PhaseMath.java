package visionlab.motion;

/**
 * Fast float phase arithmetic for the per-coefficient loops of {@link PhaseMagnifier}: {@code atan2} to
 * about 1e-6 rad (a minimax odd polynomial for atan on [0, 1]) and {@code e^{i theta}} to about 1e-7 (half
 * angle, Taylor polynomials, double-angle formulas). {@link Math#atan2} costs several times more.
 */
final class PhaseMath {

    private static final float PI = (float) Math.PI;
    private static final float HALF_PI = (float) (Math.PI / 2);
    private static final float TWO_PI = (float) (2 * Math.PI);

    private PhaseMath() {
    }

    /** atan2(y, x) in (-pi, pi]; 0 for (0, 0). */
    static float atan2(float y, float x) {
        float ax = Math.abs(x);
        float ay = Math.abs(y);
        float mx = Math.max(ax, ay);
        if (mx == 0) {
            return 0f;
        }
        float z = Math.min(ax, ay) / mx;
        float z2 = z * z;
        float a = z * (0.99997726f + z2 * (-0.33262347f + z2 * (0.19354346f + z2 * (-0.11643287f
                + z2 * (0.05265332f + z2 * -0.01172120f)))));
        if (ay > ax) {
            a = HALF_PI - a;
        }
        if (x < 0) {
            a = PI - a;
        }
        return y < 0 ? -a : a;
    }

    private static final float INV_TWO_PI = (float) (1 / (2 * Math.PI));

    /** {@code d} wrapped into [-pi, pi]. */
    static float wrap(float d) {
        return d - TWO_PI * (float) Math.rint(d * INV_TWO_PI);
    }

    /**
     * Multiplies the complex numbers {@code c[2i], c[2i+1]} by {@code e^{i theta[i]}}, i &lt; n: theta wrapped
     * to [-pi, pi], then sin and cos of theta / 2 by Taylor polynomials on [-pi/2, pi/2] (error below 1e-7)
     * and the double-angle formulas; no branches.
     */
    static void rotate(float[] c, float[] theta, int n) {
        rotate(c, 1f, theta, 0f, null, n);
    }

    /**
     * {@link #rotate(float[], float[], int)} by {@code theta_i = a p[i] - b d[i]} ({@code d} may be null when
     * {@code b = 0}), computed in the same pass.
     */
    static void rotate(float[] c, float a, float[] p, float b, float[] d, int n) {
        rotate(c, a, p, b, d, 0, n);
    }

    /** {@link #rotate(float[], float, float[], float, float[], int)} of the coefficients {@code from .. to - 1}. */
    static void rotate(float[] c, float a, float[] p, float b, float[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            float t = d == null ? a * p[i] : a * p[i] - b * d[i];
            float h = 0.5f * wrap(t);
            float h2 = h * h;
            float s = h * (1 + h2 * (-1f / 6 + h2 * (1f / 120 + h2 * (-1f / 5040 + h2 * (1f / 362880
                    + h2 * (-1f / 39916800))))));
            float co = 1 + h2 * (-0.5f + h2 * (1f / 24 + h2 * (-1f / 720 + h2 * (1f / 40320 + h2 * (-1f / 3628800
                    + h2 * (1f / 479001600))))));
            float sn = 2 * s * co;
            float cs = 1 - 2 * s * s;
            float re = c[2 * i];
            float im = c[2 * i + 1];
            c[2 * i] = re * cs - im * sn;
            c[2 * i + 1] = re * sn + im * cs;
        }
    }
}
