package visionlab.pyramid;

import org.jtransforms.fft.FloatFFT_1D;
import visionlab.fourier.Fft2;

/**
 * Analysis and synthesis of one image plane with the cached {@link SteerableMasks}: the orthonormal DFT,
 * masks, crops to each level's grid, inverse DFTs. Two real outputs share one complex inverse DFT
 * ({@code ifft(M1 X + i M2 X) = b1 + i b2} because each {@code M X} is Hermitian), and in synthesis one
 * forward DFT of {@code b1 + i b2} is split back by Hermitian symmetry. The 2-D transforms are written as
 * 1-D JTransforms passes over column blocks and rows with the masking, cropping and unpacking fused into
 * them (fewer passes over memory), split over the cores.
 */
final class SteerableTransform {

    private SteerableTransform() {
    }

    private static final int BLOCK = 32;
    private static final int PAD = 16; // column buffer stride 2h + PAD floats: avoids 4 KB cache-set aliasing
    // (-i)^p as (re, im)
    private static final float[] PR = {1, 0, -1, 0};
    private static final float[] PI = {0, -1, 0, 1};

    private static int tasks(int n, int units) {
        if ((long) n < (1 << 14)) {
            return 1;
        }
        return Math.max(1, Math.min(units, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Fills {@code out[level][2 * entry]} (real part) and {@code out[level][2 * entry + 1]} (imaginary part,
     * complex entries only) with the coefficients of {@code plane}.
     */
    static void analyze(float[] plane, SteerableMasks mk, float[][][] out) {
        float[] spec = Fft2.forwardReal(plane, mk.width, mk.height);
        for (int s = 0; s < mk.levels.size(); s++) {
            SteerablePyramid.checkInterrupt();
            SteerableMasks.Level lv = mk.levels.get(s);
            float fs = (float) (mk.levelScale.get(s) / ((double) lv.w * lv.h));
            float[] tmp = new float[2 * lv.w * lv.h];
            int e = 0;
            int count = lv.entries.size();
            while (e < count) {
                SteerableMasks.Entry e1 = lv.entries.get(e);
                SteerableMasks.Entry e2 = null;
                if (!e1.complexOutput && e + 1 < count && !lv.entries.get(e + 1).complexOutput) {
                    e2 = lv.entries.get(e + 1);
                }
                float[] re = out[s][2 * e];
                float[] im = e2 != null ? out[s][2 * e + 2] : (e1.complexOutput ? out[s][2 * e + 1] : null);
                analyzeOne(spec, mk.width, lv, e1, e2, tmp, fs, re, im);
                e += e2 != null ? 2 : 1;
            }
        }
    }

    /** Columns: gather X * (c1 + i c2) and inverse-transform; rows: inverse-transform and unpack. */
    private static void analyzeOne(float[] spec, int bigW, SteerableMasks.Level lv, SteerableMasks.Entry e1,
                                   SteerableMasks.Entry e2, float[] tmp, float fs, float[] re, float[] im) {
        int w = lv.w;
        int h = lv.h;
        float[] m1 = e1.m;
        float p1r = PR[e1.phase];
        float p1i = PI[e1.phase];
        float[] m2 = e2 != null ? e2.m : null;
        float p2r = e2 != null ? PR[e2.phase] : 0;
        float p2i = e2 != null ? PI[e2.phase] : 0;
        FloatFFT_1D colFft = Fft2.plan1(h);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        // a lone real output: its spectrum is Hermitian, so columns past w/2 are conjugates of their mirrors
        // (not transformed) and the real rows are inverse-transformed two per complex FFT
        boolean lone = e2 == null && !e1.complexOutput;
        boolean[] colDo = new boolean[w];
        for (int x = 0; x < w; x++) {
            colDo[x] = (e1.nzCols[x] || (e2 != null && e2.nzCols[x])) && (!lone || x <= w / 2);
        }
        int blocks = (w + BLOCK - 1) / BLOCK;
        int ct = tasks(w * h, blocks);
        Fft2.range(ct, ct > 1, t -> {
            float[] buf = new float[BLOCK * (2 * h + PAD)];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, w - x0);
                boolean any = false;
                for (int j = 0; j < nb; j++) {
                    any |= colDo[x0 + j];
                }
                if (!any) {
                    for (int y = 0; y < h; y++) {
                        java.util.Arrays.fill(tmp, 2 * (y * w + x0), 2 * (y * w + x0 + nb), 0f);
                    }
                    continue;
                }
                for (int y = 0; y < h; y++) {
                    int srow = lv.rows[y] * bigW;
                    int o = y * w;
                    for (int j = 0; j < nb; j++) {
                        int x = x0 + j;
                        float a = m1[o + x];
                        float qr = p1r * a;
                        float qi = p1i * a;
                        if (m2 != null) {
                            float c = m2[o + x];
                            qr -= p2i * c;
                            qi += p2r * c;
                        }
                        int k = 2 * (srow + lv.cols[x]);
                        float xr = spec[k];
                        float xi = spec[k + 1];
                        int d = j * (2 * h + PAD) + 2 * y;
                        buf[d] = xr * qr - xi * qi;
                        buf[d + 1] = xr * qi + xi * qr;
                    }
                }
                for (int j = 0; j < nb; j++) {
                    if (colDo[x0 + j]) {
                        colFft.complexInverse(buf, j * (2 * h + PAD), false);
                    }
                }
                for (int y = 0; y < h; y++) {
                    int d = 2 * (y * w + x0);
                    for (int j = 0; j < nb; j++) {
                        tmp[d + 2 * j] = buf[j * (2 * h + PAD) + 2 * y];
                        tmp[d + 2 * j + 1] = buf[j * (2 * h + PAD) + 2 * y + 1];
                    }
                }
            }
        });
        if (lone) {
            inverseRealRows(tmp, w, h, fs, re);
            return;
        }
        int rt = tasks(w * h, h);
        Fft2.range(rt, rt > 1, t -> {
            for (int y = h * t / rt; y < h * (t + 1) / rt; y++) {
                rowFft.complexInverse(tmp, 2 * y * w, false);
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    re[o + x] = fs * tmp[2 * (o + x)];
                }
                if (im != null) {
                    for (int x = 0; x < w; x++) {
                        im[o + x] = fs * tmp[2 * (o + x) + 1];
                    }
                }
            }
        });
    }

    /** re = fs * rows of ifft_x(tmp), the rows Hermitian with only columns 0..w/2 filled: rows y, y+1 are
     * packed as A + i B into one complex FFT ({@code ifft(A + i B) = a + i b}). */
    private static void inverseRealRows(float[] tmp, int w, int h, float fs, float[] re) {
        FloatFFT_1D rowFft = Fft2.plan1(w);
        int pairs = (h + 1) / 2;
        int rt = tasks(w * h, pairs);
        int half = w / 2;
        Fft2.range(rt, rt > 1, t -> {
            float[] row = new float[2 * w];
            for (int p = pairs * t / rt; p < pairs * (t + 1) / rt; p++) {
                int y = 2 * p;
                int o = y * w;
                boolean two = y + 1 < h;
                int o2 = two ? o + w : o;
                for (int x = 0; x <= half; x++) {
                    float ar = tmp[2 * (o + x)];
                    float ai = tmp[2 * (o + x) + 1];
                    float br = two ? tmp[2 * (o2 + x)] : 0f;
                    float bi = two ? tmp[2 * (o2 + x) + 1] : 0f;
                    row[2 * x] = ar - bi;
                    row[2 * x + 1] = ai + br;
                }
                for (int x = half + 1; x < w; x++) {
                    int m = w - x; // A(x) = conj A(m)
                    float ar = tmp[2 * (o + m)];
                    float ai = -tmp[2 * (o + m) + 1];
                    float br = two ? tmp[2 * (o2 + m)] : 0f;
                    float bi = two ? -tmp[2 * (o2 + m) + 1] : 0f;
                    row[2 * x] = ar - bi;
                    row[2 * x + 1] = ai + br;
                }
                rowFft.complexInverse(row, 0, false);
                for (int x = 0; x < w; x++) {
                    re[o + x] = fs * row[2 * x];
                }
                if (two) {
                    for (int x = 0; x < w; x++) {
                        re[o2 + x] = fs * row[2 * x + 1];
                    }
                }
            }
        });
    }

    /** The plane whose coefficients are {@code in} (same layout as {@link #analyze}): the adjoint, which for
     * this tight frame is the inverse. */
    static float[] synthesize(SteerableMasks mk, float[][][] in) {
        int bigW = mk.width;
        int bigH = mk.height;
        float[] acc = new float[2 * bigW * bigH];
        for (int s = 0; s < mk.levels.size(); s++) {
            SteerablePyramid.checkInterrupt();
            SteerableMasks.Level lv = mk.levels.get(s);
            float g = (float) (1.0 / mk.levelScale.get(s));
            float[] tmp = new float[2 * lv.w * lv.h];
            int e = 0;
            int count = lv.entries.size();
            while (e < count) {
                SteerableMasks.Entry e1 = lv.entries.get(e);
                SteerableMasks.Entry e2 = null;
                if (!e1.complexOutput && e + 1 < count && !lv.entries.get(e + 1).complexOutput) {
                    e2 = lv.entries.get(e + 1);
                }
                float[] re = in[s][2 * e];
                float[] im = e2 != null ? in[s][2 * e + 2] : (e1.complexOutput ? in[s][2 * e + 1] : null);
                boolean lone = e2 == null && !e1.complexOutput;
                if (lone) {
                    forwardRealHalf(lv.w, lv.h, re, tmp, e1.nzCols);
                } else {
                    forwardPacked(lv.w, lv.h, re, im, tmp, neededColumns(lv.w, e1, e2));
                }
                scatter(tmp, lv, e1, e2, g, acc, bigW, lone);
                e += e2 != null ? 2 : 1;
            }
        }
        return inverseRealPart(acc, bigW, bigH);
    }

    /** tmp = DFT(re + i im) (im may be null). Rows first (loading fused), then column blocks. */
    private static void forwardPacked(int w, int h, float[] re, float[] im, float[] tmp, boolean[] need) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        int rt = tasks(w * h, h);
        Fft2.range(rt, rt > 1, t -> {
            for (int y = h * t / rt; y < h * (t + 1) / rt; y++) {
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    tmp[2 * (o + x)] = re[o + x];
                    tmp[2 * (o + x) + 1] = im == null ? 0f : im[o + x];
                }
                rowFft.complexForward(tmp, 2 * o);
            }
        });
        int blocks = (w + BLOCK - 1) / BLOCK;
        int ct = tasks(w * h, blocks);
        Fft2.range(ct, ct > 1, t -> {
            float[] buf = new float[BLOCK * (2 * h + PAD)];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, w - x0);
                boolean any = false;
                for (int j = 0; j < nb; j++) {
                    any |= need[x0 + j];
                }
                if (!any) {
                    continue; // scatter reads none of these columns
                }
                copyColumnsOut(tmp, w, h, x0, nb, buf);
                for (int j = 0; j < nb; j++) {
                    if (need[x0 + j]) {
                        colFft.complexForward(buf, j * (2 * h + PAD));
                    }
                }
                copyColumnsIn(buf, w, h, x0, nb, tmp, 1f);
            }
        });
    }

    /** Columns 0..w/2 of tmp = DFT(re) for a real re (where {@code nz}); the others are conjugate mirrors. Rows
     * y, y+1 share one complex FFT, split by Hermitian symmetry. */
    private static void forwardRealHalf(int w, int h, float[] re, float[] tmp, boolean[] nz) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        int pairs = (h + 1) / 2;
        int half = w / 2;
        int rt = tasks(w * h, pairs);
        Fft2.range(rt, rt > 1, t -> {
            float[] row = new float[2 * w];
            for (int p = pairs * t / rt; p < pairs * (t + 1) / rt; p++) {
                int y = 2 * p;
                int o = y * w;
                boolean two = y + 1 < h;
                int o2 = o + w;
                for (int x = 0; x < w; x++) {
                    row[2 * x] = re[o + x];
                    row[2 * x + 1] = two ? re[o2 + x] : 0f;
                }
                rowFft.complexForward(row, 0);
                for (int x = 0; x <= half; x++) {
                    int m = x == 0 ? 0 : w - x;
                    float zr = row[2 * x];
                    float zi = row[2 * x + 1];
                    float cr = row[2 * m];
                    float ci = row[2 * m + 1];
                    tmp[2 * (o + x)] = 0.5f * (zr + cr);
                    tmp[2 * (o + x) + 1] = 0.5f * (zi - ci);
                    if (two) {
                        tmp[2 * (o2 + x)] = 0.5f * (zi + ci);
                        tmp[2 * (o2 + x) + 1] = -0.5f * (zr - cr);
                    }
                }
            }
        });
        boolean[] need = new boolean[w];
        for (int x = 0; x <= half; x++) {
            need[x] = nz[x] || nz[x == 0 ? 0 : w - x];
        }
        int blocks = (half + 1 + BLOCK - 1) / BLOCK;
        int ct = tasks(w * h, blocks);
        Fft2.range(ct, ct > 1, t -> {
            float[] buf = new float[BLOCK * (2 * h + PAD)];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, half + 1 - x0);
                boolean any = false;
                for (int j = 0; j < nb; j++) {
                    any |= need[x0 + j];
                }
                if (!any) {
                    continue;
                }
                copyColumnsOut(tmp, w, h, x0, nb, buf);
                for (int j = 0; j < nb; j++) {
                    if (need[x0 + j]) {
                        colFft.complexForward(buf, j * (2 * h + PAD));
                    }
                }
                copyColumnsIn(buf, w, h, x0, nb, tmp, 1f);
            }
        });
    }

    /** Columns {@link #scatter} reads: where a mask is nonzero, and for a pair also their mirrors. */
    private static boolean[] neededColumns(int w, SteerableMasks.Entry e1, SteerableMasks.Entry e2) {
        if (e2 == null) {
            return e1.nzCols;
        }
        boolean[] need = new boolean[w];
        for (int x = 0; x < w; x++) {
            if (e1.nzCols[x] || e2.nzCols[x]) {
                need[x] = true;
                need[x == 0 ? 0 : w - x] = true;
            }
        }
        return need;
    }

    private static void copyColumnsOut(float[] a, int w, int h, int x0, int nb, float[] buf) {
        for (int y = 0; y < h; y++) {
            int src = 2 * (y * w + x0);
            for (int j = 0; j < nb; j++) {
                buf[j * (2 * h + PAD) + 2 * y] = a[src + 2 * j];
                buf[j * (2 * h + PAD) + 2 * y + 1] = a[src + 2 * j + 1];
            }
        }
    }

    private static void copyColumnsIn(float[] buf, int w, int h, int x0, int nb, float[] a, float scale) {
        for (int y = 0; y < h; y++) {
            int dst = 2 * (y * w + x0);
            for (int j = 0; j < nb; j++) {
                a[dst + 2 * j] = buf[j * (2 * h + PAD) + 2 * y] * scale;
                a[dst + 2 * j + 1] = buf[j * (2 * h + PAD) + 2 * y + 1] * scale;
            }
        }
    }

    /** Re(ifft(acc)) / (W H) = ifft(H) / (W H) with H(k) = (acc(k) + conj acc(-k)) / 2 Hermitian: columns 0..w/2
     * of H (the rest are conjugate mirrors), then the real rows two per complex FFT. */
    private static float[] inverseRealPart(float[] acc, int w, int h) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        int half = w / 2;
        int stride = 2 * h + PAD;
        int blocks = (half + 1 + BLOCK - 1) / BLOCK;
        int ct = tasks(w * h, blocks);
        Fft2.range(ct, ct > 1, t -> {
            float[] buf = new float[BLOCK * stride];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * BLOCK;
                int nb = Math.min(BLOCK, half + 1 - x0);
                for (int y = 0; y < h; y++) {
                    int src = 2 * (y * w);
                    int msrc = 2 * ((y == 0 ? 0 : h - y) * w);
                    for (int j = 0; j < nb; j++) {
                        int x = x0 + j;
                        int mx = x == 0 ? 0 : w - x;
                        buf[j * stride + 2 * y] = 0.5f * (acc[src + 2 * x] + acc[msrc + 2 * mx]);
                        buf[j * stride + 2 * y + 1] = 0.5f * (acc[src + 2 * x + 1] - acc[msrc + 2 * mx + 1]);
                    }
                }
                for (int j = 0; j < nb; j++) {
                    colFft.complexInverse(buf, j * stride, false);
                }
                // in place: the mirrors read here are columns w/2..w-1, of which only w/2 (its own mirror, in
                // this block) is written, after the reads
                copyColumnsIn(buf, w, h, x0, nb, acc, 1f);
            }
        });
        float[] out = new float[w * h];
        inverseRealRows(acc, w, h, (float) (1.0 / ((double) w * h)), out);
        return out;
    }

    /** acc(map k) += g (conj(c1) A(k) + conj(c2) B(k)), A and B the spectra of the real and imaginary part
     * of the transformed pair (or A = Z when there is no partner). Rows of acc are disjoint per level row. */
    private static void scatter(float[] z, SteerableMasks.Level lv, SteerableMasks.Entry e1,
                                SteerableMasks.Entry e2, float g, float[] acc, int bigW, boolean half) {
        float[] m1 = e1.m;
        float p1r = PR[e1.phase];
        float p1i = PI[e1.phase];
        float[] m2 = e2 != null ? e2.m : null;
        float p2r = e2 != null ? PR[e2.phase] : 0;
        float p2i = e2 != null ? PI[e2.phase] : 0;
        int w = lv.w;
        int h = lv.h;
        int rt = tasks(w * h, h);
        Fft2.range(rt, rt > 1, t -> {
            for (int y = h * t / rt; y < h * (t + 1) / rt; y++) {
                int my = y == 0 ? 0 : h - y;
                int drow = lv.rows[y] * bigW;
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    float a1 = m1[i] * g;
                    float a2 = m2 != null ? m2[i] * g : 0;
                    if (a1 == 0 && a2 == 0) {
                        continue;
                    }
                    float zr = z[2 * i];
                    float zi = z[2 * i + 1];
                    float ar;
                    float ai;
                    float br = 0;
                    float bi = 0;
                    if (m2 != null) {
                        int j = my * w + (x == 0 ? 0 : w - x);
                        float cr = z[2 * j];
                        float ci = z[2 * j + 1];
                        ar = 0.5f * (zr + cr);
                        ai = 0.5f * (zi - ci);
                        br = 0.5f * (zi + ci);
                        bi = -0.5f * (zr - cr);
                    } else if (half && 2 * x > w) {
                        int j = my * w + (w - x); // only columns 0..w/2 hold the spectrum: Z(k) = conj Z(-k)
                        ar = z[2 * j];
                        ai = -z[2 * j + 1];
                    } else {
                        ar = zr;
                        ai = zi;
                    }
                    // conj(c) = (pr m, -pi m)
                    float c1r = p1r * a1;
                    float c1i = -p1i * a1;
                    float vr = c1r * ar - c1i * ai;
                    float vi = c1r * ai + c1i * ar;
                    if (m2 != null) {
                        float c2r = p2r * a2;
                        float c2i = -p2i * a2;
                        vr += c2r * br - c2i * bi;
                        vi += c2r * bi + c2i * br;
                    }
                    int k = 2 * (drow + lv.cols[x]);
                    acc[k] += vr;
                    acc[k + 1] += vi;
                }
            }
        });
    }
}
