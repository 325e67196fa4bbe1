package visionlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The float32 training engine of a {@link Cnn}: the stages' forward and backward passes over a mini-batch,
 * every buffer allocated once. A batch of 16 or more examples is cut into two fixed halves (shards) whose
 * weight gradients are added in a fixed order, so the result is bit for bit the same on one thread or two.
 */
final class CnnEngine implements TrainingEngine {

    private final Stage[] stages;
    private final Shard[] shards;
    private final int threads;
    private final List<float[]> gradients = new ArrayList<>();
    private int lastCorrect;

    CnnEngine(List<Stage> stages, int maxBatch, int threads) {
        this.stages = stages.toArray(new Stage[0]);
        int nShards = maxBatch >= 16 ? 2 : 1;
        shards = new Shard[nShards];
        for (int s = 0; s < nShards; s++) {
            shards[s] = new Shard((maxBatch + nShards - 1) / nShards);
        }
        for (Stage.Work w : shards[0].work) {
            gradients.addAll(w.gradients()); // shard 0's gradient buffers hold the sum
        }
        this.threads = threads;
    }

    private final class Shard {
        final float[][][][] act;   // [boundary][r][channel][H*W]; boundary 0 is the input
        final float[][][][] delta; // dE/dx at each boundary (dE/da after the activation's derivative)
        final Stage.Work[] work;
        final float[][] target;
        final float[][] outRows;
        final float[][] deltaRows;
        final boolean singleChannelInput;
        int rows;
        double loss;
        int correct;

        Shard(int cap) {
            int n = stages.length;
            act = new float[n + 1][][][];
            delta = new float[n + 1][][][];
            work = new Stage.Work[n];
            MapShape in = stages[0].in;
            singleChannelInput = in.channels() == 1;
            act[0] = singleChannelInput ? new float[cap][1][] : new float[cap][in.channels()][in.area()];
            for (int j = 0; j < n; j++) {
                MapShape o = stages[j].out;
                act[j + 1] = new float[cap][o.channels()][o.area()];
                delta[j + 1] = new float[cap][o.channels()][o.area()];
                work[j] = stages[j].work(cap);
            }
            delta[0] = null;
            target = new float[cap][];
            outRows = Stage.rowsOf(act[n]);
            deltaRows = Stage.rowsOf(delta[n]);
        }

        void load(float[][] x, int[] idx, int from, int count) {
            rows = count;
            MapShape in = stages[0].in;
            for (int r = 0; r < count; r++) {
                float[] src = x[idx == null ? from + r : idx[from + r]];
                if (singleChannelInput) {
                    act[0][r][0] = src;
                } else {
                    for (int c = 0; c < in.channels(); c++) {
                        System.arraycopy(src, c * in.area(), act[0][r][c], 0, in.area());
                    }
                }
            }
        }

        void forward() {
            for (int j = 0; j < stages.length; j++) {
                work[j].forward(act[j], act[j + 1], rows);
                Activation f = stages[j].act;
                if (f != null) {
                    int a = stages[j].out.area();
                    for (int r = 0; r < rows; r++) {
                        f.applyInPlace(act[j + 1][r], act[j + 1][r].length, a);
                    }
                }
            }
        }

        void backward(Loss loss, int scale) {
            int n = stages.length;
            int nOut = stages[n - 1].out.size();
            Activation last = stages[n - 1].act == null ? Activation.IDENTITY : stages[n - 1].act;
            this.loss = loss.lossAndDelta(last, outRows, target, rows, nOut, deltaRows, scale);
            correct = 0;
            for (int r = 0; r < rows; r++) {
                if (Engine.correct(outRows[r], target[r], nOut)) {
                    correct++;
                }
            }
            for (int j = n - 1; j >= 0; j--) {
                Activation f = stages[j].act;
                if (j < n - 1 && f != null) {
                    int a = stages[j].out.area();
                    boolean maps = act[j + 1][0].length > 1;
                    for (int r = 0; r < rows; r++) {
                        if (maps && f.equals(Activation.RELU)) {
                            reluBackwardSparse(act[j + 1][r], delta[j + 1][r]);
                        } else {
                            f.backwardInPlace(act[j + 1][r], delta[j + 1][r], act[j + 1][r].length, a);
                        }
                    }
                }
                work[j].backward(act[j], delta[j + 1], j > 0 ? delta[j] : null, rows);
            }
        }
    }

    /**
     * ReLU's dE/da = dE/dy where y &gt; 0, else 0, for maps whose dE/dy is mostly zeros (after max pooling):
     * only the non-zero entries are tested.
     */
    private static void reluBackwardSparse(float[][] y, float[][] g) {
        for (int c = 0; c < y.length; c++) {
            float[] yc = y[c];
            float[] gc = g[c];
            for (int i = 0; i < gc.length; i++) {
                if (gc[i] != 0 && !(yc[i] > 0)) {
                    gc[i] = 0f;
                }
            }
        }
    }

    @Override
    public double gradient(float[][] x, float[][] t, int[] idx, int from, int count, Loss loss) {
        for (Stage s : stages) {
            s.beginStep();
        }
        int nShards = shards.length;
        int half = (count + nShards - 1) / nShards;
        for (int s = 0; s < nShards; s++) {
            Shard sh = shards[s];
            int start = Math.min(count, s * half);
            sh.load(x, idx, from + start, Math.min(count, (s + 1) * half) - start);
            for (int r = 0; r < sh.rows; r++) {
                sh.target[r] = t[idx == null ? from + start + r : idx[from + start + r]];
            }
        }
        if (nShards == 2 && threads > 1) {
            Engine.inParallel(() -> step(shards[0], loss, count), () -> step(shards[1], loss, count));
        } else {
            for (Shard sh : shards) {
                step(sh, loss, count);
            }
        }
        double sum = 0;
        lastCorrect = 0;
        for (int s = 0; s < nShards; s++) {
            if (s > 0) {
                for (int j = 0; j < stages.length; j++) {
                    shards[s].work[j].addGradientsTo(shards[0].work[j]);
                }
            }
            sum += shards[s].loss;
            lastCorrect += shards[s].correct;
        }
        return sum;
    }

    private static void step(Shard sh, Loss loss, int scale) {
        if (sh.rows == 0) {
            sh.loss = 0;
            sh.correct = 0;
            for (Stage.Work w : sh.work) {
                for (float[] g : w.gradients()) {
                    java.util.Arrays.fill(g, 0f);
                }
            }
            return;
        }
        sh.forward();
        sh.backward(loss, scale);
    }

    @Override
    public int correct() {
        return lastCorrect;
    }

    @Override
    public float[][] outputs(float[][] x, int[] idx, int from, int count) {
        Shard sh = shards[0];
        if (count > sh.target.length) {
            throw new IllegalArgumentException("count: expected at most " + sh.target.length + ", got " + count);
        }
        sh.load(x, idx, from, count);
        sh.forward();
        return sh.outRows;
    }

    /** Every boundary's maps for the examples last run through {@link #outputs} (live buffers). */
    float[][][][] maps() {
        return shards[0].act;
    }

    @Override
    public int capacity() {
        return shards[0].target.length;
    }

    @Override
    public List<float[]> gradients() {
        return gradients;
    }
}
