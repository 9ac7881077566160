"""The SPEC §1 mapping back into a document: Markdown, or a .docx with a Chinese office's styles.

Headings are numbered in the Chinese style by level (一、 （一） 1. （1）); a schedule whose
sub-sections are month headers becomes a table (one row per item, so each row keeps its date);
the title is the Markdown title (centred in .docx). Parsing the rendered document gives back the plans, headings, kinds and
activities of the mapping.

>>> md = to_markdown({"plans": [{"title": "2024年工会工作计划", "sections": [
...     {"title": "指导思想", "kind": "ideology", "text": "以……为指导。", "sections": []}]}]})
>>> print(md)
# 2024年工会工作计划
<BLANKLINE>
一、指导思想
<BLANKLINE>
以……为指导。
<BLANKLINE>
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Iterator

from planparse.dates import find_dates
from planparse.errors import ModelError
from planparse.headings import TIME_STYLES, detect_heading
from planparse.numerals import chinese_number

BODY_FONT, HEADING_FONTS, TITLE_FONT = "仿宋", ("黑体", "楷体", "仿宋", "仿宋"), "方正小标宋简体"


def number(level: int, n: int) -> str:
    """The numbering token of the n-th heading at ``level`` (1-based): 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the rendered document."""

    kind: str               # title | heading | paragraph | table | rule
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, str], ...] = ()


def blocks(data: dict[str, Any]) -> Iterator[Block]:
    """The document as a flat list of blocks, plan after plan."""
    for i, plan in enumerate(data.get("plans") or []):
        if plan.get("title"):
            yield Block("title", plan["title"])
        elif i:
            yield Block("rule")  # an untitled plan after another: a separator line keeps them apart
        yield from _sections(plan.get("sections") or [], 1)


def _sections(sections: list[dict[str, Any]], level: int) -> Iterator[Block]:
    n = 0
    for sec in sections:
        title = sec.get("title") or _strip_number(sec.get("heading"))
        month_rows = _month_rows(sec)
        if title:
            n += 1
            if sec.get("number") is None and _is_month(sec):
                yield Block("heading", f"{title}：", level)
            else:
                end = (sec.get("heading") or "")[-1:]
                yield Block("heading", f"{number(level, n)}{title}{end if end in _ENDS else ''}", level)
        for para in (sec.get("text") or "").split("\n"):
            if para.strip():
                yield Block("paragraph", para.strip())
        if month_rows and title:
            yield Block("table", rows=tuple(month_rows))
        else:  # under a heading, or (a run of items whose heading was lost) as if under one
            yield from _sections(sec.get("sections") or [], level + 1 if title or level > 1 else 2)


_ENDS = "。！？；：!?;:"


def _is_month(sec: dict[str, Any]) -> bool:
    h = detect_heading(sec.get("heading") or "")
    return h is not None and h.style in TIME_STYLES


def _month_rows(sec: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows (time, item) of a schedule whose sub-sections are month/week headers; else []."""
    subs = sec.get("sections") or []
    if sec.get("kind") != "schedule" or not subs or not all(_is_month(s) for s in subs):
        return []
    rows = []
    for s in subs:
        when = _month_name(s)
        items = [(c.get("title") or _strip_number(c.get("heading")) or c.get("text") or "") for c in s.get("sections") or []]
        items += [p for p in (s.get("text") or "").split("\n") if p.strip()]
        rows.extend(_row(when, item) for item in items if item)
        if not items:
            rows.append((when, ""))
    return rows


def _month_name(sec: dict[str, Any]) -> str:
    """A month header as a plain date ("十二份：" → "12月"); week and quarter headers as written."""
    h = detect_heading(sec.get("heading") or "")
    if h is not None and h.style == "month" and "旬" not in (h.title or ""):
        return f"{h.value}月"
    return sec.get("title") or sec.get("heading") or ""


def _row(when: str, item: str) -> tuple[str, str]:
    """An item that opens with its own date ("12月下旬举办……") keeps it in the time column."""
    own = find_dates(item)
    if own and own[0].offset == 0 and own[0].precision in ("day", "range", "xun", "week"):
        return own[0].text, item[len(own[0].text):].lstrip("，, ")
    return when, item


def _strip_number(heading: str | None) -> str | None:
    if not heading:
        return None
    h = detect_heading(heading)
    return (h.title or heading) if h else heading


def to_markdown(data: dict[str, Any]) -> str:
    """Markdown of a SPEC §1 mapping (headings numbered by level, schedules as tables)."""
    out: list[str] = []
    for b in blocks(data):
        if b.kind == "title":
            out += [f"# {b.text}", ""]
        elif b.kind == "heading" or b.kind == "paragraph":
            out += [b.text, ""]
        elif b.kind == "rule":
            out += ["---", ""]
        else:
            out += ["| 时间 | 安排 |", "| --- | --- |"] + [f"| {when} | {what} |" for when, what in b.rows] + [""]
    return "\n".join(out)


def to_docx(data: dict[str, Any]) -> bytes:
    """A .docx of a SPEC §1 mapping: 仿宋 body, 黑体/楷体 headings, centred title (fonts named, not embedded)."""
    try:
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ModelError("rendering .docx needs python-docx: pip install python-docx") from None

    def font(run, name: str, size: float, bold: bool = False) -> None:
        run.font.name = name
        run.font.size = Pt(size)
        run.font.bold = bold
        run._element.rPr.rFonts.set(qn("w:eastAsia"), name)

    d = docx.Document()
    for b in blocks(data):
        if b.kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(b.text), TITLE_FONT, 22)
        elif b.kind == "heading":
            p = d.add_paragraph()
            font(p.add_run(b.text), HEADING_FONTS[min(b.level, 4) - 1], 16, bold=b.level == 1)
        elif b.kind == "paragraph":
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            font(p.add_run(b.text), BODY_FONT, 16)
        elif b.kind == "rule":
            d.add_paragraph("---")
        else:
            table = d.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, ("时间", "安排")):
                cell.text = text
            for when, what in b.rows:
                row = table.add_row().cells
                row[0].text, row[1].text = when, what
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
