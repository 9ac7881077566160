"""Option groups shared by several commands, as decorators."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Callable

import click


def year_options(f: Callable) -> Callable:
    f = click.option("--term-start", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                     help="First day (Monday) of the term, so that 第15周 gets dates.")(f)
    f = click.option("--year", type=click.IntRange(1900, 2100), default=None,
                     help="Year for dates when the text gives none (the text's own year wins).")(f)
    return f


def output_option(f: Callable) -> Callable:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="Write here instead of standard output.")(f)


def write_output(data: str | bytes, output: Path | None) -> None:
    """Write a command's result to ``output`` (atomically) or to stdout: text ending in
    a newline, bytes (a calendar, a Word file) as they are."""
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return
    tmp = output.with_name(output.name + ".tmp")
    if isinstance(data, bytes):
        tmp.write_bytes(data)
    else:
        tmp.write_text(data, encoding="utf-8")
    tmp.replace(output)


def term_start_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None
