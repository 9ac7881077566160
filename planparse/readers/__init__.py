"""Readers: bytes of any supported format in, a :class:`Source` (plain text) out.

The reader is chosen by content, not by the file name: a ``.doc`` that is really
RTF, HTML or a ``.docx`` is read as what it is. Every failure is an :class:`InputError`
naming the file.

>>> read_bytes("一、指导思想\\r\\n以……为指导".encode("gb18030"), "plan.txt").encoding
'gb18030'
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

from planparse.errors import FormatError, InputError
from planparse.model import Source

MAX_BYTES = 64 * 1024 * 1024
MAX_CHARS = 4_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_file(path: str | Path, max_chars: int = MAX_CHARS) -> Source:
    """Read a plan document from disk, whatever its format and encoding.

    Raises :class:`InputError` (with the path) for a directory, a missing file, a
    binary or corrupt file, or text too large to be one plan document.
    """
    return read_bytes(file_bytes(path), str(path), max_chars=max_chars)


def file_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or an :class:`InputError` saying why they cannot be had."""
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise InputError("is a directory; give a file (use `planparse batch` for folders)", name)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large ({size / 1e6:.1f} MB; limit {MAX_BYTES // 2**20} MB)", name)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None


def read_bytes(data: bytes, path: str = "<bytes>", max_chars: int = MAX_CHARS) -> Source:
    """Turn the bytes of a document into a :class:`Source`; see :func:`read_file`."""
    kind = sniff(data, path)
    module, name = READERS[kind]
    reader = getattr(import_module(f"planparse.readers.{module}"), name)
    try:
        src = reader(data, path)
    except InputError:
        raise
    except Exception as exc:  # a corrupt container must not escape as a traceback
        raise FormatError(f"cannot read as {kind}: {type(exc).__name__}: {exc}", path) from None
    if len(src.text) > max_chars:
        raise InputError(
            f"text too large for one plan ({len(src.text):,} characters; limit {max_chars:,}); "
            "split the file into its plans", path)
    return src


def sniff(data: bytes, path: str) -> str:
    """Name the reader for these bytes by looking at them (the extension only breaks ties)."""
    head = data[:2048]
    if not data.strip():
        raise InputError("empty file", path)
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    low = stripped[:512].lower()
    legacy = path.lower().endswith((".doc", ".wps"))
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        path.lower().endswith((".html", ".htm", ".xhtml")) and b"<" in low) or (
        legacy and re.search(rb"<html[\s>]|<!doctype html", head, re.I)):
        return "html"
    if path.lower().endswith(".wps"):
        raise FormatError("unsupported .wps variant (neither WPS Office's Word layout nor RTF, HTML or "
                          ".docx: an old Kingsoft WPS or Microsoft Works file?); save it as .docx", path)
    return "txt"


# the reader of each kind: (module in planparse.readers, function), imported when first needed
READERS = {
    "txt": ("text", "read_txt"),
    "docx": ("docx", "read_docx"),
    "html": ("html", "read_html"),
    "pdf": ("pdf", "read_pdf"),
    "ole": ("word97", "read_ole"),
    "rtf": ("rtf", "read_rtf"),
}
