"""Regular expressions compiled once per machine rather than once per process.

planparse compiles about 430 patterns, many with long word lists and CJK ranges, and
compiling them takes about a sixth of a cold ``planparse parse``. CPython compiles a
pattern in two steps: its parser and compiler, written in Python, turn the pattern into a
list of integer codes, and the C function ``_sre.compile`` builds the pattern object from
that list (checking it). The first step is the slow one. :func:`regex` keeps each
pattern's codes in a file in the user's cache folder (``$PLANPARSE_CACHE_DIR``, else
``$XDG_CACHE_HOME/planparse`` or ``~/.cache/planparse``), one file per interpreter version
and regex engine, and the next process builds the pattern from them. A pattern the file
lacks, a file that cannot be read or written, or another Python implementation falls
back to compiling as :func:`re.compile` does; the pattern object is the same either way.

>>> regex("(?P<n>[一二三])、").match("二、重点工作").group("n")
'二'
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any, Iterable

try:
    if sys.implementation.name != "cpython":  # another engine's _sre takes other codes
        raise ImportError
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _constants, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_constants as _constants
        import sre_parse as _parser
except ImportError:  # pragma: no cover - not CPython
    _compiler = None

_MAX_ENTRIES = 5000  # a file grown past this (patterns edited over time) starts again

Codes = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def cache_file() -> Path | None:
    """Where this interpreter's codes are kept, or None where they cannot be used."""
    if _compiler is None:
        return None
    root = os.environ.get("PLANPARSE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "planparse")
    engine = hashlib.sha1(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:12]
    return Path(root) / f"patterns-{engine}.marshal"


def codes(pattern: str, flags: int) -> Codes:
    """The arguments after the pattern that ``_sre.compile`` takes, as ``re`` computes them
    (raises :class:`re.error` for a bad pattern, as :func:`re.compile` does)."""
    parsed = _parser.parse(pattern, flags)
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, i in groups.items():
        names[i] = name
    return (int(flags | parsed.state.flags), list(map(int, _compiler._code(parsed, flags))),
            parsed.state.groups - 1, dict(groups), tuple(names))


@cache
def _store() -> tuple[dict[tuple[str, int], Codes], dict[tuple[str, int], Codes]]:
    """The codes read from the cache file, and those compiled since (written at exit)."""
    known: dict[tuple[str, int], Codes] = {}
    new: dict[tuple[str, int], Codes] = {}
    path = cache_file()
    if path is not None:
        try:
            loaded = marshal.loads(path.read_bytes())
            known = loaded if isinstance(loaded, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            pass
        atexit.register(_save, path, known, new)
    return known, new


def _save(path: Path, known: dict[tuple[str, int], Codes], new: dict[tuple[str, int], Codes]) -> None:
    if not new:
        return
    from planparse.errors import OutputError
    from planparse.outputs import write_atomic

    entries = new if len(known) + len(new) > _MAX_ENTRIES else {**known, **new}
    try:
        write_atomic(path, marshal.dumps(entries), parents=True)
    except (OutputError, OSError):
        pass  # a cache that cannot be written is only a slower start


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, built from the cached codes when they are there."""
    if _compiler is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    known, new = _store()
    key = (pattern, flags)
    found = known.get(key)
    if found is not None:
        try:
            return _sre.compile(pattern, *found)
        except (RuntimeError, TypeError, ValueError):
            pass  # codes this engine rejects: compile afresh
    new[key] = found = codes(pattern, flags)
    return _sre.compile(pattern, *found)


def alternation(words: Iterable[str]) -> str:
    """Literal words as one alternation, the longest first (so that a word wins over its
    prefix) and in a fixed order, so that the pattern is the same in every process.

    >>> alternation({"周", "第一周", "月"})
    '第一周|周|月'
    """
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


_IGNORECASE = int(re.I)
MAX_CLASS_CHARS = 8  # the most characters of a class ("[备证]") that a match's words may name one of


def required_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Words of which every match of ``pattern`` holds at least one, or None where the pattern
    promises none (a text without any of them cannot match: it need not be searched). Kept
    beside the compiled codes, since reading a pattern costs what compiling it does.

    >>> required_words(r"(?:ICP|icp)\\s*[备证]|公网安备")
    ('ICP', 'icp', '公网安备')
    >>> required_words(r"(计划|方案)\\s*[（(][0-9]{1,2}[)）]$"), required_words(r"^[\\u4e00-\\u9fff]{2,8}$")
    (('方案', '计划'), None)
    >>> required_words("第\\\\s*[0-9]+\\\\s*页|共\\\\s*[0-9]+\\\\s*页"), required_words("(?i)page"), required_words("a?b*")
    (('共', '第'), None, None)
    """
    if _compiler is None or int(flags) & _IGNORECASE:
        return None
    known, new = _store()
    key = (WORDS_KEY + pattern, int(flags))  # (no pattern's codes are kept under such a key)
    if key not in known:
        new[key] = words_of(pattern, flags)  # type: ignore[assignment]
    return (known if key in known else new)[key]  # type: ignore[return-value]


@cache
def pattern_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """:func:`required_words` of a compiled pattern, looked up once per pattern."""
    return required_words(pattern.pattern, pattern.flags)


@cache
def words_gate(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words``, the longest first where several start at one place."""
    return regex(alternation(words))


WORDS_KEY = "words:"  # what a key of the words a pattern requires starts with, in the file of codes


def words_of(pattern: str, flags: int) -> tuple[str, ...] | None:
    """:func:`required_words`, read from the pattern afresh."""
    parsed = _parser.parse(pattern, flags)
    found = None if parsed.state.flags & re.I else _words_of_sequence(list(parsed))
    return tuple(sorted(found)) if found else None


def _words_of_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of words a run of parsed items requires: its literal runs and what each
    item requires, the one whose shortest word is longest (then the fewest words)."""
    best, run = None, ""
    for op, av in items:
        if op is _constants.LITERAL:
            run += chr(av)
            continue
        if run:
            best, run = _better(best, frozenset([run])), ""
        best = _better(best, _words_of_item(op, av))
    return _better(best, frozenset([run])) if run else best


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _words_of_item(op: Any, av: Any) -> frozenset[str] | None:
    c = _constants
    if op is c.IN:  # a class of a few characters, no range, category or negation
        chars = [chr(a) for o, a in av if o is c.LITERAL]
        return frozenset(chars) if len(chars) == len(av) and 0 < len(chars) <= MAX_CLASS_CHARS else None
    if op is c.SUBPATTERN:  # (a group whose letters match either case requires no one spelling)
        return None if av[1] & _IGNORECASE else _words_of_sequence(list(av[3]))
    if op is c.BRANCH:  # every branch must require some word
        branches = [_words_of_sequence(list(b)) for b in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return _words_of_sequence(list(av[2])) if av[0] >= 1 else None
    if op is c.ASSERT:  # a lookahead or lookbehind that must hold: its words are in the text too
        return _words_of_sequence(list(av[1]))
    return None
