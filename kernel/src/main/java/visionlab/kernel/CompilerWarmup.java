package visionlab.kernel;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;

/**
 * Warms javac's just-in-time compiled code in the kernel process, once, in the background: a throwaway JShell
 * that runs in this JVM compiles a few hundred snippets shaped like notebook cells (declarations, loops, a
 * final value as {@link ExecutorAgent#cellValue}) with the kernel's imports. The JIT then has compiled the
 * parser, attribution and code generation that every later cell uses: a warm kernel compiles a trivial cell
 * in about half the time of a cold one. It yields to cells: between snippets it waits while {@code busy}
 * says one runs (thread priorities do not count on Linux, so waiting is what keeps it out of their way).
 */
final class CompilerWarmup {

    static final int SNIPPETS = 200;
    private static boolean started;

    private CompilerWarmup() {
    }

    static synchronized void startOnce(List<String> imports, BooleanSupplier busy, PrintStream log) {
        if (started || "0".equals(System.getenv("VISIONLAB_KERNEL_WARMUP"))) {
            return;
        }
        started = true;
        Thread t = new Thread(() -> run(imports, busy, log), "visionlab-javac-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(List<String> imports, BooleanSupplier busy, PrintStream log) {
        long t0 = System.nanoTime();
        try (JShell shell = JavaEvaluator.build(JShell.builder().executionEngine("local").in(new ByteArrayInputStream(new byte[0]))
                .out(new PrintStream(PrintStream.nullOutputStream())).err(new PrintStream(PrintStream.nullOutputStream())))) {
            JavaEvaluator.importAll(shell, imports, new PrintStream(PrintStream.nullOutputStream()));
            for (int i = 0; i < SNIPPETS; i++) {
                while (busy.getAsBoolean()) {
                    Thread.sleep(50);
                }
                shell.sourceCodeAnalysis().analyzeCompletion(snippet(i));
                shell.eval(snippet(i));
            }
            Trace.mark("javac warm-up done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            log.println("visionlab kernel: javac warm-up stopped: " + e);
        }
    }

    private static String snippet(int i) {
        int k = i % 100; // at most 100 live variables of each kind, like a long notebook
        return switch (i % 6) {
            case 0 -> "int w" + k + " = 3 * " + i + ";";
            case 1 -> "{ " + ExecutorAgent.class.getName() + ".cellValue(Math.max(" + i + ", 2) + 1\n); }";
            case 2 -> "String s" + k + " = \"a\" + " + i + ";";
            case 3 -> "for (int i = 0; i < 3; i++) { w0 += i; }";
            case 4 -> "double[] d" + k + " = new double[]{" + i + ", 2.0};";
            default -> "List<Integer> l" + k + " = new ArrayList<>(List.of(" + i + "));";
        };
    }
}
