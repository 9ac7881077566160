"""Date shapes, one named strategy each, tried in order (most specific first).

The grammar is built from parts — a year (2024年, 二〇二四年, 98年, 去年), a month, a day,
a xun, a week, a weekday, a festival or solar term, a lunar month or day, a quarter, a
season, a term's part, a range between two of them — whose word alternations come from
``date_words.yaml`` and ``festivals.yaml``. A strategy is a regular expression over those
parts and a resolver (:mod:`planparse.dates.resolvers`) that turns a match into
``(start, end, precision)``; a later strategy never takes text an earlier one matched. The
first strategy, ``unknown``, takes expressions whose modifier the grammar does not read
("2021年前两个季度", "下周三") and gives them no date: unknown rather than wrong.

To add a shape: write its pattern and resolver, place it in ``STRATEGIES``, and add
positive and negative rows to ``tests/cases/dates.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable

from planparse.dates import resolvers as r
from planparse.dates.resolvers import DIG, INVALID, Context, Parts, Resolved  # noqa: F401  (re-exported)
from planparse.dates.vocab import festival_data, words
from planparse.regexes import alternation, regex

NUM = f"(?:{DIG}{{1,2}}|[一二三四五六七八九十]{{1,3}})"
MONTH = f"(?:{NUM}|元)"
GUARD = "(?<![0-9０-９一二三四五六七八九十零〇两第每])"
XUN = "上中旬|中下旬|上旬|中旬|下旬|初|中|底|末"
PAREN_WEEKDAY = r"(?:\s*[（(](?:周|星期)?[一二三四五六日天][)）])?"  # "3/8（六）~3/9（日）": the day's weekday, as Taiwan writes it
WEEKDAY = r"(?:\s*[（(]?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])[)）]?)?"
CLOCK = (r"(?:\s*(?:上午|下午|晚上|早上|中午|凌晨)?\s*(?:[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?"
         r"|(?:[零一二三四五六七八九十]{1,3}|[0-9]{1,2})[时点]))?")
CN_YEAR = "[〇零一二三四五六七八九]{4}"
ROC_YEAR = "(?<![0-9０-９])1[0-4][0-9]"  # a year of the Republic of China (民国113年 = 2024), as Taiwan writes it
SHORT_YEAR = (f"{ROC_YEAR}|(?<![0-9０-９]){DIG}{{2}}"
              f"|(?<![〇零一二三四五六七八九十]){'[〇零一二三四五六七八九]'}{{2}}")  # 113年, 98年, 零七年
DOT_CONTEXT = (r"(?:(?<=[于在：:（(|；;，,、▲△★☆◆◇■□※])|(?<=\| )|(?<=^[-*•·▪►◆●○■□] )|(?<=^[-*•·▪►◆●○■□])"
               r"|^(?![0-9]{1,2}[.．][0-9]{1,2}\s*、\s*[^0-9\s]))")  # (not an item's number: "1.1、集合"; after a list's
# marker: "- 2/23（一）早自修")
DOT_RANGE_CONTEXT = r"(?:(?<=[于在：:（(|；;，,、。\s▲△★☆◆◇■□※])|^)"  # a range of two dotted days also after a space (a table's cell) or a full stop
# (and after a calendar's mark for whom an item is: "▲9/1~9/5 ……", "★8/25 ……")
DOT_UNITS = r"(?![0-9０-９.．/%％‰]|[:：][0-9])(?!\s*(?:[倍万亿个分秒岁人次项件米小时天周年克吨亩级版月]|元(?!旦)))"  # (12.29 元旦: no price)
LUNAR_DAY = "初十|初[一二三四五六七八九]|初[0-9]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?"


@dataclass(frozen=True, slots=True)
class Strategy:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[Any, Context], Resolved]
    skip: Callable[[set[str]], bool]  # True for a text (its set of characters) the pattern cannot match
    prefix: str | None = None  # "year" or "edge": a year written before the match belongs to it
    fits: Callable[[re.Match[str], Parts], bool] | None = None  # a check of the match in its text
    refuses: bool = True  # the resolver may find a match no date at all (None), whatever the year
    void: bool = False  # the match takes its words and gives no date (an unknown modifier)


def _ph() -> str:
    return words()["placeholder_year"]


def _rel() -> str:
    return alternation(words()["relative_years"])


def _dash() -> str:
    return rf"\s*(?:{alternation(words()['range_words'])})\s*"


def _year(p: str) -> str:
    """An optional year before a month: 2024年, 二〇二四年, 113年, 98年, 20xx年, 明年, ～年."""
    return rf"(?:(?P<{p}y>{DIG}{{4}}|{CN_YEAR}|{_ph()}|{SHORT_YEAR})\s*年\s*|(?P<{p}r>{_rel()})\s*)?"  # ("2013 年 8 月": spaced)


# ---------------------------------------------------------------- checks of a match in its text

_NUMERALS = "一二三四五六七八九十"


def _festival_in_context(m: re.Match[str], parts: Parts) -> bool:
    """Is this festival name one in its context? "十五一" is no 五一; some names only count
    before certain words (festivals.yaml: not_followed_by, only_followed_by); 农历 goes only
    with a lunar festival."""
    name, start = m["f"], m.start("f")
    if name[0] in _NUMERALS and start and m.string[start - 1] in _NUMERALS + "〇零两0123456789第":
        return False
    fest = r.festival_named(name)
    if m["nl"] and fest.rule != "lunar":
        return False
    after = m.string[m.end("f"):]
    if fest.not_followed_by and fest.not_followed_by.match(after):
        return False
    return not (fest.only_followed_by and not fest.only_followed_by.match(after))


def _is_lunar(m: re.Match[str], parts: Parts) -> bool:
    """农历/阴历, a lunar month's name (正月, 腊月, 闰四月) or a day written 初X/廿X."""
    ld = m["ld"] or ""
    return bool(m["nl"] or m["nl2"] or m["leap"] or m["dn"] or m["lm"] in words()["lunar_months"]
                or ld[:1] in ("初", "廿"))


def _two_digit_year_alone(m: re.Match[str], parts: Parts) -> bool:
    """A short year alone ("24年", "113年") only where it cannot be a count of years ("建校60年")."""
    y = m["ay"]
    if not y or len(y) not in (2, 3):
        return True
    before = m.string[:m.start()].rstrip()
    return not before or before[-1] in "，。；：:、（(|从在于到至是的" or before.endswith(("公元",))


def _season_with_year(m: re.Match[str], parts: Parts) -> bool:
    """"春" alone is a season only after its year ("2021年春")."""
    return not m["s2"] or r.own_year(parts)


# ---------------------------------------------------------------- the ordered table


def _festival_pattern() -> str:
    fests, suffixes, _ = festival_data()
    names = {n for f in fests for n in f.names}
    return rf"(?:(?P<nl>{alternation(words()['lunar_cues'])})\s*)?(?P<f>{alternation(names)})(?:{alternation(suffixes)})?"


def _unknown_pattern() -> str:
    n = "[0-9一二三四五六七八九十两]{1,3}"
    return "|".join(f"(?:{p})".replace("{Y}", f"(?P<uy{i}>)", 1).replace("{Y}", "").replace("{N}", n)
                    for i, p in enumerate(words()["unknown"]))


def _unknown_with_year(m: re.Match[str], parts: Parts) -> bool:
    """An unknown modifier that reads only after a year ("2021年前两个季度") has one."""
    return all(v is None for k, v in m.groupdict().items() if k.startswith("uy")) or r.own_year(parts)


@cache
def strategies() -> tuple[Strategy, ...]:
    """The ordered strategy table (built once, from the data files)."""
    ph, dash = _ph(), _dash()
    whole = alternation(list(words()["whole_year"]) + list(words()["relative_years"]))
    cues = alternation(words()["lunar_cues"])
    table: list[tuple[str, str, Callable[[Any, Context], Resolved]]] = [
        ("unknown", _unknown_pattern(), r.unknown),
        ("school_year", rf"(?P<y1>{DIG}{{4}}|{ph}){dash}(?P<y2>{DIG}{{4}}|{ph})\s*学年(?:度)?"
                        r"\s*(?P<t>第一学期|第二学期|上学期|下学期)?", r.school_year),
        ("lunar", rf"(?:(?P<nl>{cues})\s*)?(?:(?P<ly>{DIG}{{4}}|{CN_YEAR})\s*年\s*(?P<nl2>{cues})?)?"
                  rf"(?:{GUARD}(?P<leap>闰)?(?P<lm>正|腊|冬|十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9])月(?:份)?"
                  rf"(?P<ld>{LUNAR_DAY}|[0-9]{{1,2}})?(?:[日号])?|(?P<dn>大年)(?P<ld2>初十|初[一二三四五六七八九]))",
         r.lunar),
        ("numeric_range", rf"(?<![0-9])(?P<ay>{DIG}{{4}})[.．/-](?P<am>{DIG}{{1,2}})(?:[.．/-](?P<ad>{DIG}{{1,2}}))?"
                          rf"(?:\s+[0-9]{{1,2}}[:：][0-9]{{2}})?{dash}(?P<by>{DIG}{{4}})"
                          rf"(?:[.．/-](?P<bm>{DIG}{{1,2}})(?:[.．/-](?P<bd>{DIG}{{1,2}}))?)?"
                          rf"(?:\s+[0-9]{{1,2}}[:：][0-9]{{2}})?(?![0-9])", r.numeric_range),
        ("roc_range", rf"(?<![0-9])(?P<ay>{ROC_YEAR})[.．/-](?P<am>{DIG}{{1,2}})[.．/-](?P<ad>{DIG}{{1,2}}){dash}"
                      rf"(?P<by>{ROC_YEAR})[.．/-](?P<bm>{DIG}{{1,2}})[.．/-](?P<bd>{DIG}{{1,2}})(?![0-9])", r.numeric_range),
        # ("113.3.1-113.8.31": two days of the Republic's years, as Taiwan writes a period)
        ("year_range", rf"(?<![0-9])(?P<ay>{DIG}{{4}}|{CN_YEAR})(?:\s*年)?{dash}(?P<by>{DIG}{{4}}|{DIG}{{2}}|{CN_YEAR})"
                       rf"\s*年(?:度)?(?:(?P<bm>{MONTH})\s*月(?:份)?)?", r.year_range),
        ("week", rf"第\s*(?P<w1>{NUM})\s*(?:[-—~～至到－]\s*(?P<w2>{NUM})\s*)?周(?![年岁])"
                 rf"(?:\s*[（(]\s*(?P<am>{MONTH})\s*月\s*(?P<ad>{NUM})\s*[日号]?{dash}(?:(?P<bm>{MONTH})\s*月)?"
                 rf"\s*(?P<bd>{NUM})\s*[日号]?\s*[)）])?"
                 rf"|[（(]\s*(?P<w1b>{NUM})\s*周\s*[)）]", r.week),
        ("day_range", rf"{GUARD}(?P<am>{MONTH})\s*月\s*(?P<ad>{NUM})\s*(?:[日号]{WEEKDAY})?{CLOCK}{dash}"
                      rf"{_year('b')}(?:(?P<bm>{MONTH})\s*月)?\s*(?P<bd>{NUM})\s*[日号]{CLOCK}", r.day_range),
        ("dotted_range", rf"{DOT_RANGE_CONTEXT}(?P<am>{DIG}{{1,2}})[.．/](?P<ad>{DIG}{{1,2}}){PAREN_WEEKDAY}\s*[-—–~～至到－]{{1,2}}\s*"
                         rf"(?:(?P<bm>{DIG}{{1,2}})[.．/])?(?P<bd>{DIG}{{1,2}}){DOT_UNITS}(?:[日号])?", r.dotted),
        ("month_range", rf"{GUARD}(?P<am>{MONTH})(?:\s*月(?:份)?(?P<ax>{XUN})?)?{dash}"
                        rf"{_year('b')}(?P<bm>{MONTH})\s*月(?:份)?(?P<bx>{XUN})?", r.month_range),
        ("iso_day", rf"(?<![0-9])(?P<ay>{DIG}{{4}}|{ROC_YEAR})[-/.．](?P<am>{DIG}{{1,2}})[-/.．](?P<ad>{DIG}{{1,2}})(?![0-9])",
         r.day),
        # day/month/year and month/year, as Hong Kong writes them: 15/9/2024, 12/2024
        ("dmy_range", rf"(?<![0-9/])(?P<ad>[0-3]?[0-9])/(?P<am>1[0-2]|0?[1-9])/(?P<ay>(?:19|20)[0-9]{{2}}){dash}"
                      r"(?P<bd>[0-3]?[0-9])/(?P<bm>1[0-2]|0?[1-9])/(?P<by>(?:19|20)[0-9]{2})(?![0-9/])", r.numeric_range),
        ("dmy_day", r"(?<![0-9/])(?P<ad>[0-3]?[0-9])/(?P<am>1[0-2]|0?[1-9])/(?P<ay>(?:19|20)[0-9]{2})(?![0-9/])", r.day),
        ("my_month", r"(?<![0-9/.])(?P<am>1[0-2]|0?[1-9])/(?P<ay>(?:19|20)[0-9]{2})(?![0-9/])", r.month),
        ("nth_weekday", rf"{GUARD}(?P<am>{MONTH})\s*月(?:份)?(?:的)?第(?P<n>[一二三四五1-5])个?(?:星期|周|礼拜)"
                        r"(?P<wd>[一二三四五六日天])", r.nth_weekday),
        ("day", rf"{GUARD}(?P<am>{MONTH})\s*月\s*(?P<ad>{NUM})\s*[日号]{WEEKDAY}(?:前后)?", r.day),
        ("dotted_day", rf"{DOT_CONTEXT}(?P<am>{DIG}{{1,2}})[.．/](?P<ad>{DIG}{{1,2}}){DOT_UNITS}", r.dotted),
        ("placeholder_month", r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<pm>[xXＸｘ×]{1,2}|某)\s*月(?:份)?"
                              r"(?:\s*(?P<pd>[xXＸｘ×]{1,2}|某|[0-9]{1,2})\s*[日号])?", r.placeholder_month),
        ("xun", rf"{GUARD}(?P<am>{MONTH})\s*月(?:份)?(?P<x>{XUN})", r.xun),
        ("quarter", r"(?<![前后头每个0-9一二三四五六七八九十])(?:第\s*)?(?P<q>[一二三四1-4]|首)\s*季度", r.quarter),
        ("month", rf"{GUARD}(?P<am>{MONTH})\s*月(?:份)?", r.month),
        ("month_typo", rf"{GUARD}(?P<am>十[一二]?|[一二三四五六七八九])份(?=\s*[：:]|\s*$)", r.month),
        ("half_year", r"(?P<p>上半年|下半年|前半年|后半年)", r.year_part),
        ("year_edge", r"年(?P<p>初|底|末)(?!中)", r.year_part),
        ("season", r"(?P<s>春季|夏季|秋季|冬季|暑期|暑假|寒假)(?!作业)|(?<=年)(?P<s2>[春夏秋冬])(?![季节天风假装令游运晚联意耕播光色])",
         r.season),
        ("term", r"(?P<t>开学初|学期初|学期末|(?<!学)期中|(?<!学)期末)", r.term),
        ("festival", _festival_pattern(), r.festival),
        ("weekday", r"(?<![每上下本这个隔一二两三四五六七八九十])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![一二三四五六七八九十])", r.weekday),
        ("year", rf"(?:(?P<ay>{DIG}{{4}}|{CN_YEAR}|{ph}|{SHORT_YEAR})\s*年(?:度|\s*内(?![蒙部地外容]))?"  # ("2023 年内": that year)
                 rf"(?![0-9０-９一二三四五六七八九十来内间多余级届代轻龄纪]|以来|\s*[上下前后]半年|[初底末]|\s*[-—–~～至到－])"
                 rf"|(?P<sp>{alternation(words()['relative_spans'])})|(?<![0-9一二三四五六七八九十两几多])(?P<w>{whole}))", r.whole_year),
    ]
    fests = festival_data()[0]
    needs: dict[str, str | tuple[str, ...]] = {  # characters a text must hold: one of each string
        "unknown": ("前后头末第首伊上下本这", "月季始周星礼"), "school_year": ("学", "年", "-—–~～至到－"), "lunar": "农阴旧闰正腊冬初廿",
        "numeric_range": ("-/.．", "-—–~～至到－−"), "roc_range": ("-/.．", "-—–~～至到－−"), "year_range": ("年", "-—–~～至到－−"), "day_range": ("月", "日号"),
        "dotted_range": ".．/", "month_range": ("月", "至到—–-~～－−"), "iso_day": "-/.．", "dmy_range": ("/", "-—–~～至到－−"), "dmy_day": "/", "my_month": "/", "nth_weekday": ("月", "第"),
        "day": ("月", "日号"), "dotted_day": ".．/", "placeholder_month": ("月", "xXＸｘ×某"), "xun": ("月", "上中下初底末"), "quarter": "季", "month": "月",
        "month_typo": "份", "half_year": ("半", "年"), "year_edge": ("年", "初底末"), "season": "季暑寒春夏秋冬",
        "term": "期初", "festival": "".join({n[0] for f in fests for n in f.names}), "week": "周", "weekday": "周星礼",
        "year": "年" + "".join({w[0] for w in list(words()["whole_year"]) + list(words()["relative_years"])}),
    }
    prefix = {"lunar": "year", "day_range": "year", "month_range": "year", "day": "year", "xun": "year",
              "month": "year", "half_year": "year", "season": "year", "festival": "year", "year_edge": "edge",
              "quarter": "year", "nth_weekday": "year", "unknown": "year"}
    fits = {"festival": _festival_in_context, "lunar": _is_lunar, "year": _two_digit_year_alone,
            "season": _season_with_year, "unknown": _unknown_with_year}
    always = {"placeholder_month", "xun", "month_typo", "half_year", "year_edge", "season", "term", "festival", "year", "quarter",
              "weekday", "unknown"}
    digits, cn = "0123456789０１２３４５６７８９", "〇零一二三四五六七八九十"
    years = digits + cn + "xX×Ｘｘ" + "".join(w[0] for w in words()["relative_years"])
    months = digits + cn + "元"
    first = {  # the characters a match can start with: a quick look-ahead before the pattern
        "unknown": "前后头末第首伊上下本这", "school_year": digits + "xXＸｘ", "lunar": years + "农阴旧闰正腊冬大",
        "numeric_range": digits, "roc_range": digits, "year_range": digits + cn, "week": "第（(", "day_range": months, "dotted_range": digits,
        "month_range": months, "iso_day": digits, "dmy_range": digits, "dmy_day": digits, "my_month": digits, "placeholder_month": "xXＸｘ×某", "nth_weekday": months, "day": months, "dotted_day": digits,
        "xun": months, "quarter": "第一二三四1234首", "month": months, "month_typo": cn, "half_year": "上下前后",
        "year_edge": "年", "season": "春夏秋冬暑寒", "term": "开学期", "weekday": "周星礼",
        "festival": "".join({n[0] for f in fests for n in f.names}) + "农阴旧",
        "year": years + "".join(w[0] for w in list(words()["whole_year"]) + list(words()["relative_spans"])),
    }
    return tuple(Strategy(name, regex(f"(?=[{re.escape(''.join(sorted(set(first[name]))))}])(?:{p})"), fn,
                          lacks(needs[name]), prefix.get(name), fits.get(name), name not in always,
                          name == "unknown") for name, p, fn in table)


def lacks(needs: str | tuple[str, ...]) -> Callable[[set[str]], bool]:
    """A quick test on the set of a text's characters: True when the text lacks one of the
    characters a pattern needs (``needs``: one of each string's characters must occur).

    >>> lacks(("月", "日号"))(set("9月份"))
    True
    """
    groups = tuple(frozenset(g) for g in ((needs,) if isinstance(needs, str) else needs))
    if len(groups) == 1:
        return groups[0].isdisjoint
    if len(groups) == 2:
        a, b = (g.isdisjoint for g in groups)
        return lambda present: a(present) or b(present)
    a, b, c = (g.isdisjoint for g in groups)
    return lambda present: a(present) or b(present) or c(present)


@cache
def year_prefixes() -> dict[str, re.Pattern[str]]:
    """What a year written just before a date looks like (matched at the date's start)."""
    ph = _ph()
    cues = alternation(words()["lunar_cues"])
    return {
        "year": regex(rf"(?:(?P<ay>{DIG}{{4}}|{CN_YEAR}|{ph}|{SHORT_YEAR})\s*年(?:\s*(?:{cues}))?|(?P<ar>{_rel()}))"
                           r"\s*(?:的)?\s*$"),
        "edge": regex(rf"(?:(?P<ay>{DIG}{{4}}|{CN_YEAR}|{ph}|{SHORT_YEAR})\s*年?|(?P<ar>{_rel()})|"
                           r"(?P<ae>今|明|次|本|当|去|前|后))$"),
    }


@cache
def unknown_before() -> re.Pattern[str]:
    """Text just before a date that the grammar does not read (农历 before a solar date,
    a year it could not place): the date is dropped."""
    return regex(words()["unknown_before"])
