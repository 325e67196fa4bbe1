package visionlab.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.filter.TestData;
import visionlab.image.Image;
import visionlab.pyramid.GaussianPyramid;
import visionlab.pyramid.LaplacianPyramid;

class BlendTest {

    @Test
    void maskOfOnesGivesAAndMaskOfZerosGivesB() {
        for (int c : new int[] {1, 3}) {
            Image a = TestData.random(67, 45, c, 1);
            Image b = TestData.random(67, 45, c, 2);
            Image ones = Image.filled(67, 45, 1, 1);
            Image zeros = Image.zeros(67, 45);
            for (int levels : new int[] {1, 3, 7}) {
                assertTrue(Blend.multiband(a, b, ones, levels).minus(a).maxAbs() <= 1e-5f, c + " ch, " + levels);
                assertTrue(Blend.multiband(a, b, zeros, levels).minus(b).maxAbs() <= 1e-5f, c + " ch, " + levels);
            }
        }
    }

    @Test
    void colourBlendKeepsTheChannelCountAndMatchesTheLevelByLevelDefinition() {
        Image a = TestData.random(50, 38, 3, 3);
        Image b = TestData.random(50, 38, 3, 4);
        Image mask = Mask.circle(a, 20, 18, 12);
        int levels = 4;
        Image got = Blend.multiband(a, b, mask, levels);
        assertEquals(3, got.channels());
        // L(j) = G(j) LA(j) + (1 - G(j)) LB(j), collapsed, written out here with the pyramid classes
        LaplacianPyramid la = LaplacianPyramid.of(a, levels);
        LaplacianPyramid lb = LaplacianPyramid.of(b, levels);
        GaussianPyramid g = GaussianPyramid.of(mask, levels);
        LaplacianPyramid l = la;
        for (int j = 0; j < levels; j++) {
            Image gj = g.level(j);
            Image lbj = lb.level(j);
            l = l.map(j, laj -> laj.times(gj).plus(lbj.minus(lbj.times(gj))));
        }
        assertTrue(got.minus(l.reconstruct()).maxAbs() <= 1e-5f);
        assertTrue(Blend.steps(a, b, mask, levels).result().minus(got).maxAbs() <= 1e-5f);
    }

    @Test
    void multibandSeamIsSmootherThanTheHardSeam() {
        Image a = Image.filled(64, 32, 1, 1);
        Image b = Image.zeros(64, 32);
        Image mask = Mask.leftHalf(a);
        Image hard = Blend.hardSeam(a, b, mask);
        Image soft = Blend.multiband(a, b, mask, 5);
        // the largest step between neighbours along a row
        assertEquals(1f, maxStep(hard), 1e-6f);
        assertTrue(maxStep(soft) < 0.3f, "step " + maxStep(soft));
        assertEquals(1f, hard.get(31, 5));
        assertEquals(0f, hard.get(32, 5));
    }

    private static float maxStep(Image im) {
        float m = 0;
        for (int x = 1; x < im.width(); x++) {
            m = Math.max(m, Math.abs(im.get(x, 10) - im.get(x - 1, 10)));
        }
        return m;
    }

    @Test
    void stepsHaveOneRowPerLevelPlusTheFinalRowAtFullResolution() {
        Image a = TestData.random(40, 30, 3, 1);
        Image b = TestData.random(40, 30, 3, 2);
        BlendSteps s = Blend.steps(a, b, Mask.leftHalf(a), 3);
        List<List<Image>> rows = s.rows();
        assertEquals(4, rows.size());
        for (List<Image> r : rows) {
            assertEquals(3, r.size());
            for (Image t : r) {
                assertEquals(40, t.width());
                assertEquals(30, t.height());
                assertTrue(t.min() >= 0 && t.max() <= 1);
            }
        }
        for (int j = 0; j < 3; j++) {
            assertTrue(s.maskedA().get(j).plus(s.maskedB().get(j)).minus(s.combined().get(j)).maxAbs() <= 1e-6f);
        }
        assertTrue(s.mimeBundle().hasPng());
        assertTrue(s.toString().startsWith("BlendSteps 40x30 RGB, 3 levels"));
    }

    @Test
    void masksHaveTheRequestedShapes() {
        Image img = Image.zeros(9, 4, 3);
        Image left = Mask.leftHalf(img);
        assertEquals(1, left.channels());
        assertEquals(1f, left.get(3, 2));
        assertEquals(0f, left.get(4, 2));
        Image c = Mask.circle(20, 20, 10, 10, 3);
        assertEquals(1f, c.get(10, 13));
        assertEquals(0f, c.get(10, 14));
        assertEquals(29, (int) c.sum());
        Image from = Mask.from(Image.fromFunction(4, 1, (x, y) -> x / 3.0), 0.5);
        assertEquals(2, (int) from.sum());
        assertEquals(1f, from.get(3, 0));
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Image a = TestData.random(32, 32, 3, 1);
        Image b = TestData.random(32, 32, 3, 2);
        Image m = Mask.leftHalf(a);
        assertMessage("a: expected an image", () -> Blend.multiband(null, b, m, 3));
        assertMessage("b: expected an image", () -> Blend.multiband(a, null, m, 3));
        assertMessage("mask: expected a grey", () -> Blend.multiband(a, b, null, 3));
        assertMessage("b: expected 32x32 RGB", () -> Blend.multiband(a, TestData.random(32, 32, 1, 2), m, 3));
        assertMessage("b: expected 32x32 RGB", () -> Blend.multiband(a, TestData.random(31, 32, 3, 2), m, 3));
        assertMessage("mask: expected a grey 32x32", () -> Blend.multiband(a, b, a, 3));
        assertMessage("mask: expected a grey 32x32", () -> Blend.multiband(a, b, Mask.leftHalf(16, 32), 3));
        assertMessage("mask: expected values in [0, 1]", () -> Blend.multiband(a, b, m.times(2), 3));
        assertMessage("mask: expected values in [0, 1]", () -> Blend.multiband(a, b, m.plus(-0.5), 3));
        assertMessage("mask: expected values in [0, 1]", () -> Blend.multiband(a, b, m.copy().set(1, 1, 0, Double.NaN), 3));
        assertMessage("levels: expected 1..6 for a 32x32 image, got 7", () -> Blend.multiband(a, b, m, 7));
        assertMessage("levels", () -> Blend.multiband(a, b, m, 0));
        assertMessage("a: expected finite", () -> Blend.multiband(a.copy().set(0, 0, 1, Double.NaN), b, m, 3));
        assertMessage("levels", () -> Blend.steps(a, b, m, 0));
        assertMessage("mask", () -> Blend.hardSeam(a, b, m.times(3)));
        assertMessage("img", () -> Mask.leftHalf(null));
        assertMessage("size", () -> Mask.leftHalf(0, 3));
        assertMessage("r: expected", () -> Mask.circle(a, 3, 3, -1));
        assertMessage("cx, cy", () -> Mask.circle(a, Double.NaN, 3, 1));
        assertMessage("img", () -> Mask.from(null, 0.5));
        assertMessage("threshold", () -> Mask.from(a, Double.NaN));
    }
}
