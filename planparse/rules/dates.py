"""Rules on dates: impossible dates, wrong weekdays, schedules that go backwards."""

from __future__ import annotations

import re
from typing import Iterator

from planparse.dates import find_dates, find_invalid_dates
from planparse.model import Plan, Section
from planparse.rules import Finding, Fix, LintContext, rule
from planparse.rules.text import _content_lines

_MONTH_TYPO = re.compile(r"(?<![一二三四五六七八九十月])(十[一二]?|[一二三四五六七八九])份(?=\s*[：:])")
_WEEKDAYS = "一二三四五六日"
_NEXT_YEAR = re.compile(r"次年|明年|来年|翌年|[～~]年")


@rule("invalid_date")
def invalid_date(ctx: LintContext) -> Iterator[Finding]:
    for n, text in _content_lines(ctx):
        for bad, offset in find_invalid_dates(text):
            yield Finding(n, offset + 1, {"text": bad})
        for m in _MONTH_TYPO.finditer(text):
            fixed = text[:m.end(1)] + "月" + text[m.end(1):]
            yield Finding(n, m.start() + 1, {"text": m.group(0)}, Fix(n, n, (fixed,)))


def _plan_of(ctx: LintContext, line: int) -> Plan | None:
    return next((p for p in ctx.doc.plans if p.first <= line <= p.last), None)


@rule("weekday_mismatch")
def weekday_mismatch(ctx: LintContext) -> Iterator[Finding]:
    for n, text in _content_lines(ctx):
        plan = _plan_of(ctx, n)
        if plan is None or plan.year is None:
            continue
        for w in find_dates(text, plan.year):
            if w.weekday is None or w.start is None or w.start.weekday() == w.weekday:
                continue
            yield Finding(n, w.offset + 1, {"date": f"{w.start.year}年{w.start.month}月{w.start.day}日",
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

