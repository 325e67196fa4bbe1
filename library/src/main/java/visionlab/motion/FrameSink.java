package visionlab.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import visionlab.image.Image;

/**
 * Frames written one at a time: the last stage of the frame source -> magnifier -> frame sink pipeline.
 * File sinks write to a temporary file (or folder) beside the target and move it into place in
 * {@link #finish()}; {@link #close()} without {@code finish()} (an error, an interrupt) deletes it, so
 * there is never a half-written video.
 *
 * <pre>{@code try (var sink = FrameSink.to(Path.of("out.mp4"), 30)) { sink.accept(frame); ...; sink.finish(); }}</pre>
 */
public interface FrameSink extends AutoCloseable {

    /** Writes the next frame (all frames one size; values clamped to 0..1 by file sinks). */
    void accept(Image frame);

    /** Completes the output (moves the temporary file into place). */
    void finish();

    /** Releases the sink; without {@link #finish()} the partial output is deleted. */
    @Override
    void close();

    /**
     * A file sink chosen by name: {@code .mp4} (H.264 via JCodec), {@code .gif}, or, for a name without
     * extension or an existing folder, a folder of {@code frame_0000.png ...} with an {@code fps.txt}.
     * Frames are encoded on a thread of their own while the caller computes the next ones.
     */
    static FrameSink to(Path file, double fps) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        Clip.checkFps(fps);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4")) {
            return Pipeline.writeBehind(Mp4.create(file, fps));
        }
        if (name.endsWith(".gif")) {
            return Pipeline.writeBehind(Gif.create(file, fps));
        }
        if (Files.isDirectory(file) || !name.contains(".")) {
            return Pipeline.writeBehind(PngFolder.create(file, fps));
        }
        throw new IllegalArgumentException("file: expected a name ending in .mp4 or .gif, or a folder for PNG frames, got "
                + file);
    }
}
