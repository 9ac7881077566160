"""The parse pipeline: named stages over plain data, in order.

``STAGES`` lists them so that a test or ``--trace`` can stop after any stage.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from planparse.activities import extract_activities
from planparse.kinds import classify_plan, classify_sections
from planparse.model import Document, ParseOptions, Plan, Source, Warning_
from planparse.normalize import normalize
from planparse.plans import build_sections, split_plans
from planparse.readers import read_file

STAGES = ("read", "normalize", "split_plans", "build_sections", "classify_sections",
          "extract_activities", "serialize")


def parse_source(src: Source, options: ParseOptions = ParseOptions()) -> Document:
    """Run every stage after reading on a :class:`Source`."""
    norm = normalize(src)
    plans: list[Plan] = []
    warnings: list[Warning_] = []
    for draft in split_plans(norm.lines):
        if not draft.lines and draft.title is None:
            continue
        sections = classify_sections(build_sections(draft.lines), options)
        first = draft.title_line or (draft.lines[0].first if draft.lines else 0)
        last = max([draft.title_line or 0] + [ln.last for ln in draft.lines])
        text = "\n".join(ln.text for ln in draft.lines)
        plan = Plan(draft.title, classify_plan(draft.title, text, options), None, first, last, sections,
                    title_line=draft.title_line)
        plan, found = extract_activities(plan, options)
        plans.append(plan)
        warnings.extend(found)
    boilerplate = tuple(e for e in norm.edits if e.action == "boilerplate")
    return Document(src, tuple(plans), boilerplate, tuple(warnings), norm.lines, norm.edits)


def parse(text: str, year: int | None = None, *, path: str = "<text>",
          options: ParseOptions | None = None) -> Document:
    """Parse the text of a plan document.

    >>> doc = parse("一、指导思想\\n以科学发展观为指导。\\n二、主要工作\\n4月中旬举行炊工比武。", year=2024)
    >>> [s.kind for s in doc.plans[0].sections]
    ['ideology', 'tasks']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_source(Source(text, path, "txt", None), _with_year(options, year))


def parse_file(path: str | Path, year: int | None = None, *,
               options: ParseOptions | None = None) -> Document:
    """Read and parse a plan document of any supported format."""
    return parse_source(read_file(path), _with_year(options, year))


def _with_year(options: ParseOptions | None, year: int | None) -> ParseOptions:
    """``options`` (default ones if None), with ``year`` when one is given."""
    opts = options or ParseOptions()
    return replace(opts, year=year) if year is not None else opts
