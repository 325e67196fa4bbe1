package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The float32 training engine of an {@link Mlp}: forward and backward passes over a mini-batch with
 * preallocated buffers. A large step (batch of 32 or more rows, batch x parameters of 100,000 or more) is
 * cut into two fixed halves (shards) whose weight gradients are added in a fixed order, so the result is
 * bit for bit the same whether the halves run on one thread or two.
 */
final class Engine implements TrainingEngine {

    private static volatile ExecutorService pool;

    private final Mlp net;
    private final int layers;
    private final int[] sizes;
    private final Shard[] shards;
    final float[][][] gW; // [l][in][out], the mean gradient of the last step
    final float[][] gb;
    private final float[][][] wTrans; // [l][out][in]
    private final int threads;

    Engine(Mlp net, int maxBatch, int threads) {
        this.net = net;
        this.sizes = net.sizes();
        this.layers = sizes.length - 1;
        int nShards = maxBatch >= 32 && (long) maxBatch * net.parameterCount() >= 100_000 ? 2 : 1;
        this.shards = new Shard[nShards];
        for (int s = 0; s < nShards; s++) {
            shards[s] = new Shard((maxBatch + nShards - 1) / nShards);
        }
        gW = new float[layers][][];
        gb = new float[layers][];
        wTrans = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            gW[l] = shards[0].gW[l]; // shard 0's gradient buffers hold the sum
            gb[l] = shards[0].gb[l];
            wTrans[l] = new float[sizes[l + 1]][sizes[l]];
        }
        this.threads = threads;
    }

    private final class Shard {
        final float[][][] act = new float[layers + 1][][];
        final float[][][] delta = new float[layers + 1][][];
        final float[][][] gW = new float[layers][][];
        final float[][] gb = new float[layers][];
        final int[][][] nz;      // [l][row][]: non-zero positions of each row of act[l]
        final int[][] nzCount;   // [l][row]
        final int[][][] rowsOf;  // [l][column][]: rows where act[l] is non-zero in that column
        final int[][] colCount;  // [l][column]
        final int[][] scratch;   // gather buffers for the dC/dx products
        final int[] scratchCount;
        float[][] target;
        int from;
        int rows;
        double loss;
        int correct;

        Shard(int cap) {
            act[0] = new float[cap][];
            for (int l = 1; l <= layers; l++) {
                act[l] = new float[cap][sizes[l]];
                delta[l] = new float[cap][sizes[l]];
            }
            for (int l = 0; l < layers; l++) {
                gW[l] = new float[sizes[l]][sizes[l + 1]];
                gb[l] = new float[sizes[l + 1]];
            }
            target = new float[cap][];
            int widest = 1;
            for (int sz : sizes) {
                widest = Math.max(widest, sz);
            }
            nz = new int[layers][][];
            nzCount = new int[layers][cap];
            rowsOf = new int[layers][][];
            colCount = new int[layers][];
            for (int l = 0; l < layers; l++) {
                nz[l] = new int[cap][sizes[l]];
                rowsOf[l] = new int[sizes[l]][cap];
                colCount[l] = new int[sizes[l]];
            }
            scratch = new int[cap][widest];
            scratchCount = new int[cap];
        }

        void forward() {
            for (int l = 0; l < layers; l++) {
                float[][] in = act[l];
                float[][] out = act[l + 1];
                float[] b = net.bias[l];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(b, 0, out[r], 0, b.length);
                }
                Gemm.mulAdd(out, 0, rows, in, net.wt[l], sizes[l], sizes[l + 1], nz[l], nzCount[l]);
                net.acts[l].applyInPlace(out, rows, sizes[l + 1]);
            }
        }

        void backward(Loss loss, int scale) {
            int nOut = sizes[layers];
            this.loss = loss.lossAndDelta(net.acts[layers - 1], act[layers], target, rows, nOut, delta[layers], scale);
            correct = 0;
            for (int r = 0; r < rows; r++) {
                if (Engine.correct(act[layers][r], target[r], nOut)) {
                    correct++;
                }
            }
            for (int l = layers - 1; l >= 0; l--) {
                float[][] d = delta[l + 1];
                Gemm.columnsToRows(nz[l], nzCount[l], rows, rowsOf[l], colCount[l]);
                Gemm.mulTransA(gW[l], 0, sizes[l], act[l], d, sizes[l + 1], rowsOf[l], colCount[l]);
                float[] gbl = gb[l];
                java.util.Arrays.fill(gbl, 0f);
                for (int r = 0; r < rows; r++) {
                    float[] dr = d[r];
                    for (int c = 0; c < gbl.length; c++) {
                        gbl[c] += dr[c];
                    }
                }
                if (l > 0) {
                    float[][] dPrev = delta[l];
                    for (int r = 0; r < rows; r++) {
                        java.util.Arrays.fill(dPrev[r], 0, sizes[l], 0f);
                    }
                    Gemm.mulAdd(dPrev, 0, rows, d, wTrans[l], sizes[l + 1], sizes[l], scratch, scratchCount);
                    net.acts[l - 1].backwardInPlace(act[l], dPrev, rows, sizes[l]);
                }
            }
        }
    }

    /** True when an output row picks the target's class (arg max, or the 0.5 threshold for one output). */
    static boolean correct(float[] out, float[] target, int n) {
        if (n == 1) {
            return (out[0] > 0.5f) == (target[0] > 0.5f);
        }
        int a = 0;
        int b = 0;
        for (int c = 1; c < n; c++) {
            if (out[c] > out[a]) {
                a = c;
            }
            if (target[c] > target[b]) {
                b = c;
            }
        }
        return a == b;
    }

    /**
     * Runs {@code second} on a pool thread and {@code first} on this one and waits for both. An interrupt
     * while waiting lets the step finish and sets the flag again (the training loop sees it right after).
     */
    static void inParallel(Runnable first, Runnable second) {
        Future<?> f = pool().submit(second);
        first.run();
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("training step failed: " + e.getCause(), e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService pool() {
        if (pool == null) {
            synchronized (Engine.class) {
                if (pool == null) {
                    pool = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "visionlab-nn");
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return pool;
    }

    /**
     * One training step on rows {@code idx[from..from+count)} of x and t: afterwards {@link #gW} and
     * {@link #gb} hold dE/dW and dE/db with E the mean loss over the batch. Returns the summed loss;
     * {@link #lastCorrect} the number of correctly classified rows.
     */
    @Override
    public double gradient(float[][] x, float[][] t, int[] idx, int from, int count, Loss loss) {
        for (int l = 1; l < layers; l++) {
            transpose(net.wt[l], wTrans[l]);
        }
        int nShards = shards.length;
        int half = (count + nShards - 1) / nShards;
        for (int s = 0; s < nShards; s++) {
            Shard sh = shards[s];
            sh.from = s * half;
            sh.rows = Math.min(count, (s + 1) * half) - sh.from;
            for (int r = 0; r < sh.rows; r++) {
                int m = idx[from + sh.from + r];
                sh.act[0][r] = x[m];
                sh.target[r] = t[m];
            }
        }
        if (nShards == 2 && threads > 1) {
            inParallel(() -> {
                shards[0].forward();
                shards[0].backward(loss, count);
            }, () -> {
                shards[1].forward();
                shards[1].backward(loss, count);
            });
        } else {
            for (int s = 0; s < nShards; s++) {
                shards[s].forward();
                shards[s].backward(loss, count);
            }
        }
        double sum = 0;
        lastCorrect = 0;
        for (int l = 0; l < layers; l++) {
            for (int s = 1; s < nShards; s++) {
                add(shards[s].gW[l], gW[l]);
                float[] src = shards[s].gb[l];
                float[] dst = gb[l];
                for (int c = 0; c < dst.length; c++) {
                    dst[c] += src[c];
                }
            }
        }
        for (int s = 0; s < nShards; s++) {
            sum += shards[s].loss;
            lastCorrect += shards[s].correct;
        }
        return sum;
    }

    int lastCorrect;

    @Override
    public int correct() {
        return lastCorrect;
    }

    @Override
    public List<float[]> gradients() {
        List<float[]> g = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            g.addAll(Arrays.asList(gW[l]));
            g.add(gb[l]);
        }
        return g;
    }

    /**
     * Forward pass only on rows idx[from..from+count) of x (count at most the engine's batch): returns the
     * output rows (live buffers, valid until the next call).
     */
    @Override
    public float[][] outputs(float[][] x, int[] idx, int from, int count) {
        Shard sh = shards[0];
        int cap = sh.act[0].length;
        if (count > cap) {
            throw new IllegalArgumentException("count: expected at most " + cap + ", got " + count);
        }
        sh.rows = count;
        for (int r = 0; r < count; r++) {
            sh.act[0][r] = x[idx == null ? from + r : idx[from + r]];
        }
        sh.forward();
        return sh.act[layers];
    }

    /** Largest batch {@link #outputs} accepts. */
    @Override
    public int capacity() {
        return shards[0].act[0].length;
    }

    private static void transpose(float[][] a, float[][] t) {
        for (int i = 0; i < a.length; i++) {
            float[] ai = a[i];
            for (int j = 0; j < ai.length; j++) {
                t[j][i] = ai[j];
            }
        }
    }

    private static void add(float[][] src, float[][] dst) {
        for (int i = 0; i < src.length; i++) {
            float[] s = src[i];
            float[] d = dst[i];
            for (int j = 0; j < s.length; j++) {
                d[j] += s[j];
            }
        }
    }
}
