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
from planparse.regexes import regex
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
    cue: bool = True  # one of the dating cues the classifiers see (planparse.cues.dated_cue)


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
            regex(entry["not_followed_by"]) if entry.get("not_followed_by") else None,
            regex(entry["only_followed_by"]) if entry.get("only_followed_by") else None,
            bool(entry.get("cue", True))))
    guard = regex(d["solar_term_guard"])
    for entry in d["solar_terms"]:
        out.append(Festival(entry["key"], (entry["key"],), "solar_term", None,
                            guard if entry.get("guarded") else None, False))
    table = _festival_dates()
    missing = [f.key for f in out if f.rule in ("lunar", "solar_term") and f.key not in table[2024]]
    if missing:
        raise ModelError(f"no days for {', '.join(missing)} (run scripts/make_festivals.py)",
                         "planparse/data/festival_dates.tsv")
    return tuple(out), tuple(d["suffixes"]), table


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


@cache
def lunar_months() -> dict[int, tuple[int, tuple[date, ...]]]:
    """Lunar year → (its leap month or 0, the first solar day of each of its months in
    order — the leap month after the month it repeats — and of the next year's first month)."""
    text = files("planparse.data").joinpath("lunar_months.tsv").read_text("utf-8")
    out = {}
    for ln in text.splitlines():
        if ln and not ln.startswith("#"):
            year, leap, *days = ln.split("\t")
            out[int(year)] = (int(leap), tuple(date.fromisoformat(d) for d in days))
    return out


def lunar_month(year: int, month: int, leap: bool = False) -> tuple[date, date] | None:
    """First and last solar day of a lunar month (None outside the table or for a leap
    month the year does not have).

    >>> lunar_month(2020, 4, leap=True)
    (datetime.date(2020, 5, 23), datetime.date(2020, 6, 20))
    """
    row = lunar_months().get(year)
    if row is None or not 1 <= month <= 12 or (leap and row[0] != month):
        return None
    leap_at, days = row
    i = month - 1 + (1 if leap_at and (month > leap_at or leap) else 0)
    return days[i], days[i + 1] - timedelta(days=1)
