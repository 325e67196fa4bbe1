package visionlab.kernel;

/** Where a running cell's outputs go (the Jupyter adapter, or a recorder in tests). */
interface Frontend {

    /** Text on {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /** A rich output; {@code update} replaces the output shown earlier under {@code displayId}. */
    void display(Rendered output, String displayId, boolean update);
}
