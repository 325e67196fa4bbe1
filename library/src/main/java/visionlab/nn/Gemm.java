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

    /** C[i][0..n) += sum_{p<k} A[i][p] B[p][0..n) for i in [i0, i1). Groups of four zeros in A are skipped. */
    static void mulAdd(float[][] c, int i0, int i1, float[][] a, float[][] b, int k, int n) {
        for (int i = i0; i < i1; i++) {
            float[] ci = c[i];
            float[] ai = a[i];
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                float a0 = ai[p];
                float a1 = ai[p + 1];
                float a2 = ai[p + 2];
                float a3 = ai[p + 3];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                    continue;
                }
                row4(ci, b[p], b[p + 1], b[p + 2], b[p + 3], a0, a1, a2, a3, n);
            }
            for (; p < k; p++) {
                row1(ci, b[p], ai[p], n);
            }
        }
    }

    /** C[i][0..n) += sum_{p<k} A[p][i] B[p][0..n) for i in [i0, i1) (C += A^T B). */
    static void mulAddTransA(float[][] c, int i0, int i1, float[][] a, float[][] b, int k, int n) {
        for (int i = i0; i < i1; i++) {
            float[] ci = c[i];
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                float a0 = a[p][i];
                float a1 = a[p + 1][i];
                float a2 = a[p + 2][i];
                float a3 = a[p + 3][i];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                    continue;
                }
                row4(ci, b[p], b[p + 1], b[p + 2], b[p + 3], a0, a1, a2, a3, n);
            }
            for (; p < k; p++) {
                row1(ci, b[p], a[p][i], n);
            }
        }
    }

    private static void row4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, float a0, float a1,
            float a2, float a3, int n) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
        }
    }

    private static void row1(float[] c, float[] b0, float a0, int n) {
        if (a0 == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a0, b0[j], c[j]);
        }
    }
}
