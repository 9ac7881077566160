"""Plan dates: find every time expression in a text and normalize it (SPEC §3).

>>> find_dates("4月中旬举行全场第六届炊工比武", year=2024)
[When(text='4月中旬', start=datetime.date(2024, 4, 11), end=datetime.date(2024, 4, 20), precision='xun', offset=0, weekday=None)]
>>> [w.text for w in find_dates("五一和国庆期间分别举办歌咏比赛", year=2024)]
['五一', '国庆期间']
>>> find_recurrences("每季度召开一次联席会议")[0].every
'quarter'
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from planparse.dates.strategies import INVALID, Context, Hit, strategies, year_prefixes
from planparse.dates.vocab import words
from planparse.numerals import cn_to_int
from planparse.model import Recurrence, When
from planparse.resources import to_simplified

__all__ = ["find_dates", "find_invalid_dates", "find_recurrences", "scan_dates"]


def find_dates(text: str, year: int | None = None, term: int | None = None,
               term_start: date | None = None) -> list[When]:
    """Every date expression in ``text``, in order, normalized to first and last day.

    year: the year when the text gives none (placeholders such as 20xx give none);
        without it, ``start``/``end`` are None — a year is never guessed.
    term: 1 (autumn) or 2 (spring), for 开学初 / 期中 / 期末.
    term_start: the term's first Monday, for 第N周.
    Recurrences ("每月", "一月组织一次") are not dates: see :func:`find_recurrences`.
    """
    return list(scan_dates(text, year, term, term_start)[0])


def find_invalid_dates(text: str) -> list[tuple[str, int]]:
    """Impossible dates ("2月30日", "13月") as (text, offset) pairs.

    >>> find_invalid_dates("定于2月30日召开")
    [('2月30日', 2)]
    """
    return list(scan_dates(text, 2024, None, None)[1])


@lru_cache(maxsize=8192)
def scan_dates(text: str, year: int | None, term: int | None,
               term_start: date | None) -> tuple[tuple[When, ...], tuple[tuple[str, int], ...]]:
    """Dates and impossible dates of ``text``; every strategy in order, no overlaps.

    Cached: a plan asks about the same sentence more than once (activity, item, what).
    """
    original, text = text, to_simplified(text)  # patterns are simplified; offsets stay the same
    ctx = Context(year, term, term_start)
    taken: list[tuple[int, int]] = [(r.offset, r.offset + len(r.text)) for r in _recurrences(text)]
    found: list[When] = []
    invalid: list[tuple[str, int]] = []
    present = set(text)
    for st in strategies():
        if present.isdisjoint(st.needs):
            continue
        for m in st.pattern.finditer(text):
            a, b = m.span()
            hit = m
            if st.prefix:
                pm = year_prefixes()[st.prefix].search(text, max(0, a - 12), a)
                if pm and pm.group(0):
                    a, hit = pm.start(), Hit(m, pm.groupdict())
                else:
                    hit = Hit(m, {})
            if a == b or any(a < y and x < b for x, y in taken):
                continue
            resolved = st.resolve(hit, ctx)
            if resolved is None:
                continue
            taken.append((a, b))
            if resolved is INVALID:
                invalid.append((original[a:b].strip(), a))
                continue
            start, end, precision = resolved  # type: ignore[misc]
            wd = m.groupdict().get("wd")
            weekday = words()["weekdays"][wd] if wd else None
            found.append(When(original[a:b].strip(), start, end, precision, a, weekday))
    return tuple(sorted(found, key=lambda w: w.offset)), tuple(sorted(invalid, key=lambda x: x[1]))


def find_recurrences(text: str) -> list[Recurrence]:
    """Every recurrence ("每季度", "两周一次", "二个月出刊一期") in ``text``, in order."""
    return list(_recurrences(text))


@lru_cache(maxsize=8192)
def _recurrences(original: str) -> tuple[Recurrence, ...]:
    text = to_simplified(original)
    found: list[Recurrence] = []
    taken: list[tuple[int, int]] = []
    units = words()["recurrence_units"]
    present = set(text)
    for pattern, needs in _recurrence_table():
        if present.isdisjoint(needs):
            continue
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            groups = m.groupdict()
            if groups.get("half"):
                every, interval = "month", 6
            elif groups.get("alt"):
                every, interval = "week", 2
            else:
                every, interval = units[m["u"]], cn_to_int(groups["n"]) if groups.get("n") else 1
            if not interval:
                continue
            taken.append((a, b))
            found.append(Recurrence(original[a:b], every, interval, a))
    return tuple(sorted(found, key=lambda r: r.offset))


@cache
def _recurrence_table() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    return tuple((re.compile(p), frozenset(needs)) for p, needs in words()["recurrence"])
