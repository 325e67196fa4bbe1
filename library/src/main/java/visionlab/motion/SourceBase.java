package visionlab.motion;

/**
 * The description every {@link FrameSource} gives (frame size, channels, fps, frame count), held once:
 * the video readers extend it and implement only {@link #next()} and {@link #close()}.
 */
abstract class SourceBase implements FrameSource {

    private final int width;
    private final int height;
    private final int channels;
    private final double fps;
    private final long frames;

    SourceBase(int width, int height, int channels, double fps, long frames) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.fps = fps;
        this.frames = frames;
    }

    /** The description of {@code other}. */
    SourceBase(FrameSource other) {
        this(other.width(), other.height(), other.channels(), other.fps(), other.frames());
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final double fps() {
        return fps;
    }

    @Override
    public final long frames() {
        return frames;
    }

    @Override
    public void close() {
    }
}
