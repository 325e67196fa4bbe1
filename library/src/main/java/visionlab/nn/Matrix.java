package visionlab.nn;

import java.util.Arrays;
import java.util.Locale;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A dense double-precision matrix, row-major, used for the lecture's view of a network: a batch of B
 * inputs is a {@code [B x n]} matrix whose rows are the examples, so a layer output x_i is
 * {@code [B x n_i]} and a gradient dC/dx_i is a row vector per example ({@code [1 x n_i]} in the slides).
 * Values are copied in and out: a {@code Matrix} never changes.
 */
public final class Matrix implements Displayable {

    private final int rows;
    private final int cols;
    private final double[] data;

    Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix from rows (copied); all rows must have the same length. */
    public static Matrix of(double[]... rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows: expected at least one row, got none");
        }
        int c = rows[0] == null ? 0 : rows[0].length;
        if (c == 0) {
            throw new IllegalArgumentException("rows[0]: expected at least one value");
        }
        double[] d = new double[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != c) {
                throw new IllegalArgumentException("rows[" + i + "]: expected " + c + " values, got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Matrix(rows.length, c, d);
    }

    /** A {@code [rows x cols]} matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("shape: expected at least 1x1, got " + rows + "x" + cols);
        }
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** A matrix wrapping a copy of {@code values} (row-major). */
    public static Matrix of(int rows, int cols, double[] values) {
        if (rows < 1 || cols < 1 || values == null || values.length != rows * cols) {
            throw new IllegalArgumentException("values: expected " + rows + "x" + cols + " = " + (rows * cols)
                    + " values, got " + (values == null ? "null" : values.length));
        }
        return new Matrix(rows, cols, values.clone());
    }

    /** A single row {@code [1 x n]}. */
    public static Matrix row(double... values) {
        return of(new double[][] {values});
    }

    /** A single column {@code [n x 1]}. */
    public static Matrix column(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one value");
        }
        return new Matrix(values.length, 1, values.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The shape as the slides write it, e.g. {@code [4x2]}. */
    public String shape() {
        return "[" + rows + "x" + cols + "]";
    }

    public double get(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IllegalArgumentException("index: expected (0.." + (rows - 1) + ", 0.." + (cols - 1)
                    + "), got (" + r + ", " + c + ")");
        }
        return data[r * cols + c];
    }

    /** Row {@code r} as a new array. */
    public double[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** All values, row-major, as a new array. */
    public double[] toArray() {
        return data.clone();
    }

    /** Rows as new arrays. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** The live values (package use only). */
    double[] data() {
        return data;
    }

    /** The transpose {@code [cols x rows]}. */
    public Matrix transpose() {
        double[] t = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = data[r * cols + c];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /** The matrix product {@code this * other}. */
    public Matrix times(Matrix other) {
        if (other == null || other.rows != cols) {
            throw new IllegalArgumentException("other: expected " + cols + " rows, got "
                    + (other == null ? "null" : other.shape()));
        }
        double[] out = new double[rows * other.cols];
        for (int i = 0; i < rows; i++) {
            for (int p = 0; p < cols; p++) {
                double a = data[i * cols + p];
                for (int j = 0; j < other.cols; j++) {
                    out[i * other.cols + j] += a * other.data[p * other.cols + j];
                }
            }
        }
        return new Matrix(rows, other.cols, out);
    }

    /** Element-wise difference. */
    public Matrix minus(Matrix other) {
        requireSameShape(other, "other");
        double[] out = data.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= other.data[i];
        }
        return new Matrix(rows, cols, out);
    }

    /** Largest absolute value. */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    void requireSameShape(Matrix other, String name) {
        if (other == null || other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(name + ": expected shape " + shape() + ", got "
                    + (other == null ? "null" : other.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** The values as a small text block (at most 8 rows and 8 columns shown). */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < Math.min(rows, 8); r++) {
            sb.append(r == 0 ? "[" : " ");
            for (int c = 0; c < Math.min(cols, 8); c++) {
                sb.append(String.format(Locale.ROOT, "%10.4g", data[r * cols + c]));
            }
            if (cols > 8) {
                sb.append(" ...");
            }
            sb.append(r == rows - 1 ? "]" : "\n");
        }
        if (rows > 8) {
            sb.append(" ...]");
        }
        return sb.toString();
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.html("<pre>" + toString() + "\n" + format() + "</pre>", toString() + "\n" + format());
    }

    @Override
    public String toString() {
        return "Matrix " + shape();
    }
}
