package visionlab.pyramid;

import java.util.List;
import visionlab.image.Image;
import visionlab.show.Displayable;

/**
 * The shape every image pyramid shares: a list of levels, level 0 the finest (the input's size), each
 * next level coarser. Displays inline as a mosaic of its levels.
 */
public interface Pyramid extends Displayable {

    /** The levels, finest first (an unmodifiable list). */
    List<Image> levels();

    /** Level {@code i}, 0 the finest. */
    default Image level(int i) {
        List<Image> l = levels();
        if (i < 0 || i >= l.size()) {
            throw new IllegalArgumentException("level: expected 0.." + (l.size() - 1) + ", got " + i);
        }
        return l.get(i);
    }

    /** Number of levels. */
    default int size() {
        return levels().size();
    }
}
