package visionlab.texture;

import java.util.ArrayList;
import java.util.List;
import visionlab.filter.Resample;
import visionlab.image.Image;
import visionlab.image.Mosaic;
import visionlab.show.Displayable;
import visionlab.show.MimeBundle;

/**
 * The steps of a {@link TextureSynthesis}: step 0 is the noise matched to the sample's histogram, step i the
 * image after iteration i. Shown as a labelled strip: the sample, then every step.
 */
public final class TextureSteps implements Displayable {

    private final Image sample;
    private final List<Image> steps;
    private final String description;

    TextureSteps(Image sample, List<Image> steps, String description) {
        this.sample = sample;
        this.steps = List.copyOf(steps);
        this.description = description;
    }

    /** Step 0 (matched noise), then the image after each iteration. */
    public List<Image> images() {
        return steps;
    }

    /** The image after {@code iteration} iterations (0: the matched noise). */
    public Image get(int iteration) {
        if (iteration < 0 || iteration >= steps.size()) {
            throw new IllegalArgumentException("iteration: expected 0.." + (steps.size() - 1) + ", got " + iteration);
        }
        return steps.get(iteration);
    }

    /** The last image, the synthesised texture. */
    public Image result() {
        return steps.get(steps.size() - 1);
    }

    /** The number of iterations (steps minus one). */
    public int iterations() {
        return steps.size() - 1;
    }

    /**
     * The strip: sample, matched noise, iteration 1, 2, ... with a caption under each tile, in rows of as many
     * tiles as fit in about 1100 pixels; tiles larger than 300 pixels are shown halved (the sample's caption
     * says so).
     */
    public Mosaic mosaic() {
        int halvings = 0;
        int side = Math.max(Math.max(sample.width(), sample.height()), Math.max(result().width(), result().height()));
        while ((side >> halvings) > 300) {
            halvings++;
        }
        List<Image> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        tiles.add(shown(sample, halvings));
        labels.add(halvings == 0 ? "sample" : "sample (all at 1/" + (1 << halvings) + ")");
        for (int i = 0; i < steps.size(); i++) {
            tiles.add(shown(steps.get(i), halvings));
            labels.add(i == 0 ? "start: matched noise" : "iteration " + i);
        }
        int tileW = Math.max(tiles.get(0).width(), tiles.get(1).width()) + 4;
        int columns = Math.max(1, Math.min(tiles.size(), 1100 / tileW));
        List<List<Image>> rows = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i += columns) {
            rows.add(tiles.subList(i, Math.min(tiles.size(), i + columns)));
        }
        return Mosaic.grid(rows).range(Mosaic.Range.NONE).labels(labels.toArray(new String[0])).title(toString());
    }

    private static Image shown(Image img, int halvings) {
        Image out = img.clamp(0, 1);
        for (int i = 0; i < halvings; i++) {
            out = Resample.reduce(out);
        }
        return out;
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.png(mosaic().image().toPng(), toString());
    }

    @Override
    public String toString() {
        return "steps of " + description;
    }
}
