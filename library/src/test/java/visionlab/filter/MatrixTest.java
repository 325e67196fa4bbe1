package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static visionlab.filter.TestData.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import visionlab.image.Image;

class MatrixTest {

    @Test
    void productsFollowTheDefinition() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, 1}, {2, -1}});
        Matrix ab = a.times(b);
        assertArrayEquals(new double[] {7, -1}, ab.toArray()[0], 0);
        assertArrayEquals(new double[] {16, -1}, ab.toArray()[1], 0);
        assertArrayEquals(new double[] {14, 32}, a.times(new double[] {1, 2, 3}), 0);
        assertEquals(a, a.times(Matrix.identity(3)));
        assertEquals(0.0, a.minus(a).times(5).get(1, 2), 0);
    }

    @Test
    void stackKeepsRowsInOrderAndThePictureSeparatesTheBlocks() {
        Matrix s = Matrix.stack(List.of(Matrix.identity(2), Matrix.of(new double[][] {{3, -3}})));
        assertEquals(3, s.rows());
        assertEquals(-3, s.get(2, 1), 0);
        Image pic = s.picture().image();
        // two blocks of 2 and 1 rows, zoomed, with a 3 px gap
        int zoom = pic.width() / 2;
        assertEquals(3 * zoom + 3, pic.height());
        assertTrue(s.mimeBundle().hasPng());
        assertEquals(s.toImage().get(1, 2), -3f);
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        Matrix a = Matrix.identity(2);
        assertMessage("rows", () -> Matrix.of(null));
        assertMessage("rows", () -> Matrix.of(new double[0][]));
        assertMessage("n: expected >= 1", () -> Matrix.identity(0));
        assertMessage("(i, j)", () -> a.get(2, 0));
        assertMessage("m: expected 2 rows", () -> a.times(Matrix.identity(3)));
        assertMessage("m: expected 2x2", () -> a.minus(Matrix.identity(3)));
        assertMessage("v: expected 2", () -> a.times((double[]) null));
        assertMessage("parts", () -> Matrix.stack(List.of()));
        assertMessage("parts[1]: expected 2 columns", () -> Matrix.stack(List.of(a, Matrix.identity(3))));
    }
}
