"""Lint diagnostics as a SARIF 2.1.0 log, for code-scanning services."""

from __future__ import annotations

from typing import Iterable

from planparse import __version__
from planparse.rules import Diagnostic, rule_specs

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(diagnostics: Iterable[Diagnostic]) -> dict:
    """One run of the planparse tool with a result per diagnostic; file-level findings
    (no line) carry a location without a region."""
    specs = rule_specs()
    names = list(specs)
    results = []
    for d in diagnostics:
        location: dict = {"physicalLocation": {"artifactLocation": {"uri": d.path}}}
        if d.line:
            location["physicalLocation"]["region"] = {"startLine": d.line, "startColumn": d.column or 1}
        results.append({
            "ruleId": d.rule, "ruleIndex": names.index(d.rule), "level": LEVELS.get(d.severity, "warning"),
            "message": {"text": d.message}, "locations": [location],
        })
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "planparse", "version": __version__, "informationUri": "https://pypi.org/project/planparse/",
                "rules": [{"id": n, "name": n, "shortDescription": {"text": s["description"]},
                           "defaultConfiguration": {"level": LEVELS[s["severity"]]}} for n, s in specs.items()],
            }},
            "results": results,
        }],
    }
