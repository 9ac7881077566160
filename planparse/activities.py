"""Stage ``activities``: dated activities and recurrences of every plan (SPEC §1, §3).

Dates come from the mentions recognised in each line, given days in the plan's year and
term (decided by the plans stage); a running schedule that goes back in months
(九月…十二月…一月) rolls into the next year. One activity per clause carrying a date;
coordinated dates ("五一和国庆期间") give one activity each; items under a month header
("九月份：") are dated by the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from planparse.dates import find_dates, placeholder_year, resolve
from planparse.dates.strategies import DIG, Context
from planparse.dates.vocab import words
from planparse.headings import TIME_STYLES, detect_heading, strip_marker
from planparse.model import Activity, Document, Line, Mark, ParseOptions, Plan, Recurring, Section, When, Warning_

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_CLAUSE = re.compile(r"[^，,：:]+[，,：:]*")
_COORD = re.compile(r"(?:^|[、和与及或/])[\s“”\"']*$")
_LEAD = re.compile(r"^(?:将于|拟于|定于|计划于|预计于|准备于|于|在|将在|从|自)\s*")
_WHO = re.compile(
    r"(?:负责人|责任人|负责部门|牵头部门|责任部门|主讲人?)\s*[:：]\s*(?P<a>[^\s，。；;,)）]{2,16})"
    r"|(?P<b>[\u4e00-\u9fff]{2,4}老师)(?:执教|主讲|负责|主持)"
    r"|由(?P<c>[^，。；;,]{2,14}?)(?:负责|牵头|组织实施|承办)")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}(?:老师|主任|组长|校长|书记|园长|院长|经理)?|[\u4e00-\u9fff]{2,8}(?:部|处|室|办|科|组|中心|委员会|工会)")


def extract_activities(doc: Document, options: ParseOptions) -> Document:
    """Stage ``activities``: every plan's activities, recurrences and date marks."""
    plans, warnings = [], list(doc.warnings)
    for plan in doc.plans:
        plan, found = plan_activities(plan, options)
        plans.append(plan)
        warnings.extend(found)
    return replace(doc, plans=tuple(plans), warnings=tuple(sorted(warnings, key=lambda w: w.line or 0)))


def plan_activities(plan: Plan, options: ParseOptions) -> tuple[Plan, list[Warning_]]:
    """Fill ``plan.activities``, ``plan.recurring`` and ``plan.marks``."""
    state = _State(plan.year, plan.term, options.term_start)
    for sec in plan.sections:
        _walk(sec, None, state, in_schedule=sec.kind == "schedule")
    return (replace(plan, activities=tuple(state.activities), recurring=tuple(state.recurring),
                    marks=_marks(plan, state)), _doubts(plan, options))


def _doubts(plan: Plan, options: ParseOptions) -> list[Warning_]:
    """What a reader should check: a month written 十二份 read as December, a placeholder year
    (20xx) that left dates to --year or without a year, a month header with no items."""
    out = []
    for ln in plan.lines:
        for m in ln.dates:
            line = ln.source_line(m.offset)
            if m.shape == "month_typo":
                out.append(Warning_(line, f"“{m.text}” read as “{m.text[:-1]}月份” (a month)"))
            ph = placeholder_year(m)
            if ph is not None:
                how = f"dated in {options.year} (--year)" if options.year is not None else "left without dates"
                out.append(Warning_(line, f"placeholder year “{ph}” in “{m.text}”: {how}"))
    out.extend(Warning_(s.first, f"month header “{s.heading.text}” has no items")  # type: ignore[union-attr]
               for s in _walk_sections(plan.sections)
               if s.heading is not None and s.heading.style == "month" and not s.sections
               and not s.heading.body and len(s.body) <= 1)
    return out


def _walk_sections(sections: tuple[Section, ...]):
    for s in sections:
        yield s
        yield from _walk_sections(s.sections)


def _marks(plan: Plan, state: _State) -> tuple[Mark, ...]:
    """Every time expression of the plan's lines, placed in the source: with its activity's
    days where it dates one (a schedule rolled into the next year), else in the plan's year."""
    ctx = Context(plan.year, plan.term, state.term_start)
    dated = {(a.line, a.when.text): a.when for a in state.activities}
    marks = []
    for ln in plan.lines:
        for m in ln.dates:
            line, column = ln.source(m.offset)
            when = dated.get((line, m.text)) or resolve(m, ctx)
            marks.append(Mark(line, column, m.text, when if isinstance(when, When) else None, m.shape))
        for r in ln.recurrences:
            marks.append(Mark(*ln.source(r.offset), r.text, r, "recurrence"))
    return tuple(marks)


@dataclass(slots=True)
class _State:
    year: int | None
    term: int | None
    term_start: date | None
    roll: int = 0
    last_month: int = 0
    activities: list[Activity] = field(default_factory=list)
    recurring: list[Recurring] = field(default_factory=list)

    def dates(self, text: str, ln: Line | None) -> list[When]:
        """The dates of ``text``, a part of line ``ln``, from the line's mentions (offsets in ``text``)."""
        year = self.year + self.roll if self.year is not None else None
        start = ln.text.find(text) if ln is not None else -1
        if start < 0:
            return find_dates(text, year, self.term, self.term_start)
        ctx = Context(year, self.term, self.term_start)
        end = start + len(text)
        found = []
        for m in ln.dates:
            if start <= m.offset and m.offset + len(m.text) <= end:
                w = resolve(m, ctx)
                if isinstance(w, When):
                    found.append(replace(w, offset=m.offset - start))
        return found

    def step(self, when: When, schedule: bool) -> When:
        """Roll a running schedule into the next year when its months go back."""
        month = _month_of(when)
        if not schedule or month is None or _has_own_year(when.text):
            return when
        if self.last_month and month < self.last_month and self.year is not None:
            self.roll += 1
            self.last_month = month
            return _shift(when, 1)
        self.last_month = max(self.last_month, month)
        return when


def _month_of(w: When) -> int | None:
    if w.precision in ("year", "half_year", "term", "week", "season") or w.start is None:
        return None
    return w.start.month


def _has_own_year(text: str) -> bool:
    return bool(re.search(rf"{DIG}{{4}}|[〇零一二三四五六七八九]{{4}}年", text)) or any(
        text.startswith(r) for r in words()["relative_years"])


def _shift(w: When, years: int) -> When:
    def move(d: date | None) -> date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + years)
        except ValueError:  # 29 February
            return d.replace(year=d.year + years, day=28)
    # festivals move with their calendar, so look them up again in the new year
    if w.precision == "festival" and w.start is not None:
        again = find_dates(w.text, w.start.year + years)
        if again:
            return replace(w, start=again[0].start, end=again[0].end)
    return replace(w, start=move(w.start), end=move(w.end))


def _walk(sec: Section, header: tuple[When, int] | None, state: _State, in_schedule: bool) -> None:
    heading = sec.heading
    schedule = in_schedule or sec.kind == "schedule"
    if heading is not None and heading.style in TIME_STYLES:
        found = state.dates(heading.text, sec.body[0] if sec.body else None)
        if found:
            header = (state.step(found[0], True), sec.first)
        if heading.body and header:
            _add(state, header[0], _clean(heading.body), header[1], sec)
        for ln in sec.body[1:]:
            _item(ln.text, ln, header, state, sec, schedule)
        for child in sec.sections:
            _item(child.body[0].text if child.body else child.text, child.body[0] if child.body else None,
                  header, state, child, schedule)
            _recur_lines(child, state)
        _recur_lines(sec, state, own_only=True)
        return
    lines = sec.body
    inherited = None
    for i, ln in enumerate(lines):
        text = ln.text if (i or heading is None) else strip_marker(ln.text)
        if header is not None and i == 0 and heading is not None:
            _item(text, ln, header, state, sec, schedule)
        else:
            first = _inline(text, ln, state, sec, schedule)
            if i == 0 and heading is not None and first is not None:
                inherited = first
        _recur(text, ln, state)
    for child in sec.sections:
        _walk(child, inherited or header, state, schedule)


def _item(text: str, ln: Line | None, header: tuple[When, int] | None, state: _State,
          sec: Section, schedule: bool) -> None:
    """An item under a dated header: its own precise date, or the header's."""
    if ln is None:
        return
    body = _strip_number(text)
    own = [w for w in state.dates(body, ln) if w.precision in ("day", "range", "xun") or
           (w.precision == "week" and w.start is not None)]
    if own or header is None:
        _inline(ln.text, ln, state, sec, schedule)
        return
    _add(state, header[0], _clean(_first_sentence(body)), header[1], sec)


def _inline(text: str, ln: Line, state: _State, sec: Section, schedule: bool) -> tuple[When, int] | None:
    """Activities of dated clauses anywhere in a line; returns the first date if it opens the line."""
    first: tuple[When, int] | None = None
    in_line = [w for w in state.dates(text, ln) if w.precision != "year"]
    if not in_line:
        return None
    if " | " in text:  # a table row is one activity, dated by its first date that has days
        w = next((w for w in in_line if w.start is not None), in_line[0])
        cells = [c.strip() for c in text.strip().strip("|").split(" | ")]
        content = " | ".join(c for c in cells if c and c != w.text)
        _add(state, state.step(w, schedule), content, ln.source_line(w.offset), sec, tuple(x.text for x in in_line))
        return None
    for sm in _SENTENCE.finditer(text):
        s0, s1 = sm.span()
        whens = [w for w in in_line if s0 <= w.offset < s1]
        if not whens:
            continue
        clauses = [(s0 + cm.start(), s0 + cm.end()) for cm in _CLAUSE.finditer(sm.group(0))]
        groups: list[tuple[int, list[When]]] = []  # clause index → dates that start activities there
        prev: When | None = None
        for w in whens:
            ci = next(i for i, (a, b) in enumerate(clauses) if a <= w.offset < b)
            if groups and groups[-1][0] == ci and prev is not None:
                between = text[prev.offset + len(prev.text):w.offset]
                if _COORD.search(between) and not _within(w, prev):
                    groups[-1][1].append(w)
                prev = w
                continue
            prev = w
            if any(_within(a, w) for _, ws in groups for a in ws):
                continue  # a coarser date after a finer one describes it ("5月份……春季运动会")
            groups.append((ci, [w]))
        groups = [(ci, _resolved_first(ws, whens, clauses[ci])) for ci, ws in groups]
        for gi, (ci, ws) in enumerate(groups):
            end_ci = groups[gi + 1][0] if gi + 1 < len(groups) else len(clauses)
            a, b = clauses[ci][0], clauses[end_ci - 1][1]
            clause = _clean(_strip_number(text[a:b]) if a == 0 else text[a:b])
            known = tuple(w.text for w in whens)
            for w in ws:
                line = ln.source_line(w.offset)
                w = state.step(w, schedule)
                _add(state, w, clause, line, sec, known)
                if first is None and a == 0 and _strip_number(text).startswith(w.text):
                    first = (w, line)
    return first


def _resolved_first(ws: list[When], whens: list[When], clause: tuple[int, int]) -> list[When]:
    """A clause dated by an expression without dates ("第3周 | 9月16日 | …") takes the first
    later date of the clause that has them."""
    if ws[0].start is not None or len(ws) > 1:
        return ws
    later = [w for w in whens if clause[0] <= w.offset < clause[1] and w.offset > ws[0].offset and w.start]
    return [later[0]] if later else ws


def _within(inner: When, outer: When) -> bool:
    """Does ``inner`` cover no day outside ``outer`` (both dated)?"""
    return bool(inner.start and outer.start and inner.end and outer.end
                and outer.start <= inner.start and inner.end <= outer.end)


def _recur(text: str, ln: Line, state: _State) -> None:
    start = max(ln.text.find(text), 0)
    found = [replace(r, offset=r.offset - start) for r in ln.recurrences if r.offset >= start]
    if not found:
        return
    for sm in _SENTENCE.finditer(text):
        for r in (r for r in found if sm.start() <= r.offset < sm.end()):
            at = r.offset - sm.start()
            clause = next((c.group(0) for c in _CLAUSE.finditer(sm.group(0)) if c.start() <= at < c.end()),
                          sm.group(0))
            state.recurring.append(Recurring(_clean(_strip_number(clause)), r, ln.source_line(r.offset)))


def _recur_lines(sec: Section, state: _State, own_only: bool = False) -> None:
    for ln in (sec.body[:1] if own_only else sec.body):
        _recur(ln.text, ln, state)


def _add(state: _State, when: When, text: str, line: int, sec: Section, known: tuple[str, ...] = ()) -> None:
    """Record an activity; ``known`` are the date words of its sentence, stripped from ``what``."""
    if not text:
        return
    state.activities.append(Activity(
        text=text, what=_what(text, when, known), when=when, who=_who(text),
        line=line, section=sec.heading.text if sec.heading else None))


def _who(text: str) -> str | None:
    """The responsible person or unit named in an activity ("负责人：工会办公室", "严海群老师执教",
    or the last cell of a table row "第3周 | 9月16日 | 教研活动 | 张老师")."""
    m = _WHO.search(text)
    if m:
        return next(g for g in m.groups() if g)
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) >= 3 and _PERSON.fullmatch(cells[-1]):
        return cells[-1]
    return None


def _what(text: str, when: When, known: tuple[str, ...]) -> str:
    """The activity without its date words: leading dates ("元旦春节期间走访……") and its own."""
    rest = _LEAD.sub("", text)
    dates = known or (when.text,)
    while True:
        lead = next((d for d in dates if rest.startswith(d)), None)
        if lead is None:
            break
        rest = _LEAD.sub("", re.sub(r"^[\s和、与及或，,]+", "", rest[len(lead):]))
    rest = _drop_first(rest, [p + when.text for p in ("将于", "于", "在")])
    return _clean(_strip_number(rest)) or text


def _drop_first(text: str, pieces: list[str]) -> str:
    """``text`` without the first of ``pieces`` to occur in it (at the leftmost place).

    >>> _drop_first("会议将于3月召开", ["将于3月", "于3月", "在3月"])
    '会议召开'
    """
    found = [(i, p) for p in pieces if (i := text.find(p)) >= 0]
    if not found:
        return text
    i, p = min(found)
    return text[:i] + text[i + len(p):]


def _strip_number(text: str) -> str:
    head = detect_heading(text)
    text = strip_marker(text.strip())
    if head is None or head.number is None:
        return text
    i = text.find(head.number)
    rest = text[i + len(head.number):] if i >= 0 else text
    return re.sub(r"^\s*[、，,.．:：]?\s*", "", rest)


def _first_sentence(text: str) -> str:
    m = _SENTENCE.match(text)
    return m.group(0) if m else text


def _clean(text: str) -> str:
    return text.strip().strip("，,。；;：:、 ").strip()
