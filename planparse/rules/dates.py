"""Rules on dates: impossible dates, wrong weekdays, schedules that go backwards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from planparse.headings import TIME_STYLES
from planparse.model import Line, Section, When
from planparse.numerals import cn_to_int
from planparse.regexes import regex
from planparse.rules import Finding, Fix, LintContext, rule

_NEXT_YEAR = regex(r"次年|明年|来年|翌年|[～~]年")
_WEEKDAYS = "一二三四五六日"


@rule("invalid_date")
def invalid_date(ctx: LintContext) -> Iterator[Finding]:
    for mark in ctx.doc.marks:
        if mark.when is None:
            yield Finding(mark.line, mark.column + 1, {"text": mark.text}, length=len(mark.text))
        elif mark.shape == "month_typo":  # "十二份：" for 十二月份
            text = ctx.lines[mark.line - 1]
            at = mark.column + len(mark.text) - 1
            yield Finding(mark.line, mark.column + 1, {"text": mark.text}, Fix(mark.line, mark.line, (text[:at] + "月" + text[at:],)), len(mark.text))


@rule("weekday_mismatch")
def weekday_mismatch(ctx: LintContext) -> Iterator[Finding]:
    for mark in ctx.doc.marks:
        w = mark.when
        if not isinstance(w, When) or w.weekday is None or w.start is None or w.start.weekday() == w.weekday:
            continue
        yield Finding(mark.line, mark.column + 1, {"date": f"{w.start.year}年{w.start.month}月{w.start.day}日",
                                                   "actual": "星期" + _WEEKDAYS[w.start.weekday()],
                                                   "written": "周" + _WEEKDAYS[w.weekday]}, length=len(mark.text))


@rule("schedule_out_of_order")
def schedule_out_of_order(ctx: LintContext) -> Iterator[Finding]:
    """A schedule's entries (month headers, and lines that open with their date) going
    backwards, where no year change explains it (a school year's 十二月 → 一月 does)."""
    for plan in ctx.doc.plans:
        for sec in plan.sections:
            yield from _order(sec)


def _order(sec: Section) -> Iterator[Finding]:
    months = sum(1 for c in sec.sections if c.heading is not None and c.heading.style == "month")
    if sec.kind != "schedule" and months < 2:
        for c in sec.sections:
            yield from _order(c)
        return
    prev: _Entry | None = None
    wrapped = False
    for entry in _entries(sec):
        if prev is not None and entry.year is not None and entry.year != prev.year:
            prev = None  # a year of its own: a new run
        if _NEXT_YEAR.search(entry.context):
            wrapped, prev = True, entry
            continue
        if prev is not None and entry.key < prev.key:
            if not wrapped and prev.key[0] >= 8 and entry.key[0] <= 2:
                wrapped = True  # a school year or a second half-year running into January
            else:
                yield Finding(entry.line, entry.column + 1, {"found": entry.text, "previous": prev.text},
                              length=len(entry.text))
        prev = entry


@dataclass(frozen=True, slots=True)
class _Entry:
    line: int
    column: int
    text: str
    key: tuple[int, int]  # (month, first day; 0 for a whole month)
    year: int | None
    context: str


_XUN = {"上旬": 1, "中旬": 11, "下旬": 21, "初": 1, "中": 11, "底": 21, "末": 21}  # a part of a month: its first day


def _entries(sec: Section) -> Iterator[_Entry]:
    """The dated entries of a schedule section, in the order written: each line of the
    section and its sub-sections that opens with a month or a day."""
    for ln in sec.body:
        entry = _leading_date(ln)
        if entry is not None:
            yield entry
    for c in sec.sections:
        yield from _entries(c)


def _leading_date(ln: Line) -> _Entry | None:
    start = _content_start(ln)
    for m in ln.dates:
        parts = dict(m.parts)
        if m.offset < start:
            continue
        lead = ln.text[start:m.offset]
        if lead.strip(_LEAD):
            return None  # words before it: a date in running text
        if "am" not in parts:
            if m.shape == "week":
                start = m.offset + len(m.text)  # "第一周（9月1日-9月5日）": the week's own dates
                continue
            return None
        month = cn_to_int(parts["am"]) if not parts["am"].isdigit() else int(parts["am"])
        if not month or not 1 <= month <= 12:
            return None
        day = parts.get("ad", "")
        first = int(day) if day.isdigit() else (cn_to_int(day) or 0) if day else _XUN.get(parts.get("x") or parts.get("ax") or "", 0)
        year = parts.get("ay")
        line, column = ln.source(m.offset)
        return _Entry(line, column, m.text, (month, first), int(year) if year and year.isdigit() else None,
                      ln.text[:m.offset + len(m.text) + 4])
    return None


_LEAD = " \t\u3000（(【[-*•·：:、"


def _content_start(ln: Line) -> int:
    """Where a line's text begins after its numbering token ("1、", "（二）")."""
    h = ln.heading
    if h is None or h.number is None or h.style in TIME_STYLES:
        return 0
    i = ln.text.find(h.number)
    return i + len(h.number) if i >= 0 else 0
