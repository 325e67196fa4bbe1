package visionlab.show;

/** One output shown by {@link Show#show}; {@link #update} replaces it in place (in Jupyter). */
public interface Handle {

    /** Replaces what this handle shows with {@code value} (any object; {@link Displayable}s show their picture). */
    void update(Object value);

    /** An identifier for the output (the Jupyter display id, or a file path for the console backend). */
    String id();
}
