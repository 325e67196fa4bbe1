package visionlab.kernel;

/**
 * Functions a notebook cell calls directly (they are statically imported at start):
 * {@code String id = display(x);} shows {@code x} as a new output, {@code updateDisplay(id, y)} replaces it.
 * They run in the executor JVM, beside the values: the value is rendered there and its MIME bundle is sent
 * to the kernel at once, also while the cell still runs.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} (image, chart, table, Displayable, or its text) and returns the output's id. */
    public static String display(Object value) {
        return ExecutorOutput.current().display(value);
    }

    /** Replaces the output {@code id} (from {@link #display}) with {@code value}, in place. */
    public static void updateDisplay(String id, Object value) {
        ExecutorOutput.current().update(id, value);
    }
}
