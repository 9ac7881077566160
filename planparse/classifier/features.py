"""Features of sections and plans for the classifiers (training and inference alike).

A section is seen through a :class:`SectionView`: its heading's title and numbering
style, the opening of its body, its place among the plan's top-level sections, its
neighbours' titles and the shape of its sub-sections. Headingless paragraphs are views
with an empty title. Features are sparse ``{name: value}`` mappings.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from dataclasses import dataclass, replace

from planparse.cues import body_kind, body_kinds, dated_cue, heading_kind, is_separator, is_time_field, lead_kind
from planparse.headings import LEARNED_AS, TIME_STYLES
from planparse.model import Line, Section
from planparse.regexes import regex
from planparse.segment import quick_words
from planparse.resources import to_simplified

OPENING = 60
PLAN_TEXT = 300
CLAUSE = 20  # characters of the opening's first clause read closely
BODY_SEEN = 120
SEPARATOR_TITLE_WEIGHT = 0.0
LEAD_REACH = 6  # units after a lead-in ("……目标如下：") that it still names
LEAD = 6  # characters of an item's heading in which a date opens it
POSITION_WEIGHT = 0.3  # position is a strong prior; kept light so that content can outweigh it
BODY = 200
_CLAUSE_END = regex(r"[，,。；;：:！!？?]")
EVENT_NAME = 16  # the longest item title read as an event's name
_MEASURE = regex(r"[0-9０-９]+\s*[%％‰]|达到|不低于|不少于|以上|以内")
_PUNCT = regex(r"[\s，,。：:；;、！!？?“”\"'（）()【】《》\-—·]+")


@dataclass(frozen=True, slots=True)
class SectionView:
    title: str
    style: str
    opening: str  # the first BODY characters of the body; features read OPENING of them closely
    n_children: int = 0
    time_children: bool = False
    dated: float = 0.0  # share of its items whose heading carries a date
    lead_dated: float = 0.0  # share of its items whose heading opens with one ("四月份……", "3月下旬……")
    fielded: float = 0.0  # share of its items with a dated time field ("活动时间：5月18日上午")
    index: int = 0
    count: int = 1
    prev_title: str = ""
    next_title: str = ""
    lead: str = ""  # the kind a lead-in just before names ("……工作目标如下：" → goals)
    run: str = ""  # that kind, for the run of numbered items right after the lead-in
    named: float = 0.0  # share of its items that only name an event ("（一）“九九同心”集体生日会"), no task's clause


def _names_event(title: str) -> bool:
    """An item's title that names an event and no more ("“巧手插花”体验课", "志愿服务类"), not a task's clause."""
    return 0 < len(title) <= EVENT_NAME and not _CLAUSE_END.search(title)


def view_of(sec: Section, index: int, count: int, prev: Section | None, nxt: Section | None) -> SectionView:
    """The view of a top-level section (headed, or a heading-null group of items)."""
    h = sec.heading
    own = [sec.text] if h is None else [h.body] + [b.text for b in sec.body[1:]]
    parts = own + ["".join(b.text for b in c.body) if c.body else c.text for c in sec.sections]
    opening = "".join(p for p in parts if p)[:BODY]
    kids = [c for c in sec.sections if c.heading is not None]
    dated = sum(bool(dated_cue().search(c.heading.text)) for c in kids) / len(kids) if kids else 0.0
    lead = sum(bool(dated_cue().search((c.heading.title or "")[:LEAD])) for c in kids) / len(kids) if kids else 0.0
    return SectionView(
        title=(h.title or "") if h else "", style=h.style if h else "none", opening=opening,
        n_children=len(sec.sections), time_children=any(c.heading and c.heading.style in TIME_STYLES
                                                        for c in sec.sections),
        dated=dated, lead_dated=lead, index=index, count=count,
        fielded=sum(any(ln.dates and is_time_field(ln.text) for ln in _lines(c)) for c in kids) / len(kids) if kids else 0.0,
        named=sum(_names_event(c.heading.title or "") for c in kids) / len(kids) if kids else 0.0,
        prev_title=_title(prev), next_title=_title(nxt))


def _lines(sec: Section) -> list[Line]:
    """A section's lines, its sub-sections' included."""
    return list(sec.body) + [ln for c in sec.sections for ln in _lines(c)]


def paragraph_view(text: str, index: int, count: int, prev: str, nxt: str) -> SectionView:
    """The view of one headingless paragraph at the top level of a plan."""
    return SectionView("", "none", text[:BODY], index=index, count=count, prev_title=prev, next_title=nxt)


def unit_views(units: list[Section | Line]) -> list[SectionView]:
    """Views of a plan's top-level units: its sections, and each headingless paragraph on its own.

    Positions and neighbours count units, so a paragraph is seen the same way whether the
    annotation or the parser grouped it with its neighbours.
    """
    titles = [u.heading.title or "" if isinstance(u, Section) and u.heading else "" for u in units]
    leads = [_lead(u) for u in units]
    views = []
    n = len(units)
    run, run_style, run_value = "", None, 0
    for i, u in enumerate(units):
        prev, nxt = (titles[i - 1] if i else ""), (titles[i + 1] if i + 1 < n else "")
        lead = next((k for k in reversed(leads[max(0, i - LEAD_REACH):i]) if k), "")
        head = u.heading if isinstance(u, Section) else None
        if i and leads[i - 1] and head is not None:
            run, run_style, run_value = leads[i - 1], head.style, 0
        if head is None or head.style != run_style or head.value <= run_value or heading_kind(titles[i]):
            run, run_style = "", None  # the items a lead-in announces end where their numbering does
        else:
            run_value = head.value
        if isinstance(u, Section):
            views.append(replace(view_of(u, i, n, None, None), prev_title=prev, next_title=nxt, lead=lead, run=run))
        else:
            views.append(replace(paragraph_view(u.text, i, n, prev, nxt), lead=lead))
    return views


def _lead(unit: Section | Line) -> str:
    """The kind a headingless lead-in paragraph announces for what follows ("……目标如下：")."""
    text = unit.text if isinstance(unit, Line) else (unit.text if unit.heading is None and not unit.sections else "")
    return lead_kind(text) or ""


def _title(sec: Section | None) -> str:
    if sec is None:
        return ""
    return (sec.heading.title or "") if sec.heading else ""


def section_features(v: SectionView) -> dict[str, float]:
    """Sparse features of a section view: character n-grams of its title and of its opening
    (no word segmentation: n-grams carry the same cues at a fraction of the cost), cues of
    the lexicon, its numbering style, position, neighbours and sub-sections."""
    title = _PUNCT.sub("", to_simplified(v.title))[:24]
    opening = _PUNCT.sub("", to_simplified(v.opening[:OPENING + 40]))[:OPENING]
    clause = _PUNCT.sub("", _CLAUSE_END.split(to_simplified(v.opening[:CLAUSE + 20]), maxsplit=1)[0])[:CLAUSE]
    head = quick_words(opening)
    f: dict[str, float] = dict.fromkeys(["bw:" + w for w in head], 0.5)
    f.update(dict.fromkeys(["c1:" + w for w in quick_words(clause) if len(w) > 1], 1.0))
    if title:
        f.update(dict.fromkeys(_grams("t1:", title, 1) + _grams("t2:", title, 2) + _grams("t3:", title, 3) + ["tw:" + w for w in quick_words(title)], 1.0))
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
    f[f"bstart:{opening[:2]}"] = 1.0
    if _MEASURE.search(v.opening):
        f["measure"] = 1.0
    f[f"dates:{sum(1 for _ in islice(dated_cue().finditer(v.opening[:OPENING * 2]), 3))}"] = 1.0
    for lex in body_kinds(v.opening):
        f[f"blex:{lex}"] = 1.0
    f[f"style:{LEARNED_AS.get(v.style, v.style)}"] = 1.0
    pos = "first" if v.index == 0 else ("last" if v.index == v.count - 1 else "mid")
    f[f"pos:{pos}"] = POSITION_WEIGHT
    f["relpos"] = POSITION_WEIGHT * v.index / max(v.count - 1, 1)
    f[f"kids:{min(v.n_children, 3)}"] = 1.0
    if v.time_children:
        f["timekids"] = 1.0
    f["dated"] = v.dated
    f["lead_dated"] = v.lead_dated
    if v.lead:
        f[f"lead:{v.lead}"] = 1.0
    if v.prev_title:
        f[f"prev:{_PUNCT.sub('', v.prev_title)[-2:]}"] = 0.5
    if v.next_title:
        f[f"next:{_PUNCT.sub('', v.next_title)[-2:]}"] = 0.5
    return f


def _grams(prefix: str, text: str, n: int) -> list[str]:
    """``prefix`` + every n-gram of ``text``."""
    return [prefix + text[i:i + n] for i in range(len(text) - n + 1)]


def plan_features(title: str | None, text: str, lexicon: list[tuple[str, float]]) -> dict[str, float]:
    """Sparse features of a whole plan: its title's n-grams and words, its opening's bigrams,
    the lexicon's scores (``lexicon``: type and score, best first). A compilation's separator line ("……工作计划篇五") often repeats the
    page's title rather than naming the plan, so its words weigh less."""
    top = lexicon[0][1] or 1.0
    f: dict[str, float] = {f"lex:{kind}": 2.0 * score / top for kind, score in lexicon if score > 0}
    t = _PUNCT.sub("", to_simplified(title or ""))
    text = to_simplified(text)
    weight = SEPARATOR_TITLE_WEIGHT if title and is_separator(t, None) else 1.0
    f.update(dict.fromkeys(_grams("t2:", t, 2) + ["tw:" + w for w in quick_words(t)], weight))
    counts = Counter(_grams("b:", _PUNCT.sub("", text[:PLAN_TEXT]), 2))
    f.update((g, min(c, 5) / 5) for g, c in counts.items())
    return f
