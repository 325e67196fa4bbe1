package visionlab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output in the notebook: MIME type to content ({@code image/png} is base64 text, others plain text)
 * and per-type metadata (the PNG's width and height).
 */
record Rendered(Map<String, String> data, Map<String, Object> metadata) {

    static Rendered text(String text) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("text/plain", text);
        return new Rendered(d, new LinkedHashMap<>());
    }
}
