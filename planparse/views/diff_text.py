"""A plan diff as a person reads it in a terminal (``planparse diff``).

One block for sections (+ added, - removed, ~ changed, with the changed words marked
``[-old-]{+new+}``, or in colour), one for activities (+ added, - removed, > moved with both
dates), each line with its source lines.

>>> import planparse
>>> from planparse.views.diff import compare
>>> old = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、4月中旬举办职工运动会。")
>>> new = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、5月中旬举办职工运动会。")
>>> print(render_text(compare(old, new)).splitlines()[-1])
> 举办职工运动会: 4月中旬 (2024-04-11 – 2024-04-20) → 5月中旬 (2024-05-11 – 2024-05-20)  line 3 → 3
"""

from __future__ import annotations

from datetime import date  # noqa: F401 - the doctests use it
from difflib import SequenceMatcher

import click

from planparse.model import When
from planparse.views.diff import DocumentDiff, SectionRef

TEXT_WIDTH = 160  # an added or removed section's text is cut here


def inline_diff(old: str, new: str, context: int = 20) -> list[tuple[str, str]]:
    """The changes from ``old`` to ``new`` as ``(op, text)`` pieces, op one of ``=``, ``-``,
    ``+`` and ``…`` (unchanged text left out); ``context`` characters kept around each change.

    >>> inline_diff("全年组织文体活动不少于6次", "全年组织文体活动不少于8次", context=4)
    [('…', ''), ('=', '动不少于'), ('-', '6'), ('+', '8'), ('=', '次')]
    """
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            piece = old[i1:i2]
            first, last = i1 == 0, i2 == len(old)
            if len(piece) > 2 * context + 1 and not (first and last):
                head = "" if first else piece[:context]
                tail = "" if last else piece[-context:]
                if head:
                    out.append(("=", head))
                out.append(("…", ""))
                if tail:
                    out.append(("=", tail))
            else:
                out.append(("=", piece))
            continue
        if i2 > i1:
            out.append(("-", old[i1:i2]))
        if j2 > j1:
            out.append(("+", new[j1:j2]))
    return out


def describe_when(w: When) -> str:
    """A date as the diff shows it: as written, with its range.

    >>> describe_when(When("4月中旬", date(2024, 4, 11), date(2024, 4, 20), "xun"))
    '4月中旬 (2024-04-11 – 2024-04-20)'
    """
    if w.start is None or w.end is None:
        return w.text
    span = w.start.isoformat() if w.start == w.end else f"{w.start.isoformat()} – {w.end.isoformat()}"
    return f"{w.text} ({span})"


def render_text(d: DocumentDiff, color: bool = False) -> str:
    """The whole diff as text; ``color`` for ANSI colours instead of ``[-…-]{+…+}`` marks."""
    def paint(text: str, fg: str, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    out = [paint(f"--- {d.old_path}  {d.old_title or ''}".rstrip(), "red", True),
           paint(f"+++ {d.new_path}  {d.new_title or ''}".rstrip(), "green", True)]
    if d.year_shift:
        out.append(f"(old dates compared {abs(d.year_shift)} year{'s' if abs(d.year_shift) > 1 else ''} "
                   f"{'on' if d.year_shift > 0 else 'back'})")
    if d.same:
        out.append("no differences in sections or activities")
        return "\n".join(out)
    out.append("")
    out.append(f"Sections: {len(d.added_sections)} added, {len(d.removed_sections)} removed, "
               f"{len(d.changed_sections)} changed")
    for s in d.added_sections:
        out += [paint(f"+ {_label(s)}  [{s.kind}, {_lines(s)}]", "green")] + _body(s.text, paint, "green")
    for s in d.removed_sections:
        out += [paint(f"- {_label(s)}  [{s.kind}, {_lines(s)}]", "red")] + _body(s.text, paint, "red")
    for c in d.changed_sections:
        head = _label(c.new) if _label(c.old) == _label(c.new) else _marked(
            inline_diff(_label(c.old), _label(c.new), context=1000), color)
        kind = c.new.kind if c.old.kind == c.new.kind else f"{c.old.kind} → {c.new.kind}"
        out.append(paint(f"~ {head}  [{kind}, {_lines(c.old)} → {_lines(c.new)}]", "yellow"))
        if "text" in c.changes:
            out.append("    " + _marked(inline_diff(c.old.text, c.new.text), color))
    out.append("")
    out.append(f"Activities: {len(d.added)} added, {len(d.removed)} removed, {len(d.moved)} moved")
    for a in d.added:
        out.append(paint(f"+ {a.what}: {describe_when(a.when)}  line {a.activity.line}", "green"))
    for a in d.removed:
        out.append(paint(f"- {a.what}: {describe_when(a.when)}  line {a.activity.line}", "red"))
    for m in d.moved:
        out.append(paint(f"> {m.new.what}: {describe_when(m.old.when)} → {describe_when(m.new.when)}  "
                         f"line {m.old.activity.line} → {m.new.activity.line}", "cyan"))
    return "\n".join(out)


def _label(s: SectionRef) -> str:
    return s.heading or f"({s.kind}, no heading)"


def _lines(s: SectionRef) -> str:
    return f"line {s.first}" if s.first == s.last else f"lines {s.first}–{s.last}"


def _body(text: str, paint, fg: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    return ["    " + paint(text if len(text) <= TEXT_WIDTH else text[:TEXT_WIDTH] + "…", fg)]


def _marked(pieces: list[tuple[str, str]], color: bool) -> str:
    out = []
    for op, text in pieces:
        text = " ".join(text.split("\n"))
        if op == "=":
            out.append(text)
        elif op == "…":
            out.append("…")
        elif color:
            out.append(click.style(text, fg="red" if op == "-" else "green", bold=True,
                                   strikethrough=op == "-"))
        else:
            out.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return "".join(out)

