package visionlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import visionlab.show.FigureText;
import visionlab.show.MimeBundle;

class MosaicTitlesAndFitTest {

    @Test
    void rowAndColumnTitlesAndTheTitleAreDrawnInMarginsOutsideTheTiles() {
        Image t = Image.filled(40, 30, 1, 0.5);
        Image plain = Mosaic.grid(List.of(List.of(t, t), List.of(t, t))).range(Mosaic.Range.NONE).image();
        Image titled = Mosaic.grid(List.of(List.of(t, t), List.of(t, t))).range(Mosaic.Range.NONE)
                .title("T").rowTitles("first row", "second row").columnTitles("a", "b").image();
        int left = titled.width() - plain.width();
        int top = titled.height() - plain.height();
        assertTrue(left > 20, "a margin for the row titles");
        assertTrue(top > 20, "a margin for the title and column titles");
        assertTrue(MosaicLabelsTest.darkest(titled, 0, top, left - 2, plain.height()) < 0.5, "row titles drawn at the left");
        assertTrue(MosaicLabelsTest.darkest(titled, left, 0, plain.width(), top) < 0.5, "title and column titles drawn on top");
        // the tiles are where the margins put them, unchanged
        assertEquals(0, titled.crop(left, top, plain.width(), plain.height()).minus(plain).maxAbs(), 1e-2);
        assertThrows(IllegalArgumentException.class, () -> Mosaic.row(t).rowTitles("1", "2"));
        assertThrows(IllegalArgumentException.class, () -> Mosaic.row(t).columnTitles("1", "2"));
    }

    @Test
    void fitShrinksTheFigureToTheLimitAndAreaAveragingKeepsTheMean() {
        var rnd = new java.util.Random(3);
        Image big = Image.fromFunction(900, 700, (x, y) -> rnd.nextDouble());
        Image fitted = Mosaic.row(big, big).range(Mosaic.Range.NONE).labels("left", "right").fit(800).image();
        assertTrue(fitted.width() <= 800 && fitted.height() <= 800, fitted.shape());
        Image half = Mosaic.resized(big, 450, 350);
        assertEquals(big.mean(), half.mean(), 1e-4);
        // each output pixel is the mean of its 2x2 block
        double block = (big.get(10, 20) + big.get(11, 20) + big.get(10, 21) + big.get(11, 21)) / 4.0;
        assertEquals(block, half.get(5, 10), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> Mosaic.row(big).fit(10));
    }

    @Test
    void theFigureRecordsTheStringsItDrawsAndItsTextFormIsThoseStrings() throws Exception {
        Image t = Image.filled(20, 20, 1, 0.5);
        MimeBundle b = Mosaic.row(t, t).title("the title").labels("one", "two").mimeBundle();
        assertEquals("the title\none\ntwo", b.text());
        java.util.Map<String, String> text = iTxt(b.png());
        assertEquals("the title\none\ntwo", text.get(FigureText.DRAWN));
        assertEquals("2", text.get(FigureText.PANELS));
        // still a PNG ImageIO reads
        assertTrue(ImageIO.read(new ByteArrayInputStream(b.png())).getWidth() >= 2 * t.width());
        // an unlabelled composite records empty drawn text: the notebook checker fails it
        assertEquals("", iTxt(Mosaic.row(t, t).mimeBundle().png()).get(FigureText.DRAWN));
        // a single unlabelled picture carries no record
        assertTrue(iTxt(Mosaic.row(t).mimeBundle().png()).isEmpty());
    }

    /** The uncompressed iTXt chunks of a PNG, each chunk's CRC checked. */
    private static java.util.Map<String, String> iTxt(byte[] png) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(png);
        buf.position(8);
        while (buf.remaining() >= 12) {
            int len = buf.getInt();
            byte[] typeAndData = new byte[4 + len];
            buf.get(typeAndData);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(typeAndData);
            assertEquals(crc.getValue(), buf.getInt() & 0xffffffffL, "CRC of a chunk");
            String type = new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("iTXt")) {
                int k = 4;
                while (typeAndData[k] != 0) {
                    k++;
                }
                String key = new String(typeAndData, 4, k - 4, StandardCharsets.ISO_8859_1);
                out.put(key, new String(typeAndData, k + 5, typeAndData.length - k - 5, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
