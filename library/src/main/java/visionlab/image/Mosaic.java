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
    private int zoom;
    private Range range;
    private int gap;
    private double background;
    private String title;
    private List<String> labels;
    private List<String> rowTitles = List.of();
    private List<String> columnTitles = List.of();
    private boolean borders;
    private int maxSide;

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

    private Mosaic copy() {
        Mosaic m = new Mosaic(rows, zoom, range, gap, background, title, labels);
        m.rowTitles = rowTitles;
        m.columnTitles = columnTitles;
        m.borders = borders;
        m.maxSide = maxSide;
        return m;
    }

    private int tiles() {
        return rows.stream().mapToInt(List::size).sum();
    }

    private static List<String> texts(String what, String[] texts, int max) {
        if (texts == null || texts.length > max) {
            throw new IllegalArgumentException(what + ": expected at most " + max + ", got "
                    + (texts == null ? "null" : texts.length));
        }
        List<String> l = new ArrayList<>();
        for (String x : texts) {
            l.add(x == null ? "" : x.replace('\n', ' '));
        }
        return List.copyOf(l);
    }

    /**
     * Captions drawn under the tiles, in reading order (row by row); fewer labels than tiles leave the rest
     * without one. A caption wider than its tile wraps onto more lines.
     */
    public Mosaic labels(String... labels) {
        Mosaic m = copy();
        m.labels = texts("labels (one per tile)", labels, tiles());
        return m;
    }

    /** Titles drawn at the left of the rows, top to bottom (fewer titles leave the last rows without one). */
    public Mosaic rowTitles(String... titles) {
        Mosaic m = copy();
        m.rowTitles = texts("rowTitles (one per row)", titles, rows.size());
        return m;
    }

    /** Titles drawn above the columns of the first row, left to right. */
    public Mosaic columnTitles(String... titles) {
        Mosaic m = copy();
        m.columnTitles = texts("columnTitles (one per tile of the first row)", titles, rows.get(0).size());
        return m;
    }

    /** A thin dark frame around every tile, so tiles that match the background stay apart. */
    public Mosaic borders(boolean borders) {
        Mosaic m = copy();
        m.borders = borders;
        return m;
    }

    /**
     * Shrinks the tiles (area averaging, after {@link #zoom}) so that the whole figure, titles included, is at
     * most {@code maxSide} pixels wide and high; text keeps its size. 0 (the default) never shrinks.
     */
    public Mosaic fit(int maxSide) {
        if (maxSide != 0 && (maxSide < 64 || maxSide > 16384)) {
            throw new IllegalArgumentException("maxSide: expected 0 (no limit) or 64..16384, got " + maxSide);
        }
        Mosaic m = copy();
        m.maxSide = maxSide;
        return m;
    }

    /** A caption for an angle in degrees: {@code "45°"}, {@code "22.5°"}. */
    public static String angleLabel(double degrees) {
        double r = Math.rint(degrees * 10) / 10;
        return (r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r)) + "\u00b0";
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
        Mosaic m = copy();
        m.zoom = zoom;
        return m;
    }

    /** How values map to grey levels; see {@link Range}. */
    public Mosaic range(Range range) {
        if (range == null) {
            throw new IllegalArgumentException("range: expected a Mosaic.Range, got null");
        }
        Mosaic m = copy();
        m.range = range;
        return m;
    }

    /** Pixels between tiles (default 4) and the background grey (default 1, white). */
    public Mosaic gap(int gap, double background) {
        if (gap < 0 || gap > 256) {
            throw new IllegalArgumentException("gap: expected 0..256, got " + gap);
        }
        Mosaic m = copy();
        m.gap = gap;
        m.background = background;
        return m;
    }

    /** The title, drawn above the tiles (wrapped to the figure's width) and used as the text form. */
    public Mosaic title(String title) {
        Mosaic m = copy();
        m.title = title == null ? null : title.replace('\n', ' ');
        return m;
    }

    private static final java.awt.Font CAPTION_FONT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);
    private static final java.awt.Font TITLE_FONT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14);
    private static final int LINE = 16;
    private static final java.awt.FontMetrics CAPTION_METRICS = metrics(CAPTION_FONT);
    private static final java.awt.FontMetrics TITLE_METRICS = metrics(TITLE_FONT);

    private static java.awt.FontMetrics metrics(java.awt.Font font) {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** The text broken at spaces into lines at most {@code width} px wide (a longer word keeps its line). */
    static List<String> wrap(String text, java.awt.FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The strings this figure draws into its picture: title, column titles, row titles, labels. */
    List<String> drawnText() {
        List<String> d = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            d.add(title);
        }
        for (List<String> l : List.of(columnTitles, rowTitles, labels)) {
            for (String s : l) {
                if (!s.isBlank()) {
                    d.add(s);
                }
            }
        }
        return d;
    }

    /** The tiled picture, values in 0..1, with its title, row and column titles and captions drawn in. */
    public Image image() {
        double extra = 1;
        Image out = render(extra);
        // text wraps differently once tiles shrink: shrink a little more until the figure fits
        for (int i = 0; i < 6 && maxSide > 0 && Math.max(out.width(), out.height()) > maxSide; i++) {
            extra *= 0.99 * maxSide / Math.max(out.width(), out.height());
            out = render(extra);
        }
        return out;
    }

    private Image render(double extra) {
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
        boolean anyRowTitle = rowTitles.stream().anyMatch(t -> !t.isBlank());
        int left = 0;
        if (anyRowTitle) {
            for (String t : rowTitles) {
                for (String l : wrap(t, CAPTION_METRICS, 150)) {
                    left = Math.max(left, CAPTION_METRICS.stringWidth(l));
                }
            }
            left += 12;
        }
        // tile sizes after zoom, then the shrink factor that fits the figure into maxSide
        int rawW = 0;
        int rawH = 0;
        for (List<Image> row : rows) {
            int w = 0;
            int h = 0;
            for (Image im : row) {
                w += im.width() * zoom + gap;
                h = Math.max(h, im.height() * zoom);
            }
            rawW = Math.max(rawW, w - gap);
            rawH += h + gap;
        }
        double s = 1;
        if (maxSide > 0) {
            int textH = (title == null ? 0 : 2 * LINE) + (columnTitles.isEmpty() ? 0 : LINE + 6)
                    + (labels.isEmpty() ? 0 : rows.size() * (LINE + 6));
            int most = 0;
            for (List<Image> row : rows) {
                most = Math.max(most, row.size());
            }
            int gw = gap * (most - 1);
            int gh = gap * rows.size();
            s = Math.min(1, Math.min((maxSide - left - gw - 2 * most) / (double) (rawW - gw),
                    (maxSide - textH - gh - 2 * rows.size()) / (double) (rawH - gh)));
            s = Math.max(s * extra, 0.05);
        }
        List<List<Image>> shown = new ArrayList<>();
        for (List<Image> row : rows) {
            List<Image> r = new ArrayList<>();
            for (Image im : row) {
                Image t = mapped(im, lo, hi, sharedScale);
                if (zoom > 1) {
                    t = t.zoom(zoom);
                }
                if (s < 1) {
                    t = resized(t, Math.max(1, (int) Math.round(t.width() * s)), Math.max(1, (int) Math.round(t.height() * s)));
                }
                r.add(t);
            }
            shown.add(r);
        }
        int contentW = 0;
        for (List<Image> row : shown) {
            int w = 0;
            for (Image t : row) {
                w += t.width() + gap;
            }
            contentW = Math.max(contentW, w - gap);
        }
        int totalW = left + contentW;
        // captions wrapped to their tile, column titles to theirs, the title to the whole width
        List<List<String>> captionLines = new ArrayList<>();
        int[] captionH = new int[shown.size()];
        int k = 0;
        for (int r = 0; r < shown.size(); r++) {
            int most = 0;
            for (Image t : shown.get(r)) {
                List<String> lines = k < labels.size() ? wrap(labels.get(k), CAPTION_METRICS, Math.max(t.width(), 24)) : List.of();
                captionLines.add(lines);
                most = Math.max(most, lines.size());
                k++;
            }
            captionH[r] = labels.isEmpty() ? 0 : Math.max(1, most) * LINE + 4;
        }
        List<List<String>> colLines = new ArrayList<>();
        int colH = 0;
        for (int c = 0; c < columnTitles.size(); c++) {
            List<String> lines = wrap(columnTitles.get(c), CAPTION_METRICS, Math.max(shown.get(0).get(c).width(), 60));
            colLines.add(lines);
            colH = Math.max(colH, lines.size() * LINE + 4);
        }
        List<String> titleLines = wrap(title, TITLE_METRICS, Math.max(totalW - 8, 200));
        int titleW = 0;
        for (String l : titleLines) {
            titleW = Math.max(titleW, TITLE_METRICS.stringWidth(l) + 8);
        }
        totalW = Math.max(totalW, titleW);
        int top = (titleLines.isEmpty() ? 0 : titleLines.size() * (LINE + 2) + 6) + colH;
        int totalH = top;
        for (int r = 0; r < shown.size(); r++) {
            int h = 0;
            for (Image t : shown.get(r)) {
                h = Math.max(h, t.height());
            }
            totalH += h + captionH[r] + gap;
        }
        totalH -= gap;
        Image out = Image.filled(totalW, totalH, channels, background);
        List<int[]> places = new ArrayList<>();
        List<int[]> rowBands = new ArrayList<>();
        int y0 = top;
        for (int r = 0; r < shown.size(); r++) {
            int x0 = left;
            int h = 0;
            for (Image t : shown.get(r)) {
                paste(out, t, x0, y0);
                places.add(new int[] {x0, y0, t.width(), t.height()});
                x0 += t.width() + gap;
                h = Math.max(h, t.height());
            }
            rowBands.add(new int[] {y0, h});
            y0 += h + captionH[r] + gap;
        }
        if (drawnText().isEmpty() && !borders) {
            return out;
        }
        java.awt.image.BufferedImage bi = out.toBufferedImage();
        java.awt.Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            java.awt.Color ink = background > 0.5 ? java.awt.Color.BLACK : java.awt.Color.WHITE;
            if (borders) {
                g.setColor(background > 0.5 ? new java.awt.Color(90, 90, 90) : new java.awt.Color(200, 200, 200));
                for (int[] p : places) {
                    int o = gap >= 2 ? 1 : 0;
                    g.drawRect(p[0] - o, p[1] - o, p[2] - 1 + 2 * o, p[3] - 1 + 2 * o);
                }
            }
            g.setColor(ink);
            g.setFont(TITLE_FONT);
            int ty = LINE;
            for (String l : titleLines) {
                g.drawString(l, 4, ty);
                ty += LINE + 2;
            }
            g.setFont(CAPTION_FONT);
            for (int c = 0; c < colLines.size(); c++) {
                int[] p = places.get(c);
                int ly = top - colH + LINE - 2;
                for (String l : colLines.get(c)) {
                    int tw = CAPTION_METRICS.stringWidth(l);
                    g.drawString(l, p[0] + Math.max(0, (p[2] - tw) / 2), ly);
                    ly += LINE;
                }
            }
            for (int r = 0; r < rowTitles.size(); r++) {
                List<String> lines = wrap(rowTitles.get(r), CAPTION_METRICS, 150);
                int[] band = rowBands.get(r);
                int ly = band[0] + Math.max(LINE, (band[1] - lines.size() * LINE) / 2 + LINE - 3);
                for (String l : lines) {
                    g.drawString(l, 4, ly);
                    ly += LINE;
                }
            }
            for (int i = 0; i < places.size(); i++) {
                int[] p = places.get(i);
                int ly = p[1] + p[3] + LINE - 2;
                for (String l : captionLines.get(i)) {
                    int tw = CAPTION_METRICS.stringWidth(l);
                    int x = p[0] + (p[2] - tw) / 2;
                    x = Math.max(0, Math.min(x, totalW - tw));
                    g.drawString(l, x, ly);
                    ly += LINE;
                }
            }
        } finally {
            g.dispose();
        }
        Image drawn = Image.fromBufferedImage(bi);
        return drawn.channels() > out.channels() ? drawn.grey() : drawn;
    }

    /** Area-averaging resize (each output pixel the mean of the input area it covers). */
    static Image resized(Image im, int nw, int nh) {
        float[][] planes = new float[im.channels()][];
        for (int c = 0; c < im.channels(); c++) {
            float[] rowsDone = new float[nw * im.height()];
            float[] p = im.plane(c);
            for (int y = 0; y < im.height(); y++) {
                resample1d(p, y * im.width(), 1, im.width(), rowsDone, y * nw, 1, nw);
            }
            float[] outP = new float[nw * nh];
            for (int x = 0; x < nw; x++) {
                resample1d(rowsDone, x, nw, im.height(), outP, x, nw, nh);
            }
            planes[c] = outP;
        }
        return Image.of(nw, nh, planes);
    }

    private static void resample1d(float[] src, int s0, int ss, int n, float[] dst, int d0, int ds, int m) {
        double r = n / (double) m;
        for (int i = 0; i < m; i++) {
            double a = i * r;
            double b = (i + 1) * r;
            double sum = 0;
            for (int j = (int) Math.floor(a); j < Math.min(n, (int) Math.ceil(b)); j++) {
                double w = Math.min(b, j + 1) - Math.max(a, j);
                sum += w * src[s0 + j * ss];
            }
            dst[d0 + i * ds] = (float) (sum / r);
        }
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

    /**
     * The picture, with the strings it draws recorded in the PNG; the text form is those strings (title
     * first), or {@link #toString()} when nothing is drawn.
     */
    @Override
    public MimeBundle mimeBundle() {
        byte[] png = image().toPng();
        List<String> drawn = drawnText();
        int n = tiles();
        if (drawn.isEmpty() && n == 1) {
            return MimeBundle.png(png, toString());
        }
        return MimeBundle.figure(png, drawn.isEmpty() ? toString() : String.join("\n", drawn), drawn, n);
    }

    @Override
    public String toString() {
        int n = rows.stream().mapToInt(List::size).sum();
        return title != null ? title
                : String.format(Locale.ROOT, "Mosaic of %d tile(s) in %d row(s), zoom %d, range %s", n, rows.size(),
                        zoom, range);
    }
}
