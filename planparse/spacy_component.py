"""planparse as a spaCy pipeline component.

After ``pip install planparse spacy`` the factory is found through the package's
``spacy_factories`` entry point, with no import of planparse::

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("plan_parser", config={"year": 2024})
    doc = nlp("一、指导思想\\n以科学发展观为指导。\\n二、主要工作\\n1、5月中旬举办职工运动会。")
    [(s.text, s.label_) for s in doc.spans["plan_sections"]]   # top-level sections, label = kind
    [(s.text, s.label_, s._.start, s._.end) for s in doc.spans["plan_dates"]]
    doc._.plan["plans"][0]["activities"]                        # the SPEC §1 mapping

The component calls :func:`planparse.parse` on ``doc.text`` and only maps its result onto
spans. ``segmenter`` ("jieba" or "char") sets the Chinese tokenizer of a ``spacy.blank("zh")``
pipeline; other languages keep their tokenizer. To read ``doc._.plan`` from a DocBin in a
fresh process, call :func:`install_extensions` (or create the component) first.
"""

from __future__ import annotations

import json
from typing import Any, Literal, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from planparse.model import When
from planparse.pipeline import parse
from planparse.views.positions import find_date_marks, split_lines

SECTIONS_KEY = "plan_sections"
DATES_KEY = "plan_dates"
Segmenter = Literal["jieba", "char"]
# doc.user_data key of the mapping, stored as JSON so that DocBin and n_process give back
# lists (msgpack would turn them into tuples, which yaml.safe_dump refuses)
_PLAN_KEY = ("planparse", "plan")


def install_extensions() -> None:
    """Register ``Doc._.plan`` and ``Span._.start``/``Span._.end`` once."""
    if not Doc.has_extension("plan"):
        Doc.set_extension("plan", getter=_get_plan, setter=_set_plan)
    for name in ("start", "end"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


@Language.factory("plan_parser", default_config={"year": None, "segmenter": "jieba"})
def make_plan_parser(nlp: Language, name: str, year: Optional[int], segmenter: Segmenter) -> PlanParser:
    """The ``plan_parser`` factory: ``year`` for undated plans, ``segmenter`` for Chinese tokens."""
    install_extensions()
    _set_segmenter(nlp, segmenter)
    return PlanParser(name, year)


class PlanParser:
    """Adds ``doc.spans["plan_sections"]``, ``doc.spans["plan_dates"]`` and ``doc._.plan``."""

    def __init__(self, name: str = "plan_parser", year: int | None = None) -> None:
        self.name = name
        self.year = year

    def __call__(self, doc: Doc) -> Doc:
        parsed = parse(doc.text, year=self.year)
        lines = split_lines(doc.text)
        sections = []
        for plan in parsed.plans:
            for section in plan.sections:
                span = _lines_span(doc, lines, section.first, section.last, section.kind)
                if span is not None:
                    sections.append(span)
        dates = []
        for mark in find_date_marks(parsed):
            if not isinstance(mark.when, When):
                continue
            start = lines[mark.line - 1][0] + mark.column
            span = doc.char_span(start, start + len(mark.text), label=mark.when.precision,
                                 alignment_mode="expand")
            if span is None:
                continue
            span._.start = mark.when.start.isoformat() if mark.when.start else None
            span._.end = mark.when.end.isoformat() if mark.when.end else None
            dates.append(span)
        doc.spans[SECTIONS_KEY] = sections
        doc.spans[DATES_KEY] = dates
        doc._.plan = parsed.to_dict()
        return doc


def _get_plan(doc: Doc) -> dict[str, Any] | None:
    data = doc.user_data.get(_PLAN_KEY)
    return None if data is None else json.loads(data)


def _set_plan(doc: Doc, value: dict[str, Any] | None) -> None:
    if value is None:
        doc.user_data.pop(_PLAN_KEY, None)
    else:
        doc.user_data[_PLAN_KEY] = json.dumps(value, ensure_ascii=False)


def _lines_span(doc: Doc, lines: tuple[tuple[int, str], ...], first: int, last: int,
                label: str) -> Span | None:
    """Source lines ``first``..``last`` as a span, without surrounding whitespace."""
    if not 1 <= first <= last <= len(lines):
        return None
    start = lines[first - 1][0]
    end = lines[last - 1][0] + len(lines[last - 1][1])
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _set_segmenter(nlp: Language, segmenter: Segmenter) -> None:
    """Give a Chinese pipeline the requested word segmenter (spaCy's own ChineseTokenizer)."""
    from spacy.lang.zh import ChineseTokenizer

    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, ChineseTokenizer) and tokenizer.segmenter != segmenter:
        nlp.tokenizer = ChineseTokenizer(nlp.vocab, segmenter=segmenter)
