"""Resolvers: a matched date expression's parts → its days in a plan's context (SPEC §3).

Each resolver takes the named parts of a match (:class:`Parts`: year ``ay``, month ``am``,
day ``ad``, xun ``x``, festival ``f`` …) and a :class:`Context`, and returns
``(start, end, precision)``; ``None`` when the words are no date at all (or none in this
context); ``INVALID`` for an impossible date such as 2月30日.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from planparse.dates.vocab import festival_data, festival_day, lunar_month, month_end, span_day, words
from planparse.numerals import cn_to_int

DIG = "[0-9０-９]"
ROC_EPOCH = 1911  # 民国 (Republic of China) year 1 is 1912
CN_DIGIT = "〇零一二三四五六七八九"
_DIGITS = str.maketrans("０１２３４５６７８９〇零一二三四五六七八九", "01234567890012345678" + "9")


@dataclass(frozen=True, slots=True)
class Context:
    """What a plan tells about its dates: its year, its term (1 autumn, 2 spring), the
    Monday its term starts, the day the document bears (a cover notice's or sign-off's
    date, for "即日起至…") and the week it is dated by (for a bare weekday)."""

    year: int | None
    term: int | None = None
    term_start: date | None = None
    issued: date | None = None
    week: date | None = None  # the Monday of the week a weekly plan is dated by


# (start, end, precision); None: no date here; INVALID: an impossible date (2月30日)
Resolved = tuple[date | None, date | None, str] | None | bool
INVALID = False


class Parts(dict):
    """A mention's named parts (missing ones read as None), as the resolvers see them."""

    def __missing__(self, key: str) -> None:
        return None


def num(s: str | None) -> int | None:
    if s is None:
        return None
    return cn_to_int(s.strip())


def written_year(y: str, ctx: Context) -> int | None:
    """A year as written: 2024, 二〇二四, a year of the Republic (113 = 2024), or two digits
    (98, 零七) placed by the plan's year: the Republic's year where that is the plan's year or next to it.

    >>> written_year("98", Context(2009)), written_year("98", Context(2024)), written_year("24", Context(2024))
    (2009, 1998, 2024)
    """
    y = y.translate(_DIGITS)
    if not y.isdigit():
        return ctx.year  # a placeholder (20xx年): the year given by --year, if any
    if len(y) == 4:
        return int(y)
    if len(y) == 3:
        return ROC_EPOCH + int(y)
    yy = int(y)
    if ctx.year is None:
        return 2000 + yy if yy < 30 else 1900 + yy
    if abs(ROC_EPOCH + yy - ctx.year) <= 1:
        return ROC_EPOCH + yy  # "98年4月4日" in a plan of 2009: the Republic's 98th year, as Taiwan writes it
    return 2000 + yy if 2000 + yy <= ctx.year + words()["two_digit_year_ahead"] else 1900 + yy


def month_num(s: str | None) -> int | None:
    """A month as written: 9, 九, 十二, 元 (January)."""
    return 1 if s == "元" else num(s)


def year_of(m: Parts, p: str, ctx: Context) -> int | None:
    """The year a match names (its own digits, a relative word) or the context's."""
    y = m[f"{p}y"]
    if y:
        return written_year(y, ctx)
    r = m[f"{p}r"] or (m[f"{p}e"] + "年" if m[f"{p}e"] else None)
    if r:
        off = words()["relative_years"][r]
        return ctx.year + off if ctx.year is not None else None
    return ctx.year


def own_year(m: Parts, p: str = "a") -> bool:
    return bool(m[f"{p}y"] or m[f"{p}r"] or m[f"{p}e"])


def _valid_month(mo: int | None) -> bool:
    return mo is not None and 1 <= mo <= 12


def safe_date(year: int | None, month: int, day: int) -> date | None | bool:
    """A date, None when the year is unknown, False when impossible (2月30日)."""
    try:
        d = date(year if year is not None else 2024, month, day)
    except ValueError:
        return False
    return d if year is not None else None


def xun_span(year: int, month: int, x: str) -> tuple[date, date]:
    a, b = words()["xun"][x]
    start = date(year, month, int(a))
    return start, month_end(year, month) if b == "end" else date(year, month, int(b))


def school_year(m: Parts, ctx: Context) -> Resolved:
    y1 = num(m["y1"]) if re.fullmatch(f"{DIG}{{4}}", m["y1"]) else ctx.year
    if m["y2"] and re.fullmatch(f"{DIG}{{4}}", m["y2"]) and re.fullmatch(f"{DIG}{{4}}", m["y1"]):
        if num(m["y2"]) != (y1 or 0) + 1:
            return None
    if y1 is None:
        return None, None, "term" if m["t"] else "year"
    if m["t"]:
        a, b = words()["school_terms"][m["t"]]
        return span_day(a, y1), span_day(b, y1), "term"
    return date(y1, 9, 1), date(y1 + 1, 8, 31), "year"


def day_range(m: Parts, ctx: Context) -> Resolved:
    y1 = year_of(m, "a", ctx)
    m1, d1 = month_num(m["am"]), num(m["ad"])
    m2 = month_num(m["bm"]) if m["bm"] else m1
    d2 = num(m["bd"])
    y2 = year_of(m, "b", Context(y1)) if own_year(m, "b") else y1
    if d1 is None or d2 is None:
        return None
    if not (_valid_month(m1) and _valid_month(m2)):
        return INVALID
    a, b = safe_date(y1, m1, d1), safe_date(y2, m2, d2)  # type: ignore[arg-type]
    if a is False or b is False:
        return INVALID
    if a and b and b < a:
        if own_year(m, "b"):
            return None
        b = b.replace(year=b.year + 1)
    return a or None, b or None, "range"


def numeric_range(m: Parts, ctx: Context) -> Resolved:
    """2019.05.29-2020.01.12, 1999.08-2002.02, 2008.03-2009: both ends with their years."""
    y1, y2 = written_year(m["ay"], ctx), written_year(m["by"], ctx)
    if y1 is None or y2 is None or not (1900 <= y1 <= 2100 and 1900 <= y2 <= 2100):
        return None
    m1, m2 = num(m["am"]), num(m["bm"])
    if not _valid_month(m1) or (m2 is not None and not _valid_month(m2)):
        return None
    start = safe_date(y1, m1, num(m["ad"])) if m["ad"] else date(y1, m1, 1)  # type: ignore[arg-type]
    if m2 is None:
        end: date | bool | None = date(y2, 12, 31)
    else:
        end = safe_date(y2, m2, num(m["bd"])) if m["bd"] else month_end(y2, m2)  # type: ignore[arg-type]
    if not start or not end or end < start:  # type: ignore[operator]
        return None
    return start, end, "range"  # type: ignore[return-value]


def year_range(m: Parts, ctx: Context) -> Resolved:
    """2008年——2018年, 2020至2025年, 1985到89年9月."""
    y1 = written_year(m["ay"], ctx)
    y2 = written_year(m["by"], Context(y1)) if y1 is not None else None
    if y1 is None or y2 is None or y2 < y1 or not 1900 <= y1 <= 2100:
        return None
    mo = num(m["bm"])
    if m["bm"] and not _valid_month(mo):
        return None
    return date(y1, 1, 1), month_end(y2, mo) if mo else date(y2, 12, 31), "range"  # type: ignore[arg-type]


def month_range(m: Parts, ctx: Context) -> Resolved:
    y1 = year_of(m, "a", ctx)
    m1, m2 = month_num(m["am"]), month_num(m["bm"])
    if not (_valid_month(m1) and _valid_month(m2)):
        return None
    y2 = year_of(m, "b", Context(y1)) if own_year(m, "b") else y1
    if y1 is None or y2 is None:
        return None, None, "range"
    if (y2, m2) < (y1, m1):
        if own_year(m, "b"):
            return None
        y2 += 1
    start = xun_span(y1, m1, m["ax"])[0] if m["ax"] else date(y1, m1, 1)  # type: ignore[arg-type]
    end = xun_span(y2, m2, m["bx"])[1] if m["bx"] else month_end(y2, m2)  # type: ignore[arg-type]
    return start, end, "range"


def dotted(m: Parts, ctx: Context) -> Resolved:
    """9.18, 3/15, 3.15-3.20: a month and day written as numbers — no date when impossible."""
    found = day_range(m, ctx) if m["bd"] else day(m, ctx)
    return None if found is INVALID else found


def day(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    mo, d = month_num(m["am"]), num(m["ad"])
    if d is None:
        return None
    if not _valid_month(mo):
        return INVALID
    found = safe_date(y, mo, d)  # type: ignore[arg-type]
    if found is False:
        return INVALID
    return found or None, found or None, "day"


def nth_weekday(m: Parts, ctx: Context) -> Resolved:
    """5月第二个星期日: the n-th such weekday of the month."""
    y, mo, n = year_of(m, "a", ctx), month_num(m["am"]), num(m["n"])
    if not _valid_month(mo) or not n:
        return None
    if y is None:
        return None, None, "day"
    first = date(y, mo, 1)  # type: ignore[arg-type]
    found = first + timedelta(days=(words()["weekdays"][m["wd"]] - first.weekday()) % 7 + 7 * (n - 1))
    return (found, found, "day") if found.month == mo else None


def xun(m: Parts, ctx: Context) -> Resolved:
    y, mo = year_of(m, "a", ctx), month_num(m["am"])
    if not _valid_month(mo):
        return INVALID
    if y is None:
        return None, None, "xun"
    start, end = xun_span(y, mo, m["x"])  # type: ignore[arg-type]
    return start, end, "xun"


def placeholder_month(m: Parts, ctx: Context) -> Resolved:
    """XX月, ×月XX日: a template's month, dates null (SPEC §3)."""
    return None, None, "day" if m["pd"] else "month"


def month(m: Parts, ctx: Context) -> Resolved:
    y, mo = year_of(m, "a", ctx), month_num(m["am"])
    if not _valid_month(mo):
        return INVALID if mo and 12 < mo < 100 else None
    if y is None:
        return None, None, "month"
    return date(y, mo, 1), month_end(y, mo), "month"  # type: ignore[arg-type]


def quarter(m: Parts, ctx: Context) -> Resolved:
    y, q = year_of(m, "a", ctx), words()["quarters"][m["q"]]
    if y is None:
        return None, None, "range"
    return date(y, 3 * q - 2, 1), month_end(y, 3 * q), "range"


_LUNAR_DAY = {"初": 0, "廿": 20, "卅": 30}


def lunar_day(s: str) -> int | None:
    """初五 → 5, 廿二 → 22, 十五 → 15, 初8 → 8."""
    if s[0] in _LUNAR_DAY:
        rest = s[1:]
        if not rest:
            return _LUNAR_DAY[s[0]] or None
        n = num(rest)
        return None if n is None or n > 10 else _LUNAR_DAY[s[0]] + n
    return num(s)


def lunar(m: Parts, ctx: Context) -> Resolved:
    """农历八月十五, 正月初八, 腊月, 闰四月: a day or a month of the lunar calendar."""
    y = written_year(m["ly"], ctx) if m["ly"] else year_of(m, "a", ctx)
    lm = m["lm"]
    mo = words()["lunar_months"].get(lm) or num(lm)
    if m["dn"]:  # 大年初十
        mo = 1
    if not _valid_month(mo):
        return None
    ld = m["ld"] or m["ld2"]
    d = lunar_day(ld) if ld else None
    if ld and not d:
        return None
    precision = "day" if d else "month"
    if y is None:
        return None, None, precision
    span = lunar_month(y, mo, bool(m["leap"]))  # type: ignore[arg-type]
    if span is None:
        return None
    if d is None:
        return span[0], span[1], "month"
    found = span[0] + timedelta(days=d - 1)
    return (found, found, "day") if found <= span[1] else INVALID


def year_part(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    part = m["p"] if m["p"].endswith("半年") else "年" + m["p"]
    a, b, precision = words()["year_parts"][part]
    if y is None:
        return None, None, precision
    return span_day(a, y), span_day(b, y), precision


def season(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    if y is None:
        return None, None, "season"
    a, b = words()["seasons"][m["s"] or m["s2"] + "季"]
    return span_day(a, y), span_day(b, y), "season"


def term(m: Parts, ctx: Context) -> Resolved:
    if ctx.year is None or ctx.term not in (1, 2):
        return None, None, "term"
    a, b = words()["terms"][m["t"]][ctx.term]
    return span_day(a, ctx.year), span_day(b, ctx.year), "term"


def festival_named(name: str):
    return next(f for f in festival_data()[0] if name in f.names)


def festival(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    found = festival_day(festival_named(m["f"]), y) if y is not None else None
    return found, found, "festival"


def week(m: Parts, ctx: Context) -> Resolved:
    """第15周, 第3-4周, （15周）; with its own dates: 第11周（11月11日—11月15日）."""
    w1 = num(m["w1"] or m["w1b"])
    w2 = num(m["w2"]) if m["w2"] else w1
    if not w1 or not w2 or w2 < w1 or w2 > 30:
        return None
    if m["bd"]:
        own = day_range(m, ctx)
        if own is INVALID or own is None:
            return own
        return own[0], own[1], "week"  # type: ignore[index]
    if ctx.term_start is None:
        return None, None, "week"
    try:
        return ctx.term_start + timedelta(weeks=w1 - 1), ctx.term_start + timedelta(weeks=w2 - 1, days=6), "week"
    except OverflowError:  # past the calendar's end (a far-off --term-start): a week without days
        return None, None, "week"


def weekday(m: Parts, ctx: Context) -> Resolved:
    """周三 in a plan dated by its week: that week's day; elsewhere no date."""
    if ctx.week is None:
        return None
    found = ctx.week + timedelta(days=words()["weekdays"][m["wd"]])
    return found, found, "day"


def whole_year(m: Parts, ctx: Context) -> Resolved:
    if m["sp"]:
        if ctx.year is None:
            return None, None, "range"
        a, b = words()["relative_spans"][m["sp"]]
        return date(ctx.year + a, 1, 1), date(ctx.year + b, 12, 31), "range"
    y = year_of(m, "a", ctx)
    if m["w"]:
        off = words()["relative_years"].get(m["w"], 0)
        y = ctx.year + off if ctx.year is not None else None
    if y is None:
        return None, None, "year"
    return date(y, 1, 1), date(y, 12, 31), "year"


def unknown(m: Parts, ctx: Context) -> Resolved:
    """An expression whose modifier the grammar does not read: no date, whatever the year."""
    return None
