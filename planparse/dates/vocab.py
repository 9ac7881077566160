"""Date vocabulary from ``date_words.yaml`` and ``festivals.yaml``, and calendar helpers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from planparse.errors import ModelError
from planparse.resources import load_yaml


@cache
def words() -> dict[str, Any]:
    return load_yaml("date_words.yaml")


@dataclass(frozen=True, slots=True)
class Festival:
    key: str
    names: tuple[str, ...]
    rule: str
    not_followed_by: re.Pattern[str] | None
    only_followed_by: re.Pattern[str] | None


@cache
def festival_data() -> tuple[tuple[Festival, ...], tuple[str, ...], dict[int, dict[str, str]]]:
    d = load_yaml("festivals.yaml")
    out = []
    for entry in d["festivals"]:
        rule = str(entry["date"])
        if not (re.fullmatch(r"\d\d-\d\d|lunar|solar_term|nth_weekday \d\d \d \d", rule)):
            raise ModelError(f"festival {entry.get('key')!r}: bad date rule {rule!r}", "planparse/data/festivals.yaml")
        out.append(Festival(
            entry["key"], tuple(entry["names"]), rule,
            re.compile(entry["not_followed_by"]) if entry.get("not_followed_by") else None,
            re.compile(entry["only_followed_by"]) if entry.get("only_followed_by") else None))
    return tuple(out), tuple(d["suffixes"]), _festival_dates()


def _festival_dates() -> dict[int, dict[str, str]]:
    text = files("planparse.data").joinpath("festival_dates.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    header = rows[0][1:]
    return {int(r[0]): dict(zip(header, r[1:])) for r in rows[1:]}


def festival_day(fest: Festival, year: int) -> date | None:
    """The day of a festival in ``year`` (None outside the generated table)."""
    rule = fest.rule
    if rule in ("lunar", "solar_term"):
        row = festival_data()[2].get(year)
        if row is None or fest.key not in row:
            return None
        m, d = str(row[fest.key]).split("-")
        return date(year, int(m), int(d))
    if rule.startswith("nth_weekday"):
        _, month, n, weekday = rule.split()
        first = date(year, int(month), 1)
        delta = (int(weekday) - first.weekday()) % 7
        return first + timedelta(days=delta + 7 * (int(n) - 1))
    m, d = rule.split("-")
    return date(year, int(m), int(d))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def span_day(spec: str, year: int) -> date:
    """Read a span end such as "03-01", "02-end" or "+01-31" for ``year``."""
    if spec.startswith("+"):
        year, spec = year + 1, spec[1:]
    m, d = spec.split("-")
    return month_end(year, int(m)) if d == "end" else date(year, int(m), int(d))
