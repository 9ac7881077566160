"""Stage ``sections``: each plan's lines as a tree of sections, by numbering family, the way
a reader nests 一、 > （一） > 1、 > （1）. Kinds come later (stage ``kinds``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from planparse.cues import body_kind, heading_kind, is_attachment, is_contents_label
from planparse.headings import DECIMAL_STYLES, ITEM_STYLES, NUMBERED_STYLES, TIME_STYLES, TOP_STYLES, opens_top
from planparse.model import Document, Heading, Line, ParseOptions, Section
from planparse.regexes import regex
from planparse.resources import heading_patterns, to_simplified



_PROSE_END = regex(r"[。！!]\s*$")
_TIME_RANK = {"week": 1, "month": 2, "quarter": 3}  # a longer time header never stands under a shorter one
CLOSING_PROSE = 30  # characters from which a paragraph after a plan's last item may close the plan


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


def build_sections(doc: Document, options: ParseOptions) -> Document:
    """Stage ``sections``: every plan's section tree."""
    return replace(doc, plans=tuple(replace(p, sections=section_tree(p.lines)) for p in doc.plans))


def section_tree(lines: Iterable[Line]) -> tuple[Section, ...]:
    """Nest a plan's lines into sections by numbering family (kinds come later).

    A heading written in the wrong style between two siblings ("（二）", "3、", "（四）") is
    their sibling, not a child of the one before it:

    >>> from planparse.normalize import recognize
    >>> tree = section_tree([recognize(t, n) for n, t in enumerate(["（一）学习", "（二）培训", "3、宣传", "（四）考核"], 1)])
    >>> [s.heading.number for s in tree]
    ['（一）', '（二）', '3', '（四）']
    """
    lines = _run_in_labels(list(lines))
    headings = [ln.heading for ln in lines if ln.heading is not None]
    root = _Node(None, 0, 0)
    stack: list[_Node] = [root]
    seen = 0
    for i, ln in enumerate(lines):
        head = ln.heading
        if head is None:
            if _leads_a_new_run(root, ln, lines[i + 1] if i + 1 < len(lines) else None):
                del stack[1:]  # "为实现上述目标，各部门重点工作安排如下：" then 一、 again: a part of its own
            _add_body(root, stack, ln)
            continue
        seen += 1
        sibling = _misstyled_sibling(stack, head, headings, seen)
        if sibling is not None:
            prev = stack[sibling]
            del stack[sibling:]
            node = _Node(head, ln.first, ln.last, prev.style, head.value, body=[ln])
            stack[-1].children.append(node)
            stack.append(node)
            continue
        node = _Node(head, ln.first, ln.last, head.style, head.value, body=[ln])
        if head.style == "plain" and not head.body and (
                heading_kind(head.title or "") not in (None, "other")
                or is_attachment(to_simplified(head.text))):
            del stack[1:]  # "保障措施", "年度经营目标", "附：……安排表": an unnumbered heading that names a part
            # of the plan (not a field on an item's line: "活动内容：举办……")
        if len(stack) == 2 and stack[1].style == "plain" and is_contents_label(stack[1].heading.text):
            del stack[1:]  # "一、……" under "目  录" and its lines: the contents list is over, the plan's first part begins
        if len(stack) == 2 and stack[1].style == "plain" and (
                any(c.style == head.style for c in root.children)
                or head.style in TOP_STYLES | {"labelled"}
                and heading_kind(stack[1].heading.title or "") in ("preamble", "closing")
                or head.style in TOP_STYLES and (_said(stack[1]) or bool(stack[1].heading.body))):
            del stack[1:]  # "五、……" after "附：……": the plan's own numbering goes on at the top; "一、……"
            # or "O1：……" after "引言" (its opening words) is the plan's first part, not a part of the opening;
            # nor of "目标要求：" once its paragraph has said it (no lead-in to a list: "……措施如下："), nor
            # of a field with its value ("主辦單位：圖書館")
        styles = [n.style for n in stack]
        if head.style in ("formal", "stem", "cn") and len(stack) > 1 and all(s in ITEM_STYLES for s in styles[1:] if s != "group"):
            del stack[1:]  # "五、……" after "5、……": 一、 is never an item's child; the higher headings were lost
            styles = ["root"]
        if head.style in TOP_STYLES and head.style not in styles and any(s in TIME_STYLES or s == "group" for s in styles) \
                and head.value > max((c.value for c in root.children if c.style == head.style), default=head.value):
            del stack[1:]  # "六、保障措施" after a schedule's "12月：……": the plan's own numbering goes on at the top
            # (not "一、……" under "5月", numbered anew in each month)
            styles = ["root"]
        if _TIME_RANK.get(head.style, 0) > _TIME_RANK.get(stack[-1].style, 9):
            del stack[-1]  # "5月：……" after "第9周：……": a month is no week's child, but its sibling in the schedule
            styles = [n.style for n in stack]
        if head.style in TIME_STYLES and head.style not in styles and _lost_schedule_heading(stack):
            del stack[1:]
            group = _Node(None, 0, 0, "group", 0)
            root.children.append(group)
            stack.append(group)
            styles = [n.style for n in stack]
        if head.style in styles and not _opens_list(stack[-1], head):
            levels = [k for k, s in enumerate(styles) if s == head.style]
            idx = next((k for k in reversed(levels) if head.value == stack[k].value + 1), levels[0])  # (the level it
            # numbers on: "2. 存款" after the list's "1. 客户", "2. 下半年工作目标" after the part "1. 工作总结")
            prev = stack[idx]
            # numbering back at 1 under the same parent: its higher heading was lost — but a
            # plan's top-level numbering may run twice (goals 一…五, then departments 一…六)
            restart = (head.style not in TIME_STYLES and head.style != "plain" and head.value < prev.value
                       and not (idx == 1 and head.style in TOP_STYLES))
            del stack[idx:]
            if restart:
                _open_group(root, stack)
        stack[-1].children.append(node)
        stack.append(node)
    _last_words(root)
    return tuple(c.freeze() for c in root.children)


def _opens_list(last: _Node, head: Heading) -> bool:
    """Does ``head`` open a list under ``last`` though the plan numbers its parts so too: "1. 客户拓展" under
    "1.1 上半年工作回顾" under "1. ……", or "1. 7月：" right under a part's bare heading "4. 进度安排"?"""
    if head.value != 1:
        return False
    if head.style == "arabic" and last.style in DECIMAL_STYLES:
        return True
    return (last.style == head.style and head.style not in TOP_STYLES and last.value > 1 and not last.children
            and len(last.body) == 1 and last.heading is not None and not last.heading.body
            and not _PROSE_END.search(last.heading.text))


def _run_in_labels(lines: list[Line]) -> list[Line]:
    """Paragraphs that each open with a topic label ("党建工作：坚持……", "文体活动：……"), three or
    more in a row and none numbered: each is a part of the plan headed by its label."""
    run_in = heading_patterns().run_in
    labelled = [ln.heading is None and ln.role == "body" and run_in.match(ln.simple) for ln in lines]
    out = list(lines)
    for _, group in itertools.groupby(range(len(lines)), key=lambda i: bool(labelled[i])):
        run = list(group)
        if len(run) < 3 or not labelled[run[0]]:
            continue
        for i in run:
            ln, m = lines[i], labelled[i]
            head = ln.text[:m.end()].strip()
            out[i] = replace(ln, heading=Heading(head, None, m["name"], "plain", 0, ln.text[m.end():].strip()))
    return out


def _said(node: _Node) -> bool:
    """Has an unnumbered heading's part said its piece: its text ends a sentence, leading into
    no list?"""
    texts = ([node.heading.body] if node.heading is not None and node.heading.body else []) + [b.text for b in node.body[1:]]
    return bool(texts) and _PROSE_END.search(texts[-1]) is not None


def _leads_a_new_run(root: _Node, ln: Line, after: Line | None) -> bool:
    """A lead-in ("……安排如下：") right before the plan's top-level numbering starts again at 一、
    (goals 一…五, then departments 一…六): it opens the second run, not the last item of the first."""
    if not ln.text.rstrip().endswith(("：", ":")) or after is None or after.heading is None:
        return False
    nxt = after.heading
    return opens_top(nxt) and any(c.style == nxt.style for c in root.children)


def _last_words(root: _Node) -> None:
    """Prose after the last of a list of one-line items that ends the plan ("（三）……严肃追责。"
    then "防汛工作事关……，务必高度重视……。") is the plan's closing, not the item's: it becomes a
    headingless part of its own."""
    last = root.children[-1] if root.children else None
    if last is None or last.heading is None or len(last.children) < 2:
        return
    items = last.children
    if any(c.heading is None or c.children or len(c.body) > 1 for c in items[:-1]):
        return  # not a list of one-line items
    item = items[-1]
    if item.children or len(item.body) < 2 or not _PROSE_END.search(item.body[1].text) or len(item.body[1].text) < CLOSING_PROSE:
        return
    tail = item.body[1:]
    del item.body[1:]
    item.last = item.body[0].last
    root.children.append(_Node(None, tail[0].first, tail[-1].last, body=tail))


def _misstyled_sibling(stack: list[_Node], head: Heading, headings: list[Heading], at: int) -> int | None:
    """The place in ``stack`` of the heading whose next sibling ``head`` is, though written in
    another numbering style: its number continues that heading's, and the next heading of
    that level continues ``head``'s (（二）, 3、, （四）) or there is none (（二）, 3、, 三、).
    None when it is no such heading. ``headings[at:]`` are the plan's headings after it."""
    if head.style not in NUMBERED_STYLES:
        return None
    own = next((n for n in reversed(stack) if n.style == head.style), None)
    if own is not None and own.value + 1 == head.value:
        # it continues its own style's numbering, unless that number comes again later
        # (（二）, 三、, （四）, … 三、): then it was a sibling of the （二） in the wrong style
        again = next((h for h in itertools.islice(headings, at, None) if h.style == head.style), None)
        if again is None or again.value != head.value:
            return None
    for i in range(len(stack) - 1, 0, -1):
        prev = stack[i]
        if prev.heading is None or prev.style == head.style or prev.style not in NUMBERED_STYLES \
                or prev.value + 1 != head.value:
            continue
        above = {n.style for n in stack[1:i]}
        level = above | {prev.style, head.style}
        nxt = next((h for h in itertools.islice(headings, at, None) if h.style in level), None)
        if nxt is not None and nxt.style == prev.style and nxt.value == head.value + 1:
            return i  # the next sibling goes on from it
        if own is None and (nxt is None or nxt.style in above):
            return i  # the last of its level, in a style no level above uses
    return None


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
    own_part = kind == "closing" or (  # closing words, or "各部门要对照本计划……" after the last department's tasks
        kind == "safeguards" and len(stack) > 1 and stack[1].heading is not None
        and heading_kind(stack[1].heading.title or "") not in ("safeguards", None))
    if (own_part and root.children) or len(stack) == 1:
        del stack[1:]
        last = root.children[-1] if root.children else None
        if last is not None and last.heading is None and last.style == "root" and not own_part \
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
