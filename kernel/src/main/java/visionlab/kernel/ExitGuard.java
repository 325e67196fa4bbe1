package visionlab.kernel;

import java.security.Permission;

/**
 * Turns {@code System.exit} in a cell (or in a thread a cell started) into an error instead of ending the
 * kernel. Uses a permissive
 * SecurityManager that only vetoes exit; this works on Java 17 (where installing one is deprecated but
 * allowed) and on Java 18-23 when the JVM starts with {@code -Djava.security.manager=allow} (the installed
 * kernel.json adds it). From Java 24 on a SecurityManager cannot be installed: see {@link #install()}.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    /** Thrown into the cell that called {@code System.exit(status)}. */
    static final class CellExit extends SecurityException {
        private static final long serialVersionUID = 1L;
        final int status;

        CellExit(int status) {
            super("System.exit(" + status + ") was called in a cell; the kernel keeps running "
                    + "(use Kernel > Restart for a fresh JVM)");
            this.status = status;
        }
    }

    /** Cell threads run in this group; threads they start inherit it. */
    static final ThreadGroup CELLS = new ThreadGroup("visionlab-cells");

    private static volatile boolean exitAllowed;

    private ExitGuard() {
    }

    /** Installs the guard; returns false when this JVM does not allow a SecurityManager. */
    static boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Removes the guard (when a session ends in tests). */
    static void uninstall() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            System.setSecurityManager(null);
        }
    }

    /** The kernel itself is shutting down: let exit through. */
    static void allowExit() {
        exitAllowed = true;
    }

    @Override
    public void checkExit(int status) {
        if (!exitAllowed && CELLS.parentOf(Thread.currentThread().getThreadGroup())) {
            throw new CellExit(status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed
    }
}
