package visionlab.pyramid;

import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.FloatFFT_1D;
import visionlab.fourier.Fft2;

/**
 * Analysis and synthesis of one image plane with the cached {@link SteerableMasks}: the orthonormal DFT,
 * masks, crops to each level's grid, inverse DFTs. Two real outputs share one complex inverse DFT
 * ({@code ifft(M1 X + i M2 X) = b1 + i b2} because each {@code M X} is Hermitian), and in synthesis one
 * forward DFT of {@code b1 + i b2} is split back by Hermitian symmetry.
 *
 * <p>Each {@link Group} (the outputs of one complex 2-D transform) runs on one thread, the groups spread over
 * the cores biggest first ({@link SteerableJobs}); its 2-D transform is 1-D JTransforms passes with the
 * masking, cropping and unpacking fused in. The pass order is chosen per group so that the first pass skips
 * the columns (or rows) where the masks are zero: a one-sided complex band needs only half of them.
 */
final class SteerableTransform {

    private SteerableTransform() {
    }

    private static final int PAD = 16; // column buffer stride 2h + PAD floats: avoids 4 KB cache-set aliasing
    // (-i)^p as (re, im)
    private static final float[] PR = {1, 0, -1, 0};
    private static final float[] PI = {0, -1, 0, 1};

    /** The outputs of one complex 2-D transform on a level grid: a pair of real entries, a lone real entry
     * (Hermitian spectrum: half the columns), or one complex entry. */
    static final class Group {
        final SteerableMasks.Level lv;
        final SteerableMasks.Entry e1;
        final SteerableMasks.Entry e2;
        final float[] re;
        final float[] im;
        final float scale;

        Group(SteerableMasks.Level lv, SteerableMasks.Entry e1, SteerableMasks.Entry e2, float[] re, float[] im,
              float scale) {
            this.lv = lv;
            this.e1 = e1;
            this.e2 = e2;
            this.re = re;
            this.im = im;
            this.scale = scale;
        }

        boolean lone() {
            return e2 == null && !e1.complexOutput;
        }

        /** Relative work: about n log n per transform, half of it for a lone real output. */
        double cost() {
            double n = (double) lv.w * lv.h;
            return (lone() ? 0.5 : 1.0) * n * Math.log(n + 2);
        }
    }

    /** The groups of every level, reading or writing {@code planes} (layout of {@link #analyze}). */
    private static List<Group> groups(SteerableMasks mk, float[][][] planes, boolean analysis) {
        List<Group> out = new ArrayList<>();
        for (int s = 0; s < mk.levels.size(); s++) {
            SteerableMasks.Level lv = mk.levels.get(s);
            double ls = mk.levelScale.get(s);
            float scale = (float) (analysis ? ls / ((double) lv.w * lv.h) : 1.0 / ls);
            int e = 0;
            int count = lv.entries.size();
            while (e < count) {
                SteerableMasks.Entry e1 = lv.entries.get(e);
                SteerableMasks.Entry e2 = null;
                if (!e1.complexOutput && e + 1 < count && !lv.entries.get(e + 1).complexOutput) {
                    e2 = lv.entries.get(e + 1);
                }
                float[] re = planes[s][2 * e];
                float[] im = e2 != null ? planes[s][2 * e + 2] : (e1.complexOutput ? planes[s][2 * e + 1] : null);
                out.add(new Group(lv, e1, e2, re, im, scale));
                e += e2 != null ? 2 : 1;
            }
        }
        return out;
    }

    /** Per-thread work arrays, sized for the largest level. */
    private static final class Scratch {
        final float[] tmp;
        final float[] buf;
        final float[] row;

        Scratch(int w, int h) {
            tmp = new float[2 * w * h];
            buf = new float[block(h) * (2 * h + PAD)];
            row = new float[2 * w];
        }
    }

    /** Columns per block: a block of column buffers stays within about 256 KB (L2), 8 to 32 columns. */
    private static int block(int h) {
        return Math.max(8, Math.min(32, 32768 / (2 * h + PAD)));
    }

    /**
     * Fills {@code out[level][2 * entry]} (real part) and {@code out[level][2 * entry + 1]} (imaginary part,
     * complex entries only) with the coefficients of {@code plane}.
     */
    static void analyze(float[] plane, SteerableMasks mk, float[][][] out) {
        SteerablePyramid.checkInterrupt();
        float[] spec = Fft2.forwardReal(plane, mk.width, mk.height);
        List<Group> gs = groups(mk, out, true);
        SteerableJobs.run(gs, Group::cost, () -> new Scratch(mk.width, mk.height), (g, sc) -> {
            if (g.lone()) {
                analyzeHermitian(spec, mk.width, g, sc);
            } else if (count(columns(g, false)) <= count(rows(g, false))) {
                analyzeColumnsFirst(spec, mk.width, g, sc);
            } else {
                analyzeRowsFirst(spec, mk.width, g, sc);
            }
        });
    }

    /** Where the spectrum multiplied by the group's masks can be nonzero; with {@code mirrored}, also the
     * mirror {@code -k} of each such column (a pair's Hermitian split reads both). */
    private static boolean[] columns(Group g, boolean mirrored) {
        return support(g.e1.nzCols, g.e2 == null ? null : g.e2.nzCols, mirrored && g.e2 != null);
    }

    private static boolean[] rows(Group g, boolean mirrored) {
        return support(g.e1.nzRows, g.e2 == null ? null : g.e2.nzRows, mirrored && g.e2 != null);
    }

    private static boolean[] support(boolean[] a, boolean[] b, boolean mirrored) {
        int n = a.length;
        boolean[] s = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (a[i] || (b != null && b[i])) {
                s[i] = true;
                if (mirrored) {
                    s[i == 0 ? 0 : n - i] = true;
                }
            }
        }
        return s;
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }

    /** X (k) times the group's filter {@code (p1 m1 + i p2 m2)(k)} at level index i, spectrum index k. */
    private static final class Filter {
        final float[] m1;
        final float[] m2;
        final float p1r;
        final float p1i;
        final float p2r;
        final float p2i;

        Filter(Group g) {
            m1 = g.e1.m;
            p1r = PR[g.e1.phase];
            p1i = PI[g.e1.phase];
            m2 = g.e2 != null ? g.e2.m : null;
            p2r = g.e2 != null ? PR[g.e2.phase] : 0;
            p2i = g.e2 != null ? PI[g.e2.phase] : 0;
        }

        /** Writes {@code X(k) q(i)} to {@code dst[d], dst[d + 1]}. */
        void apply(float[] spec, int k, int i, float[] dst, int d) {
            float a = m1[i];
            float qr = p1r * a;
            float qi = p1i * a;
            if (m2 != null) {
                float c = m2[i];
                qr -= p2i * c;
                qi += p2r * c;
            }
            float xr = spec[k];
            float xi = spec[k + 1];
            dst[d] = xr * qr - xi * qi;
            dst[d + 1] = xr * qi + xi * qr;
        }
    }

    /** Columns (where nonzero) gathered, filtered and inverse-transformed into tmp; then rows into re, im. */
    private static void analyzeColumnsFirst(float[] spec, int bigW, Group g, Scratch sc) {
        SteerableMasks.Level lv = g.lv;
        int w = lv.w;
        int h = lv.h;
        boolean[] need = columns(g, false);
        inverseColumns(spec, bigW, g, sc, need, w);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        float[] tmp = sc.tmp;
        float fs = g.scale;
        for (int y = 0; y < h; y++) {
            rowFft.complexInverse(tmp, 2 * y * w, false);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                g.re[o + x] = fs * tmp[2 * (o + x)];
            }
            if (g.im != null) {
                for (int x = 0; x < w; x++) {
                    g.im[o + x] = fs * tmp[2 * (o + x) + 1];
                }
            }
        }
    }

    /** tmp columns 0..ncols-1 = inverse column DFTs of the filtered spectrum (zero where not {@code need}). */
    private static void inverseColumns(float[] spec, int bigW, Group g, Scratch sc, boolean[] need, int ncols) {
        SteerableMasks.Level lv = g.lv;
        int w = lv.w;
        int h = lv.h;
        Filter f = new Filter(g);
        FloatFFT_1D colFft = Fft2.plan1(h);
        float[] tmp = sc.tmp;
        float[] buf = sc.buf;
        int bl = block(h);
        int stride = 2 * h + PAD;
        for (int x0 = 0; x0 < ncols; x0 += bl) {
            int nb = Math.min(bl, ncols - x0);
            boolean any = false;
            for (int j = 0; j < nb; j++) {
                any |= need[x0 + j];
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
                    f.apply(spec, 2 * (srow + lv.cols[x]), o + x, buf, j * stride + 2 * y);
                }
            }
            for (int j = 0; j < nb; j++) {
                if (need[x0 + j]) {
                    colFft.complexInverse(buf, j * stride, false);
                }
            }
            for (int y = 0; y < h; y++) {
                int d = 2 * (y * w + x0);
                for (int j = 0; j < nb; j++) {
                    tmp[d + 2 * j] = buf[j * stride + 2 * y];
                    tmp[d + 2 * j + 1] = buf[j * stride + 2 * y + 1];
                }
            }
        }
    }

    /** Rows (where nonzero) gathered, filtered and inverse-transformed into tmp; then columns into re, im. */
    private static void analyzeRowsFirst(float[] spec, int bigW, Group g, Scratch sc) {
        SteerableMasks.Level lv = g.lv;
        int w = lv.w;
        int h = lv.h;
        boolean[] need = rows(g, false);
        Filter f = new Filter(g);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        FloatFFT_1D colFft = Fft2.plan1(h);
        float[] tmp = sc.tmp;
        for (int y = 0; y < h; y++) {
            int o = y * w;
            if (!need[y]) {
                java.util.Arrays.fill(tmp, 2 * o, 2 * (o + w), 0f);
                continue;
            }
            int srow = lv.rows[y] * bigW;
            for (int x = 0; x < w; x++) {
                f.apply(spec, 2 * (srow + lv.cols[x]), o + x, tmp, 2 * (o + x));
            }
            rowFft.complexInverse(tmp, 2 * o, false);
        }
        float[] buf = sc.buf;
        int bl = block(h);
        int stride = 2 * h + PAD;
        float fs = g.scale;
        for (int x0 = 0; x0 < w; x0 += bl) {
            int nb = Math.min(bl, w - x0);
            copyColumnsOut(tmp, w, h, x0, nb, buf, stride);
            for (int j = 0; j < nb; j++) {
                colFft.complexInverse(buf, j * stride, false);
            }
            for (int y = 0; y < h; y++) {
                int o = y * w + x0;
                for (int j = 0; j < nb; j++) {
                    g.re[o + j] = fs * buf[j * stride + 2 * y];
                }
                if (g.im != null) {
                    for (int j = 0; j < nb; j++) {
                        g.im[o + j] = fs * buf[j * stride + 2 * y + 1];
                    }
                }
            }
        }
    }

    /** A lone real output: its filtered spectrum is Hermitian, so only columns 0..w/2 are transformed and the
     * real rows are inverse-transformed two per complex FFT. */
    private static void analyzeHermitian(float[] spec, int bigW, Group g, Scratch sc) {
        int w = g.lv.w;
        boolean[] need = columns(g, false);
        inverseColumns(spec, bigW, g, sc, need, w / 2 + 1);
        inverseRealRows(sc.tmp, w, g.lv.h, g.scale, g.re, sc.row);
    }

    /** re = fs * rows of ifft_x(tmp), the rows Hermitian with only columns 0..w/2 filled: rows y, y+1 are
     * packed as A + i B into one complex FFT ({@code ifft(A + i B) = a + i b}). Rows {@code p0..p1-1} of pairs. */
    private static void inverseRealRows(float[] tmp, int w, int h, float fs, float[] re, float[] row) {
        inverseRealRows(tmp, w, h, fs, re, row, 0, (h + 1) / 2);
    }

    private static void inverseRealRows(float[] tmp, int w, int h, float fs, float[] re, float[] row, int p0,
                                        int p1) {
        FloatFFT_1D rowFft = Fft2.plan1(w);
        int half = w / 2;
        for (int p = p0; p < p1; p++) {
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
    }

    /** The plane whose coefficients are {@code in} (same layout as {@link #analyze}): the adjoint, which for
     * this tight frame is the inverse. */
    static float[] synthesize(SteerableMasks mk, float[][][] in) {
        SteerablePyramid.checkInterrupt();
        int bigW = mk.width;
        int bigH = mk.height;
        float[] acc = new float[2 * bigW * bigH];
        List<Group> gs = groups(mk, in, false);
        SteerableJobs.run(gs, Group::cost, () -> new Scratch(bigW, bigH), (g, sc) -> {
            int w = g.lv.w;
            int h = g.lv.h;
            if (g.lone()) {
                forwardRealHalf(w, h, g.re, sc, g.e1.nzCols);
            } else {
                boolean[] cols = columns(g, true);
                boolean[] rows = rows(g, true);
                if (count(cols) <= count(rows)) {
                    forwardRowsFirst(w, h, g.re, g.im, sc, cols);
                } else {
                    forwardColumnsFirst(w, h, g.re, g.im, sc, rows);
                }
            }
            synchronized (acc) {
                scatter(sc.tmp, g, acc, bigW);
            }
        });
        SteerablePyramid.checkInterrupt();
        return inverseRealPart(acc, bigW, bigH);
    }

    /** tmp = DFT(re + i im) (im may be null) where columns are {@code need}: all rows, then those columns. */
    private static void forwardRowsFirst(int w, int h, float[] re, float[] im, Scratch sc, boolean[] need) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        float[] tmp = sc.tmp;
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                tmp[2 * (o + x)] = re[o + x];
                tmp[2 * (o + x) + 1] = im == null ? 0f : im[o + x];
            }
            rowFft.complexForward(tmp, 2 * o);
        }
        transformColumns(tmp, w, h, w, need, sc, colFft);
    }

    /** tmp = DFT(re + i im) where rows are {@code need}: all columns, then those rows. */
    private static void forwardColumnsFirst(int w, int h, float[] re, float[] im, Scratch sc, boolean[] need) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        FloatFFT_1D rowFft = Fft2.plan1(w);
        float[] tmp = sc.tmp;
        float[] buf = sc.buf;
        int bl = block(h);
        int stride = 2 * h + PAD;
        for (int x0 = 0; x0 < w; x0 += bl) {
            int nb = Math.min(bl, w - x0);
            for (int y = 0; y < h; y++) {
                int o = y * w + x0;
                for (int j = 0; j < nb; j++) {
                    buf[j * stride + 2 * y] = re[o + j];
                    buf[j * stride + 2 * y + 1] = im == null ? 0f : im[o + j];
                }
            }
            for (int j = 0; j < nb; j++) {
                colFft.complexForward(buf, j * stride);
            }
            copyColumnsIn(buf, w, h, x0, nb, tmp, stride);
        }
        for (int y = 0; y < h; y++) {
            if (need[y]) {
                rowFft.complexForward(tmp, 2 * y * w);
            }
        }
    }

    /** Columns 0..w/2 of tmp = DFT(re) for a real re (where {@code nz}); the others are conjugate mirrors. Rows
     * y, y+1 share one complex FFT, split by Hermitian symmetry. */
    private static void forwardRealHalf(int w, int h, float[] re, Scratch sc, boolean[] nz) {
        FloatFFT_1D rowFft = Fft2.plan1(w);
        float[] tmp = sc.tmp;
        float[] row = sc.row;
        int pairs = (h + 1) / 2;
        int half = w / 2;
        for (int p = 0; p < pairs; p++) {
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
        boolean[] need = new boolean[w];
        for (int x = 0; x <= half; x++) {
            need[x] = nz[x] || nz[x == 0 ? 0 : w - x];
        }
        transformColumns(tmp, w, h, half + 1, need, sc, Fft2.plan1(h));
    }

    /** Forward column DFTs of tmp's columns {@code 0..ncols-1} where {@code need}, in blocks. */
    private static void transformColumns(float[] tmp, int w, int h, int ncols, boolean[] need, Scratch sc,
                                         FloatFFT_1D colFft) {
        float[] buf = sc.buf;
        int bl = block(h);
        int stride = 2 * h + PAD;
        for (int x0 = 0; x0 < ncols; x0 += bl) {
            int nb = Math.min(bl, ncols - x0);
            boolean any = false;
            for (int j = 0; j < nb; j++) {
                any |= need[x0 + j];
            }
            if (!any) {
                continue; // scatter reads none of these columns
            }
            copyColumnsOut(tmp, w, h, x0, nb, buf, stride);
            for (int j = 0; j < nb; j++) {
                if (need[x0 + j]) {
                    colFft.complexForward(buf, j * stride);
                }
            }
            copyColumnsIn(buf, w, h, x0, nb, tmp, stride);
        }
    }

    private static void copyColumnsOut(float[] a, int w, int h, int x0, int nb, float[] buf, int stride) {
        for (int y = 0; y < h; y++) {
            int src = 2 * (y * w + x0);
            for (int j = 0; j < nb; j++) {
                buf[j * stride + 2 * y] = a[src + 2 * j];
                buf[j * stride + 2 * y + 1] = a[src + 2 * j + 1];
            }
        }
    }

    private static void copyColumnsIn(float[] buf, int w, int h, int x0, int nb, float[] a, int stride) {
        for (int y = 0; y < h; y++) {
            int dst = 2 * (y * w + x0);
            for (int j = 0; j < nb; j++) {
                a[dst + 2 * j] = buf[j * stride + 2 * y];
                a[dst + 2 * j + 1] = buf[j * stride + 2 * y + 1];
            }
        }
    }

    /** Re(ifft(acc)) / (W H) = ifft(H) / (W H) with H(k) = (acc(k) + conj acc(-k)) / 2 Hermitian: columns 0..w/2
     * of H (the rest are conjugate mirrors), then the real rows two per complex FFT. Split over the cores. */
    private static float[] inverseRealPart(float[] acc, int w, int h) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        int half = w / 2;
        int stride = 2 * h + PAD;
        int bl = block(h);
        int blocks = (half + 1 + bl - 1) / bl;
        boolean par = (long) w * h >= (1 << 14);
        int cores = Runtime.getRuntime().availableProcessors();
        int ct = par ? Math.max(1, Math.min(blocks, 4 * cores)) : 1;
        Fft2.range(ct, par, t -> {
            float[] buf = new float[bl * stride];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * bl;
                int nb = Math.min(bl, half + 1 - x0);
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
                copyColumnsIn(buf, w, h, x0, nb, acc, stride);
            }
        });
        float[] out = new float[w * h];
        int pairs = (h + 1) / 2;
        int rt = par ? Math.max(1, Math.min(pairs, 4 * cores)) : 1;
        float fs = (float) (1.0 / ((double) w * h));
        Fft2.range(rt, par, t -> inverseRealRows(acc, w, h, fs, out, new float[2 * w], pairs * t / rt,
                pairs * (t + 1) / rt));
        return out;
    }

    /** acc(map k) += g (conj(c1) A(k) + conj(c2) B(k)), A and B the spectra of the real and imaginary part
     * of the transformed pair (or A = Z when there is no partner). */
    private static void scatter(float[] z, Group grp, float[] acc, int bigW) {
        SteerableMasks.Level lv = grp.lv;
        SteerableMasks.Entry e1 = grp.e1;
        SteerableMasks.Entry e2 = grp.e2;
        boolean half = grp.lone();
        float g = grp.scale;
        float[] m1 = e1.m;
        float p1r = PR[e1.phase];
        float p1i = PI[e1.phase];
        float[] m2 = e2 != null ? e2.m : null;
        float p2r = e2 != null ? PR[e2.phase] : 0;
        float p2i = e2 != null ? PI[e2.phase] : 0;
        int w = lv.w;
        int h = lv.h;
        for (int y = 0; y < h; y++) {
            if (!e1.nzRows[y] && (e2 == null || !e2.nzRows[y])) {
                continue;
            }
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
    }
}
