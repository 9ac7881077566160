"""`planparse corpus`: work with the annotated corpus."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def corpus() -> None:
    """The annotated corpus of plans (documents and their annotations)."""


@corpus.command("check")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Corpus folder (docs/ and annotations/); default: the one installed with planparse.")
def check(root: Path | None) -> None:
    """Check that every annotation matches its document.

    Headings must stand on their lines, line ranges lie inside the document and inside
    their parent, dates are valid and on their lines, boilerplate is where it is said to be.
    Exit status 1 when a problem is found.

    \b
    Example:
      planparse corpus check --root corpus
    """
    from planparse.classifier.annotations import check_corpus, load_corpus

    docs = load_corpus(root)
    problems = check_corpus(root)
    for p in problems:
        click.echo(p)
    n_test = sum(d.split == "test" for d in docs)
    click.echo(f"{len(docs)} documents ({len(docs) - n_test} train, {n_test} test), "
               f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
    if problems:
        raise SystemExit(1)
