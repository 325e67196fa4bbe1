package visionlab.pyramid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.MimeBundle;

/**
 * The Gaussian pyramid: progressively blurred and subsampled versions of an image,
 * {@code x_0 = img}, {@code x_{i+1} = G_i x_i} = {@link Resample#reduce} (blur with {@code [1 4 6 4 1]/16},
 * keep every other sample), each level {@code ceil(n/2)} of the previous one.
 *
 * <pre>{@code GaussianPyramid gp = GaussianPyramid.of(Image.sample("apple"));  // 512, 256, ..., 8}</pre>
 */
public final class GaussianPyramid implements Pyramid {

    private final List<Image> levels;
    private final Kernel1D kernel;
    private final Boundary boundary;

    private GaussianPyramid(List<Image> levels, Kernel1D kernel, Boundary boundary) {
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
        this.kernel = kernel;
        this.boundary = boundary;
    }

    /** The pyramid reduced until the small side is 8 px or less (a 512x512 image gives 7 levels, 512 .. 8). */
    public static GaussianPyramid of(Image img) {
        Levels.requireImage(img, "img");
        return of(img, defaultLevels(img.width(), img.height()));
    }

    /** The pyramid with {@code levels} levels (1 .. {@link #maxLevels}), [1 4 6 4 1]/16, reflect-101. */
    public static GaussianPyramid of(Image img, int levels) {
        return of(img, levels, Kernel1D.binomial(5), Boundary.REFLECT_101);
    }

    /**
     * The pyramid with {@code levels} levels for this low-pass kernel and boundary. Level 0 is {@code img}
     * itself (not copied).
     */
    public static GaussianPyramid of(Image img, int levels, Kernel1D kernel, Boundary boundary) {
        Levels.requireImage(img, "img");
        Levels.checkLevels(levels, img);
        Levels.checkFilter(kernel, boundary);
        return new GaussianPyramid(Resample.gaussianLevels(img, levels, kernel, boundary), kernel, boundary);
    }

    /** The default height: reduce until the small side is 8 px or less. */
    public static int defaultLevels(int width, int height) {
        return Levels.defaultLevels(width, height);
    }

    /** The most levels a {@code width x height} image allows: reduce until it is 1 x 1. */
    public static int maxLevels(int width, int height) {
        return Levels.maxLevels(width, height);
    }

    /** The levels, finest first (unmodifiable). */
    @Override
    public List<Image> levels() {
        return levels;
    }

    /** The low-pass kernel of reduce and expand. */
    public Kernel1D kernel() {
        return kernel;
    }

    /** The boundary mode of reduce and expand. */
    public Boundary boundary() {
        return boundary;
    }

    /**
     * Every level expanded back to the size of level 0 ({@code F_0 F_1 ... F_{i-1} x_i}, Gaussian
     * interpolation): the lecture's Fig. 5, upper row.
     */
    public List<Image> expandedLevels() {
        return Levels.expanded(levels, kernel, boundary);
    }

    /**
     * {@link #expandedLevels()} in a grid, each labelled with the lecture's 1-based name: {@code x1} is the
     * image (level 0 in code), {@code x2} the first reduced level, and so on.
     */
    public Mosaic fullResolution() {
        List<Image> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Image> ex = expandedLevels();
        for (int i = 0; i < ex.size(); i++) {
            tiles.add(Levels.plain(ex.get(i)));
            labels.add("x" + (i + 1) + (i == 0 ? " (" : ": " + Levels.size(levels.get(i)) + " expanded to ")
                    + Levels.size(levels.get(0)) + (i == 0 ? ")" : ""));
        }
        return Levels.grid(tiles, this + ", levels expanded to full resolution", labels);
    }

    /** The levels side by side, finest first, each labelled {@code x1 512}, {@code x2 256}, ... */
    public Mosaic mosaic() {
        List<Image> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            tiles.add(Levels.plain(levels.get(i)));
            labels.add("x" + (i + 1) + " " + Levels.size(levels.get(i)));
        }
        return Levels.row(tiles, toString()).labels(labels.toArray(new String[0]));
    }

    @Override
    public MimeBundle mimeBundle() {
        return mosaic().mimeBundle();
    }

    /** "GaussianPyramid 512x512 RGB, 7 levels: 512, 256, ..., 8". */
    @Override
    public String toString() {
        return "GaussianPyramid " + levels.get(0).shape() + ", " + levels.size() + " level" + (levels.size() == 1 ? "" : "s")
                + ": " + Levels.sizes(levels, "");
    }
}
