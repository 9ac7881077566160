"""A new plan skeleton for a plan type and period, from what the corpus shows about that type.

The sections that plans of the type usually have, in their usual order, each with one line
of guidance and an example sentence from the most typical corpus plan; a schedule with the
months of the period and the type's usual activities. Blanks to fill are marked ××.

>>> data = draft("union", 2024)
>>> data["plans"][0]["title"]
'XX单位2024年工会工作计划'
"""

from __future__ import annotations

from typing import Any

from planparse.dates import find_dates
from planparse.numerals import chinese_number
from planparse.drafting.profiles import load_profiles
from planparse.rules import lint_data
from planparse.drafting.suggest import STANDARD, _guidance, _typical

TERM_MONTHS = {1: [9, 10, 11, 12, 1], 2: [3, 4, 5, 6]}


def draft(plan_type: str, year: int, term: int | None = None, org: str | None = None) -> dict[str, Any]:
    """The skeleton as a SPEC §1-shaped mapping (render it with :mod:`planparse.drafting.render`)."""
    profiles = load_profiles()
    prof = profiles.of_type(plan_type)
    g = _guidance()
    kinds = [k for k, v in prof["kinds"].items() if v["count"] / prof["plans"] >= STANDARD]
    required = lint_data()["required_sections"]
    for need in required.get(plan_type, required["default"]) + ["schedule"]:
        kind = need[0] if isinstance(need, list) else need
        if kind not in kinds and not (isinstance(need, list) and set(need) & set(kinds)):
            kinds.append(kind)
    kinds.sort(key=lambda k: prof["kinds"].get(k, {}).get("position", 0.5))
    examples = [p for p in profiles.plans if p["type"] == plan_type] or profiles.plans
    sections = []
    for kind in kinds:
        if kind in ("preamble", "closing"):
            continue
        heading = prof["kinds"].get(kind, {}).get("heading") or g["default_headings"][kind]
        example = next((p["openings"][kind] for p in examples if kind in p["openings"]), None)
        text = "\n".join(x for x in (f"（写作提示：{g['guidance'][kind]}）", f"示例：{example}" if example else None) if x)
        subs = _months(plan_type, year, term) if kind == "schedule" else []
        sections.append({"heading": None, "title": heading, "kind": kind, "text": "" if subs else text,
                         "sections": subs})
    name = g["type_names"].get(plan_type, "")
    who = org or "XX单位"
    period = (f"{year}—{year + 1}学年第{chinese_number(term)}学期" if term == 1 else
              f"{year - 1}—{year}学年第{chinese_number(term)}学期" if term == 2 else f"{year}年")
    title = f"{who}{period}{name}工作计划" if plan_type != "activity" else f"{who}{period}××活动方案"
    preamble = {"heading": None, "title": None, "kind": "preamble",
                "text": f"为做好{who}{period}的各项工作，结合实际，特制定本计划。", "sections": []}
    closing = {"heading": None, "title": None, "kind": "closing",
               "text": "总之，我们将认真落实本计划，确保各项工作任务圆满完成。", "sections": []}
    return {"plans": [{"title": title, "type": plan_type, "year": year,
                       "sections": [preamble] + sections + [closing]}]}


def _months(plan_type: str, year: int, term: int | None) -> list[dict[str, Any]]:
    months = TERM_MONTHS.get(term or 0, list(range(1, 13)))
    table = _typical()
    usual: dict[int, list[str]] = {}
    for row in table.get(plan_type, []) + table["all"]:
        found = find_dates(row["when"], year)
        if found and found[0].start and found[0].precision in ("month", "festival"):
            item = f"{row['when']}前后{row['what']}" if found[0].precision == "festival" else row["what"]
            usual.setdefault(found[0].start.month, []).append(item)
    out = []
    for m in months:
        items = usual.get(m) or ["开展××工作"]
        out.append({"heading": f"{chinese_number(m)}月份：", "title": f"{chinese_number(m)}月份", "number": None,
                    "kind": "schedule", "text": "", "sections": [
                        {"heading": None, "title": item, "kind": "schedule", "text": "", "sections": []} for item in items]})
    return out
