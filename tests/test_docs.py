"""The documentation keeps up with the code: every command, rule and section kind is described."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from planparse.cli import main
from planparse.model import SECTION_KINDS
from planparse.rules import all_rules, rule_specs

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        yield f"{prefix}{name}", cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix}{name} ")


@pytest.mark.parametrize("name,cmd", list(_commands(main)), ids=[n for n, _ in _commands(main)])
def test_every_command_has_help_with_an_example(name, cmd):
    help_text = cmd.help or ""
    assert help_text.strip(), name
    if not isinstance(cmd, click.Group):
        assert "Example" in help_text, f"{name} --help has no example"


@pytest.mark.parametrize("name", [n for n, _ in _commands(main)])
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"planparse {name}\b", README), f"README does not show `planparse {name}`"


def test_every_rule_is_registered_and_in_the_readme_table():
    assert set(all_rules()) == set(rule_specs())
    for name in rule_specs():
        assert f"| {name} |" in README, name


def test_section_kinds_match_the_spec():
    spec = (ROOT / "SPEC.md").read_text("utf-8")
    for kind in SECTION_KINDS:
        assert f"| {kind} |" in spec


def _console_output(command: str) -> list[str]:
    """The lines the README shows under ``$ COMMAND`` (up to the next prompt or the block's end)."""
    block = README.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return block.split("\n$ ", 1)[0].rstrip("\n").split("\n")


def test_readme_parse_example_is_real_output():
    from click.testing import CliRunner

    shown = _console_output("planparse parse examples/sample-plan.txt")
    real = CliRunner().invoke(main, ["parse", str(ROOT / "examples" / "sample-plan.txt")]).stdout.split("\n")
    real = [line.replace(str(ROOT / "examples"), "examples") for line in real]
    at = 0
    for line in (x for x in shown if x.strip() != "..."):  # "..." marks left-out lines
        assert line in real[at:], f"README shows {line!r}, which `planparse parse` does not print (here)"
        at = real.index(line, at) + 1


def test_readme_lint_example_is_real_output(tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text("2024年工会工作计划\n一、指导思想\n以科学发展观为指导。\n三、主要工作\n"
                                        "1、加强学习,提高素质。\n", "utf-8")
    real = CliRunner().invoke(main, ["lint", "draft.txt"]).stdout.rstrip("\n").split("\n")
    assert _console_output("planparse lint draft.txt")[:3] == real


def test_readme_batch_and_corpus_examples_are_real_output(tmp_path):
    import sqlite3

    from click.testing import CliRunner

    from planparse.classifier.annotations import load_corpus

    out = tmp_path / "parsed"
    r = CliRunner().invoke(main, ["batch", str(ROOT / "corpus" / "docs"), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    query = re.search(r'sqlite3 parsed/index.sqlite "(.+)"', README).group(1)
    conn = sqlite3.connect(out / "index.sqlite")
    rows = ["|".join(str(v) for v in row) for row in conn.execute(query)]
    assert _console_output(f'sqlite3 parsed/index.sqlite "{query}"') == rows
    shown = _console_output("planparse batch corpus/docs -o parsed")[0]
    docs = load_corpus()
    assert shown.startswith(f"{len(docs)} files in ") and shown.endswith(f": {len(docs)} ok, 0 skipped, 0 failed")
    train = sum(d.annotation["split"] == "train" for d in docs)
    assert _console_output("planparse corpus check")[0] == (
        f"{len(docs)} documents ({train} train, {len(docs) - train} test), 0 problems")
