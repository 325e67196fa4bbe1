package visionlab.show;

/**
 * A value that knows how it looks: images, pyramids, charts, tables. The Jupyter kernel renders every
 * {@code Displayable} cell result with its {@link #mimeBundle()}; in plain JShell {@link Show#show}
 * writes the picture to a PNG file.
 */
public interface Displayable {

    /** The MIME bundle: {@code image/png} and {@code text/plain}, optionally {@code text/html}. */
    MimeBundle mimeBundle();
}
