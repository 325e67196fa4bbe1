"""Kernel life-cycle checks over the real protocol: interrupt by message, a bad HMAC signature is ignored,
a new IOPub subscriber is greeted with the status, restart gives a fresh JShell, shutdown ends the process.

Run with /usr/bin/python3 and JUPYTER_PATH pointing at the data folder holding kernels/visionlab.
"""
import os
import signal
import subprocess
import time
import unittest

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

from kernel_messages import execute_timed

TIMEOUT = 30


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns (reply content, list of iopub messages of this request)."""
    reply, outputs, _ = execute_timed(kc, code, timeout)
    return reply, [m for _, m in outputs]


class LifeCycle(unittest.TestCase):

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name="visionlab", startup_timeout=60)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)

    def test_interrupt_message_stops_a_sleeping_cell_within_a_second(self):
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "message")
        execute(self.kc, "1 + 1")  # JShell is up, so the interrupt meets the sleep itself
        msg_id = self.kc.execute("Thread.sleep(60_000);")
        time.sleep(0.8)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertLess(time.time() - t0, 1.0)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "java.lang.InterruptedException")
        content, _ = execute(self.kc, "Thread.sleep(200); Thread.currentThread().isInterrupted()")
        self.assertEqual(content["status"], "ok")

    def test_message_with_bad_signature_is_ignored(self):
        forged = Session(key=b"not-the-kernel-key", username="mallory")
        forged.send(self.kc.shell_channel.socket, "execute_request",
                    {"code": "System.out.println(\"forged\"); int forged = 1;", "silent": False,
                     "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        time.sleep(0.5)
        content, outputs = execute(self.kc, "6 * 7")
        self.assertEqual(content["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])
        content, _ = execute(self.kc, "forged")
        self.assertEqual(content["status"], "error", "the forged cell must not have run")

    def test_cells_queued_behind_a_failed_cell_are_aborted(self):
        execute(self.kc, "1 + 1")
        ids = [self.kc.execute(c) for c in ("int a1 = 1;", 'throw new IllegalStateException("stop here");', "int b1 = 2;")]
        replies = {}
        while len(replies) < 3:
            r = self.kc.get_shell_msg(timeout=TIMEOUT)
            if r["parent_header"].get("msg_id") in ids:
                replies[r["parent_header"]["msg_id"]] = r["content"]["status"]
        self.assertEqual([replies[i] for i in ids], ["ok", "error", "aborted"])
        content, _ = execute(self.kc, "a1")
        self.assertEqual(content["status"], "ok", "the kernel runs cells again after the aborted ones")
        content, _ = execute(self.kc, "b1")
        self.assertEqual(content["status"], "error", "the aborted cell did not run")

    def greeting(self):
        """The first IOPub message a newly connected client receives (within 2 s), or None."""
        kc = self.km.client()
        kc.start_channels()
        try:
            return kc.get_iopub_msg(timeout=2)
        except Exception:
            return None
        finally:
            kc.stop_channels()

    def test_a_new_iopub_subscriber_is_greeted_with_the_kernels_status(self):
        execute(self.kc, "1 + 1")
        m = self.greeting()
        self.assertIsNotNone(m, "a client that subscribes to an idle kernel hears from it")
        self.assertEqual((m["msg_type"], m["content"]["execution_state"], m["parent_header"]), ("status", "idle", {}))
        msg_id = self.kc.execute("Thread.sleep(2500);")
        time.sleep(0.5)
        m = self.greeting()
        self.assertIsNotNone(m)
        self.assertEqual((m["msg_type"], m["content"]["execution_state"]), ("status", "busy"), "while a cell runs")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_restart_gives_a_fresh_jshell_and_shutdown_ends_the_process(self):
        execute(self.kc, "int kept = 41;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=60)
        content, _ = execute(self.kc, "kept + 1")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "CompileError")
        content, outputs = execute(self.kc, "1 + 1")
        self.assertEqual(content["status"], "ok")
        self.kc.shutdown()
        deadline = time.time() + 5
        while self.km.is_alive() and time.time() < deadline:
            time.sleep(0.05)
        self.assertFalse(self.km.is_alive(), "the kernel process ends after a shutdown request")

    def test_the_executor_jvm_does_not_outlive_a_killed_kernel(self):
        execute(self.kc, "1 + 1")
        pid = self.km.provisioner.pid if hasattr(self.km, "provisioner") and self.km.provisioner else self.km.kernel.pid
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        self.assertEqual(len(children), 1, "the kernel runs one executor JVM: %r" % children)
        self.kc.execute("long c = 0; while (true) { c++; }")  # the executor is busy
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)
        deadline = time.time() + 10
        while os.path.exists("/proc/" + children[0]) and time.time() < deadline:
            time.sleep(0.1)
        self.assertFalse(os.path.exists("/proc/" + children[0]), "the executor ends when its kernel dies")


if __name__ == "__main__":
    unittest.main(verbosity=2)
