"""How the parse holds on whole pages: plans and titles, chrome left, plan lines kept, kinds.

Scores a parsed document against its annotation the way a reader of the output would judge
it: are there as many plans as the page holds, each with the right title; how many of the
page's chrome lines are still inside plans; how many of the plans' own lines (titles,
headings, body, sign-offs) were dropped as chrome; how many top-level sections were found
(their first line) with the right kind. Used by ``planparse eval --pages`` and
``benchmarks/pages.py``, per family of documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from planparse.cues import unbracketed
from planparse.headings import strip_marker
from planparse.model import Document
from planparse.regexes import regex
from planparse.resources import unify_radicals

_SPACE = regex(r"\s+")


@dataclass
class PageScore:
    """Counts over one or more documents (add them up with ``+``)."""

    files: int = 0
    plans_right: int = 0      # files whose plan count and titles are all right
    chrome: int = 0           # annotated whole-line chrome lines
    chrome_left: int = 0      # … that the parse kept as plan lines
    plan_lines: int = 0       # annotated plan lines (not chrome)
    plan_lines_lost: int = 0  # … that the parse dropped as chrome
    sections: int = 0         # annotated top-level sections
    sections_right: int = 0   # … found (same first line) with the right kind
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: PageScore) -> PageScore:
        return PageScore(*(getattr(self, f) + getattr(other, f) for f in (
            "files", "plans_right", "chrome", "chrome_left", "plan_lines", "plan_lines_lost", "sections",
            "sections_right")), self.misses + other.misses)

    def rates(self) -> dict[str, float]:
        return {
            "files": self.files,
            "plans_and_titles_right": self.plans_right / max(self.files, 1),
            "chrome_left_in_plans": self.chrome_left / max(self.chrome, 1),
            "plan_lines_kept": 1 - self.plan_lines_lost / max(self.plan_lines, 1),
            "section_kinds_right": self.sections_right / max(self.sections, 1),
        }


def _norm(text: str | None) -> str:
    return _SPACE.sub("", unify_radicals(text or "")).lstrip("#").strip("*|｜")  # Markdown's heading and bold marks and a
    # table's borders are not its words


def _norm_title(text: str | None) -> str:
    return unbracketed(_norm(text))  # a title set wholly in 【】: the same title without them


def score_page(doc: Document, ann: dict[str, Any], where: str = "") -> PageScore:
    """One parsed document against its annotation."""
    lines = doc.source.text.split("\n")
    dropped = {e.line for e in doc.boilerplate if _norm(e.text) in (
        _norm(lines[e.line - 1]), _norm(lines[e.line - 1].lstrip("-*•·#> ?")), _norm(strip_marker(lines[e.line - 1])))}
    chrome = {b["line"] for b in ann.get("boilerplate") or []
              if 0 < b["line"] <= len(lines) and _whole(lines[b["line"] - 1], b["text"])}
    notices = {n for a, b in ann.get("notices") or [] for n in range(a, b + 1)}
    plan_lines = {n for p in ann.get("plans") or [] for n in range(p["lines"][0], p["lines"][1] + 1)
                  if n <= len(lines) and lines[n - 1].strip() and n not in chrome} - notices
    s = PageScore(files=1, chrome=len(chrome), plan_lines=len(plan_lines))
    s.chrome_left = len(chrome - dropped)
    s.plan_lines_lost = len(plan_lines & dropped)
    want = [_norm_title(p.get("title")) or None for p in ann.get("plans") or []]
    got = [_norm_title(p.title) or None for p in doc.plans]
    if want == got:
        s.plans_right = 1
    else:
        s.misses.append(f"{where}: plans {got} (expected {want})")
    found = {sec.first: sec.kind for p in doc.plans for sec in p.sections}
    for p in ann.get("plans") or []:
        for sec in p.get("sections") or []:
            s.sections += 1
            first = sec.get("line") or sec["lines"][0]
            if found.get(first) == sec["kind"]:
                s.sections_right += 1
    for n in sorted(chrome - dropped)[:3]:
        s.misses.append(f"{where}:{n}: chrome kept: {lines[n - 1].strip()[:40]}")
    for n in sorted(plan_lines & dropped)[:3]:
        s.misses.append(f"{where}:{n}: plan line dropped: {lines[n - 1].strip()[:40]}")
    return s


def _whole(line: str, chrome: str) -> bool:
    rest = line.strip(" \t\u3000\u00a0\ufeff").replace(chrome.strip(), "", 1)
    return len(rest.strip(" \t\u3000\u00a0\ufeff-*•·")) <= 2


def total(scores: Iterable[PageScore]) -> PageScore:
    out = PageScore()
    for s in scores:
        out = out + s
    return out
