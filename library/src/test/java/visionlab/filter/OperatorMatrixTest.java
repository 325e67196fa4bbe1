package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class OperatorMatrixTest {

    @Test
    void productsFollowTheDefinition() {
        OperatorMatrix a = OperatorMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        OperatorMatrix b = OperatorMatrix.of(new double[][] {{1, 0}, {0, 1}, {2, -1}});
        OperatorMatrix ab = a.times(b);
        assertArrayEquals(new double[] {7, -1}, ab.toArray()[0], 0);
        assertArrayEquals(new double[] {16, -1}, ab.toArray()[1], 0);
        assertArrayEquals(new double[] {14, 32}, a.times(new double[] {1, 2, 3}), 0);
        assertEquals(a, a.times(OperatorMatrix.identity(3)));
        assertEquals(0.0, a.minus(a).times(5).get(1, 2), 0);
    }

    @Test
    void stackKeepsRowsInOrderAndThePictureSeparatesTheBlocks() {
        OperatorMatrix s = OperatorMatrix.stack(List.of(OperatorMatrix.identity(2), OperatorMatrix.of(new double[][] {{3, -3}})));
        assertEquals(3, s.rows());
        assertEquals(-3, s.get(2, 1), 0);
        Image pic = s.picture().image();
        // from the bottom up, rows across the tiles: the 1-row block (zoom px and the 1 px frame above it), a
        // white gap, the 2-row block in its frame; the title sits above
        int zoom = 48;
        int y = pic.height() - 1;
        int[] runs = new int[3];
        for (int r = 0; r < 3; r++) {
            boolean white = r == 1;
            while (y >= 0 && allWhite(pic, y, 2 * zoom) == white) {
                runs[r]++;
                y--;
            }
        }
        assertEquals(zoom + 1, runs[0], "the last block, one row");
        assertEquals(4, runs[1], "the gap between the blocks (6 px less the two frames)");
        assertEquals(2 * zoom + 2, runs[2], "the first block, two rows");
        assertTrue(s.mimeBundle().hasPng());
        assertEquals(s.toImage().get(1, 2), -3f);
    }

    private static boolean allWhite(Image im, int y, int width) {
        for (int x = 0; x < width; x++) {
            if (im.get(x, y) < 0.99f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        OperatorMatrix a = OperatorMatrix.identity(2);
        assertMessage("rows", () -> OperatorMatrix.of(null));
        assertMessage("rows", () -> OperatorMatrix.of(new double[0][]));
        assertMessage("n: expected >= 1", () -> OperatorMatrix.identity(0));
        assertMessage("(i, j)", () -> a.get(2, 0));
        assertMessage("m: expected 2 rows", () -> a.times(OperatorMatrix.identity(3)));
        assertMessage("m: expected 2x2", () -> a.minus(OperatorMatrix.identity(3)));
        assertMessage("v: expected 2", () -> a.times((double[]) null));
        assertMessage("parts", () -> OperatorMatrix.stack(List.of()));
        assertMessage("parts[1]: expected 2 columns", () -> OperatorMatrix.stack(List.of(a, OperatorMatrix.identity(3))));
    }
}
