"""The SPEC §1 mapping: the only module that knows the output's field names, both ways.

>>> doc = from_dict({"plans": [{"title": "2024年工会工作计划", "type": "union", "year": 2024, "lines": [1, 3],
...     "sections": [{"heading": "一、指导思想", "kind": "ideology", "lines": [2, 3], "text": "以……为指导。"}]}]})
>>> doc.plans[0].sections[0].heading.title, to_dict(doc)["plans"][0]["sections"][0]["number"]
('指导思想', '一')
"""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

import yaml

from planparse.errors import InputError
from planparse.headings import detect_heading
from planparse.model import (PLAN_TYPES, SECTION_KINDS, Activity, Document, Edit, Heading, Line, Period, Plan,
                             Precision, Recurrence, Recurring, Section, Source, Warning_, When)
from planparse.regexes import regex

SCHEMA = "planparse/1"
PRECISIONS: tuple[str, ...] = get_args(Precision)
PERIODS: tuple[str, ...] = get_args(Period)


def to_dict(doc: Document) -> dict[str, Any]:
    """The parsed document as plain str/int/None/list/dict, in SPEC §1 order."""
    return {
        "schema": SCHEMA,
        "source": doc.source.path,
        "format": doc.source.format,
        "encoding": doc.source.encoding,
        "plans": [_plan(p) for p in doc.plans],
        "notices": [{"title": n.title, "lines": [n.first, n.last]} for n in doc.notices],
        "boilerplate": [{"line": e.line, "text": e.text} for e in doc.boilerplate],
        "warnings": [{"line": w.line, "message": w.message} for w in doc.warnings],
    }


def _plan(p: Plan) -> dict[str, Any]:
    own = {"subtitle": p.subtitle} if p.subtitle else {}  # only where a separator titles the plan
    return {
        "title": p.title,
        **own,
        "type": p.type,
        "year": p.year,
        "issued": p.issued.isoformat() if p.issued else None,
        "lines": [p.first, p.last],
        "sections": [_section(s) for s in p.sections],
        "activities": [_activity(a) for a in p.activities],
        "recurring": [_recurring(r) for r in p.recurring],
    }


def _section(s: Section) -> dict[str, Any]:
    h = s.heading
    return {
        "heading": h.text if h else None,
        "number": h.number if h else None,
        "title": h.title if h else None,
        "kind": s.kind,
        "confidence": round(s.confidence, 2),
        "lines": [s.first, s.last],
        "text": s.text,
        "sections": [_section(c) for c in s.sections],
    }


def when_dict(w: When) -> dict[str, Any]:
    return {
        "text": w.text,
        "start": w.start.isoformat() if w.start else None,
        "end": w.end.isoformat() if w.end else None,
        "precision": w.precision,
    }


def _activity(a: Activity) -> dict[str, Any]:
    return {"text": a.text, "what": a.what, "when": when_dict(a.when), "who": a.who,
            "line": a.line, "section": a.section}


def _recurring(r: Recurring) -> dict[str, Any]:
    when: dict[str, Any] = {"text": r.when.text, "every": r.when.every}
    if r.when.interval != 1:
        when["interval"] = r.when.interval
    return {"text": r.text, "when": when, "line": r.line}


# ---------------------------------------------------------------- and back


class _NoAliases(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: parse output has none, and a few nested aliases
    can stand for billions of nodes."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed here",
                                              event.start_mark)
        return super().compose_node(parent, index)


def load_mapping(text: str, path: str) -> Any:
    """The YAML or JSON text of a parsed document, loaded safely, or an :class:`InputError`
    naming the file (bad syntax, aliases, impossible dates, nesting too deep).

    >>> load_mapping("plans: []", "plan.yaml")
    {'plans': []}
    """
    try:
        return yaml.load(text, Loader=_NoAliases)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise InputError(f"not YAML or JSON: {' '.join(str(exc).split())}", path) from None
    except ValueError as exc:  # a timestamp such as 2024-13-01
        raise InputError(f"not a parsed plan: {exc}", path) from None
    except RecursionError:
        raise InputError("not a parsed plan: nested too deeply", path) from None


def from_dict(data: Any, path: str = "<mapping>") -> Document:
    """A :class:`Document` from a SPEC §1 mapping (the YAML or JSON of ``planparse parse``).

    Raises :class:`InputError` naming the first field that is not of the mapping's shape.
    """
    def need(ok: bool, where: str, what: str) -> None:
        if not ok:
            raise InputError(f"not a parsed plan: {where} {what} (make one with `planparse parse`)", path)

    need(isinstance(data, dict) and isinstance(data.get("plans"), list), "the top level", "needs a `plans:` list")
    plans = []
    for i, p in enumerate(data["plans"], 1):
        where = f"plans[{i}]"
        need(isinstance(p, dict), where, "is not a mapping")
        first, last = _lines(p.get("lines"), where, need)
        kind = p.get("type", "other")
        need(kind in PLAN_TYPES, where, f"has an unknown type {kind!r}")
        year = p.get("year")
        need(year is None or (isinstance(year, int) and not isinstance(year, bool)), f"{where}.year",
             "is not a year")
        plans.append(Plan(
            _text(p.get("title"), f"{where}.title", need), kind, year, first, last,
            tuple(_read_section(s, f"{where}.sections[{j}]", need) for j, s in enumerate(_list(p, "sections", where, need), 1)),
            tuple(_read_activity(a, f"{where}.activities[{j}]", need) for j, a in enumerate(_list(p, "activities", where, need), 1)),
            tuple(_read_recurring(r, f"{where}.recurring[{j}]", need) for j, r in enumerate(_list(p, "recurring", where, need), 1)),
            title_line=first if p.get("title") else None, issued=_day(p.get("issued"), f"{where}.issued", need),
            subtitle=_text(p.get("subtitle"), f"{where}.subtitle", need)))
    encoding = data.get("encoding")
    source = Source("", str(data.get("source") or path), str(data.get("format") or "yaml"),
                    None if encoding is None else str(encoding))
    boilerplate = tuple(Edit("boilerplate", _int(b.get("line"), f"boilerplate[{j}].line", need),
                             str(b.get("text") or ""))
                        for j, b in enumerate(_list(data, "boilerplate", "the top level", need), 1) if isinstance(b, dict))
    warnings = tuple(Warning_(_int(w.get("line"), f"warnings[{j}].line", need) or None, str(w.get("message") or ""))
                     for j, w in enumerate(_list(data, "warnings", "the top level", need), 1) if isinstance(w, dict))
    return Document(source, tuple(plans), boilerplate, warnings)


def _list(d: dict, key: str, where: str, need) -> list:
    value = d.get(key) or []
    need(isinstance(value, list), f"{where}.{key}" if where != "the top level" else key, "is not a list")
    return value


def _int(value: Any, where: str, need) -> int:
    """A line number (0 when absent)."""
    if value is None:
        return 0
    need(isinstance(value, int) and not isinstance(value, bool), where, f"is not a number ({value!r})")
    return value


def _text(value: Any, where: str, need) -> str | None:
    need(value is None or isinstance(value, (str, int)), where, "is not text")
    return None if value is None else str(value)


def _lines(value: Any, where: str, need) -> tuple[int, int]:
    if value is None:
        return 0, 0
    need(isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value),
         f"{where}.lines", "is not [first, last]")
    return value[0], value[1]


def _read_section(s: Any, where: str, need) -> Section:
    need(isinstance(s, dict), where, "is not a mapping")
    kind = s.get("kind", "other")
    need(kind in SECTION_KINDS, where, f"has an unknown kind {kind!r}")
    written = _text(s.get("heading"), f"{where}.heading", need)
    heading = None
    if written is not None:
        found = detect_heading(written)
        title = _text(s.get("title"), f"{where}.title", need)
        number = _text(s.get("number"), f"{where}.number", need)
        heading = Heading(written, number if "number" in s else (found.number if found else None),
                          title if "title" in s else (found.title if found else written),
                          found.style if found else "plain", found.value if found else 0, "")
    first, last = _lines(s.get("lines"), where, need)
    text = _text(s.get("text"), f"{where}.text", need) or ""
    subs = tuple(_read_section(c, f"{where}.sections[{j}]", need) for j, c in enumerate(_list(s, "sections", where, need), 1))
    body = tuple(Line(t, first, first) for t in text.split("\n") if t)
    confidence = s.get("confidence")
    need(confidence is None or (isinstance(confidence, (int, float)) and not isinstance(confidence, bool)),
         f"{where}.confidence", "is not a number")
    return Section(heading, kind, float(confidence if confidence is not None else 1.0), first, last, text, subs, body)


def _read_when(w: Any, where: str, need) -> When:
    need(isinstance(w, dict) and isinstance(w.get("text"), str), f"{where}.when", "needs a `text`")
    start, end = (_day(w.get(k), f"{where}.when.{k}", need) for k in ("start", "end"))
    precision = w.get("precision") or "day"
    need(precision in PRECISIONS, f"{where}.when.precision", f"is not one of {', '.join(PRECISIONS)}")
    need(start is None or end is None or start <= end, f"{where}.when", "ends before it starts")
    return When(w["text"], start, end, precision)


def _day(value: Any, where: str, need) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        need(False, where, f"is not an ISO date ({value!r})")
        raise  # pragma: no cover - need() raised


def _read_activity(a: Any, where: str, need) -> Activity:
    need(isinstance(a, dict), where, "is not a mapping")
    return Activity(str(a.get("text") or ""), str(a.get("what") or a.get("text") or ""), _read_when(a.get("when"), where, need),
                    _text(a.get("who"), f"{where}.who", need), _int(a.get("line"), f"{where}.line", need),
                    _text(a.get("section"), f"{where}.section", need))


def _read_recurring(r: Any, where: str, need) -> Recurring:
    need(isinstance(r, dict) and isinstance(r.get("when"), dict), where, "needs a `when` mapping")
    w = r["when"]
    every = w.get("every") or "year"
    need(every in PERIODS, f"{where}.when.every", f"is not one of {', '.join(PERIODS)}")
    interval = _int(w.get("interval"), f"{where}.when.interval", need) or 1
    return Recurring(str(r.get("text") or ""), Recurrence(str(w.get("text") or ""), every, interval),
                     _int(r.get("line"), f"{where}.line", need))


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, with short lists of scalars ([12, 88]) and `when` mappings in flow style
    (libyaml's emitter where PyYAML has it: several times faster)."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = len(data) <= 4 and all(isinstance(x, (int, float, str, type(None))) and len(str(x)) < 20 for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow and bool(data))


_ISO_DAY = regex(r"^\d{4}-\d\d-\d\d$")
_FLOW_KEYS = ({"text", "start", "end", "precision"}, {"text", "every"}, {"text", "every", "interval"},
              {"line", "text"}, {"line", "message"}, {"title", "lines"})


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    flow = set(data) in _FLOW_KEYS
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if _ISO_DAY.match(data):  # dates print plain (2024-04-11), as in SPEC §1
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", data)
    return dumper.represent_str(data)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML as users read it: Chinese unescaped, keys in SPEC order, no line folding."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000)
