package visionlab.show;

import java.util.Objects;

/**
 * What a value looks like to a notebook: a PNG picture, plain text, and optionally HTML.
 * Only plain {@code image/png}, {@code text/html} and {@code text/plain}: no JavaScript, so the output
 * renders in Notebook, JupyterLab, nbconvert HTML and GitHub.
 *
 * @param png  PNG bytes, or {@code null} when the value has no picture
 * @param text the one-line (or short) text form, never {@code null}
 * @param html an HTML fragment, or {@code null}
 */
public record MimeBundle(byte[] png, String text, String html) {

    public MimeBundle {
        Objects.requireNonNull(text, "text");
    }

    /** A text-only bundle. */
    public static MimeBundle text(String text) {
        return new MimeBundle(null, text, null);
    }

    /** A picture with its text form. */
    public static MimeBundle png(byte[] png, String text) {
        return new MimeBundle(Objects.requireNonNull(png, "png"), text, null);
    }

    /**
     * A figure: the PNG with the strings drawn into it recorded ({@link FigureText}), and its text form.
     * Every line of {@code text} should be among {@code drawn}: Jupyter shows the picture, not the text.
     */
    public static MimeBundle figure(byte[] png, String text, java.util.List<String> drawn, int panels) {
        return new MimeBundle(FigureText.record(Objects.requireNonNull(png, "png"), drawn, panels), text, null);
    }

    /** HTML with its text form. */
    public static MimeBundle html(String html, String text) {
        return new MimeBundle(null, text, Objects.requireNonNull(html, "html"));
    }

    public boolean hasPng() {
        return png != null;
    }

    public boolean hasHtml() {
        return html != null;
    }

    @Override
    public String toString() {
        return "MimeBundle[" + (png != null ? "image/png " + png.length + " B, " : "")
                + (html != null ? "text/html, " : "") + "text/plain]";
    }
}
