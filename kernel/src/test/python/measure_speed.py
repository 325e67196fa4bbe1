"""Kernel speed, as a notebook user feels it (medians over several runs), using jupyter_client.

  JUPYTER_PATH=.jupyter-data /usr/bin/python3 kernel/src/test/python/measure_speed.py [--starts N] [--cells N]

first result : from launching the kernel process to the execute_result of "1 + 1" (includes the JVM start,
               binding the sockets, kernel_info, JShell start-up and the first compile)
trivial cell : execute_request -> idle status for "1 + 1", kernel warm
empty cell   : the same for a comment-only cell: the protocol and thread overhead without a JShell compile
chart cell   : a cell that builds a 400x300 XChart and returns it (PNG), after the background warm-up
image cell   : a cell whose value is a 512x512 image (Image.sample("camera"): read, rendered to PNG in the
               executor, sent to the kernel, base64 in the message)
"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager

CHART = ("var c = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title(\"t\").build();\n"
         "c.addSeries(\"s\", new double[]{0, 1, 2, 3}, new double[]{3, 1, 2, %d});\nc")


def run(kc, code, timeout=60):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]
        if m["msg_type"] == "error":
            raise RuntimeError(m["content"])
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return (time.perf_counter() - t0) * 1000, result


def start(name):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    _, result = run(kc, "1 + 1")
    assert result["text/plain"] == "2", result
    return km, kc, (time.perf_counter() - t0) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=50)
    ap.add_argument("--kernel", default="visionlab")
    a = ap.parse_args()

    firsts = []
    for _ in range(a.starts):
        km, kc, ms = start(a.kernel)
        firsts.append(ms)
        kc.stop_channels()
        km.shutdown_kernel(now=True)

    km, kc, _ = start(a.kernel)
    time.sleep(3)  # the background chart warm-up
    for _ in range(10):
        run(kc, "1 + 1")
    trivial = [run(kc, "1 + 1")[0] for _ in range(a.cells)]
    empty = [run(kc, "// nothing to compile")[0] for _ in range(a.cells)]
    charts = []
    for i in range(12):
        ms, result = run(kc, CHART % i)
        assert "image/png" in result, result.keys()
        charts.append(ms)
    images = []
    for i in range(12):
        ms, result = run(kc, 'Image.sample("camera")')
        assert "image/png" in result, result.keys()
        images.append(ms)
    kc.stop_channels()
    km.shutdown_kernel(now=True)

    def show(name, xs):
        print("%-13s median %7.1f ms  (min %.1f, max %.1f, n=%d)" % (name, statistics.median(xs), min(xs), max(xs), len(xs)))

    show("first result", firsts)
    show("trivial cell", trivial)
    show("empty cell", empty)
    show("chart cell", charts)
    show("image cell", images)


if __name__ == "__main__":
    main()
