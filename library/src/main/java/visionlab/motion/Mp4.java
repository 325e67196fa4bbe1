package visionlab.motion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import visionlab.image.Image;

/**
 * MP4 (H.264) video through JCodec (pure Java, BSD licence). Samples are BT.601 "studio range"
 * {@code Y' = 16 + 219 Y}, {@code Cb = 128 + 224 (B - Y) / 1.772}, {@code Cr = 128 + 224 (R - Y) / 1.402},
 * chroma 4:2:0 (2x2 means when writing, nearest when reading), as players expect from H.264 without a
 * colour-range flag. A video whose first frame has neutral chroma reads as grey frames.
 */
final class Mp4 {

    private Mp4() {
    }

    static FrameSource open(Path file) {
        SeekableByteChannel ch;
        try {
            ch = NIOUtils.readableChannel(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
        try {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            if (grab.getVideoTrack() == null) {
                throw new IllegalArgumentException("no video track");
            }
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            long frames = meta == null ? -1 : meta.getTotalFrames();
            double duration = meta == null ? 0 : meta.getTotalDuration();
            PictureWithMetadata first = grab.getNativeFrameWithMetadata();
            if (first == null || first.getPicture() == null) {
                throw new IllegalArgumentException("no decodable frame");
            }
            double fps = frames > 0 && duration > 0 ? frames / duration : 1 / first.getDuration();
            fps = Math.round(fps * 1000) / 1000.0;
            Clip.checkFps(fps);
            return new Reader(file, ch, grab, first.getPicture(), frames, fps);
        } catch (RuntimeException | IOException | org.jcodec.api.JCodecException e) {
            NIOUtils.closeQuietly(ch);
            throw new IllegalArgumentException("file: expected an MP4 video with an H.264 track, could not read " + file
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static final class Reader extends SourceBase {
        final Path file;
        final SeekableByteChannel ch;
        final FrameGrab grab;
        final boolean grey;
        Picture pending;
        int index;

        Reader(Path file, SeekableByteChannel ch, FrameGrab grab, Picture first, long frames, double fps) {
            super(first.getCrop() == null ? first.getWidth() : first.getCrop().getWidth(),
                    first.getCrop() == null ? first.getHeight() : first.getCrop().getHeight(),
                    neutralChroma(first) ? 1 : 3, fps, frames);
            this.file = file;
            this.ch = ch;
            this.grab = grab;
            this.grey = channels() == 1;
            this.pending = first;
        }

        @Override
        public Image next() {
            Picture p = pending;
            pending = null;
            if (p == null) {
                try {
                    PictureWithMetadata m = grab.getNativeFrameWithMetadata();
                    p = m == null ? null : m.getPicture();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + file, e);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("file: corrupt H.264 data in " + file + " at frame " + index
                            + " (" + e + ")", e);
                }
            }
            if (p == null) {
                return null;
            }
            index++;
            return toImage(p, width(), height(), grey);
        }

        @Override
        public void close() {
            NIOUtils.closeQuietly(ch);
        }
    }

    static boolean neutralChroma(Picture p) {
        for (int c = 1; c <= 2; c++) {
            for (byte b : p.getPlaneData(c)) {
                if (b < -2 || b > 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Decoded 4:2:0 picture (signed bytes, value - 128) to a grey or RGB image. */
    static Image toImage(Picture p, int w, int h, boolean grey) {
        Rect crop = p.getCrop();
        int x0 = crop == null ? 0 : crop.getX();
        int y0 = crop == null ? 0 : crop.getY();
        byte[] yp = p.getPlaneData(0);
        int ys = p.getPlaneWidth(0);
        float[] y = new float[w * h];
        for (int r = 0; r < h; r++) {
            int o = (r + y0) * ys + x0;
            for (int x = 0; x < w; x++) {
                y[r * w + x] = (yp[o + x] + 128 - 16) / 219f;
            }
        }
        if (grey) {
            return Image.of(w, h, y);
        }
        byte[] up = p.getPlaneData(1);
        byte[] vp = p.getPlaneData(2);
        int cs = p.getPlaneWidth(1);
        float[] rr = new float[w * h];
        float[] gg = new float[w * h];
        float[] bb = new float[w * h];
        for (int r = 0; r < h; r++) {
            int co = ((r + y0) >> 1) * cs;
            for (int x = 0; x < w; x++) {
                int ci = co + ((x + x0) >> 1);
                float pb = up[ci] / 224f;
                float pr = vp[ci] / 224f;
                float l = y[r * w + x];
                rr[r * w + x] = l + 1.402f * pr;
                gg[r * w + x] = l - 0.344136f * pb - 0.714136f * pr;
                bb[r * w + x] = l + 1.772f * pb;
            }
        }
        return Image.of(w, h, rr, gg, bb);
    }

    /** A grey or RGB image (clamped to 0..1) as a 4:2:0 picture. */
    static Picture toPicture(Image img) {
        int w = img.width();
        int h = img.height();
        Picture p = Picture.create(w, h, ColorSpace.YUV420J);
        byte[] yp = p.getPlaneData(0);
        byte[] up = p.getPlaneData(1);
        byte[] vp = p.getPlaneData(2);
        int ys = p.getPlaneWidth(0);
        int cs = p.getPlaneWidth(1);
        int ch = p.getPlaneHeight(1);
        boolean rgb = img.channels() >= 3;
        float[] r = img.plane(0);
        float[] g = rgb ? img.plane(1) : r;
        float[] b = rgb ? img.plane(2) : r;
        float[] pb = new float[cs * ch];
        float[] pr = new float[cs * ch];
        int[] count = new int[cs * ch];
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                int i = yy * w + x;
                float rv = clamp(r[i]);
                float gv = clamp(g[i]);
                float bv = clamp(b[i]);
                float l = 0.299f * rv + 0.587f * gv + 0.114f * bv;
                yp[yy * ys + x] = (byte) (Math.round(16 + 219 * l) - 128);
                if (rgb) {
                    int ci = (yy >> 1) * cs + (x >> 1);
                    pb[ci] += (bv - l) / 1.772f;
                    pr[ci] += (rv - l) / 1.402f;
                    count[ci]++;
                }
            }
        }
        for (int i = 0; i < pb.length; i++) {
            int n = Math.max(1, count[i]);
            up[i] = (byte) Math.max(-112, Math.min(112, Math.round(224 * pb[i] / n)));
            vp[i] = (byte) Math.max(-112, Math.min(112, Math.round(224 * pr[i] / n)));
        }
        return p;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v == v ? v : 0;
    }

    static FrameSink create(Path file, double fps) {
        TempOutput tmp = TempOutput.file(file);
        try {
            SeekableByteChannel ch = NIOUtils.writableChannel(tmp.temp.toFile());
            return new Writer(tmp, ch, MP4Muxer.createMP4MuxerToChannel(ch), fps);
        } catch (IOException e) {
            tmp.discard();
            throw new UncheckedIOException("creating " + file, e);
        }
    }

    private static final class Writer implements FrameSink {
        final TempOutput tmp;
        final SeekableByteChannel ch;
        final MP4Muxer muxer;
        final H264Encoder encoder = H264Encoder.createH264Encoder();
        final int timescale;
        final int duration;
        MuxerTrack track;
        ByteBuffer buf;
        Image first;
        long n;
        boolean finished;

        Writer(TempOutput tmp, SeekableByteChannel ch, MP4Muxer muxer, double fps) {
            this.tmp = tmp;
            this.ch = ch;
            this.muxer = muxer;
            if (Math.abs(fps - Math.rint(fps)) < 1e-9) {
                timescale = (int) Math.rint(fps);
                duration = 1;
            } else {
                timescale = (int) Math.round(fps * 1000);
                duration = 1000;
            }
        }

        @Override
        public void accept(Image frame) {
            if (first == null && frame != null && (frame.width() < 2 || frame.height() < 2)) {
                throw new IllegalArgumentException("frame: expected at least 2x2 pixels for MP4, got " + frame.shape());
            }
            first = Clip.sameSize(first, frame, n);
            Picture p = toPicture(frame);
            if (buf == null) {
                buf = ByteBuffer.allocate(encoder.estimateBufferSize(p));
            }
            buf.clear();
            VideoEncoder.EncodedFrame ef = encoder.encodeFrame(p, buf);
            try {
                if (track == null) {
                    track = muxer.addVideoTrack(Codec.H264,
                            VideoCodecMeta.createSimpleVideoCodecMeta(new Size(frame.width(), frame.height()),
                                    ColorSpace.YUV420J));
                }
                track.addFrame(Packet.createPacket(NIOUtils.clone(ef.getData()), n * duration, timescale, duration, n,
                        ef.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
            } catch (java.nio.channels.ClosedByInterruptException e) {
                throw new java.util.concurrent.CancellationException("interrupted");
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + tmp.target, e);
            }
            n++;
        }

        @Override
        public void finish() {
            if (finished) {
                return;
            }
            if (n == 0) {
                throw new IllegalArgumentException("frames: expected at least 1 frame to write " + tmp.target + ", got 0");
            }
            try {
                muxer.finish();
                ch.close();
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + tmp.target, e);
            }
            tmp.commit();
            finished = true;
        }

        @Override
        public void close() {
            if (!finished) {
                NIOUtils.closeQuietly(ch);
                tmp.discard();
                finished = true;
            }
        }
    }
}
