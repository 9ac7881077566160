"""Readers: encodings, line endings and formats are detected by content."""

from __future__ import annotations

import io
import zipfile

import pytest

from planparse.errors import EncodingError, FormatError, InputError
from planparse.readers import read_bytes, read_file

PLAN = "2024年工会工作计划\n一、指导思想\n以科学发展观为指导，团结广大职工。\n二、主要工作\n1、5月中旬举办职工运动会。\n"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", PLAN.encode("utf-8")),
    ("utf-8-sig", PLAN.replace("\n", "\r\n").encode("utf-8-sig")),
    ("gb18030", PLAN.encode("gb18030")),
    ("gb18030", PLAN.replace("\n", "\r\n").encode("gbk")),
    ("big5", "2024年工會工作計劃\n一、指導思想\n以科學發展觀為指導，團結廣大職工。\n".encode("big5")),
    ("utf-16", PLAN.encode("utf-16")),
])
def test_text_encodings_are_detected(encoding, data):
    src = read_bytes(data, "plan.txt")
    assert src.encoding == encoding
    assert src.format == "txt"
    assert "\r" not in src.text
    assert src.text.split("\n")[1] in ("一、指导思想", "一、指導思想")


def test_line_numbers_survive_crlf_and_bom():
    import planparse

    data = ("\n\n" + PLAN).replace("\n", "\r\n").encode("utf-8-sig")
    doc = planparse.parse_file  # noqa: F841 - API presence
    src = read_bytes(data, "x.txt")
    assert src.text.split("\n")[3] == "一、指导思想"


def _docx(paragraphs, table=None, numbered=()):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    for p in numbered:
        d.add_paragraph(p, style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_become_lines():
    data = _docx(["一、活动安排", "九月份："], table=[["周次", "日期", "内容"], ["第3周", "9月16日", "教研活动"]])
    src = read_bytes(data, "plan.docx")
    assert src.format == "docx" and src.encoding is None
    assert src.text.split("\n") == ["一、活动安排", "九月份：", "周次 | 日期 | 内容", "第3周 | 9月16日 | 教研活动"]


def test_docx_list_numbering_is_rendered():
    data = _docx([], numbered=["制定计划", "组织学习"])
    lines = read_bytes(data, "plan.docx").text.split("\n")
    assert lines == ["1.制定计划", "2.组织学习"]


def test_a_docx_renamed_doc_is_read_by_content(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(_docx(["一、指导思想"]))
    assert read_file(p).format == "docx"


def test_html_text_and_title():
    html = ("<html><head><meta charset='gbk'><title>工会工作计划</title><style>p{}</style></head>"
            "<body><p>一、指导思想</p><p>以科学发展观为指导。</p><script>var x=1;</script></body></html>")
    src = read_bytes(html.encode("gbk"), "plan.html")
    assert src.format == "html" and src.title == "工会工作计划"
    assert src.text.split("\n") == ["一、指导思想", "", "以科学发展观为指导。"]


def test_rtf_gbk_escapes_and_unicode():
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}}\f0 "
           r"\'d2\'bb\'a1\'a2\'d6\'b8\'b5\'bc\'cb\'bc\'cf\'eb\par \u24037?\u20250?\par}").encode("ascii")
    src = read_bytes(rtf, "plan.rtf")
    assert src.format == "rtf"
    assert src.text.split("\n") == ["一、指导思想", "工会"]


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (b"PK\x03\x04garbage", "corrupt zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "corrupt or truncated OLE"),
])
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message) as info:
        read_bytes(data, "bad.txt")
    assert "bad.txt" in str(info.value)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.txt")


def test_huge_text_is_refused_with_the_limit(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(("一、加强职工之家建设。" * 20 + "\n").encode("utf-8") * 40000)  # ~20 MB
    with pytest.raises(InputError, match="too large.*limit 4,000,000.*split the file"):
        read_file(p)


def test_zip_that_is_not_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(FormatError, match="not a Word .docx"):
        read_bytes(buf.getvalue(), "a.docx")


def test_undecodable_bytes_are_an_encoding_error():
    with pytest.raises(EncodingError):
        read_bytes(bytes(range(0x80, 0x100)) * 40 + b"\x01" * 500, "odd.txt")


def test_a_word_pages_table_keeps_each_row_on_its_line():
    """Word and LibreOffice write each cell's text in a paragraph ("<td><p>活动内容</p></td>"), laid
    out over lines: each row is still one line of cells joined by " | ", a cell's paragraphs a
    space apart, an empty cell kept in its place."""
    page = """<html><body><p>四、活动安排</p>
<table>
  <tr>
    <td><p>周次</p></td>
    <td><p>活动内容</p></td>
    <td><p>负责人</p></td>
  </tr>
  <tr>
    <td><p>1</p></td>
    <td><p>制订教研组计划</p><p>检查场地器材安全</p></td>
    <td></td>
  </tr>
</table><p>五、保障措施</p></body></html>""".encode("utf-8")
    lines = [ln for ln in read_bytes(page, "plan.html").text.split("\n") if ln]
    assert lines == ["四、活动安排", "周次 | 活动内容 | 负责人", "1 | 制订教研组计划 检查场地器材安全 |", "五、保障措施"]


def test_a_page_saved_as_text_with_its_character_references_reads_as_their_characters():
    """A scraped calendar whose text still writes "&mdash;" and "&ldquo;" (corpus rw1729): the dash makes a
    range of days and the quotes no item's end; a reference to a line break, or to nothing, stays as written."""
    data = "第一周\n(9月1日&mdash;5日)\n1.庆祝教师节&ldquo;为人、为师&rdquo;演讲会。\nR&D; &#10;\n".encode()
    lines = read_bytes(data, "week.txt").text.split("\n")
    assert lines[:4] == ["第一周", "(9月1日—5日)", "1.庆祝教师节“为人、为师”演讲会。", "R&D; &#10;"]
