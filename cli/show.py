"""`planparse show`: a parsed plan as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from planparse.cli.options import output_option, parse_options, read_input, write_output, year_options


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@year_options
@output_option
@click.option("--open", "open_", is_flag=True,
              help="Open the page in the web browser (without -o, from a temporary file).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The page's language (its labels, legend and dates' descriptions).")
def show(file: Path, year: int | None, term_start, output: Path | None, open_: bool, lang: str) -> None:
    """Show a parsed plan as an HTML page: sections coloured by kind, dates underlined.

    The page has the plan's text with a legend of section kinds, each date's normalized
    range on hover, the heading outline in a side panel, and the activities as a table
    and a month timeline. It needs no network, reads well on a phone and prints.

    \b
    Example:
      planparse show plan.txt --year 2024 -o plan.html
      planparse show plan.docx --open
      planparse show plan.txt --lang en -o plan.html
    """
    import tempfile
    import webbrowser

    from planparse.views.html import render_html
    from planparse.pipeline import parse_source

    page = render_html(parse_source(read_input(file), parse_options(year, term_start)), lang)  # type: ignore[arg-type]
    if open_ and output is None:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".html", prefix="planparse-",
                                         delete=False) as tmp:
            tmp.write(page)
        output = Path(tmp.name)
        click.echo(f"wrote {output}", err=True)
    else:
        write_output(page, output)
    if open_ and output is not None and not webbrowser.open(output.resolve().as_uri()):
        click.echo(f"no web browser found: open {output} yourself", err=True)
