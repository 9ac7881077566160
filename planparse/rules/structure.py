"""Rules on the plan's structure: sections present, numbering, empty headings."""

from __future__ import annotations

import re
from typing import Iterator

from planparse.cues import states_ideology
from planparse.headings import ITEM_STYLES, NUMBERED_STYLES, TIME_STYLES, match_number, strip_marker
from planparse.numerals import chinese_number
from planparse.model import Heading, Section
from planparse.resources import plan_conventions, to_simplified
from planparse.rules import Finding, Fix, LintContext, rule

@rule("missing_section")
def missing_section(ctx: LintContext) -> Iterator[Finding]:
    names = plan_conventions()["kind_names"]
    evidence = plan_conventions().get("section_evidence") or {}
    for plan in ctx.doc.plans:
        kinds = {s.kind for s in plan.sections}
        titles = [to_simplified(s.heading.title or "") for s in plan.sections if s.heading is not None]
        kinds |= {kind for kind, pattern in evidence.items() if any(re.search(pattern, t) for t in titles)}
        opening = "".join((s.heading.text if s.heading else "") + s.text for s in plan.sections[:3])[:400]
        if states_ideology(opening):
            kinds.add("ideology")  # stated in so many words, whatever the classifier made of its section
        genre = next((g for pattern, g in plan_conventions()["title_genres"].items()
                      if plan.title and re.search(pattern, to_simplified(plan.title))), plan.type)
        needed = ctx.required.get(genre, ctx.required.get("default", []))
        for need in needed:
            options = need if isinstance(need, (list, tuple)) else [need]
            if not kinds & set(options):
                label = "或".join(names.get(k, k) for k in options)
                hint = f"{plan.title}，第{plan.first}行起" if plan.title else f"第{plan.first}行起的计划"
                yield Finding(None, None, {"kind": label, "hint": hint})


def _sibling_groups(sections: tuple[Section, ...]) -> Iterator[list[Section]]:
    """Runs of numbered sibling headings, at every level of the tree. A heading written in
    another style between two siblings whose numbers it continues (（二）, 3、, （四）) is
    one of them: the sections stage placed it beside them."""
    group: list[Section] = []
    for i, s in enumerate(sections):
        h = s.heading
        if h is None or h.style not in NUMBERED_STYLES:
            if group:
                yield group
            group = []
            continue
        if group and (h.style == group[0].heading.style  # type: ignore[union-attr]
                      or _between_siblings(group, h, sections[i + 1] if i + 1 < len(sections) else None)):
            group.append(s)
            continue
        if group:
            yield group
        group = [s]
    if group:
        yield group
    for s in sections:
        yield from _sibling_groups(s.sections)


def _between_siblings(group: list[Section], head: Heading, nxt: Section | None) -> bool:
    prev, after = group[-1].heading, nxt.heading if nxt is not None else None
    if prev is None or head.value != prev.value + 1:
        return False
    return nxt is None or (after is not None and after.style == group[0].heading.style  # type: ignore[union-attr]
                           and after.value == head.value + 1)


def _signature(head: Heading) -> tuple[tuple[str, str], str]:
    """How a heading's number is written: its style and its form with the number taken out
    ("1、" → ("arabic", "N、"), "（一）" → ("paren_cn", "（N）")), and the token as written.

    >>> from planparse.headings import detect_heading
    >>> _signature(detect_heading("（4）加强学生心理辅导"))
    (('paren_arabic', '（N）'), '（4）')
    """
    number = head.number or ""
    i = head.text.find(number)
    if i < 0:
        return (head.style, ""), number
    after = head.text[i + len(number):].lstrip(" \u3000")
    sep = after[0] if after and after[0] in "、.．，,:：" else ""
    return (head.style, re.sub(r"[0-9０-９一二三四五六七八九十①-⑳]+", "N", number) + sep), number + sep


@rule("numbering_gap")
def numbering_gap(ctx: LintContext) -> Iterator[Finding]:
    for plan in ctx.doc.plans:
        last: dict[str, int] = {}
        for group in _sibling_groups(plan.sections):
            style = group[0].heading.style  # type: ignore[union-attr]
            first = group[0].heading.value  # type: ignore[union-attr]
            continues = first == last.get(style, -1) + 1  # numbering carried on from the previous group
            prev = None if first == 1 or continues else 0
            # items run on one line ("1、……。(2)……(3)……" then "(4)……"): the numbers written
            # inside lines count as siblings, and no renumbering fix is offered around them
            before = _inline_values(_line(ctx, group[0].first - 1), style)
            inline = bool(before)
            if prev == 0 and before and _run_end(before, before[0] - 1) == first - 1:
                prev = None
            for i, s in enumerate(group):
                h = s.heading
                assert h is not None
                if prev is not None and h.value > prev + 1:
                    fix = None if inline else _renumber(ctx, group[i:], prev + 1)
                    yield Finding(s.first, _col(ctx, s.first, h.number), {
                        "expected": _token(h.number, prev) if prev else "开头", "found": h.number or ""},
                        fix, len(h.number or ""))
                    break
                own = _inline_values(_line(ctx, s.first), style)
                inline = inline or bool(own)
                prev = _run_end(own, h.value)
            last[style] = group[-1].heading.value  # type: ignore[union-attr]


_AFTER_CLAUSE = "。；;！？!?，,：:）) \u3000\t"


def _inline_values(text: str, style: str) -> list[int]:
    """Values of numbering tokens of ``style`` written inside ``text`` after a clause, not at its
    start ("（1）加强学习。（2）开展活动。" → [2] for paren_arabic)."""
    out = []
    for i in range(1, len(text)):
        if text[i - 1] in _AFTER_CLAUSE and text[i] not in _AFTER_CLAUSE:
            found = match_number(text[i:])
            if found and found[0] == style:
                out.append(found[2])
    return out


def _run_end(values: list[int], start: int) -> int:
    """The last number of the run start, start+1, … that ``values`` continue (``start`` if none)."""
    end = start
    for v in values:
        if v == end + 1:
            end = v
    return end


def _line(ctx: LintContext, line: int) -> str:
    return ctx.lines[line - 1] if 0 < line <= len(ctx.lines) else ""


@rule("numbering_duplicate")
def numbering_duplicate(ctx: LintContext) -> Iterator[Finding]:
    for plan in ctx.doc.plans:
        for group in _sibling_groups(plan.sections):
            for a, b in zip(group, group[1:]):
                if a.heading and b.heading and a.heading.value == b.heading.value:
                    yield Finding(b.first, _col(ctx, b.first, b.heading.number), {"found": b.heading.number or ""},
                                  length=len(b.heading.number or ""))


@rule("numbering_mixed")
def numbering_mixed(ctx: LintContext) -> Iterator[Finding]:
    for plan in ctx.doc.plans:
        for group in _sibling_groups(plan.sections):
            first = group[0].heading
            assert first is not None
            want, expected = _signature(first)
            for s in group[1:]:
                h = s.heading
                assert h is not None
                got, found = _signature(h)
                if got != want:
                    yield Finding(s.first, _col(ctx, s.first, h.number), {"found": found, "expected": expected},
                                  length=len(h.number or ""))
                    break


@rule("empty_section")
def empty_section(ctx: LintContext) -> Iterator[Finding]:
    for plan in ctx.doc.plans:
        yield from _empty(plan.sections)


def _empty(sections: tuple[Section, ...]) -> Iterator[Finding]:
    for s in sections:
        h = s.heading
        if h is not None and not s.text.strip() and not s.sections and not h.body:
            text = h.text.rstrip()
            sentence = text.endswith(("。", "；", ";", "！", "？")) or len(text) > 24
            title_like = (h.style not in ITEM_STYLES and not sentence) or text.endswith(("：", ":"))
            if title_like or h.style in TIME_STYLES:
                yield Finding(s.first, 1, {"heading": h.text})
        yield from _empty(s.sections)


def _col(ctx: LintContext, line: int, token: str | None) -> int:
    text = ctx.lines[line - 1] if 0 < line <= len(ctx.lines) else ""
    i = text.find(token) if token else -1
    return i + 1 if i >= 0 else 1


def _token(number: str | None, value: int) -> str:
    """``number`` written with another value, in its own numeral style."""
    if number is None:
        return str(value)
    if re.fullmatch(r"[①-⑳]", number):
        return chr(ord("①") + value - 1) if 1 <= value <= 20 else number
    if re.search(r"[一二三四五六七八九十]", number):
        return re.sub(r"[一二三四五六七八九十]+", chinese_number(value), number, count=1)
    return re.sub(r"[0-9０-９]+", str(value), number, count=1)


def _renumber(ctx: LintContext, siblings: list[Section], start: int) -> Fix | None:
    """Renumber ``siblings`` from ``start`` on, in their own numeral style (one fix over their lines)."""
    first, last = siblings[0].first, siblings[-1].first
    if len({s.first for s in siblings}) < len(siblings):
        return None  # two items on one line: not sure which token is whose
    lines = list(ctx.lines[first - 1:last])
    for k, s in enumerate(siblings):
        number = s.heading.number if s.heading else None
        text = lines[s.first - first]
        i = text.find(number) if number else -1
        if i < 0 or number is None or strip_marker(text[:i].lstrip() + "x") != "x":
            return None  # the number is not where the line starts
        lines[s.first - first] = text[:i] + _token(number, start + k) + text[i + len(number):]
    return Fix(first, last, tuple(lines))
