"""Look at a rendered .docx as a reader would: render a plan, convert it to PDF with
LibreOffice, and rasterise its first page.

    python scripts/render_docx_page.py                       # examples/sample-plan.txt → docs/render-docx-page.png
    python scripts/render_docx_page.py plan.txt -o page.png --pages 2

Needs LibreOffice and poppler (Debian: ``apt-get install -y libreoffice-writer-nogui
poppler-utils``) and Chinese fonts (``fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming``).
The document names the fonts of Chinese official documents (方正小标宋简体, 黑体, 楷体, 仿宋);
where they are not installed, this script's own fontconfig file maps them to free look-alikes
(Noto Serif CJK for the title, Noto Sans CJK for 黑体, AR PL UKai for 楷体, AR PL UMing for 仿宋),
as a reader's machine would substitute them. It prints what pdfinfo says of the page size,
so the A4 page can be checked too. planparse itself never runs LibreOffice.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""
ALIASES = {"方正小标宋简体": "Noto Serif CJK SC", "华文中宋": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC",
           "楷体": "AR PL UKai CN", "仿宋": "AR PL UMing CN"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan", nargs="?", type=Path, default=ROOT / "examples" / "sample-plan.txt")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "render-docx-page.png")
    ap.add_argument("--pages", type=int, default=1, help="how many pages to rasterise (page-1.png, page-2.png …)")
    ap.add_argument("--dpi", type=int, default=70)
    args = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("needs LibreOffice and pdftoppm: apt-get install -y libreoffice-writer-nogui poppler-utils",
              file=sys.stderr)
        return 2

    import planparse
    from planparse.drafting.render import to_docx
    from planparse.serialize import from_dict

    with tempfile.TemporaryDirectory(prefix="planparse-render-") as tmp:
        work = Path(tmp)
        docx = work / "plan.docx"
        docx.write_bytes(to_docx(from_dict(planparse.parse_file(args.plan).to_dict())))
        aliases = "\n  ".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>{real}</family>"
                              f"</prefer></alias>" for name, real in ALIASES.items())
        (work / "fonts.conf").write_text(FONTCONFIG.format(aliases=aliases), "utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"), HOME=str(work))
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                       check=True, env=env, capture_output=True, timeout=180)
        pdf = work / "plan.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
        print("\n".join(line for line in info.splitlines() if line.startswith(("Pages", "Page size"))))
        stem = work / "page"
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", str(args.pages), str(pdf),
                        str(stem)], check=True)
        pages = sorted(work.glob("page-*.png"))
        args.output.parent.mkdir(parents=True, exist_ok=True)
        for n, page in enumerate(pages, 1):
            dest = args.output if len(pages) == 1 else args.output.with_name(f"{args.output.stem}-{n}.png")
            shutil.copy(page, dest)
            print(f"wrote {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
