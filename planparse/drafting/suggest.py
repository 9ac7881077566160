"""Suggestions for a plan: the standard sections it lacks, months its schedule skips, and the
usual dated activities of its type that it does not mention — each with corpus evidence.

A section read as of a standard kind with little confidence (below SURE) does not make the kind
present: the kind is suggested, naming that section as one that may be it (``unsure``).

>>> import planparse
>>> doc = planparse.parse("2024年学校工会工作计划\\n一、主要工作\\n1、组织教职工开展师德建设。\\n")
>>> plan = suggest(doc)[0]
>>> plan.type, "tasks" in {m.kind for m in plan.missing}, all(m.support.startswith("语料中") for m in plan.missing)
('union', False, True)
>>> [a.when for a in plan.activities][:2]
['三八', '五一']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from planparse.dates import find_dates
from planparse.model import Document, Plan, Section
from planparse.drafting.profiles import Profiles, load_profiles
from planparse.drafting.profiles import example as example_of
from planparse.resources import load_yaml

STANDARD = 0.55  # a kind is standard for a type when at least this share of its corpus plans have it, or of
NEIGHBOURS = 15  # them and of this many of them most like the plan at hand, on average
NOT_SUGGESTED = {"other", "closing", "preamble"}  # optional by nature: never "missing"
MONTHS = "一二三四五六七八九十"
SURE = 0.8  # a kind is present when a section is of it with at least this confidence; below, it may be missing


@dataclass(frozen=True, slots=True)
class Missing:
    kind: str
    heading: str | None
    support: str          # "语料中15份工会计划有12份"
    share: float
    insert_after: str | None
    example: str | None
    unsure: str | None = None  # the section read as of this kind without confidence (its heading or opening)


@dataclass(frozen=True, slots=True)
class SuggestedActivity:
    when: str
    what: str
    reason: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    title: str | None
    type: str
    missing: tuple[Missing, ...]
    missing_months: tuple[int, ...]
    activities: tuple[SuggestedActivity, ...]

    def to_dict(self) -> dict:
        return {
            "title": self.title, "type": self.type,
            "missing": [{"kind": m.kind, "heading": m.heading, "support": m.support, "insert_after": m.insert_after,
                         "example": m.example, "unsure": m.unsure} for m in self.missing],
            "missing_months": list(self.missing_months),
            "activities": [{"when": a.when, "what": a.what, "reason": a.reason} for a in self.activities],
        }


def suggest(doc: Document) -> list[Suggestion]:
    """One :class:`Suggestion` per plan of a parsed document."""
    profiles = load_profiles()
    return [_suggest_plan(plan, doc, profiles) for plan in doc.plans]


def standard_kinds(plan_type: str) -> frozenset[str]:
    """The kinds that at least STANDARD of the corpus's plans of the type have, the optional
    ones aside: a plan of the type is expected to hold each (what the suggest benchmark and tests
    cut out of a plan, one at a time, to see whether suggest names it again)."""
    prof = load_profiles().of_type(plan_type)
    return frozenset(k for k, info in prof["kinds"].items()
                     if k not in NOT_SUGGESTED and info["count"] / prof["plans"] >= STANDARD)


def _suggest_plan(plan: Plan, doc: Document, profiles: Profiles) -> Suggestion:
    prof = profiles.of_type(plan.type)
    present = {s.kind for s in plan.sections if s.confidence >= SURE}
    unsure = {s.kind: _named(s) for s in reversed(plan.sections) if s.kind not in present}
    order = {k: v["position"] for k, v in prof["kinds"].items()}
    text = "\n".join(ln.text for ln in doc.lines if plan.first <= ln.first <= plan.last)
    neighbours = [profiles.plans[i] for i in profiles.nearest(text)]
    typed = prof is not profiles.data["all"]
    alike = [p for p in neighbours if p["type"] == plan.type or not typed]  # (of the type, when typed)
    nearest = alike[:NEIGHBOURS]
    missing = []
    for kind, info in prof["kinds"].items():
        share = info["count"] / prof["plans"]
        near = sum(kind in p["kinds"] for p in nearest) / max(len(nearest), 1)
        if kind in present or kind in NOT_SUGGESTED or max(share, (share + near) / 2) < STANDARD:
            continue
        example = next((found for p in alike if (found := example_of(p, kind))), None)
        support = f"语料中{prof['plans']}份{_type_name(plan.type) if typed else ''}计划有{info['count']}份"
        missing.append(Missing(kind, info["heading"], support, share,
                               _insert_after([s for s in plan.sections if s.kind != kind], order, order.get(kind, 0.5)),
                               example, unsure.get(kind)))
    missing.sort(key=lambda m: (-m.share, order.get(m.kind, 0.5)))
    return Suggestion(plan.title, plan.type, tuple(missing), _missing_months(plan), tuple(_activities(plan)))


def _insert_after(sections: list[Section], order: dict[str, float], position: float) -> str | None:
    """The heading (or opening) of the last present section that comes before ``position``."""
    before = [s for s in sections if order.get(s.kind, 0.5) <= position]
    return _named(before[-1]) if before else None


def _named(s: Section) -> str:
    """A section as a reader finds it: its heading, or its opening words."""
    return s.heading.text if s.heading else s.text[:20]


def _missing_months(plan: Plan) -> tuple[int, ...]:
    """Months between a month schedule's first and last header that have no header."""
    for sec in plan.sections:
        months = [c.heading.value for c in sec.sections if c.heading and c.heading.style == "month"]
        if len(months) >= 2:
            seq, m = [], months[0]
            last = months[-1]
            while m != last and len(seq) < 12:
                seq.append(m)
                m = m % 12 + 1
            seq.append(last)
            return tuple(x for x in seq if x not in months)
    return ()


@cache
def guidance() -> dict[str, Any]:
    """``draft_guidance.yaml``: type names and the drafting text, read once."""
    return load_yaml("draft_guidance.yaml")


def _type_name(plan_type: str) -> str:
    return guidance()["type_names"].get(plan_type, "")


@cache
def typical_activities() -> dict[str, list[dict[str, str]]]:
    return load_yaml("typical_activities.yaml")


def _activities(plan: Plan) -> list[SuggestedActivity]:
    """Usual dated activities of the plan's type (``typical_activities.yaml``) it does not mention."""
    table = typical_activities()
    said = " ".join(a.text + a.when.text for a in plan.activities)
    months = {a.when.start.month for a in plan.activities
              if a.when.start and a.when.precision in ("day", "range", "xun", "month")}
    own = table.get(plan.type, ())
    out = []
    for row in (*own, *table["all"]):
        if row["when"] in said:
            continue
        when = find_dates(row["when"], 2000)
        if when and when[0].precision == "month" and when[0].start and when[0].start.month in months:
            continue
        reason = f"{_type_name(plan.type)}计划通常安排" if row in own else "各类计划通常安排"
        out.append(SuggestedActivity(row["when"], row["what"], reason))
    return out
