"""`planparse search`: full-text search in Chinese over a batch index."""

from __future__ import annotations

import json
import sys

import click

from planparse.model import PLAN_TYPES, SECTION_KINDS

HIGHLIGHT = ("\x00", "\x01")  # stand-ins for the highlight, styled once the snippet is cut


@click.command()
@click.argument("index", type=click.Path(exists=True, dir_okay=True, path_type=str))
@click.argument("query", nargs=-1, required=True)
@click.option("--from", "start", metavar="DATE", default=None,
              help="Only activities dated on or after DATE (2015, 2015-03 or 2015-03-10).")
@click.option("--to", "end", metavar="DATE", default=None,
              help="Only activities dated on or before DATE (2020 means to the end of 2020).")
@click.option("--type", "plan_type", type=click.Choice(PLAN_TYPES), default=None, help="Only plans of this type.")
@click.option("--kind", type=click.Choice(SECTION_KINDS), default=None,
              help="Only passages in sections of this kind.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="The most results to show.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--color/--no-color", default=None, help="Highlight matches in colour [default: on a terminal].")
def search(index: str, query: tuple[str, ...], start: str | None, end: str | None, plan_type: str | None,
           kind: str | None, limit: int, fmt: str, color: bool | None) -> None:
    """Search the plans of a batch index for activities, headings and text.

    INDEX is the output folder of `planparse batch` (or its index.sqlite). Every term of
    QUERY must occur in a passage, its characters together; `A OR B` finds either, `-A`
    leaves out passages with A. Traditional characters find simplified ones and back.
    Results are ranked by relevance (bm25): path:line, the plan's title and the dates,
    then the passage with the matches marked. With --from/--to only activities whose
    dates lie in the range are searched.

    Exit status: 0 with results, 1 without, 2 for usage errors or a missing index.

    \b
    Example:
      planparse batch archive/ -o parsed
      planparse search parsed 消防 演练 --from 2015 --to 2020
      planparse search parsed 家长会 --type class --kind schedule --format json
    """
    from planparse.batch.search import Query, period, search as run_search

    q = Query(" ".join(query), period(start) if start else None, period(end, end=True) if end else None,
              plan_type, kind, limit)
    hits = run_search(index, q)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
    else:
        from planparse.batch.search import marked_terms

        styled = sys.stdout.isatty() if color is None else color
        terms = marked_terms(q.text)
        for h in hits:
            click.echo(_text(h, terms, styled), color=styled)
        click.echo(f"{len(hits)} results" + (f" (the first {limit}; --limit for more)" if len(hits) == limit else ""),
                   err=True)
    sys.exit(0 if hits else 1)


def _text(hit, terms: list[str], styled: bool) -> str:
    from planparse.batch.search import snippet

    where = f"{hit.path}:{hit.line}" if hit.line else hit.path
    facts = [hit.title or "(untitled plan)"]
    if hit.start:
        facts.append(hit.start if hit.start == hit.end else f"{hit.start} – {hit.end}")
    facts.append(f"{hit.kind} {hit.source}" if hit.kind else hit.source)
    marks = HIGHLIGHT if styled else ("«", "»")
    text = snippet(hit.text, terms, width=120, mark=marks)
    if styled:
        where = click.style(where, fg="magenta")
        text = text.replace(HIGHLIGHT[0], "\x1b[1;31m").replace(HIGHLIGHT[1], "\x1b[0m")
    return f"{where}  {' · '.join(facts)}\n    {text}"
