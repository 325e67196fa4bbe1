package visionlab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {

    /** Decoded by ImageIO, an independent PNG reader: every pixel as ARGB. */
    private static int[] decode(byte[] png, int w, int h) throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        return back.getRGB(0, 0, w, h, null, 0, w);
    }

    private static Image random(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, channels);
        for (int c = 0; c < channels; c++) {
            float[] p = im.plane(c);
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextInt(256) / 255f;
            }
        }
        return im;
    }

    @Test
    void imagesOfOneToFourChannelsDecodeToTheirOwnSamples() throws IOException {
        for (int ch = 1; ch <= 4; ch++) {
            for (int[] size : new int[][]{{1, 1}, {7, 3}, {64, 33}}) {
                int w = size[0];
                int h = size[1];
                Image im = random(w, h, ch, 10L * ch + w);
                int[] argb = decode(Png.encode(im), w, h);
                for (int i = 0; i < w * h; i++) {
                    int v = argb[i];
                    int grey = Math.round(im.plane(0)[i] * 255);
                    int expectedR = grey;
                    int expectedG = ch >= 3 ? Math.round(im.plane(1)[i] * 255) : grey;
                    int expectedB = ch >= 3 ? Math.round(im.plane(2)[i] * 255) : grey;
                    int expectedA = ch == 2 ? Math.round(im.plane(1)[i] * 255) : ch == 4 ? Math.round(im.plane(3)[i] * 255) : 255;
                    assertEquals(expectedA, v >>> 24, "alpha, channels " + ch + " pixel " + i);
                    if (ch == 1 || ch == 2) {
                        // ImageIO maps grey through the grey colour space: compare in its own conversion
                        BufferedImage g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
                        g.getRaster().setSample(0, 0, 0, grey);
                        int ref = g.getRGB(0, 0);
                        assertEquals(ref & 0xffffff, v & 0xffffff, "grey, channels " + ch + " pixel " + i);
                    } else {
                        assertEquals(expectedR, (v >> 16) & 255, "red, pixel " + i);
                        assertEquals(expectedG, (v >> 8) & 255, "green, pixel " + i);
                        assertEquals(expectedB, v & 255, "blue, pixel " + i);
                    }
                }
            }
        }
    }

    @Test
    void greyBufferedImagesKeepEverySampleExactly() throws IOException {
        BufferedImage g = new BufferedImage(45, 17, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(3);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 45; x++) {
                g.getRaster().setSample(x, y, 0, r.nextInt(256));
            }
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(g)));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
        int[] a = g.getRaster().getSamples(0, 0, 45, 17, 0, (int[]) null);
        int[] b = back.getRaster().getSamples(0, 0, 45, 17, 0, (int[]) null);
        assertArrayEquals(a, b);
    }

    @Test
    void argbKeepsTransparencyAndOpaqueArgbDecodesEqual() throws IOException {
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage bi = new BufferedImage(31, 20, type);
            Graphics2D g = bi.createGraphics();
            g.setColor(new Color(200, 30, 90));
            g.fillRect(0, 0, 31, 20);
            g.setColor(new Color(10, 250, 40, bi.getColorModel().hasAlpha() ? 100 : 255));
            g.fillOval(3, 2, 20, 15);
            g.dispose();
            int[] expected = bi.getRGB(0, 0, 31, 20, null, 0, 31);
            assertArrayEquals(expected, decode(Png.encode(bi), 31, 20), "type " + type);
        }
    }

    @Test
    void aPhotographIsNoLargerThanImageIoMakesIt() throws IOException {
        Image camera = Image.sample("camera");
        BufferedImage bi = camera.toBufferedImage();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(bi, "png", out);
        byte[] ours = Png.encode(camera);
        assertTrue(ours.length <= out.size() * 1.05, ours.length + " bytes against ImageIO's " + out.size());
    }

    @Test
    void nullIsRejectedWithTheArgumentNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Png.encode((Image) null));
        assertTrue(e.getMessage().startsWith("image:"), e.getMessage());
    }
}
