"""A new plan skeleton for a plan type and period, from what the corpus shows about that type.

The sections that plans of the type usually have, in their usual order, each with one line
of guidance and an example sentence from the most typical corpus plan; a schedule with the
months of the period and the type's usual activities. Blanks to fill are marked ××. The
skeleton is a :class:`Document` placed in its own Markdown (see :func:`render.place`).

>>> doc = draft("union", 2024)
>>> doc.plans[0].title, doc.plans[0].sections[1].heading.text
('XX单位2024年工会工作计划', '一、工作思路')
"""

from __future__ import annotations

from planparse.dates import find_dates
from planparse.drafting.profiles import example as example_of, load_profiles
from planparse.drafting.render import place
from planparse.drafting.suggest import STANDARD, guidance, typical_activities
from planparse.model import Document, Heading, Plan, Section, Source
from planparse.numerals import chinese_number
from planparse.resources import plan_conventions

TERM_MONTHS = {1: (9, 10, 11, 12, 1), 2: (3, 4, 5, 6)}


def draft(plan_type: str, year: int, term: int | None = None, org: str | None = None) -> Document:
    """The skeleton of a plan of ``plan_type`` for ``year`` (and ``term``), by ``org``."""
    profiles = load_profiles()
    prof = profiles.of_type(plan_type)
    g = guidance()
    kinds = [k for k, v in prof["kinds"].items() if v["count"] / prof["plans"] >= STANDARD]
    required = plan_conventions()["required_sections"]
    for need in (*required.get(plan_type, required["default"]), "schedule"):
        kind = need[0] if isinstance(need, (list, tuple)) else need
        if kind not in kinds and not (isinstance(need, (list, tuple)) and set(need) & set(kinds)):
            kinds.append(kind)
    kinds.sort(key=lambda k: prof["kinds"].get(k, {}).get("position", 0.5))
    examples = [p for p in profiles.plans if p["type"] == plan_type] or profiles.plans
    sections = []
    for kind in (k for k in kinds if k not in ("preamble", "closing")):
        title = prof["kinds"].get(kind, {}).get("heading") or g["default_headings"][kind]
        example = next((found for p in examples if (found := example_of(p, kind))), None)
        text = "\n".join(x for x in (f"（写作提示：{g['guidance'][kind]}）", f"示例：{example}" if example else None) if x)
        subs = _months(plan_type, year, term) if kind == "schedule" else ()
        n = len(sections) + 1
        heading = Heading(f"{chinese_number(n)}、{title}", chinese_number(n), title, "cn", n, "")
        sections.append(_section(heading, kind, "" if subs else text, subs))
    who = org or "XX单位"
    period = (f"{year}—{year + 1}学年第{chinese_number(term)}学期" if term == 1 else
              f"{year - 1}—{year}学年第{chinese_number(term)}学期" if term == 2 else f"{year}年")
    title = plan_title(who, period, plan_type)
    preamble = _section(None, "preamble", f"为做好{who}{period}的各项工作，结合实际，特制定本计划。")
    closing = _section(None, "closing", "总之，我们将认真落实本计划，确保各项工作任务圆满完成。")
    plan = Plan(title, plan_type, year, 0, 0, (preamble, *sections, closing), term=term)  # type: ignore[arg-type]
    return place(Document(Source("", "<draft>", "md", "utf-8"), (plan,)))


def plan_title(who: str, period: str, plan_type: str) -> str:
    """"红星机械厂工会2025年工会工作计划" without the type's name twice ("……工会2025年工作计划").

    >>> plan_title("红星机械厂工会", "2025年", "union"), plan_title("XX单位", "2025年", "union")
    ('红星机械厂工会2025年工作计划', 'XX单位2025年工会工作计划')
    """
    if plan_type == "activity":
        return f"{who}{period}××活动方案"
    name = guidance()["type_names"].get(plan_type, "")
    if name and who.endswith(name):
        name = ""
    return f"{who}{period}{name}工作计划"


def _section(heading: Heading | None, kind: str, text: str, subs: tuple[Section, ...] = ()) -> Section:
    return Section(heading, kind, 1.0, 0, 0, text, subs)  # type: ignore[arg-type]


def _months(plan_type: str, year: int, term: int | None) -> tuple[Section, ...]:
    months = TERM_MONTHS.get(term or 0, tuple(range(1, 13)))
    table = typical_activities()
    usual: dict[int, list[str]] = {}
    for row in (*table.get(plan_type, ()), *table["all"]):
        found = find_dates(row["when"], year)
        if found and found[0].start and found[0].precision in ("month", "festival"):
            item = f"{row['when']}前后{row['what']}" if found[0].precision == "festival" else row["what"]
            usual.setdefault(found[0].start.month, []).append(item)
    out = []
    for m in months:
        items = usual.get(m) or ["开展××工作"]
        month = f"{chinese_number(m)}月份"
        header = Heading(f"{month}：", None, month, "month", m, "")
        out.append(_section(header, "schedule", "", tuple(
            _section(Heading(f"{k}.{item}", str(k), item, "arabic", k, ""), "schedule", "")
            for k, item in enumerate(items, 1))))
    return tuple(out)


