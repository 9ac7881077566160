"""Compare a parse (SPEC §1 mapping) with a golden annotation, field by field.

Only the fields the annotation states are compared; the result is a list of
readable differences, each naming where it is ("plan 3 › section 2 › lines").
"""

from __future__ import annotations

from typing import Any

SECTION_FIELDS = ("heading", "number", "title", "kind", "lines")


def _norm(v: Any) -> Any:
    return str(v) if hasattr(v, "isoformat") else v


def compare_sections(got: list[dict], want: list[dict], where: str, top: bool = True) -> list[str]:
    diffs = []
    if len(got) != len(want):
        diffs.append(f"{where}: {len(got)} sections, expected {len(want)}: "
                     f"got {[s.get('heading') for s in got]} expected {[s.get('heading') for s in want]}")
    for i, (g, w) in enumerate(zip(got, want), 1):
        here = f"{where} › section {i} ({w.get('heading') or 'no heading'})"
        for f in SECTION_FIELDS:
            if f in w and (f != "kind" or top) and g.get(f) != w[f]:
                diffs.append(f"{here} › {f}: got {g.get(f)!r}, expected {w[f]!r}")
        if "sections" in w:
            diffs.extend(compare_sections(g.get("sections", []), w["sections"], here, top=False))
    return diffs


def activity_key(a: dict) -> tuple:
    w = a["when"]
    return (a["line"], w["text"], _norm(w.get("start")), _norm(w.get("end")), w["precision"])


def recurring_key(r: dict) -> tuple:
    return (r["line"], r["when"]["every"], r["when"].get("interval", 1))
