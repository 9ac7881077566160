"""`planparse lint`: check plan drafts, as a person, an editor or CI would run it."""

from __future__ import annotations

import difflib
import glob
import json
import os
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
@click.option("-j", "--jobs", type=click.IntRange(0), default=0, show_default=True,
              help="Processes that read and check files at once; 0: one per CPU when there are many files.")
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and exit.")
def lint(files: tuple[str, ...], fmt: str, select: str | None, ignore: str | None, config_path: Path | None,
         year: int | None, fix: bool, show_diff: bool, baseline_path: Path | None, write_baseline: Path | None,
         jobs: int, list_rules: bool) -> None:
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
      planparse lint archive/ --jobs 4
    """
    from dataclasses import replace

    from planparse.rules import rule_specs
    from planparse.rules.baseline import Baseline
    from planparse.rules.runner import encode_like, fix_text, load_config

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
    for path, (src, raw, found, error) in _checked(paths, config, 1 if fix else jobs):
        if error is not None:
            click.echo(f"Error: {error}", err=True)
            failures += 1
            continue
        lines = src.text.split("\n")
        if write_baseline is not None:
            recorded.extend((d, lines) for d in found)
            continue
        if baseline is not None:
            found, old = baseline.new_findings(found, lines)
            known += old
        if fix and any(_fixable(d) for d in found):
            fixed, left = fix_text(src, config, found)
            if show_diff:
                sys.stdout.writelines(difflib.unified_diff(
                    src.text.splitlines(keepends=True), fixed.splitlines(keepends=True), path, path))
            elif path != "-" and src.format in ("txt", "md") and encode_like(src.text, src, raw) != raw:
                click.echo(f"{path}: not fixed: writing it back would also change bytes no fix is about (stray "
                           "bytes that were repaired, mixed line endings); use --diff", err=True)
            elif path != "-" and src.format in ("txt", "md"):
                Path(path).write_bytes(encode_like(fixed, src, raw))
                found = left
            else:
                click.echo(f"{path}: --fix writes only text files; use --diff", err=True)
        diagnostics.extend(found)
    if write_baseline is not None:
        Baseline.record(write_baseline, recorded).write(write_baseline)
        click.echo(f"recorded {len(recorded)} findings in {len({d.path for d, _ in recorded})} of {len(paths)} "
                   f"files in {write_baseline}", err=True)
    elif not show_diff:
        _report(diagnostics, fmt, len(paths) - failures, known, colour=_colour())
    if failures:
        raise SystemExit(2)
    if diagnostics:
        raise SystemExit(1)


MANY_FILES = 16  # from this many files on, --jobs 0 checks them in one process per CPU


def _checked(paths: list[str], config, jobs: int):
    """(path, (source, raw bytes, findings, error)) for every path, in order; files are read
    and checked in ``jobs`` processes (0: one per CPU when there are many files)."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if len(paths) >= MANY_FILES else 1
    if jobs < 2 or "-" in paths or len(paths) < 2:
        for path in paths:
            yield path, _check(path, config)
        return
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    with ProcessPoolExecutor(min(jobs, len(paths))) as pool:
        yield from zip(paths, pool.map(_check, paths, repeat(config), repeat(False), chunksize=4))


def _check(path: str, config, keep_raw: bool = True):
    """One file read and checked: (source, its bytes or None, findings, None) or an error message."""
    from planparse.errors import PlanparseError
    from planparse.rules.runner import lint_source, read_for_fix

    try:
        src, raw = read_for_fix(Path(path))
        return src, raw if keep_raw else None, lint_source(src, config), None
    except PlanparseError as exc:
        return None, None, None, str(exc)


def _fixable(d) -> bool:
    from planparse.rules import rule_specs

    return d.edit is not None and bool(rule_specs()[d.rule].get("fixable"))


def _colour() -> bool:
    """Colour on a terminal that has it; never under NO_COLOR (https://no-color.org) or when piped."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


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
        elif Path(item).is_dir():  # regular files only: a named pipe would wait forever
            out.extend(str(p) for p in sorted(Path(item).rglob("*"))
                       if p.suffix.lower() in (".txt", ".md", ".docx", ".html", ".htm", ".rtf", ".pdf")
                       and p.is_file() and not p.is_symlink())
        elif any(ch in item for ch in "*?["):
            matched = sorted(glob.glob(item, recursive=True))
            if not matched:
                raise click.UsageError(f"no file matches {item!r}")
            out.extend(matched)
        else:
            out.append(item)
    return out


SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _report(diagnostics, fmt: str, n_files: int, known: int = 0, colour: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from planparse.rules.sarif import to_sarif

        click.echo(json.dumps(to_sarif(diagnostics), ensure_ascii=False, indent=2))
    elif fmt == "github":
        for d in diagnostics:
            level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
            where = f"file={_gh_property(d.path)}" + (f",line={d.line},col={d.column}" if d.line else "")
            click.echo(f"::{level} {where},title={_gh_property(d.rule)}::{_gh_data(d.message)}")
    else:
        _text_report(diagnostics, n_files, known, colour)


def _text_report(diagnostics, n_files: int, known: int, colour: bool) -> None:
    """``path:line:col: RULE severity message``, "[*]" where --fix repairs it, then a summary."""
    def paint(text: str, **style) -> str:
        return click.style(text, **style) if colour else text

    fixable = 0
    for d in diagnostics:
        where = f"{d.path}:{d.line}:{d.column}:" if d.line else f"{d.path}:"
        mark = ""
        if _fixable(d):
            fixable += 1
            mark = " " + paint("[*]", fg="cyan")
        severity = paint(d.severity, fg=SEVERITY_COLOURS.get(d.severity), bold=d.severity == "error")
        click.echo(f"{paint(where, bold=True)} {d.rule} {severity}{mark} {d.message}", color=colour)
    if n_files == 0:
        return  # every file failed to be read: its error says so
    counts = {s: sum(d.severity == s for d in diagnostics) for s in ("error", "warning", "info")}
    files_with = len({d.path for d in diagnostics})
    old = f"{_n(known, 'known finding')} in the baseline not shown" if known else ""
    if diagnostics:
        summary = (f"{_n(len(diagnostics), 'finding')} in {files_with} of {_n(n_files, 'file')} "
                   f"({_n(counts['error'], 'error')}, {_n(counts['warning'], 'warning')}, {counts['info']} info"
                   + (f"; {old}" if old else "") + ")")
        if fixable:
            summary += f"; [*] {fixable} fixable with --fix"
        click.echo(summary)
    else:
        click.echo(f"no findings in {_n(n_files, 'file')}" + (f" ({old})" if old else ""))


def _n(count: int, word: str) -> str:
    """"1 error", "2 errors"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def _gh_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """A workflow command's property value (a file name): also ``:`` and ``,`` escaped."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
