package visionlab.kernel;

import visionlab.show.Handle;
import visionlab.show.ShowBackend;

/** The {@code visionlab.show} backend in the executor: {@code Show.show(x).update(y)} updates the notebook. */
final class JupyterShow implements ShowBackend {

    @Override
    public Handle show(Object value) {
        ExecutorOutput out = ExecutorOutput.current();
        String id = out.display(value);
        return new Handle() {
            @Override
            public void update(Object v) {
                out.update(id, v);
            }

            @Override
            public String id() {
                return id;
            }
        };
    }

    @Override
    public boolean isInteractive() {
        return true;
    }
}
