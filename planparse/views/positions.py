"""Where a parsed document's dates sit in its source text, for views that mark the source
(``planparse show``, the spaCy component)."""

from __future__ import annotations


from planparse.model import Document, Mark
from planparse.regexes import regex

_LINE_BREAK = regex(r"\r\n|\r|\n")


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


def find_date_marks(doc: Document) -> tuple[Mark, ...]:
    """Every date and recurrence of the document's plans, placed in its source line (the
    parse recorded each expression's line and column when it found it), in source order;
    impossible dates (2月30日) are left out.

    >>> from planparse import parse
    >>> [(m.line, m.column, m.text) for m in find_date_marks(parse("二、主要工作\\n1、5月中旬举办运动会。", year=2024))]
    [(2, 2, '5月中旬')]
    """
    return tuple(m for m in doc.marks if m.when is not None)
