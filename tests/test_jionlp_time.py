"""find_dates on the plan-relevant cases of JioNLP's time-parser suite (tests/cases/jionlp_time.yaml).

Every row asserts SPEC's answer (``expect``). Where SPEC decides a convention differently
(``convention: differs``), JioNLP's own answer is asserted too, under xfail(strict=True): if
planparse ever gave JioNLP's days there, the row would say so. Rows with ``status: fail``
are known misses, also strict xfails.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from planparse.dates import find_dates

ROWS = yaml.safe_load((Path(__file__).parent / "cases" / "jionlp_time.yaml").read_text("utf-8"))


def _iso(v):
    return v.isoformat() if isinstance(v, date) else v


def _found(row):
    return [(w.text, _iso(w.start), _iso(w.end), w.precision) for w in find_dates(row["text"], year=row.get("year"))]


def _param(row, marks=()):
    if row.get("status") == "fail":
        marks = (*marks, pytest.mark.xfail(strict=True, reason=row.get("comment") or "known miss"))
    return pytest.param(row, id=row["label"], marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_spec_answer(row):
    assert _found(row) == [(e["text"], _iso(e["start"]), _iso(e["end"]), e["precision"]) for e in row["expect"]]


DIFFERS = [r for r in ROWS if r["convention"] == "differs" and r.get("jionlp")]


@pytest.mark.parametrize("row", [pytest.param(r, id=r["label"], marks=pytest.mark.xfail(strict=True, reason=r["comment"]))
                                 for r in DIFFERS])
def test_jionlp_answer_where_spec_differs(row):
    got = find_dates(row["text"], year=row.get("year"))
    spans = (_iso(got[0].start), _iso(got[-1].end)) if got else None
    assert spans == (_iso(row["jionlp"]["start"]), _iso(row["jionlp"]["end"]))


def test_the_table_is_whole():
    labels = [r["label"] for r in ROWS]
    assert len(labels) == len(set(labels))
    jio = [r for r in ROWS if r.get("jionlp")]
    assert len(jio) >= 120 and len(ROWS) - len(jio) >= 30  # JioNLP's cases and planparse's negatives
    for r in ROWS:
        assert r["convention"] in ("same", "differs"), r["label"]
        assert r["convention"] == "same" or r["comment"], f"{r['label']}: a differing row says why"


def test_the_shared_convention_rows_agree_with_jionlp():
    """Where a row says SPEC and JioNLP agree, its expected days are JioNLP's."""
    for r in ROWS:
        if r["convention"] == "same" and r.get("jionlp") and r["expect"]:
            assert (_iso(r["expect"][0]["start"]), _iso(r["expect"][-1]["end"])) == (
                _iso(r["jionlp"]["start"]), _iso(r["jionlp"]["end"])), r["label"]
