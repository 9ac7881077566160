"""`planparse ics`: an importable calendar with one all-day event per dated activity."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar, Event

from planparse.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-plan.txt"
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


def test_without_a_year_nothing_is_guessed_and_no_calendar_is_written(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "plan.ics"
    r = CliRunner().invoke(main, ["ics", str(p), "-o", str(out)])
    assert r.exit_code == 1
    assert r.stderr == f"{p}: no dated activities, so no calendar written; 4 without a known year (give --year)\n"
    assert not out.exists()
    p.write_text("工会工作计划\n一、指导思想\n以……为指导。\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["ics", str(p)])
    assert r.exit_code == 1 and r.stdout == "" and r.stderr == f"{p}: no dated activities, so no calendar written\n"


def validate(data: bytes) -> Calendar:
    """The checks of RFC 5545 a calendar program relies on, through the icalendar package: CRLF
    lines of at most 75 octets, the calendar's and every event's required properties,
    properties that may appear once appearing once, values that parse, DTEND after DTSTART."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = Calendar.from_ical(data)
    assert not cal.errors
    for prop in Calendar.required:
        assert prop in cal, prop
    evs = events(data)
    for ev in evs:
        assert not ev.errors, ev.errors
        for prop in (*Event.required, "DTSTART"):
            assert prop in ev, prop
        for prop in Event.singletons:
            assert not isinstance(ev.get(prop), list), prop
        assert ev["DTSTAMP"].dt.tzinfo is not None  # a UTC date-time
        assert ev["DTEND"].dt > ev["DTSTART"].dt
    assert len({str(e["UID"]) for e in evs}) == len(evs)
    return cal


def test_calendar_of_the_sample_plan_is_valid(tmp_path):
    r = CliRunner().invoke(main, ["ics", str(SAMPLE)], env={"SOURCE_DATE_EPOCH": "1717243200"})
    assert r.exit_code == 0, r.output
    cal = validate(r.stdout_bytes)
    evs = cal.walk("VEVENT")
    assert len(evs) == 10
    assert {e["DTSTAMP"].dt for e in evs} == {datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)}


def test_uids_survive_rewording_and_redating(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(PLAN, encoding="utf-8")
    b.write_text(PLAN.replace("举办教职工趣味运动会", "举行全体教职工趣味运动会").replace("5月中旬", "6月上旬"),
                 encoding="utf-8")
    uids = []
    for p in (a, b):
        r = CliRunner().invoke(main, ["ics", str(p), "--year", "2024"])
        uids.append({str(e["UID"]): str(e["SUMMARY"]) for e in events(r.stdout_bytes)})
    assert set(uids[0]) == set(uids[1])
    changed = [uid for uid in uids[0] if uids[0][uid] != uids[1][uid]]
    assert [uids[1][u] for u in changed] == ["举行全体教职工趣味运动会"]
