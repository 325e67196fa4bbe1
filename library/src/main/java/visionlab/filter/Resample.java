package visionlab.filter;

import java.util.ArrayList;
import java.util.List;
import visionlab.image.Image;

/**
 * The two resampling steps of the Gaussian and Laplacian pyramids, applied separably to every channel.
 *
 * <ul>
 * <li>{@link #reduce}: blur with the kernel (default {@code [1 4 6 4 1]/16}) then keep every other sample,
 * {@code x_{i+1} = G_i x_i}, {@code out(x, y) = sum_{j,k} h(j) h(k) in(2x - j, 2y - k)}; an axis of n
 * samples becomes {@code ceil(n/2)}.</li>
 * <li>{@link #expand}: insert zeros between the samples then filter with the kernel times 2 per axis,
 * {@code y = F_i x}, {@code out(x, y) = sum_{j,k} 2h(j) 2h(k) u(x - j, y - k)} with
 * {@code u(2i, 2l) = in(i, l)} and 0 elsewhere; an axis of n samples becomes exactly 2n or 2n - 1.</li>
 * </ul>
 * Samples outside the (zero-inserted, for expand) image come from the {@link Boundary} mode, default
 * {@link Boundary#REFLECT_101}. An axis of length 1 that stays length 1 (reduce 1 to 1, expand 1 to 1) is
 * left unchanged, so a {@code n x 1} image is resampled exactly as the 1-D signal (as {@link Operators}
 * does). The implementation is fused: it never builds the zero-inserted image, reduce
 * computes only the kept samples, and large images are split between the cores.
 */
public final class Resample {

    private Resample() {
    }

    /** Number of samples after reducing n: {@code ceil(n/2)}. */
    public static int reducedLength(int n) {
        return (n + 1) / 2;
    }

    /** {@link #reduce(Image, Kernel1D, Boundary)} with {@code [1 4 6 4 1]/16} and reflect-101. */
    public static Image reduce(Image img) {
        return reduce(img, Kernel1D.binomial(5), Boundary.REFLECT_101);
    }

    /**
     * Blur with {@code kernel} along x and y, then keep the samples at even x and y: a
     * {@code ceil(w/2) x ceil(h/2)} image, {@code out = G x}.
     */
    public static Image reduce(Image img, Kernel1D kernel, Boundary boundary) {
        check(img, kernel, boundary);
        Image out = reduceUnchecked(img, kernel, boundary);
        if (coversEverySample(kernel) ? !out.isFinite() : !img.isFinite()) {
            throw notFinite("img", img);
        }
        return out;
    }

    /** {@link #expand(Image, int, int, Kernel1D, Boundary)} to twice the size. */
    public static Image expand(Image img) {
        if (img == null) {
            throw new IllegalArgumentException("img: expected an image, got null");
        }
        return expand(img, 2 * img.width(), 2 * img.height());
    }

    /** {@link #expand(Image, int, int, Kernel1D, Boundary)} with {@code [1 4 6 4 1]/16} and reflect-101. */
    public static Image expand(Image img, int width, int height) {
        return expand(img, width, height, Kernel1D.binomial(5), Boundary.REFLECT_101);
    }

    /**
     * Insert zeros, then filter with {@code 2 * kernel} along x and y: a {@code width x height} image,
     * {@code y = F x}. With {@code [1 4 6 4 1]/16} the even outputs are {@code [1 6 1]/8} of the input and
     * the odd ones {@code [4 4]/8} (the polyphase taps).
     *
     * @param width  {@code 2w} or {@code 2w - 1} for a {@code w}-wide {@code img}
     * @param height {@code 2h} or {@code 2h - 1}
     */
    public static Image expand(Image img, int width, int height, Kernel1D kernel, Boundary boundary) {
        check(img, kernel, boundary);
        checkTarget("width", width, img.width());
        checkTarget("height", height, img.height());
        if (!img.isFinite()) {
            throw notFinite("img", img);
        }
        return expandInto(img, null, 1f, width, height, kernel, boundary);
    }

    /**
     * {@code base + sign * expand(coarse)} in one pass, the size of {@code base}: the Laplacian band
     * {@code L_i = x_i - F_i x_{i+1}} (sign -1) and the reconstruction step {@code x_i = L_i + F_i x_{i+1}}
     * (sign +1). Samples are not checked for NaN (NaN propagates), only shapes.
     */
    public static Image expandAndAdd(Image coarse, Image base, double sign, Kernel1D kernel, Boundary boundary) {
        if (coarse == null) {
            throw new IllegalArgumentException("coarse: expected an image, got null");
        }
        if (base == null) {
            throw new IllegalArgumentException("base: expected an image, got null");
        }
        check(coarse, kernel, boundary);
        if (!Double.isFinite(sign)) {
            throw new IllegalArgumentException("sign: expected a finite number, got " + sign);
        }
        checkTarget("base width", base.width(), coarse.width());
        checkTarget("base height", base.height(), coarse.height());
        if (base.channels() != coarse.channels()) {
            throw new IllegalArgumentException("base: expected " + coarse.channels() + " channel(s) like coarse, got "
                    + base.shape());
        }
        return expandInto(coarse, base, (float) sign, base.width(), base.height(), kernel, boundary);
    }

    /**
     * One level of the Laplacian pyramid: {@code reduced = G x} and {@code band = x - F G x}, so that
     * {@code x = band + expand(reduced)}.
     *
     * @param band    the band-pass level {@code (I - F G) x}, the size of x
     * @param reduced the next Gaussian level {@code G x}
     */
    public record Split(Image band, Image reduced) {
    }

    /**
     * {@link #reduce} and the Laplacian band {@code x - expand(reduce(x))} in one pass over {@code x}
     * (each row of x is read from memory once). Samples are not checked for NaN (NaN propagates).
     */
    public static Split split(Image x, Kernel1D kernel, Boundary boundary) {
        check(x, kernel, boundary);
        return splitUnchecked(x, kernel, boundary);
    }

    /**
     * The Gaussian pyramid levels: {@code img} then {@code levels - 1} successive reductions (level 0 is
     * {@code img} itself, not a copy).
     */
    public static List<Image> gaussianLevels(Image img, int levels, Kernel1D kernel, Boundary boundary) {
        check(img, kernel, boundary);
        if (levels < 1) {
            throw new IllegalArgumentException("levels: expected >= 1, got " + levels);
        }
        List<Image> out = new ArrayList<>(levels);
        out.add(img);
        for (int i = 1; i < levels; ) {
            Image prev = out.get(i - 1);
            if (i + 1 < levels) {
                // two levels in one pass: the middle level's rows feed the next reduction from cache
                Image[] two = reduceTwiceUnchecked(prev, kernel, boundary);
                out.add(two[0]);
                out.add(two[1]);
                i += 2;
            } else {
                out.add(reduceUnchecked(prev, kernel, boundary));
                i++;
            }
        }
        Image last = out.get(levels - 1);
        if (levels == 1 || !coversEverySample(kernel) ? !img.isFinite() : !last.isFinite()) {
            throw notFinite("img", img);
        }
        return out;
    }

    private static boolean coversEverySample(Kernel1D k) {
        if (k.length() < 3) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            if (!(k.tap(i) > 0)) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException notFinite(String name, Image img) {
        return new IllegalArgumentException(name + ": expected finite samples, got NaN or infinity (or overflow) in "
                + img.shape() + " image");
    }

    private static void check(Image img, Kernel1D kernel, Boundary boundary) {
        if (img == null) {
            throw new IllegalArgumentException("img: expected an image, got null");
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel: expected a Kernel1D, got null");
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
    }

    private static void checkTarget(String name, int target, int n) {
        if (target != 2 * n && target != 2 * n - 1) {
            throw new IllegalArgumentException(name + ": expected " + (2 * n - 1) + " or " + (2 * n) + " (2n-1 or 2n for n = "
                    + n + "), got " + target);
        }
    }

    static Image reduceUnchecked(Image img, Kernel1D kernel, Boundary boundary) {
        int w = img.width();
        int h = img.height();
        int ow = reducedLength(w);
        int oh = reducedLength(h);
        int channels = img.channels();
        AxisPlan px = AxisPlan.reduce(w, kernel, boundary);
        AxisPlan py = AxisPlan.reduce(h, kernel, boundary);
        Image out = Image.zeros(ow, oh, channels);
        int maxCnt = kernel.length();
        int ringSize = py.maxSpan;
        Parallel.rows(oh, (long) w * oh * channels, (from, to) -> {
            // input rows copied into a ring of row buffers, summed vertically into tmp, decimated along x
            float[][] ring = new float[ringSize][w];
            int[] tag = new int[ringSize];
            float[] tmp = new float[w];
            float[][] a = new float[maxCnt][];
            float[] ww = new float[maxCnt];
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(tag, -1);
                float[] src = img.plane(c);
                float[] dst = out.plane(c);
                for (int o = from; o < to; o++) {
                    int cnt = 0;
                    for (int e = py.start[o]; e < py.start[o + 1]; e++, cnt++) {
                        int sr = py.src[e];
                        int slot = sr % ringSize;
                        if (tag[slot] != sr) {
                            System.arraycopy(src, sr * w, ring[slot], 0, w);
                            tag[slot] = sr;
                        }
                        a[cnt] = ring[slot];
                        ww[cnt] = py.w[e];
                    }
                    Rows.combine(a, ww, cnt, tmp, false, w);
                    px.row(tmp, 0, dst, o * ow);
                }
            }
        });
        return out;
    }

    /** {@code G x} and {@code G G x} in one pass over x. */
    static Image[] reduceTwiceUnchecked(Image img, Kernel1D kernel, Boundary boundary) {
        int w = img.width();
        int h = img.height();
        int w1 = reducedLength(w);
        int h1 = reducedLength(h);
        int w2 = reducedLength(w1);
        int h2 = reducedLength(h1);
        int channels = img.channels();
        AxisPlan rx0 = AxisPlan.reduce(w, kernel, boundary);
        AxisPlan ry0 = AxisPlan.reduce(h, kernel, boundary);
        AxisPlan rx1 = AxisPlan.reduce(w1, kernel, boundary);
        AxisPlan ry1 = AxisPlan.reduce(h1, kernel, boundary);
        Image l1 = Image.zeros(w1, h1, channels);
        Image l2 = Image.zeros(w2, h2, channels);
        int maxCnt = kernel.length();
        int ring0 = ry0.maxSpan + 2;
        int ring1 = ry1.maxSpan;
        Parallel.rows(h2, (long) w * h1 * channels, (from, to) -> {
            float[][] r0 = new float[ring0][w];
            int[] t0 = new int[ring0];
            float[][] r1 = new float[ring1][w1];
            int[] t1 = new int[ring1];
            float[] tmp0 = new float[w];
            float[] tmp1 = new float[w1];
            float[][] a = new float[maxCnt][];
            float[] ww = new float[maxCnt];
            float[][] ra = new float[maxCnt][];
            float[] rw = new float[maxCnt];
            // level-1 rows o1 with from <= o1/2 < to, i.e. 2 from <= o1 < 2 to, are written by this part
            int ownFrom = Math.min(h1, 2 * from);
            int ownTo = Math.min(h1, 2 * to);
            boolean[] written = new boolean[ownTo - ownFrom];
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(t0, -1);
                java.util.Arrays.fill(t1, -1);
                java.util.Arrays.fill(written, false);
                float[] src = img.plane(c);
                float[] p1 = l1.plane(c);
                float[] p2 = l2.plane(c);
                for (int o2 = from; o2 < to; o2++) {
                    int cnt = 0;
                    for (int e = ry1.start[o2]; e < ry1.start[o2 + 1]; e++, cnt++) {
                        int o1 = ry1.src[e];
                        int slot = o1 % ring1;
                        if (t1[slot] != o1) {
                            reducedRow(o1, src, w, ry0, rx0, r0, t0, tmp0, r1[slot], ra, rw);
                            t1[slot] = o1;
                            if (o1 >= ownFrom && o1 < ownTo && !written[o1 - ownFrom]) {
                                System.arraycopy(r1[slot], 0, p1, o1 * w1, w1);
                                written[o1 - ownFrom] = true;
                            }
                        }
                        a[cnt] = r1[slot];
                        ww[cnt] = ry1.w[e];
                    }
                    Rows.combine(a, ww, cnt, tmp1, false, w1);
                    rx1.row(tmp1, 0, p2, o2 * w2);
                }
                for (int o1 = ownFrom; o1 < ownTo; o1++) {
                    if (!written[o1 - ownFrom]) {
                        reducedRow(o1, src, w, ry0, rx0, r0, t0, tmp0, tmp1, ra, rw);
                        System.arraycopy(tmp1, 0, p1, o1 * w1, w1);
                    }
                }
            }
        });
        return new Image[] {l1, l2};
    }

    static Split splitUnchecked(Image img, Kernel1D kernel, Boundary boundary) {
        int w = img.width();
        int h = img.height();
        int ow = reducedLength(w);
        int oh = reducedLength(h);
        int channels = img.channels();
        AxisPlan rx = AxisPlan.reduce(w, kernel, boundary);
        AxisPlan ry = AxisPlan.reduce(h, kernel, boundary);
        AxisPlan ex = AxisPlan.expand(ow, w, kernel, boundary);
        AxisPlan ey = AxisPlan.expand(oh, h, kernel, boundary);
        Image band = Image.zeros(w, h, channels);
        Image reduced = Image.zeros(ow, oh, channels);
        int maxCnt = kernel.length();
        int inRing = ry.maxSpan + 3;
        int exRing = ey.maxSpan;
        Parallel.rows(h, (long) w * h * channels, (from, to) -> {
            float[][] ring = new float[inRing][w];
            int[] ringTag = new int[inRing];
            float[][] exp = new float[exRing][w];
            int[] expTag = new int[exRing];
            float[] tmp = new float[w];
            float[] rrow = new float[ow];
            float[] row = new float[w];
            float[][] a = new float[maxCnt][];
            float[] ww = new float[maxCnt];
            float[][] ra = new float[maxCnt][];
            float[] rw = new float[maxCnt];
            // reduced rows o with from <= 2o < to are written by this part
            int ownFrom = (from + 1) / 2;
            int ownTo = (to + 1) / 2;
            boolean[] written = new boolean[Math.max(0, ownTo - ownFrom)];
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(ringTag, -1);
                java.util.Arrays.fill(expTag, -1);
                java.util.Arrays.fill(written, false);
                float[] src = img.plane(c);
                float[] bd = band.plane(c);
                float[] rd = reduced.plane(c);
                for (int y = from; y < to; y++) {
                    int cnt = 0;
                    for (int e = ey.start[y]; e < ey.start[y + 1]; e++, cnt++) {
                        int o = ey.src[e];
                        int slot = o % exRing;
                        if (expTag[slot] != o) {
                            reducedRow(o, src, w, ry, rx, ring, ringTag, tmp, rrow, ra, rw);
                            if (o >= ownFrom && o < ownTo && !written[o - ownFrom]) {
                                System.arraycopy(rrow, 0, rd, o * ow, ow);
                                written[o - ownFrom] = true;
                            }
                            ex.row(rrow, 0, exp[slot], 0);
                            expTag[slot] = o;
                        }
                        a[cnt] = exp[slot];
                        ww[cnt] = -ey.w[e];
                    }
                    int slot = y % inRing;
                    System.arraycopy(ringTag[slot] == y ? ring[slot] : src, ringTag[slot] == y ? 0 : y * w, row, 0, w);
                    Rows.combine(a, ww, cnt, row, true, w);
                    System.arraycopy(row, 0, bd, y * w, w);
                }
                for (int o = ownFrom; o < ownTo; o++) {
                    if (!written[o - ownFrom]) {
                        reducedRow(o, src, w, ry, rx, ring, ringTag, tmp, rrow, ra, rw);
                        System.arraycopy(rrow, 0, rd, o * ow, ow);
                    }
                }
            }
        });
        return new Split(band, reduced);
    }

    /** Reduced row o of {@code src} into {@code rrow}, input rows cached in the ring. */
    private static void reducedRow(int o, float[] src, int w, AxisPlan ry, AxisPlan rx, float[][] ring, int[] tag,
            float[] tmp, float[] rrow, float[][] rows, float[] ww) {
        int n = ring.length;
        int cnt = 0;
        for (int e = ry.start[o]; e < ry.start[o + 1]; e++, cnt++) {
            int sr = ry.src[e];
            int slot = sr % n;
            if (tag[slot] != sr) {
                System.arraycopy(src, sr * w, ring[slot], 0, w);
                tag[slot] = sr;
            }
            rows[cnt] = ring[slot];
            ww[cnt] = ry.w[e];
        }
        Rows.combine(rows, ww, cnt, tmp, false, w);
        rx.row(tmp, 0, rrow, 0);
    }

    private static Image expandInto(Image img, Image base, float sign, int mw, int mh, Kernel1D kernel,
            Boundary boundary) {
        int w = img.width();
        int h = img.height();
        int channels = img.channels();
        AxisPlan px = AxisPlan.expand(w, mw, kernel, boundary);
        AxisPlan py = AxisPlan.expand(h, mh, kernel, boundary);
        Image out = Image.zeros(mw, mh, channels);
        int maxCnt = kernel.length();
        int ringSize = py.maxSpan;
        Parallel.rows(mh, (long) mw * mh * channels, (from, to) -> {
            // input rows expanded along x into a ring of row buffers, summed vertically (plus the base row)
            float[][] ring = new float[ringSize][mw];
            int[] tag = new int[ringSize];
            float[] row = new float[mw];
            float[][] a = new float[maxCnt][];
            float[] ww = new float[maxCnt];
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(tag, -1);
                float[] src = img.plane(c);
                float[] dst = out.plane(c);
                float[] bp = base == null ? null : base.plane(c);
                for (int o = from; o < to; o++) {
                    int cnt = 0;
                    for (int e = py.start[o]; e < py.start[o + 1]; e++, cnt++) {
                        int sr = py.src[e];
                        int slot = sr % ringSize;
                        if (tag[slot] != sr) {
                            px.row(src, sr * w, ring[slot], 0);
                            tag[slot] = sr;
                        }
                        a[cnt] = ring[slot];
                        ww[cnt] = py.w[e] * sign;
                    }
                    if (bp != null) {
                        System.arraycopy(bp, o * mw, row, 0, mw);
                    }
                    Rows.combine(a, ww, cnt, row, bp != null, mw);
                    System.arraycopy(row, 0, dst, o * mw, mw);
                }
            }
        });
        return out;
    }
}
