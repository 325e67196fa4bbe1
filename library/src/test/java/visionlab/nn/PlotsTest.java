package visionlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import visionlab.data.Dataset;
import visionlab.data.Datasets;
import visionlab.image.Mosaic;
import visionlab.plot.Chart;

/** Every chart renders headless to a PNG of the stated size with visible content. */
class PlotsTest {

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage im = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(im != null, "a readable PNG");
        return im;
    }

    /** Number of distinct colours: a blank picture has 1. */
    static int colours(BufferedImage im) {
        java.util.Set<Integer> s = new java.util.HashSet<>();
        for (int y = 0; y < im.getHeight(); y += 3) {
            for (int x = 0; x < im.getWidth(); x += 3) {
                s.add(im.getRGB(x, y));
            }
        }
        return s.size();
    }

    @Test
    void lossCurveActivationsAndFitRenderAtFixedSize() throws IOException {
        Mlp net = Mlp.of(1, 3, 1).hidden(Activation.TANH).seed(1);
        History h = net.trainer().loss(Loss.EUCLIDEAN).optimizer(Sgd.lr(0.1)).batchSize(50).epochs(20).live(false)
                .fit(Datasets.square());
        BufferedImage loss = decode(h.plot().toPng());
        assertEquals(600, loss.getWidth());
        assertEquals(400, loss.getHeight());
        assertTrue(colours(loss) > 5);
        assertTrue(colours(decode(h.plotLog().toPng())) > 5);
        assertTrue(colours(decode(Plots.activations().toPng())) > 5);
        assertTrue(colours(decode(Activation.TANH.mimeBundle().png())) > 5);
        assertTrue(colours(decode(Plots.fit(net, Datasets.square()).toPng())) > 5);
        List<Mlp> nets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nets.add(net);
        }
        BufferedImage four = decode(Plots.representationalPower(nets, Datasets.figure53()).toPng());
        assertEquals(900, four.getWidth());
        assertEquals(680, four.getHeight());
        BufferedImage trained = decode(Plots.representationalPower().toPng());
        assertEquals(900, trained.getWidth());
        assertTrue(colours(trained) > 5);
    }

    @Test
    void lossCurvesDrawOneSeriesPerRunAndRejectMismatchedLists() throws IOException {
        Mlp a = Mlp.of(1, 3, 1).hidden(Activation.TANH).seed(1);
        Mlp b = Mlp.of(1, 3, 1).hidden(Activation.TANH).seed(2);
        History ha = a.trainer().optimizer(Sgd.lr(0.1)).batchSize(50).epochs(5).live(false).fit(Datasets.square());
        History hb = b.trainer().optimizer(Sgd.lr(0.1)).batchSize(5).epochs(5).live(false).fit(Datasets.square());
        Chart c = Plots.lossCurves(List.of("batch 50", "batch 5"), List.of(ha, hb));
        org.knowm.xchart.XYChart xy = (org.knowm.xchart.XYChart) c.xchart();
        assertEquals(2, xy.getSeriesCollection().size());
        assertTrue(xy.getSeries("batch 5") != null);
        assertTrue(colours(decode(c.toPng())) > 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lossCurves(List.of("one"), List.of(ha, hb)));
        assertTrue(e.getMessage().startsWith("names, histories"), e.getMessage());
    }

    @Test
    void decisionBoundaryShowsBothClassRegions() throws IOException {
        Dataset xor = Datasets.xor();
        Mlp net = Mlp.of(2, 2, 1).hidden(Activation.TANH).output(Activation.SIGMOID);
        net.train(xor, Loss.EUCLIDEAN, Sgd.lr(0.5).momentum(0.9), 500);
        BufferedImage im = decode(Plots.decisionBoundary(net, xor).toPng());
        assertEquals(600, im.getWidth());
        int blueish = 0;
        int reddish = 0;
        for (int y = 0; y < im.getHeight(); y += 2) {
            for (int x = 0; x < im.getWidth(); x += 2) {
                int rgb = im.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int b = rgb & 255;
                if (b - r > 25) {
                    blueish++;
                }
                if (r - b > 25) {
                    reddish++;
                }
            }
        }
        assertTrue(blueish > 2000 && reddish > 2000, "regions of both classes: " + blueish + ", " + reddish);
    }

    @Test
    void confusionMatrixWeightsPerceptronAndDatasetsRender() throws IOException {
        Chart cm = Plots.confusionMatrix(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 2}, 3);
        assertTrue(cm.toString().contains("accuracy 75.00%"));
        assertTrue(colours(decode(cm.toPng())) > 5);
        Mlp digits = Mlp.of(64, 12, 10).output(Activation.SOFTMAX);
        Mosaic w = Plots.firstLayerWeights(digits, 8, 8, 12);
        assertTrue(w.image().width() > 8 * 10);
        assertTrue(colours(decode(Perceptron.train(Datasets.xor(), 10).mimeBundle().png())) > 3);
        assertTrue(colours(decode(Datasets.moons(50, 0.1, 1).mimeBundle().png())) > 5);
        assertTrue(colours(decode(Datasets.digits8x8().mimeBundle().png())) > 5);
        assertThrows(IllegalArgumentException.class, () -> Plots.confusionMatrix(new int[] {0}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> Plots.firstLayerWeights(digits, 7, 8, 4));
    }
}
