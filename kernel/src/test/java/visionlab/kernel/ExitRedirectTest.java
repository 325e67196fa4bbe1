package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-file rewrite that turns System.exit into an exception, checked on classes javac compiled. */
class ExitRedirectTest {

    private static byte[] compile(Path dir, String name, String source) throws Exception {
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()));
        return Files.readAllBytes(dir.resolve(name + ".class"));
    }

    private static Class<?> define(String name, byte[] bytes) {
        return new ClassLoader(ExitRedirectTest.class.getClassLoader()) {
            Class<?> make() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.make();
    }

    @Test
    void systemExitBecomesACellExitAndOtherSystemCallsStillWork(@TempDir Path dir) throws Exception {
        byte[] original = compile(dir, "Quitter", "public class Quitter {\n"
                + "  public static long before;\n"
                + "  public static void run(int code) {\n"
                + "    before = System.nanoTime() + System.getProperty(\"java.version\").length();\n"
                + "    if (code >= 0) System.exit(code);\n"
                + "    System.exit(code + 100);\n"
                + "  }\n}\n");
        byte[] patched = ExitRedirect.redirect(original);
        assertNotSame(original, patched);
        Class<?> c = define("Quitter", patched);
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> c.getMethod("run", int.class).invoke(null, 7));
        ExitGuard.CellExit exit = assertInstanceOf(ExitGuard.CellExit.class, e.getCause());
        assertEquals(7, exit.status);
        assertEquals(SystemExitCall.class.getName(), exit.getStackTrace()[0].getClassName());
        // the code before the call ran (System.nanoTime / getProperty still resolve to java.lang.System)
        assertEquals(true, c.getField("before").getLong(null) != 0);
        // the second call site is redirected too
        InvocationTargetException e2 = assertThrows(InvocationTargetException.class,
                () -> c.getMethod("run", int.class).invoke(null, -1));
        assertEquals(99, ((ExitGuard.CellExit) e2.getCause()).status);
    }

    @Test
    void classesWithoutExitAreLeftUntouched(@TempDir Path dir) throws Exception {
        byte[] original = compile(dir, "Calm", "public class Calm { public static long t() { return System.nanoTime(); } }");
        byte[] same = ExitRedirect.redirect(original);
        assertSame(original, same);
        assertArrayEquals(new byte[]{1, 2, 3}, ExitRedirect.redirect(new byte[]{1, 2, 3}));
    }

    @Test
    void jshellCellsWithRedirectReportSystemExit() {
        JavaEvaluator ev = new JavaEvaluator(java.util.List.of(), System.err, true);
        try {
            Outcome.Error e = assertInstanceOf(Outcome.Error.class, ev.eval("int k = 2;\nif (k > 1) System.exit(k);"));
            assertEquals("SystemExit", e.ename());
            assertEquals(true, e.evalue().contains("System.exit(2)"));
            // a method declared in a cell and called later is rewritten as well
            ev.eval("void quit() { System.exit(5); }");
            Outcome.Error later = assertInstanceOf(Outcome.Error.class, ev.eval("quit()"));
            assertEquals(true, later.evalue().contains("System.exit(5)"));
        } finally {
            ev.close();
        }
    }
}
