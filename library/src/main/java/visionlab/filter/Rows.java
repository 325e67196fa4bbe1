package visionlab.filter;

/**
 * Whole-row weighted sums, the vertical half of the separable resampling: {@code dst = base + sum_e w_e
 * row_e}. Unit-stride loops over several row arrays that the JIT vectorises.
 */
final class Rows {

    private Rows() {
    }

    /**
     * {@code dst[d + x] = (base == null ? 0 : base[b + x]) + sum_e w[e] a[e][off[e] + x]} for x in
     * {@code 0..len-1}, with {@code cnt} terms.
     */
    static void combine(float[][] a, int[] off, float[] w, int cnt, float[] base, int b, float[] dst, int d, int len) {
        if (base == null) {
            switch (cnt) {
                case 0:
                    java.util.Arrays.fill(dst, d, d + len, 0f);
                    return;
                case 1: {
                    float[] a0 = a[0];
                    int o0 = off[0];
                    float w0 = w[0];
                    for (int x = 0; x < len; x++) {
                        dst[d + x] = w0 * a0[o0 + x];
                    }
                    return;
                }
                case 2: {
                    float[] a0 = a[0], a1 = a[1];
                    int o0 = off[0], o1 = off[1];
                    float w0 = w[0], w1 = w[1];
                    for (int x = 0; x < len; x++) {
                        dst[d + x] = w0 * a0[o0 + x] + w1 * a1[o1 + x];
                    }
                    return;
                }
                case 3: {
                    float[] a0 = a[0], a1 = a[1], a2 = a[2];
                    int o0 = off[0], o1 = off[1], o2 = off[2];
                    float w0 = w[0], w1 = w[1], w2 = w[2];
                    for (int x = 0; x < len; x++) {
                        dst[d + x] = w0 * a0[o0 + x] + w1 * a1[o1 + x] + w2 * a2[o2 + x];
                    }
                    return;
                }
                case 5: {
                    float[] a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
                    int o0 = off[0], o1 = off[1], o2 = off[2], o3 = off[3], o4 = off[4];
                    float w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4];
                    for (int x = 0; x < len; x++) {
                        dst[d + x] = w0 * a0[o0 + x] + w1 * a1[o1 + x] + w2 * a2[o2 + x] + w3 * a3[o3 + x]
                                + w4 * a4[o4 + x];
                    }
                    return;
                }
                default:
                    generic(a, off, w, cnt, null, 0, dst, d, len);
                    return;
            }
        }
        switch (cnt) {
            case 2: {
                float[] a0 = a[0], a1 = a[1];
                int o0 = off[0], o1 = off[1];
                float w0 = w[0], w1 = w[1];
                for (int x = 0; x < len; x++) {
                    dst[d + x] = base[b + x] + (w0 * a0[o0 + x] + w1 * a1[o1 + x]);
                }
                return;
            }
            case 3: {
                float[] a0 = a[0], a1 = a[1], a2 = a[2];
                int o0 = off[0], o1 = off[1], o2 = off[2];
                float w0 = w[0], w1 = w[1], w2 = w[2];
                for (int x = 0; x < len; x++) {
                    dst[d + x] = base[b + x] + (w0 * a0[o0 + x] + w1 * a1[o1 + x] + w2 * a2[o2 + x]);
                }
                return;
            }
            default:
                generic(a, off, w, cnt, base, b, dst, d, len);
        }
    }

    private static void generic(float[][] a, int[] off, float[] w, int cnt, float[] base, int b, float[] dst, int d,
            int len) {
        // sum into a scratch row first so that dst may be one of the inputs or base
        float[] acc = new float[len];
        for (int e = 0; e < cnt; e++) {
            float[] ae = a[e];
            int oe = off[e];
            float we = w[e];
            for (int x = 0; x < len; x++) {
                acc[x] += we * ae[oe + x];
            }
        }
        if (base != null) {
            for (int x = 0; x < len; x++) {
                dst[d + x] = base[b + x] + acc[x];
            }
        } else {
            System.arraycopy(acc, 0, dst, d, len);
        }
    }
}
