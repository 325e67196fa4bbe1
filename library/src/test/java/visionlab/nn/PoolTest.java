package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Max and average pooling: values, gradients, ties. */
class PoolTest {

    @Test
    void gradCheckAveragePooling() {
        for (int s : new int[] {1, 2, 3}) {
            Pool p = Pool.average(new MapShape(3, 6, 6), s);
            GradCheck.Result r = GradCheck.layer(p, ConvolutionTest.random(2, 108, s), 3);
            assertTrue(r.maxRelativeError() < 1e-8, p.name() + ": " + r);
        }
    }

    @Test
    void gradCheckMaxPoolingWithoutTies() {
        Pool p = Pool.max(new MapShape(2, 4, 6), 2);
        GradCheck.Result r = GradCheck.layer(p, ConvolutionTest.random(3, 48, 8), 9);
        assertTrue(r.maxRelativeError() < 1e-8, r.toString());
    }

    /**
     * With ties the maximum has no derivative: backward sends each window's gradient to its first maximum in
     * row-major order (a subgradient), the same as the limit of nudging that element up, and conserves the sum.
     */
    @Test
    void maxPoolingWithTiesRoutesToTheFirstMaximum() {
        MapShape in = new MapShape(1, 2, 4);
        double[] x = {3, 3, 0, 0,
                      3, 1, 0, 0}; // window 1: three tied maxima; window 2: all four tied (zeros, as after ReLU)
        Pool p = Pool.max(in, 2);
        Matrix xm = Matrix.row(x);
        Matrix y = p.forward(xm);
        assertArrayEquals(new double[] {3, 0}, y.row(0), 0);
        Matrix g = Matrix.row(0.7, -0.4);
        double[] dx = p.backward(xm, y, g).dx().row(0);
        assertArrayEquals(new double[] {0.7, 0, -0.4, 0, 0, 0, 0, 0}, dx, 0);
        // the limit of breaking the ties in favour of the first maximum
        double[] nudged = x.clone();
        nudged[0] += 1e-3;
        nudged[2] += 1e-3;
        GradCheck.Result r = GradCheck.layer(p, Matrix.row(nudged), 5);
        assertTrue(r.maxRelativeError() < 1e-8, r.toString());
        assertArrayEquals(dx, p.backward(Matrix.row(nudged), p.forward(Matrix.row(nudged)), g).dx().row(0), 0);
        // and the float32 path picks the same element
        Cnn net = Cnn.input(1, 2, 4).maxPool(2);
        assertArrayEquals(new double[] {3, 0}, net.predict(xm).row(0), 0);
    }

    @Test
    void floatPathEqualsTheReferenceForMaxAndAverage() {
        MapShape in = new MapShape(3, 6, 9);
        Matrix x = ConvolutionTest.random(4, in.size(), 21);
        for (int s : new int[] {1, 3}) {
            assertArrayEquals(Pool.max(in, s).forward(x).toArray(), Cnn.input(3, 6, 9).maxPool(s).predict(x).toArray(), 1e-6);
            assertArrayEquals(Pool.average(in, s).forward(x).toArray(), Cnn.input(3, 6, 9).avgPool(s).predict(x).toArray(), 1e-6);
        }
        assertEquals("[4x18]", Pool.average(in, 3).forward(x).shape(), "3x2x3 per row");
    }
}
