"""detect_heading against the case table tests/cases/headings.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planparse.headings import detect_heading

ROWS = yaml.safe_load((Path(__file__).parent / "cases" / "headings.yaml").read_text("utf-8"))


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row["comment"])] if row.get("status") == "fail" else []
        yield pytest.param(row, id=row["label"], marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_heading(row):
    h = detect_heading(row["text"])
    got = None if h is None else {"number": h.number, "title": h.title, "style": h.style, "body": h.body}
    want = row["expect"]
    if want is not None:
        want = {k: (str(v) if v is not None else None) for k, v in want.items()}
    assert got == want


def test_the_table_has_negative_rows_and_known_misses():
    assert sum(r["expect"] is None for r in ROWS) >= 8
    assert any(r.get("status") == "fail" for r in ROWS)
    assert len({r["label"] for r in ROWS}) == len(ROWS)


SEPARATORS = yaml.safe_load((Path(__file__).parent / "cases" / "separators.yaml").read_text("utf-8"))
FIRST = ["2024年幸福社区工作计划", "一、指导思想", "以人民为中心，全面推进社区治理现代化。",
         "二、主要工作", "1、3月开展邻里节活动，丰富居民文化生活。", "2、5月加强社区消防安全检查。"]
SECOND = ["一、指导思想", "坚持以服务居民为中心，推动志愿服务常态化。", "二、工作措施", "1、9月举办重阳敬老宴。"]


@pytest.mark.parametrize("row", [
    pytest.param(r, id=r["label"], marks=[pytest.mark.xfail(strict=True, reason=r["comment"])]
                 if r.get("status") == "fail" else []) for r in SEPARATORS])
def test_separator_between_two_plans(row):
    import planparse

    lines = FIRST[:5] + [row["text"]] + FIRST[5:] if row.get("at") == "inside" else FIRST + [row["text"]] + SECOND
    doc = planparse.parse("\n".join(lines), year=2024)
    assert len(doc.plans) == row["plans"]
    if row["separator"]:
        assert doc.plans[1].title == row["text"] and doc.plans[1].first == len(FIRST) + 1
    else:
        assert all(row["text"] != p.title for p in doc.plans)


@pytest.mark.parametrize("classifier", ["model", "lexicon"])
def test_a_compilations_own_title_and_lead_in_are_the_pages(classifier):
    from planparse import parse
    from planparse.model import ParseOptions

    plan = ["一、指导思想", "坚持以服务居民为中心。", "二、主要工作", "1、9月举办重阳敬老宴。"]
    lines = ["社区工作计划", "社区工作计划是社区一年工作的蓝图，下面是三篇社区工作计划，供参考。"]
    for n in (1, 2, 3):
        lines += [f"社区工作计划 篇{n}"] + plan
    doc = parse("\n".join(lines), options=ParseOptions(year=2024, classifier=classifier))
    assert [p.title for p in doc.plans] == ["社区工作计划 篇1", "社区工作计划 篇2", "社区工作计划 篇3"]
    assert {1, 2} <= {e.line for e in doc.boilerplate}


def test_a_notices_attachment_line_names_the_plan_printed_below_it():
    from planparse import parse

    lines = ["青山区人民政府办公室关于印发青山区2024年民生实事项目工作计划的通知", "各街道办事处，区政府各部门：",
             "《青山区2024年民生实事项目工作计划》已经区政府同意，现印发给你们，请认真贯彻落实。",
             "附件：青山区2024年民生实事项目工作计划", "青山区人民政府办公室", "2024年3月1日", "附件",
             "青山区2024年民生实事项目工作计划", "一、指导思想", "坚持以人民为中心。", "二、主要工作",
             "1、5月完成老旧小区改造项目开工。"]
    doc = parse("\n".join(lines), year=2024)
    assert [(p.title, p.first) for p in doc.plans] == [("青山区2024年民生实事项目工作计划", 8)]
    assert [(n.first, n.last) for n in doc.notices] == [(1, 6)]  # the notice runs to its date


def test_a_pages_noted_copy_of_the_title_is_the_pages():
    from planparse import parse

    lines = ["教师之友网", "查看: 1873|回复: 6", "八年级（3）班2024—2025学年第二学期班主任工作计划（附周安排表）",
             "八年级（3）班2024—2025学年第二学期班主任工作计划", "一、指导思想",
             "以养成教育为主线，培养学生自我管理的能力。", "二、主要工作", "1、3月5日组织学雷锋志愿服务。"]
    doc = parse("\n".join(lines))
    assert [(p.title, p.first) for p in doc.plans] == [(lines[3], 4)]
    assert 3 in {e.line for e in doc.boilerplate}


def test_a_template_sites_word_after_the_only_title_leaves_it_the_title():
    """"……团委工作计划范文" over the byline and the plan (corpus rw15): the plan's title, the site's
    word and all; over the plan's own title it is the page's copy."""
    from planparse import parse

    chrome = ["当前位置：首页 > 范文大全 > 工作计划 > 团委工作计划", "发布时间：2019-02-20 来源：第一范文网 阅读："]
    plan = ["一、加强思想引领", "本学期团委继续以立德树人为根本任务，把团员青年团结在党的周围。", "二、主要活动",
            "1、5月4日举行新团员入团仪式。"]
    title = "2019年青溪中学春季学期团委工作计划"
    doc = parse("\n".join([chrome[0], title + "范文", chrome[1]] + plan))
    assert [(p.title, p.first) for p in doc.plans] == [(title + "范文", 2)]
    doc = parse("\n".join([chrome[0], title + "范文", chrome[1], title] + plan))
    assert [(p.title, p.first) for p in doc.plans] == [(title, 4)]
