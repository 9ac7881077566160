"""A :class:`Document` as a document again: Markdown, or a .docx with a Chinese office's styles.

Headings keep their numbering as written (一、 （一） 1. （1））, and a heading whose body
shared its line keeps it there; a schedule whose sub-sections are month headers becomes a
table (one row per item, so each row keeps its date); the title is the Markdown title
(centred in .docx). Parsing the rendered document gives back the plans, headings, kinds and
activities of the document. :func:`place` gives a document built in memory (a draft) the
lines of its own Markdown.

>>> from planparse.serialize import from_dict
>>> md = to_markdown(from_dict({"plans": [{"title": "2024年工会工作计划", "sections": [
...     {"heading": "一、指导思想", "kind": "ideology", "text": "以……为指导。", "sections": []}]}]}))
>>> print(md)
# 2024年工会工作计划
<BLANKLINE>
一、指导思想
<BLANKLINE>
以……为指导。
<BLANKLINE>
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from planparse.cues import is_signoff
from planparse.dates import find_dates
from planparse.headings import TIME_STYLES
from planparse.model import Document, Section, Source

_ENDS = "。！？；：!?;:"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the rendered document; ``owner`` is the path (plan, section indices) of the
    section it renders, () for a plan's title."""

    kind: str               # title | heading | paragraph | table | rule
    text: str = ""
    level: int = 0          # a heading's depth in the plan, 1 for a top-level section
    rows: tuple[tuple[str, str], ...] = ()
    owner: tuple[int, ...] = ()
    style: str = ""         # a heading's numbering style (cn, paren_cn, arabic …)


def blocks(doc: Document) -> Iterator[Block]:
    """The document as a flat list of blocks, plan after plan."""
    for i, plan in enumerate(doc.plans):
        if plan.title:
            yield Block("title", plan.title, owner=(i,))
            if plan.subtitle:  # the plan's own title under its compilation separator
                yield Block("paragraph", plan.subtitle, owner=(i,))
        elif i:
            yield Block("rule", owner=(i,))  # an untitled plan after another: a separator line keeps them apart
        sections, signoff = _split_signoff(plan.sections)
        yield from _sections(sections, 1, (i,))
        if plan.issued and not any(w.start == plan.issued for line in signoff for w in find_dates(line)):
            # the day the document bears, from a cover notice the rendering leaves out
            signoff.append(f"{plan.issued.year}年{plan.issued.month}月{plan.issued.day}日")
        for line in signoff:  # after a schedule's table, not in its last row
            yield Block("paragraph", line, owner=(i, len(sections) - 1))


def _split_signoff(sections: tuple[Section, ...]) -> tuple[tuple[Section, ...], list[str]]:
    """The plan's sections without the sign-off lines that end the last of them, and those lines."""
    if not sections:
        return sections, []
    last = sections[-1]
    if last.sections:
        subs, signoff = _split_signoff(last.sections)
        return sections[:-1] + (replace(last, sections=subs),), signoff
    paras = [p.strip() for p in last.text.split("\n") if p.strip()]
    n = len(paras)
    while n and is_signoff(paras[n - 1]):
        n -= 1
    if n == len(paras) or (n == 0 and last.heading is None):
        return sections, []
    return sections[:-1] + (replace(last, text="\n".join(paras[:n])),), paras[n:]


def _sections(sections: tuple[Section, ...], level: int, path: tuple[int, ...]) -> Iterator[Block]:
    for j, sec in enumerate(sections):
        here = (*path, j)
        h = sec.heading
        paras = [p.strip() for p in sec.text.split("\n") if p.strip()]
        rows = table_rows(sec)
        if h is not None:
            text = h.text
            if paras and text.endswith(tuple(_ENDS)) and h.style not in TIME_STYLES:
                text += paras.pop(0)  # "9、认真开展文体活动。要加强……": the body stays on its heading's line
            yield Block("heading", text, level, owner=here, style=h.style)
        for para in paras:
            yield Block("paragraph", para, owner=here)
        if rows and h is not None:
            yield Block("table", rows=tuple(rows), owner=here)
        else:
            yield from _sections(sec.sections, level + 1, here)


def table_rows(sec: Section) -> list[tuple[str, str]]:
    """Rows (time, item) of a schedule whose sub-sections are month/week headers, rendered as
    a table; else []."""
    subs = sec.sections
    if sec.heading is None or sec.kind != "schedule" or not subs or not all(
            s.heading and s.heading.style in TIME_STYLES for s in subs):
        return []
    rows = []
    for s in subs:
        when = _month_name(s)
        items = [_item(c) for c in s.sections] + [p for p in s.text.split("\n") if p.strip()]
        rows.extend((when, item) for item in items if item)  # an item's own date stays in its text
        if not items:
            rows.append((when, ""))
    return rows


def _item(sec: Section) -> str:
    """An item of a schedule as a table cell: its heading without its number, then its own text
    ("1、消防安全教育周：11月8日—12日开展……" → "消防安全教育周：11月8日—12日开展……")."""
    body = "".join(p.strip() for p in sec.text.split("\n") if p.strip())
    h = sec.heading
    if h is None:
        return body
    head = h.text
    if h.number and head.startswith(h.number):
        head = head[len(h.number):].lstrip("、.．,， \u3000")
    elif h.number and h.title and h.title in head:
        head = head[head.index(h.title):]
    return head + body


def _month_name(sec: Section) -> str:
    """A month header as a plain date ("十二份：" → "12月"); week and quarter headers as written,
    with their own dates ("第7周（10月14日—10月18日）")."""
    h = sec.heading
    assert h is not None
    if h.style == "month" and "旬" not in (h.title or ""):
        return f"{h.value}月"
    return h.text.rstrip("：: \u3000") or h.title or ""


def _markdown(block: Block) -> list[str]:
    if block.kind == "title":
        return [f"# {block.text}", ""]
    if block.kind == "rule":
        return ["---", ""]
    if block.kind == "table":
        return ["| 时间 | 安排 |", "| --- | --- |"] + [f"| {when} | {what} |" for when, what in block.rows] + [""]
    return [block.text, ""]


def to_markdown(doc: Document) -> str:
    """Markdown of a document (headings as written, schedules as tables)."""
    return "\n".join(line for b in blocks(doc) for line in _markdown(b))


def place(doc: Document, path: str = "<draft>") -> Document:
    """The document with its source and lines those of its own Markdown (for a document built
    in memory, such as a draft, whose YAML should say where each part stands)."""
    spans: dict[tuple[int, ...], list[int]] = {}
    out: list[str] = []
    for b in blocks(doc):
        lines = _markdown(b)
        first, last = len(out) + 1, len(out) + len(lines) - 1
        for k in range(1, len(b.owner) + 1):  # a section's lines run over its sub-sections' too
            span = spans.setdefault(b.owner[:k], [first, last])
            span[1] = last
        out += lines

    def sections(secs: tuple[Section, ...], at: tuple[int, ...]) -> tuple[Section, ...]:
        placed = []
        for j, s in enumerate(secs):
            a, b = spans.get((*at, j), (0, 0))
            placed.append(replace(s, first=a, last=b, sections=sections(s.sections, (*at, j))))
        return tuple(placed)

    plans = tuple(replace(p, first=spans.get((i,), (0, 0))[0], last=spans.get((i,), (0, 0))[1],
                          title_line=spans[(i,)][0] if p.title and (i,) in spans else None,
                          sections=sections(p.sections, (i,)))
                  for i, p in enumerate(doc.plans))
    return replace(doc, source=Source("\n".join(out), path, "md", "utf-8"), plans=plans)


def to_docx(doc: Document) -> bytes:
    """A .docx of a document in the layout of a Chinese official document (A4, GB/T 9704
    margins, Word heading styles, 仿宋 body, zh-CN); see :mod:`planparse.drafting.word`."""
    from planparse.drafting.word import to_docx as write

    return write(doc)
