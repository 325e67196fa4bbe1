package visionlab.motion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import visionlab.image.Image;

/**
 * A folder of PNG frames, read in name order; the frame rate is the number in its {@code fps.txt} (written
 * with the frames), else 30. Written as {@code frame_0000.png ...} into a temporary folder that replaces
 * the target when complete.
 */
final class PngFolder {

    static final double DEFAULT_FPS = 30;

    private PngFolder() {
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> st = Files.list(folder)) {
            return st.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
    }

    static double fps(Path folder) {
        Path f = folder.resolve("fps.txt");
        if (!Files.isRegularFile(f)) {
            return DEFAULT_FPS;
        }
        try {
            double fps = Double.parseDouble(Files.readString(f, StandardCharsets.UTF_8).trim());
            Clip.checkFps(fps);
            return fps;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + f, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("file: expected a frame rate in " + f + ", got an unreadable number", e);
        }
    }

    static FrameSource open(Path folder) {
        List<Path> files = files(folder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("folder: expected PNG files in " + folder + ", found none");
        }
        double fps = fps(folder);
        return FrameSource.generate(files.size(), fps, k -> read(files.get(k)));
    }

    private static Image read(Path p) {
        try {
            return Image.read(p);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("file: expected a PNG frame, could not read " + p + " (" + e.getMessage()
                    + ")", e);
        }
    }

    static FrameSink create(Path folder, double fps) {
        TempOutput tmp = TempOutput.folder(folder);
        return new FrameSink() {
            int n;
            boolean done;
            Image first;

            @Override
            public void accept(Image frame) {
                first = Clip.sameSize(first, frame, n);
                frame.write(tmp.temp.resolve(String.format(Locale.ROOT, "frame_%04d.png", n++)));
            }

            @Override
            public void finish() {
                if (done) {
                    return;
                }
                if (n == 0) {
                    throw new IllegalArgumentException("frames: expected at least 1 frame to write " + folder + ", got 0");
                }
                try {
                    Files.writeString(tmp.temp.resolve("fps.txt"), fps + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("writing " + folder, e);
                }
                tmp.commit();
                done = true;
            }

            @Override
            public void close() {
                if (!done) {
                    tmp.discard();
                    done = true;
                }
            }
        };
    }
}
