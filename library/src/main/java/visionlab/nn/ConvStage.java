package visionlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Conv2d} on the float32 path, by im2col feeding {@link Gemm}: per example, the k x k patches of
 * the input become the columns of {@code cols [C_in k k x H'W']} and the layer is one product
 * A = W cols (each row of A an output map). The backward pass uses the patches as rows
 * ({@code colsT [H'W' x C_in k k]}, only where dE/dA is not zero): dE/dW += dE/dA colsT, and
 * dE/dcols = W^T dE/dA is added back onto the input where each patch came from (col2im). The kernels skip zeros of the left factor, which after ReLU and max pooling are most
 * of dE/dA.
 */
final class ConvStage extends Stage {

    final int k;
    final int stride;
    final int pad;
    final int cin;
    final int cout;
    final int kk;   // C_in k k
    final int area; // H' W'
    final float[][] weights; // [cout][kk]
    final float[] bias;
    final float[][] weightsT; // [kk][cout], refreshed at each step

    ConvStage(MapShape in, int cout, int k, int stride, int pad) {
        super(in, Conv2d.outputShape(in, cout, k, stride, pad));
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.cin = in.channels();
        this.cout = cout;
        this.kk = cin * k * k;
        this.area = out.area();
        weights = new float[cout][kk];
        bias = new float[cout];
        weightsT = new float[kk][cout];
    }

    @Override
    void beginStep() {
        Gemm.transpose(weights, cout, kk, weightsT);
    }

    @Override
    Layer layer() {
        double[] wd = new double[cout * kk];
        double[] bd = new double[cout];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < kk; i++) {
                wd[o * kk + i] = weights[o][i];
            }
            bd[o] = bias[o];
        }
        return new Conv2d(in, cout, k, stride, pad, wd, bd);
    }

    @Override
    int parameterCount() {
        return cout * kk + cout;
    }

    @Override
    long work() {
        return (long) cout * kk * area;
    }

    @Override
    List<float[]> parameters() {
        List<float[]> p = new ArrayList<>(Arrays.asList(weights));
        p.add(bias);
        return p;
    }

    @Override
    void initialise(SplittableRandom rnd, Init how) {
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < kk; i++) {
                weights[o][i] = (float) how.draw(rnd, kk, cout * k * k);
            }
        }
        Arrays.fill(bias, 0f);
    }

    @Override
    Work work(int cap) {
        return new ConvWork();
    }

    /**
     * The patches of one example as columns: cols[(c k + u) k + v][y W' + x] = x[c][s y + u - p][s x + v - p]
     * (0 outside the input).
     */
    void im2col(float[][] x, float[][] cols) {
        int h = in.height();
        int wd = in.width();
        int ow = out.width();
        int oh = out.height();
        for (int c = 0; c < cin; c++) {
            float[] src = x[c];
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    float[] row = cols[(c * k + u) * k + v];
                    // the x' range whose input column s x' + v - p lies inside 0..W-1
                    int lo = Math.max(0, (pad - v + stride - 1) / stride);
                    int hi = Math.min(ow - 1, Math.floorDiv(wd - 1 + pad - v, stride));
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride + u - pad;
                        int base = oy * ow;
                        if (iy < 0 || iy >= h || hi < lo) {
                            Arrays.fill(row, base, base + ow, 0f);
                            continue;
                        }
                        if (lo > 0) {
                            Arrays.fill(row, base, base + lo, 0f);
                        }
                        int s0 = iy * wd + lo * stride + v - pad;
                        if (stride == 1) {
                            System.arraycopy(src, s0, row, base + lo, hi - lo + 1);
                        } else {
                            for (int ox = lo, si = s0; ox <= hi; ox++, si += stride) {
                                row[base + ox] = src[si];
                            }
                        }
                        if (hi < ow - 1) {
                            Arrays.fill(row, base + hi + 1, base + ow, 0f);
                        }
                    }
                }
            }
        }
    }

    /**
     * The patches of one example as rows, colsT[y W' + x][(c k + u) k + v], for the positions p with
     * {@code used[p]} (the others are left as they are).
     */
    void im2row(float[][] x, float[][] colsT, boolean[] used) {
        int h = in.height();
        int wd = in.width();
        int ow = out.width();
        boolean inside = pad == 0; // every patch lies inside the input
        for (int pos = 0; pos < area; pos++) {
            if (!used[pos]) {
                continue;
            }
            int oy = pos / ow;
            int ox = pos - oy * ow;
            float[] row = colsT[pos];
            int ix0 = ox * stride - pad;
            int q = 0;
            for (int c = 0; c < cin; c++) {
                float[] src = x[c];
                for (int u = 0; u < k; u++, q += k) {
                    int iy = oy * stride + u - pad;
                    if (inside) {
                        System.arraycopy(src, iy * wd + ix0, row, q, k);
                    } else if (iy < 0 || iy >= h) {
                        Arrays.fill(row, q, q + k, 0f);
                    } else {
                        for (int v = 0; v < k; v++) {
                            int ix = ix0 + v;
                            row[q + v] = ix >= 0 && ix < wd ? src[iy * wd + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** dx[c][i][j] += every dCols entry that im2col took from x[c][i][j] (col2im, contiguous runs). */
    void col2im(float[][] dCols, float[][] dx) {
        int h = in.height();
        int wd = in.width();
        int ow = out.width();
        int oh = out.height();
        for (int c = 0; c < cin; c++) {
            float[] dst = dx[c];
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    float[] row = dCols[(c * k + u) * k + v];
                    int lo = Math.max(0, (pad - v + stride - 1) / stride);
                    int hi = Math.min(ow - 1, Math.floorDiv(wd - 1 + pad - v, stride));
                    if (hi < lo) {
                        continue;
                    }
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride + u - pad;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int d0 = iy * wd + lo * stride + v - pad;
                        int s0 = oy * ow;
                        if (stride == 1) {
                            for (int ox = lo; ox <= hi; ox++) {
                                dst[d0 - lo + ox] += row[s0 + ox];
                            }
                        } else {
                            for (int ox = lo, di = d0; ox <= hi; ox++, di += stride) {
                                dst[di] += row[s0 + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    final class ConvWork extends Work {
        final float[][] cols = new float[kk][area];
        final float[][] colsT = new float[area][kk];
        final float[][] dCols = new float[kk][area];
        final boolean[] used = new boolean[area];
        final int[][] nzF = new int[cout][kk];
        final int[] cntF = new int[cout];
        final int[][] nzX = new int[kk][cout];
        final int[] cntX = new int[kk];
        final int[][] nzD = new int[cout][area];
        final int[] cntD = new int[cout];
        final float[][] gW = new float[cout][kk];
        final float[] gb = new float[cout];
        final List<float[]> grads;

        ConvWork() {
            grads = new ArrayList<>(Arrays.asList(gW));
            grads.add(gb);
        }

        @Override
        List<float[]> gradients() {
            return grads;
        }

        @Override
        void forward(float[][][] x, float[][][] y, int rows) {
            for (int r = 0; r < rows; r++) {
                im2col(x[r], cols);
                float[][] yr = y[r];
                for (int o = 0; o < cout; o++) {
                    Arrays.fill(yr[o], bias[o]);
                }
                Gemm.mulAdd(yr, 0, cout, weights, cols, kk, area, nzF, cntF);
            }
        }

        @Override
        void backward(float[][][] x, float[][][] dy, float[][][] dx, int rows) {
            for (float[] g : gW) {
                Arrays.fill(g, 0f);
            }
            Arrays.fill(gb, 0f);
            for (int r = 0; r < rows; r++) {
                float[][] d = dy[r];
                Gemm.gather(d, 0, cout, area, nzD, cntD); // dE/dA is mostly zeros after ReLU and max pooling
                Arrays.fill(used, false);
                for (int o = 0; o < cout; o++) {
                    float[] dOut = d[o];
                    int[] nz = nzD[o];
                    float s = 0;
                    for (int q = 0, n = cntD[o]; q < n; q++) {
                        s += dOut[nz[q]];
                        used[nz[q]] = true;
                    }
                    gb[o] += s;
                }
                im2row(x[r], colsT, used);
                Gemm.mulAddGathered(gW, 0, cout, d, colsT, kk, nzD, cntD);
                if (dx != null) {
                    for (float[] m : dCols) {
                        Arrays.fill(m, 0f);
                    }
                    Gemm.mulAdd(dCols, 0, kk, weightsT, d, cout, area, nzX, cntX);
                    for (float[] m : dx[r]) {
                        Arrays.fill(m, 0f);
                    }
                    col2im(dCols, dx[r]);
                }
            }
        }
    }
}
