"""Stage ``plans``: cut a document's lines into plans, each with its title, year and term.

A new plan starts at a title or separator line, where the top-level numbering restarts
(一、 again), where a second guiding-ideology paragraph opens, where plan-wide item
numbering restarts at 1, and after a closing paragraph. A plan's year is decided here,
once: its own (title or opening lines: "2024年……", "2023-2024学年第二学期") or ``--year``;
a term plan knows its term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from planparse.cues import body_kind, heading_kind, is_signature, opens_plan
from planparse.dates.strategies import DIG
from planparse.headings import ITEM_STYLES, TIME_STYLES
from planparse.model import Document, Heading, Line, Notice, ParseOptions, Plan

_STRONG_STYLES = frozenset({"cn", "ordinal"})
_OPENING_KINDS = frozenset({"situation", "ideology", "goals"})  # the headings a plan opens with
_RULE = re.compile(r"^\s*(?:[-*_=—─━]\s*){3,}$")
_PLAN_YEAR = re.compile(rf"(?<![0-9])({DIG}{{4}})\s*(?:[-—–~～至到－]\s*{DIG}{{4}}\s*)?(?:学年|年)")
_SCHOOL_YEAR = re.compile(rf"{DIG}{{4}}\s*[-—–~～至到－]\s*{DIG}{{4}}\s*学年")
_TERM_WORDS = {1: re.compile(r"第一学期|上学期|秋季学期|秋学期"), 2: re.compile(r"第二学期|下学期|春季学期|春学期")}
_SCHOOL = re.compile(r"学校|小学|中学|学院|幼儿园|[大中小]班|班级|班主任|教研|年级|学科|教学|学生|幼儿|学期|学年")
_MONTH = re.compile(r"(?<![0-9])(1[0-2]|[1-9])\s*月|(十[一二]?|[一二三四五六七八九])月")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_NOTICE = re.compile(r"关于(?:印发|转发|下发)[^。]{2,80}(?:通知|的函)\s*$")
_OPENING_LINES = 6  # how far into a plan its own year is looked for


@dataclass(slots=True)
class PlanDraft:
    """One plan's lines as cut from the document (or a cover notice's: ``notice``)."""

    title: str | None
    title_line: int | None
    lines: list[Line] = field(default_factory=list)
    notice: bool = False


def split_plans(doc: Document, options: ParseOptions) -> Document:
    """Stage ``plans``: the document's plans, with lines, title, year and term (no sections yet)."""
    plans, notices = [], []
    for draft in _drafts(doc.lines):
        if not draft.lines and draft.title is None:
            continue
        first = draft.title_line or (draft.lines[0].first if draft.lines else 0)
        last = max([draft.title_line or 0] + [ln.last for ln in draft.lines])
        if draft.notice:
            notices.append(Notice(draft.title, first, last))
            continue
        year, term = plan_year(draft.title, draft.lines, options.year)
        plans.append(Plan(draft.title, "other", year, first, last, (), title_line=draft.title_line, term=term,
                          lines=tuple(draft.lines)))
    return replace(doc, plans=tuple(plans), notices=tuple(notices))


def _drafts(lines: tuple[Line, ...]) -> list[PlanDraft]:
    plans: list[PlanDraft] = []
    cur = PlanDraft(None, None)
    state = _SplitState()

    def start(title: str | None, line: int | None, notice: bool = False) -> None:
        nonlocal cur, state
        if cur.lines or cur.title is not None:
            plans.append(cur)
        cur, state = PlanDraft(title, line, notice=notice), _SplitState()

    for ln in lines:
        if _RULE.match(ln.text):
            if cur.lines:
                start(None, None)  # "---", "——————": a separator line between untitled plans
            continue
        if ln.separator or (ln.role == "title" and (cur.lines or cur.title is None)):
            start(ln.text, ln.first, notice=is_cover_notice(ln.simple))
            continue
        head = ln.heading
        kind = body_kind(ln.text) if head is None else None
        if cur.lines and state.starts_new_plan(head, kind, ln.text):
            start(None, None)
        state.see(head, kind, ln.role == "signoff" and is_signature(ln.text))
        cur.lines.append(ln)
    if cur.lines or cur.title is not None:
        plans.append(cur)
    return plans


@dataclass(slots=True)
class _SplitState:
    """What the plan seen so far tells about where the next one begins."""

    top_style: str | None = None
    last: dict[str, float] = field(default_factory=dict)
    parent_of: dict[str, int] = field(default_factory=dict)
    global_styles: set[str] = field(default_factory=set)
    headings: int = 0
    ideology: bool = False
    last_heading_ideology: bool = False
    closed: bool = False
    strong_count: int = 0

    def starts_new_plan(self, head: Heading | None, kind: str | None, text: str) -> bool:
        if self.closed and kind != "closing" and not (head is None and is_signature(text)):
            return True
        if head is None:
            return (kind == "ideology" and self.ideology and self.headings > 0
                    and not self.last_heading_ideology and opens_plan(text))
        style = head.style
        if style in _STRONG_STYLES and style == self.top_style and head.value <= self.last.get(style, 0):
            # top-level numbering back at 一、 is a new plan only where the heading opens one:
            # goals 一…五 then departments 一…六 are one plan; a number written twice
            # (三、 … 三、) is a numbering_duplicate, never a boundary
            if head.value == self.last.get(style) and head.value > 1:
                return False
            return heading_kind(head.title or "") in _OPENING_KINDS
        if (style in self.global_styles and head.value == 1 and self.last.get(style, 0) > 1):
            return True
        return False

    def see(self, head: Heading | None, kind: str | None, signoff: bool = False) -> None:
        if head is None:
            if kind == "ideology":
                self.ideology = True
            if (kind == "closing" and self.headings) or signoff:
                self.closed = True  # a closing paragraph or the plan's sign-off ends it
            return
        self.headings += 1
        style = head.style
        if style in _STRONG_STYLES:
            self.strong_count += 1
        if self.top_style is None and style not in TIME_STYLES and style != "plain":
            self.top_style = style
        is_ideology = heading_kind(head.title or "") == "ideology"
        self.ideology |= is_ideology
        if style in _STRONG_STYLES:
            self.last_heading_ideology = is_ideology
        if style in ITEM_STYLES:
            prev = self.last.get(style)
            if prev is not None and head.value == prev + 1 and self.parent_of.get(style) != self.strong_count:
                self.global_styles.add(style)
            self.parent_of[style] = self.strong_count
        self.last[style] = head.value


# ---------------------------------------------------------------- the plan's year


def is_cover_notice(simple: str) -> bool:
    """A cover notice's title ("关于印发《……工作计划》的通知"): the notice is not the plan.

    >>> is_cover_notice("关于印发《2024年工会工作要点》的通知"), is_cover_notice("2024年工会工作计划")
    (True, False)
    """
    return bool(_NOTICE.search(simple))


def plan_year(title: str | None, lines: list[Line], default: int | None) -> tuple[int | None, int | None]:
    """The plan's base year and term: its own year (title or opening lines) or ``default``;
    in a school year's second term ("2023-2024学年第二学期") the base year is the second one.

    >>> from planparse.normalize import recognize
    >>> plan_year("2023-2024学年第二学期工会工作计划", [], None)
    (2024, 2)
    """
    opening = "\n".join([title or ""] + [ln.text[:200] for ln in lines[:_OPENING_LINES]])
    m = _PLAN_YEAR.search(opening)
    own = int(m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))) if m else None
    year = own if own is not None else default
    term = _term(opening, lines)
    if own is not None and term == 2 and _SCHOOL_YEAR.search(opening):
        year = own + 1
    return year, term


def _term(opening: str, lines: list[Line]) -> int | None:
    for term, cue in _TERM_WORDS.items():
        if cue.search(opening):
            return term
    if not _SCHOOL.search(opening):
        return None
    months = [int(a) if a else _CN_MONTH[b] for ln in lines for a, b in _MONTH.findall(ln.text)]
    if not months:
        return None
    autumn = sum(m >= 8 or m == 1 for m in months)
    return 1 if autumn * 2 > len(months) else 2
