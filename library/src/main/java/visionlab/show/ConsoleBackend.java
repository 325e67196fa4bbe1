package visionlab.show;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default backend for plain JShell: a value with a picture is written to a PNG file in a temporary
 * folder (one file per handle, rewritten on update) and its path is printed; text is printed as is.
 */
public final class ConsoleBackend implements ShowBackend {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Path folder;
    private final PrintStream out;

    /** Writes to a fresh folder under {@code java.io.tmpdir} and prints on {@code System.out}. */
    public ConsoleBackend() {
        this(null, null);
    }

    /** Writes to {@code folder} (created if needed; a temporary one when null) and prints on {@code out}. */
    public ConsoleBackend(Path folder, PrintStream out) {
        this.folder = folder;
        this.out = out;
    }

    private PrintStream out() {
        return out != null ? out : System.out;
    }

    private Path folder() throws IOException {
        Path f = folder != null ? folder : Path.of(System.getProperty("java.io.tmpdir"), "visionlab-show");
        Files.createDirectories(f);
        return f;
    }

    @Override
    public Handle show(Object value) {
        String id = "show-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Handle h = new Handle() {
            @Override
            public void update(Object v) {
                render(id, v);
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String toString() {
                return "Handle " + id + " (console: PNG files under " + folderName() + ")";
            }
        };
        render(id, value);
        return h;
    }

    private String folderName() {
        return folder != null ? folder.toString()
                : Path.of(System.getProperty("java.io.tmpdir"), "visionlab-show").toString();
    }

    private void render(String id, Object value) {
        MimeBundle b = Show.bundleOf(value);
        if (b.hasPng()) {
            try {
                Path file = folder().resolve(id + ".png");
                Files.write(file, b.png());
                out().println(b.text() + " -> " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the PNG of " + b.text(), e);
            }
        } else {
            out().println(b.text());
        }
    }
}
