"""`planparse search`: full-text search over a batch index, measured on labelled queries."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from planparse.batch.passages import index_grams, index_words
from planparse.batch.run import BatchOptions, run_batch
from planparse.batch.search import Query, parse_query, period, search, snippet, term_fts
from planparse.cli import main
from planparse.errors import ConfigError, InputError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "docs"
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "search_queries.yaml").read_text("utf-8"))


def run(*args):
    return CliRunner().invoke(main, ["search", *map(str, args)])


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus-index")
    summary = run_batch(CORPUS, out, BatchOptions(jobs=2))
    assert summary.failed == 0
    return out


def query_of(case: dict, limit: int = 10_000) -> Query:
    return Query(case["query"], period(str(case["from"])) if case.get("from") else None,
                 period(str(case["to"]), end=True) if case.get("to") else None,
                 case.get("type"), case.get("kind"), limit)


def found(index: Path, case: dict) -> set[str]:
    return {hit.path for hit in search(index, query_of(case))}


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c.get("need"))) if c.get("status") == "fail" else c
    for c in CASES], ids=[c["label"] for c in CASES])
def test_labelled_query_finds_exactly_the_documents_that_hold_it(corpus_index, case):
    assert found(corpus_index, case) == set(case["expect"])


def test_labelled_set_precision_and_recall(corpus_index):
    assert len(CASES) >= 20
    tp = fp = fn = 0
    for case in CASES:
        got, want = found(corpus_index, case), set(case["expect"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_every_labelled_document_is_in_the_corpus():
    names = {p.name for p in CORPUS.iterdir()}
    for case in CASES:
        assert set(case["expect"]) <= names, case["label"]


def test_date_range_keeps_activities_within_it(corpus_index):
    hits = search(corpus_index, Query("消防", date(2024, 11, 1), date(2024, 11, 30), limit=200))
    assert hits
    for h in hits:
        assert h.source == "activity" and "2024-11-01" <= h.start <= h.end <= "2024-11-30"


def test_type_and_kind_filters(corpus_index):
    hits = search(corpus_index, Query("家长会", type="class", kind="schedule", limit=200))
    assert hits and {h.type for h in hits} == {"class"} and {h.kind for h in hits} == {"schedule"}


def test_results_are_ranked_and_limited(corpus_index):
    hits = search(corpus_index, Query("家长会", limit=5))
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.score > 0 for h in hits)


def test_heading_repeating_an_activity_is_shown_once(corpus_index):
    # sc01.txt line 45 "十一月份：" holds "2、组织消防安全疏散演练。" as an activity
    hits = [h for h in search(corpus_index, Query("疏散演练", limit=200)) if h.path == "sc01.txt"]
    assert [h.source for h in hits] == ["activity"]


def test_traditional_documents_are_found_in_simplified(corpus_index):
    hits = search(corpus_index, Query("教代会", limit=50))
    assert any(h.path == "ua09.txt" and "教代會" in h.text for h in hits)


def test_excluded_term_and_or(corpus_index):
    with_fun = {h.path for h in search(corpus_index, Query("运动会 趣味", limit=500))}
    without = {h.path for h in search(corpus_index, Query("运动会 -趣味", limit=500))}
    assert "ua07.txt" in with_fun and "ua07.txt" not in without  # its only 运动会 is 趣味运动会
    either = {h.path for h in search(corpus_index, Query("军训 OR 家访", limit=500))}
    assert either == found(corpus_index, {"query": "军训"}) | found(corpus_index, {"query": "家访"})


# ---------------------------------------------------------------- tokens and query


@pytest.mark.parametrize("text,grams", [
    ("召开家长会", ["召开", "开家", "家长", "长会"]),
    ("3月10日", ["3月", "月10", "10日"]),
    ("“三八”节", ["三八", "节"]),              # punctuation breaks the pairs
    ("召開家長會", ["召开", "开家", "家长", "长会"]),  # traditional folded to simplified
    ("ＰＰＴ课件", ["ppt课", "课件"]),           # full-width Latin folded
    ("安全生產(chǎn)月", ["安全", "全生", "生产", "产月"]),  # a converter's pinyin is no part of the words
    ("，。", []),
])
def test_grams(text, grams):
    assert index_grams(text) == grams


def test_words_are_cut_to_their_dictionary_parts():
    assert index_words("举办秋季运动会") == ["举办", "秋季", "运动", "会"]
    assert index_words("舉辦秋季運動(dòng)會") == ["举办", "秋季", "运动", "会"]


@pytest.mark.parametrize("query", ["，", "  ", "-消防", "OR"])
def test_query_with_nothing_to_search_is_refused(query):
    with pytest.raises(ConfigError, match="nothing to search for"):
        parse_query(query)


def test_one_character_term_matches_a_word_or_a_pair_start():
    assert term_fts("会") == '(grams : "会"*) OR (words : "会")'


def test_snippet_marks_and_cuts():
    text = "为进一步加强学校安全工作，" * 8 + "11月组织全校师生开展消防疏散演练。" + "确保师生安全。" * 8
    s = snippet(text, ["消防"], width=40)
    assert s.startswith("…") and s.endswith("…") and "«消防»" in s and len(s) <= 46
    assert snippet("召开家长会", ["家访"]) == "召开家长会"


@pytest.mark.parametrize("value,end,day", [
    ("2015", False, date(2015, 1, 1)), ("2020", True, date(2020, 12, 31)),
    ("2024-02", True, date(2024, 2, 29)), ("2024-3-5", False, date(2024, 3, 5)),
])
def test_period(value, end, day):
    assert period(value, end=end) == day


@pytest.mark.parametrize("value", ["2024/03", "March", "2024-13", "2023-02-29"])
def test_bad_period(value):
    with pytest.raises(ConfigError, match="not a date"):
        period(value)


# ---------------------------------------------------------------- the command


def test_text_output(corpus_index):
    r = run(corpus_index, "消防", "演练", "--from", "2024-11", "--to", "2024-11", "--no-color", "--limit", "200")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("pc06.txt:31  "))
    assert lines[at] == "pc06.txt:31  幸福里社区2024年工作计划 · 2024-11-01 – 2024-11-30 · schedule activity"
    assert lines[at + 1] == "    开展«消防»安全月活动，组织«消防»疏散«演练»"
    assert all(ln.startswith("    ") or "2024-11" in ln for ln in lines)  # every result dated in November 2024
    assert r.stderr.strip().endswith("results")


def test_colour_on_request(corpus_index):
    r = run(corpus_index, "家长会", "-n", "1", "--color")
    assert "\x1b[1;31m家长会\x1b[0m" in r.stdout


def test_json_output(corpus_index):
    r = run(corpus_index / "index.sqlite", "三八", "--type", "union", "--format", "json", "-n", "3")
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert len(hits) == 3
    for h in hits:
        assert list(h) == ["path", "plan", "title", "kind", "line", "text", "snippet", "when", "score"]
        assert "«三八»" in h["snippet"] and isinstance(h["line"], int) and h["score"] > 0
        assert h["when"] is None or set(h["when"]) == {"start", "end"}


def test_no_results_exit_1(corpus_index):
    r = run(corpus_index, "宇宙飞船")
    assert r.exit_code == 1 and r.stdout == ""
    r = run(corpus_index, "宇宙飞船", "--format", "json")
    assert r.exit_code == 1 and json.loads(r.stdout) == []


def test_usage_errors_exit_2(corpus_index, tmp_path):
    assert run(corpus_index, "，").exit_code == 2
    assert run(corpus_index, "消防", "--from", "2024/11").exit_code == 2
    assert run(corpus_index, "消防", "--kind", "nonsense").exit_code == 2
    r = run(tmp_path, "消防")
    assert r.exit_code == 2 and "no batch index here" in r.stderr
    (tmp_path / "index.sqlite").write_bytes(b"not a database at all" * 100)
    r = run(tmp_path, "消防")
    assert r.exit_code == 2 and "not a planparse batch index" in r.stderr


# ---------------------------------------------------------------- the index follows re-runs


def fts_rows(out: Path, term: str) -> int:
    """Entries of the full-text index itself (not joined to passages) matching a term."""
    conn = sqlite3.connect(out / "index.sqlite")
    try:
        return conn.execute("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH ?",
                            (term_fts(term),)).fetchone()[0]
    finally:
        conn.close()


def test_rerun_updates_and_drops_search_entries(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("2030年团委工作计划\n一、活动安排\n4月中旬举办青年歌手大赛。\n", encoding="utf-8")
    (src / "b.txt").write_text("2030年工会工作计划\n一、活动安排\n5月举办职工拔河比赛。\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(src, out, BatchOptions(jobs=1))
    assert {h.path for h in search(out, Query("歌手大赛"))} == {"a.txt"}
    (src / "a.txt").write_text("2030年团委工作计划\n一、活动安排\n4月中旬举办青年朗诵比赛。\n", encoding="utf-8")
    (src / "b.txt").unlink()
    summary = run_batch(src, out, BatchOptions(jobs=1))
    assert (summary.ok, summary.removed) == (1, 1)
    assert search(out, Query("歌手大赛")) == [] and fts_rows(out, "歌手大赛") == 0
    assert search(out, Query("拔河")) == [] and fts_rows(out, "拔河") == 0
    assert [(h.path, h.start) for h in search(out, Query("朗诵比赛"))][:1] == [
        ("a.txt", "2030-04-11")]


def test_index_without_search_is_upgraded_by_a_rerun(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for p in sorted(CORPUS.glob("ua0*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    out = tmp_path / "out"
    run_batch(src, out, BatchOptions(jobs=1))
    conn = sqlite3.connect(out / "index.sqlite")  # as the first index version left it
    conn.executescript("DELETE FROM passages; DROP TABLE passages_fts; DELETE FROM meta WHERE key = 'segmenter';"
                       "UPDATE meta SET value = 'planparse-index/1' WHERE key = 'schema';")
    conn.close()
    with pytest.raises(ConfigError, match="run the same `planparse batch` again"):
        search(out, Query("三八"))
    summary = run_batch(src, out, BatchOptions(jobs=1))
    assert summary.ok == 3 and summary.skipped == 0
    assert search(out, Query("三八"))


def test_index_of_another_segmenter_warns_and_is_rebuilt(tmp_path, caplog):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CORPUS / "ua08.txt", src / "ua08.txt")
    out = tmp_path / "out"
    run_batch(src, out, BatchOptions(jobs=1))
    conn = sqlite3.connect(out / "index.sqlite")
    conn.execute("UPDATE meta SET value = 'another segmenter' WHERE key = 'segmenter'")
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING):
        assert search(out, Query("三八节"))
    assert "another segmenter" in caplog.text
    run_batch(src, out, BatchOptions(jobs=1))  # rebuilds the full-text index, then skips the document
    conn = sqlite3.connect(out / "index.sqlite")
    assert conn.execute("SELECT value FROM meta WHERE key = 'segmenter'").fetchone()[0] != "another segmenter"
    conn.close()
    (src / "ua08.txt").unlink()
    run_batch(src, out, BatchOptions(jobs=1))
    assert fts_rows(out, "三八节") == 0


def test_missing_index_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no batch index here"):
        search(tmp_path, Query("消防"))
