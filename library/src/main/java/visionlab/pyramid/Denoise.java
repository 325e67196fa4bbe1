package visionlab.pyramid;

import visionlab.image.Image;

/**
 * Noise removal with the Laplacian pyramid ("coring"): noise spreads into small coefficients of the fine
 * bands, edges give large ones. Shrinking each band coefficient toward zero by a threshold t,
 * {@code L'(v) = sign(v) max(|v| - t, 0)} (soft thresholding), keeping the low-pass, and collapsing removes
 * much of the noise and keeps the edges.
 */
public final class Denoise {

    /**
     * Default height: 3 levels, so the two finest bands are cored. The energy of white noise falls about
     * fourfold per band while the coarse bands carry the image's structure, so one threshold for coarser
     * bands removes more image than noise.
     */
    public static final int DEFAULT_LEVELS = 3;

    private Denoise() {
    }

    /** {@link #coring(Image, double, int)} with {@link #DEFAULT_LEVELS} (clipped to what the size allows). */
    public static Image coring(Image img, double threshold) {
        Image.requireValid(img, "img");
        return coring(img, threshold, Math.min(DEFAULT_LEVELS, GaussianPyramid.maxLevels(img.width(), img.height())));
    }

    /**
     * Soft-thresholds every band of the {@code levels}-level Laplacian pyramid by {@code threshold}
     * (same units as the samples; about the noise's standard deviation is a good start) and collapses.
     */
    public static Image coring(Image img, double threshold, int levels) {
        Image.requireValid(img, "img");
        checkThreshold(threshold, "threshold");
        double[] t = new double[Math.max(0, levels - 1)];
        java.util.Arrays.fill(t, threshold);
        if (levels < 1) {
            LaplacianPyramid.of(img, levels); // throws with the allowed range
        }
        return core(img, t);
    }

    /**
     * Soft-thresholds band i by {@code thresholds[i]} (a pyramid of {@code thresholds.length + 1} levels)
     * and collapses: coarser bands usually want smaller thresholds.
     */
    public static Image coringPerBand(Image img, double... thresholds) {
        Image.requireValid(img, "img");
        if (thresholds == null || thresholds.length == 0) {
            throw new IllegalArgumentException("thresholds: expected one threshold per band, got none");
        }
        for (int i = 0; i < thresholds.length; i++) {
            checkThreshold(thresholds[i], "thresholds[" + i + "]");
        }
        return core(img, thresholds);
    }

    private static Image core(Image img, double[] thresholds) {
        LaplacianPyramid lp = LaplacianPyramid.of(img, thresholds.length + 1);
        for (int i = 0; i < thresholds.length; i++) {
            float t = (float) thresholds[i];
            lp = lp.map(i, band -> band.map(v -> v > t ? v - t : v < -t ? v + t : 0));
        }
        return lp.reconstruct();
    }

    private static void checkThreshold(double t, String name) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException(name + ": expected a finite value >= 0, got " + t);
        }
    }
}
