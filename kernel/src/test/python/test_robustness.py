"""Robustness of the installed kernel, whose cells run in an executor JVM: every runaway cell stops, nothing a
cell does ends the kernel, and rich output crosses the process boundary (also while a cell runs).

Run with /usr/bin/python3 and JUPYTER_PATH pointing at the data folder holding kernels/visionlab. Starts one
kernel with VISIONLAB_EXECUTOR_OPTS=-Xmx256m (so the out-of-memory cell fails fast).
"""
import os
import subprocess
import tempfile
import time
import unittest

from jupyter_client.kernelspec import get_kernel_spec
from jupyter_client.manager import start_new_kernel

from kernel_messages import execute_timed
from pngcheck import png_size
import base64

TIMEOUT = 30
AFTER_DEATH = 8.0  # a fresh executor JVM and JShell start (about 1-3 s on a busy 2-core machine)

SPIN = """package spin;
public final class Spin {
    /** A library loop that never checks for interrupts. */
    public static long forever() {
        long k = 1;
        while (k != 0) {
            k = (k * 6364136223846793005L + 1442695040888963407L) | 1;
        }
        return k;
    }
    public static String hello() { return "spin is on the class path"; }
}
"""


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns (reply content, [(arrival time, iopub message)], time the kernel went idle)."""
    return execute_timed(kc, code, timeout)


def result_text(outputs):
    return [m["content"]["data"]["text/plain"] for _, m in outputs if m["msg_type"] == "execute_result"]


class Robustness(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        env = dict(os.environ, VISIONLAB_EXECUTOR_OPTS="-Xmx256m")
        cls.km, cls.kc = start_new_kernel(kernel_name="visionlab", startup_timeout=60, env=env)
        # a jar-less class folder compiled by the kernel's own JDK, added with %classpath
        cls.lib = tempfile.mkdtemp(prefix="visionlab-spin-")
        os.makedirs(os.path.join(cls.lib, "src", "spin"))
        src = os.path.join(cls.lib, "src", "spin", "Spin.java")
        with open(src, "w") as f:
            f.write(SPIN)
        javac = os.path.join(os.path.dirname(get_kernel_spec("visionlab").argv[0]), "javac")
        subprocess.run([javac, "-d", os.path.join(cls.lib, "classes"), src], check=True)
        content, _, _ = execute(cls.kc, "%classpath " + os.path.join(cls.lib, "classes"))
        assert content["status"] == "ok", content

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def assert_kernel_alive_and_answering(self, within=2.0):
        """The kernel answers the next cell within `within` s (2 s after an interrupt; a fresh executor
        JVM after a death takes longer to start)."""
        self.assertTrue(self.km.is_alive(), "the kernel process itself must never exit because of a cell")
        t0 = time.time()
        content, outputs, _ = execute(self.kc, "6 * 7")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(result_text(outputs), ["42"])
        self.assertLess(time.time() - t0, within, "the next cell answers within %.0f s" % within)

    def interrupt_busy_cell(self, code):
        """Runs code, interrupts it after 0.8 s; returns (reply content, seconds from interrupt to reply)."""
        execute(self.kc, "int keptAcrossTheStop = 17;")
        msg_id = self.kc.execute(code)
        time.sleep(0.8)
        t0 = time.time()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"], time.time() - t0

    def assert_busy_loop_stops(self, code):
        content, seconds = self.interrupt_busy_cell(code)
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertIn("interrupted", content["evalue"])
        self.assertLess(seconds, 1.0, "stopped %.2f s after the interrupt" % seconds)
        self.assert_kernel_alive_and_answering()
        content, outputs, _ = execute(self.kc, "keptAcrossTheStop")
        self.assertEqual(result_text(outputs), ["17"], "variables of earlier cells are kept")

    def assert_executor_exited(self, content, status):
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "ExecutorExited")
        self.assertIn("The Java process running cells exited (status %s" % status, content["evalue"])
        self.assertIn("variables of earlier cells are gone", content["evalue"])

    def test_the_executors_debugger_agent_connects_out_and_listens_on_no_port(self):
        """The kernel listens for the executor's debugger connection, not the other way round: no other local
        process can reach a debugger port of the JVM that runs cells, not even in the moment after it starts."""
        execute(self.kc, "1 + 1")
        kernel = self.km.provisioner.pid if getattr(self.km, "provisioner", None) else self.km.kernel.pid
        executors = children_of(kernel)
        self.assertEqual(len(executors), 1, executors)
        executor = executors.pop()
        with open("/proc/%d/cmdline" % executor, "rb") as f:
            args = f.read().decode().split("\0")
        agents = [a for a in args if a.startswith("-agentlib:jdwp=")]
        self.assertEqual(len(agents), 1, args)
        self.assertIn("server=n", agents[0].split("=", 1)[1].split(","))
        sockets = set()
        for fd in os.listdir("/proc/%d/fd" % executor):
            try:
                target = os.readlink("/proc/%d/fd/%s" % (executor, fd))
            except OSError:
                continue
            if target.startswith("socket:["):
                sockets.add(target[len("socket:["):-1])
        self.assertTrue(sockets, "the executor holds its sockets to the kernel")
        listening = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            if os.path.exists(table):
                with open(table) as f:
                    for line in f.readlines()[1:]:
                        fields = line.split()
                        if fields[3] == "0A":  # TCP_LISTEN
                            listening.add(fields[9])
        self.assertEqual(sockets & listening, set(), "the executor has a listening socket")
        self.assert_busy_loop_stops("long c = 0; while (true) { c++; }")

    def test_interrupt_stops_a_busy_loop_in_cell_code(self):
        self.assert_busy_loop_stops("long c = 0; while (true) { c++; }")

    def test_interrupt_stops_a_busy_loop_in_library_code(self):
        self.assert_busy_loop_stops("spin.Spin.forever()")

    def test_interrupt_stops_a_busy_loop_in_jdk_code(self):
        self.assert_busy_loop_stops("java.util.stream.LongStream.range(0, Long.MAX_VALUE).map(x -> x * 31).sum()")

    def test_system_exit_restarts_the_executor_and_keeps_classpath_additions(self):
        execute(self.kc, "int before = 1;")
        content, _, _ = execute(self.kc, "System.exit(3);")
        self.assert_executor_exited(content, 3)
        self.assert_kernel_alive_and_answering(within=AFTER_DEATH)
        content, _, _ = execute(self.kc, "before")
        self.assertEqual(content["ename"], "CompileError", "the variables of earlier cells are gone")
        content, outputs, _ = execute(self.kc, "spin.Spin.hello()")
        self.assertEqual(result_text(outputs), ["spin is on the class path"], "%classpath additions survive the restart")

    def test_halt_in_a_thread_the_cell_started_restarts_the_executor(self):
        content, _, _ = execute(self.kc, "new Thread(() -> Runtime.getRuntime().halt(4)).start();\nThread.sleep(20_000);")
        self.assert_executor_exited(content, 4)
        self.assert_kernel_alive_and_answering(within=AFTER_DEATH)

    def test_native_crash_restarts_the_executor(self):
        content, _, _ = execute(self.kc, "var f = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");\n"
                                         "f.setAccessible(true);\n((sun.misc.Unsafe) f.get(null)).putAddress(0, 0);")
        self.assertEqual(content["ename"], "ExecutorExited", content)
        self.assert_kernel_alive_and_answering(within=AFTER_DEATH)

    def test_out_of_memory_is_an_error_output_and_the_heap_option_applies(self):
        content, outputs, _ = execute(self.kc, "Runtime.getRuntime().maxMemory() / (1 << 20)")
        self.assertLessEqual(int(result_text(outputs)[0]), 256, "VISIONLAB_EXECUTOR_OPTS=-Xmx256m reached the executor")
        content, outputs, _ = execute(self.kc, "List<long[]> hog = new ArrayList<>();\nwhile (true) hog.add(new long[1 << 20]);")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "java.lang.OutOfMemoryError")
        errors = [m for _, m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, "the cell shows one error output")
        self.assert_kernel_alive_and_answering()

    def test_cells_of_the_installed_kernel_see_the_library_but_not_the_kernels_own_jars(self):
        # the installed kernel jar's manifest lists the kernel's ZeroMQ, protocol and resolver jars; the
        # executor (and javac, which matches it) must not get them through it
        content, outputs, _ = execute(self.kc, "Class.forName(\"org.knowm.xchart.XYChart\").getSimpleName()")
        self.assertEqual(result_text(outputs), ["XYChart"])
        for cls in ("org.zeromq.ZMQ", "org.dflib.jjava.jupyter.kernel.BaseKernel", "org.eclipse.aether.RepositorySystem"):
            content, _, _ = execute(self.kc, "Class.forName(\"%s\")" % cls)
            self.assertEqual(content.get("ename"), "java.lang.ClassNotFoundException", cls)
        content, _, _ = execute(self.kc, "org.zeromq.ZMQ.getVersionString()")
        self.assertEqual(content["ename"], "CompileError", "a kernel-only class does not compile in a cell")

    def test_stack_overflow_is_an_error_output(self):
        execute(self.kc, "int down(int n) { return down(n + 1) + 1; }")
        content, _, _ = execute(self.kc, "down(0)")
        self.assertEqual(content["ename"], "java.lang.StackOverflowError")
        self.assertLess(len(content["traceback"]), 40, "the traceback is cut, not thousands of frames")
        self.assert_kernel_alive_and_answering()

    def test_display_and_update_display_data_come_from_the_executor(self):
        content, outputs, _ = execute(self.kc, "String id = display(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB));\n"
                                               "updateDisplay(id, new BufferedImage(20, 60, BufferedImage.TYPE_INT_RGB));")
        self.assertEqual(content["status"], "ok")
        kinds = [m["msg_type"] for _, m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        shown = [m["content"] for _, m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual(shown[0]["transient"]["display_id"], shown[1]["transient"]["display_id"])
        self.assertEqual(png_size(base64.b64decode(shown[0]["data"]["image/png"])), (40, 30))
        self.assertEqual(png_size(base64.b64decode(shown[1]["data"]["image/png"])), (20, 60))

    def test_live_update_and_stdout_arrive_while_the_cell_runs(self):
        code = ("var chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title(\"loss\").build();\n"
                "List<Double> xs = new ArrayList<>(List.of(0.0)), ys = new ArrayList<>(List.of(1.0));\n"
                "chart.addSeries(\"train\", xs, ys);\n"
                "var h = visionlab.show.Show.show(chart);\n"
                "for (int step = 1; step <= 4; step++) {\n"
                "    Thread.sleep(400);\n"
                "    xs.add((double) step); ys.add(1.0 / (1 + step));\n"
                "    chart.updateXYSeries(\"train\", xs, ys, null);\n"
                "    h.update(chart);\n"
                "    System.out.println(\"step \" + step);\n"
                "}")
        content, outputs, idle = execute(self.kc, code)
        self.assertEqual(content["status"], "ok")
        updates = [t for t, m in outputs if m["msg_type"] == "update_display_data"]
        streams = [t for t, m in outputs if m["msg_type"] == "stream"]
        self.assertEqual(len(updates), 4)
        self.assertGreater(idle - updates[0], 0.9, "the first update showed while the cell still ran")
        self.assertGreater(idle - streams[0], 0.9, "the first printed line showed while the cell still ran")
        text = "".join(m["content"]["text"] for _, m in outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "".join("step %d\n" % i for i in range(1, 5)))

    def test_ten_megabytes_of_output_are_capped_at_one(self):
        content, outputs, _ = execute(self.kc, "String line = \"x\".repeat(99);\n"
                                               "for (int i = 0; i < 100_000; i++) System.out.println(line);")
        self.assertEqual(content["status"], "ok")
        out = "".join(m["content"]["text"] for _, m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        err = "".join(m["content"]["text"] for _, m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertEqual(len(out), 1 << 20)
        self.assertIn("output truncated", err)


def children_of(pid):
    """The pids whose parent is pid (from /proc, no procps needed)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.add(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


class ExecutorThatCannotStart(unittest.TestCase):
    """Bad executor options: each cell says why, the kernel stays up, and no restart loop spawns JVMs."""

    def test_bad_options_give_an_error_per_cell_and_no_restart_loop(self):
        env = dict(os.environ, VISIONLAB_EXECUTOR_OPTS="-Xmx1k")
        km, kc = start_new_kernel(kernel_name="visionlab", startup_timeout=60, env=env)
        try:
            for _ in range(2):
                reply, outputs = execute(kc, "1 + 1")[:2]
                self.assertEqual(reply["status"], "error")
                self.assertEqual(reply["ename"], "ExecutorStartError")
                text = "\n".join(reply["traceback"])
                self.assertIn("VISIONLAB_EXECUTOR_OPTS=-Xmx1k", text)
                self.assertIn("Too small maximum heap", text)
            pid = km.provisioner.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid
            seen = set()
            t_end = time.time() + 3
            while time.time() < t_end:  # a restart loop would start a new JVM every ~100 ms
                seen |= children_of(pid)
                time.sleep(0.02)
            self.assertLessEqual(len(seen), 2, "executor JVMs started in 3 s without a cell: %s" % sorted(seen))
            self.assertTrue(km.is_alive())
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
