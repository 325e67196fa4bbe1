package visionlab.pyramid;

import java.util.ArrayList;
import java.util.List;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.image.Mosaic;

/** Pyramid height rules, argument checks and pictures shared by the Gaussian and Laplacian pyramids. */
final class Levels {

    private Levels() {
    }

    static int maxLevels(int w, int h) {
        int levels = 1;
        while (w > 1 || h > 1) {
            w = Resample.reducedLength(w);
            h = Resample.reducedLength(h);
            levels++;
        }
        return levels;
    }

    static int defaultLevels(int w, int h) {
        int levels = 1;
        while (Math.min(w, h) > 8) {
            w = Resample.reducedLength(w);
            h = Resample.reducedLength(h);
            levels++;
        }
        return levels;
    }

    static Image requireImage(Image img, String name) {
        if (img == null) {
            throw new IllegalArgumentException(name + ": expected an image, got null");
        }
        return img;
    }

    static void checkLevels(int levels, Image img) {
        int max = maxLevels(img.width(), img.height());
        if (levels < 1 || levels > max) {
            throw new IllegalArgumentException("levels: expected 1.." + max + " for a " + img.width() + "x" + img.height()
                    + " image, got " + levels);
        }
    }

    static void checkFilter(Kernel1D kernel, Boundary boundary) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel: expected a Kernel1D, got null");
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary: expected a Boundary, got null");
        }
    }

    /** Every level expanded back to the size of level 0 (expand to the next finer level's size, repeatedly). */
    static List<Image> expanded(List<Image> levels, Kernel1D kernel, Boundary boundary) {
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Image x = levels.get(i);
            for (int j = i - 1; j >= 0; j--) {
                Image finer = levels.get(j);
                x = Resample.expand(x, finer.width(), finer.height(), kernel, boundary);
            }
            out.add(i == 0 ? x.copy() : x);
        }
        return out;
    }

    /** "512, 256, ..., 8" (square levels) or "640x480, 320x240, ..., 10x8". */
    static String sizes(List<Image> levels, String lastNote) {
        List<String> s = new ArrayList<>();
        for (Image im : levels) {
            s.add(im.width() == im.height() ? Integer.toString(im.width()) : im.width() + "x" + im.height());
        }
        String last = s.get(s.size() - 1) + lastNote;
        if (s.size() <= 4) {
            s.set(s.size() - 1, last);
            return String.join(", ", s);
        }
        return s.get(0) + ", " + s.get(1) + ", ..., " + last;
    }

    /** A tile as the user should see it: clamped when in 0..1, otherwise stretched. */
    static Image plain(Image im) {
        float lo = im.min();
        float hi = im.max();
        return lo < -0.02f || hi > 1.02f ? im.normalized() : im.clamp(0, 1);
    }

    /** 0 as mid grey, min(max|v|, 4 rms) mapped to 0 or 1, clamped: band-pass images with visible detail. */
    static Image aroundZero(Image im) {
        double rms = Math.sqrt(im.energy() / ((double) im.pixels() * im.channels()));
        double m = Math.min(im.maxAbs(), 4 * rms);
        if (!(m > 0)) {
            return Image.filled(im.width(), im.height(), im.channels(), 0.5);
        }
        double s = 0.5 / m;
        return im.map(v -> Math.max(0, Math.min(1, 0.5 + v * s)));
    }

    static Mosaic row(List<Image> tiles, String title) {
        int side = 0;
        for (Image t : tiles) {
            side = Math.max(side, Math.max(t.width(), t.height()));
        }
        int zoom = side >= 128 ? 1 : Math.max(1, Math.min(64, 256 / side));
        return Mosaic.row(tiles).range(Mosaic.Range.NONE).zoom(zoom).gap(10, 1.0).title(title).fit(MAX_SIDE);
    }

    /** The largest side of a pyramid figure, in pixels. */
    static final int MAX_SIDE = 1600;

    /** "512x512" or "512" when square. */
    static String size(Image im) {
        return im.width() == im.height() ? Integer.toString(im.width()) : im.width() + "x" + im.height();
    }

    /**
     * Tiles of one size (levels at full resolution) in a balanced grid at most {@link #MAX_SIDE} wide, each at
     * its own size; labelled.
     */
    static Mosaic grid(List<Image> tiles, String title, List<String> labels) {
        int w = tiles.get(0).width() + 4;
        int perRow = Math.max(1, (MAX_SIDE + 4) / w);
        int rows = (tiles.size() + perRow - 1) / perRow;
        perRow = (tiles.size() + rows - 1) / rows;
        List<List<Image>> grid = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i += perRow) {
            grid.add(tiles.subList(i, Math.min(tiles.size(), i + perRow)));
        }
        return Mosaic.grid(grid).range(Mosaic.Range.NONE).title(title).labels(labels.toArray(new String[0]))
                .fit(MAX_SIDE);
    }
}
