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
