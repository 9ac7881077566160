"""The `planparse` command: a thin shell over the library, one module per command."""

from __future__ import annotations

import logging
import sys

import click

from planparse import __version__
from planparse.errors import PlanparseError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class PlanparseException(click.ClickException):
    """A library error shown as one line on stderr, exit status 2."""

    exit_code = 2


class Group(click.Group):
    """Turns every :class:`PlanparseError` into a one-line message and exit 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except PlanparseError as exc:
            raise PlanparseException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.group(cls=Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="planparse")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv: also jieba's).")
@click.option("-q", "--quiet", is_flag=True, help="No progress or log output.")
def main(verbose: int, quiet: bool) -> None:
    """Parse, lint and draft Chinese work plans (工作计划、活动方案、教研计划).

    \b
    Examples:
      planparse parse plan.txt --year 2024
      planparse parse archive/2012/union.docx --format json -o union.json
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        logging.getLogger("jieba").setLevel(logging.ERROR)


def _register() -> None:
    from planparse.cli import batch as batch_cmd
    from planparse.cli import corpus as corpus_cmd
    from planparse.cli import diff as diff_cmd
    from planparse.cli import drafting
    from planparse.cli import ics as ics_cmd
    from planparse.cli import lint as lint_cmd
    from planparse.cli import lsp as lsp_cmd
    from planparse.cli import parse as parse_cmd
    from planparse.cli import search as search_cmd
    from planparse.cli import show as show_cmd
    from planparse.cli import train as train_cmd

    main.add_command(parse_cmd.parse)
    main.add_command(corpus_cmd.corpus)
    main.add_command(ics_cmd.ics)
    main.add_command(lint_cmd.lint)
    main.add_command(lsp_cmd.lsp)
    main.add_command(drafting.suggest)
    main.add_command(drafting.draft)
    main.add_command(drafting.render)
    main.add_command(show_cmd.show)
    main.add_command(batch_cmd.batch)
    main.add_command(search_cmd.search)
    main.add_command(diff_cmd.diff)
    main.add_command(train_cmd.train)
    main.add_command(train_cmd.evaluate)


_register()
