package visionlab.texture;

/** The pyramid whose band histograms a {@link TextureSynthesis} matches. */
public enum TexturePyramid {
    /**
     * The steerable pyramid (Simoncelli and Freeman): a high-pass residual, S scales of K oriented bands and a
     * low-pass residual, built in the frequency domain, hence periodic: the synthesised texture tiles without
     * a seam. What Heeger and Bergen used; it captures orientation.
     */
    STEERABLE,
    /**
     * The Laplacian pyramid (Burt and Adelson): S band-pass levels {@code L_i = x_i - expand(reduce(x_i))} and
     * the low-pass, with periodic (wrap-around) borders. Its bands are isotropic: it does not encode
     * orientation, so oriented textures come out as blobs.
     */
    LAPLACIAN
}
