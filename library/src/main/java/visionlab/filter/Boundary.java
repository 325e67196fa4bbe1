package visionlab.filter;

/**
 * How a filter reads samples outside a signal of length n (shown for a signal {@code a b c d}).
 * The default, {@link #REFLECT_101}, mirrors without repeating the edge sample, as OpenCV does.
 */
public enum Boundary {
    /** {@code ... c b | a b c d | c b ...}: mirror without repeating the edge (OpenCV's default). */
    REFLECT_101,
    /** {@code ... b a | a b c d | d c ...}: mirror repeating the edge sample. */
    REFLECT,
    /** {@code ... a a | a b c d | d d ...}: repeat the edge sample. */
    REPLICATE,
    /** {@code ... 0 0 | a b c d | 0 0 ...}: zeros outside (the lecture's matrices). */
    ZERO,
    /** {@code ... c d | a b c d | a b ...}: periodic. */
    WRAP;

    /**
     * The index inside {@code [0, n)} that position {@code i} reads, or {@code -1} for a zero sample
     * ({@link #ZERO} outside the signal). Works for any offset, also many periods away and for n = 1.
     */
    public int index(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case ZERO:
                return -1;
            case REPLICATE:
                return i < 0 ? 0 : n - 1;
            case WRAP:
                return Math.floorMod(i, n);
            case REFLECT: {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - 1 - m;
            }
            case REFLECT_101: {
                if (n == 1) {
                    return 0;
                }
                int period = 2 * n - 2;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            }
            default:
                throw new AssertionError(this);
        }
    }
}
