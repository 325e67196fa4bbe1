package visionlab.pyramid;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The frequency-domain filters of a steerable pyramid for one image size, cached. See
 * {@link SteerablePyramid} for the formulas. Everything is expressed on the frequencies of the ORIGINAL
 * image: level {@code s} keeps the DFT indices {@code -floor(w_s/2) .. ceil(w_s/2)-1} of the original
 * {@code W x H} DFT along x (likewise y), {@code w_0 = W}, {@code w_{s+1} = ceil(w_s / 2)}; a mask is zero
 * wherever the previous crop would have dropped a coefficient, so cropping loses nothing.
 */
final class SteerableMasks {

    /** One filtered output on a level grid: {@code p * m(k)} with {@code p = (-i)^phase}, {@code m} real and
     * stored column-major ({@code m[x h + y]} for level column x, row y), the order the FFT passes read it. */
    static final class Entry {
        final float[] m;
        final int phase; // 0..3: multiply by (-i)^phase
        final boolean complexOutput;
        /** Level columns where {@code m} is not identically zero (the column passes skip the others). */
        boolean[] nzCols;

        Entry(float[] m, int phase, boolean complexOutput) {
            this.m = m;
            this.phase = phase;
            this.complexOutput = complexOutput;
        }

        void findSupport(int h) {
            boolean[] cols = new boolean[m.length / h];
            for (int i = 0; i < m.length; i++) {
                if (m[i] != 0) {
                    cols[i / h] = true;
                }
            }
            nzCols = cols;
        }
    }

    /** A grid of kept frequencies and the outputs computed on it. */
    static final class Level {
        final int w;
        final int h;
        final int[] cols; // level column index -> original column index
        final int[] rows;
        final List<Entry> entries = new ArrayList<>();

        Level(int w, int h, int bigW, int bigH) {
            this.w = w;
            this.h = h;
            cols = indexMap(w, bigW);
            rows = indexMap(h, bigH);
        }
    }

    final int width;
    final int height;
    final int scales;
    final int orientations;
    final boolean complex;
    /** Levels 0..scales: level 0 holds the high-pass and scale-0 bands, level s the bands of scale s, level
     * {@code scales} the low-pass only. */
    final List<Level> levels = new ArrayList<>();

    /** Least recently used first; at most 4 sizes and about 1 GB of filters are kept, softly (the garbage
     * collector may drop them when memory runs short; they are then built again). */
    private static final Map<String, SoftReference<SteerableMasks>> CACHE = new LinkedHashMap<>(8, 0.75f, true);
    private static final long MAX_FLOATS = 256L << 20;

    static SteerableMasks get(int width, int height, int scales, int orientations, boolean complex) {
        String key = width + "x" + height + "/" + scales + "/" + orientations + "/" + complex;
        synchronized (CACHE) {
            SoftReference<SteerableMasks> ref = CACHE.get(key);
            SteerableMasks m = ref == null ? null : ref.get();
            if (m != null) {
                return m;
            }
        }
        // built outside the lock (seconds at 4096 x 4096): other sizes need not wait; two threads asking for
        // the same new size at once may both build it
        SteerableMasks built = new SteerableMasks(width, height, scales, orientations, complex);
        synchronized (CACHE) {
            SoftReference<SteerableMasks> ref = CACHE.get(key);
            SteerableMasks m = ref == null ? null : ref.get();
            if (m != null) {
                return m;
            }
            CACHE.put(key, new SoftReference<>(built));
            long total = 0;
            for (SoftReference<SteerableMasks> v : CACHE.values()) {
                SteerableMasks x = v.get();
                total += x == null ? 0 : x.floats();
            }
            var it = CACHE.entrySet().iterator();
            while ((CACHE.size() > 4 || total > MAX_FLOATS) && CACHE.size() > 1 && it.hasNext()) {
                SteerableMasks old = it.next().getValue().get();
                if (old == built) {
                    break;
                }
                total -= old == null ? 0 : old.floats();
                it.remove();
            }
            return built;
        }
    }

    /** Number of filter samples held. */
    long floats() {
        long n = 0;
        for (Level lv : levels) {
            for (Entry e : lv.entries) {
                n += e.m.length;
            }
        }
        return n;
    }

    /** Size of the grid after {@code s} halvings: {@code ceil} each time. */
    static int levelSize(int n, int s) {
        for (int i = 0; i < s; i++) {
            n = (n + 1) / 2;
        }
        return n;
    }

    /** The largest number of scales for this size: {@code floor(log2(min(W, H))) - 2}. */
    static int maxScales(int width, int height) {
        int m = Math.min(width, height);
        return 31 - Integer.numberOfLeadingZeros(m) - 2;
    }

    static int[] indexMap(int n, int big) {
        int[] map = new int[n];
        int pos = (n + 1) / 2; // indices 0..pos-1 are frequencies 0..pos-1, the rest negative
        for (int i = 0; i < n; i++) {
            int f = i < pos ? i : i - n;
            map[i] = Math.floorMod(f, big);
        }
        return map;
    }

    /** hi(l) rising from 0 at {@code l = a - 1} to 1 at {@code l = a}: {@code cos(pi/2 (a - l))}. */
    static double hi(double l, double a) {
        if (l >= a) {
            return 1;
        }
        if (l <= a - 1) {
            return 0;
        }
        return Math.cos(Math.PI / 2 * (a - l));
    }

    /** lo(l) = sqrt(1 - hi(l)^2) = {@code sin(pi/2 (a - l))} on the transition. */
    static double lo(double l, double a) {
        if (l >= a) {
            return 0;
        }
        if (l <= a - 1) {
            return 1;
        }
        return Math.sin(Math.PI / 2 * (a - l));
    }

    /** {@code alpha = sqrt(2^(2n) (n!)^2 / (K (2n)!))}, n = K - 1: makes sum_b alpha^2 cos^(2n) = 1. */
    static double angularGain(int k) {
        int n = k - 1;
        double lg = 2 * n * Math.log(2) + 2 * logFactorial(n) - Math.log(k) - logFactorial(2 * n);
        return Math.exp(lg / 2);
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    private SteerableMasks(int width, int height, int scales, int orientations, boolean complex) {
        this.width = width;
        this.height = height;
        this.scales = scales;
        this.orientations = orientations;
        this.complex = complex;
        int order = orientations - 1;
        double alpha = angularGain(orientations);
        // one-sided (analytic) masks carry sqrt(2) alpha: half the plane, same energy for real input
        double gain = complex ? Math.sqrt(2) * alpha : alpha;
        double bigN = (double) width * height;
        for (int s = 0; s <= scales; s++) {
            Level lv = new Level(levelSize(width, s), levelSize(height, s), width, height);
            int n = lv.w * lv.h;
            double fs = Math.sqrt(n / bigN); // orthonormal scaling between grids
            float[] logr = new float[n];
            float[] ang = new float[n];
            final Level fl = lv;
            IntStream.range(0, lv.h).parallel().forEach(y -> {
                int fy = fl.rows[y] < (height + 1) / 2 ? fl.rows[y] : fl.rows[y] - height;
                double wy = 2 * Math.PI * fy / height;
                for (int x = 0; x < fl.w; x++) {
                    int fx = fl.cols[x] < (width + 1) / 2 ? fl.cols[x] : fl.cols[x] - width;
                    double wx = 2 * Math.PI * fx / width;
                    double r = Math.hypot(wx, wy) / Math.PI;
                    logr[x * fl.h + y] = r == 0 ? Float.NEGATIVE_INFINITY : (float) (Math.log(r) / Math.log(2));
                    ang[x * fl.h + y] = (float) Math.atan2(wy, wx);
                }
            });
            final int scale = s;
            if (s == 0) {
                float[] hp = new float[n];
                for (int i = 0; i < n; i++) {
                    hp[i] = (float) hi(logr[i], 0);
                }
                lv.entries.add(new Entry(hp, 0, false));
            }
            if (s < scales) {
                for (int b = 0; b < orientations; b++) {
                    double tb = Math.PI * b / orientations;
                    float[] m = new float[n];
                    IntStream.range(0, lv.h).parallel().forEach(y -> {
                        for (int x = 0; x < fl.w; x++) {
                            int i = x * fl.h + y;
                            double radial = radialBand(logr[i], scale);
                            if (radial == 0) {
                                continue;
                            }
                            double d = ang[i] - tb;
                            d = Math.IEEEremainder(d, 2 * Math.PI); // -pi..pi
                            double c = Math.cos(d);
                            double a;
                            if (complex) {
                                double ad = Math.abs(d);
                                if (ad < Math.PI / 2 - 1e-6) {
                                    a = Math.pow(c, order);
                                } else if (ad <= Math.PI / 2 + 1e-6) {
                                    a = order == 0 ? Math.sqrt(0.5) : 0; // boundary line (K = 1 only)
                                } else {
                                    a = 0;
                                }
                            } else {
                                a = Math.pow(c, order);
                            }
                            double v = radial * gain * a;
                            // values this small change nothing but can make float denormals (slow) in the FFT
                            m[i] = Math.abs(v) < 1e-12 ? 0f : (float) v;
                        }
                    });
                    lv.entries.add(new Entry(m, order & 3, complex));
                }
            } else {
                float[] lp = new float[n];
                for (int i = 0; i < n; i++) {
                    lp[i] = (float) radialLow(logr[i], scales);
                }
                lv.entries.add(new Entry(lp, 0, false));
            }
            for (Entry e : lv.entries) {
                e.findSupport(lv.h);
            }
            levelScale.add(fs);
            levels.add(lv);
        }
    }

    /** sqrt(n_s / N) per level: analysis multiplies by it after the inverse DFT, synthesis divides. */
    final List<Double> levelScale = new ArrayList<>();

    /** lo0 * prod_{t < s} lo_t * hi_s: the radial profile of scale s (hi_s rises over l in [-s-2, -s-1]). */
    static double radialBand(double l, int s) {
        double v = lo(l, 0) * hi(l, -s - 1);
        for (int t = 0; t < s && v != 0; t++) {
            v *= lo(l, -t - 1);
        }
        return v;
    }

    /** lo0 * prod_{t < S} lo_t: the low-pass residual. */
    static double radialLow(double l, int scales) {
        double v = lo(l, 0);
        for (int t = 0; t < scales && v != 0; t++) {
            v *= lo(l, -t - 1);
        }
        return v;
    }
}
