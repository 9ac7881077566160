"""What several commands share: option groups (as decorators), reading FILE, writing the result."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

if TYPE_CHECKING:
    from planparse.model import ParseOptions, Source


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
    from planparse.outputs import write_atomic

    write_atomic(output, data)


def parse_options(year: int | None, term_start: dt.datetime | None, **more: Any) -> ParseOptions:
    """The :class:`ParseOptions` of the --year/--term-start options (and any others given)."""
    from planparse.errors import ConfigError
    from planparse.model import ParseOptions

    if term_start is not None and not 1900 <= term_start.year <= 2100:
        raise ConfigError(f"--term-start {term_start.date().isoformat()} is out of range: "
                          "give the term's first day, between 1900 and 2100")
    return ParseOptions(year=year, term_start=term_start.date() if term_start else None, **more)


def read_input(file: Path) -> Source:
    """The FILE argument read as a document, or standard input when it is "-"."""
    from planparse.readers import read_bytes, read_file

    return read_bytes(sys.stdin.buffer.read(), "<stdin>") if str(file) == "-" else read_file(file)
