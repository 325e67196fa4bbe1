package visionlab.fourier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.pyramid.GaussianPyramid;
import visionlab.pyramid.LaplacianPyramid;
import visionlab.pyramid.SteerablePyramid;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The lecture's "image transformations" side by side, one row each, for one (grey) image:
 *
 * <pre>
 * DFT         log(1 + |X|) and phase, centred: global frequencies, no locality
 * Gaussian    x_{i+1} = reduce(x_i): progressively blurred, subsampled
 * Laplacian   b_i = x_i - expand(x_{i+1}): band-pass per scale, no orientation
 * Steerable   high-pass, K oriented bands of scales 0 and 1, low-pass: scale AND orientation
 * </pre>
 *
 * <pre>{@code ImageTransforms.compare(Image.sample("camera").crop(128, 128, 256, 256))}</pre>
 */
public final class ImageTransforms implements Displayable {

    private final Image image;
    private final Spectrum spectrum;
    private final GaussianPyramid gaussian;
    private final LaplacianPyramid laplacian;
    private final SteerablePyramid steerable;

    private ImageTransforms(Image image) {
        this.image = image;
        this.spectrum = Spectrum.of(image);
        int levels = Math.max(1, Math.min(5, GaussianPyramid.defaultLevels(image.width(), image.height())));
        this.gaussian = GaussianPyramid.of(image, levels);
        this.laplacian = LaplacianPyramid.of(image, levels);
        this.steerable = SteerablePyramid.of(image, Math.min(3, SteerablePyramid.maxScales(image)), 4);
    }

    /** The four transformations of {@code img} (colour is converted to grey; at least 8x8 pixels). */
    public static ImageTransforms compare(Image img) {
        Image.requireValid(img, "img");
        if (img.width() < 8 || img.height() < 8) {
            throw new IllegalArgumentException("img: expected at least 8x8 pixels, got " + img.shape());
        }
        return new ImageTransforms(img.grey());
    }

    public Spectrum spectrum() {
        return spectrum;
    }

    public GaussianPyramid gaussian() {
        return gaussian;
    }

    public LaplacianPyramid laplacian() {
        return laplacian;
    }

    public SteerablePyramid steerable() {
        return steerable;
    }

    /** Rows: DFT (image, log-magnitude, phase), Gaussian levels, Laplacian levels, steerable subbands. */
    public Mosaic view() {
        List<List<Image>> rows = new ArrayList<>();
        rows.add(List.of(image.normalized(), spectrum.logMagnitude().normalized(),
                spectrum.phase().map(v -> (v + Math.PI) / (2 * Math.PI))));
        List<Image> g = new ArrayList<>();
        for (Image im : gaussian.levels()) {
            g.add(im.normalized());
        }
        rows.add(g);
        List<Image> l = new ArrayList<>();
        List<Image> lv = laplacian.levels();
        for (int i = 0; i < lv.size(); i++) {
            l.add(i < lv.size() - 1 ? aroundZero(lv.get(i)) : lv.get(i).normalized());
        }
        rows.add(l);
        List<Image> s = new ArrayList<>();
        s.add(aroundZero(steerable.highpass()));
        for (int sc = 0; sc < Math.min(2, steerable.scales()); sc++) {
            for (Image b : steerable.scale(sc)) {
                s.add(aroundZero(b));
            }
        }
        s.add(steerable.lowpass().normalized());
        rows.add(s);
        return Mosaic.grid(rows).range(Mosaic.Range.NONE).title(toString());
    }

    /** 0 to mid grey, +-3 rms to white / black. */
    private static Image aroundZero(Image im) {
        double rms = Math.sqrt(im.energy() / im.pixels());
        if (!(rms > 0)) {
            return Image.filled(im.width(), im.height(), 1, 0.5);
        }
        float k = (float) (0.5 / (3 * rms));
        return im.map(v -> Math.max(0, Math.min(1, 0.5 + v * k)));
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.png(view().image().toPng(), toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Image transformations of a %dx%d image: DFT | Gaussian (%d levels) | Laplacian (%d levels) | steerable (%d scales x 4)",
                image.width(), image.height(), gaussian.size(), laplacian.size(), steerable.scales());
    }
}
