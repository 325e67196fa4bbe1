package visionlab.show;

import java.util.Objects;

/**
 * The display hook: {@code Show.show(x)} returns a {@link Handle}; {@code handle.update(y)} replaces the
 * output. In plain JShell the {@link ConsoleBackend} writes pictures to PNG files and prints their paths;
 * in the VisionLab Jupyter kernel the outputs appear (and update) in the notebook.
 */
public final class Show {

    private static volatile ShowBackend backend = new ConsoleBackend();

    private Show() {
    }

    /** Shows {@code value} with the current backend. */
    public static Handle show(Object value) {
        return backend.show(value);
    }

    /** The current backend. */
    public static ShowBackend backend() {
        return backend;
    }

    /** Installs {@code b} as the backend (the kernel calls this at start). */
    public static void setBackend(ShowBackend b) {
        backend = Objects.requireNonNull(b, "backend");
    }

    /** The MIME bundle of any value: a {@link Displayable}'s own, else its {@code toString()} as text. */
    public static MimeBundle bundleOf(Object value) {
        if (value instanceof Displayable d) {
            return d.mimeBundle();
        }
        return MimeBundle.text(String.valueOf(value));
    }
}
