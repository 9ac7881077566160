"""What `planparse search` finds: a document's passages and the tokens they are indexed by.

A passage is an activity (its whole text, with its dates), a section heading, or a line of a
section's body, each with its plan, its source line and the kind of the section that holds
it. Passages are indexed in SQLite FTS5 (the ``passages_fts`` table of the batch index) in
two columns, both over the simplified text:

- ``words``: jieba's words (the shipped dictionary, :func:`planparse.segment.tokenizer`), each
  cut further into the dictionary words it is made of (运动会 → 运动 会), so that bm25 ranks
  passages by the words a query is made of;
- ``grams``: overlapping pairs of characters (digits and Latin letters in runs), so that a
  query term is found wherever its characters stand together, however jieba cut the
  sentence around it (三八节期间 is cut 三 八节 期间, and a search for 三八节 still finds it).

>>> index_words("举行春季田径运动会")
['举行', '春季', '田径', '运动', '会']
>>> index_grams("3月上旬召开教代会")
['3月', '月上', '上旬', '旬召', '召开', '开教', '教代', '代会']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache, lru_cache

from planparse.cues import unglossed
from planparse.model import Document, Plan, Section
from planparse.regexes import regex
from planparse.resources import to_simplified

SOURCES = ("activity", "heading", "text")  # what a passage is

# a token FTS5's unicode61 tokenizer keeps: one with a letter, digit or ideograph in it
_WORDY = regex(r"\w")
_RUNS = regex(r"[^\W_]+")  # what punctuation and spaces leave
_UNITS = regex(r"[0-9a-z]+|[^\W_]")  # a run of digits or Latin letters, or one character
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def index_words(text: str) -> list[str]:
    """The words ``text`` is indexed (or searched) by: simplified, segmented, cut fine, without
    the pinyin a converter wrote after characters ("運動(dòng)會").

    >>> index_words("召開家長會")
    ['召开', '家长', '会']
    """
    from planparse.segment import tokenizer

    out: list[str] = []
    for word in tokenizer().lcut(fold(unglossed(text)), HMM=False):
        if _WORDY.search(word):
            out.extend(pieces(word))
    return out


def fold(text: str) -> str:
    """``text`` as it is indexed: simplified characters, ASCII for full-width letters and digits,
    lower case; one character for one, so offsets agree with ``text``.

    >>> fold("２０２４年工會ＰＰＴ")
    '2024年工会ppt'
    """
    return to_simplified(text).translate(_FULLWIDTH).lower()


@lru_cache(maxsize=65536)
def pieces(word: str) -> tuple[str, ...]:
    """A word cut into the shorter dictionary words it is made of, when it is made of them
    with at most one character left over; otherwise the word itself.

    >>> pieces("三八妇女节"), pieces("教代会")
    (('三八', '妇女', '节'), ('教代会',))
    """
    n = len(word)
    if n < 3:
        return (word,)
    from planparse.segment import tokenizer

    freq = tokenizer().FREQ
    # best[j]: (single characters, -pieces, the pieces) of the best cut of word[:j]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, n + 1):
            piece = word[i:j]
            if j - i == n or (j - i > 1 and not freq.get(piece)):
                continue
            cand = (here[0] + (j - i == 1), here[1] - 1, here[2] + (piece,))
            if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                best[j] = cand
    singles, _, cut = best[n]  # type: ignore[misc]
    if singles > 1:
        return (word,)
    return tuple(w for piece in cut for w in pieces(piece))


def index_grams(text: str) -> list[str]:
    """Overlapping pairs of the units of ``text`` (a character, or a run of digits or Latin
    letters), in simplified characters and lower case, without a converter's pinyin;
    punctuation and spaces break the sequence, and a unit standing alone is its own token."""
    out: list[str] = []
    for run in _RUNS.findall(fold(unglossed(text))):
        units = _UNITS.findall(run)
        if len(units) == 1:
            out.append(units[0])
        else:
            out.extend(a + b for a, b in zip(units, units[1:]))
    return out


def tokens(text: str) -> tuple[str, str]:
    """The ``words`` and ``grams`` columns of a passage, as stored in ``passages_fts``."""
    return " ".join(index_words(text)), " ".join(index_grams(text))


def is_unit(token: str) -> bool:
    """A token of one unit (a character, or a run of digits or Latin letters), not a pair."""
    return bool(_UNITS.fullmatch(token))


@cache
def segmenter_key() -> str:
    """What the tokens depend on besides the text: planparse's and jieba's versions and the
    dictionary. An index whose tokens were made otherwise is rebuilt before it is changed
    (deleting a passage from the index needs the tokens it was indexed with)."""
    import jieba

    from planparse import __version__
    from planparse.segment import dictionary_path

    path = dictionary_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path else "default"
    return f"planparse {__version__}; jieba {jieba.__version__}; dictionary {digest}; pinyin dropped"


def passage_rows(doc: Document) -> tuple[tuple, ...]:
    """Rows ``(plan, n, source, line, kind, text, start, end)`` of a parsed document: every
    activity, every section heading and every other line of a section's body."""
    rows: list[tuple] = []
    for p, plan in enumerate(doc.plans, 1):
        for source, line, kind, text, start, end in _passages(plan):
            rows.append((p, len(rows) + 1, source, line, kind, text, start, end))
    return tuple(rows)


def _passages(plan: Plan) -> Iterator[tuple]:
    spans = list(_spans(plan.sections, 0))
    for a in plan.activities:
        w = a.when
        yield ("activity", a.line, _kind_at(spans, a.line), a.text,
               w.start and w.start.isoformat(), w.end and w.end.isoformat())
    for _, s in spans:
        for line in s.body:
            text = line.text.strip()
            if not text:
                continue
            is_heading = s.heading is not None and line.first == s.first and line.heading is not None
            yield ("heading" if is_heading else "text", line.first, s.kind, text, None, None)


def _spans(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[int, Section]]:
    for s in sections:
        yield depth, s
        yield from _spans(s.sections, depth + 1)


def _kind_at(spans: list[tuple[int, Section]], line: int) -> str | None:
    """The kind of the innermost section holding ``line``."""
    found, deepest = None, -1
    for depth, s in spans:
        if s.first <= line <= s.last and depth > deepest:
            found, deepest = s.kind, depth
    return found
