package visionlab.pyramid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class SteerableReproducibleTest {

    @Test
    void reproducibleReconstructionGivesTheSameBitsEveryCallAndEqualsTheReconstruction() {
        // 512x512 runs on all cores (many groups per bin), the others on one; colour and odd sizes too
        Image[] inputs = {SteerablePyramidTest.noise(512, 512, 1, 1), SteerablePyramidTest.noise(131, 97, 3, 2),
            Image.sample("camera").crop(3, 5, 255, 200)};
        for (Image img : inputs) {
            SteerablePyramid sp = SteerablePyramid.of(img, SteerablePyramid.maxScales(img), 4);
            Image a = sp.reconstructReproducibly();
            for (int r = 0; r < 4; r++) {
                Image b = sp.reconstructReproducibly();
                for (int c = 0; c < img.channels(); c++) {
                    assertArrayEquals(a.plane(c), b.plane(c), img.shape() + " call " + r + " channel " + c);
                }
            }
            double err = SteerablePyramidTest.relError(a, sp.reconstruct());
            assertTrue(err < 1e-6, img.shape() + ": differs from reconstruct() by " + err);
            assertTrue(SteerablePyramidTest.relError(a, img) < 1e-4, img.shape() + ": not the image");
        }
    }
}
