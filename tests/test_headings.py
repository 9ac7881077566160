"""detect_heading against the case table tests/cases/headings.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planparse.headings import detect_heading

ROWS = yaml.safe_load((Path(__file__).parent / "cases" / "headings.yaml").read_text("utf-8"))


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row["comment"])] if row.get("status") == "fail" else []
        yield pytest.param(row, id=row["label"], marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_heading(row):
    h = detect_heading(row["text"])
    got = None if h is None else {"number": h.number, "title": h.title, "style": h.style, "body": h.body}
    want = row["expect"]
    if want is not None:
        want = {k: (str(v) if v is not None else None) for k, v in want.items()}
    assert got == want


def test_the_table_has_negative_rows_and_known_misses():
    assert sum(r["expect"] is None for r in ROWS) >= 8
    assert any(r.get("status") == "fail" for r in ROWS)
    assert len({r["label"] for r in ROWS}) == len(ROWS)
