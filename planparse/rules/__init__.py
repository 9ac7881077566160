"""Lint rules: a registry of small functions, each finding one kind of defect.

A rule is ``@rule("numbering_gap")`` over a :class:`LintContext` and yields
:class:`Finding` objects (line, column, message fields, optional fix). Its severity and
message live in ``planparse/data/lint_rules.yaml``; a name registered twice is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from functools import cache, cached_property
from typing import Callable, Iterator

from planparse.model import Document, Edit
from planparse.regexes import regex
from planparse.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace source lines ``first..last`` (1-based, inclusive) by ``lines``."""

    first: int
    last: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: where (1-based line and column; None for the whole file), the
    message's fields, a fix, and how many characters it covers (None: to the line's end)."""

    line: int | None
    column: int | None
    fields: dict[str, str] = field(default_factory=dict)
    fix: Fix | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One lint finding as users see it (SPEC §4)."""

    path: str
    line: int | None
    column: int | None
    rule: str
    severity: str
    message: str
    fix: str | None = None
    edit: Fix | None = field(default=None, compare=False, repr=False)
    length: int | None = field(default=None, compare=False, repr=False)  # characters covered (editors)

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "rule": self.rule,
                "severity": self.severity, "message": self.message, "fix": self.fix}


@dataclass(frozen=True)
class LintContext:
    """What rules look at: the source lines, the parse, and the normalizer's edits."""

    path: str
    lines: tuple[str, ...]  # source lines, index 0 = line 1
    doc: Document
    edits: tuple[Edit, ...]
    required: dict[str, list]

    @cached_property
    def leftovers(self) -> dict[int, tuple[int, int] | None]:
        """Source line → the span of it that is web boilerplate, None where it is the whole
        line. A line that is nothing but an unfilled template field ("　　年　　月　　日") is
        a placeholder, not page chrome, and is left to the placeholder rule."""
        out: dict[int, tuple[int, int] | None] = {}
        for e in self.edits:
            if e.action != "boilerplate" or not 0 < e.line <= len(self.lines):
                continue
            text = self.lines[e.line - 1]
            if not _CONTENT.search(placeholder_pattern().sub("", text)):
                continue
            i = text.find(e.text)
            rest = text[:i] + text[i + len(e.text):] if i >= 0 else ""
            out[e.line] = (i, i + len(e.text)) if i >= 0 and _CONTENT.search(rest) else None
        return out

    def content_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of the lines that hold plan text, a boilerplate sentence that
        shares its line with plan text blanked out (offsets kept: NUL characters)."""
        chrome = self.leftovers
        for n, text in enumerate(self.lines, 1):
            if not text.strip():
                continue
            if n in chrome:
                span = chrome[n]
                if span is None:
                    continue
                text = text[:span[0]] + "\0" * (span[1] - span[0]) + text[span[1]:]
            yield n, text


Rule = Callable[[LintContext], Iterator[Finding]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under its stable name."""
    def register(fn: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"lint rule {name!r} is registered twice")
        if name not in rule_specs():
            raise ValueError(f"lint rule {name!r} has no entry in lint_rules.yaml")
        RULES[name] = fn
        return fn
    return register


@cache
def lint_data() -> dict:
    return load_yaml("lint_rules.yaml")


@cache
def placeholder_pattern() -> re.Pattern[str]:
    """Unfilled template text (lint_rules.yaml ``placeholders``, tried in their order)."""
    return regex("|".join(f"(?:{p})" for p in lint_data()["placeholders"]))


_CONTENT = regex(r"[\u4e00-\u9fffA-Za-z0-9]")


def rule_specs() -> dict[str, dict]:
    return lint_data()["rules"]


def all_rules() -> dict[str, Rule]:
    """Every rule, registered on first use."""
    from planparse.rules import dates, structure, text  # noqa: F401  (registration)

    return RULES
