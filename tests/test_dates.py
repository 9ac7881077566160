"""find_dates and find_recurrences against the hand-written tables in tests/cases/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from planparse.dates import find_dates, find_invalid_dates, find_recurrences

CASES = Path(__file__).parent / "cases"
DATES = yaml.safe_load((CASES / "dates.yaml").read_text("utf-8"))
RECURRING = yaml.safe_load((CASES / "recurring.yaml").read_text("utf-8"))


def _iso(v):
    return v.isoformat() if isinstance(v, date) else v


@pytest.mark.parametrize("row", DATES, ids=[r["label"] for r in DATES])
def test_date_expression(row):
    got = find_dates(row["text"], year=row.get("year"), term=row.get("term"), term_start=row.get("term_start"))
    assert [(w.text, _iso(w.start), _iso(w.end), w.precision) for w in got] == [
        (e["text"], _iso(e["start"]), _iso(e["end"]), e["precision"]) for e in row["expect"]]
    invalid = find_invalid_dates(row["text"], year=row.get("year"))
    assert bool(invalid) == bool(row.get("invalid")), invalid


@pytest.mark.parametrize("row", RECURRING, ids=[r["label"] for r in RECURRING])
def test_recurrence(row):
    got = find_recurrences(row["text"])
    assert [(r.text, r.every, r.interval) for r in got] == [
        (e["text"], e["every"], e.get("interval", 1)) for e in row["expect"]]


def test_the_tables_are_big_enough():
    assert len(DATES) >= 300 and len(RECURRING) >= 40
