package visionlab.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemporalFilterTest {

    static final double FPS = 30;

    static double[] noise(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    /** Runs the library's streaming state on n = 3 coefficients, the same series shifted per coefficient. */
    static double[][] stream(BandPass f, double[] x) {
        BandPass.State s = f.state(3);
        double[][] y = new double[3][x.length];
        float[] in = new float[3];
        float[] out = new float[3];
        for (int t = 0; t < x.length; t++) {
            for (int c = 0; c < 3; c++) {
                in[c] = (float) (x[t] * (c + 1));
            }
            assertTrue(s.step(in, out));
            for (int c = 0; c < 3; c++) {
                y[c][t] = out[c] / (c + 1);
            }
        }
        return y;
    }

    @Test
    void butterworthOrder1MatchesTheBilinearBandPassDifferenceEquation() {
        double lo = 1.5;
        double hi = 2.5;
        // H(s) = B s / (s^2 + B s + W0^2), s = c (1 - z^-1) / (1 + z^-1), c = 2 fps, edges pre-warped
        double c = 2 * FPS;
        double wl = c * Math.tan(Math.PI * lo / FPS);
        double wh = c * Math.tan(Math.PI * hi / FPS);
        double b = wh - wl;
        double w0 = wl * wh;
        double a0 = c * c + b * c + w0;
        double b0 = b * c / a0;
        double a1 = (2 * w0 - 2 * c * c) / a0;
        double a2 = (c * c - b * c + w0) / a0;
        double[] x = noise(500, 1);
        double[] ref = new double[x.length];
        for (int t = 0; t < x.length; t++) { // y_t = b0 (x_t - x_{t-2}) - a1 y_{t-1} - a2 y_{t-2}
            double x2 = t >= 2 ? x[t - 2] : 0;
            double y1 = t >= 1 ? ref[t - 1] : 0;
            double y2 = t >= 2 ? ref[t - 2] : 0;
            ref[t] = b0 * (x[t] - x2) - a1 * y1 - a2 * y2;
        }
        double[][] y = stream(Butterworth.bandPass(1, lo, hi, FPS), x);
        for (double[] yc : y) {
            for (int t = 0; t < x.length; t++) {
                assertEquals(ref[t], yc[t], 2e-4 * (1 + Math.abs(ref[t])), "t = " + t);
            }
        }
    }

    @Test
    void butterworthOrder2AgreesWithItsDirectDifferenceEquationAndTheAnalyticMagnitude() {
        double lo = 0.8;
        double hi = 1.6;
        Butterworth bw = Butterworth.bandPass(2, lo, hi, FPS);
        assertEquals(2, bw.sections.length);
        // direct cascade of y = g (x_t - x_{t-2}) - a1 y_{t-1} - a2 y_{t-2}, in double
        double[] x = noise(600, 2);
        double[] v = x.clone();
        for (double[] q : bw.sections) {
            double[] y = new double[v.length];
            for (int t = 0; t < v.length; t++) {
                y[t] = q[0] * (v[t] - (t >= 2 ? v[t - 2] : 0)) - q[1] * (t >= 1 ? y[t - 1] : 0)
                        - q[2] * (t >= 2 ? y[t - 2] : 0);
            }
            v = y;
        }
        double[][] s = stream(bw, x);
        for (int t = 0; t < x.length; t++) {
            assertEquals(v[t], s[2][t], 2e-4 * (1 + Math.abs(v[t])), "t = " + t);
        }
        // |H(f)|^2 = 1 / (1 + ((W^2 - W0^2) / (W (Wh - Wl)))^4), W = 2 fps tan(pi f / fps)
        double c = 2 * FPS;
        double wl = c * Math.tan(Math.PI * lo / FPS);
        double wh = c * Math.tan(Math.PI * hi / FPS);
        double fc = FPS / Math.PI * Math.atan(Math.sqrt(wl * wh) / c); // where W = W0
        for (double f : new double[] {0.2, 0.5, lo, fc, 1.3, hi, 3, 8}) {
            double w = c * Math.tan(Math.PI * f / FPS);
            double q = (w * w - wl * wh) / (w * (wh - wl));
            double expected = 1 / Math.sqrt(1 + q * q * q * q);
            double re = 1;
            double im = 0;
            for (double[] sec : bw.sections) {
                double[] h = Butterworth.response(sec, 2 * Math.PI * f / FPS);
                double r2 = re * h[0] - im * h[1];
                im = re * h[1] + im * h[0];
                re = r2;
            }
            assertEquals(expected, Math.hypot(re, im), 1e-9, "f = " + f);
            if (f == fc) {
                assertEquals(1, re, 1e-9, "zero phase at the centre");
            }
        }
    }

    @Test
    void iirMatchesTwoFirstOrderLowPassRecursions() {
        double lo = 1;
        double hi = 3;
        double rh = 1 - Math.exp(-2 * Math.PI * hi / FPS);
        double rl = 1 - Math.exp(-2 * Math.PI * lo / FPS);
        double[] x = noise(400, 3);
        double[] d = new double[x.length];
        double yh = 0;
        double yl = 0;
        for (int t = 0; t < x.length; t++) {
            yh += rh * (x[t] - yh);
            yl += rl * (x[t] - yl);
            d[t] = yh - yl;
        }
        // gain: a unit sinusoid at f0 comes out with amplitude 1 (measured on the recursion itself)
        double f0 = Math.sqrt(lo * hi);
        double ah = 0;
        double al = 0;
        double peak = 0;
        for (int t = 0; t < 3000; t++) {
            double s = Math.sin(2 * Math.PI * f0 * t / FPS);
            ah += rh * (s - ah);
            al += rl * (s - al);
            if (t > 2000) {
                peak = Math.max(peak, Math.abs(ah - al));
            }
        }
        double[][] y = stream(IirBandPass.design(lo, hi, FPS), x);
        for (int t = 0; t < x.length; t++) {
            assertEquals(d[t] / peak, y[1][t], 2e-3 * (1 + Math.abs(d[t] / peak)), "t = " + t);
        }
    }

    @Test
    void firIsSymmetricWithUnitGainAtTheCentreAndNoneAtDc() {
        FirBandPass f = FirBandPass.design(1.5, 2.5, FPS);
        double[] h = f.taps;
        assertEquals(2 * (int) Math.ceil(2 * FPS / 1.5) + 1, h.length);
        double dc = 0;
        double g0 = 0;
        double f0 = Math.sqrt(1.5 * 2.5) / FPS;
        int m = h.length / 2;
        for (int k = 0; k < h.length; k++) {
            assertEquals(h[k], h[h.length - 1 - k], 1e-15);
            dc += h[k];
            g0 += h[k] * Math.cos(2 * Math.PI * f0 * (k - m));
        }
        assertEquals(1, g0, 1e-12);
        assertTrue(Math.abs(dc) < 0.01, "DC gain " + dc);
        // streaming output t equals the centred convolution sum_k h_k x_{t-k} (x = 0 before the start, held after)
        double[] x = noise(200, 4);
        double[] y = f.apply(x);
        for (int t = 0; t < x.length; t++) {
            double ref = 0;
            for (int k = -m; k <= m; k++) {
                int j = t - k;
                ref += j < 0 ? 0 : h[k + m] * x[Math.min(j, x.length - 1)];
            }
            assertEquals(ref, y[t], 1e-4 * (1 + Math.abs(ref)), "t = " + t);
        }
    }

    @Test
    void idealKeepsExactlyTheBinsInsideTheBand() {
        int n = 120; // 4 s at 30 fps: bin k is k / 4 Hz
        double[] in = new double[n];
        double[] want = new double[n];
        for (int t = 0; t < n; t++) {
            double inBand = Math.sin(2 * Math.PI * 2.0 * t / FPS);
            in[t] = inBand + 0.7 * Math.cos(2 * Math.PI * 0.25 * t / FPS) + 0.4 * Math.sin(2 * Math.PI * 6 * t / FPS) + 3;
            want[t] = inBand;
        }
        double[] out = TemporalFilter.IDEAL.apply(in, 1.5, 2.5, FPS);
        for (int t = 0; t < n; t++) {
            assertEquals(want[t], out[t], 1e-9);
        }
    }

    @Test
    void everyFilterPassesTheCentreFrequencyAndBlocksAConstant() {
        int n = 600;
        double f0 = Math.sqrt(1.5 * 2.5);
        double[] s = new double[n];
        double[] k = new double[n];
        for (int t = 0; t < n; t++) {
            s[t] = Math.sin(2 * Math.PI * f0 * t / FPS);
            k[t] = 1;
        }
        for (TemporalFilter f : TemporalFilter.values()) {
            double[] y = f.apply(s, 1.5, 2.5, FPS);
            double[] c = f.apply(k, 1.5, 2.5, FPS);
            double amp = 0;
            double dc = 0;
            for (int t = 300; t < 500; t++) {
                amp = Math.max(amp, Math.abs(y[t]));
                dc = Math.max(dc, Math.abs(c[t]));
            }
            assertEquals(1, amp, f == TemporalFilter.IDEAL ? 0.1 : 0.02, f + " gain at f0");
            assertTrue(dc < 0.02, f + " passes a constant: " + dc);
        }
    }

    @Test
    void bandOutsideZeroToNyquistIsRejected() {
        assertTrue(msg(() -> TemporalFilter.FIR.apply(new double[4], 0, 2, FPS)).startsWith("lowHz"));
        assertTrue(msg(() -> TemporalFilter.IIR.apply(new double[4], 1, 15, FPS)).startsWith("highHz"));
        assertTrue(msg(() -> TemporalFilter.BUTTERWORTH.apply(new double[4], 3, 2, FPS)).startsWith("highHz"));
        assertTrue(msg(() -> TemporalFilter.IDEAL.apply(null, 1, 2, FPS)).startsWith("x"));
    }

    static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
