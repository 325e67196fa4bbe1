package visionlab.kernel;

/**
 * Functions a notebook cell calls directly (they are statically imported at start):
 * {@code String id = display(x);} shows {@code x} as a new output, {@code updateDisplay(id, y)} replaces it.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} (image, chart, table, Displayable, or its text) and returns the output's id. */
    public static String display(Object value) {
        return Session.current().display(value);
    }

    /** Replaces the output {@code id} (from {@link #display}) with {@code value}, in place. */
    public static void updateDisplay(String id, Object value) {
        Session.current().updateDisplay(id, value);
    }
}
