package visionlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.spi.ExecutionControl;

/**
 * JShell's execution control before the executor JVM has connected: JShell can be built and compile the
 * start-up imports (javac's cold start, the larger part of the kernel's start-up) while the executor JVM
 * starts on the other core. Class-path additions made before the connection are kept and sent once it is
 * there; every other command waits for it (at most {@value #CONNECT_SECONDS} s).
 */
final class DeferredExecutionControl implements ExecutionControl {

    static final int CONNECT_SECONDS = 60;

    private final CompletableFuture<ExecutionControl> real;
    private final List<String> pendingClassPath = new ArrayList<>();
    private boolean connected;

    DeferredExecutionControl(CompletableFuture<ExecutionControl> real) {
        this.real = real;
    }

    /** The connected control (waits for it). */
    ExecutionControl await() throws EngineTerminationException {
        ExecutionControl c;
        try {
            c = real.get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineTerminationException("interrupted while waiting for the executor JVM");
        } catch (ExecutionException | TimeoutException e) {
            throw new EngineTerminationException("the executor JVM did not connect: " + (e.getCause() != null ? e.getCause() : e));
        }
        synchronized (this) {
            if (!connected) {
                connected = true;
                if (!pendingClassPath.isEmpty()) {
                    try {
                        c.addToClasspath(String.join(java.io.File.pathSeparator, pendingClassPath));
                    } catch (InternalException e) {
                        throw new EngineTerminationException("the executor could not extend its class path: " + e.getMessage());
                    }
                    pendingClassPath.clear();
                }
            }
        }
        return c;
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (this) {
            if (!connected && !real.isDone()) {
                pendingClassPath.add(path);
                return;
            }
        }
        await().addToClasspath(path);
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        await().load(cbcs);
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        await().redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return await().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return await().varValue(className, varName);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        await().stop();
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        return await().extensionCommand(command, arg);
    }

    @Override
    public void close() {
        real.thenAccept(ExecutionControl::close);
        real.cancel(false);
    }
}
