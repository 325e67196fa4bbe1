package visionlab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import visionlab.blend.Blend;
import visionlab.blend.Mask;
import visionlab.image.Image;
import visionlab.pyramid.GaussianPyramid;
import visionlab.pyramid.LaplacianPyramid;

/**
 * Pyramid speed (issue 2 targets): Gaussian pyramid down to 8x8 and Laplacian build + reconstruct at
 * 4096x4096 and 512x512 (grey float32, as the OpenCV comparison), and a 512x512 colour multiband blend
 * with 6 levels. {@code ./lab bench pyramids}; Mode.SampleTime: JMH prints the mean and the percentiles,
 * p0.50 is the median time per call in ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Djava.awt.headless=true", "-XX:+UseParallelGC"})
public class PyramidsBench {

    /** A random grey image of the given size. */
    @State(Scope.Benchmark)
    public static class Grey {
        @Param({"512", "4096"})
        public int size;

        Image img;

        @Setup(Level.Trial)
        public void setUp() {
            Random r = new Random(1);
            img = Image.zeros(size, size);
            float[] p = img.plane(0);
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextFloat();
            }
        }
    }

    /** The apple and orange samples (512x512 RGB) and a left-half mask. */
    @State(Scope.Benchmark)
    public static class Pair {
        Image a;
        Image b;
        Image mask;

        @Setup(Level.Trial)
        public void setUp() {
            a = Image.sample("apple");
            b = Image.sample("orange");
            mask = Mask.leftHalf(a);
        }
    }

    /** Gaussian pyramid to 8x8 (10 levels at 4096, 7 at 512). */
    @Benchmark
    public GaussianPyramid gaussian(Grey g) {
        return GaussianPyramid.of(g.img);
    }

    /** Laplacian pyramid build (bands + low-pass at 8x8) and full reconstruction. */
    @Benchmark
    public Image laplacianBuildReconstruct(Grey g) {
        return LaplacianPyramid.of(g.img).reconstruct();
    }

    /** 512x512 RGB apple/orange multiband blend, 6 levels. */
    @Benchmark
    public Image blendColour512(Pair p) {
        return Blend.multiband(p.a, p.b, p.mask, 6);
    }
}
