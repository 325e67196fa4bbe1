package visionlab.blend;

import visionlab.image.Image;

/**
 * Blend masks: grey images with values in [0, 1], 1 where the first image shows. Blending smooths them
 * per level with their Gaussian pyramid.
 */
public final class Mask {

    private Mask() {
    }

    /** 1 on the left half ({@code x < width/2}), 0 on the right: the apple/orange seam. */
    public static Image leftHalf(Image img) {
        require(img);
        return leftHalf(img.width(), img.height());
    }

    /** 1 where {@code x < width/2}, a {@code width x height} mask. */
    public static Image leftHalf(int width, int height) {
        int half = width / 2;
        return Image.fromFunction(width, height, (x, y) -> x < half ? 1 : 0);
    }

    /** 1 inside the circle of centre (cx, cy) and radius r ({@code (x-cx)^2 + (y-cy)^2 <= r^2}), img's size. */
    public static Image circle(Image img, double cx, double cy, double r) {
        require(img);
        return circle(img.width(), img.height(), cx, cy, r);
    }

    /** 1 inside the circle of centre (cx, cy) and radius r, a {@code width x height} mask. */
    public static Image circle(int width, int height, double cx, double cy, double r) {
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("cx, cy: expected finite numbers, got " + cx + ", " + cy);
        }
        if (!(r >= 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("r: expected a finite radius >= 0, got " + r);
        }
        double r2 = r * r;
        return Image.fromFunction(width, height, (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2 ? 1 : 0);
    }

    /** 1 where the grey value of {@code img} is above {@code threshold}, else 0. */
    public static Image from(Image img, double threshold) {
        Image.requireValid(img, "img");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold: expected a finite number, got " + threshold);
        }
        return img.grey().map(v -> v > threshold ? 1 : 0);
    }

    private static void require(Image img) {
        if (img == null) {
            throw new IllegalArgumentException("img: expected an image, got null");
        }
    }

    /**
     * Checks {@code mask} is a grey image of {@code img}'s size with values in [0, 1].
     *
     * @throws IllegalArgumentException naming the mask otherwise
     */
    static void check(Image mask, Image img) {
        if (mask == null) {
            throw new IllegalArgumentException("mask: expected a grey image, got null");
        }
        if (mask.channels() != 1 || mask.width() != img.width() || mask.height() != img.height()) {
            throw new IllegalArgumentException("mask: expected a grey " + img.width() + "x" + img.height()
                    + " image, got " + mask.shape());
        }
        float[] p = mask.plane(0);
        float lo = 0f;
        float hi = 1f;
        boolean ok = true;
        for (float v : p) {
            ok &= v >= lo & v <= hi;
        }
        if (!ok) {
            throw new IllegalArgumentException("mask: expected values in [0, 1], got range [" + mask.min() + ", "
                    + mask.max() + "]" + (mask.isFinite() ? "" : " with NaN"));
        }
    }
}
