package visionlab.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM, on the thread that calls {@code JShell.eval}, and keeps the real result object
 * (and the real exception) of the last snippet so renderers see them, not only their {@code toString()}.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** Marks "no value" (a statement or declaration ran). */
    static final Object NO_VALUE = new Object();

    private final boolean redirectExit;
    private volatile Object lastValue = NO_VALUE;

    /** {@code redirectExit}: rewrite {@code System.exit} calls in cell classes (see {@link ExitRedirect}). */
    CellExecutionControl(boolean redirectExit) {
        this.redirectExit = redirectExit;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(redirectExit ? rewrite(cbcs) : cbcs);
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(redirectExit ? rewrite(cbcs) : cbcs);
    }

    private static ClassBytecodes[] rewrite(ClassBytecodes[] cbcs) {
        ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            out[i] = new ClassBytecodes(cbcs[i].name(), ExitRedirect.redirect(cbcs[i].bytecodes()));
        }
        return out;
    }
    private volatile Throwable lastThrowable;

    /** Forgets the previous snippet's value and exception. */
    void reset() {
        lastValue = NO_VALUE;
        lastThrowable = null;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        lastValue = value;
        // JShell only needs a short string form; the renderers use the object itself.
        return "";
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrowable = cause;
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        lastThrowable = ex;
        return super.throwConvertedOtherException(ex);
    }

    /** Hands one fixed instance to JShell. */
    static ExecutionControlProvider providerOf(CellExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "visionlab-cell";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
