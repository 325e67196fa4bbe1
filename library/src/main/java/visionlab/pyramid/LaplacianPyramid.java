package visionlab.pyramid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.MimeBundle;

/**
 * The Laplacian pyramid: band-pass levels {@code L_i = (I - F_i G_i) x_i = x_i - expand(reduce(x_i))} of
 * the Gaussian pyramid {@code x_i}, and the low-pass residual {@code x_{n-1}} as the last level. It is
 * exactly invertible: {@code x_i = L_i + F_i x_{i+1}} from the coarsest level down ({@link #reconstruct()}).
 *
 * <pre>{@code
 * LaplacianPyramid lp = LaplacianPyramid.of(img);        // bands 512 .. 16, low-pass 8
 * Image back = lp.reconstruct();                         // equals img up to float rounding
 * Image noFine = lp.map(0, b -> b.times(0)).reconstruct();
 * }</pre>
 */
public final class LaplacianPyramid implements Pyramid {

    private final List<Image> levels;
    private final Kernel1D kernel;
    private final Boundary boundary;

    private LaplacianPyramid(List<Image> levels, Kernel1D kernel, Boundary boundary) {
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
        this.kernel = kernel;
        this.boundary = boundary;
    }

    /** The pyramid with the Gaussian pyramid's default height (small side of the low-pass 8 px or less). */
    public static LaplacianPyramid of(Image img) {
        Levels.requireImage(img, "img");
        return of(img, GaussianPyramid.defaultLevels(img.width(), img.height()));
    }

    /** The pyramid with {@code levels} levels in all: {@code levels - 1} bands and the low-pass. */
    public static LaplacianPyramid of(Image img, int levels) {
        return of(img, levels, Kernel1D.binomial(5), Boundary.REFLECT_101);
    }

    /** The pyramid for this low-pass kernel and boundary mode. */
    public static LaplacianPyramid of(Image img, int levels, Kernel1D kernel, Boundary boundary) {
        Levels.requireImage(img, "img");
        Levels.checkLevels(levels, img);
        Levels.checkFilter(kernel, boundary);
        List<Image> out = new ArrayList<>(levels);
        Image x = img;
        for (int i = 0; i < levels - 1; i++) {
            Resample.Split s = Resample.split(x, kernel, boundary);
            out.add(s.band());
            x = s.reduced();
        }
        // NaN or infinity anywhere reaches the low-pass through the blur (all taps > 0): check the small image
        Image.requireValid(levels == 1 || !allPositive(kernel) ? img : x, "img");
        out.add(levels == 1 ? img.copy() : x);
        return new LaplacianPyramid(out, kernel, boundary);
    }

    private static boolean allPositive(Kernel1D k) {
        for (int i = 0; i < k.length(); i++) {
            if (!(k.tap(i) > 0)) {
                return false;
            }
        }
        return k.length() >= 3;
    }

    /**
     * A pyramid from given levels (bands, then the low-pass), for example edited coefficients. Each level
     * must be {@code ceil(n/2)} of the previous one per axis, all with one channel count, finite.
     */
    public static LaplacianPyramid fromLevels(List<Image> levels, Kernel1D kernel, Boundary boundary) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("levels: expected a non-empty list of images");
        }
        Levels.checkFilter(kernel, boundary);
        for (int i = 0; i < levels.size(); i++) {
            Image im = levels.get(i);
            Image.requireValid(im, "levels[" + i + "]");
            if (i > 0) {
                Image prev = levels.get(i - 1);
                int w = Resample.reducedLength(prev.width());
                int h = Resample.reducedLength(prev.height());
                if (im.width() != w || im.height() != h || im.channels() != prev.channels()) {
                    throw new IllegalArgumentException("levels[" + i + "]: expected " + w + "x" + h + " with "
                            + prev.channels() + " channel(s) (half of level " + (i - 1) + "), got " + im.shape());
                }
            }
        }
        return new LaplacianPyramid(levels, kernel, boundary);
    }

    /** The levels, finest first (unmodifiable). */
    @Override
    public List<Image> levels() {
        return levels;
    }

    /** The band-pass levels {@code L_0 .. L_{n-2}} (all but the low-pass). */
    public List<Image> bands() {
        return levels.subList(0, levels.size() - 1);
    }

    /** The low-pass residual, the last level. */
    public Image lowpass() {
        return levels.get(levels.size() - 1);
    }

    /** The low-pass kernel of reduce and expand. */
    public Kernel1D kernel() {
        return kernel;
    }

    /** The boundary mode of reduce and expand. */
    public Boundary boundary() {
        return boundary;
    }

    /** Collapses the pyramid: {@code x_i = L_i + F_i x_{i+1}} from the low-pass down to level 0. */
    public Image reconstruct() {
        return reconstruct(0);
    }

    /**
     * Partial reconstruction, coarse to fine, stopping at level {@code fromLevel}: the image
     * {@code x_fromLevel} at that level's size (the low-pass itself for the last level).
     */
    public Image reconstruct(int fromLevel) {
        if (fromLevel < 0 || fromLevel >= levels.size()) {
            throw new IllegalArgumentException("fromLevel: expected 0.." + (levels.size() - 1) + ", got " + fromLevel);
        }
        Image x = lowpass();
        for (int i = levels.size() - 2; i >= fromLevel; i--) {
            x = Resample.expandAndAdd(x, levels.get(i), 1, kernel, boundary);
        }
        return x == lowpass() ? x.copy() : x;
    }

    /**
     * A new pyramid with level {@code level} replaced by {@code fn} of it (same shape required), the
     * others shared: {@code lp.map(0, b -> b.times(2)).reconstruct()} sharpens.
     */
    public LaplacianPyramid map(int level, UnaryOperator<Image> fn) {
        Image old = level(level);
        if (fn == null) {
            throw new IllegalArgumentException("fn: expected a function of an image, got null");
        }
        Image neu = fn.apply(old);
        Image.requireValid(neu, "fn result");
        if (!neu.sameShape(old)) {
            throw new IllegalArgumentException("fn result: expected " + old.shape() + " like level " + level + ", got "
                    + neu.shape());
        }
        List<Image> l = new ArrayList<>(levels);
        l.set(level, neu);
        return new LaplacianPyramid(l, kernel, boundary);
    }

    /**
     * Every level expanded back to the size of level 0 ({@code F_0 ... F_{i-1} L_i}): the lecture's Fig. 5,
     * lower row. They sum to the reconstructed image.
     */
    public List<Image> expandedLevels() {
        return Levels.expanded(levels, kernel, boundary);
    }

    /**
     * {@link #expandedLevels()} in a grid, bands stretched around zero, each labelled with the lecture's
     * 1-based name ({@code L1} the finest band, level 0 in code; the last tile the low-pass {@code x_n}).
     */
    public Mosaic fullResolution() {
        return Levels.grid(tiles(expandedLevels()), toString() + ", levels expanded to full resolution",
                names(" expanded to " + Levels.size(levels.get(0))));
    }

    /**
     * The levels side by side: bands with 0 as mid grey, contrast stretched per band so that 4 times the
     * band's RMS (or its largest value, if smaller) is black or white; then the low-pass. Labelled
     * {@code L1 512}, ..., {@code x4 64 low-pass} (the lecture's names).
     */
    public Mosaic mosaic() {
        List<String> names = names("");
        return Levels.row(tiles(levels), toString()).labels(names.toArray(new String[0]));
    }

    private static List<Image> tiles(List<Image> lv) {
        List<Image> tiles = new ArrayList<>();
        for (int i = 0; i < lv.size(); i++) {
            Image im = lv.get(i);
            tiles.add(i < lv.size() - 1 ? Levels.aroundZero(im) : Levels.plain(im));
        }
        return tiles;
    }

    private List<String> names(String suffix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            boolean last = i == levels.size() - 1;
            names.add((last ? "x" : "L") + (i + 1) + " " + Levels.size(levels.get(i)) + suffix + (last ? " (low-pass)" : ""));
        }
        return names;
    }

    @Override
    public MimeBundle mimeBundle() {
        return mosaic().mimeBundle();
    }

    /** "LaplacianPyramid 512x512 RGB, 7 levels: 512, 256, ..., 8 (low-pass)". */
    @Override
    public String toString() {
        return "LaplacianPyramid " + levels.get(0).shape() + ", " + levels.size() + " level"
                + (levels.size() == 1 ? "" : "s") + ": " + Levels.sizes(levels, " (low-pass)");
    }
}
