package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The float32 training path of every activation agrees with the double definition. */
class ActivationFloatPathTest {

    @Test
    void floatForwardAndBackwardMatchTheDoubleDefinitions() {
        int n = 401;
        for (Activation f : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.1),
                Activation.IDENTITY)) {
            float[][] v = new float[1][n];
            float[][] g = new float[1][n];
            for (int i = 0; i < n; i++) {
                v[0][i] = (float) (-10 + 20.0 * i / (n - 1) + 1e-3);
                g[0][i] = 1;
            }
            float[] a = v[0].clone();
            f.applyInPlace(v, 1, n);
            f.backwardInPlace(v, g, 1, n);
            for (int i = 0; i < n; i++) {
                double y = f.apply(a[i]);
                assertEquals(y, v[0][i], 2 * Math.ulp((float) y) + 1e-30, f + " f(" + a[i] + ")");
                assertEquals(f.derivative(a[i]), g[0][i], 1e-6, f + " f'(" + a[i] + ")");
            }
        }
    }

    @Test
    void floatSoftmaxRowsSumToOneAndMatchDouble() {
        float[][] v = {{1f, -2f, 0.5f, 30f}, {-3f, -3f, -3f, -3f}};
        Matrix d = Activation.SOFTMAX.forward(Matrix.of(new double[][] {{1, -2, 0.5, 30}, {-3, -3, -3, -3}}));
        Activation.SOFTMAX.applyInPlace(v, 2, 4);
        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                assertEquals(d.get(r, c), v[r][c], 1e-7);
                sum += v[r][c];
            }
            assertEquals(1, sum, 1e-6);
        }
    }
}
