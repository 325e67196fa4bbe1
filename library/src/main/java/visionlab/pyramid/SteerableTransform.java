package visionlab.pyramid;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.FloatFFT_1D;
import visionlab.fourier.Fft2;

/**
 * Analysis and synthesis of one image plane with the cached {@link SteerableMasks}: the orthonormal DFT,
 * masks, crops to each level's grid, inverse DFTs. Two real outputs share one complex inverse DFT
 * ({@code ifft(M1 X + i M2 X) = b1 + i b2} because each {@code M X} is Hermitian), and in synthesis one
 * forward DFT of {@code b1 + i b2} is split back by Hermitian symmetry; a lone real output uses half the
 * columns (its spectrum is Hermitian).
 *
 * <p>The frequency side is column-major (spectrum, masks, accumulator), so the column passes read and write
 * contiguous memory: analysis gathers a filtered frequency column, inverse-transforms it, and transposes it
 * once into the row pass; synthesis transforms the rows, transposes each column once, transforms it, and
 * adds it into the accumulator. Columns where the masks are zero (half of them for a one-sided complex
 * band) are skipped. Each {@link Group} (the outputs of one complex 2-D transform) runs on one thread with
 * 1-D JTransforms passes, the groups spread over the cores biggest first by {@link SteerableJobs}.
 */
final class SteerableTransform {

    private SteerableTransform() {
    }

    private static final int PAD = 16; // column buffer stride 2h + PAD floats: avoids 4 KB cache-set aliasing
    /** Columns per block, 32: measured best at 512 and at 4096 (longer runs per row visit beat a smaller
     * buffer). */
    private static final int BLOCK = 32;
    /** Work arrays of at most this many floats (4096 x 4096 complex, 134 MB) are kept, softly, for the
     * thread's next pyramid (the garbage collector drops them when memory runs short); bigger ones are
     * allocated each time. Keeping them saves zeroing about 0.6 GB per 4096 x 4096 build and reconstruct. */
    private static final long KEEP_FLOATS = 2L * 4096 * 4096;
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

        /** Level column x needs a transform: a mask is nonzero there (or, for a pair or a lone real output,
         * at its mirror column, which the Hermitian split reads). */
        boolean needsColumn(int x) {
            boolean nz = e1.nzCols[x] || (e2 != null && e2.nzCols[x]);
            if (e1.complexOutput) {
                return nz;
            }
            int m = x == 0 ? 0 : lv.w - x;
            return nz || e1.nzCols[m] || (e2 != null && e2.nzCols[m]);
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

    /** Per-thread work arrays, sized for the largest level, kept (softly) for the next pyramid. */
    private static final class Scratch {
        final int w;
        final int h;
        final float[] tmp;
        final float[] buf;
        final float[] row;
        /** This worker's spectrum accumulator during a synthesis (workers add into their own, summed at the end). */
        float[] acc;

        Scratch(int w, int h) {
            this.w = w;
            this.h = h;
            tmp = new float[2 * w * h];
            buf = new float[2 * BLOCK * (2 * h + PAD)]; // a block of columns and their mirror columns
            row = new float[2 * w];
        }
    }

    /*
     * Work arrays are kept per thread (softly) for the next pyramid of the size. A thread TAKES them (the
     * thread-local slot is emptied) and gives them back when done, so a pyramid started on the same thread
     * meanwhile (a fork-join worker helping with other tasks while it waits) allocates its own instead of
     * sharing arrays in use.
     */
    private static final ThreadLocal<SoftReference<Scratch>> SCRATCH = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<float[]>> SPECTRUM = new ThreadLocal<>();

    private static Scratch takeScratch(int w, int h) {
        SoftReference<Scratch> ref = SCRATCH.get();
        Scratch s = ref == null ? null : ref.get();
        SCRATCH.remove();
        return s != null && s.w == w && s.h == h ? s : new Scratch(w, h);
    }

    private static void giveScratch(Scratch s) {
        if (2L * s.w * s.h <= KEEP_FLOATS) {
            SCRATCH.set(new SoftReference<>(s));
        }
    }

    private static float[] takeArray(ThreadLocal<SoftReference<float[]>> slot, int n) {
        SoftReference<float[]> ref = slot.get();
        float[] a = ref == null ? null : ref.get();
        slot.remove();
        return a != null && a.length == n ? a : new float[n];
    }

    private static void giveArray(ThreadLocal<SoftReference<float[]>> slot, float[] a) {
        if (a.length <= KEEP_FLOATS) {
            slot.set(new SoftReference<>(a));
        }
    }

    /**
     * Fills {@code out[level][2 * entry]} (real part) and {@code out[level][2 * entry + 1]} (imaginary part,
     * complex entries only) with the coefficients of {@code plane}.
     */
    static void analyze(float[] plane, SteerableMasks mk, float[][][] out) {
        SteerablePyramid.checkInterrupt();
        float[] spec = Fft2.forwardRealColumnMajor(plane, mk.width, mk.height,
                takeArray(SPECTRUM, 2 * mk.width * mk.height));
        List<Group> gs = groups(mk, out, true);
        SteerableJobs.run(gs, Group::cost, t -> takeScratch(mk.width, mk.height), SteerableTransform::giveScratch,
                (g, sc) -> {
            int w = g.lv.w;
            int h = g.lv.h;
            if (g.lone()) {
                inverseColumns(spec, mk.height, g, sc, w / 2 + 1);
                inverseRealRows(sc.tmp, w, h, g.scale, g.re, sc.row, 0, (h + 1) / 2);
            } else {
                inverseColumns(spec, mk.height, g, sc, w);
                inverseRows(g, sc);
            }
        });
        giveArray(SPECTRUM, spec);
    }

    /** tmp (row-major) columns 0..ncols-1 = inverse column DFTs of the spectrum times the group's filter
     * {@code (p1 m1 + i p2 m2)} on the level grid; zero where no mask is. */
    private static void inverseColumns(float[] spec, int bigH, Group g, Scratch sc, int ncols) {
        SteerableMasks.Level lv = g.lv;
        int w = lv.w;
        int h = lv.h;
        float[] m1 = g.e1.m;
        float p1r = PR[g.e1.phase];
        float p1i = PI[g.e1.phase];
        float[] m2 = g.e2 != null ? g.e2.m : null;
        float p2r = g.e2 != null ? PR[g.e2.phase] : 0;
        float p2i = g.e2 != null ? PI[g.e2.phase] : 0;
        boolean[] nz1 = g.e1.nzCols;
        boolean[] nz2 = g.e2 != null ? g.e2.nzCols : null;
        FloatFFT_1D colFft = Fft2.plan1(h);
        float[] tmp = sc.tmp;
        float[] buf = sc.buf;
        int bl = BLOCK;
        int stride = 2 * h + PAD;
        int pos = (h + 1) / 2;
        int shift = 2 * (bigH - h);
        for (int x0 = 0; x0 < ncols; x0 += bl) {
            int nb = Math.min(bl, ncols - x0);
            for (int j = 0; j < nb; j++) {
                int x = x0 + j;
                int d = j * stride;
                if (!nz1[x] && (nz2 == null || !nz2[x])) {
                    java.util.Arrays.fill(buf, d, d + 2 * h, 0f);
                    continue;
                }
                int src = 2 * lv.cols[x] * bigH;
                int mo = x * h;
                for (int y = 0; y < h; y++) {
                    // level row y is spectrum row y, or bigH - h + y for the negative frequencies
                    int k = src + 2 * y + (y < pos ? 0 : shift);
                    float xr = spec[k];
                    float xi = spec[k + 1];
                    float a = m1[mo + y];
                    float qr = p1r * a;
                    float qi = p1i * a;
                    if (m2 != null) {
                        float c = m2[mo + y];
                        qr -= p2i * c;
                        qi += p2r * c;
                    }
                    buf[d + 2 * y] = xr * qr - xi * qi;
                    buf[d + 2 * y + 1] = xr * qi + xi * qr;
                }
                colFft.complexInverse(buf, d, false);
            }
            columnsToRows(buf, stride, nb, h, tmp, w, x0);
        }
    }

    /** The nb columns in buf (column j at {@code buf[j stride ..]}, h complex values) into columns
     * {@code x0 .. x0+nb-1} of the row-major complex array tmp of width w: the one transposition per transform. */
    private static void columnsToRows(float[] buf, int stride, int nb, int h, float[] tmp, int w, int x0) {
        for (int y = 0; y < h; y++) {
            int o = 2 * (y * w + x0);
            for (int j = 0; j < nb; j++) {
                tmp[o + 2 * j] = buf[j * stride + 2 * y];
                tmp[o + 2 * j + 1] = buf[j * stride + 2 * y + 1];
            }
        }
    }

    /** Row inverse DFTs of tmp, scaled into the group's real and imaginary outputs. */
    private static void inverseRows(Group g, Scratch sc) {
        int w = g.lv.w;
        int h = g.lv.h;
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

    /** re = fs * rows of ifft_x(tmp), the rows Hermitian with only columns 0..w/2 filled: rows y, y+1 are
     * packed as A + i B into one complex FFT ({@code ifft(A + i B) = a + i b}). Row pairs p0..p1-1. */
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
        int n = 2 * bigW * bigH;
        // column-major spectra, one per worker: kept[t] are the calling thread's arrays from earlier calls
        // (owned by this call until it returns), accs[t] those worker t zeroed and used this time
        float[][] kept = takeAccumulators(SteerableJobs.maxWorkers());
        float[][] accs = new float[kept.length][];
        List<Group> gs = groups(mk, in, false);
        SteerableJobs.run(gs, Group::cost, t -> {
            Scratch sc = takeScratch(bigW, bigH);
            if (kept[t] == null || kept[t].length != n) {
                kept[t] = new float[n];
            } else {
                java.util.Arrays.fill(kept[t], 0f);
            }
            sc.acc = kept[t];
            accs[t] = kept[t];
            return sc;
        }, sc -> {
            sc.acc = null;
            giveScratch(sc);
        }, (g, sc) -> addGroup(g, sc, sc.acc, bigH));
        return finish(accs, bigW, bigH, ACCUMULATORS, kept);
    }

    /** The plane from the summed accumulators; {@code kept} goes back into {@code slot} for the next call. */
    private static float[] finish(float[][] accs, int bigW, int bigH, ThreadLocal<SoftReference<float[][]>> slot,
                                  float[][] kept) {
        SteerablePyramid.checkInterrupt();
        Scratch sc = takeScratch(bigW, bigH);
        float[] out = inverseRealPart(accs, bigW, bigH, sc.tmp);
        giveScratch(sc);
        if (2L * bigW * bigH <= KEEP_FLOATS) {
            slot.set(new SoftReference<>(kept));
        }
        return out;
    }

    /** Adds the spectrum of one group's coefficients, times the conjugate masks, into {@code acc}. */
    private static void addGroup(Group g, Scratch sc, float[] acc, int bigH) {
        if (g.lone()) {
            forwardRealRows(g.lv.w, g.lv.h, g.re, sc);
        } else {
            forwardRows(g.lv.w, g.lv.h, g.re, g.im, sc);
        }
        forwardColumnsAndAdd(g, sc, acc, bigH);
    }

    private static final ThreadLocal<SoftReference<float[][]>> ACCUMULATORS = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<float[][]>> BIN_ACCUMULATORS = new ThreadLocal<>();

    /** Bins of {@link #synthesizeReproducibly}: a constant, so the sums do not depend on the core count. */
    static final int BINS = 4;

    /**
     * {@link #synthesize} with the same bits on every call and every machine: the groups are dealt to
     * {@link #BINS} bins in a fixed order (biggest first, each to the bin with the least work so far), each
     * bin adds its groups in that order into its own spectrum, and the bins are summed in bin order. The
     * bins run on the cores like the groups of {@link #synthesize} (a bin is one job).
     */
    static float[] synthesizeReproducibly(SteerableMasks mk, float[][][] in) {
        SteerablePyramid.checkInterrupt();
        int bigW = mk.width;
        int bigH = mk.height;
        int n = 2 * bigW * bigH;
        List<Group> gs = new ArrayList<>(groups(mk, in, false));
        gs.sort(java.util.Comparator.comparingDouble(Group::cost).reversed()); // stable: ties keep layout order
        List<List<Group>> bins = new ArrayList<>();
        double[] load = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            bins.add(new ArrayList<>());
        }
        for (Group g : gs) {
            int best = 0;
            for (int b = 1; b < BINS; b++) {
                if (load[b] < load[best]) {
                    best = b;
                }
            }
            bins.get(best).add(g);
            load[best] += g.cost();
        }
        SoftReference<float[][]> ref = BIN_ACCUMULATORS.get();
        float[][] accs = ref == null ? null : ref.get();
        BIN_ACCUMULATORS.remove();
        if (accs == null) {
            accs = new float[BINS][];
        }
        for (int b = 0; b < BINS; b++) {
            if (accs[b] == null || accs[b].length != n) {
                accs[b] = new float[n];
            } else {
                java.util.Arrays.fill(accs[b], 0f);
            }
        }
        float[][] acc = accs;
        List<Integer> jobs = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            jobs.add(b);
        }
        SteerableJobs.run(jobs, b -> load[b], t -> takeScratch(bigW, bigH), SteerableTransform::giveScratch,
                (b, sc) -> {
            for (Group g : bins.get(b)) {
                addGroup(g, sc, acc[b], bigH);
            }
        });
        return finish(accs, bigW, bigH, BIN_ACCUMULATORS, accs);
    }

    private static float[][] takeAccumulators(int count) {
        SoftReference<float[][]> ref = ACCUMULATORS.get();
        float[][] a = ref == null ? null : ref.get();
        ACCUMULATORS.remove();
        return a != null && a.length == count ? a : new float[count][];
    }

    /** tmp rows = DFT_x of the rows of re + i im (im may be null). */
    private static void forwardRows(int w, int h, float[] re, float[] im, Scratch sc) {
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
    }

    /** tmp columns 0..w/2 of each row = DFT_x of the real rows of re (the others are conjugate mirrors); rows
     * y, y+1 share one complex FFT, split by Hermitian symmetry. */
    private static void forwardRealRows(int w, int h, float[] re, Scratch sc) {
        FloatFFT_1D rowFft = Fft2.plan1(w);
        float[] tmp = sc.tmp;
        float[] row = sc.row;
        int half = w / 2;
        for (int y = 0; y < h; y += 2) {
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
    }

    /**
     * Column DFTs of tmp (where needed), each column x handled with its mirror {@code -x} so that a pair's
     * Hermitian split and a lone output's missing half are at hand, then added into the column-major
     * accumulator: {@code acc(map k) += g (conj(c1) A(k) + conj(c2) B(k))}, A and B the spectra of the real
     * and imaginary part of the transformed pair (or A = Z when there is no partner).
     */
    private static void forwardColumnsAndAdd(Group g, Scratch sc, float[] acc, int bigH) {
        SteerableMasks.Level lv = g.lv;
        int w = lv.w;
        int h = lv.h;
        int half = w / 2;
        boolean lone = g.lone();
        FloatFFT_1D colFft = Fft2.plan1(h);
        float[] tmp = sc.tmp;
        float[] buf = sc.buf;
        int bl = BLOCK;
        int stride = 2 * h + PAD;
        int[] xs = new int[2 * bl]; // level column held in buffer slot j, or -1
        for (int x0 = 0; x0 <= half; x0 += bl) {
            int nb = Math.min(bl, half + 1 - x0);
            int slots = 0;
            for (int j = 0; j < nb; j++) {
                int x = x0 + j;
                int m = x == 0 ? 0 : w - x;
                if (g.needsColumn(x)) {
                    xs[slots++] = x;
                }
                if (m != x && !lone && g.needsColumn(m)) {
                    xs[slots++] = m;
                }
            }
            if (slots == 0) {
                continue;
            }
            for (int y = 0; y < h; y++) {
                int o = 2 * y * w;
                for (int j = 0; j < slots; j++) {
                    buf[j * stride + 2 * y] = tmp[o + 2 * xs[j]];
                    buf[j * stride + 2 * y + 1] = tmp[o + 2 * xs[j] + 1];
                }
            }
            for (int j = 0; j < slots; j++) {
                colFft.complexForward(buf, j * stride);
            }
            for (int j = 0; j < slots; j++) {
                int x = xs[j];
                int m = x == 0 ? 0 : w - x;
                if (lone) {
                    addColumn(g, buf, j * stride, -1, x, acc, bigH);
                    if (m != x) {
                        addMirroredColumn(g, buf, j * stride, m, acc, bigH);
                    }
                } else {
                    int jm = -1;
                    if (g.e2 != null) {
                        for (int i = 0; i < slots; i++) {
                            if (xs[i] == m) {
                                jm = i * stride;
                            }
                        }
                    }
                    addColumn(g, buf, j * stride, jm, x, acc, bigH);
                }
            }
        }
    }

    /** acc column of level column x += the filtered column at buf[z..]; for a pair, {@code zm} is the mirror
     * column {@code -x} (read at row -y) for the Hermitian split. */
    private static void addColumn(Group grp, float[] buf, int z, int zm, int x, float[] acc, int bigH) {
        SteerableMasks.Level lv = grp.lv;
        SteerableMasks.Entry e1 = grp.e1;
        SteerableMasks.Entry e2 = grp.e2;
        if (!e1.nzCols[x] && (e2 == null || !e2.nzCols[x])) {
            return;
        }
        int h = lv.h;
        float g = grp.scale;
        float[] m1 = e1.m;
        float c1r = PR[e1.phase] * g; // conj(c) = (pr m, -pi m)
        float c1i = -PI[e1.phase] * g;
        float[] m2 = e2 != null ? e2.m : null;
        float c2r = e2 != null ? PR[e2.phase] * g : 0;
        float c2i = e2 != null ? -PI[e2.phase] * g : 0;
        int dst = 2 * lv.cols[x] * bigH;
        int mo = x * h;
        int pos = (h + 1) / 2;
        int shift = 2 * (bigH - h);
        if (m2 == null) {
            for (int y = 0; y < h; y++) {
                float d1r = c1r * m1[mo + y];
                float d1i = c1i * m1[mo + y];
                float zr = buf[z + 2 * y];
                float zi = buf[z + 2 * y + 1];
                int k = dst + 2 * y + (y < pos ? 0 : shift);
                acc[k] += d1r * zr - d1i * zi;
                acc[k + 1] += d1r * zi + d1i * zr;
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            float a1 = m1[mo + y];
            float a2 = m2[mo + y];
            if (a1 == 0 && a2 == 0) {
                continue;
            }
            float zr = buf[z + 2 * y];
            float zi = buf[z + 2 * y + 1];
            int my = y == 0 ? 0 : h - y;
            float cr = buf[zm + 2 * my];
            float ci = buf[zm + 2 * my + 1];
            float ar = 0.5f * (zr + cr);
            float ai = 0.5f * (zi - ci);
            float br = 0.5f * (zi + ci);
            float bi = -0.5f * (zr - cr);
            float d1r = c1r * a1;
            float d1i = c1i * a1;
            float d2r = c2r * a2;
            float d2i = c2i * a2;
            float vr = d1r * ar - d1i * ai + d2r * br - d2i * bi;
            float vi = d1r * ai + d1i * ar + d2r * bi + d2i * br;
            int k = dst + 2 * y + (y < pos ? 0 : shift);
            acc[k] += vr;
            acc[k + 1] += vi;
        }
    }

    /** For a lone real output: acc column of level column m += its filtered spectrum, which is the conjugate
     * of the transformed mirror column at buf[z..] read at row -y ({@code Z(-k) = conj Z(k)}). */
    private static void addMirroredColumn(Group grp, float[] buf, int z, int m, float[] acc, int bigH) {
        SteerableMasks.Level lv = grp.lv;
        SteerableMasks.Entry e1 = grp.e1;
        if (!e1.nzCols[m]) {
            return;
        }
        int h = lv.h;
        float[] m1 = e1.m;
        float c1r = PR[e1.phase] * grp.scale;
        float c1i = -PI[e1.phase] * grp.scale;
        int dst = 2 * lv.cols[m] * bigH;
        int mo = m * h;
        int pos = (h + 1) / 2;
        int shift = 2 * (bigH - h);
        for (int y = 0; y < h; y++) {
            float a1 = m1[mo + y];
            if (a1 == 0) {
                continue;
            }
            int my = y == 0 ? 0 : h - y;
            float zr = buf[z + 2 * my];
            float zi = -buf[z + 2 * my + 1];
            float d1r = c1r * a1;
            float d1i = c1i * a1;
            int k = dst + 2 * y + (y < pos ? 0 : shift);
            acc[k] += d1r * zr - d1i * zi;
            acc[k + 1] += d1r * zi + d1i * zr;
        }
    }

    /** Re(ifft(acc)) / (W H) = ifft(H) / (W H) with acc the sum of the workers' accumulators and
     * H(k) = (acc(k) + conj acc(-k)) / 2 Hermitian: columns 0..w/2
     * of H from the column-major acc (the rest are conjugate mirrors), then the real rows two per complex FFT.
     * Split over the cores; {@code tmp} (2 W H floats) is work space. */
    private static float[] inverseRealPart(float[][] accs, int w, int h, float[] tmp) {
        FloatFFT_1D colFft = Fft2.plan1(h);
        int half = w / 2;
        int stride = 2 * h + PAD;
        int bl = BLOCK;
        int blocks = (half + 1 + bl - 1) / bl;
        boolean par = (long) w * h >= (1 << 14);
        int cores = Runtime.getRuntime().availableProcessors();
        int ct = par ? Math.max(1, Math.min(blocks, 4 * cores)) : 1;
        Fft2.range(ct, par, t -> {
            float[] buf = new float[bl * stride];
            for (int b = blocks * t / ct; b < blocks * (t + 1) / ct; b++) {
                int x0 = b * bl;
                int nb = Math.min(bl, half + 1 - x0);
                for (int j = 0; j < nb; j++) {
                    int x = x0 + j;
                    int src = 2 * x * h;
                    int msrc = 2 * (x == 0 ? 0 : w - x) * h;
                    int d = j * stride;
                    java.util.Arrays.fill(buf, d, d + 2 * h, 0f);
                    for (float[] acc : accs) { // in worker order: the same sum every run
                        if (acc == null) {
                            continue;
                        }
                        for (int y = 0; y < h; y++) {
                            int my = y == 0 ? 0 : h - y;
                            buf[d + 2 * y] += 0.5f * (acc[src + 2 * y] + acc[msrc + 2 * my]);
                            buf[d + 2 * y + 1] += 0.5f * (acc[src + 2 * y + 1] - acc[msrc + 2 * my + 1]);
                        }
                    }
                    colFft.complexInverse(buf, d, false);
                }
                columnsToRows(buf, stride, nb, h, tmp, w, x0);
            }
        });
        float[] out = new float[w * h];
        int pairs = (h + 1) / 2;
        int rt = par ? Math.max(1, Math.min(pairs, 4 * cores)) : 1;
        float fs = (float) (1.0 / ((double) w * h));
        Fft2.range(rt, par, t -> inverseRealRows(tmp, w, h, fs, out, new float[2 * w], pairs * t / rt,
                pairs * (t + 1) / rt));
        return out;
    }
}
