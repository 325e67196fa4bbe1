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
import visionlab.image.Image;
import visionlab.pyramid.SteerablePyramid;
import visionlab.steer.Steerable;
import visionlab.steer.SteeredResponse;

/**
 * Steerable pyramid build + reconstruct (4 orientations, all scales: floor(log2 n) - 2), real and complex,
 * at 512x512 and 4096x4096; the steered response {@code .at(theta)} of a 512x512 image from its precomputed
 * basis (orders 1 and 4). Mode SampleTime: read the p0.50 line as the median.
 *
 * <pre>./lab bench steer          (or: ./lab bench steer -f 1 -wi 3 -i 5)</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SteerBench {

    @State(Scope.Benchmark)
    public static class PyramidState {
        @Param({"512", "4096"})
        public int size;

        Image img;
        int scales;

        @Setup(Level.Trial)
        public void setup() {
            Random r = new Random(1);
            img = Image.fromFunction(size, size, (x, y) -> r.nextFloat());
            scales = SteerablePyramid.maxScales(img);
        }
    }

    @Benchmark
    public Image pyramidRealBuildReconstruct(PyramidState s) {
        return SteerablePyramid.of(s.img, s.scales, 4).reconstruct();
    }

    @Benchmark
    public Image pyramidComplexBuildReconstruct(PyramidState s) {
        return SteerablePyramid.complex(s.img, s.scales, 4).reconstruct();
    }

    @State(Scope.Benchmark)
    public static class SteerState {
        @Param({"1", "4"})
        public int order;

        SteeredResponse response;
        double theta = 0.3;

        @Setup(Level.Trial)
        public void setup() {
            Random r = new Random(2);
            Image img = Image.fromFunction(512, 512, (x, y) -> r.nextFloat());
            response = Steerable.gaussianDerivative(order, 2.0).apply(img);
        }
    }

    @Benchmark
    public Image steeredResponseAt512(SteerState s) {
        s.theta += 0.01;
        return s.response.at(s.theta);
    }
}
