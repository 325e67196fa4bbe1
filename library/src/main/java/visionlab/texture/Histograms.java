package visionlab.texture;

import java.util.Arrays;
import java.util.List;
import visionlab.image.Image;
import visionlab.plot.Chart;
import visionlab.plot.HistogramChart;

/**
 * Histograms of images and pyramid bands: matching one to another (Heeger and Bergen's {@code match-histogram}),
 * charts, and the Kolmogorov-Smirnov distance {@code D = sup_v |F_a(v) - F_b(v)|} between two empirical
 * distributions.
 *
 * <pre>{@code Histograms.match(noise, sample); Histograms.chart(band); Histograms.ksDistance(out, sample)}</pre>
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * Each channel of {@code img} remapped so that its sorted values are the reference's quantiles: exactly the
     * reference's sorted values when both have as many pixels, interpolated quantiles otherwise (see
     * {@link HistogramMatcher}). The reference has as many channels as {@code img}.
     */
    public static Image match(Image img, Image reference) {
        return matcher(reference).match(img);
    }

    /** A matcher that keeps the reference's sorted values, for matching many images to one reference. */
    public static HistogramMatcher matcher(Image reference) {
        return HistogramMatcher.of(reference);
    }

    /** The histogram of an image or band (channels pooled), 100 bins. */
    public static Chart chart(Image img) {
        Image.requireValid(img, "img");
        return HistogramChart.of("Histogram of " + img.shape(), List.of(img.shape()), List.of(img), 100);
    }

    /**
     * Histograms of several images or bands on one chart, {@code names[i]} the legend of {@code images[i]},
     * for example a band before and after matching and the sample's band.
     */
    public static Chart chart(String title, List<String> names, List<Image> images) {
        return HistogramChart.of(title, names, images, 100);
    }

    /**
     * The Kolmogorov-Smirnov distance between the values of {@code a} and {@code b} (any sizes, same channel
     * count), the largest over the channels: {@code max_c sup_v |F_a,c(v) - F_b,c(v)|}, 0 for equal
     * histograms, 1 for disjoint ranges.
     */
    public static double ksDistance(Image a, Image b) {
        Image.requireValid(a, "a");
        Image.requireValid(b, "b");
        if (a.channels() != b.channels()) {
            throw new IllegalArgumentException("b: expected " + a.channels() + " channel(s) like a " + a.shape()
                    + ", got " + b.shape());
        }
        double d = 0;
        for (int c = 0; c < a.channels(); c++) {
            d = Math.max(d, ksDistance(a.plane(c), b.plane(c)));
        }
        return d;
    }

    static double ksDistance(float[] a, float[] b) {
        float[] x = a.clone();
        float[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            float v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }
}
