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
from functools import cache

from planparse.dates.strategies import INVALID, Context, Parts, strategies, year_prefixes
from planparse.dates.vocab import words
from planparse.model import Mention, Recurrence, When
from planparse.numerals import cn_to_int
from planparse.resources import to_simplified

__all__ = ["find_dates", "find_invalid_dates", "find_recurrences", "placeholder_year", "resolve", "scan"]

_UNDATED = Context(None, None, None)


def find_dates(text: str, year: int | None = None, term: int | None = None,
               term_start: date | None = None) -> list[When]:
    """Every date expression in ``text``, in order, normalized to first and last day.

    year: the year when the text gives none (placeholders such as 20xx give none);
        without it, ``start``/``end`` are None — a year is never guessed.
    term: 1 (autumn) or 2 (spring), for 开学初 / 期中 / 期末.
    term_start: the term's first Monday, for 第N周.
    Recurrences ("每月", "一月组织一次") are not dates: see :func:`find_recurrences`.
    """
    ctx = Context(year, term, term_start)
    found = (resolve(m, ctx) for m in scan(to_simplified(text), text)[0])
    return [w for w in found if isinstance(w, When)]


def find_invalid_dates(text: str, year: int | None = None) -> list[tuple[str, int]]:
    """Impossible dates ("2月30日", "13月"; "2月29日" outside a leap ``year``) as (text, offset) pairs.

    >>> find_invalid_dates("定于2月30日召开")
    [('2月30日', 2)]
    """
    ctx = Context(year, None, None)
    return [(m.text, m.offset) for m in scan(to_simplified(text), text)[0] if resolve(m, ctx) is INVALID]


def scan(simple: str, original: str | None = None) -> tuple[tuple[Mention, ...], tuple[Recurrence, ...]]:
    """The time expressions of a line, found once: date mentions (not yet given days) and
    recurrences. ``simple`` is the line in simplified characters; ``original`` the line as
    written (same length), whose characters the mentions keep.

    Every strategy in order, no overlaps; recurrences are found first and dates never
    take their words.
    """
    original = simple if original is None else original
    present = set(simple)
    recurrences = _recurrences(simple, original, present)
    taken: list[tuple[int, int]] = [(r.offset, r.offset + len(r.text)) for r in recurrences]
    found: list[Mention] = []
    for st in strategies():
        if st.skip(present):
            continue
        for m in st.pattern.finditer(simple):
            a, b = m.span()
            parts = m.groupdict()
            if st.prefix:
                pm = year_prefixes()[st.prefix].search(simple, max(0, a - 12), a)
                if pm and pm.group(0):
                    a = pm.start()
                    parts.update(pm.groupdict())
            if a == b or any(a < y and x < b for x, y in taken):
                continue
            if st.fits is not None and not st.fits(m):
                continue
            parts = Parts((k, v) for k, v in parts.items() if v is not None)
            if st.refuses and st.resolve(parts, _UNDATED) is None:
                continue  # not a date after all, whatever the year
            taken.append((a, b))
            text = original[a:b]
            lead = len(text) - len(text.lstrip())
            found.append(Mention(text.strip(), a + lead, st.name, tuple(parts.items())))
    return tuple(sorted(found, key=lambda m: m.offset)), recurrences


def resolve(m: Mention, ctx: Context) -> When | bool:
    """The days a mention covers in a plan's context: a :class:`When` (dates None when the
    year is unknown), or ``INVALID`` (False) for an impossible date such as 2月30日."""
    parts = Parts(m.parts)
    try:
        resolved = _strategy(m.shape).resolve(parts, ctx)
    except OverflowError:  # a day past year 9999 (a far-off --term-start or year): no such date
        return INVALID
    if resolved is INVALID or resolved is None:
        return INVALID
    start, end, precision = resolved  # type: ignore[misc]
    wd = parts["wd"]
    return When(m.text, start, end, precision, m.offset, words()["weekdays"][wd] if wd else None)


def placeholder_year(m: Mention) -> str | None:
    """The placeholder a mention writes for its year ("20xx", "20__"), if any."""
    for key, value in m.parts:
        if key in ("ay", "by", "y1", "y2") and _placeholder().fullmatch(value):
            return value
    return None


@cache
def _placeholder() -> re.Pattern[str]:
    return re.compile(words()["placeholder_year"])


@cache
def _strategy(name: str):
    return next(st for st in strategies() if st.name == name)


def find_recurrences(text: str) -> list[Recurrence]:
    """Every recurrence ("每季度", "两周一次", "二个月出刊一期") in ``text``, in order.

    >>> find_recurrences("每季度召开一次联席会议")[0].every
    'quarter'
    """
    simple = to_simplified(text)
    return list(_recurrences(simple, text, set(simple)))


def _recurrences(text: str, original: str, present: set[str]) -> tuple[Recurrence, ...]:
    found: list[Recurrence] = []
    taken: list[tuple[int, int]] = []
    units = words()["recurrence_units"]
    for pattern, needs in _recurrence_table():
        if needs.isdisjoint(present):
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
                every, interval = units[groups.get("u") or groups["v"]], cn_to_int(groups["n"]) if groups.get("n") else 1
            if not interval:
                continue
            taken.append((a, b))
            found.append(Recurrence(original[a:b], every, interval, a))
    return tuple(sorted(found, key=lambda r: r.offset))


@cache
def _recurrence_table() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    return tuple((re.compile(p), frozenset(needs)) for p, needs in words()["recurrence"])
