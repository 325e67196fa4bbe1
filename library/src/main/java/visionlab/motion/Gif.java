package visionlab.motion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import visionlab.image.Image;

/**
 * Animated GIF through the JDK's ImageIO: looping, frame delay {@code round(100 / fps)} hundredths of a
 * second (so the frame rate read back is {@code 100 / delay}). Reading composites each frame at its offset
 * onto the previous one; a clip whose first frame is grey (R = G = B) reads as grey.
 */
final class Gif {

    private Gif() {
    }

    /** A streaming GIF encoder on {@code out}. */
    static final class Encoder {
        private final ImageWriter writer;
        private final ImageOutputStream ios;
        private final int delay;
        private int n;

        Encoder(OutputStream out, double fps) {
            Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
            if (!it.hasNext()) {
                throw new IllegalStateException("no GIF writer in this Java runtime");
            }
            writer = it.next();
            delay = Math.max(1, (int) Math.round(100 / fps));
            try {
                ios = ImageIO.createImageOutputStream(out);
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
            } catch (IOException e) {
                writer.dispose();
                throw new UncheckedIOException("starting a GIF", e);
            }
        }

        void add(Image frame) {
            BufferedImage src = frame.clamp(0, 1).toBufferedImage();
            BufferedImage bi = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            bi.getGraphics().drawImage(src, 0, 0, null);
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
            if (n == 0) {
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0}); // loop forever
                apps.appendChild(app);
            }
            try {
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(bi, null, meta), param);
            } catch (IOException e) {
                throw new UncheckedIOException("writing a GIF frame", e);
            }
            n++;
        }

        void finish() {
            try {
                writer.endWriteSequence();
                ios.close();
            } catch (IOException e) {
                throw new UncheckedIOException("finishing a GIF", e);
            } finally {
                writer.dispose();
            }
        }

        void abort() {
            writer.dispose();
            try {
                ios.close();
            } catch (IOException e) {
                // discarded anyway
            }
        }
    }

    static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    static FrameSink create(Path file, double fps) {
        TempOutput tmp = TempOutput.file(file);
        OutputStream os;
        try {
            os = Files.newOutputStream(tmp.temp);
        } catch (IOException e) {
            tmp.discard();
            throw new UncheckedIOException("creating " + file, e);
        }
        Encoder enc = new Encoder(os, fps);
        return new FrameSink() {
            boolean done;
            Image first;
            long n;

            @Override
            public void accept(Image frame) {
                first = Clip.sameSize(first, frame, n);
                enc.add(frame);
                n++;
            }

            @Override
            public void finish() {
                if (done) {
                    return;
                }
                if (n == 0) {
                    throw new IllegalArgumentException("frames: expected at least 1 frame to write " + file + ", got 0");
                }
                enc.finish();
                try {
                    os.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("writing " + file, e);
                }
                tmp.commit();
                done = true;
            }

            @Override
            public void close() {
                if (!done) {
                    enc.abort();
                    try {
                        os.close();
                    } catch (IOException e) {
                        // discarded anyway
                    }
                    tmp.discard();
                    done = true;
                }
            }
        };
    }

    static FrameSource open(Path file) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IllegalStateException("no GIF reader in this Java runtime");
        }
        ImageReader reader = it.next();
        ImageInputStream iis = null;
        try {
            iis = ImageIO.createImageInputStream(file.toFile());
            reader.setInput(iis, false);
            int count = reader.getNumImages(true);
            if (count < 1) {
                throw new IllegalArgumentException("no frames");
            }
            int delay = 10;
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode gce = child(root, "GraphicControlExtension");
            if (gce.hasAttribute("delayTime")) {
                delay = Math.max(1, Integer.parseInt(gce.getAttribute("delayTime")));
            }
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            ImageInputStream in = iis;
            Image first = frame(reader, 0, canvas);
            boolean grey = isGrey(first);
            double fps = 100.0 / delay;
            return new SourceBase(w, h, grey ? 1 : 3, fps, count) {
                int t;

                @Override
                public Image next() {
                    if (t >= count) {
                        return null;
                    }
                    Image f;
                    try {
                        f = t == 0 ? first : frame(reader, t, canvas);
                    } catch (IOException | RuntimeException e) {
                        throw new IllegalArgumentException("file: corrupt GIF frame " + t + " in " + file + " (" + e + ")", e);
                    }
                    t++;
                    return grey ? f.channel(0) : f;
                }

                @Override
                public void close() {
                    reader.dispose();
                    try {
                        in.close();
                    } catch (IOException e) {
                        // read-only
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            if (iis != null) {
                try {
                    iis.close();
                } catch (IOException x) {
                    // reported below
                }
            }
            throw new IllegalArgumentException("file: expected an animated GIF, could not read " + file + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Image frame(ImageReader reader, int i, BufferedImage canvas) throws IOException {
        BufferedImage bi = reader.read(i);
        int x = 0;
        int y = 0;
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode d = child(root, "ImageDescriptor");
        if (d.hasAttribute("imageLeftPosition")) {
            x = Integer.parseInt(d.getAttribute("imageLeftPosition"));
            y = Integer.parseInt(d.getAttribute("imageTopPosition"));
        }
        canvas.getGraphics().drawImage(bi, x, y, null);
        return Image.fromBufferedImage(canvas).rgb();
    }

    private static boolean isGrey(Image rgb) {
        if (rgb.channels() < 3) {
            return true;
        }
        float[] r = rgb.plane(0);
        float[] g = rgb.plane(1);
        float[] b = rgb.plane(2);
        for (int i = 0; i < r.length; i++) {
            if (r[i] != g[i] || g[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
