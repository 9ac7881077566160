"""Activities as an RFC 5545 calendar (all-day events), via the icalendar package.

>>> import planparse
>>> doc = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、5月中旬举办职工运动会。")
>>> "SUMMARY:举办职工运动会".encode() in to_ics(doc)
True
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timedelta, timezone
from pathlib import PurePath

from planparse.errors import require
from planparse.model import Activity, Document, Plan, Section

PRODID = "-//planparse//plan activities//ZH"


def to_ics(doc: Document, name: str | None = None, stamp: datetime | None = None) -> bytes:
    """One VCALENDAR with an all-day VEVENT for every dated activity of every plan.

    Events span start..end (DTEND is the day after, as RFC 5545 wants for dates). Each
    event's UID comes from what stays when a plan is revised — the calendar's name, the
    plan's place, the section's place in the plan and the item's place in its section —
    not from its wording or its date, so importing a revised plan updates its events
    instead of duplicating them. DTSTAMP is ``stamp`` (default: now, or the time in
    ``SOURCE_DATE_EPOCH`` for reproducible output). Undated activities are left out.
    """
    icalendar = require("icalendar", "calendar export", "icalendar")
    Calendar, Event = icalendar.Calendar, icalendar.Event
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    title = calendar_name(doc, name)
    cal.add("x-wr-calname", title)
    when = stamp or _now()
    for pi, plan in enumerate(doc.plans):
        for a, place in zip(plan.activities, places(plan)):
            if a.when.start is None or a.when.end is None:
                continue
            ev = Event()
            ev.add("uid", event_uid(title, pi, place))
            ev.add("dtstamp", when)
            ev.add("summary", a.what)
            ev.add("dtstart", a.when.start)
            ev.add("dtend", a.when.end + timedelta(days=1))
            ev.add("description", "\n".join(x for x in (a.text, a.section or "", f"{a.when.text} ({a.when.precision})")
                                             if x))
            if plan.title:
                ev.add("categories", [plan.title])
            cal.add_component(ev)
    return cal.to_ical()


def calendar_name(doc: Document, name: str | None = None) -> str:
    """The calendar's name: ``name``, else the first plan title, else the file's name."""
    return name or next((p.title for p in doc.plans if p.title), None) or PurePath(doc.source.path).stem


def event_uid(calendar: str, plan: int, place: str) -> str:
    """A UID from the calendar's name, the plan's index and the activity's place in it.

    >>> event_uid("2024年工会工作计划", 0, "2.1#0")
    '749973d8e3101a454143653f@planparse'
    """
    key = f"{calendar}|{plan}|{place}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@planparse"


def places(plan: Plan) -> list[str]:
    """For each activity of a plan, where it stands: the path of the innermost section that
    holds its line ("2.1": the first sub-section of the second section) and its place among
    that section's activities ("2.1#0")."""
    seen: dict[str, int] = {}
    out = []
    for a in plan.activities:
        path = ".".join(str(i) for i in _section_path(plan.sections, a)) or "-"
        out.append(f"{path}#{seen.get(path, 0)}")
        seen[path] = seen.get(path, 0) + 1
    return out


def _section_path(sections: tuple[Section, ...], a: Activity) -> list[int]:
    for i, s in enumerate(sections, 1):
        if s.first <= a.line <= s.last:
            return [i, *_section_path(s.sections, a)]
    return []


def _now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def dated_count(doc: Document) -> int:
    """Activities with days, that is events."""
    return sum(1 for p in doc.plans for a in p.activities if a.when.start is not None and a.when.end is not None)


def undated_count(doc: Document) -> int:
    return sum(1 for p in doc.plans for a in p.activities if a.when.start is None)
