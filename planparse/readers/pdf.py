"""PDF with a text layer (pypdf); a scan without one is refused.

Pages are read in order, each page's lines kept as its own, so a running header or footer
repeats as a line on every page; the first and last non-blank line of each page carry the
hints "page-top" and "page-bottom" (see :class:`planparse.model.Source`). Reading stops with
a clear error past :data:`MAX_PAGES` pages or the character limit, before the rest of the
file is read. What pypdf itself warns about (a broken cross-reference table …) goes into
the document's warnings instead of standard error.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from planparse.errors import FormatError, InputError
from planparse.model import Source, Warning_
from planparse.readers.text import lines_text

MAX_PAGES = 2000     # a plan, or a compilation of plans, is far shorter
MAX_CHARS = 4_000_000
MAX_NOTES = 5        # pypdf warnings kept one by one; the rest are counted


def read_pdf(data: bytes, path: str, max_chars: int = MAX_CHARS) -> Source:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise FormatError("reading .pdf needs pypdf: pip install pypdf", path) from None
    lines: list[str] = []
    hints: list[str] = []
    with _pypdf_notes() as notes:
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise FormatError("encrypted PDF; remove the password first", path)
            declared = _declared_pages(reader)
            if declared is not None and declared > MAX_PAGES:
                raise InputError(f"PDF of {declared:,} pages (limit {MAX_PAGES:,}); split it into its plans", path)
            chars = 0
            for number, page in enumerate(reader.pages, 1):
                if number > MAX_PAGES:
                    raise InputError(f"PDF of more than {MAX_PAGES:,} pages; split it into its plans", path)
                page_lines = lines_text(page.extract_text() or "").split("\n")
                chars += sum(len(ln) + 1 for ln in page_lines)
                if chars > max_chars:
                    raise InputError(f"text too large for one plan (over {max_chars:,} characters by page "
                                     f"{number:,}); split the file into its plans", path)
                lines.extend(page_lines)
                hints.extend(page_hints(page_lines))
        except PdfReadError as exc:
            raise FormatError(f"corrupt PDF: {exc}", path) from None
    text = "\n".join(lines)
    if not text.strip():
        raise FormatError("PDF has no text layer (a scan?); run OCR first", path)
    return Source(text=text, path=path, format="pdf", encoding=None, hints=tuple(hints),
                  warnings=_warnings(notes))


def page_hints(lines: list[str]) -> list[str]:
    """"page-top" for a page's first non-blank line, "page-bottom" for its last, "" elsewhere.

    >>> page_hints(["", "工会工作计划", "一、指导思想", "- 1 -", ""])
    ['', 'page-top', '', 'page-bottom', '']
    """
    out = [""] * len(lines)
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if filled:
        out[filled[0]] = "page-top"
        out[filled[-1]] = "page-bottom"  # a page of one line: its foot (a page number, a last line)
    return out


def _declared_pages(reader) -> int | None:
    """The page count the document's page tree states (read without walking the tree)."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count)
    except Exception:  # a damaged catalog: the walk will tell
        return None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


@contextmanager
def _pypdf_notes() -> Iterator[list[str]]:
    """Collect pypdf's log warnings and Python warnings while reading, instead of printing them."""
    log = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = log.propagate
    log.addHandler(handler)
    log.propagate = False
    notes: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield notes
    finally:
        log.removeHandler(handler)
        log.propagate = propagate
        notes.extend(handler.messages)
        notes.extend(str(w.message) for w in caught)


def _warnings(notes: list[str]) -> tuple[Warning_, ...]:
    unique = list(dict.fromkeys(" ".join(n.split()) for n in notes if n.strip()))
    out = [Warning_(None, f"PDF: {n}") for n in unique[:MAX_NOTES]]
    if len(unique) > MAX_NOTES:
        out.append(Warning_(None, f"PDF: {len(unique) - MAX_NOTES} more warnings from the PDF reader"))
    return tuple(out)
