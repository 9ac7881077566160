"""Stage ``roles``: which lines are page chrome (web boilerplate) and belong to no plan.

A chrome line is dropped whole; a boilerplate sentence sharing its line with plan text
("……。以下是小编整理的……") is cut out of it. Each is recorded as a ``boilerplate``
:class:`Edit`, from which the output's ``boilerplate:`` list is built.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planparse.headings import strip_marker
from planparse.model import Document, Edit, Line, ParseOptions
from planparse.normalize import WHITESPACE, recognize
from planparse.resources import boilerplate_patterns, to_simplified

_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’\"」）)]*|$)")
_CLAUSE_MARK = re.compile(r"[。；;，,！!？?]")


def assign_roles(doc: Document, options: ParseOptions) -> Document:
    """Mark chrome lines and cut boilerplate sentences out of plan lines (see the module docstring)."""
    bp = boilerplate_patterns()
    lines = doc.lines
    header_end = _header_end(lines)
    listed = _related_lists(lines)
    out: list[Line] = []
    edits: list[Edit] = []
    for i, ln in enumerate(lines):
        if i < header_end or i in listed or (len(ln.simple) <= 100 and bp.line.search(ln.simple)):
            edits.append(Edit("boilerplate", ln.first, strip_marker(ln.text)))
            out.append(replace(ln, role="chrome"))
            continue
        if not bp.sentence.search(ln.simple):
            out.append(ln)
            continue
        sentences = [s for s in _SENTENCE.findall(ln.text) if s]
        drop = [bool(bp.sentence.search(to_simplified(s)) or bp.intro.search(to_simplified(s))) for s in sentences]
        rest = "".join(s for s, d in zip(sentences, drop) if not d).strip(WHITESPACE)
        removed = "".join(s for s, d in zip(sentences, drop) if d).strip(WHITESPACE)
        edits.append(Edit("boilerplate", ln.first, removed if rest else ln.text))
        if rest:
            column = ln.pieces[0][2] + max(ln.text.find(rest[:8]), 0)
            out.append(recognize(rest, ln.first, ln.last, ((ln.first, 0, column),)))
        else:
            out.append(replace(ln, role="chrome"))
    return replace(doc, lines=tuple(out), edits=tuple(sorted(doc.edits + tuple(edits), key=lambda e: e.line)),
                   boilerplate=tuple(edits))


def _is_junk(ln: Line) -> bool:
    bp = boilerplate_patterns()
    text = ln.simple
    return bool((len(text) <= 100 and bp.line.search(text)) or bp.sentence.search(text) or bp.intro.search(text))


def _header_end(lines: tuple[Line, ...]) -> int:
    """Index of the first plan title when web-page lines (page title, 导语, 小编) precede it, else 0."""
    first = lines[:12]
    for k, ln in enumerate(first):
        if ln.role == "title" and not _is_junk(ln):
            return k if any(_is_junk(x) for x in first[:k]) else 0
        if not _is_junk(ln) and ln.role != "title":
            return 0
    return 0


def _related_lists(lines: tuple[Line, ...]) -> set[int]:
    """Indices of related-article lists: a "相关文章：" line and the short titles after it,
    or three or more article titles in a row."""
    bp = boilerplate_patterns()
    out: set[int] = set()
    run: list[int] = []
    after_header = False
    for i, ln in enumerate(lines + (None,)):
        text = ln.simple if ln is not None else ""
        if ln is not None and bp.related.search(text):
            after_header = True
            out.add(i)
            continue
        short = ln is not None and len(text) <= 40 and not _CLAUSE_MARK.search(text)
        if after_header and short and not ln.separator:  # type: ignore[union-attr]
            out.add(i)
            continue
        after_header = False
        if ln is not None and len(text) <= 60 and bp.list_item.search(text) and not bp.list_item_not.search(text):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out
