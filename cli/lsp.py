"""`planparse lsp`: the language server, for lint in the editor."""

from __future__ import annotations

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the only transport; "
                                             "accepted because editors pass it).")
@click.option("--debounce", type=click.FloatRange(0, 10), default=0.3, show_default=True,
              help="Seconds of quiet typing before a changed document is linted again.")
def lsp(stdio: bool, debounce: float) -> None:
    """Run the planparse language server over standard input and output.

    Editors start it and show lint findings as you type (debounced), with the rule as the
    diagnostic's code and the safe fixes as quick fixes. The lint configuration is the one
    the command line uses for the document's folder (.planparse.toml or pyproject.toml).
    Needs pygls: pip install 'planparse[lsp]'.

    \b
    Example (what an editor runs):
      planparse lsp --stdio
    """
    from planparse.errors import require

    require("pygls", "planparse lsp", "'planparse[lsp]'")
    from planparse.lsp import build_server

    build_server(debounce).start_io()
