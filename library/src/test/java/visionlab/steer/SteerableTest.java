package visionlab.steer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import visionlab.filter.Boundary;
import visionlab.filter.Convolution;
import visionlab.image.Image;

class SteerableTest {

    /** Independent reference: He_N written out, the N-th derivative of G along (cos t, sin t). */
    static double rotatedDerivative(int n, double sigma, double t, double x, double y) {
        double u = (x * Math.cos(t) + y * Math.sin(t)) / sigma;
        double he;
        switch (n) {
            case 1: he = u; break;
            case 2: he = u * u - 1; break;
            case 3: he = u * u * u - 3 * u; break;
            default: he = u * u * u * u - 6 * u * u + 3; break;
        }
        double g = Math.exp(-(x * x + y * y) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
        return Math.pow(-1 / sigma, n) * he * g;
    }

    @Test
    void steeredKernelEqualsAnalyticallyRotatedDerivativeForOrders1To4() {
        Random rnd = new Random(42);
        for (int n = 1; n <= 4; n++) {
            for (double sigma : new double[] {1.0, 2.5}) {
                Steerable f = Steerable.gaussianDerivative(n, sigma);
                for (int trial = 0; trial < 10; trial++) {
                    double theta = rnd.nextDouble() * 2 * Math.PI;
                    Image k = f.kernel(theta);
                    int r = f.radius();
                    double max = 0;
                    double err = 0;
                    for (int y = -r; y <= r; y++) {
                        for (int x = -r; x <= r; x++) {
                            double ref = rotatedDerivative(n, sigma, theta, x, y);
                            max = Math.max(max, Math.abs(ref));
                            err = Math.max(err, Math.abs(k.get(x + r, y + r) - ref));
                        }
                    }
                    assertTrue(err <= 1e-6 * max, "order " + n + " sigma " + sigma + " theta " + theta
                            + ": max error " + err + " vs max " + max);
                }
            }
        }
    }

    @Test
    void firstOrderBasisIsTheLecturesGxGyAndSixtyDegreesIsHalfGxPlusRoot3Over2Gy() {
        double sigma = 2;
        Steerable g = Steerable.gaussianDerivative(1, sigma);
        Image gx = g.basis(0);
        Image gy = g.basis(1);
        int r = g.radius();
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                double e = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                assertEquals(-x / (2 * Math.PI * Math.pow(sigma, 4)) * e, gx.get(x + r, y + r), 1e-8);
                assertEquals(-y / (2 * Math.PI * Math.pow(sigma, 4)) * e, gy.get(x + r, y + r), 1e-8);
            }
        }
        Image g60 = g.kernel(Math.toRadians(60));
        Image expected = gx.times(0.5).plus(gy.times(Math.sqrt(3) / 2));
        assertTrue(g60.minus(expected).maxAbs() < 1e-8);
    }

    @Test
    void steeredResponseEqualsFilteringWithTheSteeredKernel() {
        Image img = Image.sample("camera").crop(200, 100, 48, 40);
        Random rnd = new Random(7);
        for (int n = 1; n <= 4; n++) {
            Steerable f = Steerable.gaussianDerivative(n, 1.5);
            SteeredResponse resp = f.apply(img);
            for (int trial = 0; trial < 3; trial++) {
                double theta = rnd.nextDouble() * 2 * Math.PI;
                Image direct = Convolution.convolve2d(img, f.kernelArray(theta), Boundary.REFLECT_101);
                Image steered = resp.at(theta);
                double scale = direct.maxAbs();
                assertTrue(steered.minus(direct).maxAbs() <= 1e-5 * scale, "order " + n + " theta " + theta
                        + ": " + steered.minus(direct).maxAbs() + " vs " + scale);
            }
        }
    }

    static Image grating(int size, double period, double phi) {
        double w = 2 * Math.PI / period;
        return Image.fromFunction(size, size, (x, y) -> Math.sin(w * (x * Math.cos(phi) + y * Math.sin(phi))));
    }

    @Test
    void secondDerivativeResponseEnergyPeaksAtTheGratingDirection() {
        Steerable f = Steerable.gaussianDerivative(2, 1.5);
        int bins = 8;
        for (double phi : new double[] {0.1, 0.7, 1.3, 2.0, 2.9}) {
            SteeredResponse resp = f.apply(grating(48, 7, phi));
            int best = -1;
            double bestE = -1;
            for (int b = 0; b < bins; b++) {
                double e = resp.at(Math.PI * b / bins).crop(12, 12, 24, 24).energy();
                if (e > bestE) {
                    bestE = e;
                    best = b;
                }
            }
            int nearest = (int) Math.round(phi / (Math.PI / bins)) % bins;
            assertEquals(nearest, best, "phi " + phi);
        }
    }

    @Test
    void orientedEnergyDominantOrientationIsTheGratingDirectionWithinHalfABin() {
        int bins = 8;
        for (double phi : new double[] {0.05, 0.5, 1.2, 1.7, 2.4, 3.0}) {
            OrientedEnergy oe = OrientedEnergy.of(grating(48, 6, phi));
            double t = oe.orientation().get(24, 24);
            double d = Math.abs(Math.IEEEremainder(t - phi, Math.PI));
            assertTrue(d < Math.PI / bins / 2, "phi " + phi + ": dominant orientation " + t);
            assertTrue(oe.strength().get(24, 24) > 0);
            int best = -1;
            double bestE = -1;
            for (int b = 0; b < bins; b++) {
                double e = oe.energy(Math.PI * b / bins).crop(12, 12, 24, 24).energy();
                if (e > bestE) {
                    bestE = e;
                    best = b;
                }
            }
            assertEquals((int) Math.round(phi / (Math.PI / bins)) % bins, best, "phi " + phi);
        }
    }

    @Test
    void orientedEnergyOfAGratingIsNearlyPhaseInvariant() {
        OrientedEnergy oe = OrientedEnergy.of(grating(48, 6, 0.0));
        Image e = oe.energy(0).crop(10, 10, 28, 28);
        Image g = oe.g2(0).crop(10, 10, 28, 28);
        // G2 alone oscillates with the grating's phase, the quadrature energy stays nearly flat
        assertTrue(g.min() < 0.2 * g.max());
        assertTrue(e.min() > 0.7 * e.max(), "energy range " + e.min() + " .. " + e.max());
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Steerable.gaussianDerivative(0, 1))
                .getMessage().startsWith("order"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Steerable.gaussianDerivative(5, 1))
                .getMessage().startsWith("order"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Steerable.gaussianDerivative(1, 0))
                .getMessage().startsWith("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Steerable.gaussianDerivative(1, -2))
                .getMessage().startsWith("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Steerable.gaussianDerivative(1, Double.NaN))
                .getMessage().startsWith("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Steerable.gaussianDerivative(1, 1).apply(null)).getMessage().startsWith("img"));
    }
}
