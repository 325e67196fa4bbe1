"""Running one cell through jupyter_client and collecting what it sends (shared by the kernel's test suites)."""
import time


def execute_timed(kc, code, timeout):
    """Runs code; returns (reply content, [(arrival time, iopub message)], time the kernel went idle)."""
    msg_id = kc.execute(code)
    outputs = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            idle = time.time()
            break
        outputs.append((time.time(), m))
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], outputs, idle
