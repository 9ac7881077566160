"""The parse pipeline: named stages over one :class:`Document`, in order.

Each stage takes the document as the stages before it left it and returns it with its own
part filled in; only this module knows their order. ``STAGES`` lists them, so that
``planparse parse --trace`` can time each one and a test can stop after any of them.

>>> [name for name, _ in STAGES]
['lines', 'roles', 'join', 'plans', 'sections', 'kinds', 'activities']
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from planparse.activities import extract_activities
from planparse.kinds import classify
from planparse.model import Document, ParseOptions, Source
from planparse.normalize import join_broken, source_lines
from planparse.plans import split_plans
from planparse.readers import read_file
from planparse.roles import assign_roles
from planparse.sections import build_sections

Stage = Callable[[Document, ParseOptions], Document]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("lines", source_lines),          # every source line, recognised once
    ("roles", assign_roles),          # page chrome out
    ("join", join_broken),            # broken sentences rejoined
    ("plans", split_plans),           # plans, their titles, years and terms
    ("sections", build_sections),     # each plan's section tree
    ("kinds", classify),              # section kinds and plan types
    ("activities", extract_activities),  # dated activities, recurrences, date marks
)


def parse_source(src: Source, options: ParseOptions = ParseOptions(), *, until: str | None = None,
                 trace: Callable[[str, float], None] | None = None) -> Document:
    """Run the stages on a :class:`Source`; ``until`` stops after the stage of that name,
    ``trace`` is told each stage's name and its time in seconds."""
    doc = Document(src, warnings=src.warnings)
    for name, stage in STAGES:
        start = time.perf_counter()
        doc = stage(doc, options)
        if trace is not None:
            trace(name, time.perf_counter() - start)
        if name == until:
            break
    return doc


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
