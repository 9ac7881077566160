"""The SPEC §1 mapping: the only module that knows the output's field names."""

from __future__ import annotations

import re
from typing import Any

import yaml

from planparse.model import Activity, Document, Plan, Recurring, Section, When

SCHEMA = "planparse/1"


def to_dict(doc: Document) -> dict[str, Any]:
    """The parsed document as plain str/int/None/list/dict, in SPEC §1 order."""
    return {
        "schema": SCHEMA,
        "source": doc.source.path,
        "format": doc.source.format,
        "encoding": doc.source.encoding,
        "plans": [_plan(p) for p in doc.plans],
        "boilerplate": [{"line": e.line, "text": e.text} for e in doc.boilerplate],
        "warnings": [{"line": w.line, "message": w.message} for w in doc.warnings],
    }


def _plan(p: Plan) -> dict[str, Any]:
    return {
        "title": p.title,
        "type": p.type,
        "year": p.year,
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


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, with short lists of scalars ([12, 88]) and `when` mappings in flow style
    (libyaml's emitter where PyYAML has it: several times faster)."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = len(data) <= 4 and all(isinstance(x, (int, float, str, type(None))) and len(str(x)) < 20 for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow and bool(data))


_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_FLOW_KEYS = ({"text", "start", "end", "precision"}, {"text", "every"}, {"text", "every", "interval"},
              {"line", "text"}, {"line", "message"})


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
