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

    /**
     * The lecture's summary slide: rows DFT (image, log-magnitude, phase), Gaussian levels, Laplacian levels,
     * then the steerable pyramid one scale a row (every scale; the high-pass with the first, the low-pass with
     * the last), each row titled and every tile captioned, at most 1600 px on a side.
     */
    public Mosaic view() {
        List<List<Image>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        rows.add(List.of(image.normalized(), spectrum.logMagnitude().normalized(),
                spectrum.phase().map(v -> (v + Math.PI) / (2 * Math.PI))));
        labels.addAll(List.of("image", "log(1 + |X|), centred", "phase"));
        titles.add("DFT");
        List<Image> g = new ArrayList<>();
        for (int i = 0; i < gaussian.levels().size(); i++) {
            Image im = gaussian.levels().get(i);
            g.add(im.normalized());
            labels.add("x" + (i + 1) + " " + im.width());
        }
        rows.add(g);
        titles.add("Gaussian pyramid");
        List<Image> l = new ArrayList<>();
        List<Image> lv = laplacian.levels();
        for (int i = 0; i < lv.size(); i++) {
            boolean last = i == lv.size() - 1;
            l.add(!last ? aroundZero(lv.get(i)) : lv.get(i).normalized());
            labels.add((last ? "x" : "L") + (i + 1) + " " + lv.get(i).width());
        }
        rows.add(l);
        titles.add("Laplacian pyramid (last: the low-pass x" + lv.size() + ")");
        for (int sc = 0; sc < steerable.scales(); sc++) {
            List<Image> s = new ArrayList<>();
            if (sc == 0) {
                s.add(aroundZero(steerable.highpass()));
                labels.add("high-pass residual");
            }
            List<Image> bands = steerable.scale(sc);
            for (int o = 0; o < bands.size(); o++) {
                s.add(aroundZero(bands.get(o)));
                labels.add(Mosaic.angleLabel(180.0 * o / bands.size()));
            }
            if (sc == steerable.scales() - 1) {
                s.add(steerable.lowpass().normalized());
                labels.add("low-pass");
            }
            rows.add(s);
            titles.add("steerable pyramid, scale " + (sc + 1) + " (" + bands.get(0).width() + " px)");
        }
        return Mosaic.grid(rows).range(Mosaic.Range.NONE).title(toString()).rowTitles(titles.toArray(new String[0]))
                .labels(labels.toArray(new String[0])).fit(1600);
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
        return view().mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Image transformations of a %dx%d image: DFT | Gaussian (%d levels) | Laplacian (%d levels) | steerable (%d scales x 4)",
                image.width(), image.height(), gaussian.size(), laplacian.size(), steerable.scales());
    }
}
