"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) against the installed VisionLab kernel.

Run with /usr/bin/python3 (Debian's Jupyter modules) and JUPYTER_PATH pointing at the data folder the
kernel spec was installed into. Exits non-zero on any failure, and when Jupyter is missing.
"""
import sys
import unittest

import jupyter_kernel_test


class VisionLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "visionlab"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("some error");'

    completion_samples = [
        {"text": "Math.toRad", "matches": {"toRadians("}},
        {"text": "Image.zer", "matches": {"zeros("}},
        {"text": "%cla", "matches": {"%classpath"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%time"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {", "int y = (1 +"]
    invalid_code_samples = ["int 5x = ;"]

    code_inspect_sample = "Math.max"

    code_generate_error = 'throw new IllegalStateException("boom")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": 'String s = "vision"; s + "lab"', "result": "visionlab"},
        {"code": "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)",
         "mime": "image/png"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(5, 5, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display("plain words");', "mime": "text/plain"},
    ]

    def test_is_complete_gives_indent(self):
        msg_id = self.kc.is_complete("for (int i = 0; i < 3; i++) {")
        reply = self.get_non_kernel_info_reply(timeout=15)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "incomplete")
        self.assertEqual(reply["content"]["indent"], "    ")

    def test_error_names_real_exception(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('throw new IllegalStateException("boom")')
        self.assertEqual(reply["content"]["ename"], "java.lang.IllegalStateException")
        self.assertEqual(reply["content"]["evalue"], "boom")

    def test_kernel_info_language(self):
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=15)
        info = reply["content"]["language_info"]
        self.assertEqual(info["mimetype"], "text/x-java")
        self.assertEqual(info["codemirror_mode"], "text/x-java")
        self.assertTrue(info["version"][0].isdigit())


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    # features the kernel does not offer (pager payloads, clear_output, stored history); any other skip fails
    allowed = ("test_pager", "test_clear_output", "test_history")
    unexpected = [str(t) for t, _ in result.skipped if not any(a in str(t) for a in allowed)]
    if unexpected:
        print("unexpected skips (count as failures):", unexpected, file=sys.stderr)
    sys.exit(0 if result.wasSuccessful() and not unexpected else 1)
