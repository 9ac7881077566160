"""The batch index: every document of an archive, its plans, sections and activities, in SQLite.

Rows are keyed by the document's path inside the archive, so two runs over the same
archive give the same table contents whatever the order documents finished in. Documents
are committed in short transactions, so an interrupted run keeps all but its last moments
of work and never half a document (see :class:`Writer`). Dates are ISO text, so "every activity in April" is::

    SELECT doc, what, start FROM activities WHERE strftime('%m', start) = '04';
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from planparse.model import Document, Section
from planparse.errors import ConfigError

log = logging.getLogger(__name__)

SCHEMA = "planparse-index/2"
OLD_SCHEMAS = ("planparse-index/1",)  # upgraded in place: their documents are parsed again
KEYS = {"documents": "path", "plans": "doc, n", "sections": "doc, plan, n", "activities": "doc, plan, n",
        "mappings": "doc", "skipped": "path", "passages": "doc, n"}

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,       -- path inside the archive (POSIX)
    sha256 TEXT,                 -- of the input's bytes; null when they could not be read
    size INTEGER,
    format TEXT, encoding TEXT,  -- as in the parsed document
    plans INTEGER,               -- number of plans found
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_class TEXT, error TEXT,
    output TEXT,                 -- the output file, relative to the output folder
    options TEXT                 -- parse options and parser version the output was made with
);
CREATE TABLE IF NOT EXISTS plans (
    doc TEXT NOT NULL, n INTEGER NOT NULL, title TEXT, type TEXT, year INTEGER,
    first_line INTEGER, last_line INTEGER, PRIMARY KEY (doc, n));
CREATE TABLE IF NOT EXISTS sections (
    doc TEXT NOT NULL, plan INTEGER NOT NULL, n INTEGER NOT NULL, level INTEGER, heading TEXT,
    kind TEXT, confidence REAL, first_line INTEGER, last_line INTEGER, PRIMARY KEY (doc, plan, n));
CREATE TABLE IF NOT EXISTS activities (
    doc TEXT NOT NULL, plan INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT, what TEXT,
    start TEXT, "end" TEXT, precision TEXT, who TEXT, line INTEGER, section TEXT,
    PRIMARY KEY (doc, plan, n));
CREATE TABLE IF NOT EXISTS mappings (doc TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS skipped (  -- inputs listed but never read, as of the last run
    path TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS activities_start ON activities (start);
CREATE TABLE IF NOT EXISTS passages (   -- what `planparse search` finds (planparse.batch.passages)
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL, plan INTEGER NOT NULL, n INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('activity', 'heading', 'text')),
    line INTEGER, kind TEXT, text TEXT NOT NULL, start TEXT, "end" TEXT, UNIQUE (doc, n));
-- full-text index of the passages by rowid = passages.id: jieba words and character pairs
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(words, grams, content='',
    tokenize='unicode61 remove_diacritics 0');
"""


@dataclass(frozen=True, slots=True)
class Rows:
    """A parsed document's rows for the plans, sections and activities tables (without ``doc``)."""

    plans: tuple[tuple[Any, ...], ...] = ()
    sections: tuple[tuple[Any, ...], ...] = ()
    activities: tuple[tuple[Any, ...], ...] = ()
    passages: tuple[tuple[Any, ...], ...] = ()
    tokens: tuple[tuple[str, str], ...] = ()  # the full-text index's words and grams of each passage


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything the index holds about one document."""

    path: str
    sha256: str | None
    size: int
    status: Literal["ok", "failed"]
    format: str | None = None
    encoding: str | None = None
    plans: int | None = None
    error_class: str | None = None
    error: str | None = None
    output: str | None = None
    options: str = ""
    rows: Rows = Rows()
    mapping: str | None = None  # the SPEC §1 mapping as compact JSON


@dataclass(frozen=True, slots=True)
class Known:
    sha256: str | None
    status: str
    output: str | None
    options: str


def open_index(path: str | Path) -> sqlite3.Connection:
    """Open (or create) an index; WAL mode, so a killed writer loses at most its open transaction."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    schema = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if row else None
    if schema is not None and schema[0] != SCHEMA and schema[0] not in OLD_SCHEMAS:
        conn.close()
        raise ConfigError(f"index made by another planparse version ({schema[0]}); use a new output folder",
                          str(path))
    conn.executescript(_DDL)
    if schema is None:
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
    elif schema[0] != SCHEMA:  # an older index: parse its documents again on this run
        with _transaction(conn):
            conn.execute("UPDATE documents SET options = ''")
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA,))
    _check_tokens(conn)
    return conn


def _check_tokens(conn: sqlite3.Connection) -> None:
    """Rebuild the full-text index when its tokens were made by another segmenter (another
    planparse, jieba or dictionary): passages are deleted from it by their tokens."""
    from planparse.batch.passages import segmenter_key, tokens

    key = segmenter_key()
    row = conn.execute("SELECT value FROM meta WHERE key = 'segmenter'").fetchone()
    if row is not None and row[0] == key:
        return
    with _transaction(conn):
        conn.execute("INSERT INTO passages_fts(passages_fts) VALUES ('delete-all')")
        if row is not None:
            log.info("rebuilding the search index (tokens made by %s)", row[0])
            rows = conn.execute("SELECT id, text FROM passages").fetchall()
            conn.executemany("INSERT INTO passages_fts(rowid, words, grams) VALUES (?,?,?)",
                             ((i, *tokens(text)) for i, text in rows))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('segmenter', ?)", (key,))


def document_rows(doc: Document) -> Rows:
    """Table rows of a parsed document; sections depth-first with their nesting level; the
    passages that search finds, with their full-text tokens."""
    from planparse.batch.passages import passage_rows, tokens

    plans, sections, activities = [], [], []
    for p, plan in enumerate(doc.plans, 1):
        plans.append((p, plan.title, plan.type, plan.year, plan.first, plan.last))
        for n, (level, s) in enumerate(_walk(plan.sections, 1), 1):
            sections.append((p, n, level, s.heading.text if s.heading else None, s.kind, round(s.confidence, 2),
                             s.first, s.last))
        for n, a in enumerate(plan.activities, 1):
            w = a.when
            activities.append((p, n, a.text, a.what, w.start and w.start.isoformat(), w.end and w.end.isoformat(),
                               w.precision, a.who, a.line, a.section))
    passages = passage_rows(doc)
    return Rows(tuple(plans), tuple(sections), tuple(activities), passages, tuple(tokens(r[5]) for r in passages))


def _walk(sections: tuple[Section, ...], level: int) -> Iterator[tuple[int, Section]]:
    for s in sections:
        yield level, s
        yield from _walk(s.sections, level + 1)


def known(conn: sqlite3.Connection) -> dict[str, Known]:
    """What the index already holds, by path."""
    rows = conn.execute("SELECT path, sha256, status, output, options FROM documents")
    return {path: Known(sha, status, output, options) for path, sha, status, output, options in rows}


class Writer:
    """Writes documents in short transactions: committed after ``docs`` documents or
    ``seconds``, whichever comes first, and by :meth:`commit`.

    A killed run loses at most the last transaction's entries (their inputs are simply
    redone); a document is never half written.
    """

    def __init__(self, conn: sqlite3.Connection, docs: int = 20, seconds: float = 0.5) -> None:
        self.conn = conn
        self.docs = docs
        self.seconds = seconds
        self.opened: float | None = None
        self.pending = 0

    def write(self, e: Entry, replace: bool = True) -> None:
        """Store everything about one document; ``replace=False`` when the index cannot hold it yet."""
        if self.opened is None:
            self.conn.execute("BEGIN")
            self.opened = time.monotonic()
        try:
            _insert(self.conn, e, replace)
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.opened = None
            self.pending = 0
            raise
        self.pending += 1
        self.tick()

    def tick(self) -> None:
        """Commit if the open transaction is due (call it now and then, even without writes)."""
        if self.opened is None:
            return
        if self.pending >= self.docs or time.monotonic() - self.opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self.opened is not None:
            self.conn.execute("COMMIT")
            self.opened = None
            self.pending = 0


def _insert(conn: sqlite3.Connection, e: Entry, replace: bool) -> None:
    if replace:
        _delete(conn, [e.path])
    conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                 (e.path, e.sha256, e.size, e.format, e.encoding, e.plans, e.status,
                  e.error_class, e.error, e.output, e.options))
    conn.executemany("INSERT INTO plans VALUES (?,?,?,?,?,?,?)", ((e.path, *r) for r in e.rows.plans))
    conn.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?)", ((e.path, *r) for r in e.rows.sections))
    conn.executemany("INSERT INTO activities VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     ((e.path, *r) for r in e.rows.activities))
    if e.mapping is not None:
        conn.execute("INSERT INTO mappings VALUES (?,?)", (e.path, e.mapping))
    if e.rows.passages:
        conn.executemany("INSERT INTO passages (doc, plan, n, source, line, kind, text, start, \"end\") "
                         "VALUES (?,?,?,?,?,?,?,?,?)", ((e.path, *r) for r in e.rows.passages))
        ids = [i for (i,) in conn.execute("SELECT id FROM passages WHERE doc = ? ORDER BY n", (e.path,))]
        conn.executemany("INSERT INTO passages_fts(rowid, words, grams) VALUES (?,?,?)",
                         ((i, *t) for i, t in zip(ids, e.rows.tokens, strict=True)))


def prune(conn: sqlite3.Connection, keep: Iterable[str]) -> list[str | None]:
    """Drop documents not in ``keep``; return their output files (relative paths) to remove."""
    keep = set(keep)
    gone = [(path, output) for path, output in conn.execute("SELECT path, output FROM documents")
            if path not in keep]
    with _transaction(conn):
        _delete(conn, [path for path, _ in gone])
    return [output for _, output in gone]


def record_skipped(conn: sqlite3.Connection, skipped: Iterable[tuple[str, str]]) -> None:
    """Replace the list of inputs that were not read (path, reason) with this run's."""
    with _transaction(conn):
        conn.execute("DELETE FROM skipped")
        conn.executemany("INSERT INTO skipped VALUES (?, ?)", skipped)


def failures(conn: sqlite3.Connection) -> Iterator[dict[str, str]]:
    """Failed documents as errors.jsonl records: path, error (class) and message."""
    rows = conn.execute("SELECT path, error_class, error FROM documents WHERE status = 'failed' ORDER BY path")
    for path, cls, message in rows:
        yield {"path": path, "error": cls, "message": message}


def iter_mappings(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(path, mapping JSON) of every parsed document, by path."""
    yield from conn.execute("SELECT doc, json FROM mappings ORDER BY doc")


def table_contents(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a fixed order, for comparing two indexes (passages without their
    row ids, which depend on the order documents were written in)."""
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall() for t, key in KEYS.items()
           if t != "passages"}
    out["passages"] = conn.execute("SELECT doc, plan, n, source, line, kind, text, start, \"end\" FROM passages "
                                   "ORDER BY doc, n").fetchall()
    return out


def error_record(path: str, error_class: str, message: str) -> str:
    """One errors.jsonl line."""
    return json.dumps({"path": path, "error": error_class, "message": message}, ensure_ascii=False)


def _delete(conn: sqlite3.Connection, paths: list[str]) -> None:
    from planparse.batch.passages import tokens

    for path in paths:  # out of the full-text index first, by the tokens it was indexed with
        rows = conn.execute("SELECT id, text FROM passages WHERE doc = ?", (path,)).fetchall()
        conn.executemany("INSERT INTO passages_fts(passages_fts, rowid, words, grams) VALUES ('delete', ?, ?, ?)",
                         ((i, *tokens(text)) for i, text in rows))
    for table, key in KEYS.items():
        column = key.split(",")[0]
        conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", ((p,) for p in paths))


class _transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
