"""`planparse show` at phone width, measured in a real browser (headless Chromium).

    python benchmarks/show_phone.py                  # the sample plan at 390 px
    python benchmarks/show_phone.py plan.txt --width 360

Writes the page, adds a measuring script to a copy of it, loads it in a frame of the given
width and reads back: the width of the activities table's activity column (the first row's
fifth cell), the page's widest element against the window (horizontal scrolling), and how
many timeline labels are cut (their text wider than their box). Needs chromium.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """<script>
window.addEventListener('load', () => {
  const cell = document.querySelector('#activities tbody tr td:nth-child(5)');
  const labels = [...document.querySelectorAll('.tl-label')];
  const cut = labels.filter(l => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1).length;
  parent.postMessage(JSON.stringify({
    window: window.innerWidth,
    activity_column: cell ? Math.round(cell.getBoundingClientRect().width) : null,
    activity_text: cell ? cell.textContent : null,
    labels: labels.length, labels_cut: cut,
    page_width: document.documentElement.scrollWidth}), '*');
});
</script>"""
# headless Chromium will not make its window narrower than 500 px: the page goes in a frame
# of the phone's width, and reports to the frame's parent
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="page.html" width="{width}" height="900" style="border:0"></iframe>
<script>window.addEventListener('message', e => document.body.setAttribute('data-measured', e.data));</script>
</body></html>"""


def measure(html: str, width: int, browser: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="planparse-phone-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html.replace("</body>", MEASURE + "</body>"), "utf-8")
        frame = Path(tmp) / "frame.html"
        frame.write_text(FRAME.format(width=width), "utf-8")
        out = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              f"--user-data-dir={tmp}/profile", "--window-size=800,1000",
                              "--virtual-time-budget=5000", "--dump-dom", frame.as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'data-measured="([^"]*)"', out)
    if not m:
        raise SystemExit("the page did not report its measures")
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan", nargs="?", type=Path, default=ROOT / "examples" / "sample-plan.txt")
    ap.add_argument("--width", type=int, default=390)
    args = ap.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("needs chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    import planparse
    from planparse.views.html import render_html

    result = measure(render_html(planparse.parse_file(args.plan, year=2024)), args.width, browser)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
