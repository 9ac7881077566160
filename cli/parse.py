"""`planparse parse`: one document in, the SPEC §1 mapping out."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from planparse.cli.options import output_option, parse_options, read_input, write_output, year_options


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json", "xlsx", "csv"]), default="yaml",
              show_default=True, help="Output format: the mapping as YAML or JSON; an Excel workbook (工作安排表, "
              "activities, sections, plans); the activities as CSV (UTF-8 with BOM, for Excel).")
@year_options
@click.option("--classifier", type=click.Choice(["model", "lexicon"]), default="model", show_default=True,
              help="Section kinds from the trained classifier, or from the heading lexicon alone (faster).")
@click.option("--trace", is_flag=True, help="Print each stage's name and time to standard error.")
@output_option
def parse(file: Path, fmt: str, year: int | None, term_start, classifier: str, trace: bool,
          output: Path | None) -> None:
    """Parse a plan document into plans, sections and dated activities.

    FILE is .txt/.md (UTF-8, GB18030, Big5), .docx, .doc, .wps, .rtf, .html or .pdf; the
    reader is chosen by content. "-" reads standard input. --format xlsx writes a workbook
    that opens on a 工作安排表 (月份 | 时间 | 工作内容 | 负责人) followed by the activities,
    sections and plans; --format csv the activities table (UTF-8 with a BOM, so Excel opens it).

    \b
    Example:
      planparse parse union.txt --year 2024
      planparse parse plan.docx --format json -o plan.json
      planparse parse union.txt --trace > /dev/null
      planparse parse plan.docx --format xlsx -o plan.xlsx
    """
    from planparse.pipeline import parse_source

    if fmt == "xlsx" and output is None and stdout_is_terminal():
        raise click.UsageError("an .xlsx workbook is binary: give -o FILE (or redirect standard output)")
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    src = read_input(file)
    timings.append(("read", time.perf_counter() - start))
    doc = parse_source(src, parse_options(year, term_start, classifier=classifier),
                       trace=(lambda name, seconds: timings.append((name, seconds))) if trace else None)
    text: str | bytes
    if fmt in ("xlsx", "csv"):
        from planparse.views.sheets import to_csv, to_xlsx

        text = to_xlsx(doc) if fmt == "xlsx" else to_csv(doc)
    elif fmt == "json":
        text = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)
    else:
        from planparse.serialize import dump_yaml

        text = dump_yaml(doc.to_dict())
    write_output(text, output)
    if trace:
        for name, seconds in timings:
            click.echo(f"{name:<11} {seconds * 1000:8.1f} ms", err=True)
        click.echo(f"{'total':<11} {(time.perf_counter() - start) * 1000:8.1f} ms (output written)", err=True)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
