package visionlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader for the IDX files MNIST is distributed in (gzip-compressed or not): a magic number
 * {@code 0x0000 08 dims}, the sizes of each dimension (big-endian int32), then unsigned bytes.
 *
 * <pre>{@code Dataset train = Idx.read(Path.of("train-images-idx3-ubyte.gz"), Path.of("train-labels-idx1-ubyte.gz"));}</pre>
 */
public final class Idx {

    private Idx() {
    }

    /** Images scaled to 0..1 and their labels, as a 10-class dataset of {@code w x h} images. */
    public static Dataset read(Path images, Path labels) {
        if (images == null || labels == null) {
            throw new IllegalArgumentException((images == null ? "images" : "labels") + ": expected a file, got null");
        }
        try (InputStream im = Files.newInputStream(images); InputStream lb = Files.newInputStream(labels)) {
            return read(im, lb, images.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + images + " / " + labels, e);
        }
    }

    /** The same from streams (gzip detected from the first bytes). */
    public static Dataset read(InputStream images, InputStream labels, String name) throws IOException {
        int[][] imDims = new int[1][];
        byte[] pixels = readIdx(images, imDims, "images");
        int[][] lbDims = new int[1][];
        byte[] lab = readIdx(labels, lbDims, "labels");
        int[] d = imDims[0];
        if (d.length != 3) {
            throw new IllegalArgumentException("images: expected a 3-dimensional IDX file (n x h x w), got "
                    + d.length + " dimensions");
        }
        if (lbDims[0].length != 1 || lbDims[0][0] != d[0]) {
            throw new IllegalArgumentException("labels: expected " + d[0] + " labels in a 1-dimensional IDX file, got "
                    + java.util.Arrays.toString(lbDims[0]));
        }
        int n = d[0];
        int h = d[1];
        int w = d[2];
        float[][] x = new float[n][w * h];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w * h; j++) {
                x[i][j] = (pixels[i * w * h + j] & 0xff) / 255f;
            }
            y[i] = lab[i] & 0xff;
        }
        return Dataset.classificationOf(name, x, y, 10, w, h);
    }

    private static byte[] readIdx(InputStream raw, int[][] dimsOut, String what) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw);
        b.mark(2);
        int m0 = b.read();
        int m1 = b.read();
        b.reset();
        InputStream in = (m0 == 0x1f && m1 == 0x8b) ? new GZIPInputStream(b, 1 << 16) : b;
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        int magic = data.readInt();
        if ((magic >>> 8) != 0x08) {
            throw new IllegalArgumentException(what + ": expected an IDX file of unsigned bytes (magic 0x0000080N), got 0x"
                    + Integer.toHexString(magic));
        }
        int dims = magic & 0xff;
        int[] d = new int[dims];
        long total = 1;
        for (int i = 0; i < dims; i++) {
            d[i] = data.readInt();
            total *= d[i];
        }
        if (dims < 1 || total <= 0 || total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + ": unsupported IDX sizes " + java.util.Arrays.toString(d));
        }
        byte[] out = new byte[(int) total];
        data.readFully(out);
        dimsOut[0] = d;
        return out;
    }
}
