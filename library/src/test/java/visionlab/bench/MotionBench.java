package visionlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import visionlab.image.Image;
import visionlab.motion.Clip;
import visionlab.motion.FrameSink;
import visionlab.motion.FrameSource;
import visionlab.motion.MotionMagnify;
import visionlab.motion.Octaves;
import visionlab.motion.TemporalFilter;

/**
 * Streaming phase-based motion magnification of a 320x240 grey clip (4 orientations, half-octave bands,
 * Butterworth, 60 frames per invocation): times are PER FRAME. {@code magnify} goes from decoded frames in
 * memory to magnified frames; {@code magnifyAndEncodeMp4} adds the H.264 encoding into an MP4 file (end to
 * end from decoded frames to encoded output); {@code encodeMp4} and {@code decodeMp4} are JCodec alone.
 * Mode SampleTime: read the p0.50 line as the median; frames per second = 1000 / median ms.
 *
 * <pre>./lab bench motion          (or: ./lab bench motion -f 1 -wi 2 -i 3)</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@OperationsPerInvocation(MotionBench.FRAMES)
public class MotionBench {

    static final int FRAMES = 60;
    static final double FPS = 30;

    @State(Scope.Benchmark)
    public static class Frames {
        List<Image> frames = new ArrayList<>();
        Path dir;
        Path mp4;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            for (int t = 0; t < FRAMES; t++) {
                double d = 0.3 * Math.sin(2 * Math.PI * 1.2 * t / FPS);
                frames.add(Image.fromFunction(320, 240, (x, y) -> {
                    double r = Math.hypot(x - 160 - d, y - 120);
                    return 0.2 + 0.5 / (1 + Math.exp((r - 50) / 2.0)) + 0.1 * Math.sin(0.3 * x) * Math.sin(0.2 * y);
                }));
            }
            dir = Files.createTempDirectory("motionbench");
            mp4 = Clip.of(frames, FPS).write(dir.resolve("in.mp4"));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }

        MotionMagnify.Builder magnifier() {
            return MotionMagnify.phase(FrameSource.generate(FRAMES, FPS, frames::get)).alpha(10).band(0.8, 1.6)
                    .filter(TemporalFilter.BUTTERWORTH).octaves(Octaves.HALF).orientations(4);
        }
    }

    /** Discards frames into a blackhole. */
    static FrameSink sinkInto(Blackhole bh) {
        return new FrameSink() {
            @Override
            public void accept(Image frame) {
                bh.consume(frame);
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Benchmark
    public void magnify(Frames s, Blackhole bh) {
        s.magnifier().run(sinkInto(bh));
    }

    @Benchmark
    public Path magnifyAndEncodeMp4(Frames s) {
        return s.magnifier().write(s.dir.resolve("out.mp4"));
    }

    @Benchmark
    public Path encodeMp4(Frames s) {
        return Clip.of(s.frames, FPS).write(s.dir.resolve("enc.mp4"));
    }

    @Benchmark
    public void decodeMp4(Frames s, Blackhole bh) {
        try (FrameSource src = FrameSource.open(s.mp4)) {
            Image f;
            while ((f = src.next()) != null) {
                bh.consume(f);
            }
        }
    }
}
