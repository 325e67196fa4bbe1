package visionlab.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading and writing image files: {@code javax.imageio} formats plus PGM/PPM. */
final class ImageFiles {

    private ImageFiles() {
    }

    static Image read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException("file: cannot read " + file + ": no such file",
                    new NoSuchFileException(file.toString()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Image read(InputStream raw, String name) {
        if (raw == null) {
            throw new IllegalArgumentException("in: expected a stream, got null");
        }
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 'P' && b1 >= '1' && b1 <= '6') {
                return Pnm.read(in, name);
            }
            BufferedImage bi = ImageIO.read(in);
            if (bi == null) {
                throw new UncheckedIOException(new IOException(name
                        + ": not an image format this reader knows (expected PNG, JPEG, BMP, GIF, PGM or PPM)"));
            }
            return fromBufferedImage(bi);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": unreadable or truncated image: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof UncheckedIOException || e instanceof IllegalArgumentException) {
                throw e;
            }
            // javax.imageio throws assorted runtime exceptions on corrupt data
            throw new UncheckedIOException(name + ": unreadable or truncated image: " + e,
                    new IOException(e));
        }
    }

    static Image fromBufferedImage(BufferedImage bi) {
        if (bi == null) {
            throw new IllegalArgumentException("image: expected a BufferedImage, got null");
        }
        int w = bi.getWidth();
        int h = bi.getHeight();
        int bands = bi.getRaster().getNumBands();
        boolean alpha = bi.getColorModel().hasAlpha();
        boolean grey = bi.getColorModel().getColorSpace().getNumComponents() == 1;
        int type = bi.getType();
        if (grey && (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY
                || (bi.getColorModel().getPixelSize() >= 8 && bands <= 2))) {
            Raster r = bi.getRaster();
            int bits = bi.getColorModel().getComponentSize(0);
            float scale = 1f / ((1 << bits) - 1);
            int ch = alpha && bands == 2 ? 2 : 1;
            Image im = Image.zeros(w, h, ch);
            int[] row = new int[w];
            for (int c = 0; c < ch; c++) {
                float[] p = im.plane(c);
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, c, row);
                    for (int x = 0; x < w; x++) {
                        p[y * w + x] = row[x] * scale;
                    }
                }
            }
            return im;
        }
        if (bi.getRaster().getDataBuffer().getDataType() == DataBuffer.TYPE_USHORT && !grey) {
            Raster r = bi.getRaster();
            int ch = Math.min(4, bands);
            Image im = Image.zeros(w, h, ch);
            int[] row = new int[w];
            for (int c = 0; c < ch; c++) {
                float[] p = im.plane(c);
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, c, row);
                    for (int x = 0; x < w; x++) {
                        p[y * w + x] = row[x] / 65535f;
                    }
                }
            }
            return im;
        }
        int ch = alpha ? 4 : 3;
        Image im = Image.zeros(w, h, ch);
        int[] argb = new int[w];
        float s = 1f / 255f;
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int v = argb[x];
                int i = y * w + x;
                im.plane(0)[i] = ((v >> 16) & 255) * s;
                im.plane(1)[i] = ((v >> 8) & 255) * s;
                im.plane(2)[i] = (v & 255) * s;
                if (alpha) {
                    im.plane(3)[i] = ((v >>> 24) & 255) * s;
                }
            }
        }
        return im;
    }

    private static int to8(float v) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        if (v >= 1) {
            return 255;
        }
        return (int) (v * 255f + 0.5f);
    }

    static BufferedImage toBufferedImage(Image im) {
        int w = im.width();
        int h = im.height();
        int ch = im.channels();
        if (ch == 1) {
            BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
            float[] p = im.plane(0);
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) to8(p[i]);
            }
            return bi;
        }
        if (ch == 2) {
            java.awt.color.ColorSpace cs = java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY);
            java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(cs, true, false,
                    java.awt.Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
            java.awt.image.WritableRaster wr = cm.createCompatibleWritableRaster(w, h);
            byte[] data = ((java.awt.image.DataBufferByte) wr.getDataBuffer()).getData();
            float[] v = im.plane(0);
            float[] a = im.plane(1);
            for (int i = 0; i < w * h; i++) {
                data[2 * i] = (byte) to8(v[i]);
                data[2 * i + 1] = (byte) to8(a[i]);
            }
            return new BufferedImage(cm, wr, false, null);
        }
        boolean alpha = ch == 4;
        BufferedImage bi = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] data = ((java.awt.image.DataBufferInt) bi.getRaster().getDataBuffer()).getData();
        float[] r = im.plane(0);
        float[] g = im.plane(1);
        float[] b = im.plane(2);
        float[] a = alpha ? im.plane(3) : null;
        for (int i = 0; i < data.length; i++) {
            int v = (to8(r[i]) << 16) | (to8(g[i]) << 8) | to8(b[i]);
            if (a != null) {
                v |= to8(a[i]) << 24;
            }
            data[i] = v;
        }
        return bi;
    }

    static Path writePng(Image im, Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        byte[] png = im.toPng();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // write to a temporary file first so a failure leaves nothing half-written
            Path tmp = Files.createTempFile(parent, ".visionlab-", ".png.tmp");
            try {
                Files.write(tmp, png);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("file: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
