"""What changed between two versions of a plan (``planparse diff``).

Sections are matched by kind and title similarity, not by position, so a section moved or
renumbered (三、 → 四、) is the same section, and one renamed slightly (工作目标 → 目标任务)
with the same body is "changed". Activities are matched by their ``what``: the same
activity on another date is "moved". When the two plans are of different years (last
year's plan against this year's), the old dates are compared one year on (or as many as
the years differ), so an activity held in April both years has not moved.

>>> import planparse
>>> old = planparse.parse("2023年工会工作计划\\n一、主要工作\\n1、4月中旬举办职工运动会。\\n2、5月举办读书会。")
>>> new = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、5月中旬举办职工运动会。\\n2、6月举办摄影展。")
>>> d = compare(old, new)
>>> [(m.old.when.text, m.new.when.text) for m in d.moved], [a.what for a in d.added], [a.what for a in d.removed]
([('4月中旬', '5月中旬')], ['举办摄影展'], ['举办读书会'])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Iterator

from planparse.model import Activity, Document, ParseOptions, Plan, Section, When
from planparse.regexes import regex
from planparse.resources import to_simplified
from planparse.serialize import when_dict

TITLE_MATCH = 0.6      # titles at least this similar name the same section
TEXT_MATCH = 0.6       # bodies at least this similar make headingless sections (or renamed ones) the same
SAME_KIND_TITLE = 0.9  # a section whose kind changed is the same only under a title this similar
WHAT_MATCH = 0.8       # activities whose `what` is this similar are the same activity


@dataclass(frozen=True, slots=True)
class SectionRef:
    """One side of a section: its plan, heading, kind, lines and own text."""

    plan: str | None
    heading: str | None
    title: str | None
    kind: str
    first: int
    last: int
    text: str
    depth: int
    whole: str = field(default="", compare=False, repr=False)  # its text with its sub-sections'


@dataclass(frozen=True, slots=True)
class SectionChange:
    old: SectionRef
    new: SectionRef
    changes: tuple[str, ...]  # of "title", "kind", "text"


@dataclass(frozen=True, slots=True)
class ActivityRef:
    plan: str | None
    activity: Activity

    @property
    def what(self) -> str:
        return self.activity.what or self.activity.text

    @property
    def when(self) -> When:
        return self.activity.when


@dataclass(frozen=True, slots=True)
class Move:
    old: ActivityRef
    new: ActivityRef


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    """The differences between an old and a new version of a document."""

    old_path: str
    new_path: str
    old_title: str | None
    new_title: str | None
    year_shift: int  # years added to the old dates before they were compared
    added_sections: tuple[SectionRef, ...] = ()
    removed_sections: tuple[SectionRef, ...] = ()
    changed_sections: tuple[SectionChange, ...] = ()
    added: tuple[ActivityRef, ...] = ()
    removed: tuple[ActivityRef, ...] = ()
    moved: tuple[Move, ...] = ()

    @property
    def same(self) -> bool:
        return not (self.added_sections or self.removed_sections or self.changed_sections or self.added
                    or self.removed or self.moved)

    def to_dict(self) -> dict[str, Any]:
        """``{old, new, year_shift, sections: {added, removed, changed}, activities: {added, removed, moved}}``."""
        return {
            "old": {"path": self.old_path, "title": self.old_title},
            "new": {"path": self.new_path, "title": self.new_title},
            "year_shift": self.year_shift,
            "sections": {
                "added": [_section_dict(s) for s in self.added_sections],
                "removed": [_section_dict(s) for s in self.removed_sections],
                "changed": [{"kind": c.new.kind, "changes": list(c.changes), "old": _section_dict(c.old),
                             "new": _section_dict(c.new)} for c in self.changed_sections],
            },
            "activities": {
                "added": [_activity_dict(a) for a in self.added],
                "removed": [_activity_dict(a) for a in self.removed],
                "moved": [{"what": m.new.what, "old": _activity_dict(m.old), "new": _activity_dict(m.new)}
                          for m in self.moved],
            },
        }


def _section_dict(s: SectionRef) -> dict[str, Any]:
    return {"plan": s.plan, "heading": s.heading, "kind": s.kind, "lines": [s.first, s.last], "text": s.text}


def _activity_dict(a: ActivityRef) -> dict[str, Any]:
    x = a.activity
    return {"plan": a.plan, "text": x.text, "what": x.what, "when": when_dict(x.when), "who": x.who,
            "line": x.line, "section": x.section}


# ---------------------------------------------------------------- reading either side


def read_document(path: str | Path, options: ParseOptions = ParseOptions()) -> Document:
    """A plan file (any readable format) parsed, or the YAML/JSON of `planparse parse` read back."""
    from planparse.readers import read_file

    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml", ".json") and p.is_file():
        mapping = _parsed_mapping(p)
        if mapping is not None:
            from planparse.serialize import from_dict

            return from_dict(mapping, str(path))
    from planparse.pipeline import parse_source

    return parse_source(read_file(p), options)


def _parsed_mapping(p: Path) -> Any:
    """The file's mapping when it is parse output (a ``plans:`` list or our schema), else None."""
    import yaml

    from planparse.errors import InputError

    try:
        text = p.read_text("utf-8-sig")
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        if p.suffix.lower() == ".json":
            raise InputError(f"not valid JSON: {exc}", str(p)) from None
        return None
    if isinstance(data, dict) and ("plans" in data or str(data.get("schema", "")).startswith("planparse/")):
        return data
    return None


# ---------------------------------------------------------------- comparing


def compare(old: Document, new: Document) -> DocumentDiff:
    """The differences from ``old`` to ``new``: plans paired by title (or order), then
    sections and activities within each pair; a plan without a partner is all added or removed."""
    pairs, lone_old, lone_new = _pair_plans(old.plans, new.plans)
    shifts = [n.year - o.year for o, n in pairs if o.year and n.year]
    parts: dict[str, list] = {k: [] for k in ("as", "rs", "cs", "a", "r", "m")}
    for o, n in pairs:
        shift = n.year - o.year if o.year and n.year else 0
        added, removed, changed = _compare_sections(o, n)
        parts["as"] += added
        parts["rs"] += removed
        parts["cs"] += changed
        a, r, m = _compare_activities(o, n, shift)
        parts["a"] += a
        parts["r"] += r
        parts["m"] += m
    for o in lone_old:
        parts["rs"] += list(_flat(o))
        parts["r"] += [ActivityRef(o.title, a) for a in o.activities]
    for n in lone_new:
        parts["as"] += list(_flat(n))
        parts["a"] += [ActivityRef(n.title, a) for a in n.activities]
    return DocumentDiff(old.source.path, new.source.path, _title(old), _title(new), shifts[0] if shifts else 0,
                        tuple(parts["as"]), tuple(parts["rs"]), tuple(parts["cs"]), tuple(parts["a"]),
                        tuple(parts["r"]), tuple(parts["m"]))


def _title(doc: Document) -> str | None:
    return next((p.title for p in doc.plans if p.title), None)


def _pair_plans(old: tuple[Plan, ...], new: tuple[Plan, ...]) -> tuple[list[tuple[Plan, Plan]], list[Plan], list[Plan]]:
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])], [], []
    scores = sorted(((similarity(norm_title(o.title or ""), norm_title(n.title or "")), i, j)
                     for i, o in enumerate(old) for j, n in enumerate(new)), reverse=True)
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs = []
    for score, i, j in scores:
        if score >= TITLE_MATCH and i not in used_o and j not in used_n:
            pairs.append((i, j))
            used_o.add(i)
            used_n.add(j)
    rest_o = [i for i in range(len(old)) if i not in used_o]
    rest_n = [j for j in range(len(new)) if j not in used_n]
    for i, j in zip(rest_o, rest_n):  # untitled or renamed plans: in order
        pairs.append((i, j))
    pairs.sort()
    return ([(old[i], new[j]) for i, j in pairs], [old[i] for i in rest_o[len(rest_n):]],
            [new[j] for j in rest_n[len(rest_o):]])


def _flat(plan: Plan) -> Iterator[SectionRef]:
    def walk(sections: tuple[Section, ...], depth: int) -> Iterator[SectionRef]:
        for s in sections:
            h = s.heading
            yield SectionRef(plan.title, h.text if h else None, h.title if h else None, s.kind, s.first, s.last,
                             s.text, depth, _whole(s))
            yield from walk(s.sections, depth + 1)

    return walk(plan.sections, 0)


def _whole(s: Section) -> str:
    return "\n".join([s.text, *((c.heading.text if c.heading else "") + "\n" + _whole(c) for c in s.sections)])


def _compare_sections(old: Plan, new: Plan) -> tuple[list[SectionRef], list[SectionRef], list[SectionChange]]:
    olds, news = list(_flat(old)), list(_flat(new))
    scored = []
    for i, o in enumerate(olds):
        for j, n in enumerate(news):
            score = _section_score(o, n)
            if score is not None:
                scored.append((score, -abs(o.depth - n.depth), -abs(i - j), i, j))
    scored.sort(reverse=True)
    match: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in scored:
        if i not in match and j not in taken:
            match[i] = j
            taken.add(j)
    changed = []
    for i, j in sorted(match.items()):
        o, n = olds[i], news[j]
        changes = tuple(what for what, differs in (
            ("title", norm(o.title or "") != norm(n.title or "")), ("kind", o.kind != n.kind),
            ("text", norm(o.text) != norm(n.text))) if differs)
        if changes:
            changed.append(SectionChange(o, n, changes))
    return ([n for j, n in enumerate(news) if j not in taken], [o for i, o in enumerate(olds) if i not in match],
            changed)


def _section_score(o: SectionRef, n: SectionRef) -> float | None:
    """How alike two sections are, or None when they are not the same section."""
    a, b = norm(o.whole), norm(n.whole)
    text = similarity(a, b) if (a or b) else 1.0
    if o.title and n.title:
        title = similarity(norm_title(o.title), norm_title(n.title))
        if o.kind != n.kind:
            return title if title >= SAME_KIND_TITLE else None
        if title >= TITLE_MATCH or text >= TEXT_MATCH and (a or b):
            return 0.7 * title + 0.3 * text
        return None
    if o.kind == n.kind and (o.title is None) == (n.title is None) and text >= TEXT_MATCH:
        return text
    return None


def _compare_activities(old: Plan, new: Plan, shift: int) -> tuple[list[ActivityRef], list[ActivityRef], list[Move]]:
    olds = [ActivityRef(old.title, a) for a in old.activities]
    news = [ActivityRef(new.title, a) for a in new.activities]
    rest_o, rest_n = list(range(len(olds))), list(range(len(news)))

    def same_day(o: ActivityRef, n: ActivityRef) -> bool:
        """Written alike (春节 in both plans, whatever its day each year), or the same days."""
        a, b = o.when, n.when
        if norm(a.text) == norm(b.text):
            return True
        return bool(a.start and a.end and b.start and b.end
                    and (_shift(a.start, shift), _shift(a.end, shift)) == (b.start, b.end))

    # 1. the same activity on the same day
    for i in list(rest_o):
        for j in rest_n:
            if norm(olds[i].what) == norm(news[j].what) and same_day(olds[i], news[j]):
                rest_o.remove(i)
                rest_n.remove(j)
                break
    # 2. the same activity on another day: pair in date order; 3. a reworded one
    moved: list[tuple[int, int]] = []
    candidates = sorted(((1.0 if norm(olds[i].what) == norm(news[j].what) else similarity(norm(olds[i].what),
                                                                                        norm(news[j].what)),
                         -abs(_order(olds[i]) - _order(news[j])), i, j)
                        for i in rest_o for j in rest_n), reverse=True)
    for score, _, i, j in candidates:
        if score < WHAT_MATCH:
            break
        if i in rest_o and j in rest_n:
            rest_o.remove(i)
            rest_n.remove(j)
            if not same_day(olds[i], news[j]):
                moved.append((i, j))
    return ([news[j] for j in rest_n], [olds[i] for i in rest_o],
            [Move(olds[i], news[j]) for i, j in sorted(moved, key=lambda p: p[1])])


def _order(ref: ActivityRef) -> int:
    return ref.when.start.toordinal() % 366 if ref.when.start else ref.activity.line


def _shift(day: date, years: int) -> date:
    if not years:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_NOISE = regex(r"[\s\W_]+")
_YEAR = regex(r"(?:19|20)\d\d(?:\s*[-—–~至]\s*(?:19|20)?\d\d)?\s*(?:年度|学年|年)?")


def norm(text: str) -> str:
    """Text as compared: simplified characters, without spaces and punctuation.

    >>> norm("一、 工作目標：")
    '一工作目标'
    """
    return _NOISE.sub("", to_simplified(text))


def norm_title(text: str) -> str:
    """A title as compared: as :func:`norm`, without years (2023年 against 2024年)."""
    return norm(_YEAR.sub("", text))


def similarity(a: str, b: str) -> float:
    """How alike two strings are, 0 to 1 (difflib's ratio)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
