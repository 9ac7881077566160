"""A baseline for old archives: record today's findings, then report only new ones.

A finding is known by its file (relative to the baseline file's folder), its rule and the
text of the line it is on, so that lines added or removed elsewhere in a file do not bring
old findings back; a finding whose own line is edited is new again. A finding with no line
(missing_section) is known by its message, line numbers taken out. The same finding twice
on equal lines is counted.

>>> from planparse.rules import Diagnostic
>>> d = Diagnostic("plans/a.txt", 3, 1, "placeholder", "error", "未填写的模板占位符“××”")
>>> fingerprint(d, ["2024年计划", "", "　由××负责。"], Path("."))
('plans/a.txt', 'placeholder', '由××负责。')
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from planparse.errors import ConfigError
from planparse.normalize import WHITESPACE
from planparse.outputs import write_atomic
from planparse.regexes import regex
from planparse.rules import Diagnostic

SCHEMA = "planparse-lint-baseline/1"
_LINE_REF = regex(r"第\d+行")

Key = tuple[str, str, str]  # (path, rule, line text)


def fingerprint(d: Diagnostic, lines: Sequence[str], root: Path) -> Key:
    """How a finding is recognised again: its path relative to ``root``, its rule, the text
    of its line (stripped; the message without line numbers for a file-level finding)."""
    if d.line is not None and 0 < d.line <= len(lines):
        text = lines[d.line - 1].strip(WHITESPACE)
    else:
        text = _LINE_REF.sub("", d.message)
    return _relative(d.path, root), d.rule, text


def _relative(path: str, root: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive
        return Path(path).resolve().as_posix()


@dataclass(frozen=True)
class Baseline:
    """Known findings, counted, with the folder their paths are relative to."""

    root: Path
    counts: Mapping[Key, int]

    @classmethod
    def record(cls, file: Path, findings: Iterable[tuple[Diagnostic, Sequence[str]]]) -> Baseline:
        """The baseline of ``findings`` (each with its file's lines), to be kept in ``file``."""
        root = file.resolve().parent
        return cls(root, Counter(fingerprint(d, lines, root) for d, lines in findings))

    def write(self, file: Path) -> None:
        rows = [{"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(self.counts.items())]
        data = {"schema": SCHEMA, "findings": rows}
        write_atomic(file, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, file: Path) -> Baseline:
        """Read a baseline written by :meth:`write`; a missing or malformed file is a
        :class:`ConfigError` naming it."""
        try:
            data = json.loads(file.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read the baseline: {exc}; write one with --write-baseline", str(file)) from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
            raise ConfigError(f"not a lint baseline (schema {SCHEMA} expected)", str(file))
        counts: Counter[Key] = Counter()
        for i, row in enumerate(data["findings"]):
            try:
                counts[(str(row["path"]), str(row["rule"]), str(row["text"]))] += int(row.get("count", 1))
            except (TypeError, KeyError, ValueError):
                raise ConfigError(f"finding {i + 1} needs path, rule and text", str(file)) from None
        return cls(file.resolve().parent, counts)

    def new_findings(self, diagnostics: Iterable[Diagnostic], lines: Sequence[str]) -> tuple[list[Diagnostic], int]:
        """The findings of one file that the baseline does not hold, and how many it does."""
        left = Counter(self.counts)
        new, known = [], 0
        for d in diagnostics:
            key = fingerprint(d, lines, self.root)
            if left[key] > 0:
                left[key] -= 1
                known += 1
            else:
                new.append(d)
        return new, known
