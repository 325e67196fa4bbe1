package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/** Each renderer gives the MIME types the issue asks for, and pictures decode to the right pixels. */
class RenderersTest {

    private final Renderers renderers = Renderers.defaults();

    private static BufferedImage decode(Rendered r) throws Exception {
        String b64 = r.data().get("image/png");
        assertNotNull(b64, "no image/png in " + r.data().keySet());
        return Renderers.decodePng(Base64.getDecoder().decode(b64));
    }

    @Test
    void bufferedImagePngDecodesToTheSamePixelsIncludingTheLastRow() throws Exception {
        BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        Rendered r = renderers.render(img);
        BufferedImage back = decode(r);
        assertEquals(37, back.getWidth());
        assertEquals(23, back.getHeight());
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                assertEquals(img.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
        assertEquals(java.util.Map.of("width", 37, "height", 23), r.metadata().get("image/png"));
        assertTrue(r.data().get("text/plain").contains("37x23"));
    }

    @Test
    void xchartChartsBecomePngsOfTheChartSize() throws Exception {
        XYChart c = new XYChartBuilder().width(320).height(200).title("loss").build();
        c.addSeries("train", new double[]{1, 2, 3}, new double[]{3, 2, 1});
        BufferedImage back = decode(renderers.render(c));
        assertEquals(320, back.getWidth());
        assertEquals(200, back.getHeight());
        var bar = new CategoryChartBuilder().width(150).height(120).build();
        bar.addSeries("n", new double[]{1, 2}, new double[]{4, 5});
        assertEquals(150, decode(renderers.render(bar)).getWidth());
    }

    @Test
    void tablesawTableGivesHtmlWithFormattedNumbersAndText() {
        Table t = Table.create("scores",
                StringColumn.create("name", "a<b", "c"),
                DoubleColumn.create("score", 0.125, 1234.5));
        Rendered r = renderers.render(t);
        String html = r.data().get("text/html");
        assertTrue(html.contains("<th>name</th>") && html.contains("<th>score</th>"), html);
        assertTrue(html.contains("a&lt;b"), "cells are escaped: " + html);
        // the numbers appear as the column formats them
        assertTrue(html.contains(t.doubleColumn("score").getString(1)), html);
        assertTrue(html.contains("text-align:right"), "numbers are right-aligned");
        assertTrue(r.data().get("text/plain").contains("score"));
    }

    @Test
    void bigTablesShowTheFirstRowsAndSayHowManyMore() {
        double[] v = new double[120];
        Table t = Table.create("big", DoubleColumn.create("v", v));
        String html = renderers.render(t).data().get("text/html");
        assertEquals(Renderers.TABLE_ROWS, html.split("<tr>", -1).length - 2);
        assertTrue(html.contains("70 more rows"), html);
    }

    @Test
    void displayableUsesItsOwnBundle() {
        byte[] png = Renderers.encodePng(new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY));
        Displayable d = () -> new MimeBundle(png, "three by two", "<b>3x2</b>");
        Rendered r = renderers.render(d);
        assertArrayEquals(png, Base64.getDecoder().decode(r.data().get("image/png")));
        assertEquals("three by two", r.data().get("text/plain"));
        assertEquals("<b>3x2</b>", r.data().get("text/html"));
    }

    @Test
    void everythingElseIsPlainText() {
        Rendered r = renderers.render(java.util.List.of(1, 2));
        assertEquals(java.util.Map.of("text/plain", "[1, 2]"), r.data());
        assertEquals("null", renderers.render(null).data().get("text/plain"));
        assertFalse(r.data().containsKey("image/png"));
    }
}
