"""Spreadsheets for offices: a parsed plan as an .xlsx workbook or a CSV of its activities,
and an archive's activities as one workbook (``parse --format xlsx|csv``, ``batch --xlsx``).

The workbook opens on a 工作安排表 (月份 | 时间 | 工作内容 | 负责人, one block per plan, the
months merged down their rows, set up to print), followed by the activities (one row each:
month, dates as Excel dates, the date as written, what, who, section, line), the sections
and the plans. The CSV is the activities sheet in UTF-8 with a byte-order mark, so that
Excel opens Chinese text right.

>>> import planparse
>>> doc = planparse.parse("2024年工会工作计划\\n一、活动安排\\n1、4月中旬举办职工运动会。")
>>> activity_rows(doc)[0][:8]
(1, '2024年工会工作计划', 4, datetime.date(2024, 4, 11), datetime.date(2024, 4, 20), '4月中旬', 'xun', '举办职工运动会')
>>> to_csv(doc)[:3] == "\\ufeff".encode("utf-8")
True
"""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from planparse.model import Activity, Document, Section, When

ACTIVITY_COLUMNS = ("plan", "plan_title", "month", "start", "end", "when", "precision", "what", "who", "section",
                    "line", "text")
SECTION_COLUMNS = ("plan", "level", "heading", "number", "title", "kind", "confidence", "first_line", "last_line",
                   "text")
PLAN_COLUMNS = ("plan", "title", "type", "year", "first_line", "last_line", "sections", "activities")
ARCHIVE_COLUMNS = ("path", "plan", "plan_title", "plan_type", "year", "month", "start", "end", "precision", "what",
                   "who", "section", "line", "text")
SCHEDULE_HEADER = ("月份", "时间", "工作内容", "负责人")
SCHEDULE_SHEET = "工作安排表"
MAX_ROWS = 1_048_576  # Excel's rows per sheet; an archive's activities go on over further sheets
WIDTHS = {"plan": 6, "plan_title": 30, "month": 7, "start": 12, "end": 12, "when": 16, "precision": 10,
          "what": 50, "who": 16, "section": 36, "line": 7, "text": 60, "heading": 40, "title": 30, "kind": 11,
          "path": 36, "plan_type": 12, "type": 12, "year": 7}


def month_of(when: When) -> int | None:
    """The month an activity falls in: that of its first day, or (when the year is unknown)
    of the date as written, where it names one month whatever the year.

    >>> month_of(When("十月份", None, None, "month")), month_of(When("中秋节", None, None, "festival"))
    (10, None)
    """
    if when.start:
        return when.start.month
    from planparse.dates import find_dates

    months = set()
    for year in (2001, 2002):  # a month that moves with the year (a lunar festival) is not given
        found = [w for w in find_dates(when.text, year=year) if w.start]
        months.add(found[0].start.month if found else None)  # type: ignore[union-attr]
    return months.pop() if len(months) == 1 else None


def activity_rows(doc: Document) -> list[tuple[Any, ...]]:
    """One row per activity, in ``ACTIVITY_COLUMNS`` order (dates as :class:`datetime.date`)."""
    rows = []
    for p, plan in enumerate(doc.plans, 1):
        for a in plan.activities:
            w = a.when
            rows.append((p, plan.title, month_of(w), w.start, w.end, w.text, w.precision, a.what, a.who, a.section,
                         a.line, a.text))
    return rows


def section_rows(doc: Document) -> list[tuple[Any, ...]]:
    """One row per section, depth-first with its level, in ``SECTION_COLUMNS`` order."""
    def walk(sections: tuple[Section, ...], level: int) -> Iterator[tuple[int, Section]]:
        for s in sections:
            yield level, s
            yield from walk(s.sections, level + 1)

    rows = []
    for p, plan in enumerate(doc.plans, 1):
        for level, s in walk(plan.sections, 1):
            h = s.heading
            rows.append((p, level, h.text if h else None, h.number if h else None, h.title if h else None, s.kind,
                         round(s.confidence, 2), s.first, s.last, s.text))
    return rows


def plan_rows(doc: Document) -> list[tuple[Any, ...]]:
    return [(p, plan.title, plan.type, plan.year, plan.first, plan.last, _count(plan.sections), len(plan.activities))
            for p, plan in enumerate(doc.plans, 1)]


def _count(sections: tuple[Section, ...]) -> int:
    return sum(1 + _count(s.sections) for s in sections)


def to_csv(doc: Document) -> bytes:
    """The activities table as CSV: UTF-8 with a byte-order mark, CRLF line ends, ISO dates."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(ACTIVITY_COLUMNS)
    for row in activity_rows(doc):
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(doc: Document) -> bytes:
    """The workbook of a parsed document (see the module doc), as the bytes of an .xlsx file."""
    from planparse.errors import require

    openpyxl = require("openpyxl", "spreadsheet output", "openpyxl")
    wb = openpyxl.Workbook()
    _schedule_sheet(wb.active, doc)
    _table(wb.create_sheet("activities"), ACTIVITY_COLUMNS, activity_rows(doc))
    _table(wb.create_sheet("sections"), SECTION_COLUMNS, section_rows(doc))
    _table(wb.create_sheet("plans"), PLAN_COLUMNS, plan_rows(doc))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def schedule_rows(activities: tuple[Activity, ...], year: int | None = None) -> list[tuple[str, str, str, str]]:
    """A plan's 工作安排表 rows: (月份, 时间, 工作内容, 负责人), by month and in the plan's
    order within a month; activities without a month come last under 其他. A month of
    another year than ``year`` (the plan's) says its year: 2025年1月.

    >>> import planparse
    >>> plan = planparse.parse("2024年计划\\n一、安排\\n1、4月10日召开教代会。\\n2、5月举办运动会。").plans[0]
    >>> schedule_rows(plan.activities)
    [('4月', '4月10日', '召开教代会', ''), ('5月', '5月', '举办运动会', '')]
    """
    years = [a.when.start.year for a in activities if a.when.start]
    year_of_plan = year if year is not None else (min(years) if years else None)
    keyed = []
    for i, a in enumerate(activities):
        month = month_of(a.when)
        ayear = a.when.start.year if a.when.start else None
        keyed.append(((ayear or 0, month) if month else (9999, 13), i, a, month, ayear))
    keyed.sort(key=lambda k: (k[0], k[1]))
    out = []
    for _, _, a, month, ayear in keyed:
        if month is None:
            label = "其他"
        elif ayear and year_of_plan and ayear != year_of_plan:
            label = f"{ayear}年{month}月"
        else:
            label = f"{month}月"
        out.append((label, a.when.text, a.what or a.text, a.who or ""))
    return out


def _schedule_sheet(ws: Any, doc: Document) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ws.title = SCHEDULE_SHEET
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, width in zip("ABCD", (10, 18, 60, 18)):
        ws.column_dimensions[col].width = width
    row = 1
    plans = [p for p in doc.plans if p.activities] or list(doc.plans[:1])
    for n, plan in enumerate(plans):
        if n:
            row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        title = ws.cell(row, 1, f"{plan.title or '工作计划'} 工作安排表")
        title.font = Font(name="黑体", size=14, bold=True)
        title.alignment = centre
        ws.row_dimensions[row].height = 28
        row += 1
        for col, text in enumerate(SCHEDULE_HEADER, 1):
            cell = ws.cell(row, col, text)
            cell.font = Font(name="黑体", bold=True)
            cell.fill = PatternFill("solid", fgColor="E8EDF3")
            cell.alignment, cell.border = centre, border
        if n == 0:
            ws.freeze_panes = ws.cell(row + 1, 1)
            ws.print_title_rows = f"{row}:{row}"
        row += 1
        rows = schedule_rows(plan.activities, plan.year)
        start = row
        for i, values in enumerate(rows):
            for col, value in enumerate(values, 1):
                cell = ws.cell(row, col, value)
                cell.font = Font(name="宋体")
                cell.alignment, cell.border = (centre if col in (1, 2, 4) else wrap), border
            if i + 1 == len(rows) or rows[i + 1][0] != values[0]:  # the month's last row: merge its cells
                if row > start:
                    ws.merge_cells(start_row=start, start_column=1, end_row=row, end_column=1)
                start = row + 1
            row += 1
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _table(ws: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    for i, name in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
        if name in ("start", "end"):
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def write_archive_xlsx(index: str | Path, dest: str | Path) -> int:
    """Every activity of a batch index as one workbook (``ARCHIVE_COLUMNS``), written as it is
    read, over more sheets past Excel's row limit. Returns the number of activities."""
    from planparse.errors import require
    from planparse.outputs import atomic_path

    openpyxl = require("openpyxl", "spreadsheet output", "openpyxl")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)

    def new_sheet(n: int) -> Any:
        ws = wb.create_sheet("activities" if n == 1 else f"activities {n}")
        for i, name in enumerate(ARCHIVE_COLUMNS, 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = WIDTHS.get(name, 12)
        ws.freeze_panes = "A2"
        header = []
        for name in ARCHIVE_COLUMNS:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        return ws

    conn = sqlite3.connect(f"{Path(index).resolve().as_uri()}?mode=ro", uri=True)
    count, sheets = 0, 1
    ws = new_sheet(1)
    rows_here = 1
    try:
        query = """SELECT a.doc, a.plan, p.title, p.type, p.year, a.start, a."end", a.precision, a.what, a.who,
                          a.section, a.line, a.text
                   FROM activities a JOIN plans p ON p.doc = a.doc AND p.n = a.plan ORDER BY a.doc, a.plan, a.n"""
        for doc, plan, title, ptype, year, start, end, precision, what, who, section, line, text in conn.execute(query):
            if rows_here >= MAX_ROWS:
                sheets += 1
                ws, rows_here = new_sheet(sheets), 1
            first = date.fromisoformat(start) if start else None
            last = date.fromisoformat(end) if end else None
            cells = [doc, plan, title, ptype, year, first.month if first else None, first, last, precision, what,
                     who, section, line, text]
            for i in (6, 7):
                if cells[i] is not None:
                    cell = WriteOnlyCell(ws, value=cells[i])
                    cell.number_format = "yyyy-mm-dd"
                    cells[i] = cell
            ws.append(cells)
            rows_here += 1
            count += 1
    finally:
        conn.close()
    with atomic_path(dest, parents=True) as tmp:
        wb.save(str(tmp))
    return count
