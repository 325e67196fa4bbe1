package visionlab.steer;

/**
 * Interpolation functions of a steerable basis. A filter whose angular dependence is
 * {@code cos^N(phi - theta)} (an N-th directional derivative, or a steerable-pyramid band with
 * {@code K = N + 1} orientations) contains only the angular frequencies {@code m = -N, -N+2, ..., N}, so
 * N+1 copies at the basis angles {@code theta_j = j pi / (N+1)} steer it EXACTLY:
 *
 * <pre>f_theta = sum_j k_j(theta) f_{theta_j},   k_j(theta) = 1/(N+1) sum_{m = -N, -N+2, ..., N} cos(m (theta - theta_j))
 *                                                 = sin((N+1)(theta - theta_j)) / ((N+1) sin(theta - theta_j))</pre>
 *
 * For N = 1 this is the lecture's {@code g_theta = cos(theta) g_x + sin(theta) g_y}.
 */
public final class Steering {

    private Steering() {
    }

    /** The basis angle {@code theta_j = j pi / (N + 1)} of an order-N basis. */
    public static double basisAngle(int order, int j) {
        return Math.PI * j / (order + 1);
    }

    /** The N+1 interpolation weights {@code k_j(theta)} for an order-N basis at the angles {@code j pi/(N+1)}. */
    public static double[] weights(int order, double theta) {
        if (order < 0 || order > 64) {
            throw new IllegalArgumentException("order: expected 0..64, got " + order);
        }
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta: expected a finite angle in radians, got " + theta);
        }
        int n = order + 1;
        double[] k = new double[n];
        for (int j = 0; j < n; j++) {
            double d = theta - basisAngle(order, j);
            double s = 0;
            for (int m = -order; m <= order; m += 2) {
                s += Math.cos(m * d);
            }
            k[j] = s / n;
        }
        return k;
    }
}
