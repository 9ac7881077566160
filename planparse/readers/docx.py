"""Word .docx: paragraphs a line each (list numbering rendered as Word shows it), table rows
a line each with their cells joined by " | ". Its parts are unpacked with a bound on their
inflated size (:mod:`planparse.readers.bounded`)."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from planparse.errors import FormatError
from planparse.model import Source
from planparse.numerals import chinese_number
from planparse.readers.bounded import read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_NUM_FORMATS = {
    "decimal": lambda n: str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def read_docx(data: bytes, path: str) -> Source:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FormatError("corrupt zip container (truncated .docx?)", path) from None
    names = set(zf.namelist())
    if "word/document.xml" not in names:
        raise FormatError("a zip file but not a Word .docx (no word/document.xml)", path)
    numbering = _docx_numbering(read_member(zf, "word/numbering.xml", path)) if "word/numbering.xml" in names else {}
    styles = _docx_style_numbering(read_member(zf, "word/styles.xml", path)) if "word/styles.xml" in names else {}
    root = ElementTree.fromstring(read_member(zf, "word/document.xml", path))
    body = root.find(f"{W}body")
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for el in (body if body is not None else []):
        if el.tag == f"{W}p":
            lines.append(_docx_numbered(el, numbering, styles, counters) + _docx_text(el))
        elif el.tag == f"{W}tbl":
            for tr in el.iter(f"{W}tr"):
                cells = [" ".join(_docx_text(p) for p in tc.iter(f"{W}p")).strip()
                         for tc in tr.findall(f"{W}tc")]
                lines.append(" | ".join(cells))
    return Source(text="\n".join(lines), path=path, format="docx", encoding=None)


def _docx_text(p: ElementTree.Element) -> str:
    out = []
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
        elif node.tag == f"{W}delText":
            continue
    return "".join(out)


def _docx_numbering(xml: bytes) -> dict[str, dict[int, tuple[str, str, int]]]:
    """numId → level → (numFmt, lvlText, start) from numbering.xml."""
    root = ElementTree.fromstring(xml)
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for an in root.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in an.findall(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            txt = lvl.find(f"{W}lvlText")
            start = lvl.find(f"{W}start")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                txt.get(f"{W}val", "") if txt is not None else "",
                int(start.get(f"{W}val", "1")) if start is not None else 1,
            )
        abstract[an.get(f"{W}abstractNumId", "")] = levels
    nums = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            nums[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})
    return nums


def _num_pr(el: ElementTree.Element | None) -> tuple[str, int] | None:
    if el is None:
        return None
    num_id_el, ilvl_el = el.find(f"{W}numId"), el.find(f"{W}ilvl")
    if num_id_el is None:
        return None
    return num_id_el.get(f"{W}val", ""), int(ilvl_el.get(f"{W}val", "0")) if ilvl_el is not None else 0


_STYLE_BLOCK = re.compile(rb"<w:style\b(?:(?!</w:style>).)*?<w:numPr\b.*?</w:style>", re.S)


def _docx_style_numbering(xml: bytes) -> dict[str, tuple[str, int]]:
    """styleId → (numId, ilvl) for paragraph styles that carry list numbering.

    Only the few style blocks that hold a numPr are parsed: styles.xml is mostly other
    styles, and parsing all of it was most of the time spent reading a .docx.
    """
    out = {}
    ns = re.search(rb'xmlns:w="[^"]+"', xml)
    if ns is None:
        return out
    for block in _STYLE_BLOCK.findall(xml):
        st = ElementTree.fromstring(b"<r " + ns.group(0) + b">" + block + b"</r>").find(f"{W}style")
        found = _num_pr(st.find(f"{W}pPr/{W}numPr")) if st is not None else None
        if found and st is not None:
            out[st.get(f"{W}styleId", "")] = found
    return out


def _docx_numbered(p: ElementTree.Element, numbering: dict, styles: dict, counters: dict) -> str:
    """Render Word list numbering ("一、", "（1）") the way the reader sees it."""
    found = _num_pr(p.find(f"{W}pPr/{W}numPr"))
    if found is None:
        style = p.find(f"{W}pPr/{W}pStyle")
        found = styles.get(style.get(f"{W}val", "")) if style is not None else None
    if found is None or not numbering:
        return ""
    num_id, ilvl = found
    levels = numbering.get(num_id)
    if not levels or ilvl not in levels:
        return ""
    fmt, text, start = levels[ilvl]
    counters[(num_id, ilvl)] = counters.get((num_id, ilvl), start - 1) + 1
    for key in [k for k in counters if k[0] == num_id and k[1] > ilvl]:
        del counters[key]

    def render(m: re.Match) -> str:
        level = int(m.group(1)) - 1
        value = counters.get((num_id, level), levels.get(level, ("", "", 1))[2])
        lf = levels.get(level, ("decimal", "", 1))[0]
        if lf.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting", "japaneseCounting")):
            return chinese_number(value)
        if lf == "bullet":
            return ""
        return _NUM_FORMATS.get(lf, str)(value)

    if fmt == "bullet":
        return ""
    return re.sub(r"%(\d)", render, text)


