"""Every command through click's CliRunner: exit codes, stdout, stderr."""

from __future__ import annotations

import json

import yaml
from click.testing import CliRunner

from planparse.cli import main

SAMPLE = "一、指导思想\n以科学发展观为指导。\n二、主要工作\n1、5月中旬举办职工运动会。\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_help_lists_commands_and_example():
    r = run("--help")
    assert r.exit_code == 0
    assert "parse" in r.stdout and "Examples:" in r.stdout


def test_parse_prints_yaml_of_spec_shape(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(SAMPLE, encoding="gb18030")
    r = run("parse", str(p), "--year", "2024")
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(r.stdout)
    assert data["schema"] == "planparse/1" and data["encoding"] == "gb18030"
    assert [s["kind"] for s in data["plans"][0]["sections"]] == ["ideology", "tasks"]
    assert data["plans"][0]["sections"][0]["lines"] == [1, 2]


def test_parse_json_to_output_file(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.json"
    r = run("parse", str(p), "--format", "json", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text("utf-8"))["plans"][0]["sections"][1]["heading"] == "二、主要工作"


def test_parse_reads_stdin():
    r = run("parse", "-", "--format", "json", input=SAMPLE.encode("utf-8"))
    assert r.exit_code == 0
    assert json.loads(r.stdout)["source"] == "<stdin>"


def test_parse_errors_name_the_file_and_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, message in [(tmp_path, "is a directory"), (tmp_path / "nope.txt", "no such file"),
                          (empty, "empty file")]:
        r = run("parse", str(path))
        assert r.exit_code == 2
        assert r.stderr == f"Error: {path}: {message}" + r.stderr.split(message, 1)[1]
        assert "Traceback" not in r.output


def test_only_boilerplate_gives_an_empty_plan_list(tmp_path):
    p = tmp_path / "bp.txt"
    p.write_text("以下是小编整理的工作计划范文，欢迎阅读！\n", encoding="utf-8")
    r = run("parse", str(p), "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["plans"] == [] and data["boilerplate"][0]["line"] == 1


def test_bad_year_is_a_usage_error():
    r = run("parse", "-", "--year", "abc", input=b"x")
    assert r.exit_code == 2 and "--year" in r.stderr
