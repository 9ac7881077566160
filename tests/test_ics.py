"""`planparse ics`: an importable calendar with one all-day event per dated activity."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner
from icalendar import Calendar

from planparse.cli import main

PLAN = ("20xx年学校工会工作计划\n一、主要工作\n1、三八节期间组织女教职工健步走活动。\n"
        "2、5月中旬举办教职工趣味运动会。\n二、活动安排\n十二月份：\n1、举办迎新年合唱比赛。\n一月份：\n1、开展送温暖活动。\n")


def events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_ics_has_one_event_per_dated_activity(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    r = CliRunner().invoke(main, ["ics", str(p), "--year", "2024"])
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(r.stdout_bytes)
    assert str(cal["X-WR-CALNAME"]) == "20xx年学校工会工作计划"
    evs = events(r.stdout_bytes)
    spans = sorted((e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"])) for e in evs)
    assert spans == [
        (date(2024, 3, 8), date(2024, 3, 9), "组织女教职工健步走活动"),
        (date(2024, 5, 11), date(2024, 5, 21), "举办教职工趣味运动会"),
        (date(2024, 12, 1), date(2025, 1, 1), "举办迎新年合唱比赛"),
        (date(2025, 1, 1), date(2025, 2, 1), "开展送温暖活动"),
    ]
    assert len({str(e["UID"]) for e in evs}) == 4


def test_uids_are_stable_across_exports(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    out1, out2 = tmp_path / "a.ics", tmp_path / "b.ics"
    for out in (out1, out2):
        assert CliRunner().invoke(main, ["ics", str(p), "--year", "2024", "-o", str(out)]).exit_code == 0
    uids = [[str(e["UID"]) for e in events(o.read_bytes())] for o in (out1, out2)]
    assert uids[0] == uids[1]


def test_without_a_year_nothing_is_guessed(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    r = CliRunner().invoke(main, ["ics", str(p)])
    assert r.exit_code == 0
    assert events(r.stdout_bytes) == []
    assert "4 activities without a known year left out (give --year)" in r.stderr
