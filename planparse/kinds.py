"""Section kinds (SPEC §2) and plan types.

Rules decide where they are certain: a heading phrase from the lexicon
(指导思想 → ideology), a closing paragraph ("总之，……"), month headers and dated item
lists (schedule). Everything else goes to the trained classifier when it is
installed (:mod:`planparse.classifier`), and to the lexicon's fallbacks otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planparse.headings import TIME_STYLES
from planparse.model import PLAN_TYPES, ParseOptions, PlanType, Section, SectionKind
from planparse.normalize import is_separator
from planparse.plans import body_kind, split_headingless
from planparse.resources import kind_lexicon

_DATED = re.compile(
    r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月|[上中下]旬|第\s*[0-9一二三四五六七八九十]+\s*周"
    r"|三八|五一|五四|六一|七一|八一|国庆|元旦|春节|元宵|端午|中秋|重阳|清明|教师节|寒假|暑假|暑期|开学初|期中|期末")


def heading_kind(title: str) -> SectionKind | None:
    """The kind a heading's wording names, or None for a content heading.

    A long heading, or one with a clause break, states content ("丰富活动内容，全面推动……")
    and names no kind even where a cue word occurs in it.

    >>> heading_kind("指导思想"), heading_kind("推动科学发展，为加速崛起再立新功")
    ('ideology', None)
    """
    if len(title) > 14 or re.search(r"[，,；;。]", title):
        return None
    for kind, cue in kind_lexicon().heading:
        if cue.search(title):
            return kind  # type: ignore[return-value]
    return None


def is_dated(sec: Section) -> bool:
    """Is this section a dated arrangement (most of its items carry a date)?"""
    if any(c.heading is not None and c.heading.style in TIME_STYLES for c in sec.sections):
        return True
    items = [c for c in sec.sections if c.heading is not None]
    if len(items) >= 2:
        dated = sum(bool(_DATED.search(c.heading.text if c.heading else "")) for c in items)
        return dated * 2 >= len(items)
    return False


def classify_sections(sections: tuple[Section, ...], options: ParseOptions) -> tuple[Section, ...]:
    """Give every section a kind and a confidence; split headingless blocks by kind."""
    out: list[Section] = []
    first_heading = next((i for i, s in enumerate(sections) if s.heading is not None), len(sections))
    for i, sec in enumerate(sections):
        if sec.heading is None and not sec.sections:
            kinds = _paragraph_kinds(sec, before_headings=i < first_heading, first=not out)
            out.extend(replace(part, confidence=0.9 if part.kind != "tasks" else 0.7)
                       for part in split_headingless(sec, kinds))
            continue
        kind, conf = _section_kind(sec)
        out.append(replace(sec, kind=kind, confidence=conf, sections=_sub_kinds(sec.sections, kind)))
    return tuple(out)


def _paragraph_kinds(sec: Section, before_headings: bool, first: bool) -> list[str]:
    kinds: list[str] = []
    for j, line in enumerate(sec.body):
        kind = body_kind(line.text)
        if kind is None:
            kind = "preamble" if (first and before_headings and j == 0) else "tasks"
        elif kind == "schedule":
            kind = "schedule"
        kinds.append(kind)
    return kinds


def _section_kind(sec: Section) -> tuple[SectionKind, float]:
    if sec.heading is None:  # a run of items whose heading was lost
        return ("schedule", 0.8) if is_dated(sec) else ("tasks", 0.8)
    if sec.heading.style in TIME_STYLES:
        return "schedule", 0.95
    kind = heading_kind(sec.heading.title or "")
    if kind == "schedule" and not is_dated(sec) and not _DATED.search(sec.text):
        return "tasks", 0.7
    if kind is not None:
        return kind, 0.95
    if is_dated(sec):
        return "schedule", 0.85
    if body_kind(sec.heading.title or "") == "ideology":
        return "ideology", 0.7  # "1、认真学习……，以……为指南，……"
    return "tasks", 0.75


def _sub_kinds(sections: tuple[Section, ...], parent: SectionKind) -> tuple[Section, ...]:
    out = []
    for s in sections:
        kind: SectionKind = parent
        if s.heading is not None and s.heading.style in TIME_STYLES:
            kind = "schedule"
        out.append(replace(s, kind=kind, confidence=0.9, sections=_sub_kinds(s.sections, kind)))
    return tuple(out)


def classify_plan(title: str | None, text: str) -> PlanType:
    """The plan's type from its title (weighted) and its wording.

    >>> classify_plan("学校工会工作计划", "组织教职工开展师德建设")
    'union'
    """
    best, best_score = "other", 0.0
    title_weight = 1.0 if title and is_separator(title) else 5.0
    for kind, title_cue, text_cue, weight in kind_lexicon().plan_types:
        score = title_weight * len(title_cue.findall(title)) if title else 0.0
        if text_cue is not None:
            score += weight * min(len(text_cue.findall(text)), 40) / 4
        if score > best_score:
            best, best_score = kind, score
    return best if best in PLAN_TYPES else "other"  # type: ignore[return-value]
