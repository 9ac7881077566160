"""The annotated corpus: complete, split, and every annotation matching its document."""

from __future__ import annotations

import shutil
from collections import Counter

from click.testing import CliRunner

from planparse.classifier.annotations import check_corpus, corpus_root, load_corpus
from planparse.cli import main


def test_corpus_is_large_varied_and_split():
    docs = load_corpus()
    assert len(docs) >= 80
    test = [d for d in docs if d.split == "test"]
    assert len(test) >= 0.2 * len(docs)
    types = Counter(p["type"] for d in docs for p in d.annotation["plans"])
    assert len(types) >= 12
    formats = Counter(d.path.suffix for d in docs)
    assert formats[".docx"] >= 3 and formats[".txt"] >= 40
    encodings = Counter(d.annotation.get("encoding") for d in docs)
    assert encodings["gb18030"] >= 3 and encodings["big5"] >= 1 and encodings["utf-8-sig"] >= 2


def test_every_annotation_matches_its_document():
    assert check_corpus() == []


def test_corpus_check_reports_a_wrong_heading(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(corpus_root() / "docs", root / "docs")
    (root / "annotations").mkdir()
    doc = load_corpus()[0]
    text = (corpus_root() / "annotations" / f"{doc.id}.yaml").read_text("utf-8")
    first = next(s for p in doc.annotation["plans"] for s in p["sections"] if s.get("heading"))
    (root / "annotations" / f"{doc.id}.yaml").write_text(
        text.replace(first["heading"], first["heading"] + "错", 1), "utf-8")
    r = CliRunner().invoke(main, ["corpus", "check", "--root", str(root)])
    assert r.exit_code == 1
    assert f"annotations/{doc.id}.yaml" in r.stdout and "does not start line" in r.stdout
    assert "1 problem" in r.stderr


def test_corpus_check_reports_chrome_text_cut_at_its_comma(tmp_path):
    """An unquoted comma in a flow mapping makes YAML read the rest of the text as keys: the
    annotation would label too little of the line as the page's."""
    root = tmp_path / "corpus"
    (root / "docs").mkdir(parents=True)
    (root / "annotations").mkdir()
    (root / "docs" / "x1.txt").write_text("瀏覽人次：1,286\n2024年工会工作计划\n一、指导思想\n以服务职工为宗旨。\n", "utf-8")
    (root / "annotations" / "x1.yaml").write_text(
        "document: x1.txt\nsplit: train\nplans:\n- title: 2024年工会工作计划\n  type: union\n  lines: [2, 4]\n"
        "  sections:\n  - heading: 一、指导思想\n    kind: ideology\n    lines: [3, 4]\n"
        "boilerplate:\n- {line: 1, text: 瀏覽人次：1,286}\n", "utf-8")
    r = CliRunner().invoke(main, ["corpus", "check", "--root", str(root)])
    assert r.exit_code == 1
    assert "annotations/x1.yaml: boilerplate entry" in r.stdout and "(document line 1)" in r.stdout


def test_corpus_check_clean_exit_0():
    r = CliRunner().invoke(main, ["corpus", "check"])
    assert r.exit_code == 0, r.output
    assert "0 problems" in r.stderr
