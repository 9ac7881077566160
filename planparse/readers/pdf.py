"""PDF with a text layer (pypdf); a scan without one is refused."""

from __future__ import annotations

import io

from planparse.errors import FormatError
from planparse.model import Source
from planparse.readers.text import lines_text


def read_pdf(data: bytes, path: str) -> Source:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise FormatError("reading .pdf needs pypdf: pip install pypdf", path) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise FormatError("encrypted PDF; remove the password first", path)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise FormatError(f"corrupt PDF: {exc}", path) from None
    if not text.strip():
        raise FormatError("PDF has no text layer (a scan?); run OCR first", path)
    return Source(text=lines_text(text), path=path, format="pdf", encoding=None)


