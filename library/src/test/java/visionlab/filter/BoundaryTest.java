package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoundaryTest {

    private static int[] around(Boundary b, int n, int from, int to) {
        int[] r = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            r[i - from] = b.index(i, n);
        }
        return r;
    }

    @Test
    void eachModeReadsTheDocumentedSamples() {
        // a b c d at 0..3; positions -3..6
        assertArrayEquals(new int[] {3, 2, 1, 0, 1, 2, 3, 2, 1, 0}, around(Boundary.REFLECT_101, 4, -3, 6));
        assertArrayEquals(new int[] {2, 1, 0, 0, 1, 2, 3, 3, 2, 1}, around(Boundary.REFLECT, 4, -3, 6));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2, 3, 3, 3, 3}, around(Boundary.REPLICATE, 4, -3, 6));
        assertArrayEquals(new int[] {-1, -1, -1, 0, 1, 2, 3, -1, -1, -1}, around(Boundary.ZERO, 4, -3, 6));
        assertArrayEquals(new int[] {1, 2, 3, 0, 1, 2, 3, 0, 1, 2}, around(Boundary.WRAP, 4, -3, 6));
    }

    @Test
    void lengthOneSignalsAlwaysReadTheirOnlySample() {
        for (Boundary b : Boundary.values()) {
            for (int i = -5; i <= 5; i++) {
                int expected = (b == Boundary.ZERO && i != 0) ? -1 : 0;
                assertEquals(expected, b.index(i, 1), b + " at " + i);
            }
        }
    }

    @Test
    void farOffsetsStayInsideTheSignal() {
        for (Boundary b : Boundary.values()) {
            for (int n = 1; n < 7; n++) {
                for (int i = -40; i < 40; i++) {
                    int k = b.index(i, n);
                    if (b == Boundary.ZERO && (i < 0 || i >= n)) {
                        assertEquals(-1, k);
                    } else {
                        assertEquals(true, k >= 0 && k < n, b + " n=" + n + " i=" + i + " -> " + k);
                    }
                }
            }
        }
    }
}
