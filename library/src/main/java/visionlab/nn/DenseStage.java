package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected {@link Linear} layer of a {@link Cnn} on the float32 path, over the rows of a shard at
 * once: A = X W^T + b with W^T stored as rows {@code [in][out]}, dE/dW^T = X^T dE/dA (over the rows where X
 * is not zero), dE/dX = dE/dA W, as in the {@link Mlp}'s engine.
 */
final class DenseStage extends Stage {

    final int nIn;
    final int nOut;
    final float[][] wt;      // [in][out]
    final float[] bias;      // [out]
    final float[][] wTrans;  // [out][in], refreshed at each step

    DenseStage(MapShape in, int units) {
        super(in, new MapShape(1, 1, units));
        nIn = in.size();
        nOut = units;
        wt = new float[nIn][nOut];
        bias = new float[nOut];
        wTrans = new float[nOut][nIn];
    }

    @Override
    Layer layer() {
        double[] w = new double[nOut * nIn];
        double[] b = new double[nOut];
        for (int i = 0; i < nIn; i++) {
            for (int o = 0; o < nOut; o++) {
                w[o * nIn + i] = wt[i][o];
            }
        }
        for (int o = 0; o < nOut; o++) {
            b[o] = bias[o];
        }
        return new Linear(nIn, nOut, w, b);
    }

    @Override
    int parameterCount() {
        return (nIn + 1) * nOut;
    }

    @Override
    long work() {
        return (long) nIn * nOut;
    }

    @Override
    List<float[]> parameters() {
        List<float[]> p = new ArrayList<>(Arrays.asList(wt));
        p.add(bias);
        return p;
    }

    @Override
    void initialise(SplittableRandom rnd, Init how) {
        for (int o = 0; o < nOut; o++) {
            for (int i = 0; i < nIn; i++) {
                wt[i][o] = (float) how.draw(rnd, nIn, nOut);
            }
        }
        Arrays.fill(bias, 0f);
    }

    @Override
    void beginStep() {
        Gemm.transpose(wt, nIn, nOut, wTrans);
    }

    @Override
    Work work(int cap) {
        return new DenseWork(cap);
    }

    final class DenseWork extends Work {
        final int[][] nz;
        final int[] nzCount;
        final int[][] rowsOf;
        final int[] colCount;
        final int[][] scratch;
        final int[] scratchCount;
        final float[][] gW = new float[nIn][nOut];
        final float[] gb = new float[nOut];
        final List<float[]> grads;
        float[][][] xSeen;
        float[][] xRows;
        float[][][] ySeen;
        float[][] yRows;
        float[][][] dySeen;
        float[][] dyRows;
        float[][][] dxSeen;
        float[][] dxRows;

        DenseWork(int cap) {
            nz = new int[cap][nIn];
            nzCount = new int[cap];
            rowsOf = new int[nIn][cap];
            colCount = new int[nIn];
            scratch = new int[cap][nOut];
            scratchCount = new int[cap];
            grads = new ArrayList<>(Arrays.asList(gW));
            grads.add(gb);
        }

        @Override
        List<float[]> gradients() {
            return grads;
        }

        @Override
        void forward(float[][][] x, float[][][] y, int rows) {
            if (x != xSeen) {
                xSeen = x;
                xRows = rowsOf(x);
            }
            if (y != ySeen) {
                ySeen = y;
                yRows = rowsOf(y);
            }
            for (int r = 0; r < rows; r++) {
                xRows[r] = x[r][0]; // the input boundary may point at the caller's rows
                System.arraycopy(bias, 0, yRows[r], 0, nOut);
            }
            Gemm.mulAdd(yRows, 0, rows, xRows, wt, nIn, nOut, nz, nzCount);
        }

        @Override
        void backward(float[][][] x, float[][][] dy, float[][][] dx, int rows) {
            if (dy != dySeen) {
                dySeen = dy;
                dyRows = rowsOf(dy);
            }
            Gemm.columnsToRows(nz, nzCount, rows, rowsOf, colCount);
            Gemm.mulTransA(gW, 0, nIn, xRows, dyRows, nOut, rowsOf, colCount);
            Arrays.fill(gb, 0f);
            for (int r = 0; r < rows; r++) {
                float[] d = dyRows[r];
                for (int c = 0; c < nOut; c++) {
                    gb[c] += d[c];
                }
            }
            if (dx != null) {
                if (dx != dxSeen) {
                    dxSeen = dx;
                    dxRows = rowsOf(dx);
                }
                for (int r = 0; r < rows; r++) {
                    Arrays.fill(dxRows[r], 0, nIn, 0f);
                }
                Gemm.mulAdd(dxRows, 0, rows, dyRows, wTrans, nOut, nIn, scratch, scratchCount);
            }
        }
    }
}
