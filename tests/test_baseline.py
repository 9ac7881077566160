"""planparse lint --write-baseline / --baseline on an archive of old plans."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planparse.cli import main
from planparse.rules import Diagnostic
from planparse.rules.baseline import Baseline

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
OLD_PLANS = {"2012": ["rw42.txt", "ep16.txt", "ep18.docx"], "2015": ["rw43.md", "rw05.txt", "ep05.txt"]}


@pytest.fixture
def archive(tmp_path: Path, monkeypatch) -> Path:
    """Old plans with findings, in year folders, and the working folder above them."""
    root = tmp_path / "archive"
    for year, names in OLD_PLANS.items():
        (root / year).mkdir(parents=True)
        for name in names:
            shutil.copy(CORPUS / name, root / year / name)
    monkeypatch.chdir(tmp_path)
    return root


def run(*args: str):
    return CliRunner().invoke(main, ["lint", *args])


def test_baseline_of_an_archive_reports_only_new_findings(archive, monkeypatch):
    before = run("archive", "--format", "json")
    assert before.exit_code == 1
    old = json.loads(before.stdout)
    assert len({d["path"] for d in old}) == 6 and len(old) > 100

    r = run("archive", "--write-baseline", "archive/lint-baseline.json")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == f"recorded {len(old)} findings in 6 of 6 files in archive/lint-baseline.json\n"
    data = json.loads((archive / "lint-baseline.json").read_text("utf-8"))
    assert data["schema"] == "planparse-lint-baseline/1"
    assert sum(row["count"] for row in data["findings"]) == len(old)
    assert {row["path"] for row in data["findings"]} >= {"2012/rw42.txt", "2015/rw43.md", "2012/ep18.docx"}

    # from another folder, with other spellings of the same paths
    monkeypatch.chdir(archive)
    r = run(".", "--baseline", "lint-baseline.json")
    assert r.exit_code == 0, r.stdout
    assert r.stdout == f"no findings in 6 files ({len(old)} known findings in the baseline not shown)\n"

    # lines added above old findings move them; they stay known
    for plan in (archive / "2012" / "rw42.txt", archive / "2015" / "rw43.md"):
        lines = plan.read_text("utf-8").split("\n")
        plan.write_text("\n".join(lines[:1] + ["", "", ""] + lines[1:]), "utf-8")
    assert run(".", "--baseline", "lint-baseline.json").exit_code == 0

    # a new defect is reported, alone, on its own line
    other = archive / "2015" / "rw05.txt"
    lines = other.read_text("utf-8").split("\n")
    at = next(i for i, t in enumerate(lines) if t.strip().endswith("。") and i > 5)
    lines.insert(at + 1, "由××同志负责。")
    other.write_text("\n".join(lines), "utf-8")
    r = run(".", "--baseline", "lint-baseline.json", "--format", "json")
    assert r.exit_code == 1
    assert [(d["path"], d["line"], d["rule"]) for d in json.loads(r.stdout)] == [("2015/rw05.txt", at + 2, "placeholder")]


def test_an_edited_line_brings_its_finding_back():
    lines = ["2024年工会工作计划", "由××负责。"]
    d = Diagnostic("a.txt", 2, 2, "placeholder", "error", "未填写的模板占位符“××”")
    base = Baseline.record(Path("baseline.json"), [(d, lines)])
    assert base.new_findings([d], lines) == ([], 1)
    edited = ["2024年工会工作计划", "由××同志负责。"]
    assert base.new_findings([d], edited) == ([d], 0)
    assert base.new_findings([d, d], lines) == ([d], 1)  # counted: a second one on an equal line is new


def test_bad_baselines_and_flag_conflicts(archive):
    (archive / "broken.json").write_text("{not json", "utf-8")
    r = run("archive", "--baseline", "archive/broken.json")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("Error: archive/broken.json: cannot read the baseline")
    (archive / "other.json").write_text('{"schema": "something/else", "findings": []}', "utf-8")
    r = run("archive", "--baseline", "archive/other.json")
    assert r.exit_code == 2 and "not a lint baseline" in r.stderr
    r = run("archive", "--baseline", "archive/missing.json")
    assert r.exit_code == 2 and "archive/missing.json: cannot read the baseline" in r.stderr
    r = run("archive", "--write-baseline", "b.json", "--baseline", "archive/other.json")
    assert r.exit_code == 2 and "--write-baseline" in r.stderr
