"""Exports of a batch index: JSON Lines of whole documents, Parquet of activities.

Both stream from the index, so an archive of any size exports in little memory.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from planparse.batch.index import iter_mappings
from planparse.outputs import atomic_path

BATCH_ROWS = 10_000

_ACTIVITY_QUERY = """
SELECT a.doc, a.plan, p.title, p.type, p.year, a.n, a.text, a.what, a.start, a."end", a.precision,
       a.who, a.line, a.section
FROM activities a JOIN plans p ON p.doc = a.doc AND p.n = a.plan
ORDER BY a.doc, a.plan, a.n
"""
ACTIVITY_COLUMNS = ("path", "plan", "plan_title", "plan_type", "year", "n", "text", "what", "start", "end",
                    "precision", "who", "line", "section")


def write_jsonl(index: str | Path, dest: str | Path) -> int:
    """One line per parsed document: ``{"path": …}`` followed by its SPEC §1 mapping. Returns the count."""
    conn = sqlite3.connect(str(index))
    n = 0
    try:
        with atomic_path(dest, parents=True) as tmp, open(tmp, "w", encoding="utf-8") as f:
            for path, mapping in iter_mappings(conn):
                f.write('{"path": ' + json.dumps(path, ensure_ascii=False) + ", " + mapping[1:] + "\n")
                n += 1
    finally:
        conn.close()
    return n


def write_parquet(index: str | Path, dest: str | Path) -> int:
    """Every activity as a row (see ``ACTIVITY_COLUMNS``), dates as Parquet dates. Needs pyarrow."""
    from planparse.errors import require

    pa = require("pyarrow", "Parquet export", "pyarrow")
    pq = require("pyarrow.parquet", "Parquet export", "pyarrow")
    schema = pa.schema([
        ("path", pa.string()), ("plan", pa.int32()), ("plan_title", pa.string()), ("plan_type", pa.string()),
        ("year", pa.int32()), ("n", pa.int32()), ("text", pa.string()), ("what", pa.string()),
        ("start", pa.date32()), ("end", pa.date32()), ("precision", pa.string()), ("who", pa.string()),
        ("line", pa.int32()), ("section", pa.string()),
    ])
    conn = sqlite3.connect(str(index))
    n = 0
    try:
        with atomic_path(dest, parents=True) as tmp, pq.ParquetWriter(str(tmp), schema) as writer:
            cursor = conn.execute(_ACTIVITY_QUERY)
            while rows := cursor.fetchmany(BATCH_ROWS):
                columns = [list(c) for c in zip(*rows)]
                for i in (8, 9):  # start, end
                    columns[i] = [date.fromisoformat(d) if d else None for d in columns[i]]
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                n += len(rows)
    finally:
        conn.close()
    return n
