"""PDF with a text layer reads like the text it was made from; a scan without one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.errors import FormatError
from planparse.readers import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-plan.txt"


def _shape(doc):
    return [(p.title, p.type, [(s.heading.text if s.heading else None, s.kind) for s in p.sections],
             sorted((a.when.start, a.when.end) for a in p.activities)) for p in doc.plans]


def test_pdf_parses_like_its_text():
    src = read_file(FIXTURES / "sample-plan.pdf")
    assert src.format == "pdf" and src.encoding is None
    assert _shape(planparse.parse_file(FIXTURES / "sample-plan.pdf")) == _shape(planparse.parse_file(SAMPLE))


def test_pdf_without_text_layer_is_a_clear_error():
    with pytest.raises(FormatError, match="no text layer") as info:
        read_file(FIXTURES / "scanned.pdf")
    assert "scanned.pdf" in str(info.value)
