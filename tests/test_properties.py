"""Property tests: readers and the parser never crash, and line ranges stay in the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.errors import InputError
from planparse.readers import read_bytes

PLAN_ALPHABET = st.sampled_from(list("一二三四五六七八九十、，。：；（）()1234567890.- \n月日年份上中下旬工会计划指导思想主要工作安排总之小编欢迎阅读篇"))
plan_text = st.text(PLAN_ALPHABET, max_size=400) | st.text(max_size=200)


def _ranges(sections):
    for s in sections:
        yield s["lines"]
        yield from _ranges(s["sections"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_text)
def test_parse_never_crashes_and_lines_stay_in_the_file(text):
    doc = planparse.parse(text, year=2024).to_dict()
    n = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for plan in doc["plans"]:
        assert 1 <= plan["lines"][0] <= plan["lines"][1] <= n
        for first, last in _ranges(plan["sections"]):
            assert plan["lines"][0] <= first <= last <= plan["lines"][1]
        for a in plan["activities"]:
            assert plan["lines"][0] <= a["line"] <= plan["lines"][1]
    for b in doc["boilerplate"]:
        assert 1 <= b["line"] <= n


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_reader_raises_only_input_errors(data):
    try:
        read_bytes(data, "fuzz.bin")
    except InputError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"{\\rtf1 ", b"<html>", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]),
       st.binary(max_size=1500))
def test_readers_of_every_format_survive_garbage(head, tail):
    try:
        read_bytes(head + tail, "fuzz")
    except InputError:
        pass


CHROME_ALPHABET = st.sampled_from(list("第页共-—/|>» 1234５:：.。，【】[]打印关闭来源更多请关注点击wICP.comdocKB次阅读下载年月日班主任张明撰文\u3000x#!"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(CHROME_ALPHABET, min_size=1, max_size=30), min_size=1, max_size=10))
def test_scanning_a_page_at_once_finds_each_line_a_chrome_pattern_finds_alone(texts):
    """The line-role features scan the whole page per pattern; each pattern still marks
    exactly the lines it matches on its own."""
    from planparse.resources import boilerplate_patterns
    from planparse.roles import _cues, _Page

    words, patterns = _cues()
    bp = boilerplate_patterns()
    page = _Page(tuple(texts))
    for p in [*patterns.values(), *bp.line.patterns, *bp.sentence.patterns, *bp.intro.patterns,
              bp.related, bp.list_item, bp.list_item_not, bp.line, bp.sentence, bp.intro]:
        assert page.hits(p) == {i for i, t in enumerate(texts) if p.search(t)}, getattr(p, "pattern", p)
    found = sorted(page.finditer(words))
    assert found == sorted((i, w) for i, t in enumerate(texts) for w in words.findall(t))


@given(st.text(CHROME_ALPHABET | st.sampled_from(list("计划方案篇范文要点关于印发通知附件现给你们")), max_size=40))
def test_patterns_searched_behind_their_words_find_what_each_finds_alone(text):
    """A set of patterns tried only where the text holds one of their words finds the first
    match that trying each one in turn finds."""
    from planparse.resources import AnyOf, boilerplate_patterns, heading_patterns
    from planparse.roles import _always, _cues

    hp, bp = heading_patterns(), boilerplate_patterns()
    for group in [hp.separator, hp.title, hp.not_title, bp.sentence, bp.intro, bp.line, _always(),
                  *(p for p in _cues()[1].values() if isinstance(p, AnyOf))]:
        alone = next((m for p in group.patterns if (m := p.search(text))), None)
        found = group.search(text)
        assert (found and (found.re, found.span())) == (alone and (alone.re, alone.span())), text
