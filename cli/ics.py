"""`planparse ics`: a plan's activities as an iCalendar file."""

from __future__ import annotations

from pathlib import Path

import click

from planparse.cli.options import parse_options, read_input, write_output, year_options


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@year_options
@click.option("--name", default=None, help="Calendar name (default: the first plan's title).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the .ics here instead of standard output.")
def ics(file: Path, year: int | None, term_start, name: str | None, output: Path | None) -> None:
    """Export a plan's dated activities as an RFC 5545 calendar (all-day events).

    Activities whose year is unknown are left out: give --year when the plan's own
    year is a placeholder such as 20xx. Event UIDs come from where each activity stands
    in the plan (plan, section, item), not from its wording or date, so re-importing a
    revised plan updates its events instead of duplicating them. A plan without any
    dated activity gives no calendar: a message and exit status 1.

    \b
    Example:
      planparse ics plan.txt --year 2024 -o plan.ics
    """

    from planparse.views.ics import dated_count, to_ics, undated_count
    from planparse.pipeline import parse_source

    src = read_input(file)
    doc = parse_source(src, parse_options(year, term_start))
    skipped = undated_count(doc)
    if not dated_count(doc):
        why = f"; {skipped} without a known year (give --year)" if skipped else ""
        click.echo(f"{src.path}: no dated activities, so no calendar written{why}", err=True)
        raise SystemExit(1)
    write_output(to_ics(doc, name), output)
    if skipped:
        click.echo(f"{src.path}: {skipped} activities without a known year left out (give --year)", err=True)
