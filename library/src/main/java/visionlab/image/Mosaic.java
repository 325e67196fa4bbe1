package visionlab.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * Several images (pyramid levels, filter banks) tiled into one picture: rows of tiles, each tile aligned
 * top-left, separated by a gap. Each tile can be zoomed by an integer factor and mapped to 0..1 for
 * display per tile, over all tiles, around zero (band-pass images), or not at all (clamped).
 *
 * <pre>{@code Mosaic.row(gp.levels()).range(Mosaic.Range.SHARED).zoom(2)}</pre>
 */
public final class Mosaic implements Displayable {

    /** How tile values map to the displayed 0..1. */
    public enum Range {
        /** Values shown as they are, clamped to 0..1. */
        NONE,
        /** Each tile stretched to its own min..max. */
        PER_TILE,
        /** All tiles stretched with one shared min..max. */
        SHARED,
        /**
         * Each tile mapped so 0 is mid grey and {@code +-4 RMS} (or the largest |value|, if smaller) reaches
         * white or black, clipped beyond: band-pass images, whose few large coefficients would otherwise
         * leave the rest flat grey.
         */
        AROUND_ZERO,
        /** Like {@link #AROUND_ZERO} with one scale shared by all tiles. */
        AROUND_ZERO_SHARED
    }

    private final List<List<Image>> rows;
    private final int zoom;
    private final Range range;
    private final int gap;
    private final double background;
    private final String title;
    private final List<String> labels;

    private Mosaic(List<List<Image>> rows, int zoom, Range range, int gap, double background, String title) {
        this(rows, zoom, range, gap, background, title, List.of());
    }

    private Mosaic(List<List<Image>> rows, int zoom, Range range, int gap, double background, String title,
                   List<String> labels) {
        this.rows = rows;
        this.zoom = zoom;
        this.range = range;
        this.gap = gap;
        this.background = background;
        this.title = title;
        this.labels = labels;
    }

    /**
     * Captions drawn under the tiles, in reading order (row by row); fewer labels than tiles leave the rest
     * without one.
     */
    public Mosaic labels(String... labels) {
        int n = rows.stream().mapToInt(List::size).sum();
        if (labels == null || labels.length > n) {
            throw new IllegalArgumentException("labels: expected at most " + n + " (one per tile), got "
                    + (labels == null ? "null" : labels.length));
        }
        List<String> l = new ArrayList<>();
        for (String x : labels) {
            l.add(x == null ? "" : x);
        }
        return new Mosaic(rows, zoom, range, gap, background, title, List.copyOf(l));
    }

    /** The images side by side in one row. */
    public static Mosaic row(List<Image> images) {
        if (images == null) {
            throw new IllegalArgumentException("images: expected a list of images, got null");
        }
        return grid(List.of(images));
    }

    /** The images side by side in one row. */
    public static Mosaic row(Image... images) {
        if (images == null) {
            throw new IllegalArgumentException("images: expected images, got null");
        }
        return row(List.of(images));
    }

    /** Rows of images (rows may differ in length). */
    public static Mosaic grid(List<? extends List<Image>> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows: expected at least one row of images");
        }
        List<List<Image>> copy = new ArrayList<>();
        int r = 0;
        for (List<Image> row : rows) {
            if (row == null || row.isEmpty()) {
                throw new IllegalArgumentException("rows[" + r + "]: expected at least one image");
            }
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) == null) {
                    throw new IllegalArgumentException("rows[" + r + "][" + i + "]: expected an image, got null");
                }
            }
            copy.add(List.copyOf(row));
            r++;
        }
        return new Mosaic(List.copyOf(copy), 1, Range.PER_TILE, 4, 1.0, null, List.of());
    }

    /** Every tile magnified {@code zoom} times (nearest neighbour). */
    public Mosaic zoom(int zoom) {
        if (zoom < 1 || zoom > 64) {
            throw new IllegalArgumentException("zoom: expected 1..64, got " + zoom);
        }
        return new Mosaic(rows, zoom, range, gap, background, title, labels);
    }

    /** How values map to grey levels; see {@link Range}. */
    public Mosaic range(Range range) {
        if (range == null) {
            throw new IllegalArgumentException("range: expected a Mosaic.Range, got null");
        }
        return new Mosaic(rows, zoom, range, gap, background, title, labels);
    }

    /** Pixels between tiles (default 4) and the background grey (default 1, white). */
    public Mosaic gap(int gap, double background) {
        if (gap < 0 || gap > 256) {
            throw new IllegalArgumentException("gap: expected 0..256, got " + gap);
        }
        return new Mosaic(rows, zoom, range, gap, background, title, labels);
    }

    /** The text shown with the picture. */
    public Mosaic title(String title) {
        return new Mosaic(rows, zoom, range, gap, background, title, labels);
    }

    /** The tiled picture, values in 0..1. */
    public Image image() {
        int channels = 1;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        List<Image> all = new ArrayList<>();
        for (List<Image> row : rows) {
            for (Image im : row) {
                channels = Math.max(channels, im.channels() >= 3 ? 3 : 1);
                lo = Math.min(lo, im.min());
                hi = Math.max(hi, im.max());
                all.add(im);
            }
        }
        double sharedScale = range == Range.AROUND_ZERO_SHARED ? bandScale(all) : 0;
        int caption = labels.isEmpty() ? 0 : CAPTION;
        int totalW = 0;
        int totalH = 0;
        for (List<Image> row : rows) {
            int w = 0;
            int h = 0;
            for (Image im : row) {
                w += im.width() * zoom + gap;
                h = Math.max(h, im.height() * zoom);
            }
            totalW = Math.max(totalW, w - gap);
            totalH += h + caption + gap;
        }
        totalH -= gap;
        Image out = Image.filled(totalW, totalH, channels, background);
        List<int[]> places = new ArrayList<>();
        int y0 = 0;
        for (List<Image> row : rows) {
            int x0 = 0;
            int h = 0;
            for (Image im : row) {
                Image t = mapped(im, lo, hi, sharedScale);
                if (zoom > 1) {
                    t = t.zoom(zoom);
                }
                paste(out, t, x0, y0);
                places.add(new int[] {x0, y0, t.width(), t.height()});
                x0 += t.width() + gap;
                h = Math.max(h, t.height());
            }
            y0 += h + caption + gap;
        }
        return labels.isEmpty() ? out : captioned(out, places);
    }

    private static final int CAPTION = 20;

    /** Draws the labels centred right under their tiles (dark text on the background). */
    private Image captioned(Image out, List<int[]> places) {
        java.awt.image.BufferedImage bi = out.toBufferedImage();
        java.awt.Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(background > 0.5 ? java.awt.Color.BLACK : java.awt.Color.WHITE);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
            java.awt.FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < labels.size(); i++) {
                int[] p = places.get(i);
                String text = labels.get(i);
                int tw = fm.stringWidth(text);
                int x = p[0] + Math.max(0, (p[2] - tw) / 2);
                g.drawString(text, x, p[1] + p[3] + CAPTION - 5);
            }
        } finally {
            g.dispose();
        }
        Image drawn = Image.fromBufferedImage(bi);
        return drawn.channels() > out.channels() ? drawn.grey() : drawn;
    }

    private Image mapped(Image im, float lo, float hi, double sharedScale) {
        switch (range) {
            case PER_TILE:
                return im.normalized();
            case SHARED: {
                if (!(hi > lo)) {
                    return Image.filled(im.width(), im.height(), im.channels(), 0.5);
                }
                float s = 1f / (hi - lo);
                return im.map(v -> (v - lo) * s);
            }
            case AROUND_ZERO:
                return aroundZero(im, bandScale(List.of(im)));
            case AROUND_ZERO_SHARED:
                return aroundZero(im, sharedScale);
            default:
                return im.clamp(0, 1);
        }
    }

    /**
     * The display scale of band-pass images: {@code min(max |v|, 4 RMS)} over all their samples, the |value|
     * that {@link Range#AROUND_ZERO} shows as white or black.
     */
    public static double bandScale(List<Image> images) {
        double sum = 0;
        double n = 0;
        double maxAbs = 0;
        for (Image im : images) {
            sum += im.energy();
            n += (double) im.pixels() * im.channels();
            maxAbs = Math.max(maxAbs, im.maxAbs());
        }
        double rms = Math.sqrt(sum / n);
        return Math.min(maxAbs, 4 * rms);
    }

    private static Image aroundZero(Image im, double scale) {
        if (!(scale > 0)) {
            return Image.filled(im.width(), im.height(), im.channels(), 0.5);
        }
        double s = 0.5 / scale;
        return im.map(v -> Math.max(0, Math.min(1, 0.5 + v * s)));
    }

    private static void paste(Image dst, Image src, int x0, int y0) {
        int w = src.width();
        for (int c = 0; c < dst.channels(); c++) {
            float[] s = src.plane(Math.min(c, src.channels() - 1));
            if (src.channels() == 2 || src.channels() == 4) {
                s = src.plane(Math.min(c, 2) < src.channels() - 1 ? Math.min(c, 2) : 0);
            }
            float[] d = dst.plane(c);
            for (int y = 0; y < src.height(); y++) {
                System.arraycopy(s, y * w, d, (y0 + y) * dst.width() + x0, w);
            }
        }
    }

    @Override
    public MimeBundle mimeBundle() {
        Image im = image();
        return MimeBundle.png(im.toPng(), toString());
    }

    @Override
    public String toString() {
        int n = rows.stream().mapToInt(List::size).sum();
        return title != null ? title
                : String.format(Locale.ROOT, "Mosaic of %d tile(s) in %d row(s), zoom %d, range %s", n, rows.size(),
                        zoom, range);
    }
}
