package visionlab.blend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The steps of a multiband blend, one row per pyramid level j as in the lecture's figure:
 * {@code G(j) LA(j)}, {@code (1 - G(j)) LB(j)} and {@code L(j)}, each expanded to full resolution (bands with
 * 0 as mid grey, one contrast per row), then the final row {@code mask a}, {@code (1 - mask) b} and the
 * blend.
 */
public final class BlendSteps implements Displayable {

    private final Image a;
    private final Image b;
    private final Image mask;
    private final List<Image> maskedA;
    private final List<Image> maskedB;
    private final List<Image> combined;
    private final Image result;

    BlendSteps(Image a, Image b, Image mask, List<Image> maskedA, List<Image> maskedB, List<Image> combined,
            Image result) {
        this.a = a;
        this.b = b;
        this.mask = mask;
        this.maskedA = Collections.unmodifiableList(maskedA);
        this.maskedB = Collections.unmodifiableList(maskedB);
        this.combined = Collections.unmodifiableList(combined);
        this.result = result;
    }

    /** {@code G(j) LA(j)} per level, at the level's size. */
    public List<Image> maskedA() {
        return maskedA;
    }

    /** {@code (1 - G(j)) LB(j)} per level. */
    public List<Image> maskedB() {
        return maskedB;
    }

    /** The blended pyramid levels {@code L(j)}. */
    public List<Image> combined() {
        return combined;
    }

    /** The blend, the collapsed {@code L}. */
    public Image result() {
        return result;
    }

    /** The rows of the figure, every tile at full resolution and mapped to 0..1 for display. */
    public List<List<Image>> rows() {
        int n = combined.size();
        List<List<Image>> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Image pa = full(maskedA.get(j), j);
            Image pb = full(maskedB.get(j), j);
            Image l = full(combined.get(j), j);
            if (j < n - 1) {
                float m = Math.max(pa.maxAbs(), Math.max(pb.maxAbs(), l.maxAbs()));
                float s = m > 0 ? 0.5f / m : 0f;
                rows.add(List.of(pa.map(v -> 0.5 + v * s), pb.map(v -> 0.5 + v * s), l.map(v -> 0.5 + v * s)));
            } else {
                rows.add(List.of(pa.clamp(0, 1), pb.clamp(0, 1), l.clamp(0, 1)));
            }
        }
        rows.add(List.of(a.times(mask).clamp(0, 1), b.minus(b.times(mask)).clamp(0, 1), result.clamp(0, 1)));
        return rows;
    }

    /** Level j expanded to the size of level j-1, ..., level 0 in turn. */
    private Image full(Image x, int j) {
        int[] w = new int[j + 1];
        int[] h = new int[j + 1];
        w[0] = a.width();
        h[0] = a.height();
        for (int i = 1; i <= j; i++) {
            w[i] = Resample.reducedLength(w[i - 1]);
            h[i] = Resample.reducedLength(h[i - 1]);
        }
        for (int i = j - 1; i >= 0; i--) {
            x = Resample.expand(x, w[i], h[i]);
        }
        return x;
    }

    /**
     * {@link #rows()} as one figure at most 1600 px on a side: column titles {@code G(j) LA(j)},
     * {@code (1 - G(j)) LB(j)}, {@code L(j)}; a title per row (the level, with the lecture's 1-based band
     * name and the level's size; the last row the full images).
     */
    public Mosaic mosaic() {
        int n = combined.size();
        String[] titles = new String[n + 1];
        for (int j = 0; j < n; j++) {
            Image lv = combined.get(j);
            titles[j] = (j < n - 1 ? "level " + (j + 1) + ": L" + (j + 1) : "low-pass x" + (j + 1))
                    + ", " + lv.width() + "x" + lv.height() + " expanded";
        }
        titles[n] = "full images: mask a, (1 - mask) b, the blend";
        return Mosaic.grid(rows()).range(Mosaic.Range.NONE).title(toString()).rowTitles(titles)
                .columnTitles("G(j) LA(j): apple band, masked", "(1 - G(j)) LB(j): orange band, masked",
                        "L(j), their sum")
                .fit(1600);
    }

    @Override
    public MimeBundle mimeBundle() {
        return mosaic().mimeBundle();
    }

    @Override
    public String toString() {
        return "BlendSteps " + a.shape() + ", " + combined.size() + " levels: one row per level (columns G LA, (1-G) LB,"
                + " L), then mask a, (1-mask) b, blend";
    }
}
