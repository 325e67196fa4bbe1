package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;

/** The convolutional net: builder, shapes, the float32 engine against the double chain, threads. */
class CnnTest {

    static Dataset digits(int n) {
        Dataset d = Datasets.mnist10k();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return d.subset(idx);
    }

    @Test
    void lenet5IsTheSpelledOutNet() {
        Cnn a = Cnn.lenet5(10).seed(3);
        Cnn b = Cnn.input(1, 28, 28).conv(6, 5).relu().maxPool(2).conv(16, 5).relu().maxPool(2)
                .dense(120).relu().dense(84).relu().dense(10).softmax().seed(3);
        assertEquals(a.architecture(), b.architecture());
        assertEquals(44_426, a.parameterCount(), "156 + 2416 + 30840 + 10164 + 850");
        List<Layer> la = a.layers();
        List<Layer> lb = b.layers();
        assertEquals(la.stream().map(Layer::name).toList(), lb.stream().map(Layer::name).toList());
        assertEquals("Conv2d(1->6, 5x5)", la.get(0).name());
        assertEquals("Flatten(16x4x4->256)", la.get(6).name());
        Matrix x = digits(2).inputs();
        assertArrayEquals(a.predict(x).toArray(), b.predict(x).toArray(), 0);
    }

    @Test
    void shapesLayerByLayer() {
        Forward f = Cnn.lenet5(10).forward(digits(3).inputs());
        String[] shapes = {"[3x784]", "[3x3456]", "[3x3456]", "[3x864]", "[3x1024]", "[3x1024]", "[3x256]", "[3x256]",
            "[3x120]", "[3x120]", "[3x84]", "[3x84]", "[3x10]", "[3x10]"};
        for (int i = 0; i <= f.n(); i++) {
            assertEquals(shapes[i], f.x(i).shape(), "x_" + i);
        }
        Gradients g = f.backward(Loss.SOFTMAX_CROSS_ENTROPY.gradient(f.output(), digits(3).targets(10)));
        assertEquals("[6x25]", g.dW(1).shape());
        assertEquals("[16x150]", g.dW(4).shape());
        assertEquals("[1x16]", g.db(4).shape());
        assertEquals("[120x256]", g.dW(8).shape());
        assertEquals("[3x784]", g.dx(0).shape());
    }

    @Test
    void badShapesNameTheLayerAndTheShapes() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Cnn.input(1, 4, 4).conv(2, 5));
        assertTrue(big.getMessage().contains("Conv2d(1->2, 5x5)") && big.getMessage().contains("1x4x4"), big.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> Cnn.input(1, 28, 28).conv(6, 5).maxPool(5));
        assertTrue(pool.getMessage().contains("MaxPool(5x5)") && pool.getMessage().contains("6x24x24"), pool.getMessage());
        Conv2d c = Conv2d.of(new MapShape(3, 8, 8), ConvolutionTest.random(4, 27, 1), ConvolutionTest.random(1, 4, 2), 1, 0);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> c.forward(ConvolutionTest.random(2, 2 * 64, 3)));
        assertTrue(channels.getMessage().contains("Conv2d(3->4, 3x3)") && channels.getMessage().contains("3x8x8")
                && channels.getMessage().contains("[2x128]"), channels.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.of(new MapShape(3, 8, 8), ConvolutionTest.random(4, 18, 1), ConvolutionTest.random(1, 4, 2), 1, 0));
        assertTrue(weights.getMessage().contains("3 input channels"), weights.getMessage());
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                () -> Cnn.input(3, 28, 28).conv(6, 5).dense(10).softmax().trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY)
                        .fit(digits(10)));
        assertTrue(data.getMessage().contains("2352") && data.getMessage().contains("784"), data.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cnn.lenet5(10).conv(4, 3), "no convolution after dense layers");
        assertThrows(IllegalArgumentException.class, () -> Cnn.input(1, 8, 8).conv(2, 3).softmax(), "softmax needs a dense layer");
        assertThrows(IllegalArgumentException.class, () -> Cnn.input(1, 8, 8).conv(2, 3).relu().relu());
    }

    /** The float32 engine (im2col + Gemm, two shards) computes the double chain's gradients. */
    @Test
    void engineGradientsEqualTheDoubleBackPropagation() {
        Cnn net = Cnn.input(1, 28, 28).conv(4, 5, 2, 2).relu().avgPool(2).conv(5, 3, 1, 1).tanh().maxPool(7)
                .dense(12).sigmoid().dense(10).softmax().seed(4);
        Dataset d = digits(20);
        Gradients g = net.gradients(d, Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingEngine e = net.engine(d.size(), 2);
        e.gradient(d.inputRowsView(), d.targetRows(10), null, 0, d.size(), Loss.SOFTMAX_CROSS_ENTROPY);
        List<float[]> fl = e.gradients();
        int k = 0;
        List<Layer> layers = net.layers();
        for (int i = 1; i <= layers.size(); i++) {
            if (g.dW(i) == null) {
                continue;
            }
            double[] w = g.dW(i).toArray();
            boolean conv = layers.get(i - 1) instanceof Conv2d;
            int rows = g.dW(i).rows();
            int cols = g.dW(i).cols();
            double[] got = new double[w.length];
            if (conv) { // rows of [C_out x C_in k k]
                for (int o = 0; o < rows; o++) {
                    float[] r = fl.get(k++);
                    for (int q = 0; q < cols; q++) {
                        got[o * cols + q] = r[q];
                    }
                }
            } else { // W^T rows [in][out]
                for (int q = 0; q < cols; q++) {
                    float[] r = fl.get(k++);
                    for (int o = 0; o < rows; o++) {
                        got[o * cols + q] = r[o];
                    }
                }
            }
            double scale = g.dW(i).maxAbs();
            for (int q = 0; q < w.length; q++) {
                assertEquals(w[q], got[q], 1e-4 * scale + 1e-7, layers.get(i - 1).name() + " dC/dW[" + q + "]");
            }
            float[] b = fl.get(k++);
            assertArrayEquals(g.db(i).toArray(), toDouble(b), 1e-4 * g.db(i).maxAbs() + 1e-7, layers.get(i - 1).name() + " dC/db");
        }
        assertEquals(fl.size(), k);
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Test
    void oneAndTwoThreadsTrainTheSameWeightsBitForBit() {
        Dataset d = digits(300);
        Cnn a = Cnn.lenet5(10).seed(5);
        Cnn b = Cnn.lenet5(10).seed(5);
        History ha = a.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(1e-3)).batchSize(50).epochs(2)
                .threads(1).live(false).fit(d);
        History hb = b.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(1e-3)).batchSize(50).epochs(2)
                .threads(2).live(false).fit(d);
        assertEquals(ha.losses()[1], hb.losses()[1], 0);
        List<float[]> pa = a.parameters();
        List<float[]> pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i), pb.get(i), 0f, "parameter array " + i);
        }
        assertTrue(ha.losses()[1] < ha.losses()[0], "the loss falls");
    }

    @Test
    void interruptStopsTrainingAndKeepsTheWeights() throws InterruptedException {
        Cnn net = Cnn.lenet5(10).seed(1);
        Dataset d = digits(2000);
        History[] out = new History[1];
        Thread t = new Thread(() -> out[0] = net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(1e-3))
                .epochs(1000).live(false).fit(d));
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(20_000);
        assertTrue(!t.isAlive(), "training stopped after the interrupt");
        assertTrue(out[0].interrupted());
        assertTrue(out[0].epochs() < 1000);
    }

    @Test
    void filtersAndFeatureMapsAreLabelledPictures() {
        Cnn net = Cnn.lenet5(10).seed(1);
        var f = net.filters(0);
        var im = f.image();
        assertEquals(6 * 60 + 5 * 4, im.width(), "six 5x5 kernels magnified 12 times side by side");
        assertTrue(f.toString().contains("Conv2d(1->6, 5x5)"));
        assertTrue(net.filters(1).image().height() > 16 * 60, "16 rows of 6 kernel slices");
        FeatureMaps m = net.featureMaps(digits(1).input(0));
        assertEquals(13, m.n());
        assertEquals(6, m.maps(1).size());
        assertEquals(new MapShape(16, 4, 4), m.shape(6));
        var pic = m.image();
        assertTrue(pic.getWidth() <= 1600 && pic.getHeight() <= 1600, pic.getWidth() + "x" + pic.getHeight());
        assertThrows(IllegalArgumentException.class, () -> net.filters(2));
        assertThrows(IllegalArgumentException.class, () -> net.featureMaps(new double[10]));
    }
}
