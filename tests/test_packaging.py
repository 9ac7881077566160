"""The wheel is self-contained: data, models and corpus inside, no top-level `cli` module."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                        "-w", str(out), str(ROOT)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{r.stderr[-2000:]}")
    return next(out.glob("planparse-*.whl"))


def test_wheel_holds_everything_under_planparse(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.startswith("planparse-")}
    assert top == {"planparse"}
    for needed in ("planparse/cli/__init__.py", "planparse/data/festivals.yaml", "planparse/data/festival_dates.tsv",
                   "planparse/models/section_classifier.npz", "planparse/models/line_roles_context.npz", "planparse/models/segment_dict.txt",
                   "planparse/corpus/annotations/ua01.yaml", "planparse/corpus/docs/ua01.txt", "planparse/py.typed",
                   "planparse/rules/structure.py", "planparse/dates/strategies.py", "planparse/data/lint_rules.yaml",
                   "planparse/models/plan_profiles.json"):
        assert needed in names, needed


def test_installed_wheel_parses_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    sample = (ROOT / "examples" / "sample-plan.txt").read_bytes()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import planparse; "
            "assert planparse.__file__.startswith(sys.argv[1]), planparse.__file__; "
            "from planparse.cli import main; main(['parse', '-', '--format', 'json'])")
    r = subprocess.run([sys.executable, "-c", code, str(site)], input=sample, capture_output=True,
                       cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"})
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert b'"kind": "ideology"' in r.stdout
    lint = code.replace("main(['parse', '-', '--format', 'json'])", "main(['lint', '-', '--format', 'json'])")
    r = subprocess.run([sys.executable, "-c", lint, str(site)], input="一、工作\n1、加强学习,提高素质。\n".encode(),
                       capture_output=True, cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"})
    assert r.returncode == 1 and b"punctuation_mixed" in r.stdout, r.stderr.decode()[-2000:]
