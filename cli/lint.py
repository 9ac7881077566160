"""`planparse lint`: check plan drafts, as a person, an editor or CI would run it."""

from __future__ import annotations

import difflib
import glob
import json
import sys
from pathlib import Path

import click

FORMATS = ("text", "json", "sarif", "github")


@click.command()
@click.argument("files", nargs=-1, type=str)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: path:line:col: rule message; json (SPEC §4); sarif 2.1.0; github annotations.")
@click.option("--select", default=None, help="Only these rules (comma-separated).")
@click.option("--ignore", default=None, help="Skip these rules (comma-separated).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="A .planparse.toml or pyproject.toml (default: found from the current folder upwards).")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="Year for dates when a plan gives none (for weekday checks).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes and write the files back (same encoding and line endings).")
@click.option("--diff", "show_diff", is_flag=True, help="With --fix: show the changes as a unified diff, write nothing.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings that are not in this baseline (see --write-baseline).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record today's findings in this file (JSON) and exit 0: old archives start clean.")
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and exit.")
def lint(files: tuple[str, ...], fmt: str, select: str | None, ignore: str | None, config_path: Path | None,
         year: int | None, fix: bool, show_diff: bool, baseline_path: Path | None, write_baseline: Path | None,
         list_rules: bool) -> None:
    """Check plan drafts for missing sections, broken numbering, placeholders, bad dates and more.

    FILES are documents, folders or glob patterns; "-" reads standard input. Exit status:
    0 no findings, 1 findings, 2 usage error or unreadable input. Disable a rule for one
    line with a comment "planparse: disable-line=RULE", for the next line with
    "disable-next-line=RULE", or from a line on with "disable=RULE" … "enable=RULE".

    For an archive of old plans, --write-baseline FILE records today's findings and
    --baseline FILE then reports only new ones. A finding is matched by its file, its rule
    and the text of its line, so edits elsewhere in a file do not bring old ones back.

    \b
    Examples:
      planparse lint draft.txt
      planparse lint 'plans/**/*.txt' --format github
      planparse lint draft.txt --fix --diff
      planparse lint archive/ --write-baseline lint-baseline.json
      planparse lint archive/ --baseline lint-baseline.json
    """
    from dataclasses import replace

    from planparse.errors import PlanparseError
    from planparse.rules import rule_specs
    from planparse.rules.baseline import Baseline
    from planparse.rules.runner import apply_fixes, encode_like, lint_source, load_config, read_for_fix

    if list_rules:
        for name, spec in rule_specs().items():
            mark = " (fixable)" if spec.get("fixable") else ""
            click.echo(f"{name:<22} {spec['severity']:<8} {spec['description']}{mark}")
        return
    if show_diff and not fix:
        raise click.UsageError("--diff goes with --fix")
    if write_baseline is not None and (baseline_path is not None or fix):
        raise click.UsageError("--write-baseline records every finding; it goes with neither --baseline nor --fix")
    if not files:
        raise click.UsageError("give at least one file, folder or glob ('-' for standard input)")
    config = load_config(explicit=config_path) if config_path else load_config()
    if select:
        config = replace(config, select=frozenset(_names(select)))
    if ignore:
        config = replace(config, ignore=config.ignore | frozenset(_names(ignore)))
    if year is not None:
        config = replace(config, year=year)
    paths = _expand(files)
    baseline = Baseline.load(baseline_path) if baseline_path is not None else None
    diagnostics, failures, known, recorded = [], 0, 0, []
    for path in paths:
        try:
            src, raw = read_for_fix(Path(path))
            found = lint_source(src, config)
        except PlanparseError as exc:
            click.echo(f"Error: {exc}", err=True)
            failures += 1
            continue
        lines = src.text.split("\n")
        if write_baseline is not None:
            recorded.extend((d, lines) for d in found)
            continue
        if baseline is not None:
            found, old = baseline.new_findings(found, lines)
            known += old
        if fix and any(d.edit is not None and rule_specs()[d.rule].get("fixable") for d in found):
            fixed = apply_fixes(src, found)
            if show_diff:
                sys.stdout.writelines(difflib.unified_diff(
                    src.text.splitlines(keepends=True), fixed.splitlines(keepends=True), path, path))
            elif path != "-" and src.format in ("txt", "md"):
                Path(path).write_bytes(encode_like(fixed, src, raw))
                found = lint_source(replace(src, text=fixed), config)
            else:
                click.echo(f"{path}: --fix writes only text files; use --diff", err=True)
        diagnostics.extend(found)
    if write_baseline is not None:
        Baseline.record(write_baseline, recorded).write(write_baseline)
        click.echo(f"recorded {len(recorded)} findings in {len({d.path for d, _ in recorded})} of {len(paths)} "
                   f"files in {write_baseline}", err=True)
    elif not show_diff:
        _report(diagnostics, fmt, len(paths), known)
    if failures:
        raise SystemExit(2)
    if diagnostics:
        raise SystemExit(1)


def _names(value: str) -> list[str]:
    from planparse.rules import rule_specs

    names = [n.strip() for n in value.split(",") if n.strip()]
    bad = [n for n in names if n not in rule_specs()]
    if bad:
        raise click.BadParameter(f"unknown rule(s): {', '.join(bad)}; see --list-rules")
    return names


def _expand(items: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item == "-":
            out.append(item)
        elif Path(item).is_dir():
            out.extend(str(p) for p in sorted(Path(item).rglob("*"))
                       if p.suffix.lower() in (".txt", ".md", ".docx", ".html", ".htm", ".rtf", ".pdf"))
        elif any(ch in item for ch in "*?["):
            matched = sorted(glob.glob(item, recursive=True))
            if not matched:
                raise click.UsageError(f"no file matches {item!r}")
            out.extend(matched)
        else:
            out.append(item)
    return out


def _report(diagnostics, fmt: str, n_files: int, known: int = 0) -> None:
    if fmt == "json":
        click.echo(json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from planparse.rules.sarif import to_sarif

        click.echo(json.dumps(to_sarif(diagnostics), ensure_ascii=False, indent=2))
    elif fmt == "github":
        for d in diagnostics:
            level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
            where = f"file={d.path}" + (f",line={d.line},col={d.column}" if d.line else "")
            click.echo(f"::{level} {where},title={d.rule}::{d.message}")
    else:
        for d in diagnostics:
            where = f"{d.path}:{d.line}:{d.column}:" if d.line else f"{d.path}:"
            click.echo(f"{where} {d.rule} {d.message}")
        counts = {s: sum(d.severity == s for d in diagnostics) for s in ("error", "warning", "info")}
        files_with = len({d.path for d in diagnostics})
        old = f"; {known} known findings in the baseline not shown" if known else ""
        if diagnostics:
            click.echo(f"{len(diagnostics)} findings in {files_with} of {n_files} files "
                       f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info{old})")
        else:
            click.echo(f"no findings in {n_files} files" + (f" ({old[2:]})" if old else ""))
