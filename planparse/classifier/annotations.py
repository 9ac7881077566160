"""Annotations of the corpus shipped in ``planparse/corpus``: loading and validation.

Every document ``docs/<id>.<ext>`` has an annotation ``annotations/<id>.yaml`` written
by reading it (format: ``corpus/README.md``). :func:`check_corpus` verifies that each
annotation matches its document: headings stand on their lines, line ranges are
inside the file and nested, dates are valid, boilerplate text is where it is said to be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from planparse.cues import is_bare_separator
from planparse.errors import ModelError
from planparse.headings import strip_marker
from planparse.model import PLAN_TYPES, SECTION_KINDS
from planparse.readers import read_file
from planparse.regexes import regex
from planparse.resources import to_simplified

PRECISIONS = {"day", "range", "xun", "month", "season", "term", "half_year", "year", "festival", "week"}
PERIODS = {"day", "week", "month", "quarter", "term", "year"}


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    id: str
    path: Path
    annotation: dict[str, Any]

    @property
    def split(self) -> str:
        return self.annotation.get("split", "train")


def corpus_root(root: str | Path | None = None) -> Path:
    """The corpus folder: ``root`` when given, else the one inside the installed package."""
    return Path(root) if root is not None else Path(str(files("planparse.corpus")))


@cache
def _load(root: Path) -> tuple[CorpusDoc, ...]:
    ann_dir = root / "annotations"
    if not ann_dir.is_dir():
        raise ModelError("no annotations/ folder", str(root))
    docs = []
    for ann in sorted(ann_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(ann.read_text("utf-8"))
        except yaml.YAMLError as exc:
            raise ModelError(f"invalid YAML: {exc}", str(ann)) from None
        if not isinstance(data, dict) or "document" not in data:
            raise ModelError("not an annotation (no `document:` field)", str(ann))
        docs.append(CorpusDoc(ann.stem, root / "docs" / data["document"], data))
    return tuple(docs)


def load_corpus(root: str | Path | None = None, split: str | None = None) -> list[CorpusDoc]:
    """Every annotated document, optionally only one split ("train" or "test")."""
    docs = _load(corpus_root(root).resolve())
    return [d for d in docs if split is None or d.split == split]


def walk_sections(sections: list[dict], depth: int = 0) -> Iterator[tuple[dict, int]]:
    for s in sections or []:
        yield s, depth
        yield from walk_sections(s.get("sections") or [], depth + 1)


def check_corpus(root: str | Path | None = None) -> list[str]:
    """Problems of every annotation, each as ``path:line: message`` (empty when all is well)."""
    problems: list[str] = []
    for doc in load_corpus(root):
        problems.extend(check_document(doc))
    return problems


def check_document(doc: CorpusDoc) -> list[str]:
    ann, where = doc.annotation, f"annotations/{doc.id}.yaml"
    out: list[str] = []

    def bad(msg: str, line: int | None = None) -> None:
        out.append(f"{where}: {msg}" + (f" (document line {line})" if line else ""))

    if not doc.path.exists():
        return [f"{where}: document {doc.path.name} not found in docs/"]
    if ann.get("split") not in ("train", "test"):
        bad(f"split must be train or test, not {ann.get('split')!r}")
    src = read_file(doc.path)
    if ann.get("encoding") and src.encoding and ann["encoding"] != src.encoding:
        bad(f"encoding says {ann['encoding']}, the reader detects {src.encoding}")
    lines = src.text.split("\n")
    n = len(lines)

    def text_at(line: Any) -> str:
        return strip_marker(lines[line - 1].strip()) if isinstance(line, int) and 1 <= line <= n else ""

    def check_range(rng: Any, what: str, inside: tuple[int, int] | None = None) -> tuple[int, int] | None:
        if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, int) for x in rng)):
            bad(f"{what}: lines must be [first, last], not {rng!r}")
            return None
        a, b = rng
        if not 1 <= a <= b <= n:
            bad(f"{what}: lines {rng} outside the document (1..{n})")
        elif inside and not inside[0] <= a <= b <= inside[1]:
            bad(f"{what}: lines {rng} outside its parent {list(inside)}")
        return a, b

    for i, plan in enumerate(ann.get("plans") or [], 1):
        pw = f"plan {i}"
        if plan.get("type") not in PLAN_TYPES:
            bad(f"{pw}: unknown type {plan.get('type')!r}")
        prange = check_range(plan.get("lines"), pw)
        if plan.get("title") and prange and not _title_at(plan["title"], prange[0], text_at):
            bad(f"{pw}: title {plan['title']!r} is not on its first line", prange[0])
        _check_sections(plan.get("sections") or [], pw, prange, text_at, check_range, bad, top=True)
        for a in plan.get("activities") or []:
            _check_when(a, pw, text_at, bad, recurring=False)
        for r in plan.get("recurring") or []:
            _check_when(r, pw, text_at, bad, recurring=True)
    for b in ann.get("boilerplate") or []:
        if set(b) != {"line", "text"} or not isinstance(b["text"], str):
            bad(f"boilerplate entry {b!r} must hold a line and a text, nothing else (quote a text with a comma "
                "in {line: …, text: …})", b.get("line"))
        elif strip_marker(b["text"]) not in text_at(b.get("line")):
            bad(f"boilerplate {b.get('text')!r} is not on its line", b.get("line"))
    return out


def _title_at(title: str, line: int, text_at: Callable[[Any], str]) -> bool:
    """The title stands on the plan's first line, or on it and the next line of text (a
    title set in two lines: "……居民委员会2023年度" / "工作计划"), or on the next line of text
    under a separator that names no plan ("方案三:" over the plan's own title)."""
    if title in text_at(line):
        return True
    nxt = next((text_at(k) for k in range(line + 1, line + 4) if text_at(k)), "")
    return title == text_at(line) + nxt or is_bare_separator(to_simplified(text_at(line).strip())) and title in nxt


def _check_sections(sections, where, parent, text_at, check_range, bad, top) -> None:
    prev_last = 0
    for j, sec in enumerate(sections, 1):
        sw = f"{where} › section {j}"
        if top and sec.get("kind") not in SECTION_KINDS:
            bad(f"{sw}: unknown kind {sec.get('kind')!r}")
        elif "kind" in sec and sec["kind"] not in SECTION_KINDS:
            bad(f"{sw}: unknown kind {sec.get('kind')!r}")
        rng = check_range(sec.get("lines"), sw, parent)
        if rng is None:
            continue
        if rng[0] <= prev_last:
            bad(f"{sw}: lines {list(rng)} overlap the section before")
        prev_last = rng[1]
        heading = sec.get("heading")
        if heading is not None and not _heading_on_line(heading, text_at(rng[0])):
            bad(f"{sw}: heading {heading!r} does not start line {rng[0]}", rng[0])
        _check_sections(sec.get("sections") or [], sw, rng, text_at, check_range, bad, top=False)


def _heading_on_line(heading: str, line: str) -> bool:
    squash = regex(r"\s+")
    line = re.sub(r"^#{1,6}\s*", "", line)
    return squash.sub("", line).startswith(squash.sub("", strip_marker(heading)))


def _check_when(item: dict, where: str, text_at, bad, recurring: bool) -> None:
    when = item.get("when") or {}
    line = item.get("line")
    if not when.get("text") or when["text"] not in text_at(line):
        bad(f"{where}: date {when.get('text')!r} is not on line {line}", line)
    if recurring:
        if when.get("every") not in PERIODS:
            bad(f"{where}: recurrence period {when.get('every')!r} unknown", line)
        return
    if when.get("precision") not in PRECISIONS:
        bad(f"{where}: precision {when.get('precision')!r} unknown", line)
    start, end = when.get("start"), when.get("end")
    for v in (start, end):
        if v is not None and not isinstance(v, date):
            bad(f"{where}: {v!r} is not an ISO date", line)
    if isinstance(start, date) and isinstance(end, date) and end < start:
        bad(f"{where}: end {end} before start {start}", line)
