package visionlab.nn;

/**
 * Float32 matrix products for training, on matrices stored as arrays of rows. The inner loops run over
 * contiguous rows of C and B with {@code Math.fma}, four rows of B per pass (so each C element is loaded
 * and stored once per four multiply-adds); HotSpot's C2 compiles them to SIMD FMA instructions. Results
 * do not depend on how callers split the row range (every C element is summed in the same order).
 */
final class Gemm {

    private Gemm() {
    }

    /**
     * C[i][0..n) += sum_{p<k} A[i][p] B[p][0..n) for i in [i0, i1). Zeros of A are skipped: the positions
     * of the non-zero A[i][p] are gathered into {@code nz[i]} (their number into {@code count[i]}, kept for
     * {@link #mulTransA}) and taken four at a time.
     */
    static void mulAdd(float[][] c, int i0, int i1, float[][] a, float[][] b, int k, int n, int[][] nz, int[] count) {
        gather(a, i0, i1, k, nz, count);
        mulAddGathered(c, i0, i1, a, b, n, nz, count);
    }

    /** The positions p &lt; k of the non-zero A[i][p] into {@code nz[i]}, their number into {@code count[i]}. */
    static void gather(float[][] a, int i0, int i1, int k, int[][] nz, int[] count) {
        for (int i = i0; i < i1; i++) {
            float[] ai = a[i];
            int[] nzi = nz[i];
            int cnt = 0;
            for (int p = 0; p < k; p++) {
                nzi[cnt] = p; // branch-free gather of the non-zero positions
                cnt += ai[p] != 0 ? 1 : 0;
            }
            count[i] = cnt;
        }
    }

    /** {@link #mulAdd} with the non-zero positions of A already gathered by {@link #gather}. */
    static void mulAddGathered(float[][] c, int i0, int i1, float[][] a, float[][] b, int n, int[][] nz, int[] count) {
        for (int i = i0; i < i1; i++) {
            float[] ci = c[i];
            float[] ai = a[i];
            int[] nzi = nz[i];
            int cnt = count[i];
            int q = 0;
            for (; q + 4 <= cnt; q += 4) {
                int p0 = nzi[q];
                int p1 = nzi[q + 1];
                int p2 = nzi[q + 2];
                int p3 = nzi[q + 3];
                row4(ci, b[p0], b[p1], b[p2], b[p3], ai[p0], ai[p1], ai[p2], ai[p3], n);
            }
            for (; q < cnt; q++) {
                row1(ci, b[nzi[q]], ai[nzi[q]], n);
            }
        }
    }

    /**
     * C[i][0..n) = sum_p A[p][i] B[p][0..n) for i in [i0, i1) (C = A^T B, overwriting C), summing only over
     * the rows p listed in {@code rowsOf[i][0..count[i])} (ascending): those where A[p][i] is not zero.
     */
    static void mulTransA(float[][] c, int i0, int i1, float[][] a, float[][] b, int n, int[][] rowsOf, int[] count) {
        for (int i = i0; i < i1; i++) {
            float[] ci = c[i];
            int[] nz = rowsOf[i];
            int cnt = count[i];
            if (cnt < 4) {
                java.util.Arrays.fill(ci, 0, n, 0f);
                for (int q = 0; q < cnt; q++) {
                    row1(ci, b[nz[q]], a[nz[q]][i], n);
                }
                continue;
            }
            int p0 = nz[0];
            int p1 = nz[1];
            int p2 = nz[2];
            int p3 = nz[3];
            set4(ci, b[p0], b[p1], b[p2], b[p3], a[p0][i], a[p1][i], a[p2][i], a[p3][i], n);
            int q = 4;
            for (; q + 4 <= cnt; q += 4) {
                p0 = nz[q];
                p1 = nz[q + 1];
                p2 = nz[q + 2];
                p3 = nz[q + 3];
                row4(ci, b[p0], b[p1], b[p2], b[p3], a[p0][i], a[p1][i], a[p2][i], a[p3][i], n);
            }
            for (; q < cnt; q++) {
                row1(ci, b[nz[q]], a[nz[q]][i], n);
            }
        }
    }

    /** Inverts per-row lists of non-zero columns into per-column lists of rows (rows ascending). */
    static void columnsToRows(int[][] nz, int[] count, int rows, int[][] rowsOf, int[] colCount) {
        java.util.Arrays.fill(colCount, 0);
        for (int r = 0; r < rows; r++) {
            int[] nzr = nz[r];
            for (int q = 0, cnt = count[r]; q < cnt; q++) {
                int i = nzr[q];
                rowsOf[i][colCount[i]++] = r;
            }
        }
    }

    /** t[j][i] = a[i][j] for i &lt; rows, j &lt; cols. */
    static void transpose(float[][] a, int rows, int cols, float[][] t) {
        for (int i = 0; i < rows; i++) {
            float[] ai = a[i];
            for (int j = 0; j < cols; j++) {
                t[j][i] = ai[j];
            }
        }
    }

    private static void set4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, float a0, float a1,
            float a2, float a3, int n) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], a0 * b0[j])));
        }
    }

    private static void row4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, float a0, float a1,
            float a2, float a3, int n) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
        }
    }

    private static void row1(float[] c, float[] b0, float a0, int n) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a0, b0[j], c[j]);
        }
    }
}
