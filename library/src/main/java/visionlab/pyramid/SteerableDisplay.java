package visionlab.pyramid;

import java.util.Arrays;
import visionlab.image.Image;
import visionlab.image.Mosaic;

/** Display mappings for pyramid bands, robust to a few very large coefficients. */
final class SteerableDisplay {

    private SteerableDisplay() {
    }

    /** The 99.5th percentile of |v| over all channels (from at most about 65536 samples). */
    static float robustMax(Image img) {
        int total = img.pixels() * img.channels();
        int step = Math.max(1, total / 65536);
        float[] s = new float[(total + step - 1) / step];
        int n = 0;
        for (int i = 0; i < total && n < s.length; i += step) {
            s[n++] = Math.abs(img.plane(i / img.pixels())[i % img.pixels()]);
        }
        Arrays.sort(s, 0, n);
        float m = s[Math.min(n - 1, (int) (0.995 * n))];
        return m > 0 ? m : Math.max(img.maxAbs(), 1e-30f);
    }

    /** 0 to mid grey, +-{@link Mosaic#bandScale} (4 RMS) to white / black (clamped), as Mosaic's AROUND_ZERO. */
    static Image signed(Image img) {
        double m = Mosaic.bandScale(java.util.List.of(img));
        if (!(m > 0)) {
            return Image.filled(img.width(), img.height(), img.channels(), 0.5);
        }
        double k = 0.5 / m;
        return img.map(v -> Math.max(0, Math.min(1, 0.5 + v * k)));
    }

    /** 0 to black, robustMax to white (clamped). */
    static Image positive(Image img) {
        float m = robustMax(img);
        return img.map(v -> Math.max(0, Math.min(1, v / m)));
    }
}
