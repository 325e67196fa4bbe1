package visionlab.bench;

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
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.texture.HistogramMatcher;
import visionlab.texture.Histograms;
import visionlab.texture.TextureSynthesis;

/**
 * Heeger-Bergen texture synthesis of an n x n texture from an n x n sample (gravel; 256: the 512 sample
 * halved), 4 scales, 4 orientations, 5 iterations, steerable pyramid; the same for an RGB sample
 * (astronaut); and one histogram match of n x n pixels to a kept reference. Mode SampleTime: read the p0.50 line as the median.
 *
 * <pre>./lab bench texture          (or: ./lab bench texture -f 1 -wi 3 -i 5)</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TextureBench {

    @State(Scope.Benchmark)
    public static class SynthesisState {
        @Param({"256", "512"})
        public int size;

        TextureSynthesis tex;
        HistogramMatcher matcher;
        Image img;

        @Setup(Level.Trial)
        public void setup() {
            Image g = Image.sample("gravel");
            Image sample = size == 512 ? g : Resample.reduce(g).crop(0, 0, size, size);
            tex = TextureSynthesis.of(sample).size(size, size).seed(1);
            matcher = Histograms.matcher(sample);
            img = Image.sample("camera").crop(0, 0, size, size);
        }
    }

    @Benchmark
    public Image synthesize(SynthesisState s) {
        return s.tex.synthesize();
    }

    @State(Scope.Benchmark)
    public static class ColourState {
        @Param({"256", "512"})
        public int size;

        TextureSynthesis tex;

        @Setup(Level.Trial)
        public void setup() {
            Image a = Image.sample("astronaut");
            tex = TextureSynthesis.of(size == 512 ? a : Resample.reduce(a)).size(size, size).seed(1);
        }
    }

    /** The same on an RGB photo (astronaut): three principal-component channels, about 3 times the work. */
    @Benchmark
    public Image synthesizeColour(ColourState s) {
        return s.tex.synthesize();
    }

    @Benchmark
    public Image histogramMatch(SynthesisState s) {
        return s.matcher.match(s.img);
    }
}
