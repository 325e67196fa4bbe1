package visionlab.kernel;

/**
 * Where cell code's {@code System.exit(n)} calls are redirected on JVMs without a SecurityManager
 * (Java 24+): see {@link ExitRedirect}. Public because the cells' classes call it.
 */
public final class SystemExitCall {

    private SystemExitCall() {
    }

    /** Replaces {@code System.exit(status)} in cell code: throws instead of ending the kernel. */
    public static void exit(int status) {
        throw new ExitGuard.CellExit(status);
    }
}
