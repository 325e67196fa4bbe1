package visionlab.filter;

/**
 * Whole-row weighted sums, the vertical half of the separable resampling:
 * {@code dst = (add ? dst : 0) + sum_e w_e a_e}. Every array is indexed from 0 with the loop index only,
 * which is what lets the JIT vectorise these loops (rows of a big image are first copied into small row
 * buffers: with different offsets into possibly the same array it could not prove the loads independent).
 */
final class Rows {

    private Rows() {
    }

    /** {@code dst[x] = (add ? dst[x] : 0) + sum_{e < cnt} w[e] a[e][x]} for x in {@code 0..len-1}. */
    static void combine(float[][] a, float[] w, int cnt, float[] dst, boolean add, int len) {
        if (add) {
            switch (cnt) {
                case 2:
                    add2(a[0], a[1], w[0], w[1], dst, len);
                    return;
                case 3:
                    add3(a[0], a[1], a[2], w[0], w[1], w[2], dst, len);
                    return;
                default:
                    generic(a, w, cnt, dst, true, len);
                    return;
            }
        }
        switch (cnt) {
            case 2:
                set2(a[0], a[1], w[0], w[1], dst, len);
                return;
            case 3:
                set3(a[0], a[1], a[2], w[0], w[1], w[2], dst, len);
                return;
            case 5:
                set5(a[0], a[1], a[2], a[3], a[4], w[0], w[1], w[2], w[3], w[4], dst, len);
                return;
            default:
                generic(a, w, cnt, dst, false, len);
        }
    }

    private static void set2(float[] a0, float[] a1, float w0, float w1, float[] d, int len) {
        for (int x = 0; x < len; x++) {
            d[x] = w0 * a0[x] + w1 * a1[x];
        }
    }

    private static void set3(float[] a0, float[] a1, float[] a2, float w0, float w1, float w2, float[] d, int len) {
        for (int x = 0; x < len; x++) {
            d[x] = w0 * a0[x] + w1 * a1[x] + w2 * a2[x];
        }
    }

    private static void set5(float[] a0, float[] a1, float[] a2, float[] a3, float[] a4, float w0, float w1, float w2,
            float w3, float w4, float[] d, int len) {
        for (int x = 0; x < len; x++) {
            d[x] = w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x] + w4 * a4[x];
        }
    }

    private static void add2(float[] a0, float[] a1, float w0, float w1, float[] d, int len) {
        for (int x = 0; x < len; x++) {
            d[x] += w0 * a0[x] + w1 * a1[x];
        }
    }

    private static void add3(float[] a0, float[] a1, float[] a2, float w0, float w1, float w2, float[] d, int len) {
        for (int x = 0; x < len; x++) {
            d[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x];
        }
    }

    private static void generic(float[][] a, float[] w, int cnt, float[] d, boolean add, int len) {
        if (!add) {
            java.util.Arrays.fill(d, 0, len, 0f);
        }
        for (int e = 0; e < cnt; e++) {
            float[] ae = a[e];
            float we = w[e];
            for (int x = 0; x < len; x++) {
                d[x] += we * ae[x];
            }
        }
    }
}
