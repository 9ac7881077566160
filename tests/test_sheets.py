"""Spreadsheets: `parse --format xlsx|csv` and `batch --xlsx`, opened back as an office would."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import Group
from planparse.cli.batch import batch
from planparse.cli.parse import parse
from planparse.model import When
from planparse.views.sheets import ACTIVITY_COLUMNS, ARCHIVE_COLUMNS, SCHEDULE_HEADER, month_of, to_xlsx

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "diff" / "sc01-2025.txt"


@click.group(cls=Group)
def cli() -> None:
    pass


cli.add_command(parse)
cli.add_command(batch)


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


@pytest.fixture(scope="module")
def doc():
    return planparse.parse_file(PLAN)


@pytest.fixture(scope="module")
def workbook(doc, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    r = invoke("parse", PLAN, "--format", "xlsx", "-o", path)
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(path)


def test_workbook_sheets(workbook):
    assert workbook.sheetnames == ["工作安排表", "activities", "sections", "plans"]
    assert workbook.active.title == "工作安排表"


def test_schedule_sheet_is_a_work_arrangement_table(workbook, doc):
    ws = workbook["工作安排表"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "城南实验小学2025年秋季学期学校工作计划 工作安排表"
    assert rows[1] == SCHEDULE_HEADER
    body = rows[2:]
    assert len(body) == len(doc.plans[0].activities)
    # September's rows: the month written once over its merged cells, each date as written
    september = [r for r in body if r[2] in ("开学报到，组织新生入学适应教育", "召开新学期全体教职工大会")]
    assert [r[1] for r in september] == ["九月份", "九月份"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "A1:D1" in merged
    months = [r[0] for r in body if r[0]]
    assert months[-1] == "2026年1月" and "11月" in months and "12月" in months  # the term runs into 2026
    november = next(i for i, r in enumerate(body) if r[0] == "11月") + 3
    assert f"A{november}:A{november + 4}" in merged  # 11月: the open day and four month items
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$2:$2"


def test_activities_sheet_has_one_row_per_activity_with_real_dates(workbook, doc):
    ws = workbook["activities"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ACTIVITY_COLUMNS
    assert len(rows) - 1 == len(doc.plans[0].activities)
    sports = next(r for r in rows if r[7] == "召开秋季田径运动会")
    assert sports[2:7] == (11, datetime(2025, 11, 1), datetime(2025, 11, 30), "十一月份", "month")
    assert sports[9] == "4、召开秋季田径运动会。" and sports[10] == 46  # its item; the month header's line
    assert ws["D2"].number_format == "yyyy-mm-dd" and ws.auto_filter.ref


def test_sections_and_plans_sheets(workbook, doc):
    sections = list(workbook["sections"].iter_rows(values_only=True))
    assert sections[0][:3] == ("plan", "level", "heading")
    assert ("（三）推进家校共育，形成育人合力", "（三）", "推进家校共育，形成育人合力") in [r[2:5] for r in sections]
    plans = list(workbook["plans"].iter_rows(values_only=True))
    assert plans[1][:4] == (1, "城南实验小学2025年秋季学期学校工作计划", "school", 2025)
    assert plans[1][7] == len(doc.plans[0].activities) and plans[1][6] == len(sections) - 1


def test_csv_is_excel_friendly_utf8(doc):
    r = invoke("parse", PLAN, "--format", "csv")
    assert r.exit_code == 0, r.output
    data = r.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == ACTIVITY_COLUMNS and len(rows) - 1 == len(doc.plans[0].activities)
    sports = next(r for r in rows if r[7] == "召开秋季田径运动会")
    assert sports[2:6] == ["11", "2025-11-01", "2025-11-30", "十一月份"] and sports[8] == ""


def test_xlsx_to_a_pipe_and_refused_on_a_terminal(monkeypatch):
    r = invoke("parse", PLAN, "--format", "xlsx")
    assert r.exit_code == 0 and r.stdout_bytes[:2] == b"PK"
    monkeypatch.setattr("planparse.cli.parse.stdout_is_terminal", lambda: True)
    r = invoke("parse", PLAN, "--format", "xlsx")
    assert r.exit_code == 2 and "give -o FILE" in r.stderr and r.stdout_bytes == b""


def test_unknown_year_keeps_months_not_dates():
    doc = planparse.parse("工会工作计划\n一、活动安排\n九月份：\n1、召开工会委员会议。\n二、关心职工\n1、中秋节慰问退休教师。")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(doc)))
    body = list(wb["工作安排表"].iter_rows(values_only=True))[2:]
    assert [(r[0], r[1], r[2]) for r in body] == [("9月", "九月份", "召开工会委员会议"), ("其他", "中秋节", "慰问退休教师")]
    acts = list(wb["activities"].iter_rows(values_only=True))[1:]
    assert [(a[2], a[3]) for a in acts] == [(9, None), (None, None)]


@pytest.mark.parametrize("text,month", [
    ("十月份", 10), ("4月中旬", 4), ("9月10日", 9), ("教师节", 9), ("元旦", 1),
    ("中秋节", None),   # lunar: its month moves with the year
    ("春节", None),
    ("第16周", None), ("上半年", 1),
])
def test_month_of_an_undated_activity(text, month):
    assert month_of(When(text, None, None, "month")) == month


def test_batch_writes_one_workbook_for_the_archive(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("sc01.txt", "ua07.txt", "ep01.docx"):
        shutil.copy(ROOT / "corpus" / "docs" / name, src / name)
    out, book = tmp_path / "out", tmp_path / "archive.xlsx"
    r = invoke("batch", src, "-o", out, "--xlsx", book, "-q", "--jobs", "1")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(book, read_only=True)
    assert wb.sheetnames == ["activities"]
    rows = list(wb["activities"].iter_rows(values_only=True))
    assert rows[0] == ARCHIVE_COLUMNS
    import sqlite3

    conn = sqlite3.connect(out / "index.sqlite")
    assert len(rows) - 1 == conn.execute("SELECT COUNT(*) FROM activities").fetchone()[0]
    conn.close()
    assert {r[0] for r in rows[1:]} == {"sc01.txt", "ua07.txt", "ep01.docx"}
    drill = next(r for r in rows if r[0] == "ep01.docx" and "消防疏散演练" in (r[9] or ""))
    assert drill[3] == "enterprise" and drill[5] == 4 and drill[6] == datetime(2024, 4, 1)
    assert isinstance(drill[12], int)
