"""Plans and their section trees.

:func:`split_plans` cuts the logical lines of a document into plans: at title and
separator lines, where the top-level numbering restarts (一、 again), where a second
guiding-ideology paragraph opens, where plan-wide item numbering restarts at 1, and
after a closing paragraph. :func:`build_sections` turns one plan's lines into a tree
of sections by numbering family, the way a reader nests 一、 > （一） > 1、 > （1）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planparse.headings import ITEM_STYLES, TIME_STYLES, detect_heading
from planparse.model import Heading, Line, Section
from planparse.normalize import is_separator, is_title
from planparse.resources import kind_lexicon, to_simplified

_STRONG_STYLES = frozenset({"cn", "ordinal"})
_RULE = re.compile(r"^\s*(?:[-*_=—─━]\s*){3,}$")


@dataclass(slots=True)
class PlanDraft:
    """One plan's lines as cut from the document, before its sections are built."""

    title: str | None
    title_line: int | None
    lines: list[Line] = field(default_factory=list)


def body_kind(text: str) -> str | None:
    """The kind a headingless paragraph announces by its opening words, if any."""
    text = to_simplified(text[:80])
    for kind, cue in kind_lexicon().body:
        if cue.search(text):
            return kind
    return None


def split_plans(lines: tuple[Line, ...]) -> list[PlanDraft]:
    """Cut a document's logical lines into plans (see the module docstring)."""
    plans: list[PlanDraft] = []
    cur = PlanDraft(None, None)
    state = _SplitState()

    def start(title: str | None, line: int | None) -> None:
        nonlocal cur, state
        if cur.lines or cur.title is not None:
            plans.append(cur)
        cur, state = PlanDraft(title, line), _SplitState()

    for ln in lines:
        text = ln.text
        if _RULE.match(text):
            if cur.lines:
                start(None, None)  # "---", "——————": a separator line between untitled plans
            continue
        if is_separator(text) or (is_title(text) and (cur.lines or cur.title is None)):
            start(text, ln.first)
            continue
        head = detect_heading(text)
        kind = body_kind(text) if head is None else None
        if cur.lines and state.starts_new_plan(head, kind, text):
            start(None, None)
        state.see(head, kind)
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
            return True
        if (style in self.global_styles and head.value == 1 and self.last.get(style, 0) > 1):
            return True
        return False

    def see(self, head: Heading | None, kind: str | None) -> None:
        if head is None:
            if kind == "ideology":
                self.ideology = True
            if kind == "closing" and self.headings:
                self.closed = True
            return
        self.headings += 1
        style = head.style
        if style in _STRONG_STYLES:
            self.strong_count += 1
        if self.top_style is None and style not in TIME_STYLES and style != "plain":
            self.top_style = style
        title = head.title or ""
        is_ideology = heading_kind(title) == "ideology"
        self.ideology |= is_ideology
        if style in _STRONG_STYLES:
            self.last_heading_ideology = is_ideology
        if style in ITEM_STYLES:
            prev = self.last.get(style)
            if prev is not None and head.value == prev + 1 and self.parent_of.get(style) != self.strong_count:
                self.global_styles.add(style)
            self.parent_of[style] = self.strong_count
        self.last[style] = head.value


def is_signature(text: str) -> bool:
    """A sign-off line after a plan's end: an organisation name or a date ("二〇二四年一月")."""
    return len(text) <= 30 and not re.search(r"[。；;，,！!？?：:]", text)


def opens_plan(text: str) -> bool:
    """A paragraph that opens a plan by stating its guiding ideology ("20xx年……指导思想：")."""
    return bool(re.search(r"^.{0,30}(指导思想|总体要求|总体思路)|^以.{1,40}为(指导|指针)", text))


def heading_kind(title: str) -> str | None:
    """The kind a heading's wording names, or None for a content heading.

    A long heading, one with a clause break or one that opens with a verb states content
    ("丰富活动内容，全面推动……", "做好年终考核") and names no kind even where a cue word occurs in it.

    >>> heading_kind("指导思想"), heading_kind("推动科学发展，为加速崛起再立新功")
    ('ideology', None)
    """
    lex = kind_lexicon()
    title = to_simplified(title)
    if len(title) > 14 or re.search(r"[，,；;。]", title) or lex.content_verbs.match(title):
        return None
    for kind, cue in lex.heading:
        if cue.search(title):
            return kind
    return None


# ---------------------------------------------------------------- section trees


@dataclass(slots=True)
class _Node:
    heading: Heading | None
    first: int
    last: int
    style: str = "root"
    value: float = 0
    body: list[Line] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Section:
        kids = tuple(c.freeze() for c in self.children)
        first = self.first or (kids[0].first if kids else 0)
        last = max([self.last] + [k.last for k in kids])
        if self.heading is None:
            texts = [b.text for b in self.body]
        else:
            texts = ([self.heading.body] if self.heading.body else []) + [b.text for b in self.body[1:]]
        return Section(self.heading, "other", 0.0, first, last, "\n".join(texts), kids, tuple(self.body))


def build_sections(lines: list[Line]) -> tuple[Section, ...]:
    """Nest a plan's lines into sections by numbering family (kinds come later)."""
    root = _Node(None, 0, 0)
    stack: list[_Node] = [root]
    for ln in lines:
        head = detect_heading(ln.text)
        if head is None:
            _add_body(root, stack, ln)
            continue
        node = _Node(head, ln.first, ln.last, head.style, head.value, body=[ln])
        styles = [n.style for n in stack]
        if head.style in TIME_STYLES and head.style not in styles and _lost_schedule_heading(stack):
            del stack[1:]
            group = _Node(None, 0, 0, "group", 0)
            root.children.append(group)
            stack.append(group)
            styles = [n.style for n in stack]
        if head.style in styles:
            idx = styles.index(head.style)
            prev = stack[idx]
            restart = head.style not in TIME_STYLES and head.style != "plain" and head.value < prev.value
            del stack[idx:]
            if restart:
                _open_group(root, stack)
        stack[-1].children.append(node)
        stack.append(node)
    return tuple(c.freeze() for c in root.children)


def _lost_schedule_heading(stack: list[_Node]) -> bool:
    """Month headers after a finished section that is no schedule ("三、保障措施" then "九月份：")
    start a schedule of their own whose heading is missing."""
    if any(_schedule_title(n.heading.title or "") for n in stack[1:] if n.heading):
        return False  # "5、学习安排。" then "1月：……": the months are its items
    parts = [n for n in stack[1:] if n.heading is not None and n.style not in ITEM_STYLES]
    if not parts:
        return len(stack) > 1
    return bool(parts[0].children)


def _schedule_title(title: str) -> bool:
    return heading_kind(title) == "schedule" or bool(re.search(r"月|时间|行事|日程|进度|安排", title))


def _add_body(root: _Node, stack: list[_Node], ln: Line) -> None:
    kind = body_kind(ln.text)
    if (kind == "closing" and root.children) or len(stack) == 1:
        del stack[1:]
        last = root.children[-1] if root.children else None
        if last is not None and last.heading is None and last.style == "root" and kind != "closing" \
                and not last.children:
            last.body.append(ln)
            last.last = ln.last
        else:
            root.children.append(_Node(None, ln.first, ln.last, body=[ln]))
        return
    stack[-1].body.append(ln)
    stack[-1].last = ln.last


def _open_group(root: _Node, stack: list[_Node]) -> None:
    """Numbering restarted under the same parent: its higher heading was lost.

    The items after the restart go into a new heading-null section beside the parent;
    at the top level, the earlier run of items is wrapped into one as well.
    """
    parent = stack[-1]
    if parent is root:
        run = []
        while root.children and root.children[-1].heading is not None:
            run.insert(0, root.children.pop())
        if run:
            root.children.append(_Node(None, run[0].first, run[-1].last, "group", 0, children=run))
        group = _Node(None, 0, 0, "group", 0)
        root.children.append(group)
        stack.append(group)
        return
    grand = stack[-2]
    group = _Node(None, 0, 0, parent.style, parent.value + 0.5)
    grand.children.append(group)
    stack[-1] = group


def split_headingless(sec: Section, kinds: list[str]) -> list[Section]:
    """Split a headingless top-level block into runs of paragraphs of one kind."""
    out: list[Section] = []
    start = 0
    for i in range(1, len(sec.body) + 1):
        if i == len(sec.body) or kinds[i] != kinds[start]:
            part = sec.body[start:i]
            out.append(Section(None, kinds[start], 0.0, part[0].first, part[-1].last,  # type: ignore[arg-type]
                               "\n".join(p.text for p in part), (), tuple(part)))
            start = i
    return out
