package visionlab.texture;

/**
 * The ranking of float samples: {@code order(v)[k]} is the index of the k-th smallest value, ties in index
 * order. A stable least-significant-digit radix sort on the order-preserving integer image of the float bits
 * (three passes of 11, 11 and 10 bits), several times faster than a comparison sort of (value, index) pairs.
 */
final class Ranks {

    private Ranks() {
    }

    /** The unsigned-order key of v: {@code a < b} as floats iff {@code key(a) < key(b)} as unsigned ints. */
    static int key(float v) {
        int b = Float.floatToIntBits(v);
        return b ^ ((b >> 31) | 0x80000000);
    }

    /** Indices of {@code v} sorted by value (stable). */
    static int[] order(float[] v) {
        int n = v.length;
        int[] keys = new int[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(v[i]);
            idx[i] = i;
        }
        int[] keys2 = new int[n];
        int[] idx2 = new int[n];
        int[] count = new int[2048];
        int shift = 0;
        for (int pass = 0; pass < 3; pass++) {
            int bits = pass < 2 ? 11 : 10;
            int mask = (1 << bits) - 1;
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(keys[i] >>> shift) & mask]++;
            }
            int sum = 0;
            for (int d = 0; d <= mask; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (keys[i] >>> shift) & mask;
                int p = count[d]++;
                keys2[p] = keys[i];
                idx2[p] = idx[i];
            }
            int[] t = keys;
            keys = keys2;
            keys2 = t;
            t = idx;
            idx = idx2;
            idx2 = t;
            shift += bits;
        }
        return idx;
    }
}
