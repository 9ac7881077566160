"""Hostile and dirty input, as a new user would meet it: exit code, message, time and peak memory.

Every case builds its input (bombs, links, pipes, huge PDFs, stray bytes …) in a scratch
folder and runs one `planparse` command in a fresh process, as a user would. For each it
records the exit status, the first line of standard error, the wall time, the peak memory
(the largest resident set of the command and the workers it waited for) and what the case
is about (text leaked, NUL bytes in the output, UIDs kept …).

    python benchmarks/hostile.py --json after.json              # this checkout
    python benchmarks/hostile.py --pythonpath OLD/src --json before.json   # another one
    python benchmarks/hostile.py --table before.json after.json # the Markdown table
    python benchmarks/hostile.py --only docx_bomb pdf_pages     # some cases

``--pythonpath`` points at a tree where ``planparse`` (with ``planparse/cli``) is importable,
so that an older version can be measured with this script. Big inputs are kept in
``--cache`` (default: a folder in the system's temp dir) between runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "docs"
SAMPLE = ROOT / "examples" / "sample-plan.txt"
GIB = 2**30
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

PLAN = ("2024年学校工会工作计划\n一、指导思想\n以习近平新时代中国特色社会主义思想为指导，团结带领全体教职工做好各项工作。\n"
        "二、主要工作\n1、3月上旬召开教代会，审议学校年度工作计划。\n2、5月中旬举办教职工趣味运动会。\n"
        "3、9月10日教师节表彰优秀教师。\n三、保障措施\n工会委员要分工明确、各负其责。\n")


@dataclass
class Result:
    case: str
    exit: int | None
    message: str
    seconds: float
    peak_mb: float
    note: str


@dataclass
class Case:
    name: str
    what: str
    setup: Callable[[Path, Path], list[str]]          # (work, cache) -> command arguments
    observe: Callable[[Path, subprocess.CompletedProcess], str] = lambda work, proc: ""
    timeout: float = 120.0
    stdin: bytes | None = None
    env: dict | None = None


# ---------------------------------------------------------------- inputs


def zip_member_stream(path: Path, members: list[tuple[str, bytes, int]]) -> None:
    """A zip whose members are (name, head, n): ``head`` then ``n`` spaces (streamed, so a
    GiB member costs no memory to write)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, head, n in members:
            with zf.open(name, "w", force_zip64=n > 2**31) as f:
                f.write(head)
                chunk = b" " * 2**20
                left = n
                while left > 0:
                    f.write(chunk[:min(left, len(chunk))])
                    left -= len(chunk)


def docx_bomb(cache: Path, size: int = GIB) -> Path:
    """A 1 MB .docx whose word/document.xml decompresses to ``size`` bytes."""
    path = cache / f"bomb-{size}.docx"
    if not path.exists():
        head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
        tmp = path.with_suffix(".tmp")
        zip_member_stream(tmp, [("[Content_Types].xml", b"<Types/>", 0), ("word/document.xml", head, size)])
        tmp.rename(path)
    return path


def lying_zip(cache: Path, name: str, size: int = 256 * 2**20) -> Path:
    """A zip whose one member says it holds 100 bytes but decompresses to ``size``."""
    path = cache / f"lying-{size}-{name.replace('/', '_')}.zip"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        zip_member_stream(tmp, [(name, "一、指导思想\n".encode(), size)])
        data = bytearray(tmp.read_bytes())
        i = data.find(b"PK\x03\x04")
        struct.pack_into("<I", data, i + 22, 100)
        j = data.find(b"PK\x01\x02")
        struct.pack_into("<I", data, j + 24, 100)
        tmp.unlink()
        path.write_bytes(bytes(data))
    return path


def many_page_pdf(cache: Path, pages: int = 60_000) -> Path:
    """A PDF of ``pages`` pages sharing one content stream (a line of text each)."""
    path = cache / f"pages-{pages}.pdf"
    if path.exists():
        return path
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    stream = b"BT /F1 12 Tf 72 720 Td (Work plan line of text on this page) Tj ET"
    content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    kids = []
    for _ in range(pages):
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        pages, b" ".join(b"%d 0 R" % k for k in kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    path.write_bytes(out.getvalue())
    return path


def bad_xref_pdf(work: Path) -> Path:
    """The sample plan's PDF with its startxref pointer off by a few bytes (pypdf warns)."""
    data = (ROOT / "tests" / "fixtures" / "pdf" / "sample-plan.pdf").read_bytes()
    m = list(re.finditer(rb"startxref\s+(\d+)", data))[-1]
    wrong = str(int(m.group(1)) + 7).encode()
    path = work / "plan.pdf"
    path.write_bytes(data[:m.start(1)] + wrong + data[m.end(1):])
    return path


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def corpus_docs(n: int) -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx"))[:n]


# ---------------------------------------------------------------- observations


def leaked(marker: str) -> Callable[[Path, subprocess.CompletedProcess], str]:
    def look(work: Path, proc: subprocess.CompletedProcess) -> str:
        out = work / "out"
        found = any(marker in p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file()
                    and p.suffix in (".yaml", ".json", ".jsonl")) if out.exists() else False
        if (out / "index.sqlite").exists():
            found = found or marker.encode() in (out / "index.sqlite").read_bytes()
        return f"outside text in outputs: {'yes' if found else 'no'}"
    return look


def yaml_of(proc: subprocess.CompletedProcess) -> dict:
    import yaml

    try:
        return yaml.safe_load(proc.stdout.decode("utf-8", "replace")) or {}
    except Exception:
        return {}


def warnings_note(proc: subprocess.CompletedProcess) -> str:
    data = yaml_of(proc)
    ws = data.get("warnings") or [] if isinstance(data, dict) else []
    if not data:
        return "no output"
    return f"format {data.get('format')}, {len(data.get('plans') or [])} plans; warnings: " + (
        "; ".join(f"{w.get('line')}: {w.get('message')}" for w in ws)[:110] or "none")


def nul_note(work: Path, proc: subprocess.CompletedProcess) -> str:
    nul = b"\x00" in proc.stdout or b"\\0" in proc.stdout
    return f"NUL in output: {'yes' if nul else 'no'}; " + warnings_note(proc)


def stderr_lines(work: Path, proc: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return f"{len(lines)} stderr lines with -q; " + warnings_note(proc)


def _pdf_batch_note(work: Path, proc: subprocess.CompletedProcess) -> str:
    import yaml

    lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    out = work / "out" / "docs" / "plan.pdf.yaml"
    data = yaml.safe_load(out.read_text("utf-8")) if out.exists() else {}
    ws = [w["message"] for w in data.get("warnings") or [] if "PDF" in w["message"]]
    return f"{len(lines)} stderr lines under -q; {len(ws)} PDF warnings in the output" + (f" ({ws[0]})" if ws else "")


def exists_note(name: str) -> Callable[[Path, subprocess.CompletedProcess], str]:
    return lambda work, proc: f"{name} written: {'yes' if (work / name).exists() else 'no'}"


# ---------------------------------------------------------------- cases


def _cases() -> list[Case]:
    cases: list[Case] = []

    def case(name: str, what: str, **kw) -> Callable:
        def register(setup: Callable[[Path, Path], list[str]]) -> Callable:
            cases.append(Case(name, what, setup, **kw))
            return setup
        return register

    # Bounded and safe
    @case("docx_bomb", "parse a 1 MB .docx whose document.xml inflates to 1 GiB")
    def _(work, cache):
        return ["parse", str(docx_bomb(cache))]

    @case("docx_lying_header", "parse a .docx whose document.xml header says 100 B (inflates to 256 MiB)")
    def _(work, cache):
        return ["parse", str(lying_zip(cache, "word/document.xml"))]

    @case("batch_zip_of_bombs", "batch a .zip of two bomb .docx members, --jobs 2",
          observe=lambda work, proc: _errors(work))
    def _(work, cache):
        bomb = docx_bomb(cache).read_bytes()
        with zipfile.ZipFile(work / "in.zip", "w") as zf:
            zf.writestr("a/bomb1.docx", bomb)
            zf.writestr("a/bomb2.docx", bomb)
            zf.writestr("a/plan.txt", PLAN)
        return ["batch", str(work / "in.zip"), "-o", str(work / "out"), "--jobs", "2", "-q"]

    @case("batch_zip_lying_member", "batch a .zip whose .txt member lies about its size (256 MiB)",
          observe=lambda work, proc: _errors(work))
    def _(work, cache):
        return ["batch", str(lying_zip(cache, "plan.txt")), "-o", str(work / "out"), "--jobs", "1", "-q"]

    @case("batch_symlink_out", "batch a folder holding a symlink to a file outside it",
          observe=leaked("SECRET-机密-LINE"))
    def _(work, cache):
        write(work / "outside" / "secret.txt", "SECRET-机密-LINE\n" + PLAN)
        write(work / "src" / "plan.txt", PLAN)
        os.symlink(work / "outside" / "secret.txt", work / "src" / "link.txt")
        return ["batch", str(work / "src"), "-o", str(work / "out"), "--jobs", "1", "-q"]

    @case("lint_fifo", "lint DIR where DIR holds a named pipe pipe.txt", timeout=10)
    def _(work, cache):
        write(work / "dir" / "plan.txt", PLAN)
        os.mkfifo(work / "dir" / "pipe.txt")
        return ["lint", str(work / "dir")]

    @case("pdf_60000_pages", "parse a PDF of 60,000 pages", timeout=600)
    def _(work, cache):
        return ["parse", str(many_page_pdf(cache))]

    @case("term_start_9999", "parse a plan with 第20周 and --term-start 9999-12-31")
    def _(work, cache):
        write(work / "plan.txt", PLAN + "四、活动安排\n第20周进行期末考试。\n")
        return ["parse", str(work / "plan.txt"), "--term-start", "9999-12-31"]

    @case("config_year_abc", "lint with .planparse.toml `year = \"abc\"`")
    def _(work, cache):
        write(work / ".planparse.toml", '[lint]\nyear = "abc"\n')
        write(work / "plan.txt", PLAN.replace("2024年", ""))
        return ["lint", str(work / "plan.txt")]

    @case("config_year_0", "lint with .planparse.toml `year = 0`")
    def _(work, cache):
        write(work / ".planparse.toml", "[lint]\nyear = 0\n")
        write(work / "plan.txt", PLAN.replace("2024年", ""))
        return ["lint", str(work / "plan.txt")]

    for command, extra in (("parse", []), ("show", []), ("ics", ["--year", "2024"]), ("render", None),
                           ("draft", None)):
        def _setup(work, cache, command=command, extra=extra):
            plan = write(work / "plan.txt", PLAN)
            if command == "render":
                yaml_path = work / "plan.yaml"
                yaml_path.write_text(_parse_yaml(plan), "utf-8")
                return ["render", str(yaml_path), "-o", str(work / "missing" / "plan.docx")]
            if command == "draft":
                return ["draft", "--type", "union", "--year", "2025", "-o", str(work / "missing" / "plan.md")]
            return [command, str(plan), *extra, "-o", str(work / "missing" / f"out.{command}")]
        cases.append(Case(f"output_missing_folder_{command}", f"{command} -o missing/FILE", _setup))

    for label, text in (("warnings_5", "plans: []\nwarnings: 5\n"),
                        ("bad_date", "plans: [{activities: [{when: {text: a, start: 2024-13-01}}]}]\n"),
                        ("bad_line", "plans: [{activities: [{line: x, when: {text: a}}]}]\n"),
                        ("alias_bomb", _alias_bomb())):
        def _render(work, cache, text=text):
            return ["render", str(write(work / "bad.yaml", text))]
        cases.append(Case(f"render_shape_{label}", f"render YAML of the wrong shape ({label})", _render, timeout=30))

    # Dirty but readable
    @case("stray_ff_utf8", "parse a UTF-8 plan with one lone \\xff byte", observe=lambda w, p: warnings_note(p))
    def _(work, cache):
        data = PLAN.encode("utf-8")
        i = data.index("二、".encode())
        return ["parse", str(write(work / "plan.txt", data[:i] + b"\xff" + data[i:]))]

    @case("utf8_dash_in_gb18030", "parse a GB18030 plan with one UTF-8 dash (—)",
          observe=lambda w, p: warnings_note(p))
    def _(work, cache):
        head, tail = PLAN.split("二、主要工作\n", 1)
        data = head.encode("gb18030") + "二、主要工作".encode("gb18030") + "—".encode("utf-8") + b"\n" + \
            tail.encode("gb18030")
        return ["parse", str(write(work / "plan.txt", data))]

    @case("nul_after_4k", "parse a UTF-8 plan with a NUL byte after the first 4 KB", observe=nul_note)
    def _(work, cache):
        filler = "".join(f"（{i}）做好第{i}项常规工作，按时完成。\n" for i in range(1, 300))
        data = (PLAN + "四、其他\n" + filler).encode("utf-8")
        i = data.index("（200）".encode())
        return ["parse", str(write(work / "plan.txt", data[:i] + b"\x00" + data[i:]))]

    @case("text_named_docx", "parse a plain-text plan named plan.docx", observe=lambda w, p: warnings_note(p))
    def _(work, cache):
        return ["parse", str(write(work / "plan.docx", PLAN))]

    @case("text_named_pdf", "parse a plain-text plan named plan.pdf", observe=lambda w, p: warnings_note(p))
    def _(work, cache):
        return ["parse", str(write(work / "plan.pdf", PLAN))]

    @case("pypdf_warnings_q", "batch -q a folder with a PDF whose startxref is wrong",
          observe=lambda work, proc: _pdf_batch_note(work, proc))
    def _(work, cache):
        (work / "src").mkdir()
        bad_xref_pdf(work).rename(work / "src" / "plan.pdf")
        return ["batch", str(work / "src"), "-o", str(work / "out"), "-q", "--jobs", "1"]

    # Fixes that are safe
    @case("fix_hash_seed", "lint --fix --diff under 8 hash seeds; then --fix once (two fixes on one line)",
          observe=lambda work, proc: _fix_seeds(work))
    def _(work, cache):
        write(work / "draft.txt", FIX_DRAFT)
        return ["lint", str(work / "draft.txt"), "--fix", "--diff"]

    @case("fix_inline_numbering", "lint --fix on items sharing a line ((1)…(2)…, 1、(2)(3)(4))",
          observe=lambda work, proc: _inline_fix(work))
    def _(work, cache):
        write(work / "draft.txt", INLINE_DRAFT)
        return ["lint", str(work / "draft.txt"), "--fix"]

    # Outputs that round-trip and open right
    @case("render_roundtrip_issue", "parse → render → parse of 2、…7、 items, a heading's same-line items and a "
          "schedule with 10月 …一次", observe=lambda work, proc: _roundtrip_note(work, proc))
    def _(work, cache):
        write(work / "plan.txt", ROUNDTRIP_PLAN)
        (work / "plan.yaml").write_text(_parse_yaml(work / "plan.txt"), "utf-8")
        return ["render", str(work / "plan.yaml"), "-o", str(work / "plan.md")]

    @case("docx_page", "render the sample plan to .docx: page, heading styles, language",
          observe=lambda work, proc: _docx_look(work / "plan.docx"))
    def _(work, cache):
        (work / "plan.yaml").write_text(_parse_yaml(SAMPLE), "utf-8")
        return ["render", str(work / "plan.yaml"), "-o", str(work / "plan.docx")]

    @case("ics_dtstamp", "ics of the sample plan: DTSTAMP on every event",
          observe=lambda work, proc: _ics_note(proc.stdout))
    def _(work, cache):
        return ["ics", str(SAMPLE)]

    @case("ics_empty", "ics of a plan without dated activities", observe=lambda work, proc: _ics_note(proc.stdout))
    def _(work, cache):
        return ["ics", str(write(work / "plan.txt", "工会工作计划\n一、指导思想\n以……为指导。\n"))]

    @case("ics_reworded_uid", "ics before and after rewording one activity: UIDs kept",
          observe=lambda work, proc: _uids_kept(work))
    def _(work, cache):
        write(work / "a.txt", PLAN)
        write(work / "b.txt", PLAN.replace("举办教职工趣味运动会", "举行全体教职工趣味运动会"))
        return ["ics", str(work / "a.txt"), "-o", str(work / "a.ics")]

    @case("show_phone", "show the sample plan, measured at 390 px in headless Chromium",
          observe=lambda work, proc: _phone_note(work), timeout=300)
    def _(work, cache):
        return ["show", str(SAMPLE), "--year", "2024", "-o", str(work / "page.html")]

    @case("show_lang_en", "show --lang en", observe=lambda work, proc: "English outline: " + (
        "yes" if b"<h2>Outline</h2>" in proc.stdout else "no"))
    def _(work, cache):
        return ["show", str(SAMPLE), "--lang", "en"]

    @case("show_related_lines", "show a plan whose related-article list has '- ' markers: lines struck through",
          observe=lambda work, proc: f"struck-through lines: {len(re.findall(rb'class=.ln bp', proc.stdout))} of 3")
    def _(work, cache):
        return ["show", str(write(work / "plan.txt", PLAN + "相关文章：\n- 2024年学校工会工作计划范文（2024-01-05）\n"
                                                       "- 工会工作总结（2023-12-28）\n"))]

    @case("lint_colour", "lint with FORCE_COLOR=1 (a terminal that has colour)", env={"FORCE_COLOR": "1", "NO_COLOR": ""},
          observe=lambda work, proc: f"ANSI colour codes: {proc.stdout.count(bytes([27]))}")
    def _(work, cache):
        write(work / "d.txt", "2024年工会工作计划\n一、指导思想\n以……为指导。\n三、主要工作\n做好工作,提高素质。\n")
        return ["lint", str(work / "d.txt")]

    @case("lint_unreadable", "lint an unreadable file next to a clean one",
          observe=lambda work, proc: "stdout: " + " / ".join(proc.stdout.decode("utf-8", "replace").splitlines())[:110])
    def _(work, cache):
        write(work / "bad.txt", bytes(range(0x80, 0x100)) * 40 + b"\x01" * 500)
        return ["lint", str(work / "bad.txt")]

    @case("lint_github_escape", "lint --format github on a file named a,b:c.txt",
          observe=lambda work, proc: proc.stdout.decode("utf-8", "replace").splitlines()[0][:110]
          if proc.stdout else "")
    def _(work, cache):
        write(work / "a,b:c.txt", "2024年工会工作计划\n一、指导思想\n以……为指导,做好工作。\n")
        return ["lint", str(work / "a,b:c.txt"), "--format", "github"]

    @case("lint_one_error", "lint text output with one error: summary wording",
          observe=lambda work, proc: " / ".join(proc.stdout.decode("utf-8", "replace").splitlines())[:110])
    def _(work, cache):
        write(work / "d.txt", "2024年工会工作计划\n一、指导思想\n以……为指导。\n三、主要工作\n做好工作。\n")
        return ["lint", str(work / "d.txt"), "--ignore", "missing_section"]

    @case("draft_pdf_suffix", "draft -o plan.pdf", observe=exists_note("plan.pdf"))
    def _(work, cache):
        return ["draft", "--type", "union", "--year", "2025", "-o", str(work / "plan.pdf")]

    @case("draft_org_union", "draft --org 红星机械厂工会: title",
          observe=lambda work, proc: proc.stdout.decode("utf-8", "replace").splitlines()[0] if proc.stdout else "")
    def _(work, cache):
        return ["draft", "--type", "union", "--year", "2025", "--org", "红星机械厂工会"]

    @case("suggest_signoff", "suggest on corpus plan ua08 without its safeguards and sign-off: a sign-off as the example?",
          observe=lambda work, proc: _signoff_note(proc.stdout))
    def _(work, cache):
        from planparse.readers import read_file

        lines = read_file(CORPUS / "ua08.txt").text.split("\n")  # its safeguards items and sign-off left out
        plain = "\n".join(line for n, line in enumerate(lines, 1) if n not in (25, 27, 29, 30))
        return ["suggest", str(write(work / "plan.txt", plain)), "--format", "json"]

    @case("seed_activities_by_year", "activities in the seed without and with --year 2012",
          observe=lambda work, proc: _seed_counts(work))
    def _(work, cache):
        return ["--version"]

    @case("batch_sigint", "batch --jobs 2 on 462 files: SIGINT to the job 0.3, 0.6 … 3.0 s after the start",
          timeout=900, observe=lambda work, proc: _sigint_note(work))
    def _(work, cache):
        return ["--version"]

    return cases


ROUNDTRIP_PLAN = ("2024年社区工作计划\n一、指导思想\n以……为指导。\n二、主要工作\n2、做好宣传。\n7、做好服务。\n"
                  "八、9月开展社区文化周活动：1、广场舞展示；2、书画展览。\n九、活动安排\n九月：\n1、召开居民代表会议。\n"
                  "十月：\n1、10月组织一次消防演练。\n十一月：\n1、开展敬老活动。\n")
FIX_DRAFT = ("2024年工会工作计划\n一、指导思想\n以……为指导。\n二、主要工作\n"
             "1、加强学习学习,提高素质。\n3、开展活动,丰富生活。\n三、保障措施\n做好做好保障工作,确保落实。\n")
INLINE_DRAFT = ("2024年工会工作计划\n一、指导思想\n以……为指导。\n二、主要工作\n"
                "（1）加强学习。（3）开展活动。\n1、做好宣传。(2)组织培训。(3)开展比赛。(4)总结表彰。\n"
                "三、保障措施\n做好保障。\n")


def _alias_bomb() -> str:
    lines = ['a0: &a0 [{heading: "一、x", text: y}]']
    for i in range(1, 30):
        lines.append(f'a{i}: &a{i} [{{heading: "一、x", sections: *a{i - 1}}}, {{heading: "二、y", sections: *a{i - 1}}}]')
    lines.append("plans: [{title: t, sections: *a29}]")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- running


class Runner:
    def __init__(self, python: str, pythonpath: str | None) -> None:
        self.python, self.pythonpath = python, pythonpath

    def env(self, extra: dict | None = None) -> dict:
        env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
        env.pop("PYTHONHASHSEED", None)
        if self.pythonpath:
            env["PYTHONPATH"] = self.pythonpath
        env.update(extra or {})
        return env

    def argv(self, args: list[str]) -> list[str]:
        # as a terminal starts a command: Ctrl-C on, even if this script runs with SIGINT ignored
        code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                "sys.argv[0] = 'planparse'; from planparse.cli import main; main()")
        return [self.python, "-c", code, *args]

    def run(self, args: list[str], cwd: Path, timeout: float, stdin: bytes | None = None,
            env: dict | None = None) -> tuple[subprocess.CompletedProcess, float, float, bool]:
        """(completed process, seconds, peak MB, timed out)."""
        start = time.perf_counter()
        proc = subprocess.Popen(self.argv(args), cwd=cwd, env=self.env(env), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        out: list[bytes] = []
        err: list[bytes] = []
        import threading

        readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)
                   for s, b in ((proc.stdout, out), (proc.stderr, err))]
        for t in readers:
            t.start()
        if stdin:
            proc.stdin.write(stdin)  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]
        deadline = start + timeout
        timed_out = False
        status = None
        rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        for t in readers:
            t.join(5)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # stray workers
        except ProcessLookupError:
            pass
        done = subprocess.CompletedProcess(proc.args, proc.returncode, b"".join(out), b"".join(err))
        return done, seconds, rusage.ru_maxrss / 1024, timed_out


RUNNER: Runner


def _parse_yaml(path: Path) -> str:
    proc, *_ = RUNNER.run(["parse", str(path)], path.parent, 60)
    return proc.stdout.decode("utf-8")


def _errors(work: Path) -> str:
    path = work / "out" / "errors.jsonl"
    if not path.exists():
        return "no errors.jsonl"
    rows = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    return f"{len(rows)} failed: " + "; ".join(f"{r['path']}: {r['message']}" for r in rows)[:110]


def _fix_seeds(work: Path) -> str:
    diffs = set()
    for seed in range(8):
        proc, *_ = RUNNER.run(["lint", "draft.txt", "--fix", "--diff"], work, 60, env={"PYTHONHASHSEED": str(seed)})
        diffs.add(proc.stdout)
    fixed = work / "draft.txt"
    RUNNER.run(["lint", "draft.txt", "--fix"], work, 60, env={"PYTHONHASHSEED": "0"})
    once = fixed.read_bytes()
    RUNNER.run(["lint", "draft.txt", "--fix"], work, 60, env={"PYTHONHASHSEED": "0"})
    twice = fixed.read_bytes()
    return (f"{len(diffs)} different diffs over 8 seeds; a second --fix "
            f"{'changes the file again' if once != twice else 'changes nothing'}")


def _inline_fix(work: Path) -> str:
    text = (work / "draft.txt").read_text("utf-8")
    lines = text.splitlines()
    return "after --fix: " + " / ".join(lines[4:6])


def _roundtrip_note(work: Path, proc: subprocess.CompletedProcess) -> str:
    md = work / "plan.md"
    if not md.exists():
        return "no render"
    import yaml

    first = yaml.safe_load(_parse_yaml(work / "plan.txt"))
    back = yaml.safe_load(_parse_yaml(md))

    def count(data: dict, key: str) -> int:
        return sum(len(p[key]) for p in data["plans"])

    text = md.read_text("utf-8")
    return (f"activities {count(first, 'activities')} → {count(back, 'activities')}, recurring "
            f"{count(first, 'recurring')} → {count(back, 'recurring')}; 2、/7、 kept: "
            f"{'yes' if '2、做好宣传' in text and '7、做好服务' in text else 'no'}; same-line items kept: "
            f"{'yes' if '八、9月开展社区文化周活动：1、广场舞展示' in text else 'no'}")


def _phone_note(work: Path) -> str:
    page = work / "page.html"
    if not page.exists():
        return "no page"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import shutil

    from show_phone import measure

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        return "no chromium"
    m = measure(page.read_text("utf-8"), 390, browser)
    return (f"activity column {m['activity_column']} px; timeline labels cut {m['labels_cut']} of {m['labels']}; "
            f"page {m['page_width']} px wide")


def _docx_look(path: Path) -> str:
    if not path.exists():
        return "no .docx"
    with zipfile.ZipFile(path) as zf:
        doc = zf.read("word/document.xml").decode()
        styles = zf.read("word/styles.xml").decode()
    m = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', doc)
    page = "none"
    if m:
        w, h = int(m.group(1)) / 56.7, int(m.group(2)) / 56.7
        page = "A4" if abs(w - 210) < 2 and abs(h - 297) < 2 else ("Letter" if abs(w - 215.9) < 2 else f"{w:.0f}x{h:.0f} mm")
    headings = len(re.findall(r'<w:pStyle w:val="Heading\d"', doc))
    lang = re.search(r'<w:lang [^>]*w:eastAsia="([^"]+)"', styles)
    lang_val = re.search(r'<w:lang w:val="([^"]+)"', styles)
    table_fonts = set(re.findall(r'w:eastAsia="([^"]+)"', doc.split("<w:tbl>", 1)[1])) if "<w:tbl>" in doc else set()
    return (f"page {page}; {headings} paragraphs in Heading styles; lang {lang_val.group(1) if lang_val else '-'}"
            f"/{lang.group(1) if lang else '-'}; table fonts {','.join(sorted(table_fonts)) or 'none'}")


def _ics_note(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    events = text.count("BEGIN:VEVENT")
    stamps = text.count("DTSTAMP")
    return f"{events} events, {stamps} DTSTAMP, {len(data)} bytes written"


def _uids_kept(work: Path) -> str:
    RUNNER.run(["ics", "b.txt", "-o", "b.ics"], work, 60)
    uids = []
    for name in ("a.ics", "b.ics"):
        p = work / name
        uids.append(re.findall(r"^UID:(.+?)\r?$", p.read_text("utf-8"), re.M) if p.exists() else [])
    kept = len(set(uids[0]) & set(uids[1]))
    return f"{kept} of {len(uids[0])} UIDs kept after rewording one activity"


def _signoff_note(data: bytes) -> str:
    from planparse.cues import is_signoff

    try:
        plans = json.loads(data.decode("utf-8"))["plans"]
    except Exception:
        return "no JSON"
    examples = [m.get("example") or "" for p in plans for m in p["missing"]]
    sign = [e for e in examples if e and is_signoff(e)]
    return f"{len(examples)} examples; sign-off lines among them: {len(sign)}" + (f" ({sign[0][:30]})" if sign else "")


def _seed_counts(work: Path) -> str:
    seed = ROOT.parent / "shared" / "seeds" / "union-plans-compilation.txt"
    if not seed.exists():
        return "seed not found"
    counts = []
    for extra in ([], ["--year", "2012"], ["--year", "2024"]):
        proc, *_ = RUNNER.run(["parse", str(seed), "--format", "json", *extra], work, 120)
        data = json.loads(proc.stdout.decode("utf-8"))
        counts.append(sum(len(p["activities"]) for p in data["plans"]))
    return f"activities: {counts[0]} without --year, {counts[1]} with --year 2012, {counts[2]} with --year 2024"


def _sigint_note(work: Path) -> str:
    """SIGINT to the whole job at fixed times after the start; the exit codes, and runs that
    never ended (killed after 30 s)."""
    import shutil
    from collections import Counter

    src = work / "src"
    for copy in ("a", "b", "c"):  # about 450 files, so that every signal lands in the middle of a run
        (src / copy).mkdir(parents=True, exist_ok=True)
        for p in corpus_docs(1000):
            shutil.copy(p, src / copy / p.name)
    codes = []
    for k in range(10):
        out = work / f"out{k}"
        proc = subprocess.Popen(RUNNER.argv(["batch", str(src), "-o", str(out), "--jobs", "2"]), cwd=work,
                                env=RUNNER.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        time.sleep(0.3 * (k + 1))
        if proc.poll() is not None:
            codes.append("finished first")
            continue
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.communicate(timeout=30)
            codes.append(str(proc.returncode))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            codes.append("hung")
    return "exit codes: " + ", ".join(f"{c} ×{n}" for c, n in Counter(codes).most_common())


def _indexed(out: Path) -> int:
    import sqlite3

    if not (out / "index.sqlite").exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{out / 'index.sqlite'}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def run_case(case: Case, cache: Path) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"hostile-{case.name}-") as tmp:
        work = Path(tmp)
        args = case.setup(work, cache)
        proc, seconds, peak, timed_out = RUNNER.run(args, work, case.timeout, case.stdin, case.env)
        lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        message = lines[-1] if lines and "Traceback" in lines[0] else (lines[0] if lines else "")
        message = message.replace(str(work) + "/", "").replace(str(cache) + "/", "")
        if lines and lines[0].startswith("Traceback"):
            message = "traceback: " + message
        note = "" if timed_out else case.observe(work, proc)
        if timed_out:
            message = f"(no exit after {case.timeout:.0f} s; killed)"
        return Result(case.name, None if timed_out else proc.returncode, message[:140], round(seconds, 2),
                      round(peak, 1), note)


def table(before_path: Path, after_path: Path) -> str:
    before = {r["case"]: r for r in json.loads(before_path.read_text("utf-8"))}
    after = {r["case"]: r for r in json.loads(after_path.read_text("utf-8"))}
    whats = {c.name: c.what for c in _cases()}
    out = ["| case | | exit | message | time s | peak MB | observed |", "|---|---|---|---|---|---|---|"]

    def cell(text: str) -> str:
        return (text or "").replace("|", "\\|").replace("\n", " ")

    for name in whats:
        for label, rows in (("before", before), ("after", after)):
            r = rows.get(name)
            if r is None:
                continue
            first = f"{name}: {whats[name]}" if label == "before" or name not in before else ""
            out.append(f"| {cell(first)} | {label} | {r['exit'] if r['exit'] is not None else 'hang'} | "
                       f"{cell(r['message'])} | {r['seconds']} | {r['peak_mb']} | {cell(r['note'])} |")
    return "\n".join(out)


def main() -> None:
    global RUNNER
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--pythonpath", default=None)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "planparse-hostile")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--table", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.table:
        print(table(*args.table))
        return
    RUNNER = Runner(args.python, args.pythonpath)
    args.cache.mkdir(parents=True, exist_ok=True)
    results = []
    for case in _cases():
        if args.only and case.name not in args.only:
            continue
        r = run_case(case, args.cache)
        results.append(r)
        print(f"{r.case:<34} exit {r.exit!s:>4} {r.seconds:>7.2f} s {r.peak_mb:>8.1f} MB  {r.message[:70]}  "
              f"{r.note[:90]}", flush=True)
    if args.json:
        old = []
        if args.json.exists() and args.only:
            old = [r for r in json.loads(args.json.read_text("utf-8")) if r["case"] not in args.only]
        args.json.write_text(json.dumps(old + [asdict(r) for r in results], ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
