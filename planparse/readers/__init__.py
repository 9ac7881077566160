"""Readers: bytes of any supported format in, a :class:`Source` (plain text) out.

The reader is chosen by content, not by the file name: a ``.doc`` that is really
RTF, HTML or a ``.docx`` is read as what it is. Every failure is an :class:`InputError`
naming the file.

>>> read_bytes("一、指导思想\\r\\n以……为指导".encode("gb18030"), "plan.txt").encoding
'gb18030'
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from importlib import import_module
from pathlib import Path, PurePath

from planparse.errors import FormatError, InputError
from planparse.model import Source, Warning_

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
    """The bytes of a regular file, or an :class:`InputError` saying why they cannot be had.

    A named pipe, socket or device is refused without being read (reading one may never end).
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except IsADirectoryError:
        raise InputError("is a directory; give a file (use `planparse batch` for folders)", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        os.close(fd)
        raise InputError("is a directory; give a file (use `planparse batch` for folders)", name)
    with os.fdopen(fd, "rb") as f:
        try:
            if not stat.S_ISREG(st.st_mode):
                raise InputError("not a regular file (a pipe, socket or device); give a file, "
                                 "or - for standard input", name)
            if st.st_size > MAX_BYTES:
                raise InputError(f"file too large ({st.st_size / 1e6:.1f} MB; limit {MAX_BYTES // 2**20} MB)", name)
            data = f.read(MAX_BYTES + 1)
        except IsADirectoryError:
            raise InputError("is a directory; give a file (use `planparse batch` for folders)", name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > MAX_BYTES:  # it grew while being read
        raise InputError(f"file too large (over {MAX_BYTES // 2**20} MB)", name)
    return data


def read_bytes(data: bytes, path: str = "<bytes>", max_chars: int = MAX_CHARS) -> Source:
    """Turn the bytes of a document into a :class:`Source`; see :func:`read_file`."""
    kind = sniff(data, path)
    module, name = READERS[kind]
    reader = getattr(import_module(f"planparse.readers.{module}"), name)
    try:
        src = reader(data, path, max_chars=max_chars) if kind == "pdf" else reader(data, path)
    except InputError:
        raise
    except RecursionError:
        raise FormatError(f"cannot read as {kind}: nested too deeply", path) from None
    except Exception as exc:  # a corrupt container must not escape as a traceback
        raise FormatError(f"cannot read as {kind}: {type(exc).__name__}: {exc}", path) from None
    if len(src.text) > max_chars:
        raise InputError(
            f"text too large for one plan ({len(src.text):,} characters; limit {max_chars:,}); "
            "split the file into its plans", path)
    named = misnamed(path, kind)
    return replace(src, warnings=(named, *src.warnings)) if named else src


# what a file's extension promises, and what each reader reads, for the warning on a mismatch
_PROMISED = {".docx": "docx", ".pdf": "pdf", ".doc": "ole", ".wps": "ole", ".rtf": "rtf",
             ".html": "html", ".htm": "html", ".xhtml": "html"}
_HOLDS = {"txt": "plain text", "docx": "a Word .docx", "pdf": "a PDF", "ole": "a Word 97-2003 document",
          "rtf": "RTF", "html": "HTML"}


def misnamed(path: str, kind: str) -> Warning_ | None:
    """A warning when the file's name promises another format than its content holds.

    >>> misnamed("plan.docx", "txt").message
    'named .docx but holds plain text (read as that)'
    >>> misnamed("plan.docx", "docx") is None
    True
    """
    ext = PurePath(path).suffix.lower()
    promised = _PROMISED.get(ext)
    if promised is None or promised == kind:
        return None
    return Warning_(None, f"named {ext} but holds {_HOLDS[kind]} (read as that)")


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
