"""Rules on dates: impossible dates, wrong weekdays, schedules that go backwards."""

from __future__ import annotations

import re
from typing import Iterator

from planparse.model import Section, When
from planparse.rules import Finding, Fix, LintContext, rule

_NEXT_YEAR = re.compile(r"次年|明年|来年|翌年|[～~]年")
_WEEKDAYS = "一二三四五六日"


@rule("invalid_date")
def invalid_date(ctx: LintContext) -> Iterator[Finding]:
    for mark in ctx.doc.marks:
        if mark.when is None:
            yield Finding(mark.line, mark.column + 1, {"text": mark.text})
        elif mark.shape == "month_typo":  # "十二份：" for 十二月份
            text = ctx.lines[mark.line - 1]
            at = mark.column + len(mark.text) - 1
            yield Finding(mark.line, mark.column + 1, {"text": mark.text}, Fix(mark.line, mark.line, (text[:at] + "月" + text[at:],)))


@rule("weekday_mismatch")
def weekday_mismatch(ctx: LintContext) -> Iterator[Finding]:
    for mark in ctx.doc.marks:
        w = mark.when
        if not isinstance(w, When) or w.weekday is None or w.start is None or w.start.weekday() == w.weekday:
            continue
        yield Finding(mark.line, mark.column + 1, {"date": f"{w.start.year}年{w.start.month}月{w.start.day}日",
                                                   "actual": "星期" + _WEEKDAYS[w.start.weekday()],
                                                   "written": "周" + _WEEKDAYS[w.weekday]})


@rule("schedule_out_of_order")
def schedule_out_of_order(ctx: LintContext) -> Iterator[Finding]:
    for plan in ctx.doc.plans:
        for sec in plan.sections:
            yield from _order(ctx, sec)


def _order(ctx: LintContext, sec: Section) -> Iterator[Finding]:
    headers = [c for c in sec.sections if c.heading is not None and c.heading.style == "month"]
    if len(headers) < 2:
        for c in sec.sections:
            yield from _order(ctx, c)
        return
    prev_month, prev_text, wrapped = 0, "", False
    for c in headers:
        h = c.heading
        assert h is not None
        month = h.value
        if _NEXT_YEAR.search(h.text):
            wrapped, prev_month, prev_text = True, month, h.text
            continue
        if prev_month and month < prev_month:
            school_year = not wrapped and prev_month >= 8 and month <= 2
            if not school_year:
                yield Finding(c.first, 1, {"found": h.title or h.text, "previous": prev_text})
                continue
            wrapped = True
        prev_month, prev_text = month, h.title or h.text

