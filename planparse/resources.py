"""Cached loaders for the vocabulary in ``planparse/data/``.

Each file is read the first time it is needed and validated then; a bad entry raises
:class:`ModelError` naming the file and the entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Iterable

import yaml

from planparse.errors import ModelError
from planparse.regexes import alternation, pattern_words, regex, words_gate


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


@cache
def load_yaml(name: str) -> Any:
    """Load ``planparse/data/<name>`` (YAML), read-only: mappings as ``MappingProxyType``,
    lists as tuples, so that a cached loader's callers cannot change what others read."""
    try:
        text = files("planparse.data").joinpath(name).read_text("utf-8")
        return frozen(yaml.load(text, Loader=_LOADER))
    except FileNotFoundError:
        raise ModelError("data file missing from the installation", f"planparse/data/{name}") from None
    except yaml.YAMLError as exc:
        raise ModelError(f"invalid YAML: {exc}", f"planparse/data/{name}") from None


def frozen(data: Any) -> Any:
    """``data`` with every dict read-only and every list a tuple.

    >>> frozen({"a": [1, {"b": 2}]})["a"]
    (1, mappingproxy({'b': 2}))
    """
    if isinstance(data, dict):
        return MappingProxyType({k: frozen(v) for k, v in data.items()})
    if isinstance(data, list):
        return tuple(frozen(v) for v in data)
    return data


@cache
def plan_conventions() -> Any:
    """``plan_conventions.yaml``: required sections by plan type, genres named by titles, kind names."""
    d = load_yaml("plan_conventions.yaml")
    from planparse.model import PLAN_TYPES, SECTION_KINDS

    bad = [k for k in d["kind_names"] if k not in SECTION_KINDS]
    bad += [k for k in d["required_sections"] if k != "default" and k not in PLAN_TYPES]
    if bad:
        raise ModelError(f"unknown kinds or plan types: {', '.join(map(str, bad))}", "planparse/data/plan_conventions.yaml")
    return d


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    """``pattern`` compiled multiline: a line's match is the same, and a page's joined text
    can be searched with it at once (see :mod:`planparse.roles`)."""
    try:
        return regex(pattern, re.M)
    except re.error as exc:
        raise ModelError(f"invalid pattern {pattern!r}: {exc}", f"planparse/data/{where}") from None


@cache
def _t2s() -> tuple[dict[int, str], frozenset[str], tuple[tuple[str, str], ...]]:
    def pairs(name: str) -> list[list[str]]:
        text = files("planparse.data").joinpath(name).read_text("utf-8")
        return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]

    chars = pairs("t2s.tsv")
    return {ord(t): s for t, s in chars}, frozenset(t for t, _ in chars), tuple(map(tuple, pairs("t2s_phrases.tsv")))


_RADICAL = regex("[\u2e80-\u2eff\u2f00-\u2fdf]")


@cache
def _radicals() -> dict[int, str]:
    return {cp: u for cp in [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]
            if len(u := unicodedata.normalize("NFKC", chr(cp))) == 1 and u != chr(cp)}


def unify_radicals(text: str) -> str:
    """Kangxi radicals that a PDF's text layer writes for the characters they look like
    ("⼀、", "安全⽣产⽉") as those characters, one for one.

    >>> unify_radicals("⼀、安全⽣产⽉")
    '一、安全生产月'
    """
    return text.translate(_radicals()) if _RADICAL.search(text) else text


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones, one for one (offsets are kept).

    >>> to_simplified("工會工作計劃"), to_simplified("113年度工作計畫")
    ('工会工作计划', '113年度工作计划')
    """
    table, traditional, words = _t2s()
    if traditional.isdisjoint(text):
        return text
    text = text.translate(table)
    for wrong, right in words:
        if wrong in text:
            text = text.replace(wrong, right)
    return text


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    style: str
    pattern: re.Pattern[str]
    value: str


@dataclass(frozen=True, slots=True)
class HeadingPatterns:
    markers: re.Pattern[str]
    emoji: re.Pattern[str]
    styles: tuple[HeadingStyle, ...]
    heading_end: str
    separator: AnyOf
    title: AnyOf
    not_title: AnyOf
    notice: re.Pattern[str]
    notice_body: AnyOf
    own_points: re.Pattern[str]
    plan_announcement: re.Pattern[str]
    plain: tuple[re.Pattern[str], ...]
    open_end: re.Pattern[str]
    title_tail: re.Pattern[str]
    subtitle: re.Pattern[str]
    about_head: re.Pattern[str]
    about_tail: re.Pattern[str]
    farm_suffix: re.Pattern[str]
    bracket_label: re.Pattern[str]
    bracket_run: re.Pattern[str]
    run_in: re.Pattern[str]
    signature_field: re.Pattern[str]
    attached_plan: re.Pattern[str]
    attachment_label: re.Pattern[str]
    glued_title: re.Pattern[str]
    title_field: re.Pattern[str]
    timetable: re.Pattern[str]
    decimal: tuple[HeadingStyle, ...]
    bare: tuple[HeadingStyle, ...]
    labelled: tuple[HeadingStyle, ...]
    enumerated: re.Pattern[str]
    outline: re.Pattern[str]
    contents: AnyOf  # (searched on every line: a line without its words is not searched)


@cache
def heading_patterns() -> HeadingPatterns:
    d = load_yaml("heading_patterns.yaml")
    f = "heading_patterns.yaml"
    return HeadingPatterns(
        markers=_compile(d["markers"], f),
        emoji=_compile(d["emoji"], f),
        styles=tuple(HeadingStyle(s["style"], _compile(s["pattern"], f), s["value"]) for s in d["styles"]),
        heading_end=d["heading_end"],
        separator=AnyOf(_compile(p, f) for p in d["separator"]),
        title=AnyOf(_compile(p, f) for p in d["title"]),
        not_title=AnyOf(_compile(p, f) for p in d.get("not_title") or ()),
        notice=_compile(d["notice"], f),
        notice_body=AnyOf([_compile(d["notice_body"], f)]),
        own_points=_compile(d["own_points"], f),
        plan_announcement=_compile(d["plan_announcement"], f),
        plain=tuple(_compile(p, f) for p in d.get("plain") or ()),
        open_end=_compile(d["open_end"], f),
        title_tail=_compile(d["title_tail"], f),
        subtitle=_compile(d["subtitle"], f),
        about_head=_compile(d["about_head"], f),
        about_tail=_compile(d["about_tail"], f),
        farm_suffix=_compile(d["farm_suffix"], f),
        bracket_label=_compile(d["bracket_label"], f),
        bracket_run=_compile(d["bracket_run"], f),
        run_in=_compile(d["run_in"], f),
        signature_field=_compile(d["signature_field"], f),
        attached_plan=_compile(d["attached_plan"], f),
        attachment_label=_compile(d["attachment_label"], f),
        glued_title=_compile(d["glued_title"], f),
        title_field=_compile(d["title_field"], f),
        timetable=_compile(d["timetable"], f),
        decimal=tuple(HeadingStyle(s["style"], _compile(s["pattern"], f), s["value"]) for s in d["decimal"]),
        bare=tuple(HeadingStyle(s["style"], _compile(s["pattern"], f), s["value"]) for s in d["bare"]),
        labelled=tuple(HeadingStyle(s["style"], _compile(s["pattern"], f), s["value"]) for s in d["labelled"]),
        enumerated=_compile(d["enumerated"], f),
        outline=_compile(d["outline"], f),
        contents=AnyOf([_compile(d["contents"], f)]),
    )


class AnyOf:
    """Several patterns searched one by one, in order: faster than one alternation, which
    defeats the regex engine's literal-prefix scan. A pattern whose matches all hold one of
    some words (:func:`~planparse.regexes.required_words`) is tried only on a text that holds
    one of them, found by one scan of the text for every pattern's words.

    >>> signs = AnyOf([regex("上一篇[:：]"), regex("[0-9]+次浏览"), regex("^[A-Za-z]+$")])
    >>> signs.search("浏览：35次浏览").group(), signs.search("Print").group(), signs.search("开展活动")
    ('35次浏览', 'Print', None)
    >>> signs.candidates("上一篇：工会计划"), signs.candidates("开展活动")
    ([0, 2], [2])
    """

    __slots__ = ("patterns", "_gate", "_by_word", "_ungated")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        needs = [pattern_words(p) for p in self.patterns]
        words = tuple(sorted({w for n in needs if n for w in n}))  # (sorted as required_words sorts them: one gate per set)
        self._gate = words_gate(words) if words else None
        # a word found stands for each shorter word it starts with, found at the same place
        self._by_word = {w: frozenset(i for i, n in enumerate(needs) if n and any(w.startswith(x) for x in n))
                         for w in words}
        self._ungated = frozenset(i for i, n in enumerate(needs) if n is None)

    def candidates(self, text: str) -> list[int]:
        """The indexes of the patterns that can match ``text``, in order."""
        found = set(self._ungated)
        if self._gate is not None:
            pos = 0
            while (m := self._gate.search(text, pos)) is not None:
                found |= self._by_word[m.group()]
                pos = m.start() + 1
        return sorted(found)

    def search(self, text: str) -> re.Match[str] | None:
        """The first pattern's match in ``text``, in the patterns' order."""
        for i in self.candidates(text):
            m = self.patterns[i].search(text)
            if m:
                return m
        return None


@dataclass(frozen=True, slots=True)
class BoilerplatePatterns:
    sentence: AnyOf
    intro: AnyOf
    line: AnyOf
    related: re.Pattern[str]
    list_item: re.Pattern[str]
    list_item_not: re.Pattern[str]
    label: re.Pattern[str]
    preview: re.Pattern[str]
    byline_tail: re.Pattern[str]
    hidden_tail: re.Pattern[str]
    breadcrumb: re.Pattern[str]
    guide: re.Pattern[str]
    date_header: re.Pattern[str]
    running_footer: re.Pattern[str]
    next_article: re.Pattern[str]
    comments: re.Pattern[str]
    answer: re.Pattern[str]
    question: re.Pattern[str]
    best_answer: re.Pattern[str]
    post: re.Pattern[str]
    forum: re.Pattern[str]
    byline: re.Pattern[str]
    page_title: re.Pattern[str]
    disclosure_field: re.Pattern[str]


@cache
def boilerplate_patterns() -> BoilerplatePatterns:
    d = load_yaml("boilerplate.yaml")
    f = "boilerplate.yaml"
    return BoilerplatePatterns(
        sentence=AnyOf(tuple(_compile(p, f) for p in d["sentence"])),
        intro=AnyOf(tuple(_compile(p, f) for p in d["intro"])),
        line=AnyOf(tuple(_compile(p, f) for p in d["line"])),
        related=_compile(d["related"], f),
        list_item=_compile(d["list_item"], f),
        list_item_not=_compile(d["list_item_not"], f),
        label=_compile(d["label"], f),
        byline_tail=_compile(d["byline_tail"], f),
        preview=_compile(d["preview"], f),
        hidden_tail=_compile(d["hidden_tail"], f),
        breadcrumb=_compile(d["breadcrumb"], f),
        guide=_compile(d["guide"], f),
        date_header=_compile(d["date_header"], f),
        running_footer=_compile(d["running_footer"], f),
        next_article=_compile(d["next_article"], f),
        disclosure_field=_compile(r"^\s*(?:%s)(?:\s*[:：|｜]|\s+|$)" % "|".join(  # "标 题 ……", letter-spaced or not
            r"\s*".join(map(re.escape, field)) for field in d["disclosure_fields"]), f),
        comments=_compile(d["comments"], f),
        answer=_compile(d["answer"], f),
        question=_compile(d["question"], f),
        best_answer=_compile(d["best_answer"], f),
        post=_compile(d["post"], f),
        forum=_compile(d["forum"], f),
        byline=_compile(d["byline"], f),
        page_title=_compile(d["page_title"], f),
    )


@dataclass(frozen=True, slots=True)
class KindLexicon:
    """Heading cues per section kind, body cues for headingless blocks, plan-type cues."""

    heading: tuple[tuple[str, re.Pattern[str]], ...]
    content_verbs: re.Pattern[str]
    department: re.Pattern[str]
    ideology_statement: re.Pattern[str]
    body: tuple[tuple[str, re.Pattern[str]], ...]
    lead_in: tuple[tuple[str, re.Pattern[str]], ...]
    phrases: re.Pattern[str]
    phrase_kind: dict[str, str]  # a stock heading phrase ("实施期程") → the kind it names
    plan_types: tuple[tuple[str, re.Pattern[str], float], ...]  # type, title cue, weight of its text cues
    plan_type_words: re.Pattern[str]  # every type's text cue words in one pattern, longest first
    plan_type_of: dict[str, tuple[str, ...]]  # a text cue word → the types it counts for


@cache
def kind_lexicon() -> KindLexicon:
    d = load_yaml("section_lexicon.yaml")
    f = "section_lexicon.yaml"
    from planparse.model import PLAN_TYPES, SECTION_KINDS

    for key in list(d["heading"]) + list(d["body"]) + list(d["lead_in"]):
        if key not in SECTION_KINDS:
            raise ModelError(f"unknown section kind {key!r}", f"planparse/data/{f}")
    for key in d["plan_types"]:
        if key not in PLAN_TYPES:
            raise ModelError(f"unknown plan type {key!r}", f"planparse/data/{f}")
    phrases = sorted((p for ps in d["heading_phrases"].values() for p in ps), key=len, reverse=True)
    cue_types: dict[str, list[str]] = {}
    for k, v in d["plan_types"].items():
        for word in v.get("text") or []:
            if re.escape(word) != word:
                raise ModelError(f"plan type {k!r}: text cue {word!r} must be a plain word", f"planparse/data/{f}")
            cue_types.setdefault(word, []).append(k)
    return KindLexicon(
        heading=tuple((k, _compile("|".join(v), f)) for k, v in d["heading"].items()),
        content_verbs=_compile(d["content_verbs"], f),
        department=_compile(d["department"], f),
        ideology_statement=_compile(d["ideology_statement"], f),
        body=tuple((k, _compile("|".join(v), f)) for k, v in d["body"].items()),
        lead_in=tuple((k, _compile("|".join(v), f)) for k, v in d["lead_in"].items()),
        phrases=_compile("^(?:" + "|".join(map(re.escape, phrases)) + ")", f),
        phrase_kind={p: k for k, ps in d["heading_phrases"].items() for p in ps},
        plan_types=tuple(
            (k, _compile("|".join(v["title"]), f), float(v.get("weight", 1)))
            for k, v in d["plan_types"].items()),
        plan_type_words=_compile(alternation(cue_types), f),
        plan_type_of={w: tuple(ts) for w, ts in cue_types.items()},
    )
