"""Stage ``activities``: the dated items of every plan, its recurrences and date marks (SPEC §1, §3).

An activity is a dated item — a numbered item, a line, a table row, a field block
(活动时间/活动地点/活动内容…) or a sentence dated in running text — and its ``text`` is the
whole item. Under a schedule's date (a month header "九月份：", a "九月：" label, a week row)
every item is an activity dated by the header, through all the lines of its items, unless
it names its own date (a day, a festival, a week with its dates), which wins. Items on one
line ("九月：A；B；C", "1、A。2、B。") are split at ；/。 and at their numbers; a clause that
opens with its own date starts an activity of its own. Dates are the line mentions given
days in the plan's year and term (decided by the plans stage): in a term plan months fall
in the term, and a running schedule rolls into the next year only where it wraps from late
to early months. Background dates — the plan's own period ("2024年下半年，……"), dates
before the plan's year, a sign-off's date — make no activity.

>>> from planparse import parse
>>> doc = parse("四、安排\\n九月：开学典礼；教师节表彰；新生入学教育。\\n", year=2024)
>>> [(a.when.text, a.what) for a in doc.plans[0].activities]
[('九月', '开学典礼'), ('教师节', '表彰'), ('九月', '新生入学教育')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from planparse.cues import CJK, DOCUMENT_DATE, FIELD, body_kind, is_attachment, is_time_field
from planparse.dates import Context, find_dates, placeholder_year, resolve, xun_in_month
from planparse.headings import TIME_STYLES, match_number, strip_marker
from planparse.model import Activity, Document, Line, Mark, Mention, ParseOptions, Plan, Recurring, Section, When
from planparse.model import Warning_
from planparse.plans import spans_school_year
from planparse.regexes import regex
from planparse.resources import heading_patterns, to_simplified

_SEGMENT = regex(r"[^。！？!?；;]+[。！？!?；;]*")
_CLAUSE = regex(r"[^，,：:]+[，,：:]*")
_COORD = regex(r"(?:^|[、和与及或/])[\s“”\"'《》「」]*$")
_AND = regex(r"[、和与及或/]")
_LEAD = regex(r"^(?:将于|拟于|定于|计划于|预计于|准备于|于|在|将在|从|自|结合|利用|借助)\s*")
_ITEM_NUMBER = regex(r"(?:(?<=[。；;！!？?，,\s])|^)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|[①-⑳])[、.．](?![0-9])")
_HEADER_REST = regex(r"^(?:份)?(?P<theme>主题|重点|工作)?\s*(?:[：:，,、]\s*|\s+|$)")
_LABEL = regex(r"[：:]\s*$")
_LABEL_END = regex(r"[：:]\s*[,，]+")
_FESTIVAL_DAY = regex(r"\s*[”\"」』]?\s*(?:节|節)?\s*(?:当天|當天|前|后|後|期间|期間|之际|之際|来临|來臨|到来|到來|假期|上午|下午|晚|早|中午"
                      r"|[0-9０-９]|[（(：:，,、]|和|与|與|及|春节|春節|国庆|國慶|中秋|元宵|端午|除夕)")  # the day itself, or with
# another festival's ("元旦春节期间")
_YEAR_LABEL = regex(r"(?:(?<=[。；;！!？?\s])|^)\s*(?P<year>(?:19|20)[0-9]{2})\s*年度?\s*[：:]")  # a year's part of a plan of years
_COMMA_MONTH = regex(r"(?<=[,，])(?:十[一二]?|[一二三四五六七八九元])月(?=[,，])")
_BASELINE = regex(r"(?:较|比)\s*$")  # "较年初净增2.1亿元": a figure's baseline, no date of the plan
_NOTE = regex(r"[（(][^（()）]*[)）]")  # "（2024年1月26日……会议通过）" (not "(二)5月……(责任单位:……)")
_CLOSING_NOTE = regex(r"[（(][^（()）]*[)）]\s*[：:]?\s*$")  # "……阶段（2024年3月1日--3月20日）"
_REMARK = regex(r"[（(][^（()）]*[)）][。；;]*")
_SPACE = regex(r"\s+")
_WHO = regex(
    r"(?:负责人|责任人|负责部门|牵头部门|责任部门|主讲人?)\s*[:：]\s*(?P<a>[^\s，。；;,)）]{2,16})"
    r"|(?P<b>[\u4e00-\u9fff]{2,4}老师)(?:执教|主讲|负责|主持)"
    r"|由(?P<c>[^，。；;,]{2,14}?)(?:负责|牵头|组织实施|承办)")
_PERSON = regex(r"[\u4e00-\u9fff]{2,4}(?:老师|主任|组长|校长|书记|园长|院长|经理|姑娘|藥劑師|药剂师)?"
                     r"|[\u4e00-\u9fff]{2,8}(?:部|处|室|办|科|组|中心|委员会|工会)")

HEADER_SHAPES = frozenset({"month", "month_typo", "week", "quarter", "xun"})
# what an item under a header names as its own date (期末, 寒假, 春季 are part of its name)
OWN_PRECISIONS = frozenset({"day", "range", "xun", "festival", "week", "month"})
NAME_PRECISIONS = frozenset({"season", "term"})  # 春季, 暑期, 期末: words an activity's name may carry
PERIOD_PRECISIONS = frozenset({"year", "half_year", "season", "term"})  # with a written year: the plan's own period


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
    state = _State(plan, Context(plan.year, plan.term, plan.term_start, plan.issued, plan.week))
    header = None
    for sec in plan.sections:  # a header goes on only into headingless text after it
        if sec.heading is not None and sec.body and is_attachment(sec.body[0].simple):  # its heading's line
            state.roll = state.last_month = 0  # "附：……週表（四月）": a table with its own months
        header = _walk(sec, header if sec.heading is None else None, state, sec.kind == "schedule")
    return (replace(plan, activities=tuple(state.activities), recurring=tuple(state.recurring),
                    marks=_marks(plan, state)), _doubts(plan, options))


# ---------------------------------------------------------------- dates in the plan's context


@dataclass(frozen=True, slots=True)
class _Header:
    when: When
    line: int


@dataclass(slots=True)
class _State:
    plan: Plan
    ctx: Context
    roll: int = 0
    last_month: int = 0
    labelled: int | None = None  # the year a label in the line sets for what follows it ("2012年：……")
    activities: list[Activity] = field(default_factory=list)
    recurring: list[Recurring] = field(default_factory=list)

    def when(self, ln: Line, m: Mention, schedule: bool | str, after: When | None = None) -> When | None:
        """A mention's days in the plan: placed in the term, or rolled with a running schedule;
        ``after``, a day of the same sentence that gives its year, gives it to a later day or month
        ("2025年7月1日暑假开始，8月31日暑假结束")."""
        w = resolve(m, self.ctx)
        if not isinstance(w, When):
            return None
        if _own_year(m) or w.start is None or w.precision in ("year", "term") or m.shape in ("school_year", "weekday"):
            return w
        if after is not None and after.start is not None and w.precision in ("day", "range", "xun", "month") \
                and w.start.month >= after.start.month:
            return _shift(w, after.start.year - w.start.year)
        if self.labelled is not None:
            return _shift(w, self.labelled - w.start.year)  # "2012年：……春季新种青梅" in a plan of 2011–2013
        month = w.start.month
        if self.plan.term == 1 or self.plan.term is None and spans_school_year(self.plan.title):
            return _shift(w, 1) if month <= 7 else w  # first term or school year: January–July are next year's
        if self.plan.term == 2:
            return w
        if schedule == "running":  # a header or a table row: the schedule's own sequence
            if self.last_month >= 8 and month <= 4:
                self.roll += 1  # it wraps from late to early months (九月…十二月…一月)
            self.last_month = month
        elif not schedule:
            return w  # prose: a month out of order never rolls the year
        return _shift(w, self.roll) if self.roll else w

    def background(self, w: When, m: Mention) -> bool:
        """A date that is no activity of the plan: its own period, or a day before the year the
        text gives it (not --year's, which only dates what has no year of its own)."""
        own = any(k in ("ay", "ly") for k, _ in m.parts)
        if m.shape == "school_year" or (own and w.precision in PERIOD_PRECISIONS):
            return True
        if self.plan.year is None or self.plan.year_given or w.end is None:
            return False
        first = date(self.plan.year, 8, 1) if self.plan.term == 1 else date(self.plan.year, 1, 1)
        return w.end < first


def _own_year(m: Mention) -> bool:
    return any(k in ("ay", "ar", "ae", "ly", "a.ay", "a.ar", "from") for k, _ in m.parts)


def _shift(w: When, years: int) -> When:
    def move(d: date | None) -> date | None:
        if d is None:
            return None
        try:
            return d.replace(year=d.year + years)
        except ValueError:  # 29 February
            return d.replace(year=d.year + years, day=28)
    if w.precision == "festival" and w.start is not None:  # festivals move with their calendar

        again = find_dates(w.text, w.start.year + years)
        if again:
            return replace(w, start=again[0].start, end=again[0].end)
    return replace(w, start=move(w.start), end=move(w.end))


# ---------------------------------------------------------------- walking the plan


def _walk(sec: Section, header: _Header | None, state: _State, schedule: bool) -> _Header | None:
    """The activities of a section; returns the header in force at its end, which goes on
    to the sections after it ("二月主题：" then its numbered items, then "三月主题：" …)."""
    schedule = schedule or sec.kind == "schedule"
    lines = list(sec.body)
    blocks = _field_blocks(sec)
    block = blocks[0][0] if blocks else None  # (the lines of a field block make no other activity)
    for time_line, own in blocks:
        _field_activity(sec, time_line, own, state, schedule)
    dated = _dated_heading(sec, state, schedule)
    if dated is not None:
        header, lines = dated, lines[1:]
    theme_below = False  # "二月主题：" alone on its line: the line under it is the theme, no item
    days, week = None, state.ctx
    for i, ln in enumerate(lines):
        if ln is days:
            continue
        if ln.role == "signoff" or ln.role == "title" or not ln.dates and header is not None and body_kind(ln.simple) == "closing":
            continue  # (closing words under the last month's header are the plan's: "以上安排如有变动，另行通知。")
        start = 0
        if i == 0 and sec.heading is not None and block is not None:
            continue  # the block's heading is part of its one activity
        if theme_below and ln.heading is None and not ln.dates:
            theme_below = False
            continue
        found = _header_of(ln, state, schedule or header is not None)
        theme_below = False
        if found is not None:
            header, start, theme = found
            if (dated_week := _week_days(header, lines[i + 1:i + 2], state)) is not None:
                header, days = dated_week, lines[i + 1]
            if theme:
                theme_below = not ln.text[start:].strip()
                continue
        if block is not None:
            continue
        header = _line(ln, start, header, state, sec, schedule)
        _recur(ln, start, state)
    inherited = (_opening_date(sec, state, schedule) if header is None else None) or header
    own = header  # the header in force at the end of the section's own lines
    for child in sec.sections:
        if dated is not None and not child.sections and not _dates_own(child, state):
            _add(state, dated.when, _clean(_strip_number(" ".join(ln.text.strip() for ln in child.body))), dated.line, child)
            continue  # "1、学习动员，统一思想。支部召开……": an item under its stage's date, one activity however long
        got = _walk(child, None if dated is not None else inherited, state, schedule)  # (an item's own date wins)
        if got is not inherited:  # a header line in the child goes on to the sections after it
            inherited = header = got
            if child.heading is not None and child.heading.style in TIME_STYLES:
                header = own  # but a dated heading's section ("8月中旬：") ends with the section above it
    state.ctx = week  # (a week's days date its weekdays only under it)
    return header


def _week_days(header: _Header, below: list[Line], state: _State) -> _Header | None:
    """A week's header over a line of nothing but its days ("第一周" over "(9月1日—5日)",
    "第十二周" over "11.10-11.16"): the week is those days, and a weekday under it
    ("（星期三下午）") is that week's day."""
    if header.when.precision != "week" or not below or len(below[0].dates) != 1:
        return None
    ln, m = below[0], below[0].dates[0]
    if ln.text.strip(" \t\u3000()（）") != m.text:
        return None
    w = state.when(ln, m, "running")
    if w is None or w.start is None or w.end is None or not 0 <= (w.end - w.start).days < 7:
        return None
    state.ctx = replace(state.ctx, week=w.start - timedelta(days=w.start.weekday()))
    return _Header(replace(w, precision="week"), ln.source_line(m.offset))


def _opening_date(sec: Section, state: _State, schedule: bool) -> _Header | None:
    """An item that opens with its date ("5、5月份（1）……（2）……") dates its sub-items."""
    if sec.heading is None or not sec.body or not sec.sections:
        return None
    ln = sec.body[0]
    if not ln.dates:
        return None
    m = ln.dates[0]
    if _LEAD.sub("", _strip_number(ln.text[:m.offset] + "。")).strip("。 ") != "":
        return None
    w = state.when(ln, m, schedule)
    if w is None or w.precision == "year" or state.background(w, m):
        return None
    return _Header(w, ln.source_line(m.offset))


def _dated_heading(sec: Section, state: _State, schedule: bool) -> _Header | None:
    """A stage's heading whose date closes it in brackets, over items of its own ("第一阶段：学习动员阶段
    （2024年3月1日--3月20日）" then "1、……", "2、……"): a header that dates its items, no activity itself."""
    if sec.heading is None or sec.heading.style != "stage" or not sec.body or not (sec.sections or len(sec.body) > 1):
        return None
    ln = sec.body[0]
    m = _CLOSING_NOTE.search(ln.text)
    if m is None or len(ln.dates) != 1 or not m.start() < ln.dates[0].offset < m.end():
        return None
    w = state.when(ln, ln.dates[0], schedule)
    if w is None or w.precision == "year" or w.start is None:
        return None
    return _Header(w, ln.source_line(ln.dates[0].offset))


def _dates_own(sec: Section, state: _State) -> bool:
    """Does an item name a date of its own (a day, a month …, not 年内 or 全年)?"""
    return any((w := state.when(ln, m, True)) is not None and w.precision in OWN_PRECISIONS
               for ln in sec.body for m in ln.dates)


def _header_of(ln: Line, state: _State, schedule: bool) -> tuple[_Header, int, bool] | None:
    """A line that opens with a schedule's date ("九月份：", "1月：", "二月主题：", "第3周"):
    the header, where its items start, and whether the rest is only a theme."""
    if not ln.dates:
        return None
    m = ln.dates[0]
    if m.shape not in HEADER_SHAPES or ln.text[:m.offset].strip(" ,，、-*•·\t　") != "":
        return None
    if " | " in ln.text:
        return None  # a table row is an item, not a header
    rest = ln.text[m.offset + len(m.text):]
    rm = _HEADER_REST.match(rest)
    if rm is None:
        return None
    w = state.when(ln, m, "running")
    if w is None or w.precision in ("year",):
        return None
    theme = bool(rm["theme"]) and not _ITEM_NUMBER.search(rest[rm.end():])
    return _Header(w, ln.source_line(m.offset)), m.offset + len(m.text) + rm.end(), theme


def _field_blocks(sec: Section) -> list[tuple[Line, list[Line]]]:
    """The field blocks of a section (活动时间：…, 活动地点：…, 活动内容：…), each with its time field's
    line and its lines. A section that repeats its block ("- 主题：踏青健步走", "- 时间：4月上旬", "- ……",
    then "- 主题：翰墨丹青展", "- 时间：4月中旬", …) holds one for each time field, a block ending where a
    field's name comes again; a section of one block, all its lines."""
    fields = [ln for ln in sec.body if FIELD.match(strip_marker(ln.text))]
    times = [ln for ln in fields if is_time_field(ln.text) and ln.dates]
    if len(fields) < 2 or not times:
        return []
    if len(times) == 1:
        return [(times[0], list(sec.body))]
    blocks: list[list[Line]] = [[]]
    names: set[str] = set()  # the fields of the block so far: one named again opens the next
    for ln in (sec.body[1:] if sec.heading is not None else sec.body):  # (not the heading's line)
        name = _field_name(ln) if ln in fields else None
        if name in names:
            blocks.append([])
            names.clear()
        if name:
            names.add(name)
        blocks[-1].append(ln)
    dated = [(next((x for x in b if x in times), None), b) for b in blocks]
    return [(t, b) for t, b in dated if t is not None]


def _field_name(ln: Line) -> str:
    """A field's name ("主题" of "- 主题：踏青健步走")."""
    m = FIELD.match(strip_marker(ln.text))
    return _SPACE.sub("", m.group()).strip("：:*") if m else ""


def _field_activity(sec: Section, time_line: Line, block: list[Line], state: _State, schedule: bool) -> None:
    """One activity per date of the block's time field, its text the whole block (with the section's
    heading where the block is all the section holds)."""
    whole = len(block) == len(sec.body)
    parts = [sec.heading.title or sec.heading.text] if sec.heading is not None and whole else []
    parts += [ln.text for ln in block if ln is not sec.body[0] or sec.heading is None]
    text = " ".join(p.strip() for p in parts if p.strip())
    for m in time_line.dates:
        w = state.when(time_line, m, schedule)
        if w is None or w.precision == "year" or state.background(w, m):
            continue
        _add(state, w, text, time_line.source_line(m.offset), sec, (m.text,))


def _line(ln: Line, start: int, header: _Header | None, state: _State, sec: Section,
          schedule: bool) -> _Header | None:
    """The activities of a line from ``start``; returns the header in force after it (a line
    joined from several may hold a header of its own: "……。,二月,,1、……")."""
    text = ln.text
    state.labelled = None
    if " | " in text:
        _row(ln, header, state, sec, schedule)
        return header
    if _NOTE.fullmatch(text.strip()):
        return header  # "（2024年1月26日……会议通过）": a note on the document, not an item
    if header is None and not ln.dates:
        return header
    for a, b in _items(text, start):
        if (label := _YEAR_LABEL.match(text, a)) is not None:
            state.labelled = int(label["year"])  # "2012年：重点抓好产业发展。春季……": that year's, to the next label
        found = _header_at(ln, a, b, state) if a > start else None
        if found is not None:
            header, a, theme = found
            if theme or a >= b:
                continue
        if _LABEL.search(text[a:b].rstrip(" ,，")):
            continue  # "常规事项：", "季节性工作："
        for s0, s1 in _segments(text, a, b):
            _segment(ln, s0, s1, header, state, sec, schedule)
    return header


def _header_at(ln: Line, a: int, b: int, state: _State) -> tuple[_Header, int, bool] | None:
    """A schedule's date opening an item in the middle of a joined line (",二月,,寒假团聚……")."""
    m = next((m for m in ln.dates if a <= m.offset < b), None)
    if m is None or m.shape not in HEADER_SHAPES or ln.text[a:m.offset].strip(" ,，、\t　") != "":
        return None
    rest = ln.text[m.offset + len(m.text):b]
    rm = _HEADER_REST.match(rest)
    if rm is None or not rest[:rm.end()].strip():
        return None  # "5月份组织……" is an item dated by its month, not a header
    w = state.when(ln, m, "running")
    if w is None:
        return None
    return _Header(w, ln.source_line(m.offset)), m.offset + len(m.text) + rm.end(), False


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a line from ``start``: split where a new number opens ("1、A。2、B。"),
    after a label ("常规事项:,") and before a bare month between commas (",二月,")."""
    cuts = [m.start() for m in _ITEM_NUMBER.finditer(text, start) if m.start() > start]
    cuts += [m.end() for m in _LABEL_END.finditer(text, start)]
    cuts += [m.start() for m in _COMMA_MONTH.finditer(text, start) if m.start() > start]
    cuts += [m.start("year") for m in _YEAR_LABEL.finditer(text, start) if m.start("year") > start]
    cuts = sorted(set(c for c in cuts if start < c < len(text)))
    bounds = [start] + cuts + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _segments(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The ；/。 segments of an item; a bracketed remark ("(严海群)", "(15周)") stays with its segment."""
    out: list[tuple[int, int]] = []
    for m in _SEGMENT.finditer(text[a:b]):
        seg = m.group(0).strip()
        if out and (_REMARK.fullmatch(seg) or not CJK.search(seg)):
            out[-1] = (out[-1][0], a + m.end())
        else:
            out.append((a + m.start(), a + m.end()))
    return out


def _segment(ln: Line, s0: int, s1: int, header: _Header | None, state: _State, sec: Section,
             schedule: bool) -> None:
    """The activities of one ；/。 segment of a line: its own dated clauses, or the header's date."""
    text = ln.text
    own: list[tuple[When, Mention]] = []
    dated: When | None = None  # the sentence's last date that gives its own year
    for m in ln.dates:
        if not s0 <= m.offset < s1 or DOCUMENT_DATE.search(text, max(s0, m.offset - 12), m.offset) \
                or _BASELINE.search(text, max(s0, m.offset - 2), m.offset):
            continue  # "编制日期：2024年1月8日": when the document was drawn up, not an activity; "较年初": a baseline
        w = state.when(ln, m, header is not None, dated)
        if w is not None and w.start is not None and _own_year(m) and w.precision in ("day", "range"):
            dated = w
        if w is None or w.precision == "year" or state.background(w, m) or _theme(text, m, state.plan):
            continue
        if header is not None and (w.precision not in OWN_PRECISIONS or (w.start is None and header.when.start)):
            continue  # 期末, 寒假, 春季 under a header are part of the item's name; "(15周)" has no days
        own.append((replace(w, offset=m.offset), m))
    if not own:
        if header is not None:
            item = _clean(_strip_number(text[s0:s1]))
            if len(CJK.findall(item)) >= 2 and not _LABEL.search(text[s0:s1].rstrip(" ,，")):
                xun = xun_in_month(text[s0:s1], header.when)  # "十一月：……；下旬召开推优大会": the month's 下旬
                if xun is None:
                    _add(state, header.when, item, header.line, sec)
                else:
                    at = s0 + xun.offset
                    _add(state, replace(xun, offset=at), item, ln.source_line(at), sec, (xun.text,))
        return
    clauses = [(s0 + c.start(), s0 + c.end()) for c in _CLAUSE.finditer(text[s0:s1])]
    groups: list[tuple[int, list[When]]] = []  # clause index → the dates that start activities there
    prev: When | None = None
    for w, _m in own:
        ci = next((i for i, (a, b) in enumerate(clauses) if a <= w.offset < b), len(clauses) - 1)
        if groups and groups[-1][0] == ci and w.precision in OWN_PRECISIONS \
                and (all(g.precision in NAME_PRECISIONS for g in groups[-1][1]) or _restated(text, groups[-1][1], w)):
            groups[-1] = (ci, [w])  # "春季传染病防控培训于3月上旬完成": the season names it, the date dates it;
            prev = w  # "母親節前夕（5 月 11 日）": the day in brackets says which day the festival's eve is
            continue
        if groups and groups[-1][0] == ci and (
                w.precision in NAME_PRECISIONS and any(g.precision in OWN_PRECISIONS for g in groups[-1][1])
                or w.precision == "festival" and [g.precision for g in groups[-1][1]] in (["day"], ["range"])
                and not _AND.search(text[groups[-1][1][0].offset + len(groups[-1][1][0].text):w.offset])):
            continue  # "10.16-10.20 秋季运动会报名", "12.29 元旦文艺联欢": so too after the date
        if groups and groups[-1][0] == ci and prev is not None:
            between = text[prev.offset + len(prev.text):w.offset]
            if _COORD.search(between) and not _within(w, prev, state.ctx.term):
                groups[-1][1].append(w)
            prev = w
            continue
        prev = w
        if any(_within(g, w, state.ctx.term) for _, ws in groups for g in ws):
            continue  # a coarser date after a finer one describes it ("5月份……春季运动会")
        groups.append((ci, [w]))
    if header is not None and groups[0][0] > 0:  # "10月：开展义诊，重阳节组织……": the clauses before
        before = text[s0:clauses[groups[0][0]][0]]
        item = _clean(_strip_number(before))
        if len(CJK.findall(item)) >= 2 and not _LABEL.search(before.rstrip(" ,，")):
            _add(state, header.when, item, header.line, sec)
    for gi, (ci, ws) in enumerate(groups):
        end_ci = groups[gi + 1][0] if gi + 1 < len(groups) else len(clauses)
        a = s0 if gi == 0 and header is None else clauses[ci][0]
        b = clauses[end_ci - 1][1]
        item = _clean(_strip_number(text[a:b]))
        known = tuple(w.text for w, _ in own)
        for w in ws:
            _add(state, w, item, ln.source_line(w.offset), sec, known)


def _theme(text: str, m: Mention, plan: Plan) -> bool:
    """Is ``m`` the festival the plan's title names, written as its theme ("品粽子话端午", "重阳节自古就有……",
    "端午知识有奖问答"), not as a day ("端午节当天", "重阳节上午9点", "端午节前一天")?"""
    return m.shape == "festival" and plan.title is not None and to_simplified(m.text) in to_simplified(plan.title) \
        and not _FESTIVAL_DAY.match(text, m.offset + len(m.text))


def _restated(text: str, group: list[When], w: When) -> bool:
    """Is ``w`` a day or days in brackets right after the festival the group holds ("母親節前夕（5 月
    11 日）")?"""
    return len(group) == 1 and group[0].precision == "festival" and w.precision in ("day", "range") \
        and text[group[0].offset + len(group[0].text):w.offset].strip() in ("（", "(")


def _row(ln: Line, header: _Header | None, state: _State, sec: Section, schedule: bool) -> None:
    """A table row is one activity, dated by its first date that has days, a whole cell's first
    (全年 as a whole cell dates it to the year), or by the header it stands under."""
    text = ln.text
    cells = [c.strip() for c in text.strip().strip("|").split(" | ")]
    m = ln.dates[0] if ln.dates else None
    if len(cells) == 2 and m is not None and m.text.strip() == cells[0] and m.shape in HEADER_SHAPES:
        # "| 10月 | 国庆节……；10月下旬…… |" (render's schedule table): the date cell is a header over
        # the items of the other, read as "十月：国庆节……；10月下旬……" is
        w = state.when(ln, m, "running")
        if w is not None:
            row_header = _Header(w, ln.source_line(m.offset))
            a = text.index(cells[1], m.offset + len(m.text))
            for s0, s1 in _segments(text, a, a + len(cells[1])):
                _segment(ln, s0, s1, row_header, state, sec, True)
            return
    whens = []
    for i, m in enumerate(ln.dates):
        w = state.when(ln, m, "running" if i == 0 else True)
        if w is None or state.background(w, m):
            continue
        if w.precision == "year" and m.text.strip() not in cells:
            continue
        whens.append(replace(w, offset=m.offset))
    if whens:
        fine = ("day", "range", "festival", "xun")  # a row's own day wins over a month cell, as over a header,
        # and a day that fills its cell (the time column's "9月30日") over one in the item's name ("国庆升旗礼")
        dated = [w for w in whens if w.start is not None or getattr(_in_reference_year(w, state.ctx.term), "start", None)]
        # (days in any year: "六一" has them whether or not the plan's year is known)
        w = next((w for w in dated if w.precision in fine and w.text.strip() in cells), None) or \
            next((w for w in dated if w.precision in fine), None) or \
            next((w for w in dated if w.precision != "week"), None) or (dated + whens)[0]
        content = " | ".join(c for c in cells if c and c != w.text)
        clauses = [c for c in re.split(r"[；;]", content) if _clean(c)]
        if w.precision in ("month", "xun", "season") and len(clauses) > 1:
            # "3月 | 召开开学工作会议；开展学雷锋月系列活动": a month's cell dates each of its clauses,
            # as a "三月：A；B" header does
            for clause in clauses:
                _add(state, w, _clean(clause), ln.source_line(w.offset), sec, tuple(x.text for x in whens))
            return
        _add(state, w, content, ln.source_line(w.offset), sec, tuple(x.text for x in whens))
    elif header is not None and len(cells) >= 2 and any(CJK.search(c) for c in cells):
        if not re.fullmatch(r"[\s|]*(?:序号|周次|週次|时间|時間|日期|内容|內容|负责人|負責人|备注|\S{0,4})(?:\s*\|\s*\S{0,4})*",
                            text):
            _add(state, header.when, " | ".join(c for c in cells if c), header.line, sec)


REFERENCE_YEAR = 2001  # a common year, to compare expressions whose year is not known


def _within(inner: When, outer: When, term: int | None = None) -> bool:
    """Does ``inner`` cover no day outside ``outer``? Where the year is not known, both are
    compared in one reference year and the plan's term (期末 of a spring term is June's), so that
    --year changes the dates, never the activities."""
    if not (inner.start and outer.start):
        inner, outer = _in_reference_year(inner, term), _in_reference_year(outer, term)  # type: ignore[assignment]
    return bool(inner and outer and inner.start and outer.start and inner.end and outer.end
                and outer.start <= inner.start and inner.end <= outer.end)


def _in_reference_year(w: When, term: int | None = None) -> When | None:
    found = find_dates(w.text, REFERENCE_YEAR, term)
    return found[0] if found and found[0].text == w.text else None


# ---------------------------------------------------------------- recurrences, marks, doubts


def _recur(ln: Line, start: int, state: _State) -> None:
    text = ln.text
    for r in ln.recurrences:
        if r.offset < start:
            continue
        sm = next((m for m in _SEGMENT.finditer(text) if m.start() <= r.offset < m.end()), None)
        seg = sm.group(0) if sm else text
        at = r.offset - (sm.start() if sm else 0)
        clause = next((c.group(0) for c in _CLAUSE.finditer(seg) if c.start() <= at < c.end()), seg)
        state.recurring.append(Recurring(_clean(_strip_number(clause)), r, ln.source_line(r.offset)))


def _marks(plan: Plan, state: _State) -> tuple[Mark, ...]:
    """Every time expression of the plan's lines, placed in the source: with its activity's
    days where it dates one (a schedule rolled into the next year), else in the plan's year."""
    dated = {(a.line, a.when.text): a.when for a in state.activities}
    marks = []
    for ln in plan.lines:
        for m in ln.dates:
            line, column = ln.source(m.offset)
            when = dated.get((line, m.text)) or resolve(m, state.ctx)
            if when is None:
                continue  # dates nothing here (a bare weekday outside a weekly plan)
            marks.append(Mark(line, column, m.text, when if isinstance(when, When) else None, m.shape))
        for r in ln.recurrences:
            marks.append(Mark(*ln.source(r.offset), r.text, r, "recurrence"))
    return tuple(marks)


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


# ---------------------------------------------------------------- the activity record


def _add(state: _State, when: When, text: str, line: int, sec: Section, known: tuple[str, ...] = ()) -> None:
    """Record an activity; ``known`` are the date words of its item, stripped from ``what``."""
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
    """``text`` without its item number ("3、", "（二）"); a month or week header keeps its words."""
    text = strip_marker(text.strip(" ,，\t　").strip())
    found = None if heading_patterns().contents.search(text) else match_number(text)
    if found is None or found[0] in TIME_STYLES:
        return text
    number = _SPACE.sub("", found[1])
    i = text.find(number)
    rest = text[i + len(number):] if i >= 0 else text
    return re.sub(r"^\s*[、，,.．:：]?\s*", "", rest)


def _clean(text: str) -> str:
    return text.strip().strip("，,。；;：:、 ").strip()
