package visionlab.nn;

/**
 * The shape C x H x W of a stack of C feature maps of H rows and W columns: what a convolutional layer
 * reads and writes. A batch stores each example as one row of C*H*W values, channel after channel, each map
 * row after row (index (c H + y) W + x).
 */
public record MapShape(int channels, int height, int width) {

    /** Checks that every side is 1..65536. */
    public MapShape {
        if (channels < 1 || height < 1 || width < 1 || channels > 65536 || height > 65536 || width > 65536) {
            throw new IllegalArgumentException("shape: expected channels, height and width in 1..65536, got "
                    + channels + "x" + height + "x" + width);
        }
    }

    /** C*H*W, the length of one example's row. */
    public int size() {
        return channels * height * width;
    }

    /** H*W, the values of one map. */
    public int area() {
        return height * width;
    }

    /** e.g. {@code 6x24x24}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
