package visionlab.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class ImageTransformsTest {

    @Test
    void theFourTransformsAreOfTheGreyImageAndTheViewDecodesAsOnePicture() throws Exception {
        Image img = Image.sample("coffee").crop(100, 60, 96, 80);
        ImageTransforms t = ImageTransforms.compare(img);
        Image grey = img.grey();
        assertEquals(1.0, t.spectrum().energy() / grey.energy(), 1e-5);
        assertTrue(t.gaussian().level(0).minus(grey).maxAbs() < 1e-6);
        assertTrue(t.laplacian().reconstruct().minus(grey).maxAbs() < 1e-4);
        assertTrue(t.steerable().reconstruct().minus(grey).maxAbs() < 1e-4);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(t.mimeBundle().png()));
        // four rows: at least the image height (row 1) + Gaussian level 0 + Laplacian level 0 + steerable high-pass
        assertTrue(png.getHeight() >= 4 * 80, "height " + png.getHeight());
    }

    @Test
    void tooSmallOrMissingImagesAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageTransforms.compare(Image.zeros(7, 30)))
                .getMessage().startsWith("img"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageTransforms.compare(null))
                .getMessage().startsWith("img"));
    }
}
