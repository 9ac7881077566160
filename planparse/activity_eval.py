"""How well activities are found: a parse's activities against an annotation's.

A found activity matches a gold one on the same source line with the same date text (the
text of ``when``), one to one. Date texts are compared without spaces, a weekday in
brackets after a day ("5月9日（星期六）") and the words a festival or deadline takes after it
(期间, 前后, 前夕, 前): annotations differ on whether the expression includes them, and they
do not change its days. A gold activity with no such match takes one found on its line that
another expression dates to the same days ("母亲节" for its bracketed "5月第二个星期日").
Over a set of documents:

- recall: gold activities matched; precision: found activities that match one;
- month-exact: gold activities whose match starts and ends in the gold's year and month
  (both null where the gold's dates are null), over all gold activities — a missed one
  counts against it;
- year errors: matched activities whose start or end falls in another year than the gold's.

Used by ``benchmarks/activities.py`` and ``tests/test_activity_eval.py``.

>>> from planparse import parse
>>> doc = parse("一、安排\\n1、5月中旬举办运动会。\\n", year=2024)
>>> gold = {"plans": [{"activities": [{"text": "5月中旬举办运动会", "line": 2,
...         "when": {"text": "5月中旬", "start": "2024-05-11", "end": "2024-05-20"}}]}]}
>>> s = score_activities(doc, gold)
>>> s.rates()["recall"], s.rates()["month_exact"], s.year_errors
(1.0, 1.0, 0)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from planparse.model import Document
from planparse.regexes import regex
from planparse.resources import unify_radicals

_SPACE = regex(r"\s+")
_TRAILING = regex(r"(?:[（(](?:周|星期|礼拜)[一二三四五六日天][)）])?(?:期间|期間|前后|前後|前夕|之前|以前|当天|前)?$")


@dataclass
class ActivityScore:
    """Counts over one or more documents (add them up with ``+``)."""

    files: int = 0
    gold: int = 0          # annotated activities
    found: int = 0         # activities the parse reports
    matched: int = 0       # pairs matched on line and date text
    month_exact: int = 0   # gold activities whose match has the gold's year and month at both ends
    year_errors: int = 0   # matches dated in another year than the gold
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: ActivityScore) -> ActivityScore:
        return ActivityScore(*(getattr(self, f) + getattr(other, f) for f in (
            "files", "gold", "found", "matched", "month_exact", "year_errors")), self.misses + other.misses)

    def rates(self) -> dict[str, float]:
        return {
            "recall": self.matched / max(self.gold, 1),
            "precision": self.matched / max(self.found, 1),
            "month_exact": self.month_exact / max(self.gold, 1),
        }


def _day(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _month(d: date | None) -> tuple[int, int] | None:
    return (d.year, d.month) if d is not None else None


def _key(line: int, text: str) -> tuple[int, str]:
    text = _SPACE.sub("", unify_radicals(text))  # ("6⽉": the annotation keeps the page's radicals)
    return line, _TRAILING.sub("", text) or text


def score_activities(doc: Document, ann: dict[str, Any], where: str = "") -> ActivityScore:
    """One parsed document against its annotation (every plan's activities together)."""
    gold = [a for p in ann.get("plans") or [] for a in p.get("activities") or []]
    found = [a for p in doc.plans for a in p.activities]
    pool: dict[tuple[int, str], list] = defaultdict(list)
    for a in found:
        pool[_key(a.line, a.when.text)].append(a)
    s = ActivityScore(files=1, gold=len(gold), found=len(found))
    for g in gold:
        gw = g["when"]
        cands = pool.get(_key(g["line"], str(gw["text"]))) or _same_days(pool, g)
        if not cands:
            s.misses.append(f"{where}:{g['line']}: missed {gw['text']} {str(g['text'])[:30]}")
            continue
        a = cands.pop(0)
        s.matched += 1
        want = (_day(gw.get("start")), _day(gw.get("end")))
        got = (a.when.start, a.when.end)
        if tuple(map(_month, got)) == tuple(map(_month, want)):
            s.month_exact += 1
        else:
            s.misses.append(f"{where}:{g['line']}: {gw['text']} dated {got[0]}..{got[1]}, expected "
                            f"{want[0]}..{want[1]}")
        if any(w is not None and (x is None or x.year != w.year) for x, w in zip(got, want)) or (
                want[0] is None and got[0] is not None):
            s.year_errors += 1
    for rest in pool.values():
        for a in rest:
            s.misses.append(f"{where}:{a.line}: extra {a.when.text} {a.text[:30]}")
    return s


def _same_days(pool: dict[tuple[int, str], list], g: dict[str, Any]) -> list:
    """The activities found on a gold activity's line dated by another expression of the same
    days ("母亲节" for its bracketed "5月第二个星期日"): the same activity."""
    want = (_day(g["when"].get("start")), _day(g["when"].get("end")))
    if want[0] is None:
        return []
    return next((c for (line, _), c in pool.items() if line == g["line"] and c
                 and (c[0].when.start, c[0].when.end) == want), [])


def total(scores: Iterable[ActivityScore]) -> ActivityScore:
    out = ActivityScore()
    for s in scores:
        out = out + s
    return out
