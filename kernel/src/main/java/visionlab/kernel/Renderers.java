package visionlab.kernel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The renderer registry: the most specific registered type of a value decides its notebook output.
 * Registered: {@link Displayable} (its own MIME bundle), {@link BufferedImage} (PNG), XChart charts (PNG),
 * Tablesaw {@link Table} (HTML table plus text); anything else is {@code text/plain}.
 */
final class Renderers {

    /** At most this many table rows go into the HTML. */
    static final int TABLE_ROWS = 50;

    private final Map<Class<?>, Function<Object, Rendered>> byType = new LinkedHashMap<>();

    /** The registry with the default renderers. */
    static Renderers defaults() {
        Renderers r = new Renderers();
        r.register(Displayable.class, v -> fromBundle(((Displayable) v).mimeBundle()));
        r.register(BufferedImage.class, v -> png(encodePng((BufferedImage) v), "BufferedImage "
                + ((BufferedImage) v).getWidth() + "x" + ((BufferedImage) v).getHeight()));
        r.register(Chart.class, v -> renderChart((Chart<?, ?>) v));
        r.register(Table.class, v -> renderTable((Table) v));
        return r;
    }

    /** Adds (or replaces) the renderer for values of {@code type} and its subtypes. */
    <T> void register(Class<T> type, Function<Object, Rendered> renderer) {
        byType.put(type, renderer);
    }

    /** At most this many characters of a value's text form are sent (like the 1 MB cap on printed text). */
    static final int TEXT_LIMIT = 1 << 20;

    /** The output for {@code value}: the first registered type it is an instance of, else its text. */
    Rendered render(Object value) {
        Rendered r = null;
        if (value != null) {
            for (Map.Entry<Class<?>, Function<Object, Rendered>> e : byType.entrySet()) {
                if (e.getKey().isInstance(value)) {
                    r = e.getValue().apply(value);
                    break;
                }
            }
        }
        if (r == null) {
            r = Rendered.text(String.valueOf(value));
        }
        String text = r.data().get("text/plain");
        if (text != null && text.length() > TEXT_LIMIT) {
            r.data().put("text/plain", text.substring(0, TEXT_LIMIT) + "\n[visionlab kernel: "
                    + String.format("%,d", text.length() - TEXT_LIMIT) + " more characters of this value's text not shown]");
        }
        return r;
    }

    static Rendered fromBundle(MimeBundle b) {
        Rendered r = b.hasPng() ? png(b.png(), b.text()) : Rendered.text(b.text());
        if (b.hasHtml()) {
            r.data().put("text/html", b.html());
        }
        return r;
    }

    /** A PNG output with its pixel size as metadata. */
    static Rendered png(byte[] png, String text) {
        Rendered r = Rendered.text(text);
        r.data().put("image/png", Base64.getEncoder().encodeToString(png));
        int[] size = pngSize(png);
        if (size != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("width", size[0]);
            m.put("height", size[1]);
            r.metadata().put("image/png", m);
        }
        return r;
    }

    /** Width and height from the PNG's IHDR chunk, or null when the bytes are not a PNG. */
    static int[] pngSize(byte[] png) {
        if (png.length < 24 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            return null;
        }
        return new int[]{readInt(png, 16), readInt(png, 20)};
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Complete PNG bytes of an image ({@link visionlab.image.Png}, into memory). */
    static byte[] encodePng(BufferedImage image) {
        return visionlab.image.Png.encode(image);
    }

    /** Decodes PNG bytes (used by tests and checks). */
    static BufferedImage decodePng(byte[] png) throws IOException {
        return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(png)));
    }

    private static Rendered renderChart(Chart<?, ?> chart) {
        byte[] png = encodePng(BitmapEncoder.getBufferedImage(chart));
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        return png(png, chart.getClass().getSimpleName() + title + " " + chart.getWidth() + "x" + chart.getHeight());
    }

    private static Rendered renderTable(Table table) {
        int rows = Math.min(TABLE_ROWS, table.rowCount());
        StringBuilder html = new StringBuilder("<table class=\"visionlab-table\">\n<thead><tr>");
        List<Boolean> numeric = new ArrayList<>();
        for (var col : table.columns()) {
            boolean num = col instanceof tech.tablesaw.api.NumericColumn<?>;
            numeric.add(num);
            html.append("<th>").append(escape(col.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append(numeric.get(c) ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(table.column(c).getString(r))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        if (rows < table.rowCount()) {
            html.append("<p>").append(table.rowCount() - rows).append(" more rows not shown (")
                    .append(table.rowCount()).append(" rows in all)</p>\n");
        }
        Rendered r = Rendered.text(table.print(Math.min(20, table.rowCount())));
        r.data().put("text/html", html.toString());
        return r;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
