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
from dataclasses import replace
from datetime import date
from functools import cache

from planparse.dates.resolvers import INVALID, Context, Parts, xun_span
from planparse.dates.strategies import NUM, strategies, unknown_before, year_prefixes
from planparse.dates.vocab import words
from planparse.model import Mention, Recurrence, When
from planparse.numerals import cn_to_int
from planparse.regexes import regex
from planparse.resources import to_simplified

__all__ = ["Context", "find_dates", "find_invalid_dates", "find_recurrences", "placeholder_year", "resolve",
           "scan", "xun_in_month"]

_UNDATED = Context(None)
_YEAR_ENDS = frozenset("年历的 \t\u3000")  # how a year written before a date can end
_UNKNOWN_ENDS = frozenset("年历 \t\u3000")
_SPAN_SHAPES = frozenset({"festival", "day", "iso_day"})  # what "X到Y" joins into one span
_BARE_XUN = regex(r"(?<![0-9０-９〇零一二三四五六七八九十年月日号每本上下至到~～\-—])(?:上中旬|中下旬|上旬|中旬|下旬|月初|月中|月底|月末)")


def find_dates(text: str, year: int | None = None, term: int | None = None,
               term_start: date | None = None, issued: date | None = None) -> list[When]:
    """Every date expression in ``text``, in order, normalized to first and last day.

    year: the year when the text gives none (placeholders such as 20xx give none);
        without it, ``start``/``end`` are None — a year is never guessed.
    term: 1 (autumn) or 2 (spring), for 开学初 / 期中 / 期末.
    term_start: the term's first Monday, for 第N周.
    issued: the day the document bears, where "即日起至…" starts.
    Recurrences ("每月", "一月组织一次") are not dates: see :func:`find_recurrences`.
    An expression whose modifier is not understood ("2021年前两个季度") gives no date.
    """
    ctx = Context(year, term, term_start, issued)
    found = (resolve(m, ctx) for m in scan(to_simplified(text), text)[0])
    return [w for w in found if isinstance(w, When)]


def xun_in_month(text: str, month: When) -> When | None:
    """A xun written without its month ("下旬召开推优大会", "月底前完成统计") in an item under a
    schedule's month, read in that month; its ``offset`` is in ``text``.

    >>> w = xun_in_month("；下旬召开推优大会", When("十一月", date(2024, 11, 1), date(2024, 11, 30), "month"))
    >>> w.text, w.start, w.end, w.offset
    ('下旬', datetime.date(2024, 11, 21), datetime.date(2024, 11, 30), 1)
    >>> xun_in_month("每月底汇总", When("十一月", date(2024, 11, 1), date(2024, 11, 30), "month")) is None
    True
    """
    m = _BARE_XUN.search(to_simplified(text))
    if m is None or month.precision != "month":
        return None
    if month.start is None:
        return When(m.group(0), None, None, "xun", m.start())
    start, end = xun_span(month.start.year, month.start.month, m.group(0).removeprefix("月"))
    return When(m.group(0), start, end, "xun", m.start())


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
    found: list[tuple[int, int, str, Parts]] = []
    prefixes = year_prefixes()
    for st in strategies():
        if st.skip(present):
            continue
        prefix = prefixes[st.prefix] if st.prefix else None
        for m in st.pattern.finditer(simple):
            a, b = m.span()
            parts = Parts({k: v for k, v in m.groupdict().items() if v is not None})
            if prefix is not None and a and (st.prefix == "edge" or simple[a - 1] in _YEAR_ENDS):
                pm = prefix.search(simple, max(0, a - 12), a)
                if pm and pm.group(0):
                    a = pm.start()
                    parts.update({k: v for k, v in pm.groupdict().items() if v is not None})
            if a == b or (taken and any(a < y and x < b for x, y in taken)):
                continue
            if st.fits is not None and not st.fits(m, parts):
                continue
            if st.refuses and st.resolve(parts, _UNDATED) is None:
                continue  # not a date after all, whatever the year
            taken.append((a, b))
            if not st.void:
                found.append((a, b, st.name, parts))
    if not found:
        return (), recurrences
    found.sort(key=lambda f: f[0])
    found = _joined(simple, _enumerated(simple, found, taken))
    mentions = []
    for a, b, shape, parts in found:
        if a and simple[a - 1] in _UNKNOWN_ENDS and unknown_before().search(simple, max(0, a - 6), a):
            continue  # 农历 before a solar date, a year not understood: no date rather than a wrong one
        text = original[a:b]
        lead = len(text) - len(text.lstrip())
        mentions.append(Mention(text.strip(), a + lead, shape, tuple(parts.items())))
    return tuple(mentions), recurrences


def _enumerated(simple: str, found: list, taken: list[tuple[int, int]]) -> list:
    """Days listed after a dated day ("9月10号，11号，12号") take its month."""
    out = []
    for a, b, shape, parts in found:
        out.append((a, b, shape, parts))
        if shape != "day":
            continue
        while (m := _enumeration().match(simple, b)) and not any(m.start(1) < y and x < m.end() for x, y in taken):
            more = Parts(parts)
            more.pop("wd", None)
            more["ad"] = m["d"]
            out.append((m.start(1), m.end(), "day", more))
            b = m.end()
    return out


@cache
def _enumeration():
    return regex(rf"\s*[，、,和及与]\s*((?P<d>{NUM})\s*[日号])(?![0-9一二三四五六七八九十楼])")


@cache
def _from_now() -> re.Pattern[str]:
    return regex("(?:" + "|".join(map(re.escape, words()["from_now"])) + r")\s*$")


@cache
def _span_word() -> re.Pattern[str]:
    return regex(r"\s*(?:至|到|——|—|－|-|~|～)\s*$")


def _joined(simple: str, found: list) -> list:
    """Two dates joined by 至/到 ("2019年感恩节到2021年母亲节", "去年春节到元宵节") are one
    span; "即日起至3月15日" starts on the document's own date."""
    out: list = []
    for a, b, shape, parts in found:
        prev = out[-1] if out else None
        if (prev and prev[2] in _SPAN_SHAPES and shape in _SPAN_SHAPES and "from" not in prev[3]
                and _span_word().fullmatch(simple[prev[1]:a]) and (prev[2] == "festival" or shape == "festival")):
            joined = Parts({f"a.{k}": v for k, v in prev[3].items()})
            joined.update({f"b.{k}": v for k, v in parts.items()})
            joined.update({"a": prev[2], "b": shape})
            out[-1] = (prev[0], b, "span", joined)
            continue
        fm = _from_now().search(simple, max(0, a - 8), a)
        if fm and shape not in ("span",):
            parts = Parts(parts)
            parts["from"] = fm.group(0)
            a = fm.start()
        out.append((a, b, shape, parts))
    return out


def resolve(m: Mention, ctx: Context) -> When | bool | None:
    """The days a mention covers in a plan's context: a :class:`When` (dates None when the
    year is unknown), ``INVALID`` (False) for an impossible date such as 2月30日, or None
    where the mention dates nothing in this context (a bare weekday outside a weekly plan)."""
    parts = Parts(m.parts)
    try:
        resolved = _resolve_parts(m.shape, parts, ctx)
    except OverflowError:  # a day past year 9999 (a far-off --term-start or year): no such date
        return INVALID
    if resolved is INVALID or resolved is None:
        return resolved  # type: ignore[return-value]
    start, end, precision = resolved  # type: ignore[misc]
    if parts["from"]:
        start, precision = ctx.issued if end is not None and ctx.issued and ctx.issued <= end else None, "range"
    wd = parts["wd"] or parts["a.wd"]
    return When(m.text, start, end, precision, m.offset, words()["weekdays"][wd] if wd else None)


def _resolve_parts(shape: str, parts: Parts, ctx: Context):
    if shape == "span":
        first = _resolve_parts(parts["a"], Parts({k[2:]: v for k, v in parts.items() if k.startswith("a.")}), ctx)
        if not first:
            return first
        own = Parts({k[2:]: v for k, v in parts.items() if k.startswith("b.")})
        year = first[0].year if first[0] is not None and not (own["ay"] or own["ar"]) else ctx.year
        second = _resolve_parts(parts["b"], own, replace(ctx, year=year))
        if not second:
            return second
        if first[0] is None or second[1] is None:
            return None, None, "range"
        return (first[0], second[1], "range") if second[1] >= first[0] else None
    return _strategy(shape).resolve(parts, ctx)


def placeholder_year(m: Mention) -> str | None:
    """The placeholder a mention writes for its year ("20xx", "20__"), if any."""
    for key, value in m.parts:
        if key in ("ay", "by", "y1", "y2") and _placeholder().fullmatch(value):
            return value
    return None


@cache
def _placeholder() -> re.Pattern[str]:
    return regex(words()["placeholder_year"])


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
                every, interval = units[m["u"]], cn_to_int(groups["n"]) if groups.get("n") else 1
            if not interval:
                continue
            taken.append((a, b))
            found.append(Recurrence(original[a:b], every, interval, a))
    return tuple(sorted(found, key=lambda r: r.offset))


@cache
def _recurrence_table() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    return tuple((regex(p), frozenset(needs)) for p, needs in words()["recurrence"])
