"""Page chrome against the case table tests/cases/boilerplate.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import planparse

ROWS = yaml.safe_load((Path(__file__).parent / "cases" / "boilerplate.yaml").read_text("utf-8"))
PLAN = ["2024年幸福社区工作计划", "一、指导思想", "以人民为中心，全面推进社区治理现代化，提升居民幸福感。",
        "二、主要工作", "1、开展邻里节活动，丰富居民文化生活。", "2、加强社区消防安全检查，消除火灾隐患。"]
AT = {"top": 0, "middle": 3, "bottom": len(PLAN)}


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row["comment"])] if row.get("status") == "fail" else []
        yield pytest.param(row, id=row["label"], marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_chrome_line(row):
    lines = list(PLAN)
    at = AT[row["at"]]
    lines.insert(at, row["text"])
    doc = planparse.parse("\n".join(lines), year=2024)
    chrome = any(e.line == at + 1 for e in doc.boilerplate)
    assert chrome == row["chrome"]
    if not row["chrome"]:
        assert any(p.first <= at + 1 <= p.last for p in doc.plans), "a kept line belongs to a plan"


def test_the_table_covers_every_category_and_has_negative_rows():
    prefixes = {r["label"].split("-")[0] for r in ROWS}
    assert {"intro", "breadcrumb", "file", "sharing", "counter", "pagination", "print", "share", "byline",
            "copyright", "site", "anticopy", "related", "tags", "keep"} <= prefixes
    assert sum(not r["chrome"] for r in ROWS) >= 6
