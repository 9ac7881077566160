"""Activities as an RFC 5545 calendar (all-day events), via the icalendar package.

>>> import planparse
>>> doc = planparse.parse("2024年工会工作计划\\n一、主要工作\\n1、5月中旬举办职工运动会。")
>>> "SUMMARY:举办职工运动会".encode() in to_ics(doc)
True
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import PurePath

from planparse.errors import require
from planparse.model import Document

PRODID = "-//planparse//plan activities//ZH"


def to_ics(doc: Document, name: str | None = None) -> bytes:
    """One VCALENDAR with an all-day VEVENT for every dated activity of every plan.

    Events span start..end (DTEND is the day after, as RFC 5545 wants for dates). UIDs
    hash the plan, the date expression and the activity text, so importing a re-parsed
    plan updates its events instead of duplicating them. Undated activities are left out.
    """
    icalendar = require("icalendar", "calendar export", "icalendar")
    Calendar, Event = icalendar.Calendar, icalendar.Event
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    title = name or next((p.title for p in doc.plans if p.title), None) or PurePath(doc.source.path).stem
    cal.add("x-wr-calname", title)
    for pi, plan in enumerate(doc.plans):
        for a in plan.activities:
            if a.when.start is None or a.when.end is None:
                continue
            ev = Event()
            key = f"{plan.title or pi}|{a.when.text}|{a.text}|{a.when.start.isoformat()}"
            ev.add("uid", hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@planparse")
            ev.add("summary", a.what)
            ev.add("dtstart", a.when.start)
            ev.add("dtend", a.when.end + timedelta(days=1))
            ev.add("description", "\n".join(x for x in (a.text, a.section or "", f"{a.when.text} ({a.when.precision})")
                                             if x))
            if plan.title:
                ev.add("categories", [plan.title])
            cal.add_component(ev)
    return cal.to_ical()


def undated_count(doc: Document) -> int:
    return sum(1 for p in doc.plans for a in p.activities if a.when.start is None)
