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
 * image after iteration i. Shown as one labelled strip: the sample, then every step (large images halved
 * until the strip is at most about 1600 pixels wide).
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

    /** The strip: sample, matched noise, iteration 1, 2, ... with a caption under each tile. */
    public Mosaic mosaic() {
        List<Image> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int total = sample.width();
        for (Image s : steps) {
            total += s.width() + 4;
        }
        int halvings = 0;
        while (total > 1600 && halvings < 4) {
            total = (total + 1) / 2;
            halvings++;
        }
        String shrink = halvings == 0 ? "" : " (1/" + (1 << halvings) + ")";
        tiles.add(shown(sample, halvings));
        labels.add("sample" + shrink);
        for (int i = 0; i < steps.size(); i++) {
            tiles.add(shown(steps.get(i), halvings));
            labels.add(i == 0 ? "start: matched noise" : "iteration " + i);
        }
        return Mosaic.row(tiles).range(Mosaic.Range.NONE).labels(labels.toArray(new String[0]))
                .title(toString());
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
