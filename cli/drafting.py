"""`planparse suggest`, `draft` and `render`: the drafting half of the toolkit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from planparse.cli.options import output_option, parse_options, read_input, write_output, year_options
from planparse.model import PLAN_TYPES, Document


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@year_options
def suggest(file: Path, fmt: str, year: int | None, term_start) -> None:
    """Suggest the standard sections a plan lacks, with evidence from the corpus.

    For each plan: its type, the sections plans of that type usually have and this one
    lacks (how many corpus plans have it, a typical heading, where it would go, an opening
    sentence from the most similar corpus plan), months its schedule skips, and the usual
    dated activities of its type that it does not mention. A section whose kind the
    classifier is unsure of does not count: its kind is suggested as 未见明确的…… and the
    section named.

    \b
    Example:
      planparse suggest draft.txt
      planparse suggest draft.txt --format json
    """
    from planparse.pipeline import parse_source
    from planparse.drafting.suggest import suggest as run

    found = run(parse_source(read_input(file), parse_options(year, term_start)))
    if fmt == "json":
        click.echo(json.dumps({"plans": [s.to_dict() for s in found]}, ensure_ascii=False, indent=2))
        return
    from planparse.resources import plan_conventions

    names = plan_conventions()["kind_names"]
    for s in found:
        click.echo(f"{s.title or '（无标题）'} — {s.type}")
        for m in s.missing:
            where = f"，放在“{m.insert_after}”之后" if m.insert_after else "，放在开头"
            lacks = f"未见明确的“{names.get(m.kind, m.kind)}”（{m.kind}，“{m.unsure}”不一定是）" if m.unsure \
                else f"缺少“{names.get(m.kind, m.kind)}”（{m.kind}）"
            click.echo(f"  {lacks}：常用标题“{m.heading or '（无标题段落）'}”，{m.support}{where}")
            if m.example:
                click.echo(f"    示例：{m.example}")
        if s.missing_months:
            click.echo("  活动安排缺少月份：" + "、".join(f"{m}月" for m in s.missing_months))
        for a in s.activities:
            click.echo(f"  可考虑：{a.when} {a.what}（{a.reason}）")
        if not (s.missing or s.missing_months or s.activities):
            click.echo("  没有建议")


@click.command()
@click.option("--type", "plan_type", type=click.Choice(PLAN_TYPES), required=True, help="Plan type.")
@click.option("--year", type=click.IntRange(1900, 2100), required=True, help="The plan's year.")
@click.option("--term", type=click.IntRange(1, 2), default=None, help="1 = autumn term, 2 = spring term.")
@click.option("--org", default=None, help="Organisation name for the title (default: a XX placeholder).")
@click.option("--format", "fmt", type=click.Choice(["md", "docx", "yaml"]), default=None,
              help="Output format (default: from the -o extension, else md).")
@output_option
def draft(plan_type: str, year: int, term: int | None, org: str | None, fmt: str | None, output: Path | None) -> None:
    """Draft a new plan skeleton for a plan type and period.

    The sections plans of that type usually have, in their usual order, each with one
    line of guidance and an example from the corpus, and a schedule with the months of
    the period and the type's usual activities. Blanks to fill are marked ××.

    \b
    Example:
      planparse draft --type union --year 2025 --org 红星机械厂工会 -o plan.docx
      planparse draft --type teaching_group --year 2024 --term 1
    """
    from planparse.drafting.draft import draft as run

    _emit(run(plan_type, year, term, org), fmt, output)


@click.command()
@click.argument("plan", type=click.Path(path_type=Path, allow_dash=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["md", "docx", "yaml"]), default=None,
              help="Output format (default: from the -o extension, else md).")
@output_option
def render(plan: Path, fmt: str | None, output: Path | None) -> None:
    """Render a parsed plan (the YAML or JSON of `planparse parse`) as a document.

    Headings numbered in the Chinese style (一、 （一） 1. （1）), schedules as tables; .docx
    with 仿宋 body text and 黑体/楷体 headings, the title centred.

    \b
    Example:
      planparse parse old.txt -o plan.yaml && planparse render plan.yaml -o plan.docx
    """
    from planparse.errors import InputError
    from planparse.serialize import from_dict, load_mapping

    text = sys.stdin.read() if str(plan) == "-" else _read(plan)
    data = load_mapping(text, str(plan))
    try:
        doc = from_dict(data, str(plan))
    except RecursionError:
        raise InputError("not a parsed plan: nested too deeply", str(plan)) from None
    _emit(doc, fmt, output)


def _read(path: Path) -> str:
    from planparse.errors import InputError

    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from None


SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "md", ".docx": "docx", ".yaml": "yaml", ".yml": "yaml"}


def _emit(doc: Document, fmt: str | None, output: Path | None) -> None:
    from planparse.drafting.render import place, to_docx, to_markdown

    if fmt is None and output is not None and output.suffix:
        fmt = SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise click.UsageError(f"cannot write {output.suffix} files: give -o a .md, .docx or .yaml file "
                                   "(or --format md|docx|yaml)")
    fmt = fmt or "md"
    if fmt == "docx":
        if output is None:
            raise click.UsageError(".docx output needs -o FILE")
        write_output(to_docx(doc), output)
    elif fmt == "yaml":
        from planparse.serialize import dump_yaml

        write_output(dump_yaml(place(doc).to_dict()), output)
    else:
        write_output(to_markdown(doc), output)
