#!/usr/bin/env python3
"""Executes every lecture notebook headless with the VisionLab kernel and checks what a reader would see.

Checks, each a failure when violated:
  * the notebook in git carries no outputs and no execution counts;
  * every cell executes without an error output (nbclient with the installed "visionlab" kernel);
  * every notebook has at least one image/png output, and every PNG decodes to its stated size;
  * no PNG output is wider or taller than MAX_SIDE px, unless its cell's metadata allows it with a reason:
    "visionlab": {"max_png_side": 2100, "why": "..."};
  * figures label themselves (Jupyter hides text/plain when it shows a PNG, so text there is never read):
    VisionLab's figures record the strings they draw into the pixels in the PNG itself (iTXt chunk
    "visionlab:drawn", one string a line, written by the same code that draws them) and how many panels
    they hold ("visionlab:panels"). A PNG output fails when
      - it has a drawn-text record and a line of its text/plain is not among the drawn strings (a caption,
        a level size, a matrix entry that only the hidden text carries), or
      - it has no record and its text/plain has more than one line (content next to a picture no reader
        sees), or
      - it records two or more panels and no drawn text at all (an unlabelled composite figure);
  * every executed notebook, converted to HTML (MathJax from Debian's libjs-mathjax, offline) and opened in
    headless Chromium with its DOM dumped after the scripts ran: MathJax typeset the maths (its output
    elements exist when the markdown has formulas), no raw TeX ($...$, $$...$$, \(...\)) is left in the
    text of a markdown cell, every <img> has its data or an existing file, and there are as many PNG
    images in the page as PNG outputs;
  * the first notebook's screenshot is not blank (pixel variance in the output area).

Usage: check_notebooks.py [--out DIR] [--kernel NAME] [--no-browser] [NOTEBOOK ...]
Run through `./lab test`, which installs the kernel spec first and sets VISIONLAB_FAST=1.
"""
import argparse
import base64
import glob
import html.parser
import io
import os
import re
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
# the largest side of a PNG output, in pixels (a cell may allow more with metadata and a reason)
MAX_SIDE = 1600
# Debian's libjs-mathjax (MathJax 2.7, what nbconvert's template expects): typesets offline
MATHJAX_JS = "/usr/share/javascript/mathjax/MathJax.js"
MATHJAX_URL = "file://" + MATHJAX_JS + "?config=TeX-AMS_CHTML-full,Safe"


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


def _norm(text):
    return " ".join(text.split())


def check_figure(i, im, text, allowed_side):
    """The size limit and the self-labelling rules for one PNG output (see the module docstring)."""
    problems = []
    w, h = im.size
    if max(w, h) > allowed_side:
        problems.append(f"cell {i}: a PNG output is {w}x{h} px, over the {allowed_side} px limit "
                        "(make it smaller, or allow it in the cell's metadata with a reason)")
    info = getattr(im, "text", None) or {}
    drawn = info.get("visionlab:drawn")
    lines = [_norm(line) for line in (text or "").splitlines() if line.strip()]
    if drawn is None:
        if len(lines) > 1:
            problems.append(f"cell {i}: a PNG output carries {len(lines)} lines of text/plain that no reader "
                            f"sees (Jupyter shows the picture): {lines[1][:60]!r}...")
        return problems
    shown = _norm(" ".join(drawn.splitlines()))
    try:
        panels = int(info.get("visionlab:panels", "1"))
    except ValueError:
        panels = 1
    if panels >= 2 and not shown:
        problems.append(f"cell {i}: a composite figure of {panels} panels draws no label at all")
    for line in lines:
        if line not in shown:
            problems.append(f"cell {i}: text/plain {line[:80]!r} is not drawn into the figure")
    return problems


def check_outputs(nb):
    problems = []
    pngs = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        allowance = cell.get("metadata", {}).get("visionlab", {})
        allowed_side = MAX_SIDE
        if "max_png_side" in allowance:
            if not str(allowance.get("why", "")).strip():
                problems.append(f"cell {i}: metadata max_png_side without a 'why'")
            else:
                allowed_side = int(allowance["max_png_side"])
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
                # with text/html beside it the notebook shows the HTML (a table, a GIF), not this PNG's text rule
                text = "" if "text/html" in data else data.get("text/plain", "")
                problems += check_figure(i, im, text, allowed_side)
                pngs += 1
    if pngs == 0:
        problems.append("no image/png output at all")
    return problems, pngs


def find_chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def run_chromium(html_path, *args):
    """Runs headless Chromium on the page with ARGS; returns (stdout, error message or None)."""
    chromium = find_chromium()
    if chromium is None:
        return None, "chromium not found (.ci/run installs Debian's chromium)"
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
           "--allow-file-access-from-files", f"--user-data-dir={profile}", "--virtual-time-budget=20000",
           *args, "file://" + os.path.abspath(html_path)]
    try:
        done = subprocess.run(cmd, check=True, timeout=120, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return done.stdout.decode("utf-8", "replace"), None
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        return None, f"chromium failed: {e}"
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def export_html(executed, html_path):
    """The executed notebook as HTML that loads MathJax from the local libjs-mathjax copy."""
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter(mathjax_url=MATHJAX_URL).from_filename(executed)
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(body)


# raw TeX a reader would see: $...$ with something TeX-like inside, $$...$$, \(...\), \[...\]
RAW_TEX = re.compile(r"\$\$.+?\$\$|\$[^$\s](?:[^$]*?[^$\s])?\$|\\\(.+?\\\)|\\\[.+?\\\]", re.S)


class _MarkdownText(html.parser.HTMLParser):
    """Collects the text of markdown cells (outside script/style/code), the <img> sources, and MathJax output."""

    SKIP = {"script", "style", "code", "pre", "textarea"}
    VOID = {"img", "br", "hr", "input", "meta", "link", "source", "area", "base", "col", "embed", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack = []          # (tag, is_markdown, is_skip)
        self.texts = []
        self.imgs = []
        self.mathjax = 0

    def _in(self, idx):
        return any(entry[idx] for entry in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if "MathJax_CHTML" in cls or "mjx-chtml" in cls or tag.startswith("mjx-"):
            self.mathjax += 1
        if tag == "img":
            self.imgs.append(a.get("src") or "")
        if tag in self.VOID:
            return
        markdown = "jp-MarkdownOutput" in cls or "text_cell_render" in cls or "jp-RenderedMarkdown" in cls
        skip = tag in self.SKIP or "MathJax" in cls or "mjx" in cls
        self.stack.append((tag, markdown, skip))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        if self._in(1) and not self._in(2):
            self.texts.append(data)


def check_rendered_page(nb, html_path):
    """Maths typeset, no raw TeX left, every figure present: the page as a reader's browser shows it."""
    dom, err = run_chromium(html_path, "--dump-dom")
    if err:
        return [err]
    page = _MarkdownText()
    page.feed(dom)
    problems = []
    has_math = any(cell.cell_type == "markdown" and RAW_TEX.search(cell.source) for cell in nb.cells)
    if has_math and page.mathjax == 0:
        problems.append("MathJax did not typeset anything (is libjs-mathjax installed?)")
    text = "".join(page.texts)
    for m in RAW_TEX.finditer(text):
        problems.append(f"raw TeX left in the rendered page: {m.group(0)[:60]!r}")
        if len(problems) > 5:
            break
    # outputs shown as their PNG (an output with text/html beside it is shown as the HTML)
    pngs = sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.get("outputs", []) if "image/png" in out.get("data", {})
               and "text/html" not in out.get("data", {}))
    shown = 0
    for src in page.imgs:
        if src.startswith("data:image/png"):
            shown += 1
        elif src.startswith("data:"):
            continue
        else:
            path = src[len("file://"):] if src.startswith("file://") else os.path.join(os.path.dirname(html_path), src)
            if not os.path.isfile(path) and not os.path.isfile(os.path.join(NOTEBOOKS, src)):
                problems.append(f"a figure is missing: <img src={src[:80]!r}> has no file")
    if shown < pngs:
        problems.append(f"the page shows {shown} PNG image(s) for {pngs} PNG output(s)")
    return problems


def screenshot_shows_figure(html_path, workdir):
    shot = os.path.join(workdir, "screenshot.png")
    _, err = run_chromium(html_path, "--hide-scrollbars", "--window-size=1200,1600", f"--screenshot={shot}")
    if err:
        return [err]
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
    browser = not args.no_browser
    if browser and not os.path.isfile(MATHJAX_JS):
        print(f"FAIL {MATHJAX_JS} is missing: install Debian's libjs-mathjax (exported HTML typesets maths with it)")
        failures += 1
        browser = False
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
        html_path = os.path.splitext(executed)[0] + ".html"
        if browser:
            try:
                export_html(executed, html_path)
                problems += check_rendered_page(nb, html_path)
            except Exception as e:  # noqa: BLE001 - a failed export is a defect too
                problems.append(f"HTML export or browser check failed: {type(e).__name__}: {e}")
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
    if html_for_browser is not None and browser:
        html = os.path.splitext(html_for_browser)[0] + ".html"
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
