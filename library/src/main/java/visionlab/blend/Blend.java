package visionlab.blend;

import java.util.ArrayList;
import java.util.List;
import visionlab.filter.Boundary;
import visionlab.filter.Kernel1D;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.pyramid.GaussianPyramid;
import visionlab.pyramid.LaplacianPyramid;

/**
 * Multiband blending (Burt and Adelson 1983): build the Laplacian pyramids LA and LB of the two images and
 * the Gaussian pyramid G of the mask, combine every level {@code L(j) = G(j) LA(j) + (1 - G(j)) LB(j)},
 * collapse L. Fine detail is joined across a narrow seam, coarse structure across a wide one.
 *
 * <pre>{@code
 * Image apple = Image.sample("apple"), orange = Image.sample("orange");
 * Image orapple = Blend.multiband(apple, orange, Mask.leftHalf(apple), 6);
 * }</pre>
 */
public final class Blend {

    private Blend() {
    }

    /**
     * The multiband blend of {@code a} (where the mask is 1) and {@code b} (where it is 0) with
     * {@code levels} pyramid levels. {@code a} and {@code b} have one shape (grey or colour); the grey mask
     * (values in [0, 1]) is applied to every channel. Computed as {@code b + collapse(G(j) L(a - b)(j))},
     * which equals the collapse of {@code G LA + (1 - G) LB} since the pyramid is linear and
     * {@code collapse(LB) = b}: one Laplacian pyramid instead of two.
     */
    public static Image multiband(Image a, Image b, Image mask, int levels) {
        check(a, b, mask, levels);
        Kernel1D k = Kernel1D.binomial(5);
        Boundary bd = Boundary.REFLECT_101;
        LaplacianPyramid ld = LaplacianPyramid.of(a.minus(b), levels, k, bd);
        List<Image> g = GaussianPyramid.of(mask, levels, k, bd).levels();
        Image x = times(ld.lowpass(), g.get(levels - 1));
        for (int j = levels - 2; j >= 0; j--) {
            x = Resample.expandAndAdd(x, times(ld.level(j), g.get(j)), 1, k, bd);
        }
        return x.plus(b);
    }

    /** The hard seam {@code mask a + (1 - mask) b}, for comparison with {@link #multiband}. */
    public static Image hardSeam(Image a, Image b, Image mask) {
        check(a, b, mask, 1);
        return b.plus(a.minus(b).times(mask));
    }

    /**
     * The steps of {@link #multiband} for display, as in the lecture's figure: per level the masked
     * {@code G LA}, {@code (1 - G) LB} and their sum L, and the final images.
     */
    public static BlendSteps steps(Image a, Image b, Image mask, int levels) {
        check(a, b, mask, levels);
        LaplacianPyramid la = LaplacianPyramid.of(a, levels);
        LaplacianPyramid lb = LaplacianPyramid.of(b, levels);
        GaussianPyramid gm = GaussianPyramid.of(mask, levels);
        List<Image> ga = new ArrayList<>();
        List<Image> gb = new ArrayList<>();
        List<Image> l = new ArrayList<>();
        for (int j = 0; j < levels; j++) {
            Image g = gm.level(j);
            Image pa = la.level(j).times(g);
            Image pb = lb.level(j).minus(lb.level(j).times(g));
            ga.add(pa);
            gb.add(pb);
            l.add(pa.plus(pb));
        }
        Image result = LaplacianPyramid.fromLevels(l, la.kernel(), la.boundary()).reconstruct();
        return new BlendSteps(a, b, mask, ga, gb, l, result);
    }

    /** {@code band * g}, g grey broadcast over the channels. */
    private static Image times(Image band, Image g) {
        return band.times(g);
    }

    static void check(Image a, Image b, Image mask, int levels) {
        Image.requireValid(a, "a");
        Image.requireValid(b, "b");
        if (!b.sameShape(a)) {
            throw new IllegalArgumentException("b: expected " + a.shape() + " like a, got " + b.shape());
        }
        Mask.check(mask, a);
        int max = GaussianPyramid.maxLevels(a.width(), a.height());
        if (levels < 1 || levels > max) {
            throw new IllegalArgumentException("levels: expected 1.." + max + " for a " + a.width() + "x" + a.height()
                    + " image, got " + levels);
        }
    }
}
