"""Hostile and dirty input: bounded reads, regular files only, stray bytes repaired and
reported, misnamed files said to be so, and what the page or PDF layout tells of each line."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import main
from planparse.errors import EncodingError, FormatError, InputError
from planparse.readers import read_bytes, read_file

FIXTURES = Path(__file__).parent / "fixtures"
PLAN = "2024年工会工作计划\n一、指导思想\n以科学发展观为指导，团结广大职工。\n二、主要工作\n1、5月中旬举办职工运动会。\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# ---------------------------------------------------------------- bounded and safe


def docx_with(document: bytes, packed: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def lie_about_size(data: bytes, size: int = 100) -> bytes:
    """The zip with its (first) member's stated size changed in both headers."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = out.find(sig, out.find(b"word/document.xml") - 60 if sig == b"PK\x03\x04" else 0)
        i = out.find(sig)
        while i >= 0 and out[i + (30 if sig == b"PK\x03\x04" else 46):].find(b"word/document.xml") != 0:
            i = out.find(sig, i + 4)
        struct.pack_into("<I", out, i + offset, size)
    return bytes(out)


def test_docx_bomb_is_refused_naming_the_member():
    bomb = docx_with(b"<w:document>" + b" " * 5_000_000 + b"</w:document>")
    assert len(bomb) < 20_000
    with pytest.raises(FormatError, match=r"^bomb\.docx: word/document\.xml inflates to more than 1\.0 MB, over 200 "
                                          r"times its packed size: refused as a zip bomb$"):
        read_bytes(bomb, "bomb.docx")


def test_docx_member_whose_header_lies_is_refused_naming_the_member():
    honest = docx_with(b"<w:document>" + "一、指导思想".encode() * 300_000 + b"</w:document>")
    with pytest.raises(FormatError, match=r"^plan\.docx: word/document\.xml: corrupt member \(Bad CRC-32"):
        read_bytes(lie_about_size(honest), "plan.docx")


def test_a_real_docx_is_well_within_the_bounds():
    doc = next((Path(__file__).parent.parent / "corpus" / "docs").glob("*.docx"))
    assert read_file(doc).text


def test_named_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_file(fifo)
    (tmp_path / "real.txt").write_text(PLAN, "utf-8")
    r = run("lint", tmp_path)  # a folder: its regular files only
    assert r.exit_code == 0 and r.stdout == "no findings in 1 file\n" and r.stderr == ""
    r = run("lint", fifo)
    assert r.exit_code == 2 and r.stderr == f"Error: {fifo}: not a regular file (a pipe, socket or device); " \
                                            "give a file, or - for standard input\n"


def test_pdf_with_too_many_pages_is_refused_before_it_is_read(monkeypatch):
    import planparse.readers.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(InputError, match=r"PDF of 3 pages \(limit 2\); split it into its plans"):
        read_file(FIXTURES / "pdf" / "running-heads.pdf")


def test_pdf_text_past_the_limit_stops_at_that_page():
    with pytest.raises(InputError, match=r"text too large for one plan \(over 500 characters by page 2\)"):
        read_file(FIXTURES / "pdf" / "running-heads.pdf", max_chars=500)


@pytest.mark.parametrize("args,message", [
    (["parse", "{plan}", "--term-start", "9999-12-31"], "--term-start 9999-12-31 is out of range"),
    (["parse", "{plan}", "-o", "{tmp}/missing/out.yaml"], "cannot write: folder"),
    (["show", "{plan}", "-o", "{tmp}/missing/out.html"], "cannot write: folder"),
    (["ics", "{plan}", "-o", "{tmp}/missing/out.ics"], "cannot write: folder"),
    (["draft", "--type", "union", "--year", "2025", "-o", "{tmp}/missing/plan.md"], "cannot write: folder"),
    (["render", "{yaml}", "-o", "{tmp}/missing/plan.docx"], "cannot write: folder"),
    (["render", "{bad}"], "not a parsed plan: plans[1].activities[1].line is not a number ('x')"),
])
def test_bad_options_and_outputs_are_one_line_exit_2(tmp_path, args, message):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN + "三、活动安排\n第20周进行期末考试。\n", "utf-8")
    (tmp_path / "plan.yaml").write_text(run("parse", plan).stdout, "utf-8")
    (tmp_path / "bad.yaml").write_text("plans: [{activities: [{line: x, when: {text: a}}]}]\n", "utf-8")
    argv = [a.format(plan=plan, tmp=tmp_path, yaml=tmp_path / "plan.yaml", bad=tmp_path / "bad.yaml") for a in args]
    r = run(*argv)
    assert r.exit_code == 2, r.output
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ") and message in r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize("text,message", [
    ('year = "abc"', "year must be a year between 1900 and 2100, not 'abc'"),
    ("year = 0", "year must be a year between 1900 and 2100, not 0"),
])
def test_a_bad_year_in_the_configuration_is_one_line_exit_2(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".planparse.toml").write_text(f"[lint]\n{text}\n", "utf-8")
    (tmp_path / "plan.txt").write_text(PLAN.replace("2024年", ""), "utf-8")
    r = run("lint", "plan.txt")
    assert r.exit_code == 2 and r.stderr == f"Error: {tmp_path / '.planparse.toml'}: {message}\n"


def test_far_off_term_start_gives_no_dates_rather_than_a_crash():
    from datetime import date

    from planparse.model import ParseOptions

    doc = planparse.parse("2024年学校工作计划\n一、主要工作\n1、第20周期末考试。",
                          options=ParseOptions(term_start=date(9999, 12, 27)))
    weeks = [a.when for a in doc.plans[0].activities if a.when.precision == "week"]
    assert weeks and weeks[0].start is None


def test_render_refuses_yaml_aliases_at_once(tmp_path):
    lines = ['a0: &a0 [{heading: "一、x", text: y}]']
    lines += [f'a{i}: &a{i} [{{heading: "一、x", sections: *a{i - 1}}}, {{heading: "二、y", sections: *a{i - 1}}}]'
              for i in range(1, 40)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines + ["plans: [{title: t, sections: *a39}]"]) + "\n", "utf-8")
    r = run("render", bomb)
    assert r.exit_code == 2 and "YAML aliases (*name) are not allowed here" in r.stderr


# ---------------------------------------------------------------- dirty but readable


def test_a_stray_byte_in_utf8_is_replaced_and_reported():
    data = PLAN.encode("utf-8")
    at = data.index("二、".encode())
    src = read_bytes(data[:at] + b"\xff" + data[at:], "plan.txt")
    assert src.encoding == "utf-8"
    assert src.text.split("\n")[3] == "\ufffd二、主要工作"
    assert [(w.line, w.message) for w in src.warnings] == [
        (4, f"byte {at}: invalid utf-8 byte \\xff replaced by U+FFFD")]
    doc = planparse.parse_file  # the warning reaches the parsed document
    del doc


def test_a_utf8_dash_in_a_gb18030_file_is_read_as_utf8():
    head, tail = PLAN.split("二、主要工作\n", 1)
    data = (head + "二、主要工作").encode("gb18030") + "——".encode("utf-8") + b"\n" + tail.encode("gb18030")
    src = read_bytes(data, "plan.txt")
    assert src.encoding == "gb18030"
    assert src.text.split("\n")[3] == "二、主要工作——"
    assert [w.line for w in src.warnings] == [4, 4]
    assert "“—” in utf-8 inside gb18030 text, read as utf-8" in src.warnings[0].message


def test_a_gb18030_word_in_a_utf8_file_is_read_as_gb18030():
    data = PLAN.encode("utf-8").replace("运动会".encode(), "运动会".encode("gb18030"))
    src = read_bytes(data, "plan.txt")
    assert src.encoding == "utf-8" and "职工运动会" in src.text
    assert len(src.warnings) == 3 and all(w.line == 5 for w in src.warnings)


def test_bytes_that_are_mostly_not_text_are_still_refused():
    with pytest.raises(EncodingError, match="not text"):
        read_bytes(PLAN.encode("utf-8")[:40] + bytes(range(0x80, 0x100)) * 20, "odd.txt")


def test_nul_bytes_after_the_first_4k_are_dropped_with_a_warning():
    filler = "".join(f"（{i}）做好第{i}项常规工作，按时完成。\n" for i in range(1, 300))
    data = (PLAN + filler).encode("utf-8")
    at = data.index("（200）".encode())
    src = read_bytes(data[:at] + b"\x00\x00" + data[at:], "plan.txt")
    assert "\x00" not in src.text
    line = src.text.split("\n").index("（200）做好第200项常规工作，按时完成。") + 1
    assert [(w.line, w.message) for w in src.warnings] == [(line, f"dropped 2 NUL bytes (the first at byte {at})")]
    r = run("parse", "-", input=data[:at] + b"\x00" + data[at:])
    assert "\\0" not in r.stdout and f"dropped a NUL byte at byte {at}" in r.stdout


@pytest.mark.parametrize("name,holds", [("plan.docx", "plain text"), ("plan.pdf", "plain text"),
                                        ("plan.html", "plain text")])
def test_a_text_file_with_another_formats_name_says_so(tmp_path, name, holds):
    p = tmp_path / name
    p.write_text(PLAN, "utf-8")
    r = run("parse", p)
    assert r.exit_code == 0
    assert "format: txt" in r.stdout
    ext = name.rsplit(".", 1)[1]
    assert f"message: named .{ext} but holds {holds} (read as that)" in r.stdout


def test_pdf_library_warnings_go_into_the_documents_warnings(tmp_path, capfd):
    data = (FIXTURES / "pdf" / "sample-plan.pdf").read_bytes()
    m = list(re.finditer(rb"startxref\s+(\d+)", data))[-1]
    bad = data[:m.start(1)] + str(int(m.group(1)) + 7).encode() + data[m.end(1):]
    src = read_bytes(bad, "plan.pdf")
    assert any(w.message.startswith("PDF: incorrect startxref pointer") for w in src.warnings)
    assert capfd.readouterr().err == ""
    doc = planparse.parse_file  # parse keeps them
    del doc


# ---------------------------------------------------------------- what the layout says


def test_html_lines_carry_the_block_that_held_them():
    src = read_file(FIXTURES / "html" / "chrome-page.html")
    lines = src.text.split("\n")
    assert len(src.hints) == len(lines)
    hint = dict(zip(lines, src.hints))
    assert hint["范文网"] == "header"
    assert hint["工作总结"] == "nav"                              # a menu inside the header: its own kind
    assert hint["网站首页 | 登录"] == "nav"
    assert hint["当前位置：首页 > 工作计划 > 工会工作计划"] == "nav"  # class="breadcrumb"
    assert hint["2024年学校工会工作计划"] == "title"              # the <h1>, in the article's own <header>
    assert hint["时间：2024-02-20 作者：佚名"] == ""
    assert hint["一、指导思想"] == "" and hint["9月 | 教师节表彰"] == ""
    assert hint["2、5月中旬举办教职工趣味运动会，详见运动会通知。"] == ""  # a link inside a sentence
    assert hint["上一页 1 2 下一页"] == "aside"                    # class="pages"
    assert hint["分享到：微信 微博"] == "aside"                    # class="share-box"
    assert hint["学校工会工作总结"] == "aside"                      # <aside>
    assert hint["党支部工作计划 2024-01-05"] == "aside"            # class="relate"
    assert hint["幼儿园工作计划 2024-01-05"] == "links"            # an item of a list of links
    assert hint["Copyright © 2024 范文网 版权所有"] == "footer"
    assert hint["京ICP备12345678号"] == "footer"
    assert src.title == "2024年学校工会工作计划_工作计划_范文网"


def test_html_hints_are_empty_on_plain_pages():
    src = read_bytes("<html><body><p>一、指导思想</p><p>以……为指导。</p></body></html>".encode(), "p.html")
    assert set(src.hints) == {""} and len(src.hints) == len(src.text.split("\n"))


def test_pdf_pages_mark_their_first_and_last_lines():
    src = read_file(FIXTURES / "pdf" / "running-heads.pdf")
    lines = src.text.split("\n")
    assert len(src.hints) == len(lines)
    tops = [ln for ln, h in zip(lines, src.hints) if h == "page-top"]
    bottoms = [ln for ln, h in zip(lines, src.hints) if h == "page-bottom"]
    assert tops == ["春晖小学工会文件"] * 3                 # the running header repeats, a line on each page
    assert bottoms == ["- 1 -", "- 2 -", "- 3 -"]
    assert lines.count("春晖小学工会文件") == 3
