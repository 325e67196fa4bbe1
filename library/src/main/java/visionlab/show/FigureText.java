package visionlab.show;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The strings a figure draws into its pixels, recorded in the PNG itself (uncompressed {@code iTXt} chunks
 * {@code visionlab:drawn}, one string a line, and {@code visionlab:panels}). Jupyter hides
 * {@code text/plain} when it shows a picture, so the notebook checker compares the two: every line of the
 * text form must be among the drawn strings.
 */
public final class FigureText {

    /** The chunk keyword of the drawn strings. */
    public static final String DRAWN = "visionlab:drawn";
    /** The chunk keyword of the number of panels (tiles, charts) in the figure. */
    public static final String PANELS = "visionlab:panels";

    private FigureText() {
    }

    /**
     * The PNG with the record added right after its header chunk.
     *
     * @param png    a PNG file's bytes
     * @param drawn  the strings drawn into the picture (no line breaks inside one string)
     * @param panels how many panels the figure holds, at least 1
     */
    public static byte[] record(byte[] png, List<String> drawn, int panels) {
        if (png == null || png.length < 33 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("png: expected the bytes of a PNG file");
        }
        if (drawn == null) {
            throw new IllegalArgumentException("drawn: expected a list of strings, got null");
        }
        if (panels < 1) {
            throw new IllegalArgumentException("panels: expected >= 1, got " + panels);
        }
        StringBuilder text = new StringBuilder();
        for (String s : drawn) {
            if (s != null && !s.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(s.replace('\n', ' '));
            }
        }
        int afterHeader = 8 + 25;   // signature, then IHDR: length 4, type 4, data 13, CRC 4
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
        out.write(png, 0, afterHeader);
        chunk(out, DRAWN, text.toString());
        chunk(out, PANELS, Integer.toString(panels));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String key, String value) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(key.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);      // end of keyword
        data.write(0);      // not compressed
        data.write(0);      // compression method
        data.write(0);      // no language tag
        data.write(0);      // no translated keyword
        data.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        PngChunk.write(out, "iTXt", data.toByteArray());
    }
}
