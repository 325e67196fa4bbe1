package visionlab.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import visionlab.image.Image;

/**
 * Frames read one at a time: the first stage of the frame source -> magnifier -> frame sink pipeline
 * ({@link MotionMagnify#phase(FrameSource)}), so a long video never has to fit in memory.
 *
 * <pre>{@code try (var src = FrameSource.open(Path.of("long.mp4"))) {
 *     MotionMagnify.phase(src).alpha(10).band(0.8, 1.6).write(Path.of("long-x11.mp4"));
 * }}</pre>
 */
public interface FrameSource extends AutoCloseable {

    int width();

    int height();

    /** 1 (grey) or 3 (RGB). */
    int channels();

    double fps();

    /** Number of frames, or -1 when not known in advance. */
    long frames();

    /** The next frame, or null after the last. */
    Image next();

    @Override
    void close();

    /**
     * Opens a video for streaming: {@code .mp4} / {@code .m4v} / {@code .mov} (H.264, decoded by JCodec),
     * {@code .gif} (animated), or a folder of PNG frames (name order; fps from its {@code fps.txt}, else 30).
     * An unsupported or corrupt file is an {@link IllegalArgumentException} naming it. Frames are decoded
     * on a thread of their own, a few frames ahead of the caller.
     */
    static FrameSource open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        if (Files.isDirectory(file)) {
            return Pipeline.readAhead(PngFolder.open(file));
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file: no such file or folder: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov")) {
            return Pipeline.readAhead(Mp4.open(file));
        }
        if (name.endsWith(".gif")) {
            return Pipeline.readAhead(Gif.open(file));
        }
        throw new IllegalArgumentException("file: expected an .mp4 (H.264), .gif or a folder of PNG frames, got " + file);
    }

    /** The frames of a clip in memory. */
    static FrameSource of(Clip clip) {
        if (clip == null) {
            throw new IllegalArgumentException("clip: expected a clip, got null");
        }
        List<Image> f = clip.frames();
        return generate(f.size(), clip.fps(), f::get);
    }

    /** {@code count} frames computed on demand by {@code frame.apply(t)} (nothing is kept). */
    static FrameSource generate(int count, double fps, IntFunction<Image> frame) {
        if (count < 1) {
            throw new IllegalArgumentException("count: expected at least 1 frame, got " + count);
        }
        Clip.checkFps(fps);
        if (frame == null) {
            throw new IllegalArgumentException("frame: expected a function of the frame index, got null");
        }
        Image first = Image.requireValid(frame.apply(0), "frame(0)");
        return new SourceBase(first.width(), first.height(), first.channels(), fps, count) {
            int t;

            @Override
            public Image next() {
                if (t >= count) {
                    return null;
                }
                int k = t++;
                return k == 0 ? first : frame.apply(k);
            }
        };
    }
}
