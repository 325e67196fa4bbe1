package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.filter.TestData;
import visionlab.image.Image;

class LaplacianPyramidTest {

    private static float maxAbsDiff(Image a, Image b) {
        assertTrue(a.sameShape(b), a.shape() + " vs " + b.shape());
        return a.minus(b).maxAbs();
    }

    @Test
    void reconstructionIsExactForEverySizeUpTo65x65AndEveryBoundary() {
        Kernel1D k = Kernel1D.binomial(5);
        for (int w = 1; w <= 65; w++) {
            for (int h = 1; h <= 65; h++) {
                Image im = TestData.random(w, h, 1, w * 1000L + h);
                for (Boundary b : Boundary.values()) {
                    int levels = GaussianPyramid.maxLevels(w, h);
                    LaplacianPyramid lp = LaplacianPyramid.of(im, levels, k, b);
                    float err = maxAbsDiff(im, lp.reconstruct());
                    if (err > 1e-5f) {
                        throw new AssertionError(w + "x" + h + " " + b + " levels " + levels + ": max error " + err);
                    }
                }
            }
        }
    }

    @Test
    void reconstructionIsExactForColourAndLargeOddSizesWithDefaultAndMaximumHeights() {
        int[][] sizes = {{3, 5}, {17, 9}, {33, 64}, {65, 65}, {64, 1}, {513, 257}, {1001, 7}, {7, 1001}};
        for (int[] s : sizes) {
            Image im = TestData.random(s[0], s[1], 3, s[0] * 7L + s[1]);
            for (Boundary b : Boundary.values()) {
                int max = GaussianPyramid.maxLevels(s[0], s[1]);
                for (int levels : new int[] {GaussianPyramid.defaultLevels(s[0], s[1]), max}) {
                    LaplacianPyramid lp = LaplacianPyramid.of(im, levels, Kernel1D.binomial(5), b);
                    assertEquals(3, lp.lowpass().channels());
                    float err = maxAbsDiff(im, lp.reconstruct());
                    assertTrue(err <= 1e-5f, s[0] + "x" + s[1] + " " + b + " levels " + levels + ": " + err);
                }
            }
        }
    }

    @Test
    void bandsAreEachGaussianLevelMinusTheExpandedNextLevel() {
        Image im = Image.sample("apple");
        GaussianPyramid gp = GaussianPyramid.of(im, 5);
        LaplacianPyramid lp = LaplacianPyramid.of(im, 5);
        for (int i = 0; i < 4; i++) {
            Image x = gp.level(i);
            Image want = x.minus(Resample.expand(Resample.reduce(x), x.width(), x.height()));
            assertTrue(maxAbsDiff(want, lp.level(i)) <= 1e-6f, "band " + i);
        }
        assertTrue(maxAbsDiff(gp.level(4), lp.lowpass()) == 0f);
        assertEquals(4, lp.bands().size());
    }

    @Test
    void partialReconstructionFromALevelGivesThatGaussianLevel() {
        Image im = TestData.random(77, 50, 3, 3);
        GaussianPyramid gp = GaussianPyramid.of(im, 6);
        LaplacianPyramid lp = LaplacianPyramid.of(im, 6);
        for (int i = 0; i < 6; i++) {
            assertTrue(maxAbsDiff(gp.level(i), lp.reconstruct(i)) <= 1e-5f, "level " + i);
        }
    }

    @Test
    void levelsExpandedToFullResolutionSumToTheImage() {
        Image im = TestData.random(40, 33, 1, 4);
        LaplacianPyramid lp = LaplacianPyramid.of(im, 4);
        List<Image> ex = lp.expandedLevels();
        Image sum = ex.get(0);
        for (int i = 1; i < ex.size(); i++) {
            assertEquals(40, ex.get(i).width());
            assertEquals(33, ex.get(i).height());
            sum = sum.plus(ex.get(i));
        }
        assertTrue(maxAbsDiff(im, sum) <= 1e-5f);
    }

    @Test
    void mapEditsOneLevelOnly() {
        Image im = TestData.random(32, 32, 1, 5);
        LaplacianPyramid lp = LaplacianPyramid.of(im, 3);
        LaplacianPyramid noFine = lp.map(0, b -> b.times(0));
        assertEquals(0f, noFine.level(0).maxAbs());
        assertSame(lp.level(1), noFine.level(1));
        assertTrue(maxAbsDiff(lp.level(0), LaplacianPyramid.of(im, 3).level(0)) == 0f, "the original is unchanged");
        // without band 0 the collapse is the expanded level-1 Gaussian image
        Image g1 = GaussianPyramid.of(im, 2).level(1);
        assertTrue(maxAbsDiff(Resample.expand(g1, 32, 32), noFine.reconstruct()) <= 1e-5f);
    }

    @Test
    void textAndPictureDescribeThePyramid() {
        LaplacianPyramid lp = LaplacianPyramid.of(Image.sample("apple"));
        assertTrue(lp.toString().startsWith("LaplacianPyramid 512x512 RGB, 7 levels: 512, 256, ..., 8 (low-pass)"),
                lp.toString());
        assertTrue(lp.mimeBundle().hasPng());
        assertEquals(7, lp.fullResolution().image().height() > 0 ? lp.size() : -1);
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Image im = TestData.random(512, 512, 1, 1);
        assertMessage("img", () -> LaplacianPyramid.of(null));
        assertMessage("img", () -> LaplacianPyramid.of(null, 3));
        assertMessage("levels: expected 1..10 for a 512x512 image, got 12", () -> LaplacianPyramid.of(im, 12));
        assertMessage("levels: expected 1..10", () -> LaplacianPyramid.of(im, 0));
        assertMessage("kernel", () -> LaplacianPyramid.of(im, 3, null, Boundary.ZERO));
        assertMessage("boundary", () -> LaplacianPyramid.of(im, 3, Kernel1D.binomial(5), null));
        Image nan = TestData.random(20, 20, 1, 1).set(3, 4, 0, Double.NaN);
        assertMessage("img: expected finite", () -> LaplacianPyramid.of(nan, 3));
        assertMessage("img: expected finite", () -> LaplacianPyramid.of(nan, 1));
        LaplacianPyramid lp = LaplacianPyramid.of(TestData.random(20, 20, 1, 1), 3);
        assertMessage("fromLevel: expected 0..2", () -> lp.reconstruct(3));
        assertMessage("fromLevel", () -> lp.reconstruct(-1));
        assertMessage("level: expected 0..2", () -> lp.map(3, b -> b));
        assertMessage("fn:", () -> lp.map(0, null));
        assertMessage("fn result: expected 20x20 grey", () -> lp.map(0, b -> b.crop(0, 0, 5, 5)));
        assertMessage("fn result: expected finite", () -> lp.map(1, b -> b.plus(Double.NaN)));
        assertMessage("fn result", () -> lp.map(1, b -> null));
        assertMessage("levels[1]: expected 10x10", () -> LaplacianPyramid.fromLevels(
                List.of(Image.zeros(20, 20), Image.zeros(9, 10)), Kernel1D.binomial(5), Boundary.REFLECT_101));
        assertMessage("levels:", () -> LaplacianPyramid.fromLevels(List.of(), Kernel1D.binomial(5), Boundary.ZERO));
    }
}
