"""`planparse diff`: corpus plans edited by hand, compared with their originals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import main
from planparse.views.diff import compare, read_document
from planparse.views.diff_html import render_diff_html
from planparse.views.diff_text import inline_diff, render_text
from test_show import chromium  # noqa: F401 - the fixture

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"


def run(*args):
    return CliRunner().invoke(main, ["diff", *map(str, args)])


def summary(d) -> dict:
    """What a reader of the diff is told, in plain values."""
    return {
        "added sections": [s.heading for s in d.added_sections],
        "removed sections": [s.heading for s in d.removed_sections],
        "changed sections": [(c.new.heading, c.changes) for c in d.changed_sections],
        "added": [(a.what, a.when.text, str(a.when.start)) for a in d.added],
        "removed": [(a.what, a.when.text, str(a.when.start)) for a in d.removed],
        "moved": [(m.new.what, m.old.when.text, m.new.when.text) for m in d.moved],
    }


@pytest.fixture(scope="module")
def school_pair():
    return compare(read_document(FIXTURES / "sc01-2024.txt"), read_document(FIXTURES / "sc01-2025.txt"))


def test_next_years_school_plan(school_pair):
    # sc01-2025.txt: a new (三) with two items (the old (三)–(五) renumbered (四)–(六)), one item
    # dropped from (五), a goal raised from 5 to 8, the sports meeting moved from October to
    # November, the winter run dropped and a science festival added in December
    assert school_pair.year_shift == 1
    assert summary(school_pair) == {
        "added sections": ["（三）推进家校共育，形成育人合力", "1、每学期召开一次家长学校专题讲座。",
                           "2、11月中旬举办家长开放日活动。", "3、举办校园科技节。"],
        "removed sections": ["2、课后服务坚持家长自愿原则，规范收费与公示。", "2、组织冬季长跑比赛。"],
        "changed sections": [("3、教师专业成长有新突破，力争区级以上优质课获奖8人次。", ("title",))],
        "added": [("举办家长开放日活动", "11月中旬", "2025-11-11"), ("举办校园科技节", "十二月份", "2025-12-01")],
        "removed": [("组织冬季长跑比赛", "十二月份", "2024-12-01")],
        "moved": [("召开秋季田径运动会", "十月份", "十一月份")],
    }


def test_last_years_parse_output_against_an_edited_plan():
    # ua07.yaml is `planparse parse corpus/docs/ua07.txt`; ua07-edited.txt drops an item, adds a
    # section with a dated item, moves the sports day from week 18 to week 16, adds a sentence
    # to 三、工作要求 and rewords the December line
    d = compare(read_document(FIXTURES / "ua07.yaml"), read_document(FIXTURES / "ua07-edited.txt"))
    assert d.year_shift == 0
    assert summary(d) == {
        "added sections": ["（六）做好女教职工工作", "1．11月组织女教职工参加插花沙龙活动。"],
        "removed sections": ["3．期末开展优秀工会小组和工会积极分子评选。"],
        "changed sections": [("2．第16周举行教职工趣味运动会，以年级组为单位组队参赛。", ("title",)),
                             ("三、工作要求", ("text",)), ("十二月份：", ("text",))],
        "added": [("组织女教职工参加插花沙龙活动", "11月", "2024-11-01")],
        "removed": [("开展优秀工会小组和工会积极分子评选", "期末", "2025-01-01")],
        "moved": [("举行教职工趣味运动会，以年级组为单位组队参赛", "第18周", "第16周")],
    }
    december = d.changed_sections[-1]
    assert inline_diff(december.old.text, december.new.text, context=4) == [
        ("=", "组织"), ("-", "女"), ("+", "全体"), ("=", "教职工健"), ("…", "")]


def test_a_plan_against_itself_and_its_parse_output_is_the_same():
    doc = read_document(FIXTURES / "ua07-edited.txt")
    assert compare(doc, doc).same
    assert compare(read_document(FIXTURES / "ua07.yaml"), planparse.parse_file(FIXTURES.parents[2] / "corpus" / "docs" / "ua07.txt")).same


PLAN = """2024年社区工作计划
一、指导思想
以服务居民为宗旨，建设和谐社区。
二、主要工作
（一）文体活动
1、5月举办邻里运动会。
（二）为老服务
1、重阳节组织志愿者走访高龄老人。
三、保障措施
落实经费，明确责任。
"""


def test_sections_are_matched_by_title_not_position():
    moved = PLAN.replace("（一）文体活动\n1、5月举办邻里运动会。\n（二）为老服务\n1、重阳节组织志愿者走访高龄老人。",
                         "（一）为老服务\n1、重阳节组织志愿者走访高龄老人。\n（二）文体活动\n1、5月举办邻里运动会。")
    assert compare(planparse.parse(PLAN), planparse.parse(moved)).same


def test_renamed_section_with_the_same_body_is_changed_not_replaced():
    d = compare(planparse.parse(PLAN), planparse.parse(PLAN.replace("三、保障措施", "三、工作要求")))
    assert summary(d)["changed sections"] == [("三、工作要求", ("title",))]
    assert not d.added_sections and not d.removed_sections


def test_next_year_festivals_and_months_have_not_moved():
    later = PLAN.replace("2024年", "2025年")
    d = compare(planparse.parse(PLAN), planparse.parse(later))
    assert d.year_shift == 1 and d.same  # 重阳节 falls on another day in 2025, and is still 重阳节


def test_a_different_activity_is_added_and_removed_not_moved():
    d = compare(planparse.parse(PLAN), planparse.parse(PLAN.replace("5月举办邻里运动会", "5月举办社区书法展")))
    assert [a.what for a in d.added] == ["举办社区书法展"] and [a.what for a in d.removed] == ["举办邻里运动会"]
    assert not d.moved


def test_text_output_marks_changed_words():
    d = compare(planparse.parse(PLAN), planparse.parse(PLAN.replace("落实经费", "落实专项经费")))
    text = render_text(d)
    assert "~ 三、保障措施  [safeguards, lines 9–10 → lines 9–10]" in text
    assert "落实{+专项+}经费，明确责任。" in text
    coloured = render_text(d, color=True)
    assert "\x1b[" in coloured and "{+" not in coloured


def test_html_page_is_self_contained(school_pair):
    page = render_diff_html(school_pair)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page) and "@import" not in page
    assert page.count('data-status="added"') == 4 + 2  # sections, then activity rows
    assert "<del>5</del><ins>8</ins>" in page
    assert "十月份 (2024-10-01 – 2024-10-31)" in page and "十一月份 (2025-11-01 – 2025-11-30)" in page
    assert "<td>召开秋季田径运动会</td>" in page


def test_cli_text_json_html(tmp_path):
    old, new = FIXTURES / "sc01-2024.txt", FIXTURES / "sc01-2025.txt"
    r = run(old, new, "--no-color")
    assert r.exit_code == 1, r.output
    assert r.stdout.startswith(f"--- {old}  城南实验小学2024年秋季学期学校工作计划\n")
    assert "Activities: 2 added, 1 removed, 1 moved" in r.stdout
    r = run(old, new, "--format", "json")
    data = json.loads(r.stdout)
    assert list(data["sections"]) == ["added", "removed", "changed"]
    assert list(data["activities"]) == ["added", "removed", "moved"]
    moved = data["activities"]["moved"][0]
    assert moved["old"]["when"] == {"text": "十月份", "start": "2024-10-01", "end": "2024-10-31", "precision": "month"}
    assert moved["new"]["when"]["start"] == "2025-11-01" and moved["new"]["line"] == 46  # the month header's line, where the date is
    assert data["sections"]["changed"][0]["old"]["heading"].endswith("获奖5人次。")
    page = tmp_path / "changes.html"
    r = run(old, new, "--format", "html", "-o", page)
    assert r.exit_code == 1 and r.stdout == "" and page.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_cli_same_is_exit_0_and_bad_input_exit_2(tmp_path):
    same = run(FIXTURES / "ua07-edited.txt", FIXTURES / "ua07-edited.txt")
    assert same.exit_code == 0 and "no differences" in same.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = run(bad, FIXTURES / "ua07-edited.txt")
    assert r.exit_code == 2 and "bad.json" in r.stderr and "not valid JSON" in r.stderr
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("schema: planparse/1\nplans: 3\n", encoding="utf-8")
    r = run(wrong, FIXTURES / "ua07-edited.txt")
    assert r.exit_code == 2 and "not a parsed plan" in r.stderr
    assert run(tmp_path / "missing.txt", FIXTURES / "ua07-edited.txt").exit_code == 2


@pytest.mark.parametrize("old,new,pieces", [
    ("召开家长会", "召开家长会", [("=", "召开家长会")]),
    ("召开家长会", "召开全校家长会", [("=", "召开"), ("+", "全校"), ("=", "家长会")]),
    ("", "新增一段", [("+", "新增一段")]),
    ("删去一段", "", [("-", "删去一段")]),
])
def test_inline_diff(old, new, pieces):
    assert inline_diff(old, new) == pieces


def test_diff_page_renders_in_a_headless_browser(chromium, tmp_path):  # noqa: F811 - the fixture
    from collections import Counter

    from test_show import read_png, screenshot

    d = compare(read_document(FIXTURES / "ua07.yaml"), read_document(FIXTURES / "ua07-edited.txt"))
    html = tmp_path / "diff.html"
    html.write_text(render_diff_html(d), encoding="utf-8")
    png = tmp_path / "diff.png"
    screenshot(chromium, html, png, tmp_path / "profile")
    width, height, bpp, rows = read_png(png.read_bytes())
    pixels = Counter(row[i:i + 3] for row in rows for i in range(0, len(row), bpp))
    assert len(pixels) > 200, "the screenshot has almost no distinct colours"
    for colour, what in (("cdeed6", "inserted text"), ("fbd3cf", "deleted text"), ("e5f5f3", "a safeguards section")):
        assert pixels[bytes.fromhex(colour)] > 200, f"no {what} in the screenshot"
