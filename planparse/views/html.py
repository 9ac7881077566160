"""A parsed document as one self-contained HTML page (``planparse show``).

The page holds the source text with each top-level section coloured by its kind (and a
legend), every date underlined with its normalized range on hover, the heading outline in
a side panel linking to the sections, and each plan's activities as a table and a month
timeline. Nothing is fetched: the CSS is inline, there is no script, all text is escaped.

The page speaks Chinese (``lang="zh"``, as lint and suggest do) or English (``"en"``); its
words are in ``planparse/data/show_labels.yaml``. On a phone the outline comes first, the
activities table keeps its activity column readable and the timeline's labels wrap.

>>> import planparse
>>> doc = planparse.parse("一、主要工作\\n1、5月中旬举办职工运动会。", year=2024)
>>> 'title="5月中旬: 2024-05-11 – 2024-05-20 (xun)"' in render_html(doc, lang="en")
True
>>> 'title="5月中旬: 2024-05-11 – 2024-05-20（旬）"' in render_html(doc)
True
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from functools import cache
from html import escape
from pathlib import PurePath
from typing import Any, Literal

from planparse.model import Mark, SECTION_KINDS, Activity, Document, Plan, Recurrence, Section, When
from planparse.headings import strip_marker
from planparse.views.positions import find_date_marks, split_lines

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
MAX_MONTHS = 60  # a timeline wider than this is cut at its right end (a stray far-off date)

# section kind → (accent colour, background colour)
KIND_COLOURS = {
    "preamble": ("#6b7d95", "#eef2f7"), "situation": ("#2b7fc4", "#e8f3fc"),
    "ideology": ("#c43c3c", "#fcefef"), "goals": ("#c98200", "#fff5e2"),
    "tasks": ("#338a33", "#ecf7ec"), "schedule": ("#7448c8", "#f2edfb"),
    "safeguards": ("#15877e", "#e5f5f3"), "closing": ("#8f6c3e", "#f6f1e9"),
    "other": ("#777777", "#f2f2f2"),
}

CSS = """
:root{--fg:#1d232b;--muted:#5f6b7a;--line:#dde2e8;--date:#c0392b}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;
 font:16px/1.75 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",system-ui,sans-serif}
header{padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.35rem;margin:0 0 .2rem}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.meta,.note{color:var(--muted);font-size:.85rem;margin:0}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:.6rem 0 0;font-size:.85rem}
.sw{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.15em;margin-right:.3em;
 background:var(--bg);border-left:5px solid var(--c);border-radius:2px}
.layout{display:grid;grid-template-columns:minmax(13rem,19rem) minmax(0,1fr)}
nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:1rem;
 border-right:1px solid var(--line);background:#fafbfc;font-size:.85rem;line-height:1.6}
nav h2{margin-top:0}
nav ol{list-style:none;margin:0;padding-left:.9rem}
nav>ol{padding-left:0}
nav li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav li[class^="k-"]>a{border-left:3px solid var(--c);padding-left:.35rem}
nav a{color:inherit;text-decoration:none}
nav a:hover{text-decoration:underline}
main{padding:1rem 1.25rem;min-width:0}
.plan{margin:0 0 1.5rem}
.plan-bar{font-size:.8rem;color:var(--muted);border-top:2px solid var(--fg);margin:0 0 .3rem;padding-top:.15rem}
.sec{background:var(--bg);border-left:5px solid var(--c);margin:.35rem 0;padding:.3rem .6rem;border-radius:0 4px 4px 0}
.badge{float:right;margin-left:.5rem;font-size:.75rem;font-weight:600;color:var(--c)}
.ln{position:relative;padding-left:2.8rem;min-height:1.2em;white-space:pre-wrap;overflow-wrap:anywhere}
.ln::before{content:attr(data-n);position:absolute;left:0;width:2.2rem;text-align:right;
 color:#9aa4b1;font-size:.75em;line-height:2.35;user-select:none}
.hd{font-weight:700}
.ttl{font-weight:700;font-size:1.08em}
.bp{color:#9aa4b1;text-decoration:line-through}
.date{text-decoration:underline 2px var(--date);text-underline-offset:.25em;cursor:help}
.date.rec{text-decoration-style:dashed}
.date.undated{text-decoration-style:dotted}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}
.nw{white-space:nowrap}
.tl{display:grid;margin:.8rem 0 1.2rem;font-size:.8rem;row-gap:3px}
.mo{grid-row:1;text-align:center;color:var(--muted);border-bottom:1px solid var(--line)}
.col.alt{background:#f3f5f8}
.tl-label{grid-column:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-right:.5rem;
 color:inherit;text-decoration:none}
td.what{min-width:14em}
.bar{display:block;align-self:center;height:1.1em;min-width:6px;border-radius:3px;background:var(--date);opacity:.85}
@media (max-width:760px){
 body{font-size:15px}
 .layout{display:block}
 nav{position:static;max-height:45vh;border-right:0;border-bottom:1px solid var(--line)}
 header,main{padding:.75rem}
 th.wide,td.wide{display:none}
 td.what{min-width:10em}
 .tl{grid-template-columns:minmax(6em,38%) repeat(var(--months),minmax(1.1em,1fr))!important}
 .tl-label{white-space:normal;overflow:visible;line-height:1.35}
 .mo{font-size:.7em;writing-mode:vertical-rl;text-orientation:mixed}
}
@media print{
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{font-size:10.5pt}
 nav{display:none}
 .layout{display:block}
 a{color:inherit;text-decoration:none}
 .scroll{overflow:visible}
 tr,.tl{break-inside:avoid}
 #activities{break-before:page}
}
""" + "".join(f".k-{kind}{{--c:{c};--bg:{bg}}}\n" for kind, (c, bg) in KIND_COLOURS.items())


@cache
def _labels() -> Any:
    from planparse.resources import load_yaml

    return load_yaml("show_labels.yaml")


def labels(lang: Lang = "zh") -> Any:
    """The page's words in ``lang``."""
    if lang not in LANGS:
        from planparse.errors import ConfigError

        raise ConfigError(f"no page labels in {lang!r}: choose one of {', '.join(LANGS)}")
    return _labels()[lang]


def render_html(doc: Document, lang: Lang = "zh") -> str:
    """The whole page for a parsed document, as a string, in ``lang`` (zh or en)."""
    words = labels(lang)
    title = next((p.title for p in doc.plans if p.title), None) or PurePath(doc.source.path).name
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        _header(doc, title, words, lang),
        '<div class="layout">',
        _outline(doc, words, lang),
        "<main>",
        _source(doc, find_date_marks(doc), words, lang),
        _activities(doc, words, lang),
        "</main></div></body></html>",
    ]) + "\n"


def describe(when: When | Recurrence, lang: Lang = "zh") -> str:
    """A date's normalized value in words, as shown on hover.

    >>> day = When("9月10日", date(2024, 9, 10), date(2024, 9, 10), "day")
    >>> describe(day, "en"), describe(day)
    ('9月10日: 2024-09-10 (day)', '9月10日: 2024-09-10（日）')
    >>> describe(Recurrence("两周", "week", 2)), describe(Recurrence("两周", "week", 2), "en")
    ('两周: 每2周', '两周: every 2 weeks')
    """
    words = labels(lang)
    if isinstance(when, Recurrence):
        unit = words["periods"][when.every]
        every = (words["every"].format(unit=unit) if when.interval == 1
                 else words["every_n"].format(n=when.interval, unit=unit))
        return f"{when.text}: {every}"
    precision = words["precisions"].get(when.precision, when.precision)
    if when.start is None or when.end is None:
        return f"{when.text}: {words['unknown_date'].format(precision=precision)}"
    start, end = when.start.isoformat(), when.end.isoformat()
    span = start if start == end else f"{start} – {end}"
    return f"{when.text}: {span} ({precision})" if lang == "en" else f"{when.text}: {span}（{precision}）"


def _kind_name(kind: str, lang: Lang) -> str:
    if lang == "en":
        return kind
    from planparse.resources import plan_conventions

    return plan_conventions()["kind_names"].get(kind, kind)


def _header(doc: Document, title: str, words: Any, lang: Lang) -> str:
    n_acts = sum(len(p.activities) for p in doc.plans)
    facts = [doc.source.path, doc.source.format, doc.source.encoding or "", words["plans"].format(n=len(doc.plans)),
             words["activity_count"].format(n=n_acts)]
    legend = "".join(f'<li class="k-{k}"><span class="sw"></span>{escape(_kind_name(k, lang))}</li>'
                     for k in SECTION_KINDS)
    legend += f'<li><span class="date">日期</span>&nbsp;{escape(words["date_legend"])}</li>'
    return (f"<header><h1>{escape(title)}</h1>"
            f'<p class="meta">{escape(" · ".join(f for f in facts if f))}</p>'
            f'<ul class="legend" aria-label="{escape(words["legend"])}">{legend}</ul></header>')


def _outline(doc: Document, words: Any, lang: Lang) -> str:
    items = []
    for pi, plan in enumerate(doc.plans, 1):
        tops = "".join(_outline_item(s, f"s{pi}-{si}", lang) for si, s in enumerate(plan.sections, 1))
        label = escape(plan.title or words["plan_n"].format(n=pi))
        items.append(f'<li><a href="#plan{pi}" title="{label}">{label}</a><ol>{tops}</ol></li>')
    return (f'<nav aria-label="{escape(words["outline"])}"><h2>{escape(words["outline"])}</h2>'
            f'<ol>{"".join(items)}</ol><p><a href="#activities">{escape(words["activities"])}</a></p></nav>')


def _outline_item(section: Section, anchor: str, lang: Lang) -> str:
    label = escape(section.heading.text if section.heading else f"（{_kind_name(section.kind, lang)}）")
    children = "".join(_outline_item(c, f"L{c.first}", lang) for c in section.sections if c.heading)
    nested = f"<ol>{children}</ol>" if children else ""
    return f'<li class="k-{section.kind}"><a href="#{anchor}" title="{label}">{label}</a>{nested}</li>'


def _source(doc: Document, marks: tuple[Mark, ...], words: Any, lang: Lang) -> str:
    lines = [text for _, text in split_lines(doc.source.text)]
    count = len(lines)
    plan_of: list[int | None] = [None] * (count + 1)
    section_of: list[tuple[int, int] | None] = [None] * (count + 1)
    for pi, plan in enumerate(doc.plans):
        for n in range(max(plan.first, 1), min(plan.last, count) + 1):
            plan_of[n] = pi if plan_of[n] is None else plan_of[n]
        for si, section in enumerate(plan.sections):
            for n in range(max(section.first, 1), min(section.last, count) + 1):
                if section_of[n] is None and plan_of[n] == pi:
                    section_of[n] = (pi, si)
    # heading lines in bold, unless the body shares the line ("1、……。要加强……")
    headings = {s.first for p in doc.plans for s in _walk(p.sections)
                if s.heading and not s.heading.body.strip()}
    titles = {p.title_line for p in doc.plans if p.title_line}
    # a whole line of boilerplate (a list marker "- " before it or not) is struck through
    boiler = {e.line for e in doc.boilerplate
              if 1 <= e.line <= count and strip_marker(lines[e.line - 1].strip()) == strip_marker(e.text.strip())}
    by_line: dict[int, list[Mark]] = {}
    for mark in marks:
        by_line.setdefault(mark.line, []).append(mark)

    out = ['<section id="text" aria-label="Plan text">']
    cur_plan: int | None = None
    cur_section: tuple[int, int] | None = None
    opened: set[str] = set()
    for n in range(1, count + 1):
        if plan_of[n] != cur_plan:
            out.append("</div>" * (cur_section is not None) + "</article>" * (cur_plan is not None))
            cur_plan, cur_section = plan_of[n], None
            if cur_plan is not None:
                out.append(_open_plan(doc.plans[cur_plan], cur_plan + 1, opened, words))
        if section_of[n] != cur_section:
            out.append("</div>" * (cur_section is not None))
            cur_section = section_of[n]
            if cur_section is not None:
                pi, si = cur_section
                out.append(_open_section(doc.plans[pi].sections[si], f"s{pi + 1}-{si + 1}", opened, lang))
        cls = " ".join(c for c, on in (("ttl", n in titles), ("hd", n in headings), ("bp", n in boiler)) if on)
        out.append(f'<div class="ln{" " + cls if cls else ""}" id="L{n}" data-n="{n}">'
                   f"{_line_html(lines[n - 1], by_line.get(n, []), lang)}</div>")
    out.append("</div>" * (cur_section is not None) + "</article>" * (cur_plan is not None) + "</section>")
    return "\n".join(out)


def _open_plan(plan: Plan, number: int, opened: set[str], words: Any) -> str:
    anchor = f"plan{number}"
    id_attr = f' id="{anchor}"' if anchor not in opened else ""
    opened.add(anchor)
    facts = [words["plan_n"].format(n=number), plan.type, str(plan.year) if plan.year else words["year_unknown"],
             words["lines"].format(first=plan.first, last=plan.last)]
    return f'<article class="plan"{id_attr}><p class="plan-bar">{escape(" · ".join(facts))}</p>'


def _open_section(section: Section, anchor: str, opened: set[str], lang: Lang) -> str:
    id_attr = f' id="{anchor}"' if anchor not in opened else ""
    opened.add(anchor)
    return (f'<div class="sec k-{section.kind}"{id_attr} data-kind="{section.kind}" '
            f'data-lines="{section.first}-{section.last}">'
            f'<span class="badge">{escape(_kind_name(section.kind, lang))} {section.confidence:.2f}</span>')


def _line_html(text: str, marks: list[Mark], lang: Lang) -> str:
    """A source line, escaped, with its dates wrapped; overlapping dates share one mark."""
    groups: list[list] = []  # [start, end, [marks]]
    for mark in sorted(marks, key=lambda m: m.column):
        end = mark.column + len(mark.text)
        if groups and mark.column < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(mark)
        else:
            groups.append([mark.column, end, [mark]])
    out, pos = [], 0
    for start, end, group in groups:
        first = group[0].when
        classes = ["date"]
        if isinstance(first, Recurrence):
            classes.append("rec")
            data = f'data-every="{escape(first.every)}"'
        else:
            if first.start is None:
                classes.append("undated")
            data = (f'data-precision="{first.precision}" data-start="{first.start or ""}" '
                    f'data-end="{first.end or ""}"')
        title = escape("; ".join(describe(m.when, lang) for m in group))
        out.append(escape(text[pos:start]))
        out.append(f'<span class="{" ".join(classes)}" {data} title="{title}">{escape(text[start:end])}</span>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _activities(doc: Document, words: Any, lang: Lang) -> str:
    out = [f'<section id="activities"><h2>{escape(words["activities"])}</h2>']
    if not any(p.activities or p.recurring for p in doc.plans):
        out.append(f'<p class="note">{escape(words["no_activities"])}</p>')
    for pi, plan in enumerate(doc.plans, 1):
        if not (plan.activities or plan.recurring):
            continue
        out.append(f"<h3>{escape(plan.title or words['plan_n'].format(n=pi))}</h3>")
        if plan.activities:
            out.append(_table(plan.activities, words))
            out.append(_timeline(plan.activities, words, lang))
        if plan.recurring:
            rows = "".join(f'<li><a href="#L{r.line}">{r.line}</a> {escape(describe(r.when, lang))} — '
                           f"{escape(r.text)}</li>" for r in plan.recurring)
            out.append(f'<p class="note">{escape(words["recurring"])}</p><ul class="note">{rows}</ul>')
    out.append("</section>")
    return "\n".join(out)


# the table's columns: (class) — From, To and Precision give way on a phone (the date's hover has them)
_COLUMN_CLASSES = ("nw", "nw wide", "nw wide", "nw wide", "what", "", "")


def _table(activities: tuple[Activity, ...], words: Any) -> str:
    head = "".join(f'<th{_cls(c)}>{escape(h)}</th>' for h, c in zip(words["columns"], _COLUMN_CLASSES))
    rows = []
    for a in activities:
        w = a.when
        cells = [escape(w.text), w.start.isoformat() if w.start else "—", w.end.isoformat() if w.end else "—",
                 escape(words["precisions"].get(w.precision, w.precision)), escape(a.what or a.text),
                 escape(a.who or ""), f'<a href="#L{a.line}">{a.line}</a>']
        rows.append("<tr>" + "".join(f"<td{_cls(c)}>{v}</td>" for v, c in zip(cells, _COLUMN_CLASSES)) + "</tr>")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _cls(classes: str) -> str:
    return f' class="{classes}"' if classes else ""


def _timeline(activities: tuple[Activity, ...], words: Any, lang: Lang) -> str:
    """A CSS grid with one column per month and one bar per dated activity."""
    dated = [a for a in activities if a.when.start and a.when.end]
    undated = len(activities) - len(dated)
    note = f'<p class="note">{escape(words["undated_note"].format(n=undated))}</p>' if undated else ""
    if not dated:
        return note
    first = min(_month(a.when.start) for a in dated)  # type: ignore[arg-type]
    months = min(max(_month(a.when.end) for a in dated) - first + 1, MAX_MONTHS)  # type: ignore[arg-type]
    cells = []
    for i in range(months):
        year, month = divmod(first + i, 12)
        label = f"{year}-{month + 1:02d}" if i == 0 or month == 0 else f"{month + 1:02d}"
        cells.append(f'<div class="mo" style="grid-column:{i + 2}">{label}</div>')
        cells.append(f'<div class="col{" alt" if i % 2 else ""}" '
                     f'style="grid-column:{i + 2};grid-row:2/{len(dated) + 2}"></div>')
    for row, a in enumerate(dated, 2):
        start, end = a.when.start or date.min, a.when.end or date.min
        s = min(_month(start) - first, months - 1)
        e = min(_month(end) - first, months - 1)
        lo_year, lo_month = divmod(first + s, 12)
        lo = date(lo_year, lo_month + 1, 1)
        hi_year, hi_month = divmod(first + e, 12)
        hi = date(hi_year, hi_month + 1, monthrange(hi_year, hi_month + 1)[1])
        days = (hi - lo).days + 1
        left = max((start - lo).days, 0) / days * 100
        right = max((hi - end).days, 0) / days * 100
        label = escape(a.what or a.text)
        cells.append(f'<a class="tl-label" href="#L{a.line}" style="grid-row:{row}" title="{escape(a.text)}">'
                     f"{label}</a>")
        cells.append(f'<a class="bar" href="#L{a.line}" title="{escape(describe(a.when, lang))} {label}" '
                     f'style="grid-row:{row};grid-column:{s + 2}/{e + 3};'
                     f'margin-left:{left:.1f}%;margin-right:{right:.1f}%"></a>')
    columns = f"minmax(7em,14em) repeat({months},minmax(2.6em,1fr))"
    return (f'{note}<div class="scroll"><div class="tl" style="grid-template-columns:{columns};--months:{months}">'
            f'{"".join(cells)}</div></div>')


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _walk(sections: tuple[Section, ...]):
    for s in sections:
        yield s
        yield from _walk(s.sections)
