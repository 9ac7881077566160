"""Where a parsed document's dates sit in its source text.

The parse gives source lines and the text of each date expression; views that mark the
source (``planparse show``, the spaCy component) need character positions. This module
joins the two without parsing anything again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planparse.model import Document, Recurrence, When

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class DateMark:
    """A date (or recurrence) expression found in the source.

    line: 1-based source line where the expression starts.
    column: 0-based character offset of ``text`` in that line.
    """

    line: int
    column: int
    text: str
    when: When | Recurrence


def split_lines(text: str) -> tuple[tuple[int, str], ...]:
    """Each source line with the character offset where it starts in ``text``.

    Line breaks are counted as the parser counts them (CRLF, CR or LF).

    >>> split_lines("一、指导思想\\r\\n以……为指导。")
    ((0, '一、指导思想'), (8, '以……为指导。'))
    """
    lines: list[tuple[int, str]] = []
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        lines.append((start, text[start:brk.start()]))
        start = brk.end()
    lines.append((start, text[start:]))
    return tuple(lines)


def find_date_marks(doc: Document) -> tuple[DateMark, ...]:
    """Every distinct date of the document's activities and recurrences, placed in its line.

    Activities that share one expression ("九月份：" over several items) give one mark.
    An expression that cannot be found in its line (a source line the reader changed)
    is left out. Marks come in source order.

    >>> from planparse import parse
    >>> [(m.line, m.column, m.text) for m in find_date_marks(parse("二、主要工作\\n1、5月中旬举办运动会。", year=2024))]
    [(2, 2, '5月中旬')]
    """
    lines = [text for _, text in split_lines(doc.source.text)]
    found: dict[tuple, DateMark] = {}
    taken: dict[int, list[tuple[int, int]]] = {}
    items: list[tuple[int, When | Recurrence]] = []
    for plan in doc.plans:
        items.extend((a.line, a.when) for a in plan.activities)
        items.extend((r.line, r.when) for r in plan.recurring)
    for line, when in items:
        key = (line, _identity(when))
        if key in found or not 1 <= line <= len(lines):
            continue
        column = _free_column(lines[line - 1], when.text, taken.setdefault(line, []))
        if column is None:
            continue
        taken[line].append((column, column + len(when.text)))
        found[key] = DateMark(line, column, when.text, when)
    return tuple(sorted(found.values(), key=lambda m: (m.line, m.column)))


def _identity(when: When | Recurrence) -> tuple:
    if isinstance(when, When):
        return ("when", when.text, when.start, when.end, when.precision)
    return ("every", when.text, when.every, when.interval)


def _free_column(line: str, text: str, taken: list[tuple[int, int]]) -> int | None:
    """The first occurrence of ``text`` in ``line`` that overlaps no mark placed before."""
    if not text:
        return None
    first = None
    at = line.find(text)
    while at >= 0:
        first = at if first is None else first
        if all(at + len(text) <= a or at >= b for a, b in taken):
            return at
        at = line.find(text, at + 1)
    return first
