package visionlab.show;

/**
 * Where {@link Show#show} sends values. The library ships {@link ConsoleBackend}; the Jupyter kernel
 * installs its own with {@link Show#setBackend} so library code updates notebook outputs without knowing
 * about Jupyter.
 */
public interface ShowBackend {

    /** Shows {@code value} and returns a handle to update it. */
    Handle show(Object value);

    /** True when outputs are seen live (a notebook); the console backend returns false. */
    default boolean isInteractive() {
        return false;
    }
}
