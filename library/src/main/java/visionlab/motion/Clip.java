package visionlab.motion;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * A short video: frames of one size and a frame rate. Displays as an animated GIF (HTML, the GIF inlined
 * as a data URI) with a PNG strip of up to 8 evenly spaced frames for plain-text and PNG-only consumers.
 *
 * <pre>{@code var clip = Clip.of(MotionMagnify.phase(frames, 5, 0.5, 3, 30), 30);  clip.gif(); clip.strip(6)}</pre>
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
        if (!(fps > 0) || !(fps <= 1000)) {
            throw new IllegalArgumentException("fps: expected a frame rate in (0, 1000], got " + fps);
        }
        return new Clip(List.copyOf(frames), fps);
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
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IllegalStateException("no GIF writer in this Java runtime");
        }
        ImageWriter writer = it.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            int delay = Math.max(1, (int) Math.round(100 / fps));
            for (int i = 0; i < frames.size(); i++) {
                if (Thread.interrupted()) {
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
                BufferedImage bi = toRgb(frames.get(i).clamp(0, 1).toBufferedImage());
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bi), param);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(delay));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0}); // loop forever
                    apps.appendChild(app);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(bi, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("writing GIF", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Writes the animated GIF to {@code file}; returns the path. */
    public Path writeGif(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: expected a path, got null");
        }
        try {
            return Files.write(file, gif());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static BufferedImage toRgb(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        return rgb;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** PNG strip of 8 frames, plus HTML with the animated GIF. */
    @Override
    public MimeBundle mimeBundle() {
        byte[] png = strip(8).image().toPng();
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
