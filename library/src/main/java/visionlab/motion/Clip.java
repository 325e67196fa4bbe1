package visionlab.motion;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A short video held in memory: frames of one size and a frame rate. Displays as an animated GIF (HTML, the
 * GIF inlined as a data URI) with a PNG strip of up to 8 evenly spaced frames for plain-text and PNG-only
 * consumers. Reads and writes MP4 (H.264, through JCodec), animated GIF and folders of PNG frames; for videos
 * too long for memory stream them with {@link FrameSource#open(Path)} and {@link FrameSink#to(Path, double)}.
 *
 * <pre>{@code var clip = Clip.read(Path.of("wrist.mp4"));           // fps from the file
 * var out = MotionMagnify.phase(clip).alpha(10).band(0.8, 1.6).run();
 * out.write(Path.of("wrist-x11.mp4"));  Clip.sideBySide(clip, out)}</pre>
 */
public final class Clip implements Displayable {

    private final List<Image> frames;
    private final double fps;

    private Clip(List<Image> frames, double fps) {
        this.frames = frames;
        this.fps = fps;
    }

    /** A clip of {@code frames} (at least 1, one size) played at {@code fps} frames per second. */
    public static Clip of(List<Image> frames, double fps) {
        MotionMagnify.checkFrames(frames, 1);
        checkFps(fps);
        return new Clip(List.copyOf(frames), fps);
    }

    /**
     * Checks frame {@code n} of a video being written: valid, and as wide and high as the first one; returns
     * the first frame ({@code frame} itself when {@code first} is null).
     */
    static Image sameSize(Image first, Image frame, long n) {
        Image.requireValid(frame, "frames[" + n + "]");
        if (first != null && (frame.width() != first.width() || frame.height() != first.height())) {
            throw new IllegalArgumentException("frames[" + n + "]: expected " + first.width() + "x" + first.height()
                    + " like frames[0], got " + frame.shape());
        }
        return first == null ? frame : first;
    }

    static void checkFps(double fps) {
        if (!(fps > 0) || !(fps <= 1000)) {
            throw new IllegalArgumentException("fps: expected a frame rate in (0, 1000], got " + fps);
        }
    }

    /**
     * Reads a whole video into memory: {@code .mp4} / {@code .m4v} / {@code .mov} (H.264), {@code .gif}, or a
     * folder of PNG frames (see {@link FrameSource#open(Path)}); the frame rate comes from the file. A grey
     * video reads as 1-channel frames. Unsupported or corrupt files: {@link IllegalArgumentException}.
     */
    public static Clip read(Path file) {
        try (FrameSource src = FrameSource.open(file)) {
            List<Image> frames = new ArrayList<>();
            Image f;
            while ((f = src.next()) != null) {
                MotionMagnify.checkInterrupt();
                frames.add(f);
            }
            return of(frames, src.fps());
        }
    }

    /**
     * Writes the clip as {@code .mp4} (H.264), {@code .gif}, or (a name without extension) a folder of PNG
     * frames with {@code fps.txt}; through a temporary file moved into place at the end, so an error leaves
     * no half-written video. Samples are clamped to 0..1. Returns the path.
     */
    public Path write(Path file) {
        try (FrameSink sink = FrameSink.to(file, fps)) {
            for (Image f : frames) {
                MotionMagnify.checkInterrupt();
                sink.accept(f);
            }
            sink.finish();
        }
        return file;
    }

    /** The same frames played at {@code fps}. */
    public Clip withFps(double fps) {
        checkFps(fps);
        return new Clip(frames, fps);
    }

    /** Number of frames. */
    public int size() {
        return frames.size();
    }

    /**
     * The two clips side by side in one clip, each frame labelled "input" and "magnified" in a caption band
     * drawn into the frame above it. Same frame count and height expected; the left clip's fps.
     */
    public static Clip sideBySide(Clip left, Clip right) {
        return sideBySide(left, right, "input", "magnified");
    }

    /** {@link #sideBySide(Clip, Clip)} with your own captions. */
    public static Clip sideBySide(Clip left, Clip right, String leftLabel, String rightLabel) {
        if (left == null || right == null) {
            throw new IllegalArgumentException("left, right: expected two clips, got " + left + ", " + right);
        }
        if (left.size() != right.size() || left.frames.get(0).height() != right.frames.get(0).height()) {
            throw new IllegalArgumentException("right: expected " + left.size() + " frames of height "
                    + left.frames.get(0).height() + " like left, got " + right);
        }
        boolean colour = left.frames.get(0).channels() >= 3 || right.frames.get(0).channels() >= 3;
        List<Image> out = new ArrayList<>(left.size());
        for (int t = 0; t < left.size(); t++) {
            MotionMagnify.checkInterrupt();
            Image a = left.frames.get(t).clamp(0, 1);
            Image b = right.frames.get(t).clamp(0, 1);
            out.add(labelled(List.of(colour ? a.rgb() : a, colour ? b.rgb() : b), List.of(
                    leftLabel == null ? "" : leftLabel, rightLabel == null ? "" : rightLabel), colour));
        }
        return new Clip(List.copyOf(out), left.fps);
    }

    private static final int GAP = 4;

    private static Image labelled(List<Image> tiles, List<String> labels, boolean colour) {
        int h = tiles.get(0).height();
        int band = Math.max(14, Math.min(24, h / 8));
        int w = -GAP;
        for (Image t : tiles) {
            w += t.width() + GAP;
        }
        BufferedImage bi = new BufferedImage(w, h + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bi.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, h + band);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, band - 4));
            FontMetrics fm = g.getFontMetrics();
            int x = 0;
            for (int i = 0; i < tiles.size(); i++) {
                Image t = tiles.get(i);
                g.drawImage(t.toBufferedImage(), x, band, null);
                g.setColor(Color.WHITE);
                String s = labels.get(i);
                g.drawString(s, x + Math.max(0, (t.width() - fm.stringWidth(s)) / 2), band - 4);
                x += t.width() + GAP;
            }
        } finally {
            g.dispose();
        }
        Image img = Image.fromBufferedImage(bi);
        return colour ? img : img.grey();
    }

    /**
     * The space-time slice at image row {@code y}: row t of the result is row y of frame t (x across, time
     * down), the picture of Wadhwa et al.'s figures where a small motion shows as a wavy edge.
     */
    public Image spaceTime(int y) {
        Image f0 = frames.get(0);
        if (y < 0 || y >= f0.height()) {
            throw new IllegalArgumentException("y: expected a row in 0.." + (f0.height() - 1) + ", got " + y);
        }
        int w = f0.width();
        float[][] p = new float[f0.channels()][w * frames.size()];
        for (int t = 0; t < frames.size(); t++) {
            for (int c = 0; c < p.length; c++) {
                System.arraycopy(frames.get(t).plane(c), y * w, p[c], t * w, w);
            }
        }
        return Image.of(w, frames.size(), p);
    }

    public List<Image> frames() {
        return frames;
    }

    public double fps() {
        return fps;
    }

    /** Up to {@code count} evenly spaced frames side by side (values clamped to 0..1; small frames zoomed). */
    public Mosaic strip(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("count: expected 1..64, got " + count);
        }
        int n = Math.min(count, frames.size());
        List<Image> tiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tiles.add(frames.get(n == 1 ? 0 : (int) Math.round(i * (frames.size() - 1) / (double) (n - 1))));
        }
        int zoom = Math.max(1, Math.min(8, 128 / frames.get(0).height()));
        return Mosaic.row(tiles).range(Mosaic.Range.NONE).zoom(zoom).title(toString());
    }

    /** The clip as an animated, looping GIF (frame delay {@code round(100 / fps)} hundredths of a second). */
    public byte[] gif() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Gif.Encoder enc = new Gif.Encoder(bytes, fps);
        try {
            for (Image f : frames) {
                MotionMagnify.checkInterrupt();
                enc.add(f);
            }
            enc.finish();
        } catch (RuntimeException e) {
            enc.abort();
            throw e;
        }
        return bytes.toByteArray();
    }

    /** Writes the animated GIF to {@code file} (as {@link #write(Path)} does for a .gif name); returns the path. */
    public Path writeGif(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        try (FrameSink sink = Gif.create(file, fps)) {
            for (Image f : frames) {
                MotionMagnify.checkInterrupt();
                sink.accept(f);
            }
            sink.finish();
        }
        return file;
    }

    /** PNG strip of 3 to 8 frames (at most 1600 px wide), plus HTML with the animated GIF. */
    @Override
    public MimeBundle mimeBundle() {
        int n = Math.max(3, Math.min(8, 1200 / frames.get(0).width())); // wide frames: fewer of them
        byte[] png = strip(n).fit(1600).image().toPng();
        String html = "<img alt=\"" + toString() + "\" src=\"data:image/gif;base64,"
                + Base64.getEncoder().encodeToString(gif()) + "\"/>";
        return new MimeBundle(png, toString(), html);
    }

    @Override
    public String toString() {
        Image f = frames.get(0);
        return String.format(Locale.ROOT, "Clip of %d frames, %s, %.3g fps", frames.size(), f.shape(), fps);
    }
}
