package visionlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MosaicLabelsTest {

    /** The darkest value in a rectangle of a grey image. */
    static float darkest(Image im, int x0, int y0, int w, int h) {
        float m = 1;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                m = Math.min(m, im.get(x, y));
            }
        }
        return m;
    }

    @Test
    void labelsAddACaptionStripWithTextUnderEachLabelledTile() {
        Image a = Image.filled(60, 40, 1, 0.5);
        Image b = Image.filled(60, 40, 1, 0.5);
        Image plain = Mosaic.row(a, b).range(Mosaic.Range.NONE).image();
        Image labelled = Mosaic.row(a, b).range(Mosaic.Range.NONE).labels("first").image();
        assertEquals(plain.width(), labelled.width());
        assertTrue(labelled.height() > plain.height(), "a caption strip below the row");
        int strip = labelled.height() - plain.height();
        // the tiles themselves are unchanged
        assertEquals(0, labelled.crop(0, 0, plain.width(), plain.height()).minus(plain).maxAbs(), 1e-2);
        // text under the first tile, nothing under the second (white background)
        assertTrue(darkest(labelled, 0, 40, 60, strip) < 0.5, "dark text under the labelled tile");
        assertEquals(1f, darkest(labelled, 64, 40, 60, strip), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Mosaic.row(a, b).labels("1", "2", "3"));
    }
}
