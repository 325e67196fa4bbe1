package visionlab.nn;

import java.util.Arrays;

/** {@link Pool} on the float32 path; max pooling remembers where each window's (first) maximum was. */
final class PoolStage extends Stage {

    final Pool.Kind kind;
    final int s;

    PoolStage(Pool.Kind kind, MapShape in, int s) {
        super(in, Pool.outputShape(kind, in, s));
        this.kind = kind;
        this.s = s;
    }

    @Override
    Layer layer() {
        return new Pool(kind, in, s);
    }

    @Override
    Work work(int cap) {
        return new PoolWork(cap);
    }

    final class PoolWork extends Work {
        final int[][][] argmax; // [r][c][output position]: index of the maximum in the input map

        PoolWork(int cap) {
            argmax = kind == Pool.Kind.MAX ? new int[cap][in.channels()][out.area()] : null;
        }

        @Override
        void forward(float[][][] x, float[][][] y, int rows) {
            int w = in.width();
            int ow = out.width();
            float inv = 1f / (s * s);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < in.channels(); c++) {
                    float[] src = x[r][c];
                    float[] dst = y[r][c];
                    if (kind == Pool.Kind.MAX && s == 2) {
                        max2(src, dst, argmax[r][c]);
                        continue;
                    }
                    for (int oy = 0; oy < out.height(); oy++) {
                        for (int ox = 0; ox < ow; ox++) {
                            int first = oy * s * w + ox * s;
                            if (kind == Pool.Kind.MAX) {
                                int best = first;
                                float m = src[first];
                                for (int u = 0; u < s; u++) {
                                    for (int v = 0, i = first + u * w; v < s; v++, i++) {
                                        if (src[i] > m) {
                                            m = src[i];
                                            best = i;
                                        }
                                    }
                                }
                                dst[oy * ow + ox] = m;
                                argmax[r][c][oy * ow + ox] = best;
                            } else {
                                float sum = 0;
                                for (int u = 0; u < s; u++) {
                                    for (int v = 0, i = first + u * w; v < s; v++, i++) {
                                        sum += src[i];
                                    }
                                }
                                dst[oy * ow + ox] = sum * inv;
                            }
                        }
                    }
                }
            }
        }

        /** 2x2 max pooling of one map; ties go to the first maximum in row-major order. */
        private void max2(float[] src, float[] dst, int[] at) {
            int w = in.width();
            int ow = out.width();
            for (int oy = 0, o = 0; oy < out.height(); oy++) {
                int i0 = 2 * oy * w;
                for (int ox = 0; ox < ow; ox++, o++, i0 += 2) {
                    int best = i0;
                    float m = src[i0];
                    if (src[i0 + 1] > m) {
                        m = src[i0 + 1];
                        best = i0 + 1;
                    }
                    if (src[i0 + w] > m) {
                        m = src[i0 + w];
                        best = i0 + w;
                    }
                    if (src[i0 + w + 1] > m) {
                        m = src[i0 + w + 1];
                        best = i0 + w + 1;
                    }
                    dst[o] = m;
                    at[o] = best;
                }
            }
        }

        @Override
        void backward(float[][][] x, float[][][] dy, float[][][] dx, int rows) {
            if (dx == null) {
                return;
            }
            int w = in.width();
            int ow = out.width();
            float inv = 1f / (s * s);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < in.channels(); c++) {
                    float[] g = dy[r][c];
                    float[] d = dx[r][c];
                    if (kind == Pool.Kind.MAX) {
                        Arrays.fill(d, 0f);
                        int[] at = argmax[r][c];
                        for (int o = 0; o < g.length; o++) {
                            d[at[o]] = g[o];
                        }
                        continue;
                    }
                    for (int oy = 0; oy < out.height(); oy++) {
                        for (int ox = 0; ox < ow; ox++) {
                            float v = g[oy * ow + ox] * inv;
                            int first = oy * s * w + ox * s;
                            for (int u = 0; u < s; u++) {
                                Arrays.fill(d, first + u * w, first + u * w + s, v);
                            }
                        }
                    }
                }
            }
        }
    }
}
