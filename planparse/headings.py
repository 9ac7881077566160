"""Headings: the numbering token at the start of a line, and where the heading ends.

>>> h = detect_heading("1、认真开展技术创新活动，增加企业经济效益。提高原盐产量和质量")
>>> h.number, h.text, h.body
('1', '1、认真开展技术创新活动，增加企业经济效益。', '提高原盐产量和质量')
>>> detect_heading("九月份：").style, detect_heading("九月份：").value
('month', 9)
>>> detect_heading("十二五规划提出") is None
True
"""

from __future__ import annotations

import re
from functools import cache

from planparse.model import Heading
from planparse.numerals import cn_to_int
from planparse.regexes import regex
from planparse.resources import heading_patterns, kind_lexicon, to_simplified


# Styles of headings that number items rather than parts of a plan, and of a schedule's time headers.
ITEM_STYLES = frozenset({"arabic", "paren_arabic", "circled", "shi", "decimal", "decimal3"})
TIME_STYLES = frozenset({"month", "week", "quarter"})
TOP_STYLES = frozenset({"formal", "cn", "ordinal"})  # the numbering of a plan's top-level parts
NUMBERED_STYLES = frozenset({"formal", "stem", "cn", "paren_cn", "ordinal", "stage", "arabic", "paren_arabic", "circled", "shi",
                             "decimal", "decimal3"})
DECIMAL_STYLES = frozenset({"decimal", "decimal3"})


def opens_top(head: Heading | None) -> bool:
    """Is ``head`` the first of a plan's top-level parts ("一、指导思想", "第一部分")?"""
    return head is not None and head.style in TOP_STYLES and head.value == 1
LEARNED_AS = {"formal": "cn", "stem": "cn"}  # a style the corpus rarely shows, seen by the models as the family it stands for
_YEAR_ON = regex(r"\s*(?:19|20)[0-9]{2}\s*(?:[—–~至-]\s*(?:19|20)?[0-9]{2}\s*)?学?年")  # a year after an item's number
_IN_BRACKETS = regex(r"【\s*([^【】]{2,10}?)\s*】")  # a name set wholly in brackets: "【写在前面】"


def _value(token: str, how: str) -> int:
    digits = re.sub(r"[^0-9０-９一二三四五六七八九十两〇零①-⑳壹贰貳叁參参肆伍陆陸柒捌玖拾]", "", token)
    if how == "circled":
        return ord(digits[0]) - 0x2460 + 1 if digits else 0
    if how == "last":  # "4.1.2" → 2
        return int(re.split(r"[.．]", token)[-1])
    if how == "stem":
        return "甲乙丙丁戊己庚辛壬癸".index(token[0]) + 1
    if how == "part":
        return "上中下".index(token[0]) + 1
    if how == "month":
        if token.startswith("元"):  # 元月: January
            return 1
        m = re.match(r"([0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])", token)
        return (cn_to_int(m.group(1)) or 0) if m else 0
    return cn_to_int(digits) or 0


def strip_marker(text: str) -> str:
    """Drop list markers ("- ", "• ") before a heading."""
    return heading_patterns().markers.sub("", text, count=1)


def _undecorated(text: str) -> str:
    """The text without list markers and emoji before it.

    >>> _undecorated("🌈一、指导思想"), _undecorated("- 2、落实")
    ('一、指导思想', '2、落实')
    """
    return heading_patterns().emoji.sub("", strip_marker(text), count=1)


def match_number(text: str, outline: bool = False, bare: bool = False) -> tuple[str, str, int, str] | None:
    """The numbering at the start of ``text``: (style, token, value, rest) or None;
    ``outline``: the document is numbered in outline ("4.1.2"), tried first; ``bare``: the line
    is one of a run the document numbers in its own way ("1班级情况分析", "O1：工作"), tried last.

    >>> match_number("1班级情况分析"), match_number("1班级情况分析", bare=True)[:3]
    (None, ('arabic', '1', 1))
    """
    text = _undecorated(text)
    patterns = heading_patterns()
    for st in (patterns.decimal if outline else ()) + patterns.styles + (patterns.bare + patterns.labelled if bare else ()):
        m = st.pattern.match(text)
        if not m:
            continue
        token = m.group("num").strip()
        rest = text[m.end():]
        if st.style == "arabic" and re.search(r"[.．]\s*$", m.group(0)) and re.match(
                r"\s*[0-9０-９]+(?![0-9０-９]*\s*月)", rest) and not (
                    m.group(0)[-1:].isspace() and re.match(r"[0-9]+[A-Za-z]", rest) or _YEAR_ON.match(rest)):
            continue  # "5.26", "1.5倍" — not an item number ("11．5月下旬", "17. 4P策略", "2. 2024年", "4.2023—2024学年" are)
        if st.style == "cn" and not rest.strip() and m.group(0).rstrip()[-1:] in ",，":
            continue
        value = _value(token, st.value)
        if st.style == "cn" and (n := patterns.enumerated.match(rest)) and cn_to_int(n["n"]) == value + 1:
            continue  # "一、二期主体工程，……": the first and second phases, no part numbered 一
        if st.style == "month" and not 1 <= value <= 12:
            continue
        return st.style, token, value, rest
    return None


@cache
def _ends() -> re.Pattern[str]:
    return regex(f"[{re.escape(heading_patterns().heading_end)}]")


def detect_heading(line: str, outline: bool = False, bare: bool = False) -> Heading | None:
    """The heading at the start of a logical line, or None for body text.

    A numbered line is a heading; when its body follows on the same line, the heading
    ends at the first 。！？；： (included), or where a known heading phrase ends.
    A short unnumbered line that is a known heading phrase ("活动时间：…") is a heading too;
    a line of a table of contents is none.
    """
    text = _undecorated(line.strip())
    if heading_patterns().contents.search(text):
        return None  # "一、指导思想………1": a line of the table of contents
    found = match_number(text, outline, bare)
    if found is None:
        plain = _plain_heading(text)
        if plain is not None or not bare:
            return plain
        run = heading_patterns().bracket_run.match(text)  # "【行程路线】江城—……": one of the page's named parts
        return _named_part(text, run) if run else Heading(text, None, _title(text), "plain", 0, "")
    style, token, value, rest = found
    number = re.sub(r"\s+", "", token)
    if style in TIME_STYLES:
        if rest.strip():
            # "九月份：1、制定计划", "第2周：召开班委会" — the header, with its items on the same line
            head = text[: len(text) - len(rest)].strip()
            return Heading(head, None, _title(number), style, value, rest.strip())
        return Heading(text, None, _title(text), style, value, "")
    head_rest, body = split_heading(rest)
    head = text[: len(text) - len(rest)] + head_rest
    return Heading(head.strip(), number, _title(head_rest) or None, style, value, body)


def _first_end(rest: str) -> int | None:
    """Index of the first heading-ending mark outside brackets and quotes, or None."""
    depth = 0
    ends = heading_patterns().heading_end
    for i, ch in enumerate(rest):
        if ch in "（(【《“「[":
            depth += 1
        elif ch in "）)】》”」]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ends:
            return i
    return None


def split_heading(rest: str) -> tuple[str, str]:
    """Split the text after a numbering token into (heading part, body)."""
    end = _first_end(rest)
    m = None if end is None else _ends().match(rest, end)
    phrase = kind_lexicon().phrases.match(rest)
    if phrase and (m is None or m.start() > phrase.end()) and phrase.end() < len(rest.rstrip()):
        after = rest[phrase.end():]
        if not _ends().match(after[0]) and after[0] not in "，,、 和及与暨或" and len(after.strip()) >= 4:
            return rest[: phrase.end()], after.strip()
    if m is None:
        return rest, ""
    return rest[: m.end()], rest[m.end():].strip()


def _title(head: str) -> str:
    return head.strip().rstrip("。！？；：!?;:，,、. ").strip()


def _named_part(text: str, m: re.Match[str]) -> Heading:
    """The heading of a part named in brackets (``m`` matched its opening, the name in ``name``), its text after it."""
    return Heading(text[:m.end()].strip(), None, m["name"], "plain", 0, text[m.end():].strip())


def _plain_heading(text: str) -> Heading | None:
    simple = to_simplified(text)  # the phrases are written in simplified characters, one for one
    label = heading_patterns().bracket_label.match(simple)
    if label:  # "【活动时间】2024年11月16日": a part named in brackets, its text after it
        return _named_part(text, label)
    phrase = kind_lexicon().phrases.match(simple)
    if not phrase and (inner := _IN_BRACKETS.fullmatch(simple)) and kind_lexicon().phrases.fullmatch(inner[1]):
        return Heading(text, None, inner[1], "plain", 0, "")  # "【写在前面】": a stock heading set in brackets
    if phrase:
        rest = text[phrase.end():]
        if not rest.strip() or rest.strip() in ("：", ":"):
            return Heading(text, None, _title(text), "plain", 0, "")
        if rest[0] in "：:" and len(text) <= 60:
            return Heading(text[: phrase.end() + 1], None, _title(text[: phrase.end()]), "plain", 0, rest[1:].strip())
    if any(p.match(simple) for p in heading_patterns().plain):  # "各部门重点工作：", "年度经营目标", "重点工作时间表"
        return Heading(text, None, _title(text), "plain", 0, "")
    return None
