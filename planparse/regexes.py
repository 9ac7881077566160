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
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
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
