"""Lint rules: a registry of small functions, each finding one kind of defect.

A rule is ``@rule("numbering_gap")`` over a :class:`LintContext` and yields
:class:`Finding` objects (line, column, message fields, optional fix). Its severity and
message live in ``planparse/data/lint_rules.yaml``; a name registered twice is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Callable, Iterator

from planparse.model import Document, Edit
from planparse.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace source lines ``first..last`` (1-based, inclusive) by ``lines``."""

    first: int
    last: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    line: int | None
    column: int | None
    fields: dict[str, str] = field(default_factory=dict)
    fix: Fix | None = None


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

    @property
    def boilerplate_lines(self) -> frozenset[int]:
        return frozenset(e.line for e in self.edits if e.action == "boilerplate")


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


def rule_specs() -> dict[str, dict]:
    return lint_data()["rules"]


def all_rules() -> dict[str, Rule]:
    """Every rule, registered on first use."""
    from planparse.rules import dates, structure, text  # noqa: F401  (registration)

    return RULES
