"""Date shapes, one named strategy each, tried in order (most specific first).

A strategy is a regular expression and a resolver that turns a match into
``(start, end, precision)``; a later strategy never takes text an earlier one matched.
To add a shape: write its pattern and resolver, place it in ``STRATEGIES``, and add
positive and negative rows to ``tests/cases/dates.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Callable

from planparse.dates.vocab import festival_data, festival_day, month_end, span_day, words
from planparse.numerals import cn_to_int

DIG = "[0-9０-９]"
NUM = f"(?:{DIG}{{1,2}}|[一二三四五六七八九十]{{1,3}})"
GUARD = "(?<![0-9０-９一二三四五六七八九十零〇两第每])"
DASH = r"\s*(?:至|到|——|—|–|-|~|～|－|−)\s*"
XUN = "上中旬|中下旬|上旬|中旬|下旬|初|中|底|末"
WEEKDAY = r"(?:\s*[（(]?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])[)）]?)?"


@dataclass(frozen=True, slots=True)
class Context:
    year: int | None
    term: int | None
    term_start: date | None


# (start, end, precision); None: not a date after all; INVALID: an impossible date (2月30日)
Resolved = tuple[date | None, date | None, str] | None | bool
INVALID = False


@dataclass(frozen=True, slots=True)
class Strategy:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[Any, Context], Resolved]
    skip: Callable[[set[str]], bool]  # True for a text (its set of characters) the pattern cannot match
    prefix: str | None = None  # "year" or "edge": a year written before the match belongs to it
    fits: Callable[[re.Match[str]], bool] | None = None  # a check of the match in its text
    refuses: bool = True  # the resolver may find a match no date at all (None), whatever the year


class Parts(dict):
    """A mention's named parts (missing ones read as None), as the resolvers see them."""

    def __missing__(self, key: str) -> None:
        return None


def _ph() -> str:
    return words()["placeholder_year"]


def _rel() -> str:
    return "|".join(map(re.escape, sorted(words()["relative_years"], key=len, reverse=True)))


CN_YEAR = "[〇零一二三四五六七八九]{4}"


def _year(p: str) -> str:
    """An optional year before a month: 2024年, 二〇二四年, 20xx年, 明年, ～年."""
    return rf"(?:(?P<{p}y>{DIG}{{4}}|{CN_YEAR}|{_ph()})\s*年|(?P<{p}r>{_rel()}))?"


def num(s: str | None) -> int | None:
    if s is None:
        return None
    return cn_to_int(s.strip())


def year_of(m: Parts, p: str, ctx: Context) -> int | None:
    """The year a match names (its own digits, a relative word) or the context's."""
    y = m[f"{p}y"]
    if y and re.fullmatch(f"{DIG}{{4}}", y):
        return num(y)
    if y and re.fullmatch(CN_YEAR, y):
        return int("".join(str("〇一二三四五六七八九".find(c)) if c != "零" else "0" for c in y))
    r = m[f"{p}r"]
    if r:
        off = words()["relative_years"][r]
        return ctx.year + off if ctx.year is not None else None
    return ctx.year


def _valid_month(mo: int | None) -> bool:
    return mo is not None and 1 <= mo <= 12


def safe_date(year: int | None, month: int, day: int) -> date | None | bool:
    """A date, None when the year is unknown, False when impossible (2月30日)."""
    try:
        d = date(year if year is not None else 2024, month, day)
    except ValueError:
        return False
    return d if year is not None else None


def _xun_span(year: int, month: int, x: str) -> tuple[date, date]:
    a, b = words()["xun"][x]
    start = date(year, month, int(a))
    return start, month_end(year, month) if b == "end" else date(year, month, int(b))


# ---------------------------------------------------------------- resolvers


def _school_year(m: Parts, ctx: Context) -> Resolved:
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


def _day_range(m: Parts, ctx: Context) -> Resolved:
    y1 = year_of(m, "a", ctx)
    m1, d1 = num(m["am"]), num(m["ad"])
    m2 = num(m["bm"]) if m["bm"] else m1
    d2 = num(m["bd"])
    y2 = year_of(m, "b", ctx) if (m["by"] or m["br"]) else y1
    if m["br"] and y1 is not None and words()["relative_years"][m["br"]] == 1:
        y2 = y1 + 1
    if d1 is None or d2 is None:
        return None
    if not (_valid_month(m1) and _valid_month(m2)):
        return INVALID
    a, b = safe_date(y1, m1, d1), safe_date(y2, m2, d2)  # type: ignore[arg-type]
    if a is False or b is False:
        return INVALID
    if a and b and b < a and not (m["by"] or m["br"]):
        b = b.replace(year=b.year + 1)
    return a or None, b or None, "range"


def _month_range(m: Parts, ctx: Context) -> Resolved:
    y1 = year_of(m, "a", ctx)
    m1, m2 = num(m["am"]), num(m["bm"])
    if not (_valid_month(m1) and _valid_month(m2)):
        return None
    y2 = year_of(m, "b", ctx) if m["by"] else y1
    if m["br"] and y1 is not None:
        y2 = y1 + words()["relative_years"][m["br"]]
    if y1 is None or y2 is None:
        return None, None, "range"
    if (y2, m2) < (y1, m1):
        y2 += 1
    start = _xun_span(y1, m1, m["ax"])[0] if m["ax"] else date(y1, m1, 1)  # type: ignore[arg-type]
    end = _xun_span(y2, m2, m["bx"])[1] if m["bx"] else month_end(y2, m2)  # type: ignore[arg-type]
    return start, end, "range"


def _day(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    mo, d = num(m["am"]), num(m["ad"])
    if d is None:
        return None
    if not _valid_month(mo):
        return INVALID
    day = safe_date(y, mo, d)  # type: ignore[arg-type]
    if day is False:
        return INVALID
    return day or None, day or None, "day"


def _xun(m: Parts, ctx: Context) -> Resolved:
    y, mo = year_of(m, "a", ctx), num(m["am"])
    if not _valid_month(mo):
        return INVALID
    if y is None:
        return None, None, "xun"
    start, end = _xun_span(y, mo, m["x"])  # type: ignore[arg-type]
    return start, end, "xun"


def _month(m: Parts, ctx: Context) -> Resolved:
    y, mo = year_of(m, "a", ctx), num(m["am"])
    if not _valid_month(mo):
        return INVALID if mo and 12 < mo < 100 else None
    if y is None:
        return None, None, "month"
    return date(y, mo, 1), month_end(y, mo), "month"  # type: ignore[arg-type]


def _year_part(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    part = m["p"] if m["p"].endswith("半年") else "年" + m["p"]
    a, b, precision = words()["year_parts"][part]
    if y is None:
        return None, None, precision
    return span_day(a, y), span_day(b, y), precision


def _season(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    if y is None:
        return None, None, "season"
    a, b = words()["seasons"][m["s"]]
    return span_day(a, y), span_day(b, y), "season"


def _term(m: Parts, ctx: Context) -> Resolved:
    if ctx.year is None or ctx.term not in (1, 2):
        return None, None, "term"
    a, b = words()["terms"][m["t"]][ctx.term]
    return span_day(a, ctx.year), span_day(b, ctx.year), "term"


_NUMERALS = "一二三四五六七八九十"


def _festival_in_context(m: re.Match[str]) -> bool:
    """Is this festival name one in its context? "十五一" is no 五一; some names only count
    before certain words (festivals.yaml: not_followed_by, only_followed_by)."""
    name, start = m["f"], m.start("f")
    if name[0] in _NUMERALS and start and m.string[start - 1] in _NUMERALS + "〇零两0123456789":
        return False
    fest = _festival_named(name)
    after = m.string[m.end("f"):]
    if fest.not_followed_by and fest.not_followed_by.match(after):
        return False
    return not (fest.only_followed_by and not fest.only_followed_by.match(after))


def _festival_named(name: str):
    return next(f for f in festival_data()[0] if name in f.names)


def _festival(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    day = festival_day(_festival_named(m["f"]), y) if y is not None else None
    return day, day, "festival"


def _week(m: Parts, ctx: Context) -> Resolved:
    w1 = num(m["w1"])
    w2 = num(m["w2"]) if m["w2"] else w1
    if not w1 or not w2 or w2 < w1 or w2 > 30:
        return None
    if ctx.term_start is None:
        return None, None, "week"
    start, end = _term_day(ctx.term_start, w1 - 1, 0), _term_day(ctx.term_start, w2 - 1, 6)
    return (start, end, "week") if start and end else (None, None, "week")


def _term_day(first: date, weeks: int, days: int) -> date | None:
    """The day ``weeks`` weeks and ``days`` days after a term's first day; None past the calendar's end."""
    try:
        return first + timedelta(weeks=weeks, days=days)
    except OverflowError:
        return None


def _whole_year(m: Parts, ctx: Context) -> Resolved:
    y = year_of(m, "a", ctx)
    if m["w"]:
        off = words()["relative_years"].get(m["w"], 0)
        y = ctx.year + off if ctx.year is not None else None
    if y is None:
        return None, None, "year"
    return date(y, 1, 1), date(y, 12, 31), "year"


# ---------------------------------------------------------------- the ordered table


def _festival_pattern() -> str:
    fests, suffixes, _ = festival_data()
    names = sorted({n for f in fests for n in f.names}, key=len, reverse=True)
    suf = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    return rf"(?P<f>{'|'.join(map(re.escape, names))})(?:{suf})?"


@cache
def strategies() -> tuple[Strategy, ...]:
    """The ordered strategy table (built once, from the data files)."""
    ph = _ph()
    whole = "|".join(map(re.escape, words()["whole_year"]))
    table: list[tuple[str, str, Callable[[Any, Context], Resolved]]] = [
        ("school_year", rf"(?P<y1>{DIG}{{4}}|{ph})\s*[-—–~～至到－]\s*(?P<y2>{DIG}{{4}}|{ph})\s*学年(?:度)?"
                        r"\s*(?P<t>第一学期|第二学期|上学期|下学期)?", _school_year),
        ("day_range", rf"{GUARD}(?P<am>{NUM})\s*月\s*(?P<ad>{NUM})\s*[日号]{WEEKDAY}{DASH}"
                      rf"{_year('b')}(?:(?P<bm>{NUM})\s*月)?\s*(?P<bd>{NUM})\s*[日号]", _day_range),
        ("month_range", rf"{GUARD}(?P<am>{NUM})(?:\s*月(?:份)?(?P<ax>{XUN})?)?{DASH}"
                        rf"{_year('b')}(?P<bm>{NUM})\s*月(?:份)?(?P<bx>{XUN})?", _month_range),
        ("iso_day", rf"(?<![0-9])(?P<ay>{DIG}{{4}})[-/.．](?P<am>{DIG}{{1,2}})[-/.．](?P<ad>{DIG}{{1,2}})(?![0-9])"
                    , _day),
        ("day", rf"{GUARD}(?P<am>{NUM})\s*月\s*(?P<ad>{NUM})\s*[日号]{WEEKDAY}", _day),
        ("dotted_day", rf"(?:(?<=[于在：:（(])|^|(?<=\| )(?={DIG}{{1,2}}[.．]{DIG}{{1,2}}[\u4e00-\u9fff]))"
                       rf"(?P<am>{DIG}{{1,2}})[.．](?P<ad>{DIG}{{1,2}})"
                       rf"(?![0-9０-９.．%％])(?!\s*[倍万元个分秒岁人次项件米月])", _day),
        ("xun", rf"{GUARD}(?P<am>{NUM})\s*月(?:份)?(?P<x>{XUN})", _xun),
        ("month", rf"{GUARD}(?P<am>{NUM})\s*月(?:份)?", _month),
        ("month_typo", rf"{GUARD}(?P<am>十[一二]?|[一二三四五六七八九])份(?=\s*[：:]|\s*$)", _month),
        ("half_year", r"(?P<p>上半年|下半年|前半年|后半年)",
         _year_part),
        ("year_edge", r"年(?P<p>初|底|末)(?!中)",
         _year_part),
        ("season", r"(?P<s>春季|夏季|秋季|冬季|暑期|暑假|寒假)", _season),
        ("term", r"(?P<t>开学初|学期初|学期末|(?<!学)期中|(?<!学)期末)", _term),
        ("festival", _festival_pattern(), _festival),
        ("week", rf"第\s*(?P<w1>{NUM})\s*(?:[-—~～至到－]\s*(?P<w2>{NUM})\s*)?周(?!年)"
                 rf"|[（(]\s*(?P<w1b>{NUM})\s*周\s*[)）]", _week_any),
        ("year", rf"(?:(?P<ay>{DIG}{{4}}|{ph})\s*年(?:度)?(?![0-9０-９一二三四五六七八九十]|\s*[上下前后]半年|[初底末]|\s*[-—–~～至到－])"
                 rf"|(?P<w>{whole}|明年))", _whole_year),
    ]
    fests = festival_data()[0]
    needs: dict[str, str | tuple[str, ...]] = {  # characters a text must hold: one of each string
        "school_year": ("学", "年", "-—–~～至到－"), "day_range": ("月", "日号"), "month_range": ("月", "至到—–-~～－−"),
        "iso_day": "-/.．", "day": ("月", "日号"), "dotted_day": ".．", "xun": ("月", "上中下初底末"),
        "month": "月", "month_typo": "份", "half_year": ("半", "年"), "year_edge": ("年", "初底末"),
        "season": "季暑寒", "term": "期初", "festival": "".join({n[0] for f in fests for n in f.names}),
        "week": "周", "year": "年",
    }
    prefix = {"day_range": "year", "month_range": "year", "day": "year", "xun": "year", "month": "year",
              "half_year": "year", "season": "year", "festival": "year", "year_edge": "edge"}
    fits = {"festival": _festival_in_context}
    always = {"xun", "month_typo", "half_year", "year_edge", "season", "term", "festival", "year"}
    return tuple(Strategy(name, re.compile(p), fn, lacks(needs[name]), prefix.get(name), fits.get(name),
                          name not in always) for name, p, fn in table)


def lacks(needs: str | tuple[str, ...]) -> Callable[[set[str]], bool]:
    """A quick test on the set of a text's characters: True when the text lacks one of the
    characters a pattern needs (``needs``: one of each string's characters must occur).

    >>> lacks(("月", "日号"))(set("9月份"))
    True
    """
    groups = tuple(frozenset(g) for g in ((needs,) if isinstance(needs, str) else needs))
    if len(groups) == 1:
        return groups[0].isdisjoint
    return lambda present: any(g.isdisjoint(present) for g in groups)


@cache
def year_prefixes() -> dict[str, re.Pattern[str]]:
    """What a year written just before a date looks like (matched at the date's start)."""
    ph = _ph()
    return {
        "year": re.compile(rf"(?:(?P<ay>{DIG}{{4}}|{CN_YEAR}|{ph})\s*年|(?P<ar>{_rel()}))\s*$"),
        "edge": re.compile(rf"(?:(?P<ay>{DIG}{{4}}|{ph})\s*年?|(?P<ar>今年|明年|今|明|次|本|当))$"),
    }


def _week_any(m: Parts, ctx: Context) -> Resolved:
    if m["w1b"]:
        w = num(m["w1b"])
        if not w or w > 30:
            return None
        if ctx.term_start is None:
            return None, None, "week"
        start, end = _term_day(ctx.term_start, w - 1, 0), _term_day(ctx.term_start, w - 1, 6)
        return (start, end, "week") if start and end else (None, None, "week")
    return _week(m, ctx)
