"""Features of sections and plans for the classifiers (training and inference alike).

A section is seen through a :class:`SectionView`: its heading's title and numbering
style, the opening of its body, its place among the plan's top-level sections, its
neighbours' titles and the shape of its sub-sections. Headingless paragraphs are views
with an empty title. Features are sparse ``{name: value}`` mappings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planparse.cues import body_kind, dated_cue, heading_kind
from planparse.headings import TIME_STYLES
from planparse.model import Line, Section
from planparse.resources import to_simplified
from planparse.segment import words

OPENING = 60
PLAN_TEXT = 800
SEGMENTED = 60
POSITION_WEIGHT = 0.3  # position is a strong prior; kept light so that content can outweigh it
BODY = 200
_PUNCT = re.compile(r"[\s，,。：:；;、！!？?“”\"'（）()【】《》\-—·]+")


@dataclass(frozen=True, slots=True)
class SectionView:
    title: str
    style: str
    opening: str  # the first BODY characters of the body; features read OPENING of them closely
    n_children: int = 0
    time_children: bool = False
    dated: float = 0.0
    index: int = 0
    count: int = 1
    prev_title: str = ""
    next_title: str = ""


def view_of(sec: Section, index: int, count: int, prev: Section | None, nxt: Section | None) -> SectionView:
    """The view of a top-level section (headed, or a heading-null group of items)."""
    h = sec.heading
    own = [sec.text] if h is None else [h.body] + [b.text for b in sec.body[1:]]
    parts = own + ["".join(b.text for b in c.body) if c.body else c.text for c in sec.sections]
    opening = "".join(p for p in parts if p)[:BODY]
    kids = [c for c in sec.sections if c.heading is not None]
    dated = sum(bool(dated_cue().search(c.heading.text)) for c in kids) / len(kids) if kids else 0.0
    return SectionView(
        title=(h.title or "") if h else "", style=h.style if h else "none", opening=opening,
        n_children=len(sec.sections), time_children=any(c.heading and c.heading.style in TIME_STYLES
                                                        for c in sec.sections),
        dated=dated, index=index, count=count,
        prev_title=_title(prev), next_title=_title(nxt))


def paragraph_view(text: str, index: int, count: int, prev: str, nxt: str) -> SectionView:
    """The view of one headingless paragraph at the top level of a plan."""
    return SectionView("", "none", text[:BODY], index=index, count=count, prev_title=prev, next_title=nxt)


def unit_views(units: list[Section | Line]) -> list[SectionView]:
    """Views of a plan's top-level units: its sections, and each headingless paragraph on its own.

    Positions and neighbours count units, so a paragraph is seen the same way whether the
    annotation or the parser grouped it with its neighbours.
    """
    titles = [u.heading.title or "" if isinstance(u, Section) and u.heading else "" for u in units]
    views = []
    n = len(units)
    for i, u in enumerate(units):
        prev, nxt = (titles[i - 1] if i else ""), (titles[i + 1] if i + 1 < n else "")
        if isinstance(u, Section):
            views.append(replace(view_of(u, i, n, None, None), prev_title=prev, next_title=nxt))
        else:
            views.append(paragraph_view(u.text, i, n, prev, nxt))
    return views


def _title(sec: Section | None) -> str:
    if sec is None:
        return ""
    return (sec.heading.title or "") if sec.heading else ""


def _ngrams(text: str, n: int) -> list[str]:
    return [text[i:i + n] for i in range(len(text) - n + 1)]


def section_features(v: SectionView) -> dict[str, float]:
    """Sparse features of a section view."""
    f: dict[str, float] = {}
    title = _PUNCT.sub("", to_simplified(v.title))[:24]
    body = _PUNCT.sub("", to_simplified(v.opening))
    opening = body[:OPENING]
    if title:
        for n in (1, 2, 3):
            for g in _ngrams(title, n):
                f[f"t{n}:{g}"] = 1.0
        for w in words(title):
            f[f"tw:{w}"] = 1.0
        f[f"tend:{title[-2:]}"] = 1.0
        f[f"tlen:{min(len(title) // 4, 4)}"] = 1.0
        lex = body_kind(v.title)
        if lex:
            f[f"tlex:{lex}"] = 1.0
        lexh = heading_kind(v.title)
        if lexh:
            f[f"tlexh:{lexh}"] = 1.0
    else:
        f["headingless"] = 1.0
    first_clause = re.split(r"[，,。；;：:！!？?]", to_simplified(v.opening), maxsplit=1)[0]
    head = words(opening[:SEGMENTED])  # segment only the start: jieba is the expensive part
    clause = len(first_clause)
    pos = 0
    for w in head:
        if pos < clause and len(w) > 1:
            f[f"c1:{w}"] = 1.0
        f[f"bw:{w}"] = 0.5
        pos += len(w)
    for g in _ngrams(opening[:40], 2):
        f[f"b2:{g}"] = 0.5
    for g in _ngrams(body[OPENING:], 2):
        f[f"w2:{g}"] = 0.2
    f[f"bstart:{opening[:2]}"] = 1.0
    if re.search(r"[0-9０-９]+\s*[%％‰]|达到|不低于|不少于|以上|以内", v.opening):
        f["measure"] = 1.0
    f[f"dates:{min(len(dated_cue().findall(v.opening)), 3)}"] = 1.0
    lex = body_kind(v.opening)
    if lex:
        f[f"blex:{lex}"] = 1.0
    f[f"style:{v.style}"] = 1.0
    pos = "first" if v.index == 0 else ("last" if v.index == v.count - 1 else "mid")
    f[f"pos:{pos}"] = POSITION_WEIGHT
    f["relpos"] = POSITION_WEIGHT * v.index / max(v.count - 1, 1)
    f[f"kids:{min(v.n_children, 3)}"] = 1.0
    if v.time_children:
        f["timekids"] = 1.0
    f["dated"] = v.dated
    if v.prev_title:
        f[f"prev:{_PUNCT.sub('', v.prev_title)[-2:]}"] = 0.5
    if v.next_title:
        f[f"next:{_PUNCT.sub('', v.next_title)[-2:]}"] = 0.5
    return f


def plan_features(title: str | None, text: str, lexicon_type: str) -> dict[str, float]:
    """Sparse features of a whole plan: its title, the words of its opening, the lexicon's guess."""
    f: dict[str, float] = {f"lex:{lexicon_type}": 2.0}
    t = _PUNCT.sub("", to_simplified(title or ""))
    text = to_simplified(text)
    for g in _ngrams(t, 2):
        f[f"t2:{g}"] = 1.0
    for w in words(t):
        f[f"tw:{w}"] = 1.0
    counts: dict[str, int] = {}
    for g in _ngrams(_PUNCT.sub("", text[:PLAN_TEXT]), 2):
        counts[g] = counts.get(g, 0) + 1
    for g, c in counts.items():
        f[f"b:{g}"] = min(c, 5) / 5
    return f
