"""Full-text search over a batch index (``planparse search``).

The index (:mod:`planparse.batch.index`) keeps every activity, section heading and body line
of the archive as a passage, indexed in SQLite FTS5 by jieba's words and by character pairs
(:mod:`planparse.batch.passages`). A query is a few terms separated by spaces; every term
must occur in a passage (``A OR B`` for either, ``-A`` for none), and a term is found where
its characters stand together; a term jieba cuts into several words (消防演练) needs each of
them close by, and ranks higher where they stand together. Passages are ranked by bm25 over the
words, then over the pairs.

>>> to_fts("消防 演练")
'((grams : "消防") OR (words : "消防")) AND ((grams : "演练") OR (words : "演练"))'
>>> snippet("11月9日组织全体员工开展消防疏散演练", ["消防", "演练"])
'11月9日组织全体员工开展«消防»疏散«演练»'
"""

from __future__ import annotations

import calendar
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planparse.batch.passages import fold, index_grams, index_words, is_unit
from planparse.errors import ConfigError, InputError

log = logging.getLogger(__name__)

INDEX_NAME = "index.sqlite"
WORD_WEIGHT, GRAM_WEIGHT = 2.0, 1.0  # bm25 column weights: a match on whole words counts double
MARK = ("«", "»")
NEAR = 8  # the words of one term may stand this many character pairs apart


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for.

    text: the search terms. start/end: only activities whose dates lie within [start, end]
    (either may be open). type: plan type; kind: section kind of the passage (an activity's:
    that of the section holding it). limit: the most results to return.
    """

    text: str
    start: date | None = None
    end: date | None = None
    type: str | None = None
    kind: str | None = None
    limit: int = 20


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage found: where it is, what it says, its dates (activities) and its bm25 score
    (higher is better)."""

    path: str
    plan: int
    title: str | None
    type: str | None
    kind: str | None
    line: int | None
    source: str  # activity, heading or text
    text: str
    snippet: str
    start: str | None
    end: str | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``planparse search --format json``."""
        when = {"start": self.start, "end": self.end} if self.source == "activity" else None
        return {"path": self.path, "plan": self.plan, "title": self.title, "kind": self.kind, "line": self.line,
                "text": self.text, "snippet": self.snippet, "when": when, "score": self.score}


@dataclass(frozen=True, slots=True)
class _Term:
    text: str       # folded
    negated: bool
    fts: str        # its FTS5 expression


def search(index: str | Path, query: Query) -> list[Hit]:
    """The passages of an index that match ``query``, best first; ``[]`` when none do.

    ``index`` is a batch output folder or its ``index.sqlite``. Raises :class:`InputError`
    when there is no index there, :class:`ConfigError` for a query with nothing to search.
    """
    terms = parse_query(query.text)
    conn = connect(index)
    try:
        sql, args = _sql(terms, query)
        rows = conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        raise ConfigError(f"cannot search for {query.text!r}: {exc}") from None
    finally:
        conn.close()
    wanted = marked_terms(terms)
    hits = [Hit(doc, plan, title, ptype, kind, line, source, text, snippet(text, wanted), start, end,
                float(f"{-score:.4g}") + 0.0)
            for doc, plan, title, ptype, kind, line, source, text, start, end, score in rows]
    return _distinct(hits)[: query.limit]


def marked_terms(terms: list[_Term] | str) -> list[str]:
    """What a snippet marks for a query: each wanted term and the words jieba cuts it into."""
    if isinstance(terms, str):
        terms = parse_query(terms)
    out: list[str] = []
    for t in terms:
        if not t.negated and t.fts != "OR":
            out += [t.text, *term_words(t.text)]
    return out


def connect(index: str | Path) -> sqlite3.Connection:
    """Open a batch index for reading; ``index`` is its folder or the file itself."""
    from planparse.batch.index import OLD_SCHEMAS, SCHEMA

    path = Path(index)
    if path.is_dir():
        path = path / INDEX_NAME
    if not path.is_file():
        raise InputError("no batch index here; make one with `planparse batch SRC -o OUTDIR`", str(index))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        schema = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        raise InputError("not a planparse batch index", str(path)) from None
    if schema is None or schema[0] in OLD_SCHEMAS:
        conn.close()
        raise ConfigError("this index has no search table yet; run the same `planparse batch` again to add it",
                          str(path))
    if schema[0] != SCHEMA:
        conn.close()
        raise ConfigError(f"index made by another planparse version ({schema[0]})", str(path))
    _warn_if_stale(conn, path)
    return conn


def _warn_if_stale(conn: sqlite3.Connection, path: Path) -> None:
    from planparse.batch.passages import segmenter_key

    row = conn.execute("SELECT value FROM meta WHERE key = 'segmenter'").fetchone()
    if row and row[0] != segmenter_key():
        log.warning("%s: indexed by %s, searched with %s; run the same `planparse batch` again to bring the "
                    "search index up to date", path, row[0], segmenter_key())


def parse_query(text: str) -> list[_Term]:
    """The terms of a query; raises :class:`ConfigError` when none of them can be searched."""
    terms: list[_Term] = []
    for raw in text.split():
        negated = raw.startswith("-") and len(raw) > 1
        word = raw[1:] if negated else raw
        if word == "OR":
            terms.append(_Term("OR", False, "OR"))
            continue
        fts = term_fts(word)
        if fts:
            terms.append(_Term(fold(word), negated, fts))
    terms = _strip_or(terms)
    if not any(not t.negated for t in terms):
        raise ConfigError(f"nothing to search for in {text!r}: give a word or two (消防 演练)")
    return terms


def _strip_or(terms: list[_Term]) -> list[_Term]:
    """Drop an OR with no term on one of its sides."""
    out: list[_Term] = []
    for t in terms:
        if t.fts == "OR" and (not out or out[-1].fts == "OR" or out[-1].negated):
            continue
        out.append(t)
    while out and out[-1].fts == "OR":
        out.pop()
    return out


def term_fts(term: str) -> str:
    """One term as an FTS5 expression: its characters together (as consecutive pairs) or its
    words. A term jieba cuts into several words also matches where they stand within
    ``NEAR`` pairs of each other (消防演练 finds 消防疏散演练), and ranks higher where they
    stand together; a one-character word stays with its neighbour (去敬老院). A term of one
    character matches it as a word or at the start of a pair. Empty for punctuation.

    >>> term_fts("教代会")
    '(grams : "教代 代会") OR (words : "教代会")'
    >>> term_fts("消防演练")
    '(grams : NEAR("消防" "演练", 8)) OR (words : NEAR("消防" "演练", 8)) OR (grams : "消防 防演 演练")'
    """
    grams = index_grams(term)
    if not grams:
        return ""
    parts = term_words(term)
    if len(parts) == 1:
        if len(grams) == 1 and is_unit(grams[0]):
            return f'(grams : "{grams[0]}"*) OR (words : "{" ".join(index_words(term))}")'
        return f'(grams : "{" ".join(grams)}") OR (words : "{" ".join(index_words(term))}")'
    near_grams = " ".join(f'"{" ".join(index_grams(w))}"' for w in parts)
    near_words = " ".join(f'"{" ".join(index_words(w))}"' for w in parts)
    return (f"(grams : NEAR({near_grams}, {NEAR})) OR (words : NEAR({near_words}, {NEAR}))"
            f' OR (grams : "{" ".join(grams)}")')


def term_words(term: str) -> list[str]:
    """The words of a term as searched: jieba's, a one-character word joined to its neighbour.

    >>> term_words("消防演练"), term_words("去敬老院")
    (['消防', '演练'], ['去敬老院'])
    """
    from planparse.segment import tokenizer

    out: list[str] = []
    pending = ""
    for w in tokenizer().lcut(fold(term), HMM=False):
        if not index_grams(w):
            continue
        if len(w) == 1 and out:
            out[-1] += w
        elif len(w) == 1:
            pending += w
        else:
            out.append(pending + w)
            pending = ""
    if pending:
        out.append(pending)
    return out


def to_fts(text: str) -> str:
    """The FTS5 MATCH expression of a query."""
    return _expression(parse_query(text))


def _expression(terms: list[_Term]) -> str:
    groups: list[list[_Term]] = []  # OR-chains, joined by AND
    joined = False
    for t in terms:
        if t.fts == "OR":
            joined = True
            continue
        if joined and groups and not t.negated:
            groups[-1].append(t)
        else:
            groups.append([t])
        joined = False
    positive = [g for g in groups if not g[0].negated]
    negative = [g[0] for g in groups if g[0].negated]
    expr = " AND ".join("(" + " OR ".join(f"({t.fts})" for t in g) + ")" if len(g) > 1 else f"({g[0].fts})"
                        for g in positive)
    for t in negative:
        expr += f" NOT ({t.fts})"
    return expr


def _sql(terms: list[_Term], query: Query) -> tuple[str, list[Any]]:
    where, args = ["1"], [_expression(terms)]
    if query.type:
        where.append("pl.type = ?")
        args.append(query.type)
    if query.kind:
        where.append("p.kind = ?")
        args.append(query.kind)
    if query.start or query.end:
        where.append("p.source = 'activity' AND p.start IS NOT NULL")
    if query.start:
        where.append("p.start >= ?")
        args.append(query.start.isoformat())
    if query.end:
        where.append('p."end" <= ?')
        args.append(query.end.isoformat())
    args.append(query.limit * 3 + 30)  # room for passages dropped as repeats of an activity
    # without filters the best passages are picked in the full-text index alone, then joined
    # (ties at the cut are then taken in the order they were indexed)
    ranked = (f"SELECT rowid, bm25(passages_fts, {WORD_WEIGHT}, {GRAM_WEIGHT}) AS score FROM passages_fts "
              "WHERE passages_fts MATCH ?")
    if len(where) == 1:
        ranked += " ORDER BY score LIMIT ?"
        args = [args[0], args[-1], args[-1]]
    sql = f"""
        SELECT p.doc, p.plan, pl.title, pl.type, p.kind, p.line, p.source, p.text, p.start, p."end", f.score
        FROM ({ranked}) f
        JOIN passages p ON p.id = f.rowid
        LEFT JOIN plans pl ON pl.doc = p.doc AND pl.n = p.plan
        WHERE {" AND ".join(where)}
        ORDER BY f.score, p.doc, p.n
        LIMIT ?"""
    return sql, args


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Drop a heading or body line found together with an activity it holds (or that holds it)."""
    acts: dict[tuple[str, int], list[Hit]] = {}
    for h in hits:
        if h.source == "activity":
            acts.setdefault((h.path, h.plan), []).append(h)
    out = []
    for h in hits:
        if h.source != "activity" and any(a.line == h.line or a.text in h.text or h.text in a.text
                                          for a in acts.get((h.path, h.plan), ())):
            continue
        out.append(h)
    return out


def snippet(text: str, terms: list[str], width: int = 80, mark: tuple[str, str] = MARK) -> str:
    """``text`` with every occurrence of the terms marked, cut to about ``width`` characters
    around the first one (… where it is cut)."""
    folded = fold(text)
    spans: list[list[int]] = []
    for term in terms:
        term = "".join(term.split())
        for m in re.finditer(re.escape(term), folded) if term else ():
            spans.append([m.start(), m.end()])
    spans.sort()
    merged: list[list[int]] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append(s)
    lo, hi = 0, len(text)
    if len(text) > width:
        first = merged[0][0] if merged else 0
        lo = max(0, min(first - width // 3, len(text) - width))
        hi = lo + width
    out, pos = ["…" if lo else ""], lo
    for a, b in merged:
        if b <= lo or a >= hi:
            continue
        a, b = max(a, lo), min(b, hi)
        out += [text[pos:a], mark[0], text[a:b], mark[1]]
        pos = b
    out += [text[pos:hi], "…" if hi < len(text) else ""]
    return "".join(out)


def period(value: str, end: bool = False) -> date:
    """The first (or, with ``end``, the last) day of a year, a month or a day written
    YYYY, YYYY-MM or YYYY-MM-DD.

    >>> period("2015"), period("2024-02", end=True)
    (datetime.date(2015, 1, 1), datetime.date(2024, 2, 29))
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        if day:
            return date(year, month, day)
        if month:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise ConfigError(f"not a date: {value!r} (write 2015, 2015-03 or 2015-03-10)") from None
