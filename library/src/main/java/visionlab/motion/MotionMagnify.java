package visionlab.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import visionlab.image.Image;
import visionlab.pyramid.ComplexSteerableFilters;

/**
 * Phase-based video motion magnification (Wadhwa, Rubinstein, Durand and Freeman, SIGGRAPH 2013). A small
 * motion {@code delta(t)} shifts the local phase of every complex steerable-pyramid coefficient by about
 * {@code omega . delta(t)}; band-passing that phase in time and multiplying it up magnifies the motion:
 *
 * <pre>
 * c_t = A_t e^{i phi_t}                           complex steerable coefficient of the luminance Y (YIQ) of frame t
 * Delta_t = Delta_{t-1} + wrap(phi_t - phi_{t-1})  unwrapped phase relative to frame 0 (Delta_0 = 0)
 * P_t = band-pass of Delta_t to [lowHz, highHz]   ({@link TemporalFilter}: IDEAL, FIR, IIR, BUTTERWORTH)
 * optional: P_t = (G_sigma * (A P_t)) / (G_sigma * A)   amplitude-weighted spatial smoothing (denoising)
 * c'_t = c_t e^{i alpha P_t}                       so the motion in the band becomes (1 + alpha) delta(t)
 * attenuateOthers: c'_t = A_t e^{i (phi_0 + (1 + alpha) P_t)}   motions outside the band are removed
 * </pre>
 *
 * The chrominance (I, Q) and the pyramid's high-pass and low-pass residuals are kept. The pipeline is
 * frame source -> magnifier -> frame sink: with a causal filter (IIR, BUTTERWORTH) each frame is magnified as
 * it arrives and memory does not grow with the clip's length, so a long MP4 streams from file to file;
 * the FIR filter outputs frames with a latency of M frames (memory grows with its length); the IDEAL filter
 * holds the whole clip's phases until the end (memory: frames x coefficients floats).
 *
 * <pre>{@code var clip = Clip.read(Path.of("wrist.mp4"));
 * var out = MotionMagnify.phase(clip).alpha(10).band(0.8, 1.6).filter(TemporalFilter.BUTTERWORTH)
 *         .smoothPhase(2.0).attenuateOthers(false).octaves(Octaves.HALF).progress(true).run();
 * out.write(Path.of("wrist-x11.mp4"));  Clip.sideBySide(clip, out)
 * try (var src = FrameSource.open(Path.of("long.mp4"))) { MotionMagnify.phase(src).band(1, 2).write(Path.of("o.mp4")); }}</pre>
 */
public final class MotionMagnify {

    private MotionMagnify() {
    }

    /** A magnification of {@code clip} to configure, then {@link Builder#run()}. */
    public static Builder phase(Clip clip) {
        if (clip == null) {
            throw new IllegalArgumentException("clip: expected a clip, got null");
        }
        return new Builder(clip, null);
    }

    /** A streaming magnification of {@code source}: {@link Builder#write(Path)} or {@link Builder#run(FrameSink)}. */
    public static Builder phase(FrameSource source) {
        if (source == null) {
            throw new IllegalArgumentException("source: expected a frame source, got null");
        }
        return new Builder(null, source);
    }

    /** Settings of one magnification; every setter checks its argument. */
    public static final class Builder {
        private final Clip clip;
        private final FrameSource source;
        private final double fps;
        private double alpha = 10;
        private double lowHz = Double.NaN;
        private double highHz = Double.NaN;
        private TemporalFilter filter = TemporalFilter.BUTTERWORTH;
        private double sigma;
        private boolean attenuate;
        private Octaves octaves = Octaves.HALF;
        private int orientations = 4;
        private boolean progress;

        private Builder(Clip clip, FrameSource source) {
            this.clip = clip;
            this.source = source;
            this.fps = clip != null ? clip.fps() : source.fps();
        }

        /** The amplification (default 10): a motion delta in the band becomes {@code (1 + alpha) delta}; 0 leaves
         * the clip unchanged. */
        public Builder alpha(double alpha) {
            if (!(alpha >= 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha: expected a finite amplification >= 0, got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /** The temporal band in Hz, {@code 0 < lowHz < highHz < fps / 2} (required). */
        public Builder band(double lowHz, double highHz) {
            TemporalFilter.checkBand(lowHz, highHz, fps);
            this.lowHz = lowHz;
            this.highHz = highHz;
            return this;
        }

        /** The temporal filter (default BUTTERWORTH). */
        public Builder filter(TemporalFilter filter) {
            if (filter == null) {
                throw new IllegalArgumentException("filter: expected IDEAL, FIR, IIR or BUTTERWORTH, got null");
            }
            this.filter = filter;
            return this;
        }

        /** Amplitude-weighted Gaussian smoothing of the band-passed phase, {@code sigma} in pixels of each band's
         * grid, 0..50 (default 0: none). */
        public Builder smoothPhase(double sigma) {
            if (!(sigma >= 0) || !(sigma <= 50)) {
                throw new IllegalArgumentException("sigma: expected 0..50 pixels (0 = no smoothing), got " + sigma);
            }
            this.sigma = sigma;
            return this;
        }

        /** Removes the motions outside the band (phase reference + (1 + alpha) band-passed phase); default false. */
        public Builder attenuateOthers(boolean attenuate) {
            this.attenuate = attenuate;
            return this;
        }

        /** One or two bands per octave (default HALF). */
        public Builder octaves(Octaves octaves) {
            if (octaves == null) {
                throw new IllegalArgumentException("octaves: expected OCTAVE or HALF, got null");
            }
            this.octaves = octaves;
            return this;
        }

        /** Orientations of the pyramid, 2..8 (default 4). */
        public Builder orientations(int orientations) {
            if (orientations < 2 || orientations > 8) {
                throw new IllegalArgumentException("orientations: expected 2..8, got " + orientations);
            }
            this.orientations = orientations;
            return this;
        }

        /** Prints a progress line about once a second (default false). */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        PhaseMagnifier.Settings settings() {
            if (Double.isNaN(lowHz)) {
                throw new IllegalStateException("band: call band(lowHz, highHz) before run()");
            }
            return new PhaseMagnifier.Settings(alpha, lowHz, highHz, fps, filter, sigma, attenuate, octaves.perOctave(),
                    orientations);
        }

        /** Magnifies into a new clip held in memory. */
        public Clip run() {
            List<Image> out = new ArrayList<>();
            stream(out::add);
            return Clip.of(out, fps);
        }

        /** Magnifies frame by frame into {@code sink} (not finished: call {@code sink.finish()}). */
        public void run(FrameSink sink) {
            if (sink == null) {
                throw new IllegalArgumentException("sink: expected a frame sink, got null");
            }
            stream(sink::accept);
        }

        /** Magnifies into a video file ({@code .mp4}, {@code .gif} or a PNG folder), streaming; returns the path. */
        public Path write(Path file) {
            PhaseMagnifier.Settings s = settings();
            checkInterrupt(); // before a file channel sees the interrupt
            try (FrameSink sink = FrameSink.to(file, s.fps())) {
                stream(sink::accept);
                sink.finish();
            }
            return file;
        }

        /**
         * The unwrapped phase {@code Delta_t} over the clip of the coefficient of band {@code band}
         * (0 = finest, up to {@code 4 * bands per octave - 1}) and orientation {@code orientation} nearest to
         * pixel (x, y): the signal the temporal filters see (clips in memory only).
         */
        public double[] phaseAt(int x, int y, int band, int orientation) {
            if (clip == null) {
                throw new IllegalArgumentException("source: phaseAt needs a clip in memory, got a stream");
            }
            Image f = clip.frames().get(0);
            if (x < 0 || x >= f.width() || y < 0 || y >= f.height()) {
                throw new IllegalArgumentException("x, y: expected a pixel of " + f.width() + "x" + f.height() + ", got ("
                        + x + ", " + y + ")");
            }
            PhaseMagnifier.Settings s = new PhaseMagnifier.Settings(alpha, Double.isNaN(lowHz) ? 1 : lowHz,
                    Double.isNaN(highHz) ? 2 : highHz, fps, filter, 0, false, octaves.perOctave(), orientations);
            return PhaseMagnifier.phaseSeries(s, clip.frames(), band, orientation, x, y);
        }

        private void stream(Consumer<Image> out) {
            PhaseMagnifier.Settings s = settings();
            FrameSource src = clip != null ? FrameSource.of(clip) : source;
            MotionMagnify.stream(s, src, out, progress);
        }
    }

    /** Runs the pipeline: every frame of {@code src} through a {@link PhaseMagnifier} into {@code out}. */
    static void stream(PhaseMagnifier.Settings s, FrameSource src, Consumer<Image> out, boolean progress) {
        Image first = src.next();
        if (first == null) {
            throw new IllegalArgumentException("source: expected at least 1 frame, got none");
        }
        Image.requireValid(first, "frames[0]");
        PhaseMagnifier m = new PhaseMagnifier(s, first.width(), first.height());
        Progress p = new Progress(progress, src.frames());
        Image f = first;
        long t = 0;
        while (f != null) {
            checkInterrupt();
            if (t > 0) {
                Image.requireValid(f, "frames[" + t + "]");
                if (!f.sameShape(first)) {
                    throw new IllegalArgumentException("frames[" + t + "]: expected " + first.shape() + " like frames[0], got "
                            + f.shape());
                }
            }
            m.push(f, out);
            p.tick(++t);
            f = src.next();
        }
        m.finish(out);
        p.done(t);
    }

    /** Progress lines on stdout, at most one a second. */
    private static final class Progress {
        final boolean on;
        final long total;
        final long start = System.nanoTime();
        long last = start;

        Progress(boolean on, long total) {
            this.on = on;
            this.total = total;
        }

        void tick(long t) {
            if (!on) {
                return;
            }
            long now = System.nanoTime();
            if (now - last >= 1_000_000_000L) {
                last = now;
                double rate = t / ((now - start) / 1e9);
                System.out.println(total > 0
                        ? String.format(Locale.ROOT, "motion magnification: frame %d/%d (%.0f%%), %.1f frames/s", t, total,
                                100.0 * t / total, rate)
                        : String.format(Locale.ROOT, "motion magnification: frame %d, %.1f frames/s", t, rate));
            }
        }

        void done(long t) {
            if (on) {
                double sec = (System.nanoTime() - start) / 1e9;
                System.out.println(String.format(Locale.ROOT, "motion magnification: %d frames in %.1f s (%.1f frames/s)",
                        t, sec, t / sec));
            }
        }
    }

    /**
     * Magnifies motions between {@code lowHz} and {@code highHz}; {@code alpha} is the TOTAL factor applied to
     * the motion (1 leaves the clip unchanged, 5 makes it 5 times as large, 0 removes it), i.e. the builder's
     * {@code alpha(alpha - 1)}. Ideal filter over the whole clip, octave bands, 4 orientations, the luminance
     * of colour frames. No spatial smoothing.
     */
    public static List<Image> phase(List<Image> frames, double alpha, double lowHz, double highHz, double fps) {
        return phase(frames, alpha, lowHz, highHz, fps, 0);
    }

    /**
     * Like {@link #phase(List, double, double, double, double)} with amplitude-weighted Gaussian smoothing of
     * the band-passed phase ({@code sigma} in pixels of each band; 0 for none).
     */
    public static List<Image> phase(List<Image> frames, double alpha, double lowHz, double highHz, double fps,
                                    double sigma) {
        checkFrames(frames, 3);
        TemporalFilter.checkBand(lowHz, highHz, fps);
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha: expected a finite magnification factor, got " + alpha);
        }
        if (!(sigma >= 0) || !(sigma <= 50)) {
            throw new IllegalArgumentException("sigma: expected 0..50 pixels (0 = no smoothing), got " + sigma);
        }
        Image first = frames.get(0);
        if (ComplexSteerableFilters.maxOctaves(first.width(), first.height()) < 1) {
            throw new IllegalArgumentException("frames: expected frames of at least 8x8 pixels, got " + first.shape());
        }
        PhaseMagnifier.Settings s = new PhaseMagnifier.Settings(alpha - 1, lowHz, highHz, fps, TemporalFilter.IDEAL,
                sigma, false, 1, 4);
        List<Image> out = new ArrayList<>(frames.size());
        stream(s, FrameSource.generate(frames.size(), fps, frames::get), out::add, false);
        return out;
    }

    static void checkInterrupt() {
        if (Thread.interrupted()) {
            throw new CancellationException("interrupted");
        }
    }

    /** Frames: not null, at least {@code min}, one size and channel count, finite samples. */
    static void checkFrames(List<Image> frames, int min) {
        if (frames == null) {
            throw new IllegalArgumentException("frames: expected a list of images, got null");
        }
        if (frames.size() < min) {
            throw new IllegalArgumentException("frames: expected at least " + min + " frames, got " + frames.size());
        }
        Image first = frames.get(0);
        Image.requireValid(first, "frames[0]");
        for (int i = 1; i < frames.size(); i++) {
            Image f = Image.requireValid(frames.get(i), "frames[" + i + "]");
            if (!f.sameShape(first)) {
                throw new IllegalArgumentException("frames[" + i + "]: expected " + first.shape() + " like frames[0], got "
                        + f.shape());
            }
        }
    }

    /** The PNG files of {@code folder} in name order, as frames (at least 1). */
    public static List<Image> readFrames(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder: expected a directory of PNG frames, got " + folder);
        }
        return Clip.read(folder).frames();
    }

    /** Writes frames as {@code frame_0000.png ...} (and {@code fps.txt}, 30) into {@code folder}; returns it. */
    public static Path writeFrames(List<Image> frames, Path folder) {
        checkFrames(frames, 1);
        if (folder == null) {
            throw new IllegalArgumentException("folder: expected a path, got null");
        }
        try (FrameSink sink = PngFolder.create(folder, PngFolder.DEFAULT_FPS)) {
            for (Image f : frames) {
                checkInterrupt();
                sink.accept(f);
            }
            sink.finish();
        }
        return folder;
    }
}
