"""A plan diff as one self-contained HTML page (``planparse diff --format html``), in the
style of ``planparse show``: sections coloured by kind with what changed in their text struck
through or underlined, and the activities as a table of added, removed and moved ones. The
CSS is inline, there is no script, all text is escaped.

>>> import planparse
>>> from planparse.views.diff import compare
>>> old = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、4月中旬举办职工运动会。")
>>> new = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、5月中旬举办职工运动会。")
>>> '<td class="nw">5月中旬 (2024-05-11 – 2024-05-20)</td>' in render_diff_html(compare(old, new))
True
"""

from __future__ import annotations

from html import escape
from pathlib import PurePath

from planparse.views.diff import ActivityRef, DocumentDiff, SectionRef
from planparse.views.diff_text import describe_when, inline_diff
from planparse.views.html import KIND_COLOURS

STATUS = {"added": ("#1f7a3a", "#e6f4ea", "+"), "removed": ("#b3261e", "#fce8e6", "−"),
          "changed": ("#8a5a00", "#fff4dc", "~"), "moved": ("#5b3cc4", "#efeafc", "→")}

CSS = """
:root{--fg:#1d232b;--muted:#5f6b7a;--line:#dde2e8}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;
 font:16px/1.75 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",system-ui,sans-serif}
header{padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
h1{font-size:1.35rem;margin:0 0 .2rem}
h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
main{padding:.5rem 1.25rem 2rem;max-width:70rem}
.meta,.note{color:var(--muted);font-size:.85rem;margin:0}
.legend,.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:.6rem 0 0;font-size:.85rem}
.tag{display:inline-block;min-width:1.4em;text-align:center;font-weight:700;border-radius:3px;padding:0 .3em;
 color:var(--s);background:var(--sb)}
.sec{background:var(--bg);border-left:5px solid var(--c);margin:.5rem 0;padding:.4rem .7rem;border-radius:0 4px 4px 0}
.sec h3{font-size:1rem;margin:0;display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}
.sec .where{margin-left:auto;font-weight:400;font-size:.8rem;color:var(--muted)}
.sec .kind{font-size:.75rem;font-weight:600;color:var(--c)}
.sec p{margin:.25rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.sec.removed h3 .hd,.sec.removed p{text-decoration:line-through;text-decoration-color:#b3261e99}
del{background:#fbd3cf;color:#8c1d18;text-decoration:line-through}
ins{background:#cdeed6;color:#145c2a;text-decoration:none;border-bottom:2px solid #1f7a3a}
.gap{color:var(--muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}
tr.st td:first-child{border-left:4px solid var(--s)}
.nw{white-space:nowrap}
.old{color:var(--muted);text-decoration:line-through}
@media (max-width:760px){body{font-size:15px}header,main{padding:.75rem}.sec .where{margin-left:0}}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{font-size:10.5pt}
 .sec,tr{break-inside:avoid}}
""" + "".join(f".k-{kind}{{--c:{c};--bg:{bg}}}\n" for kind, (c, bg) in KIND_COLOURS.items()) \
    + "".join(f".s-{name}{{--s:{c};--sb:{bg}}}\n" for name, (c, bg, _) in STATUS.items())


def render_diff_html(d: DocumentDiff) -> str:
    """The whole page for a diff, as a string."""
    title = f"{PurePath(d.old_path).name} → {PurePath(d.new_path).name}"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        _header(d, title),
        "<main>",
        _sections(d),
        _activities(d),
        "</main></body></html>",
    ]) + "\n"


def _tag(status: str) -> str:
    return f'<span class="tag s-{status}" title="{status}">{STATUS[status][2]}</span>'


def _header(d: DocumentDiff, title: str) -> str:
    sides = [f"old: {d.old_path}" + (f" — {d.old_title}" if d.old_title else ""),
             f"new: {d.new_path}" + (f" — {d.new_title}" if d.new_title else "")]
    if d.year_shift:
        years = abs(d.year_shift)
        sides.append(f"old dates compared {years} year{'s' if years > 1 else ''} {'on' if d.year_shift > 0 else 'back'}"
                     " (in the new plan's year)")
    legend = "".join(f"<li>{_tag(s)} {s}</li>" for s in STATUS)
    legend += "<li><del>removed text</del> <ins>added text</ins></li>"
    counts = [("sections added", len(d.added_sections)), ("removed", len(d.removed_sections)),
              ("changed", len(d.changed_sections)), ("activities added", len(d.added)),
              ("removed", len(d.removed)), ("moved", len(d.moved))]
    summary = "".join(f"<li><b>{n}</b> {escape(label)}</li>" for label, n in counts)
    return (f"<header><h1>{escape(title)}</h1>"
            + "".join(f'<p class="meta">{escape(s)}</p>' for s in sides)
            + f'<ul class="counts" aria-label="Summary">{summary}</ul>'
            + f'<ul class="legend" aria-label="Legend">{legend}</ul></header>')


def _sections(d: DocumentDiff) -> str:
    out = ['<section id="sections"><h2>Sections</h2>']
    if not (d.added_sections or d.removed_sections or d.changed_sections):
        out.append('<p class="note">No section was added, removed or changed.</p>')
    for c in d.changed_sections:
        old, new = c.old, c.new
        heading = _heading_change(old, new)
        kind = new.kind if old.kind == new.kind else f"{old.kind} → {new.kind}"
        body = _marked(inline_diff(old.text, new.text)) if "text" in c.changes else escape(_short(new.text))
        out.append(_block("changed", new.kind, heading, kind, f"{_span(old)} → {_span(new)}", body))
    for s in d.added_sections:
        out.append(_block("added", s.kind, escape(_label(s)), s.kind, _span(s), escape(_short(s.text))))
    for s in d.removed_sections:
        out.append(_block("removed", s.kind, escape(_label(s)), s.kind, _span(s), escape(_short(s.text))))
    out.append("</section>")
    return "\n".join(out)


def _block(status: str, kind: str, heading: str, kind_label: str, where: str, body: str) -> str:
    text = f"<p>{body}</p>" if body else ""
    return (f'<div class="sec {status} k-{kind}" data-status="{status}"><h3>{_tag(status)}'
            f'<span class="hd">{heading}</span><span class="kind">{escape(kind_label)}</span>'
            f'<span class="where">{escape(where)}</span></h3>{text}</div>')


def _heading_change(old: SectionRef, new: SectionRef) -> str:
    if _label(old) == _label(new):
        return escape(_label(new))
    return _marked(inline_diff(_label(old), _label(new), context=1000))


def _activities(d: DocumentDiff) -> str:
    out = ['<section id="activities"><h2>Activities</h2>']
    if not (d.added or d.removed or d.moved):
        out.append('<p class="note">No activity was added, removed or moved.</p>')
        out.append("</section>")
        return "\n".join(out)
    head = "".join(f"<th>{h}</th>" for h in ("", "Old date", "New date", "Activity", "Section", "Line"))
    rows = []
    for m in d.moved:
        rows.append(_row("moved", f'<span class="old">{escape(describe_when(m.old.when))}</span>',
                         escape(describe_when(m.new.when)), m.new, f"{m.old.activity.line} → {m.new.activity.line}"))
    for a in d.added:
        rows.append(_row("added", "—", escape(describe_when(a.when)), a, str(a.activity.line)))
    for a in d.removed:
        rows.append(_row("removed", escape(describe_when(a.when)), "—", a, str(a.activity.line)))
    out.append(f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
               "</table></div></section>")
    return "\n".join(out)


def _row(status: str, old: str, new: str, a: ActivityRef, line: str) -> str:
    cells = [_tag(status), f'<td class="nw">{old}</td>', f'<td class="nw">{new}</td>',
             f"<td>{escape(a.what)}</td>", f"<td>{escape(a.activity.section or '')}</td>",
             f'<td class="nw">{escape(line)}</td>']
    return f'<tr class="st s-{status}" data-status="{status}"><td>{cells[0]}</td>{"".join(cells[1:])}</tr>'


def _marked(pieces: list[tuple[str, str]]) -> str:
    out = []
    for op, text in pieces:
        if op == "=":
            out.append(escape(text))
        elif op == "…":
            out.append('<span class="gap">…</span>')
        else:
            out.append(f"<{'del' if op == '-' else 'ins'}>{escape(text)}</{'del' if op == '-' else 'ins'}>")
    return "".join(out)


def _label(s: SectionRef) -> str:
    return s.heading or f"（{s.kind}）"


def _span(s: SectionRef) -> str:
    return f"line {s.first}" if s.first == s.last else f"lines {s.first}–{s.last}"


def _short(text: str, width: int = 400) -> str:
    return text if len(text) <= width else text[:width] + "…"
