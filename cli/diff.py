"""`planparse diff`: what changed between two versions of a plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from planparse.cli.options import output_option, parse_options, write_output, year_options


@click.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="Output format: text for a terminal, JSON for scripts, a self-contained HTML page.")
@year_options
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal].")
@output_option
def diff(old: Path, new: Path, fmt: str, year: int | None, term_start, color: bool | None,
         output: Path | None) -> None:
    """Compare two versions of a plan: sections and activities added, removed, changed.

    OLD and NEW are plan documents in any format `parse` reads, or the YAML/JSON that
    `planparse parse` wrote. Sections are matched by kind and title, not by position, so
    renumbering is not a change; activities are matched by what they are, and one on
    another date is "moved". When the plans are of different years, the old dates are
    compared as if in the new plan's year. --year gives plans without a year one.

    Exit status: 0 no differences, 1 differences, 2 for usage errors or unreadable input.

    \b
    Example:
      planparse diff plan-2023.docx plan-2024.docx
      planparse diff old.yaml new.yaml --format json
      planparse diff plan-2023.txt plan-2024.txt --format html -o changes.html
    """
    from planparse.views.diff import compare, read_document

    options = parse_options(year, term_start)
    d = compare(read_document(old, options), read_document(new, options))
    if fmt == "json":
        write_output(json.dumps(d.to_dict(), ensure_ascii=False, indent=2), output)
    elif fmt == "html":
        from planparse.views.diff_html import render_diff_html

        write_output(render_diff_html(d), output)
    else:
        from planparse.views.diff_text import render_text

        styled = (output is None and sys.stdout.isatty()) if color is None else color
        write_output(render_text(d, color=styled), output)
    sys.exit(0 if d.same else 1)
