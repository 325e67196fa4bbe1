package visionlab.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A small dense matrix of doubles, immutable: the lecture's operators G (blur and downsample), F (upsample
 * and blur) and the 1-d Laplacian pyramid matrix. Prints its entries when small and draws itself as a
 * picture (0 mid grey, positive light, negative dark), with gaps between its row blocks.
 */
public final class OperatorMatrix implements Displayable {

    private final double[][] a;
    private final int cols;
    /** First row of each row block (for the picture), starting with 0. */
    private final int[] blocks;
    private final String name;
    /** A name per row block for the picture, or null. */
    private final List<String> blockNames;

    private OperatorMatrix(double[][] a, int cols, int[] blocks, String name) {
        this(a, cols, blocks, name, null);
    }

    private OperatorMatrix(double[][] a, int cols, int[] blocks, String name, List<String> blockNames) {
        this.a = a;
        this.cols = cols;
        this.blocks = blocks;
        this.name = name;
        this.blockNames = blockNames;
    }

    /**
     * This matrix with a name for each of its row blocks (as {@link #stack} made them), written beside the
     * blocks in the picture: {@code "L1 = (I - F1 G1) x1"}.
     */
    public OperatorMatrix blockNames(String... names) {
        if (names == null || names.length != blocks.length) {
            throw new IllegalArgumentException("names: expected " + blocks.length + " (one per row block), got "
                    + (names == null ? "null" : names.length));
        }
        return new OperatorMatrix(a, cols, blocks, name, List.of(names));
    }

    /** The matrix with these rows (copied; rectangular, finite, at least 1 x 1). */
    public static OperatorMatrix of(double[][] rows) {
        if (rows == null || rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException("rows: expected a non-empty rectangular array, got "
                    + (rows == null ? "null" : "an empty array"));
        }
        int n = rows[0].length;
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != n) {
                throw new IllegalArgumentException("rows[" + i + "]: expected " + n + " values like row 0, got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("rows[" + i + "]: expected finite values, got " + v);
                }
            }
            c[i] = rows[i].clone();
        }
        return new OperatorMatrix(c, n, new int[] {0}, null);
    }

    static OperatorMatrix wrap(double[][] a, String name) {
        return new OperatorMatrix(a, a[0].length, new int[] {0}, name);
    }

    /** The n x n identity. */
    public static OperatorMatrix identity(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected >= 1, got " + n);
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return new OperatorMatrix(a, n, new int[] {0}, "I");
    }

    /** The matrices' rows stacked top to bottom (equal column counts); the picture separates the blocks. */
    public static OperatorMatrix stack(List<OperatorMatrix> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts: expected at least one matrix");
        }
        int n = parts.get(0).cols;
        List<double[]> rows = new ArrayList<>();
        int[] blocks = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            OperatorMatrix m = parts.get(i);
            if (m == null || m.cols != n) {
                throw new IllegalArgumentException("parts[" + i + "]: expected " + n + " columns, got "
                        + (m == null ? "null" : m.cols));
            }
            blocks[i] = rows.size();
            for (double[] r : m.a) {
                rows.add(r.clone());
            }
        }
        return new OperatorMatrix(rows.toArray(new double[0][]), n, blocks, null);
    }

    /** This matrix with a name shown in its text form. */
    public OperatorMatrix named(String name) {
        return new OperatorMatrix(a, cols, blocks, name, blockNames);
    }

    /** Number of rows. */
    public int rows() {
        return a.length;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Entry (row i, column j). */
    public double get(int i, int j) {
        if (i < 0 || i >= a.length || j < 0 || j >= cols) {
            throw new IllegalArgumentException("(i, j): expected 0 <= i < " + a.length + " and 0 <= j < " + cols
                    + ", got (" + i + ", " + j + ")");
        }
        return a[i][j];
    }

    /** The entries as a fresh array {@code [rows][cols]}. */
    public double[][] toArray() {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The matrix-vector product {@code M v}. */
    public double[] times(double[] v) {
        if (v == null || v.length != cols) {
            throw new IllegalArgumentException("v: expected " + cols + " values, got " + (v == null ? "null" : v.length));
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** The product {@code this * m}. */
    public OperatorMatrix times(OperatorMatrix m) {
        if (m == null || m.a.length != cols) {
            throw new IllegalArgumentException("m: expected " + cols + " rows, got " + (m == null ? "null" : m.a.length));
        }
        double[][] out = new double[a.length][m.cols];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < cols; k++) {
                double v = a[i][k];
                if (v != 0) {
                    for (int j = 0; j < m.cols; j++) {
                        out[i][j] += v * m.a[k][j];
                    }
                }
            }
        }
        return new OperatorMatrix(out, m.cols, new int[] {0}, null);
    }

    /** Every entry times {@code k}. */
    public OperatorMatrix times(double k) {
        double[][] out = toArray();
        for (double[] r : out) {
            for (int j = 0; j < r.length; j++) {
                r[j] *= k;
            }
        }
        return new OperatorMatrix(out, cols, blocks, null);
    }

    /** {@code this - m} (same shape). */
    public OperatorMatrix minus(OperatorMatrix m) {
        if (m == null || m.a.length != a.length || m.cols != cols) {
            throw new IllegalArgumentException("m: expected " + a.length + "x" + cols + ", got "
                    + (m == null ? "null" : m.a.length + "x" + m.cols));
        }
        double[][] out = toArray();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] -= m.a[i][j];
            }
        }
        return new OperatorMatrix(out, cols, new int[] {0}, null);
    }

    /** The entries as a grey image (one pixel per entry, raw values). */
    public Image toImage() {
        return block(0, a.length);
    }

    private Image block(int from, int to) {
        Image im = Image.zeros(cols, to - from);
        float[] p = im.plane(0);
        for (int i = from; i < to; i++) {
            for (int j = 0; j < cols; j++) {
                p[(i - from) * cols + j] = (float) a[i][j];
            }
        }
        return im;
    }

    private boolean nonNegative() {
        for (double[] r : a) {
            for (double v : r) {
                if (v < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private double maxAbs() {
        double m = 0;
        for (double[] r : a) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /**
     * The picture: a non-negative matrix with 0 white and its largest entry black; a signed one with 0 mid
     * grey, each row block stretched to its own largest |entry| (so coarse blocks stay visible). Each entry
     * a square of a few pixels, gaps between blocks, the blocks' names (if given) at their left.
     */
    public Mosaic picture() {
        boolean positive = nonNegative();
        double m = maxAbs();
        List<List<Image>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int b = 0; b < blocks.length; b++) {
            int to = b + 1 < blocks.length ? blocks[b + 1] : a.length;
            if (to > blocks[b]) {
                Image im = block(blocks[b], to);
                if (positive) {
                    im = m > 0 ? im.map(v -> 1 - v / m) : im.map(v -> 1);
                } else {
                    im = Mosaic.row(im).range(Mosaic.Range.AROUND_ZERO).image();
                }
                rows.add(List.of(im));
                names.add(blockNames == null ? "" : blockNames.get(b)
                        + String.format(Locale.ROOT, ", rows %d-%d", blocks[b] + 1, to));
            }
        }
        int side = Math.max(a.length, cols);
        int zoom = Math.max(1, Math.min(48, 600 / side));
        Mosaic p = Mosaic.grid(rows).range(Mosaic.Range.NONE).zoom(zoom).gap(blocks.length > 1 ? 6 : 0, 1.0)
                .borders(true).title(header() + (positive ? " (0 white)" : " (0 mid grey, each block to its own scale)"));
        return blockNames == null ? p : p.rowTitles(names.toArray(new String[0]));
    }

    /**
     * Up to 16 x 16: the entries printed in their cells (0 white, the largest entry black for non-negative
     * matrices; blue positive and red negative otherwise); larger: {@link #picture()}.
     */
    @Override
    public MimeBundle mimeBundle() {
        if (a.length > 16 || cols > 16) {
            return picture().mimeBundle();
        }
        String[][] s = entries();
        java.awt.FontMetrics fm = metrics();
        int widest = 0;
        for (String[] r : s) {
            for (String e : r) {
                widest = Math.max(widest, fm.stringWidth(e));
            }
        }
        int cell = Math.max(26, widest + 10);
        String head = header();
        int top = 26;
        int w = Math.max(cols * cell + 2, fm.stringWidth(head) + 8);
        int h = top + a.length * cell + 2;
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = bi.createGraphics();
        List<String> drawn = new ArrayList<>();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setFont(FONT);
            g.setColor(java.awt.Color.BLACK);
            g.drawString(head, 4, 18);
            drawn.add(head);
            boolean positive = nonNegative();
            double m = maxAbs();
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = m > 0 ? a[i][j] / m : 0;
                    float t = (float) Math.min(1, Math.abs(v));
                    java.awt.Color fill = positive ? grey(1 - 0.75f * t)
                            : v >= 0 ? new java.awt.Color(1 - 0.7f * t, 1 - 0.45f * t, 1f) : new java.awt.Color(1f, 1 - 0.6f * t, 1 - 0.6f * t);
                    int x = 1 + j * cell;
                    int y = top + i * cell;
                    g.setColor(fill);
                    g.fillRect(x, y, cell, cell);
                    g.setColor(new java.awt.Color(170, 170, 170));
                    g.drawRect(x, y, cell, cell);
                    g.setColor(t > 0.6 && positive ? java.awt.Color.WHITE : java.awt.Color.BLACK);
                    g.drawString(s[i][j], x + (cell - fm.stringWidth(s[i][j])) / 2, y + cell / 2 + 5);
                }
                drawn.add(String.join(" ", s[i]));
            }
        } finally {
            g.dispose();
        }
        byte[] png = Image.fromBufferedImage(bi).toPng();
        return MimeBundle.figure(png, format(), drawn, 1);
    }

    private static final java.awt.Font FONT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);

    private static java.awt.Color grey(float v) {
        return new java.awt.Color(v, v, v);
    }

    private static java.awt.FontMetrics metrics() {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = bi.createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }

    private String[][] entries() {
        String[][] s = new String[a.length][cols];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                s[i][j] = entry(a[i][j]);
            }
        }
        return s;
    }

    private String header() {
        return (name != null ? name + ": " : "") + "Matrix " + a.length + "x" + cols;
    }

    private String entry(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** The entries as an aligned table, one line per row (matrices up to 16 x 16; otherwise the size). */
    public String format() {
        if (a.length > 16 || cols > 16) {
            return header();
        }
        StringBuilder sb = new StringBuilder(header());
        String[][] s = entries();
        int width = 1;
        for (String[] r : s) {
            for (String e : r) {
                width = Math.max(width, e.length());
            }
        }
        for (String[] r : s) {
            sb.append('\n');
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "  " : " ").append(" ".repeat(width - r[j].length())).append(r[j]);
            }
        }
        return sb.toString();
    }

    /** One line: the size, and for matrices up to 16 x 16 the rows, {@code "Matrix 2x2 [1 0; 0 1]"}. */
    @Override
    public String toString() {
        if (a.length > 16 || cols > 16) {
            return header();
        }
        StringBuilder sb = new StringBuilder(header()).append(" [");
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? (i == 0 ? "" : "; ") : " ").append(entry(a[i][j]));
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperatorMatrix m && Arrays.deepEquals(a, m.a);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a);
    }
}
