package visionlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import visionlab.data.Dataset;
import visionlab.data.Datasets;
import visionlab.nn.Activation;
import visionlab.nn.History;
import visionlab.nn.Loss;
import visionlab.nn.Mlp;
import visionlab.nn.Sgd;

/**
 * The speed targets, {@code ./lab bench nn} (single-shot time of a whole training call, ms):
 * <ul>
 * <li>{@code mnistEpoch}: a 784-128-10 ReLU net, softmax cross-entropy, SGD batch 64, one epoch of 60,000
 * samples (MNIST 10k tiled 6 times), on 1 or 2 threads (target &lt;= 500 ms on one thread). With
 * {@code input=dense} every pixel gets +1/255 so no input is zero (the kernels skip zeros; this shows the
 * cost without that help).</li>
 * <li>{@code tanh131}: the 1-3-1 tanh net on 50 points, 2000 full-batch steps (target &lt;= 20 ms).</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class NnBench {

    /** The MNIST epoch. */
    @State(Scope.Benchmark)
    public static class Mnist {
        @Param({"1", "2"})
        public int threads;

        @Param({"mnist", "dense"})
        public String input;

        Dataset data;
        Mlp net;

        @Setup
        public void setup() {
            Dataset m = Datasets.mnist10k();
            if (input.equals("dense")) {
                double[][] x = new double[m.size()][];
                for (int i = 0; i < x.length; i++) {
                    x[i] = m.input(i);
                    for (int j = 0; j < x[i].length; j++) {
                        x[i][j] += 1 / 255.0;
                    }
                }
                m = Dataset.classification("MNIST dense", x, m.labels(), 10);
            }
            int[] idx = new int[6 * m.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i % m.size();
            }
            data = m.subset(idx);
            net = Mlp.of(784, 128, 10).hidden(Activation.RELU).output(Activation.SOFTMAX).seed(1);
        }
    }

    /** The 1-3-1 net. */
    @State(Scope.Benchmark)
    public static class Tanh {
        Dataset data = Datasets.square();
        Mlp net = Mlp.of(1, 3, 1).hidden(Activation.TANH).output(Activation.IDENTITY).seed(1);
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 9)
    public History mnistEpoch(Mnist s) {
        return s.net.trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Sgd.lr(0.01).momentum(0.9))
                .batchSize(64).epochs(1).threads(s.threads).live(false).fit(s.data);
    }

    @Benchmark
    @Warmup(iterations = 15)
    @Measurement(iterations = 25)
    public History tanh131(Tanh s) {
        return s.net.seed(1).trainer().loss(Loss.EUCLIDEAN).optimizer(Sgd.lr(0.1).momentum(0.9))
                .batchSize(50).epochs(2000).live(false).fit(s.data);
    }
}
