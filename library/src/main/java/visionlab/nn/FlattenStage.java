package visionlab.nn;

/** {@link Flatten} on the float32 path: copies the maps of an example into one vector and back. */
final class FlattenStage extends Stage {

    FlattenStage(MapShape in) {
        super(in, new MapShape(1, 1, in.size()));
    }

    @Override
    Layer layer() {
        return new Flatten(in);
    }

    @Override
    Work work(int cap) {
        int a = in.area();
        return new Work() {
            @Override
            void forward(float[][][] x, float[][][] y, int rows) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < in.channels(); c++) {
                        System.arraycopy(x[r][c], 0, y[r][0], c * a, a);
                    }
                }
            }

            @Override
            void backward(float[][][] x, float[][][] dy, float[][][] dx, int rows) {
                if (dx == null) {
                    return;
                }
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < in.channels(); c++) {
                        System.arraycopy(dy[r][0], c * a, dx[r][c], 0, a);
                    }
                }
            }
        };
    }
}
