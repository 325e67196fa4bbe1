package visionlab.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * The digital Butterworth band-pass of order N: the analog low-pass prototype's poles
 * {@code p_k = e^{i pi (2k + N + 1) / (2N)}} mapped to the band ({@code s^2 - p_k B s + W0^2 = 0},
 * {@code B = Wh - Wl}, {@code W0^2 = Wl Wh}, edges pre-warped {@code W = 2 fps tan(pi f / fps)}), then to z by the
 * bilinear transform {@code z = (2 fps + s) / (2 fps - s)}. Stored as N second-order sections
 * {@code y = g (x_t - x_{t-2}) - a1 y_{t-1} - a2 y_{t-2}}, each scaled to gain 1 at the centre
 * {@code w0 = 2 atan(W0 / (2 fps))}, run in transposed direct form II.
 */
final class Butterworth extends BandPass {

    /** Per section: g, a1, a2. */
    final double[][] sections;

    private Butterworth(double[][] sections) {
        this.sections = sections;
    }

    static Butterworth bandPass(int order, double lowHz, double highHz, double fps) {
        TemporalFilter.checkBand(lowHz, highHz, fps);
        double c = 2 * fps;
        double wl = c * Math.tan(Math.PI * lowHz / fps);
        double wh = c * Math.tan(Math.PI * highHz / fps);
        double bw = wh - wl;
        double w0sq = wl * wh;
        List<double[]> poles = new ArrayList<>(); // z-plane poles {re, im}
        for (int k = 0; k < order; k++) {
            double ang = Math.PI * (2 * k + order + 1) / (2.0 * order);
            double pr = Math.cos(ang) * bw / 2;
            double pi = Math.sin(ang) * bw / 2;
            // s = p B / 2 +- sqrt((p B / 2)^2 - W0^2)
            double[] root = csqrt(pr * pr - pi * pi - w0sq, 2 * pr * pi);
            for (int sign = -1; sign <= 1; sign += 2) {
                double sr = pr + sign * root[0];
                double si = pi + sign * root[1];
                poles.add(cdiv(c + sr, si, c - sr, -si));
            }
        }
        double w0 = 2 * Math.atan(Math.sqrt(w0sq) / c);
        List<double[]> secs = new ArrayList<>();
        List<double[]> reals = new ArrayList<>();
        for (double[] p : poles) {
            if (Math.abs(p[1]) < 1e-12) {
                reals.add(p);
            } else if (p[1] > 0) { // its conjugate is in the list too
                secs.add(section(-2 * p[0], p[0] * p[0] + p[1] * p[1], w0));
            }
        }
        for (int i = 0; i + 1 < reals.size(); i += 2) {
            double z1 = reals.get(i)[0];
            double z2 = reals.get(i + 1)[0];
            secs.add(section(-(z1 + z2), z1 * z2, w0));
        }
        double[][] s = secs.toArray(new double[0][]);
        // the product of the unit-gain sections is +-1 at w0; the true response is +1 there
        double re = 1;
        double im = 0;
        for (double[] q : s) {
            double[] h = response(q, w0);
            double r2 = re * h[0] - im * h[1];
            im = re * h[1] + im * h[0];
            re = r2;
        }
        if (re < 0) {
            s[0][0] = -s[0][0];
        }
        return new Butterworth(s);
    }

    private static double[] section(double a1, double a2, double w0) {
        double[] q = {1, a1, a2};
        double[] h = response(q, w0);
        q[0] = 1 / Math.hypot(h[0], h[1]);
        return q;
    }

    /** H(e^{iw}) of one section {g, a1, a2}: g (1 - e^{-2iw}) / (1 + a1 e^{-iw} + a2 e^{-2iw}). */
    static double[] response(double[] q, double w) {
        double nr = q[0] * (1 - Math.cos(2 * w));
        double ni = q[0] * Math.sin(2 * w);
        double dr = 1 + q[1] * Math.cos(w) + q[2] * Math.cos(2 * w);
        double di = -q[1] * Math.sin(w) - q[2] * Math.sin(2 * w);
        return cdiv(nr, ni, dr, di);
    }

    private static double[] csqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double r = Math.sqrt((m + re) / 2);
        double i = Math.copySign(Math.sqrt(Math.max(0, (m - re) / 2)), im);
        return new double[] {r, i};
    }

    private static double[] cdiv(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
    }

    @Override
    int delay() {
        return 0;
    }

    @Override
    State state(int n) {
        int k = sections.length;
        float[] g = new float[k];
        float[] a1 = new float[k];
        float[] a2 = new float[k];
        for (int i = 0; i < k; i++) {
            g[i] = (float) sections[i][0];
            a1[i] = (float) sections[i][1];
            a2[i] = (float) sections[i][2];
        }
        float[][] s1 = new float[k][n];
        float[][] s2 = new float[k][n];
        return new State() {
            float[] last;

            @Override
            public boolean step(float[] x, float[] y) {
                last = x;
                stepRange(x, y, 0, n);
                return true;
            }

            @Override
            public void stepRange(float[] x, float[] y, int from, int to) {
                System.arraycopy(x, from, y, from, to - from);
                for (int q = 0; q < k; q++) {
                    float gq = g[q];
                    float b1 = a1[q];
                    float b2 = a2[q];
                    float[] u = s1[q];
                    float[] v = s2[q];
                    for (int i = from; i < to; i++) { // y = g x + s1; s1 = -a1 y + s2; s2 = -g x - a2 y
                        float in = y[i];
                        float out = gq * in + u[i];
                        u[i] = v[i] - b1 * out;
                        v[i] = -gq * in - b2 * out;
                        y[i] = out;
                    }
                }
            }

            @Override
            public float[] delayedInput() {
                return last;
            }
        };
    }
}
