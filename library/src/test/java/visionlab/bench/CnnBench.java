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
import visionlab.nn.Adam;
import visionlab.nn.Cnn;
import visionlab.nn.History;
import visionlab.nn.Loss;

/**
 * The speed target, {@code ./lab bench cnn} (single-shot time of a whole training call, ms):
 * {@code lenetEpoch}, LeNet-5 (conv 6@5x5, ReLU, max pool 2, conv 16@5x5, ReLU, max pool 2, 256-120-84-10
 * softmax), softmax cross-entropy, Adam lr 1e-3, batch 64, one epoch of 60,000 28x28 inputs (MNIST 10k tiled
 * 6 times), on 1 or 2 threads. Target: at most PyTorch's 1-thread time for the same epoch, measured in the
 * same run by {@code library/src/test/python/bench_cnn_torch.py}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class CnnBench {

    /** The 60,000 digits and a fresh LeNet-5 per iteration. */
    @State(Scope.Benchmark)
    public static class Digits {
        @Param({"1", "2"})
        public int threads;

        Dataset data;

        @Setup
        public void setup() {
            Dataset m = Datasets.mnist10k();
            int[] idx = new int[6 * m.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i % m.size();
            }
            data = m.subset(idx);
        }
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public History lenetEpoch(Digits s) {
        return Cnn.lenet5(10).seed(1).trainer().loss(Loss.SOFTMAX_CROSS_ENTROPY).optimizer(Adam.lr(0.001))
                .batchSize(64).epochs(1).threads(s.threads).live(false).fit(s.data);
    }
}
