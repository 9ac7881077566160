"""Patterns built from the cached codes behave as :func:`re.compile`'s, and the cache file
is written once, read by the next process, and never needed (a broken one is ignored)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planparse import regexes
from planparse.regexes import regex

pytestmark = pytest.mark.skipif(regexes.cache_file() is None, reason="codes are cached on CPython only")

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "corpus" / "docs" / "rw821.txt"


def test_every_cached_pattern_has_the_codes_the_compiler_gives():
    """What the file of this process holds, or will write, is what ``re`` computes now."""
    known, new = regexes._store()
    entries = {**known, **new}
    assert len(entries) > 300  # planparse's own patterns, compiled at import
    for (pattern, flags), codes in entries.items():
        if isinstance(pattern, str) and pattern.startswith(regexes.WORDS_KEY):  # the words a pattern's matches hold, kept beside
            assert codes == regexes.words_of(pattern[len(regexes.WORDS_KEY):], flags), pattern
        else:
            assert codes == regexes.codes(pattern, flags), pattern


SAMPLES = [(r"(?P<num>[一二三四五六七八九十]{1,3})、\s*(?P<text>[\u4e00-\u9fff]{2,12})", 0),
           (r"^(?:当前位置|您的位置)\s*[:：]", re.M), (r"[a-z]+\d?", re.I), (r"(\d{1,2})月(?:份)?(\d{1,2})?", 0)]


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
@given(text=st.text(alphabet="一二三、 工作计划当前位置：您的AbZz0912月份\n", max_size=40))
def test_a_pattern_from_codes_matches_as_re_compile(pattern, flags, text):
    mine, theirs = regex(pattern, flags), re.compile(pattern, flags)
    assert (mine.pattern, mine.flags, mine.groups, mine.groupindex) == (theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
    assert [m.groups() for m in mine.finditer(text)] == [m.groups() for m in theirs.finditer(text)]
    assert mine.sub("#", text) == theirs.sub("#", text)


def test_a_bad_pattern_raises_as_re_compile_does():
    with pytest.raises(re.error, match="missing"):
        regex("(?P<a>一")


def _parse(cache: Path, out: Path) -> None:
    env = {**os.environ, "PLANPARSE_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-c", "from planparse.cli import main; main()", "parse", str(DOC), "-o", str(out)], check=True, env=env,
                   capture_output=True, timeout=120)


def test_the_next_process_reads_the_file_the_first_wrote(tmp_path):
    cache = tmp_path / "cache"
    _parse(cache, tmp_path / "first.yaml")
    [file] = cache.iterdir()
    written = file.stat().st_mtime_ns, file.read_bytes()
    _parse(cache, tmp_path / "second.yaml")
    assert (file.stat().st_mtime_ns, file.read_bytes()) == written  # every pattern found: nothing to add
    assert (tmp_path / "second.yaml").read_text("utf-8") == (tmp_path / "first.yaml").read_text("utf-8")


def test_a_broken_file_is_ignored_and_written_again(tmp_path):
    cache = tmp_path / "cache"
    _parse(cache, tmp_path / "good.yaml")
    [file] = cache.iterdir()
    file.write_bytes(b"\x00not marshal at all")
    _parse(cache, tmp_path / "after.yaml")
    assert (tmp_path / "after.yaml").read_text("utf-8") == (tmp_path / "good.yaml").read_text("utf-8")
    assert len(file.read_bytes()) > 100_000


def test_a_cache_folder_that_cannot_be_made_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _parse(blocker / "cache", tmp_path / "blocked.yaml")
    _parse(tmp_path / "cache", tmp_path / "cached.yaml")
    assert (tmp_path / "blocked.yaml").read_text("utf-8") == (tmp_path / "cached.yaml").read_text("utf-8")


def _gated() -> list[re.Pattern[str]]:
    """planparse's patterns searched only on a text holding one of their required words."""
    from planparse.resources import AnyOf, boilerplate_patterns, heading_patterns
    from planparse.roles import _always, _cues

    hp, bp = heading_patterns(), boilerplate_patterns()
    sets = [hp.separator, hp.title, hp.not_title, hp.contents, hp.notice_body, bp.sentence, bp.intro, bp.line, _always(),
            *(p for p in _cues()[1].values() if isinstance(p, AnyOf))]
    return [p for s in sets for p in s.patterns if regexes.required_words(p.pattern, p.flags)]


@pytest.mark.parametrize("pattern", _gated(), ids=lambda p: p.pattern[:40])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_gated_pattern_holds_one_of_its_words(pattern, data):
    """A text that holds none of a pattern's required words is never searched: no match of
    the pattern may lack them all."""
    text = data.draw(st.from_regex(pattern))
    assert any(w in text for w in regexes.required_words(pattern.pattern, pattern.flags)), text


@pytest.mark.parametrize(("pattern", "words"), [
    (r"上一篇[:：]", ("上一篇",)),
    (r"(?<![费金])来源[:：]", ("来源",)),
    (r"[（(](?:精选|范文|篇)[0-9]+[)）]$", ("(", "（")),
    (r"(?=.*计划)[^，。]{2,20}$", ("计划",)),  # a lookahead that must hold
    (r"(?!附件)[\u4e00-\u9fff]{2,8}$", None),  # a lookahead that must not: no words
    (r"(?:计划)?[0-9]+", None),  # an optional word is no required one
    (r"计划|[0-9]+", None),  # one branch requires none
    (r"(?i)page\s*[0-9]+", None),  # a case-blind pattern's words are not one string
    (r"(?i:page)\s*[0-9]+", None),  # nor a case-blind group's
    (r"[a-z]{3}\s*次", ("次",)),
])
def test_the_words_a_pattern_requires(pattern, words):
    assert regexes.required_words(pattern) == words
