package visionlab.filter;

/**
 * One axis of a resampling operator, precomputed: for every output sample the input samples it reads and
 * their weights (a sparse row of the lecture's G or F matrix), plus the interior range where the fixed
 * polyphase taps apply and no boundary lookup is needed.
 *
 * <p>Reduce (G): {@code out(o) = sum_k c(k) in(b(2o + k - r))}. Expand (F) to length m:
 * {@code out(o) = sum_k 2 c(k) u(b(o + k - r))} with {@code u} the zero-inserted input
 * ({@code u(2i) = in(i)}, odd samples 0) of length m. Here {@code c(k) = h(K-1-k)} is the kernel flipped
 * (true convolution) and {@code r} its radius. An axis of length 1 that stays length 1 (reduce 1 to 1,
 * expand 1 to 1) is left unchanged, so a 1 x n image behaves as the 1-D signal.
 */
final class AxisPlan {

    final int inLen;
    final int outLen;
    final boolean expand;
    /** CSR rows: entries {@code start[o] .. start[o+1]-1} of {@code src} and {@code w}. */
    final int[] start;
    final int[] src;
    final float[] w;
    /** Correlation taps c(k) (times 2 for expand). */
    final float[] taps;
    final int radius;
    /** Reduce: outputs in [lo, hi) are interior. Expand: pairs i in [lo, hi) (outputs 2i, 2i+1) are interior. */
    final int lo;
    final int hi;
    /** Expand: input offsets and weights of the even (phase 0) and odd (phase 1) outputs. */
    final int[][] phaseOff;
    final float[][] phaseW;
    /** Largest span (max - min + 1) of the inputs one output reads. */
    final int maxSpan;

    private AxisPlan(int inLen, int outLen, boolean expand, Kernel1D k, Boundary b) {
        this.inLen = inLen;
        this.outLen = outLen;
        this.expand = expand;
        int n = k.length();
        int r = n / 2;
        this.radius = r;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = k.tap(n - 1 - i) * (expand ? 2 : 1);
        }
        taps = new float[n];
        for (int i = 0; i < n; i++) {
            taps[i] = (float) c[i];
        }
        boolean identity = inLen == 1 && outLen == 1;
        int[] st = new int[outLen + 1];
        int[] s = new int[outLen * n];
        float[] ww = new float[outLen * n];
        int e = 0;
        int span = 1;
        for (int o = 0; o < outLen; o++) {
            st[o] = e;
            int mn = Integer.MAX_VALUE;
            int mx = Integer.MIN_VALUE;
            for (int t = 0; t < n; t++) {
                if (identity) {
                    // a length-1 axis is left as it is (1 -> 1): a 1 x n image is a 1-D signal
                    s[e] = 0;
                    ww[e] = 1f;
                    e++;
                    mn = 0;
                    mx = 0;
                    break;
                }
                int q;
                if (expand) {
                    int p = b.index(o + t - r, outLen);
                    if (p < 0 || (p & 1) != 0) {
                        continue;
                    }
                    q = p >> 1;
                } else {
                    q = b.index(2 * o + t - r, inLen);
                    if (q < 0) {
                        continue;
                    }
                }
                if (c[t] == 0) {
                    continue;
                }
                s[e] = q;
                ww[e] = taps[t];
                e++;
                mn = Math.min(mn, q);
                mx = Math.max(mx, q);
            }
            if (mx >= mn) {
                span = Math.max(span, mx - mn + 1);
            }
        }
        st[outLen] = e;
        start = st;
        src = java.util.Arrays.copyOf(s, e);
        w = java.util.Arrays.copyOf(ww, e);
        maxSpan = span;
        if (expand) {
            phaseOff = new int[2][];
            phaseW = new float[2][];
            for (int ph = 0; ph < 2; ph++) {
                int cnt = 0;
                int[] off = new int[n];
                float[] pw = new float[n];
                for (int t = 0; t < n; t++) {
                    if (((ph + t - r) & 1) == 0 && c[t] != 0) {
                        off[cnt] = Math.floorDiv(ph + t - r, 2);
                        pw[cnt] = taps[t];
                        cnt++;
                    }
                }
                phaseOff[ph] = java.util.Arrays.copyOf(off, cnt);
                phaseW[ph] = java.util.Arrays.copyOf(pw, cnt);
            }
            // pair i is interior when outputs 2i and 2i+1 read positions inside [0, outLen): 2i - r >= 0 and 2i + 1 + r <= outLen - 1
            int l = (r + 1) / 2;
            int h = Math.floorDiv(outLen - 2 - r, 2) + 1;
            lo = l;
            hi = Math.max(l, h);
        } else {
            phaseOff = null;
            phaseW = null;
            int l = (r + 1) / 2;
            int h = Math.floorDiv(inLen - 1 - r, 2) + 1;
            lo = identity ? 0 : Math.min(l, outLen);
            hi = identity ? 0 : Math.max(lo, Math.min(h, outLen));
        }
    }

    static AxisPlan reduce(int n, Kernel1D k, Boundary b) {
        return new AxisPlan(n, (n + 1) / 2, false, k, b);
    }

    static AxisPlan expand(int n, int m, Kernel1D k, Boundary b) {
        return new AxisPlan(n, m, true, k, b);
    }

    /** Applies this plan along a row: {@code out[oOff + o]} from {@code in[iOff + ...]}, every output o. */
    void row(float[] in, int iOff, float[] out, int oOff) {
        if (expand) {
            expandRow(in, iOff, out, oOff);
        } else {
            reduceRow(in, iOff, out, oOff);
        }
    }

    private void sparse(float[] in, int iOff, float[] out, int oOff, int from, int to) {
        for (int o = from; o < to; o++) {
            float s = 0f;
            for (int e = start[o]; e < start[o + 1]; e++) {
                s += w[e] * in[iOff + src[e]];
            }
            out[oOff + o] = s;
        }
    }

    private void reduceRow(float[] in, int iOff, float[] out, int oOff) {
        sparse(in, iOff, out, oOff, 0, lo);
        int r = radius;
        if (taps.length == 5 && lo < hi) {
            float c0 = taps[0], c1 = taps[1], c2 = taps[2], c3 = taps[3], c4 = taps[4];
            int p = iOff + 2 * lo;
            float a = in[p - 2];
            float b = in[p - 1];
            float m = in[p];
            if (c0 == c4 && c1 == c3) {
                // symmetric kernel: c0 (a + e) + c1 (b + d) + c2 m, two new samples per output
                for (int o = lo; o < hi; o++, p += 2) {
                    float d = in[p + 1];
                    float e = in[p + 2];
                    out[oOff + o] = Math.fma(c0, a + e, Math.fma(c1, b + d, c2 * m));
                    a = m;
                    b = d;
                    m = e;
                }
            } else {
                for (int o = lo; o < hi; o++, p += 2) {
                    float d = in[p + 1];
                    float e = in[p + 2];
                    out[oOff + o] = c0 * a + c1 * b + c2 * m + c3 * d + c4 * e;
                    a = m;
                    b = d;
                    m = e;
                }
            }
        } else {
            float[] t = taps;
            for (int o = lo; o < hi; o++) {
                int p = iOff + 2 * o - r;
                float s = 0f;
                for (int k = 0; k < t.length; k++) {
                    s += t[k] * in[p + k];
                }
                out[oOff + o] = s;
            }
        }
        sparse(in, iOff, out, oOff, hi, outLen);
    }

    private void expandRow(float[] in, int iOff, float[] out, int oOff) {
        int l = Math.min(2 * lo, outLen);
        sparse(in, iOff, out, oOff, 0, l);
        int[] o0 = phaseOff[0];
        int[] o1 = phaseOff[1];
        float[] w0 = phaseW[0];
        float[] w1 = phaseW[1];
        if (o0.length == 3 && o1.length == 2 && o0[0] == -1 && o0[1] == 0 && o0[2] == 1 && o1[0] == 0 && o1[1] == 1) {
            float e0 = w0[0], e1 = w0[1], e2 = w0[2], d0 = w1[0], d1 = w1[1];
            int p = iOff + lo;
            int q = oOff + 2 * lo;
            float a = lo < hi ? in[p - 1] : 0f;
            float b = lo < hi ? in[p] : 0f;
            if (e0 == e2 && d0 == d1) {
                for (int i = lo; i < hi; i++, p++, q += 2) {
                    float c = in[p + 1];
                    out[q] = e0 * (a + c) + e1 * b;
                    out[q + 1] = d0 * (b + c);
                    a = b;
                    b = c;
                }
            } else {
                for (int i = lo; i < hi; i++, p++, q += 2) {
                    float c = in[p + 1];
                    out[q] = e0 * a + e1 * b + e2 * c;
                    out[q + 1] = d0 * b + d1 * c;
                    a = b;
                    b = c;
                }
            }
        } else {
            for (int i = lo; i < hi; i++) {
                float s0 = 0f;
                for (int t = 0; t < o0.length; t++) {
                    s0 += w0[t] * in[iOff + i + o0[t]];
                }
                float s1 = 0f;
                for (int t = 0; t < o1.length; t++) {
                    s1 += w1[t] * in[iOff + i + o1[t]];
                }
                out[oOff + 2 * i] = s0;
                out[oOff + 2 * i + 1] = s1;
            }
        }
        sparse(in, iOff, out, oOff, Math.max(l, 2 * hi), outLen);
    }
}
