package visionlab.filter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.function.Executable;
import visionlab.image.Image;

/** Shared helpers for the filter, pyramid and blend tests. */
public final class TestData {

    private TestData() {
    }

    /** Uniform random samples in [-1, 1), reproducible from the seed. */
    public static Image random(int w, int h, int c, long seed) {
        Random r = new Random(seed);
        Image im = Image.zeros(w, h, c);
        for (int k = 0; k < c; k++) {
            float[] p = im.plane(k);
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextFloat() * 2 - 1;
            }
        }
        return im;
    }

    /** Asserts an IllegalArgumentException whose message starts with {@code start} (the argument name). */
    public static void assertMessage(String start, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(start), "message: " + ex.getMessage());
    }
}
