package visionlab.steer;

import java.util.List;
import java.util.Locale;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * An image filtered once with the N+1 basis filters of a {@link Steerable}: the response to the filter
 * steered to any angle is a per-pixel linear combination, no filtering again:
 *
 * <pre>(g_theta * I) = sum_j k_j(theta) (g_j * I)</pre>
 */
public final class SteeredResponse implements Displayable {

    private final Steerable filter;
    private final Image[] basis;

    SteeredResponse(Steerable filter, Image[] basis) {
        this.filter = filter;
        this.basis = basis;
    }

    /** The response to the filter steered to theta (radians; x right, y down). */
    public Image at(double theta) {
        double[] k = filter.weights(theta);
        Image out = basis[0].zerosLike();
        for (int c = 0; c < out.channels(); c++) {
            float[] o = out.plane(c);
            int n = o.length;
            float k0 = (float) k[0];
            float[] p0 = basis[0].plane(c);
            for (int i = 0; i < n; i++) {
                o[i] = k0 * p0[i];
            }
            for (int j = 1; j < basis.length; j++) {
                float kj = (float) k[j];
                float[] p = basis[j].plane(c);
                for (int i = 0; i < n; i++) {
                    o[i] += kj * p[i];
                }
            }
        }
        return out;
    }

    /** The response to basis filter j (the directional derivative at j pi / (N+1)). */
    public Image basis(int j) {
        if (j < 0 || j >= basis.length) {
            throw new IllegalArgumentException("j: expected 0.." + (basis.length - 1) + ", got " + j);
        }
        return basis[j];
    }

    /** The filter that made this response. */
    public Steerable filter() {
        return filter;
    }

    /** The basis responses side by side. */
    @Override
    public MimeBundle mimeBundle() {
        String[] names = new String[basis.length];
        for (int j = 0; j < basis.length; j++) {
            names[j] = "response to basis " + j;
        }
        return Mosaic.row(List.of(basis)).range(Mosaic.Range.AROUND_ZERO).labels(names).title(toString()).fit(1600)
                .mimeBundle();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SteeredResponse of %s to order-%d basis (%d responses), sigma %.3g",
                basis[0].shape(), filter.order(), basis.length, filter.sigma());
    }
}
