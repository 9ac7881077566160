"""Normalization: source text → logical lines, with every change recorded.

Lines are stripped of indentation (full-width spaces included); web boilerplate is
dropped (whole lines, or single sentences sharing a line with real text); lines broken
in the middle of a sentence are rejoined. Each :class:`Line` remembers the source
lines it came from, and each change is an :class:`Edit`.

>>> from planparse.model import Source
>>> n = normalize(Source("　　加强职工之家建设，完善职工文体活动阵地和设施，\\n\\n丰富职工业余文化生活。", "x.txt", "txt", "utf-8"))
>>> [(ln.text, ln.first, ln.last) for ln in n.lines]
[('加强职工之家建设，完善职工文体活动阵地和设施，丰富职工业余文化生活。', 1, 3)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from planparse.headings import detect_heading, match_number, strip_marker
from planparse.model import Edit, Line, Source
from planparse.resources import boilerplate_patterns, heading_patterns, to_simplified

_WS = " \t\u3000\u00a0\u200b\ufeff\u2002\u2003\u2009\x0b\x0c"
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’\"」）)]*|$)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_ROW = re.compile(r" \| |\t|\u3000{2,}|[0-9]{1,2}[:：][0-9]{2}\s*[-—–~～至]")  # table rows and timetables
_FIELD = re.compile(r"^[^，,。；;：:]{1,8}[：:]")
_LIST_ITEM = re.compile(r"^(?:[-*•·▪►◆●○■□]\s|[0-9]{1,2}[:：][0-9]{2})")
_DIRECTIVE_LINE = re.compile(r"^(?:<!--|#|//)?\s*planparse:\s*(?:disable|enable)[\w-]*\s*=.*$")  # lint comments
_TERMINAL = tuple("。！？!?；;：:…”’\"）)》】」")


@dataclass(frozen=True, slots=True)
class Normalized:
    lines: tuple[Line, ...]
    edits: tuple[Edit, ...]
    raw: tuple[str, ...]  # stripped source lines, index 0 = line 1


def normalize(src: Source) -> Normalized:
    """Turn a :class:`Source` into logical lines (see the module docstring)."""
    raw = tuple(_MD_HEADING.sub("", ln.strip(_WS)) for ln in src.text.split("\n"))
    kept, edits = remove_boilerplate(raw)
    lines, joins = join_broken(kept)
    return Normalized(lines, tuple(sorted(edits + joins, key=lambda e: e.line)), raw)


@lru_cache(maxsize=16384)
def is_separator(text: str) -> bool:
    """A compilation separator ("……工作计划篇一", "工作计划2")."""
    if len(text) > 60 or not any(p.search(to_simplified(text)) for p in heading_patterns().separator):
        return False
    return not match_number(text) or bool(re.match(r"^第[一二三四五六七八九十0-9]+篇", text))


@lru_cache(maxsize=16384)
def is_title(text: str) -> bool:
    """A plan title line: short, unnumbered, no sentence inside, names a plan."""
    if not text or len(text) > 50 or "|" in text or re.search(r"[。；;！？!?，,]", text.rstrip("。")):
        return False
    if is_separator(text):
        return True
    if match_number(text) or detect_heading(text) is not None:
        return False
    return len(text) >= 4 and any(p.search(to_simplified(text)) for p in heading_patterns().title)


def remove_boilerplate(raw: tuple[str, ...]) -> tuple[list[tuple[int, str]], list[Edit]]:
    """Drop web boilerplate; return the kept (line number, text) pairs and the edits."""
    bp = boilerplate_patterns()
    edits: list[Edit] = []
    kept: list[tuple[int, str]] = []
    header_end = _header_end(raw)
    listed = _related_lists(raw)
    for i, original in enumerate(raw):
        if not original or _DIRECTIVE_LINE.match(original):
            continue
        text = to_simplified(original)  # patterns are written in simplified characters
        n = i + 1
        in_header = i < header_end
        if in_header or i in listed or (len(text) <= 100 and bp.line.search(text)):
            edits.append(Edit("boilerplate", n, strip_marker(original)))
            continue
        if not bp.sentence.search(text):
            kept.append((n, original))
            continue
        sentences = [s for s in _SENTENCE.findall(original) if s]
        hard = [bool(bp.sentence.search(to_simplified(s))) for s in sentences]
        drop = [h or bool(bp.intro.search(to_simplified(s))) for s, h in zip(sentences, hard)]
        rest = "".join(s for s, d in zip(sentences, drop) if not d).strip(_WS)
        removed = "".join(s for s, d in zip(sentences, drop) if d).strip(_WS)
        edits.append(Edit("boilerplate", n, removed if rest else original))
        if rest:
            kept.append((n, rest))
    return kept, edits


def _is_junk(text: str) -> bool:
    bp = boilerplate_patterns()
    text = to_simplified(text)
    return bool((len(text) <= 100 and bp.line.search(text)) or bp.sentence.search(text) or bp.intro.search(text))


def _header_end(raw: tuple[str, ...]) -> int:
    """Index of the first plan title when web-page lines (page title, 导语, 小编) precede it, else 0."""
    nonblank = [i for i, t in enumerate(raw) if t][:12]
    for k, i in enumerate(nonblank):
        if (is_separator(raw[i]) or is_title(raw[i])) and not _is_junk(raw[i]):
            return i if any(_is_junk(raw[j]) for j in nonblank[:k]) else 0
        if not _is_junk(raw[i]) and not is_title(raw[i]):
            return 0
    return 0


def _related_lists(raw: tuple[str, ...]) -> set[int]:
    """Indices of related-article lists: a "相关文章：" line and the short titles after it,
    or three or more article titles in a row (blank lines between allowed)."""
    bp = boilerplate_patterns()
    out: set[int] = set()
    run: list[int] = []
    after_header = False
    for i, text in enumerate(raw + ("",)):
        if not text and i < len(raw):
            continue
        text = to_simplified(text)
        if i < len(raw) and bp.related.search(text):
            after_header = True
            out.add(i)
            continue
        short = i < len(raw) and len(text) <= 40 and not re.search(r"[。；;，,！!？?]", text)
        if after_header and short and not is_separator(text):
            out.add(i)
            continue
        after_header = False
        if i < len(raw) and len(text) <= 60 and bp.list_item.search(text) and not bp.list_item_not.search(text):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def join_broken(kept: list[tuple[int, str]]) -> tuple[tuple[Line, ...], list[Edit]]:
    """Rejoin sentences broken by stray line breaks."""
    lines: list[Line] = []
    edits: list[Edit] = []
    for n, text in kept:
        if lines and _continues(lines[-1].text, text):
            prev = lines[-1]
            pieces = prev.pieces or ((prev.first, 0),)
            lines[-1] = Line(prev.text + text, prev.first, n, pieces + ((n, len(prev.text)),))
            edits.append(Edit("join", n, f"joined to line {prev.first}"))
        else:
            lines.append(Line(text, n, n))
    return tuple(lines), edits


def _continues(prev: str, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` leaves open?"""
    if prev.endswith(_TERMINAL) or len(prev) < 20 or _ROW.search(prev) or _ROW.search(nxt):
        return False
    if _LIST_ITEM.match(nxt) or _FIELD.match(prev):
        return False  # "- 10:00 到达基地": a new list item; "成　员：……": a field of its own
    if match_number(nxt) or detect_heading(nxt) is not None or is_title(nxt) or is_separator(nxt):
        return False
    if is_separator(prev) or is_title(prev):
        return False
    head = detect_heading(prev)
    if head is not None and not head.body and len(prev) < 36:
        return False  # a heading on its own line ("2. 抓住结合点，促进教师队伍建设，")
    return True
