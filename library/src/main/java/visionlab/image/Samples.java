package visionlab.image;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled sample images (attribution in NOTICE). */
final class Samples {

    private static final Map<String, String> FILES = Map.of(
            "apple", "apple.jpg",
            "orange", "orange.jpg",
            "camera", "camera.png",
            "astronaut", "astronaut.png",
            "chelsea", "chelsea.png",
            "coffee", "coffee.png",
            "brick", "brick.png",
            "grass", "grass.png",
            "gravel", "gravel.png");
    private static final List<String> NAMES = FILES.keySet().stream().sorted().toList();
    private static final Map<String, Image> CACHE = new ConcurrentHashMap<>();

    private Samples() {
    }

    static List<String> names() {
        return NAMES;
    }

    static Image load(String name) {
        String file = name == null ? null : FILES.get(name);
        if (file == null) {
            throw new IllegalArgumentException("name: expected one of " + NAMES + ", got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Samples.class.getResourceAsStream("/visionlab/samples/" + file)) {
                if (in == null) {
                    throw new UncheckedIOException(new java.io.IOException("missing resource " + file));
                }
                return Image.read(in, file);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).copy();
    }
}
