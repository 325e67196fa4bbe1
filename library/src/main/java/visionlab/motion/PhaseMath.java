package visionlab.motion;

/**
 * Fast float phase arithmetic for the per-coefficient loops of {@link PhaseMagnifier}: {@code atan2} to
 * about 1e-6 rad (a minimax odd polynomial for atan on [0, 1]) and {@code e^{i theta}} to about 1e-7 (range
 * reduction to [-pi/4, pi/4] and Taylor polynomials). {@link Math#atan2} costs several times more.
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

    /** {@code d} wrapped into [-pi, pi] (d within a few turns). */
    static float wrap(float d) {
        while (d > PI) {
            d -= TWO_PI;
        }
        while (d < -PI) {
            d += TWO_PI;
        }
        return d;
    }

    /** Multiplies the complex numbers {@code c[2i], c[2i+1]} by {@code e^{i theta[i]}}, i &lt; n. */
    static void rotate(float[] c, float[] theta, int n) {
        for (int i = 0; i < n; i++) {
            float t = theta[i];
            if (t == 0) {
                continue;
            }
            // t = q pi/2 + r, |r| <= pi/4
            float q = Math.round(t * (float) (2 / Math.PI));
            float r = (float) (t - q * (Math.PI / 2));
            float r2 = r * r;
            float s = r * (1 + r2 * (-1f / 6 + r2 * (1f / 120 + r2 * (-1f / 5040))));
            float co = 1 + r2 * (-0.5f + r2 * (1f / 24 + r2 * (-1f / 720 + r2 * (1f / 40320))));
            int k = ((int) q) & 3;
            float sn;
            float cs;
            switch (k) {
                case 0: sn = s; cs = co; break;
                case 1: sn = co; cs = -s; break;
                case 2: sn = -s; cs = -co; break;
                default: sn = -co; cs = s; break;
            }
            float a = c[2 * i];
            float b = c[2 * i + 1];
            c[2 * i] = a * cs - b * sn;
            c[2 * i + 1] = a * sn + b * cs;
        }
    }
}
