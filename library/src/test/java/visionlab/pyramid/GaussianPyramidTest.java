package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.filter.TestData;
import visionlab.image.Image;

class GaussianPyramidTest {

    @Test
    void defaultHeightStopsWhenTheSmallSideIsAtMostEight() {
        GaussianPyramid gp = GaussianPyramid.of(Image.sample("apple"));
        assertEquals(7, gp.size());
        assertEquals(512, gp.level(0).width());
        assertEquals(8, gp.level(6).width());
        GaussianPyramid odd = GaussianPyramid.of(TestData.random(100, 37, 1, 1));
        Image last = odd.level(odd.size() - 1);
        assertTrue(Math.min(last.width(), last.height()) <= 8);
        Image before = odd.level(odd.size() - 2);
        assertTrue(Math.min(before.width(), before.height()) > 8);
        assertEquals(1, GaussianPyramid.of(TestData.random(8, 100, 1, 1)).size());
    }

    @Test
    void eachLevelIsTheReducedPreviousLevelOfCeilHalfSize() {
        Image im = TestData.random(45, 30, 3, 2);
        for (Boundary b : Boundary.values()) {
            GaussianPyramid gp = GaussianPyramid.of(im, 5, Kernel1D.binomial(5), b);
            assertTrue(gp.level(0) == im);
            for (int i = 1; i < 5; i++) {
                Image prev = gp.level(i - 1);
                assertEquals((prev.width() + 1) / 2, gp.level(i).width());
                assertEquals((prev.height() + 1) / 2, gp.level(i).height());
                assertEquals(0f, Resample.reduce(prev, Kernel1D.binomial(5), b).minus(gp.level(i)).maxAbs());
            }
        }
    }

    @Test
    void largeImagesSplitBetweenThreadsGiveTheSameLevelsAsRepeatedReduce() {
        for (Boundary b : Boundary.values()) {
            for (Image im : new Image[] {TestData.random(301, 517, 1, 4), TestData.random(260, 131, 3, 5)}) {
                GaussianPyramid gp = GaussianPyramid.of(im, 6, Kernel1D.binomial(5), b);
                Image x = im;
                for (int i = 1; i < 6; i++) {
                    x = Resample.reduce(x, Kernel1D.binomial(5), b);
                    assertEquals(0f, x.minus(gp.level(i)).maxAbs(), b + " level " + i);
                }
            }
        }
    }

    @Test
    void maximumHeightReducesToOneByOne() {
        assertEquals(10, GaussianPyramid.maxLevels(512, 512));
        assertEquals(11, GaussianPyramid.maxLevels(1001, 7));
        assertEquals(1, GaussianPyramid.maxLevels(1, 1));
        GaussianPyramid gp = GaussianPyramid.of(TestData.random(1001, 7, 1, 3), 11);
        assertEquals(1, gp.level(10).width());
        assertEquals(1, gp.level(10).height());
    }

    @Test
    void expandedLevelsHaveFullSizeAndKeepTheMeanOfAConstantImage() {
        Image im = Image.filled(37, 20, 1, 0.25);
        List<Image> ex = GaussianPyramid.of(im, 4).expandedLevels();
        for (Image e : ex) {
            assertEquals(37, e.width());
            assertEquals(20, e.height());
            assertEquals(0.25, e.min(), 1e-6);
            assertEquals(0.25, e.max(), 1e-6);
        }
    }

    @Test
    void textNamesTheLevelSizes() {
        assertEquals("GaussianPyramid 512x512 RGB, 7 levels: 512, 256, ..., 8",
                GaussianPyramid.of(Image.sample("apple")).toString());
        assertEquals("GaussianPyramid 20x10 grey, 3 levels: 20x10, 10x5, 5x3",
                GaussianPyramid.of(Image.zeros(20, 10), 3).toString());
        assertTrue(GaussianPyramid.of(Image.zeros(20, 10), 3).mimeBundle().hasPng());
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Image im = TestData.random(64, 32, 1, 1);
        assertMessage("img", () -> GaussianPyramid.of(null));
        assertMessage("levels: expected 1..7 for a 64x32 image, got 8", () -> GaussianPyramid.of(im, 8));
        assertMessage("levels", () -> GaussianPyramid.of(im, -1));
        assertMessage("kernel", () -> GaussianPyramid.of(im, 2, null, Boundary.ZERO));
        assertMessage("boundary", () -> GaussianPyramid.of(im, 2, Kernel1D.binomial(3), null));
        assertMessage("img: expected finite", () -> GaussianPyramid.of(im.copy().set(63, 31, 0, Double.NaN)));
        assertMessage("level: expected 0..2", () -> GaussianPyramid.of(im).level(3));
    }
}
