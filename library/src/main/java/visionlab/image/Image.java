package visionlab.image;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import visionlab.filter.Boundary;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A float32 image, planar, with 1 to 4 channels (grey, grey+alpha, RGB, RGBA) of {@code width x height}
 * samples each. Sample (x, y) of channel c is {@code plane(c)[y * width + x]}. Photos read from files
 * hold values in 0..1; the maths never clamps, only the conversion for display does.
 *
 * <p>Operations return new images; {@link #set} and {@link #plane} are the only ways to change one.
 */
public final class Image implements Displayable {

    private final int width;
    private final int height;
    private final float[][] planes;

    private Image(int width, int height, float[][] planes) {
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    // ---------------------------------------------------------------- construction

    /** A black image of {@code channels} channels. */
    public static Image zeros(int width, int height, int channels) {
        checkShape(width, height, channels);
        float[][] p = new float[channels][width * height];
        return new Image(width, height, p);
    }

    /** A black grey image. */
    public static Image zeros(int width, int height) {
        return zeros(width, height, 1);
    }

    /** An image with every sample equal to {@code value}. */
    public static Image filled(int width, int height, int channels, double value) {
        Image im = zeros(width, height, channels);
        for (float[] p : im.planes) {
            java.util.Arrays.fill(p, (float) value);
        }
        return im;
    }

    /** An image of the same shape (size and channels) as this one, all zeros. */
    public Image zerosLike() {
        return zeros(width, height, planes.length);
    }

    /**
     * An image from planes of {@code width * height} samples (row-major), one plane per channel.
     * The arrays are copied.
     */
    public static Image of(int width, int height, float[]... planes) {
        if (planes == null) {
            throw new IllegalArgumentException("planes: expected 1 to 4 arrays, got null");
        }
        checkShape(width, height, planes.length);
        float[][] p = new float[planes.length][];
        for (int c = 0; c < planes.length; c++) {
            if (planes[c] == null || planes[c].length != width * height) {
                throw new IllegalArgumentException("planes[" + c + "]: expected " + width * height
                        + " samples (" + width + "x" + height + "), got "
                        + (planes[c] == null ? "null" : planes[c].length));
            }
            p[c] = planes[c].clone();
        }
        return new Image(width, height, p);
    }

    /** A grey image from {@code values[y][x]} (rows of equal length). */
    public static Image of(double[][] values) {
        if (values == null || values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("values: expected a non-empty rectangular array [height][width]");
        }
        int h = values.length;
        int w = values[0].length;
        Image im = zeros(w, h, 1);
        for (int y = 0; y < h; y++) {
            if (values[y] == null || values[y].length != w) {
                throw new IllegalArgumentException("values[" + y + "]: expected " + w + " values like row 0, got "
                        + (values[y] == null ? "null" : values[y].length));
            }
            for (int x = 0; x < w; x++) {
                im.planes[0][y * w + x] = (float) values[y][x];
            }
        }
        return im;
    }

    /** Function of position (x, y) to a sample value, for {@link #fromFunction}. */
    @FunctionalInterface
    public interface PixelFunction {
        double at(int x, int y);
    }

    /** A grey image with sample (x, y) = {@code f.at(x, y)}. */
    public static Image fromFunction(int width, int height, PixelFunction f) {
        Image im = zeros(width, height, 1);
        float[] p = im.planes[0];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                p[y * width + x] = (float) f.at(x, y);
            }
        }
        return im;
    }

    /** Joins grey images of one size into a multi-channel image (for example R, G, B). */
    public static Image stack(Image... channels) {
        if (channels == null || channels.length < 1 || channels.length > 4) {
            throw new IllegalArgumentException("channels: expected 1 to 4 grey images, got "
                    + (channels == null ? "null" : channels.length));
        }
        Image first = channels[0];
        float[][] p = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            Image ch = channels[c];
            if (ch == null || ch.channels() != 1 || ch.width != first.width || ch.height != first.height) {
                throw new IllegalArgumentException("channels[" + c + "]: expected a grey " + first.width + "x"
                        + first.height + " image, got " + (ch == null ? "null" : ch.shape()));
            }
            p[c] = ch.planes[0].clone();
        }
        return new Image(first.width, first.height, p);
    }

    static void checkShape(int width, int height, int channels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size: expected width >= 1 and height >= 1, got " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels: expected 1 to 4, got " + channels);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size: " + width + "x" + height + " has too many samples");
        }
    }

    // ---------------------------------------------------------------- reading and writing

    /** Reads PNG, JPEG, BMP, GIF (what {@code javax.imageio} reads) and PGM/PPM (P2, P3, P5, P6). */
    public static Image read(Path file) {
        return ImageFiles.read(file);
    }

    /** Reads an image file; see {@link #read(Path)}. */
    public static Image read(String file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        return ImageFiles.read(Path.of(file));
    }

    /** Reads an image from a stream (PNG, JPEG, BMP, GIF, PGM/PPM); {@code name} is used in messages. */
    public static Image read(InputStream in, String name) {
        return ImageFiles.read(in, name);
    }

    /**
     * A bundled sample image: {@code apple}, {@code orange}, {@code camera}, {@code astronaut},
     * {@code chelsea}, {@code coffee}, {@code brick}, {@code grass}, {@code gravel}. Values in 0..1.
     */
    public static Image sample(String name) {
        return Samples.load(name);
    }

    /** The names {@link #sample} accepts. */
    public static List<String> sampleNames() {
        return Samples.names();
    }

    /** Writes this image as PNG (samples clamped to 0..1, 8 bits). Returns the path. */
    public Path write(Path file) {
        return ImageFiles.writePng(this, file);
    }

    /** Writes this image as PNG; see {@link #write(Path)}. */
    public Path write(String file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        return write(Path.of(file));
    }

    /** PNG bytes of this image (clamped to 0..1). */
    public byte[] toPng() {
        return Png.encode(this);
    }

    /** An image from a {@code BufferedImage}: 8- or 16-bit samples scaled to 0..1. */
    public static Image fromBufferedImage(BufferedImage bi) {
        return ImageFiles.fromBufferedImage(bi);
    }

    /**
     * This image as an 8-bit {@code BufferedImage} (grey, RGB or ARGB), samples clamped to 0..1. A
     * 2-channel image becomes grey with alpha (ARGB).
     */
    public BufferedImage toBufferedImage() {
        return ImageFiles.toBufferedImage(this);
    }

    // ---------------------------------------------------------------- shape and access

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return planes.length;
    }

    /** Number of samples per channel, {@code width * height}. */
    public int pixels() {
        return width * height;
    }

    /** "512x512 RGB" and the like. */
    public String shape() {
        return width + "x" + height + " " + channelName(planes.length);
    }

    static String channelName(int c) {
        switch (c) {
            case 1: return "grey";
            case 2: return "grey+alpha";
            case 3: return "RGB";
            default: return "RGBA";
        }
    }

    /** True when {@code other} has the same width, height and channel count. */
    public boolean sameShape(Image other) {
        return other != null && other.width == width && other.height == height && other.channels() == channels();
    }

    /**
     * The live sample array of channel {@code c} (row-major, {@code width * height}). Writing to it
     * changes this image: meant for library code that builds a fresh image.
     */
    public float[] plane(int c) {
        checkChannel(c);
        return planes[c];
    }

    /** Sample (x, y) of channel 0. */
    public float get(int x, int y) {
        return get(x, y, 0);
    }

    /** Sample (x, y) of channel {@code c}. */
    public float get(int x, int y, int c) {
        checkXY(x, y);
        checkChannel(c);
        return planes[c][y * width + x];
    }

    /** Sets sample (x, y) of channel {@code c}; returns this image. */
    public Image set(int x, int y, int c, double value) {
        checkXY(x, y);
        checkChannel(c);
        planes[c][y * width + x] = (float) value;
        return this;
    }

    private void checkXY(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IllegalArgumentException("(x, y): expected 0 <= x < " + width + " and 0 <= y < " + height
                    + ", got (" + x + ", " + y + ")");
        }
    }

    private void checkChannel(int c) {
        if (c < 0 || c >= planes.length) {
            throw new IllegalArgumentException("channel: expected 0.." + (planes.length - 1) + ", got " + c);
        }
    }

    /** A deep copy. */
    public Image copy() {
        float[][] p = new float[planes.length][];
        for (int c = 0; c < p.length; c++) {
            p[c] = planes[c].clone();
        }
        return new Image(width, height, p);
    }

    /** Channel {@code c} as a grey image. */
    public Image channel(int c) {
        checkChannel(c);
        return new Image(width, height, new float[][] {planes[c].clone()});
    }

    /**
     * The grey (luma) version: ITU-R BT.601 weights 0.299 R + 0.587 G + 0.114 B for colour, the first
     * channel for grey+alpha, a copy for grey. Alpha is dropped.
     */
    public Image grey() {
        if (planes.length <= 2) {
            return channel(0);
        }
        float[] out = new float[width * height];
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
        }
        return new Image(width, height, new float[][] {out});
    }

    /** A 3-channel version: grey repeated in R, G, B; alpha dropped. */
    public Image rgb() {
        if (planes.length == 3) {
            return copy();
        }
        if (planes.length == 4) {
            return new Image(width, height, new float[][] {planes[0].clone(), planes[1].clone(), planes[2].clone()});
        }
        return new Image(width, height, new float[][] {planes[0].clone(), planes[0].clone(), planes[0].clone()});
    }

    // ---------------------------------------------------------------- arithmetic

    /** Sample-wise {@code this + other}; a grey {@code other} is broadcast over every channel. */
    public Image plus(Image other) {
        return combine(other, "other", 0);
    }

    /** Sample-wise {@code this - other}; a grey {@code other} is broadcast over every channel. */
    public Image minus(Image other) {
        return combine(other, "other", 1);
    }

    /** Sample-wise {@code this * other}; a grey {@code other} (a mask) is broadcast over every channel. */
    public Image times(Image other) {
        return combine(other, "other", 2);
    }

    /** Sample-wise {@code this / other}; a grey {@code other} is broadcast over every channel. */
    public Image dividedBy(Image other) {
        return combine(other, "other", 3);
    }

    private Image combine(Image other, String name, int op) {
        requireBroadcastable(other, name);
        float[][] p = new float[planes.length][width * height];
        for (int c = 0; c < planes.length; c++) {
            float[] a = planes[c];
            float[] b = other.planes[other.channels() == 1 ? 0 : c];
            float[] o = p[c];
            switch (op) {
                case 0: for (int i = 0; i < o.length; i++) { o[i] = a[i] + b[i]; } break;
                case 1: for (int i = 0; i < o.length; i++) { o[i] = a[i] - b[i]; } break;
                case 2: for (int i = 0; i < o.length; i++) { o[i] = a[i] * b[i]; } break;
                default: for (int i = 0; i < o.length; i++) { o[i] = a[i] / b[i]; } break;
            }
        }
        return new Image(width, height, p);
    }

    /**
     * Checks that {@code other} has this size and either this channel count or one channel.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public void requireBroadcastable(Image other, String name) {
        if (other == null) {
            throw new IllegalArgumentException(name + ": expected an image, got null");
        }
        if (other.width != width || other.height != height
                || (other.channels() != channels() && other.channels() != 1)) {
            throw new IllegalArgumentException(name + ": expected " + width + "x" + height + " with "
                    + channels() + " channel(s) or 1, got " + other.shape());
        }
    }

    /** Every sample plus {@code k}. */
    public Image plus(double k) {
        return map(v -> v + k);
    }

    /** Every sample times {@code k}. */
    public Image times(double k) {
        float f = (float) k;
        float[][] p = new float[planes.length][];
        for (int c = 0; c < p.length; c++) {
            float[] a = planes[c];
            float[] o = new float[a.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] * f;
            }
            p[c] = o;
        }
        return new Image(width, height, p);
    }

    /** {@code f} applied to every sample. */
    public Image map(DoubleUnaryOperator f) {
        float[][] p = new float[planes.length][];
        for (int c = 0; c < p.length; c++) {
            float[] a = planes[c];
            float[] o = new float[a.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) f.applyAsDouble(a[i]);
            }
            p[c] = o;
        }
        return new Image(width, height, p);
    }

    /** Absolute value of every sample. */
    public Image abs() {
        return map(Math::abs);
    }

    /** Every sample clamped to {@code [lo, hi]}. */
    public Image clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("lo, hi: expected lo <= hi, got " + lo + ", " + hi);
        }
        return map(v -> Math.max(lo, Math.min(hi, v)));
    }

    // ---------------------------------------------------------------- geometry

    /** The {@code w x h} window whose top-left corner is (x, y); it must lie inside the image. */
    public Image crop(int x, int y, int w, int h) {
        if (w < 1 || h < 1 || x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop: expected a window inside " + width + "x" + height
                    + ", got x=" + x + " y=" + y + " w=" + w + " h=" + h);
        }
        float[][] p = new float[planes.length][w * h];
        for (int c = 0; c < p.length; c++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(planes[c], (y + r) * width + x, p[c], r * w, w);
            }
        }
        return new Image(w, h, p);
    }

    /** This image padded by the given margins, outside samples taken by {@code boundary}. */
    public Image pad(int left, int top, int right, int bottom, Boundary boundary) {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new IllegalArgumentException("margins: expected values >= 0, got " + left + ", " + top + ", "
                    + right + ", " + bottom);
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
        int w = width + left + right;
        int h = height + top + bottom;
        Image out = zeros(w, h, planes.length);
        for (int c = 0; c < planes.length; c++) {
            float[] src = planes[c];
            float[] dst = out.planes[c];
            for (int y = 0; y < h; y++) {
                int sy = boundary.index(y - top, height);
                if (sy < 0) {
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int sx = boundary.index(x - left, width);
                    if (sx >= 0) {
                        dst[y * w + x] = src[sy * width + sx];
                    }
                }
            }
        }
        return out;
    }

    /** This image padded with zeros; see {@link #pad(int, int, int, int, Boundary)}. */
    public Image pad(int left, int top, int right, int bottom) {
        return pad(left, top, right, bottom, Boundary.ZERO);
    }

    /** Each sample repeated {@code zoom x zoom} times (nearest neighbour), for looking at small images. */
    public Image zoom(int zoom) {
        if (zoom < 1 || zoom > 64) {
            throw new IllegalArgumentException("zoom: expected 1..64, got " + zoom);
        }
        if (zoom == 1) {
            return copy();
        }
        int w = width * zoom;
        int h = height * zoom;
        float[][] p = new float[planes.length][w * h];
        for (int c = 0; c < p.length; c++) {
            for (int y = 0; y < h; y++) {
                int sy = y / zoom;
                for (int x = 0; x < w; x++) {
                    p[c][y * w + x] = planes[c][sy * width + x / zoom];
                }
            }
        }
        return new Image(w, h, p);
    }

    // ---------------------------------------------------------------- statistics

    /** Smallest sample over all channels. */
    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float[] p : planes) {
            for (float v : p) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** Largest sample over all channels. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float[] p : planes) {
            for (float v : p) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Largest absolute sample over all channels (NaN if any sample is NaN). */
    public float maxAbs() {
        float m = 0;
        for (float[] p : planes) {
            for (float v : p) {
                if (Float.isNaN(v)) {
                    return Float.NaN;
                }
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** Sum of all samples over all channels (in double). */
    public double sum() {
        double s = 0;
        for (float[] p : planes) {
            for (float v : p) {
                s += v;
            }
        }
        return s;
    }

    /** Mean over all samples and channels. */
    public double mean() {
        return sum() / ((double) width * height * planes.length);
    }

    /** Sum of squared samples, the image's energy (in double). */
    public double energy() {
        double s = 0;
        for (float[] p : planes) {
            for (float v : p) {
                s += (double) v * v;
            }
        }
        return s;
    }

    /** Root-mean-square difference to {@code other} (same shape). */
    public double rmsDifference(Image other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("other: expected " + shape() + ", got "
                    + (other == null ? "null" : other.shape()));
        }
        double s = 0;
        for (int c = 0; c < planes.length; c++) {
            float[] a = planes[c];
            float[] b = other.planes[c];
            for (int i = 0; i < a.length; i++) {
                double d = (double) a[i] - b[i];
                s += d * d;
            }
        }
        return Math.sqrt(s / ((double) width * height * planes.length));
    }

    /** True when every sample is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (float[] p : planes) {
            for (float v : p) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Checks {@code img} is a usable input: not null and every sample finite. Returns it.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static Image requireValid(Image img, String name) {
        if (img == null) {
            throw new IllegalArgumentException(name + ": expected an image, got null");
        }
        if (!img.isFinite()) {
            throw new IllegalArgumentException(name + ": expected finite samples, got NaN or infinity in "
                    + img.shape() + " image");
        }
        return img;
    }

    // ---------------------------------------------------------------- display

    /** Linearly mapped so that the smallest sample is 0 and the largest 1 (a constant image becomes 0.5). */
    public Image normalized() {
        float lo = min();
        float hi = max();
        if (!(hi > lo)) {
            return filled(width, height, planes.length, 0.5);
        }
        float s = 1f / (hi - lo);
        return map(v -> (v - lo) * s);
    }

    /**
     * Mapped so that 0 is mid grey (0.5) and the largest absolute sample is 0 or 1: the display of
     * band-pass images (Laplacian bands, derivative filters), whose sign matters.
     */
    public Image normalizedAroundZero() {
        float m = maxAbs();
        if (!(m > 0)) {
            return filled(width, height, planes.length, 0.5);
        }
        float s = 0.5f / m;
        return map(v -> 0.5 + v * s);
    }

    /**
     * The PNG, chosen so that any image can be seen: samples are shown as they are (clamped to 0..1) when
     * at most 1% of them lie outside [-0.05, 1.05] (photos, blends with a small overshoot); an image with
     * many negative samples (a band-pass image, a derivative) is shown with 0 as mid grey and +-4 RMS as
     * white/black; any other is stretched with {@link #normalized()}. The text says which. Images smaller
     * than 128 px on their long side are zoomed up.
     */
    @Override
    public MimeBundle mimeBundle() {
        long outside = 0;
        long negative = 0;
        for (float[] p : planes) {
            for (float v : p) {
                if (v < -0.05f) {
                    negative++;
                    outside++;
                } else if (v > 1.05f) {
                    outside++;
                }
            }
        }
        long n = (long) width * height * planes.length;
        Image shown = this;
        String how = "";
        if (outside > n / 100) {
            if (negative > n / 20) {
                double scale = Mosaic.bandScale(List.of(this));
                double k = scale > 0 ? 0.5 / scale : 0;
                shown = map(v -> Math.max(0, Math.min(1, 0.5 + v * k)));
                how = " (display: 0 = mid grey)";
            } else {
                shown = normalized();
                how = " (display stretched)";
            }
        }
        int side = Math.max(width, height);
        if (side < 128) {
            shown = shown.zoom(Math.max(1, Math.min(64, 256 / side)));
        }
        return MimeBundle.png(shown.toPng(), toString() + how);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Image %s, range [%.4g, %.4g]", shape(), min(), max());
    }
}
