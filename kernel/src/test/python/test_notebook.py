"""Executes a notebook with `jupyter nbconvert --execute` against the installed VisionLab kernel and checks
its outputs: decodable PNGs of the right size, a display updated in place, a live Show handle, no errors.

Run with /usr/bin/python3 and JUPYTER_PATH pointing at the data folder holding kernels/visionlab.
Writes the executed notebook and an HTML rendering next to OUT (argument 1, default a temp folder).
"""
import base64
import os
import subprocess
import sys
import tempfile

import nbformat

from pngcheck import png_size

CELLS = [
    # 0: a library image as the cell's value
    'Image img = Image.sample("camera");\nimg',
    # 1: a BufferedImage of a known size
    "BufferedImage b = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);\n"
    "for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) b.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8);\nb",
    # 2: a chart shown once and updated in place
    "var chart = new org.knowm.xchart.XYChartBuilder().width(360).height(240).title(\"loss\").build();\n"
    "List<Double> xs = new ArrayList<>(List.of(0.0)), ys = new ArrayList<>(List.of(1.0));\n"
    "chart.addSeries(\"train\", xs, ys);\n"
    "String id = display(chart);\n"
    "for (int step = 1; step <= 5; step++) {\n"
    "    xs.add((double) step); ys.add(1.0 / (1 + step));\n"
    "    chart.updateXYSeries(\"train\", xs, ys, null);\n"
    "    updateDisplay(id, chart);\n"
    "}\n"
    'updateDisplay(id, "final loss " + ys.get(ys.size() - 1));',
    # 3: library code updating through visionlab.show
    "var h = visionlab.show.Show.show(Image.zeros(8, 4, 1));\nh.update(Image.zeros(4, 8, 1));",
    # 4: text output
    'System.out.println("done: " + img.width() + "x" + img.height());',
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="visionlab-nb-")
    os.makedirs(out_dir, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "visionlab", "display_name": "VisionLab", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    src = os.path.join(out_dir, "kernel-check.ipynb")
    nbformat.write(nb, src)
    run = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.timeout=120", "--output", "kernel-check.executed.ipynb", src],
                         capture_output=True, text=True)
    print(run.stdout, run.stderr)
    assert run.returncode == 0, "nbconvert --execute failed"
    executed = nbformat.read(os.path.join(out_dir, "kernel-check.executed.ipynb"), as_version=4)

    for i, cell in enumerate(executed.cells):
        for o in cell.outputs:
            assert o.output_type != "error", "cell %d failed: %s: %s" % (i, o.get("ename"), o.get("evalue"))

    def pngs(cell):
        return [base64.b64decode(o.data["image/png"]) for o in cell.outputs
                if o.output_type in ("execute_result", "display_data") and "image/png" in o.data]

    cam = pngs(executed.cells[0])
    assert len(cam) == 1, executed.cells[0].outputs
    assert png_size(cam[0]) == (512, 512), png_size(cam[0])

    bi = pngs(executed.cells[1])
    assert len(bi) == 1 and png_size(bi[0]) == (40, 30), [png_size(p) for p in bi]

    chart_outputs = executed.cells[2].outputs
    assert len(chart_outputs) == 1, "the updates replace the one output in place: %r" % chart_outputs
    assert chart_outputs[0].data["text/plain"] == "final loss 0.16666666666666666", chart_outputs[0].data

    show = pngs(executed.cells[3])
    assert len(show) == 1, "Show.show(...).update(...) leaves one output: %r" % executed.cells[3].outputs
    w, h = png_size(show[0])
    assert h == 2 * w, "the output holds the updated 4x8 image, got %dx%d" % (w, h)

    text = "".join(o.text for o in executed.cells[4].outputs if o.output_type == "stream")
    assert text == "done: 512x512\n", repr(text)

    html = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html",
                           os.path.join(out_dir, "kernel-check.executed.ipynb")], capture_output=True, text=True)
    assert html.returncode == 0, html.stderr
    print("notebook outputs OK; HTML in", out_dir)


if __name__ == "__main__":
    main()
