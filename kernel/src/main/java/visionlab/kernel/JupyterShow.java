package visionlab.kernel;

import visionlab.show.Handle;
import visionlab.show.ShowBackend;

/** The {@code visionlab.show} backend inside the kernel: {@code Show.show(x).update(y)} updates the notebook. */
final class JupyterShow implements ShowBackend {

    private final Session session;

    JupyterShow(Session session) {
        this.session = session;
    }

    @Override
    public Handle show(Object value) {
        String id = session.display(value);
        return new Handle() {
            @Override
            public void update(Object v) {
                session.updateDisplay(id, v);
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
