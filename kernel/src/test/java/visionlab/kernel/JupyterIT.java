package visionlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python-side checks against the packaged kernel, installed into a temporary Jupyter data folder:
 * the Jupyter conformance suite (jupyter_kernel_test), life-cycle checks (interrupt message, bad HMAC,
 * restart, shutdown), robustness checks (busy loops stopped, executor deaths survived, display across the
 * process boundary) and a notebook executed by {@code jupyter nbconvert}. {@code ./lab test} runs the same
 * scripts again against the kernel installed by each JDK 21+ on the machine.
 * Uses /usr/bin/python3 (Debian's Jupyter packages, which .ci/run installs); a missing Jupyter fails the
 * test rather than skipping it.
 */
class JupyterIT {

    static final Path PYTHON = Path.of(System.getProperty("visionlab.python", "/usr/bin/python3"));
    static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void installKernel() throws Exception {
        Path jar = Path.of("target/visionlab-kernel.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the kernel first: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int rc = run(List.of(java.toString(), "-jar", jar.toString(), "install", "--data-dir", dataDir.toString()), 60);
        assertEquals(0, rc, "kernel install");
        assertTrue(Files.isRegularFile(dataDir.resolve("kernels/visionlab/kernel.json")));
        assertTrue(Files.isExecutable(PYTHON), PYTHON + " is missing: run .ci/run as root to install Jupyter");
    }

    /** Runs a command with JUPYTER_PATH set, echoing its output as it comes; returns the exit code. */
    static int run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(SCRIPTS.toFile());
        pb.environment().put("JUPYTER_PATH", dataDir.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        Thread echo = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println("  | " + line);
                }
            } catch (IOException e) {
                System.out.println("  | (output lost: " + e + ")");
            }
        });
        echo.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            echo.join(1000);
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        echo.join(5000);
        return p.exitValue();
    }

    @Test
    void jupyterKernelTestConformanceSuitePasses() throws Exception {
        assertEquals(0, run(List.of(PYTHON.toString(), "test_conformance.py"), 120), "jupyter_kernel_test suite");
    }

    @Test
    void interruptByMessageBadSignatureRestartAndShutdownWork() throws Exception {
        assertEquals(0, run(List.of(PYTHON.toString(), "test_lifecycle.py"), 150), "kernel life-cycle checks");
    }

    @Test
    void busyLoopsStopExecutorDeathsAreSurvivedAndDisplaysCrossTheProcessBoundary() throws Exception {
        assertEquals(0, run(List.of(PYTHON.toString(), "test_robustness.py"), 240), "kernel robustness checks");
    }

    @Test
    void notebookExecutedByNbconvertHasPicturesAnUpdatedDisplayAndNoErrors(@TempDir Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "test_notebook.py", out.toString()));
        assertEquals(0, run(cmd, 180), "nbconvert notebook check");
        assertTrue(Files.isRegularFile(out.resolve("kernel-check.executed.html")), "HTML rendering written");
    }
}
