#!/usr/bin/env python3
"""Executes every lecture notebook headless with the VisionLab kernel and checks what a reader would see.

Checks, each a failure when violated:
  * the notebook in git carries no outputs and no execution counts;
  * every cell executes without an error output (nbclient with the installed "visionlab" kernel);
  * every notebook has at least one image/png output, and every PNG decodes to its stated size;
  * one executed notebook, converted to HTML and opened in headless Chromium, shows its figure
    (the screenshot is not blank: pixel variance in the output area).

Usage: check_notebooks.py [--out DIR] [--kernel NAME] [--no-browser] [NOTEBOOK ...]
Run through `./lab test`, which installs the kernel spec first and sets VISIONLAB_FAST=1.
"""
import argparse
import base64
import glob
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.dirname(HERE)


def check_clean(path, nb):
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i} has {len(cell.outputs)} output(s) committed")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has an execution count committed")
    return problems


def check_outputs(nb):
    problems = []
    pngs = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"cell {i}: {out.ename}: {out.evalue}")
            if out.output_type == "stream" and out.name == "stderr" and "Exception" in out.text:
                problems.append(f"cell {i}: exception text on stderr: {out.text[:300]}")
            data = out.get("data", {})
            if "image/png" in data:
                raw = base64.b64decode(data["image/png"])
                try:
                    im = Image.open(io.BytesIO(raw))
                    im.load()
                except Exception as e:  # noqa: BLE001 - any decoder failure is a defect
                    problems.append(f"cell {i}: a PNG output does not decode: {e}")
                    continue
                if im.size[0] < 1 or im.size[1] < 1:
                    problems.append(f"cell {i}: empty PNG")
                pngs += 1
    if pngs == 0:
        problems.append("no image/png output at all")
    return problems, pngs


def screenshot_shows_figure(html_path, workdir):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        return ["chromium not found (.ci/run installs Debian's chromium)"]
    shot = os.path.join(workdir, "screenshot.png")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
           f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--hide-scrollbars",
           "--window-size=1200,1600", f"--screenshot={shot}", "file://" + os.path.abspath(html_path)]
    try:
        subprocess.run(cmd, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        return [f"chromium failed: {e}"]
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    im = Image.open(shot).convert("L")
    w, h = im.size
    # the output area: below the title, the whole width; a blank page has (nearly) zero variance
    area = im.crop((0, h // 8, w, h))
    px = list(area.getdata())
    mean = sum(px) / len(px)
    var = sum((p - mean) ** 2 for p in px) / len(px)
    dark = sum(1 for p in px if p < 200) / len(px)
    print(f"  screenshot {shot}: {w}x{h}, pixel variance {var:.1f}, non-white fraction {dark:.3f}")
    if var < 100 or dark < 0.01:
        return [f"screenshot looks blank (variance {var:.1f}, non-white {dark:.3f})"]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=None, help="folder for executed notebooks and HTML")
    ap.add_argument("--kernel", default="visionlab")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_args()

    paths = args.notebooks or sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9]*.ipynb")))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    out = args.out or tempfile.mkdtemp(prefix="visionlab-notebooks-")
    os.makedirs(out, exist_ok=True)
    failures = 0
    passed = 0
    html_for_browser = None
    t_all = time.time()
    for path in paths:
        name = os.path.basename(path)
        nb = nbformat.read(path, as_version=4)
        problems = check_clean(path, nb)
        t0 = time.time()
        client = NotebookClient(nb, timeout=args.timeout, kernel_name=args.kernel,
                                resources={"metadata": {"path": NOTEBOOKS}}, allow_errors=True)
        try:
            client.execute()
        except Exception as e:  # noqa: BLE001 - report, then go on with the next notebook
            problems.append(f"execution failed: {type(e).__name__}: {e}")
        more, pngs = check_outputs(nb)
        problems += more
        executed = os.path.join(out, name)
        nbformat.write(nb, executed)
        dt = time.time() - t0
        if problems:
            failures += 1
            print(f"FAIL {name} ({dt:.1f} s)")
            for p in problems:
                print("   ", p)
        else:
            passed += 1
            print(f"ok   {name} ({dt:.1f} s, {pngs} PNG outputs)")
            if html_for_browser is None:
                html_for_browser = executed
    if html_for_browser is not None and not args.no_browser:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_filename(html_for_browser)
        html = os.path.splitext(html_for_browser)[0] + ".html"
        with open(html, "w", encoding="utf-8") as f:
            f.write(body)
        problems = screenshot_shows_figure(html, out)
        if problems:
            failures += 1
            print(f"FAIL browser view of {os.path.basename(html)}")
            for p in problems:
                print("   ", p)
        else:
            passed += 1
            print(f"ok   browser view of {os.path.basename(html)}")
    print(f"notebooks: executed output in {out}; {time.time() - t_all:.1f} s in all")
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
