"""The linter: configuration, inline directives, running the rules, fixing.

>>> [d.rule for d in lint("2024年工会工作计划\\n一、指导思想\\n以……为指导。\\n二、主要工作\\n1、加强学习,提高素质。\\n")]
['punctuation_mixed']
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from planparse.errors import ConfigError
from planparse.model import ParseOptions
from planparse.pipeline import parse_source
from planparse.model import Source
from planparse.readers import file_bytes, read_bytes, read_file
from planparse.regexes import regex
from planparse.resources import plan_conventions
from planparse.rules import Diagnostic, LintContext, all_rules, rule_specs

SEVERITIES = ("error", "warning", "info")
_DIRECTIVE = regex(r"planparse:\s*(disable|enable|disable-line|disable-next-line)\s*=\s*([\w,\s]+?)\s*(?:-->|$)")


@dataclass(frozen=True)
class LintConfig:
    """What to check: from ``[tool.planparse.lint]`` in pyproject.toml or ``.planparse.toml``."""

    select: frozenset[str] | None = None           # None: every rule
    ignore: frozenset[str] = frozenset()
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    required_sections: dict[str, list] = field(default_factory=dict)
    year: int | None = None
    root: str | None = None  # the folder of the configuration file (per-file-ignores are relative to it)

    def enabled(self, path: str) -> list[str]:
        names = [n for n in rule_specs() if (self.select is None or n in self.select) and n not in self.ignore]
        for pattern, rules in self.per_file_ignores:
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                names = [n for n in names if n not in rules]
        return names


def load_config(start: Path | None = None, explicit: Path | None = None) -> LintConfig:
    """The configuration that applies in ``start`` (searching upwards), or the defaults."""
    if explicit is not None:
        data = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("planparse", {}).get("lint", {})
        return replace(config_from(data.get("lint", data), str(explicit)), root=str(explicit.resolve().parent))
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / ".planparse.toml"
        if own.is_file():
            data = _read_toml(own)
            return replace(config_from(data.get("lint", data), str(own)), root=str(folder))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            section = _read_toml(pyproject).get("tool", {}).get("planparse", {}).get("lint")
            if section is not None:
                return replace(config_from(section, f"{pyproject} [tool.planparse.lint]"), root=str(folder))
    return LintConfig()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None


def config_from(data: dict[str, Any], where: str) -> LintConfig:
    """Validate a configuration mapping; every bad key or value is named at once."""
    known_rules = set(rule_specs())
    problems = []
    allowed = {"select", "ignore", "per-file-ignores", "severity", "required-sections", "year"}
    problems += [f"unknown key {k!r}" for k in data if k not in allowed]

    def rules_of(key: str, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{key} must be a list of rule names")
            return frozenset()
        problems.extend(f"{key}: unknown rule {v!r}" for v in value if v not in known_rules)
        return frozenset(value)

    select = rules_of("select", data["select"]) if "select" in data else None
    ignore = rules_of("ignore", data.get("ignore", []))
    pfi = tuple((pattern, rules_of(f"per-file-ignores.{pattern}", rules))
                for pattern, rules in (data.get("per-file-ignores") or {}).items())
    severity = dict(data.get("severity") or {})
    for name, level in severity.items():
        if name not in known_rules:
            problems.append(f"severity: unknown rule {name!r}")
        if level not in SEVERITIES:
            problems.append(f"severity.{name}: {level!r} is not one of {', '.join(SEVERITIES)}")
    required = dict(data.get("required-sections") or {})
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
        problems.append(f"year must be a year between 1900 and 2100, not {year!r}")
    problems += _required_problems(required)
    if problems:
        raise ConfigError("; ".join(problems), where)
    return LintConfig(select, ignore, pfi, severity, required, year)


def _required_problems(required: dict[str, Any]) -> list[str]:
    """What is wrong with ``required-sections``: plan types (or ``default``) → kinds, or
    lists of kinds of which one is enough."""
    from planparse.model import PLAN_TYPES, SECTION_KINDS

    problems = [f"required-sections: unknown plan type {t!r}" for t in required if t != "default" and t not in PLAN_TYPES]
    for t, needs in required.items():
        if not isinstance(needs, list):
            problems.append(f"required-sections.{t} must be a list of section kinds")
            continue
        kinds = [k for n in needs for k in (n if isinstance(n, list) else [n])]
        problems += [f"required-sections.{t}: unknown section kind {k!r}" for k in kinds if k not in SECTION_KINDS]
    return problems


def _directives(lines: tuple[str, ...]) -> dict[int, set[str]]:
    """Line → rules disabled on it by inline comments."""
    off: dict[int, set[str]] = {}
    block: set[str] = set()
    for n, text in enumerate(lines, 1):
        m = _DIRECTIVE.search(text)
        line_off = set(block)
        if m:
            action, names = m.group(1), {x.strip() for x in m.group(2).split(",") if x.strip()}
            if action == "disable":
                block |= names
                line_off |= names
            elif action == "enable":
                block -= names
            elif action == "disable-line":
                line_off |= names
            else:
                off.setdefault(n + 1, set()).update(names)
        off.setdefault(n, set()).update(line_off)
    return off


def lint_source(src: Source, config: LintConfig = LintConfig(), options: ParseOptions | None = None) -> list[Diagnostic]:
    """Lint a read document; diagnostics in line order (file-level first)."""
    opts = options or ParseOptions(year=config.year)
    doc = parse_source(src, opts)
    lines = tuple(src.text.split("\n"))
    required = {**plan_conventions()["required_sections"], **config.required_sections}
    ctx = LintContext(src.path, lines, doc, doc.edits, required)
    disabled = _directives(lines)
    specs = rule_specs()
    out: list[Diagnostic] = []
    for name in config.enabled(src.path):
        fn = all_rules()[name]
        spec = specs[name]
        for f in fn(ctx):
            if f.line is not None and name in disabled.get(f.line, set()):
                continue
            message = spec["message"].format_map(_Defaults(f.fields))
            fix_text = "\n".join(f.fix.lines) if f.fix else None
            out.append(Diagnostic(src.path, f.line, f.column, name, config.severity.get(name, spec["severity"]),
                                  message, fix_text, f.fix, f.length))
    return sorted(out, key=lambda d: (d.line or 0, d.column or 0, d.rule))


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def lint(text: str, path: str = "<text>", config: LintConfig | None = None, year: int | None = None) -> list[Diagnostic]:
    """Lint the text of a plan draft (SPEC §4); see :func:`lint_source`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cfg = config or LintConfig()
    if year is not None:
        cfg = replace(cfg, year=year)
    return lint_source(Source(text, path, "txt", None), cfg)


def lint_file(path: str | Path, config: LintConfig | None = None) -> list[Diagnostic]:
    return lint_source(read_file(path), config or load_config(Path(path).parent))


def apply_fixes(src: Source, diagnostics: Iterable[Diagnostic]) -> str:
    """The source text with the safe fixes applied once, in a fixed order (by line, then by
    rule as listed in lint_rules.yaml, then by the replacement): a fix that overlaps one
    before it waits for the next round of :func:`fix_text`."""
    lines = src.text.split("\n")
    order = {name: i for i, name in enumerate(rule_specs())}
    fixes = sorted({(d.edit, order[d.rule]) for d in diagnostics if d.edit is not None and _safe(d.rule)},
                   key=lambda f: (f[0].first, f[0].last, f[1], f[0].lines))
    result: list[str] = []
    pos = 1
    for fx, _ in fixes:
        if fx.first < pos:
            continue  # overlaps an earlier fix
        result.extend(lines[pos - 1:fx.first - 1])
        result.extend(fx.lines)
        pos = fx.last + 1
    result.extend(lines[pos - 1:])
    return "\n".join(result)


MAX_FIX_ROUNDS = 10


def fix_text(src: Source, config: LintConfig = LintConfig(),
             diagnostics: list[Diagnostic] | None = None) -> tuple[str, list[Diagnostic]]:
    """Apply the safe fixes until none is left to apply (two fixes on one line take two
    rounds), in a fixed order, so ``--fix`` writes in one run what ``--diff`` shows. Returns
    the fixed text and the findings that remain in it. ``diagnostics``: the source's own
    findings, when they are at hand.

    >>> text, left = fix_text(Source("一、指导思想\\n以……为指导,做好的的工作。", "d.txt", "txt", None))
    >>> text.split("\\n")[1], sorted({d.rule for d in left})
    ('以……为指导，做好的工作。', ['missing_section'])
    """
    current = replace(src, hints=())  # line hints do not survive an edit
    found = diagnostics if diagnostics is not None else lint_source(current, config)
    for _ in range(MAX_FIX_ROUNDS):
        text = apply_fixes(current, found)
        if text == current.text:
            break
        current = replace(current, text=text)
        found = lint_source(current, config)
    return current.text, found


def _safe(rule: str) -> bool:
    return bool(rule_specs()[rule].get("fixable"))


def encode_like(text: str, src: Source, original: bytes) -> bytes:
    """``text`` in the source's encoding and line endings (for writing a fixed file back)."""
    if b"\r\n" in original:
        text = text.replace("\n", "\r\n")
    enc = src.encoding or "utf-8"
    return text.encode(enc)


def read_for_fix(path: Path) -> tuple[Source, bytes]:
    """The document and its raw bytes (kept to write a fixed file back in the same form)."""
    data = file_bytes(path) if str(path) != "-" else sys.stdin.buffer.read()
    return read_bytes(data, str(path)), data
