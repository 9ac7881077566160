"""Readers: bytes of any supported format in, a :class:`Source` (plain text) out.

The reader is chosen by content, not by the file name: a ``.doc`` that is really
RTF, HTML or a ``.docx`` is read as what it is. Every failure is an :class:`InputError`
naming the file.

>>> read_bytes("一、指导思想\\r\\n以……为指导".encode("gb18030"), "plan.txt").encoding
'gb18030'
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from xml.etree import ElementTree

from planparse.errors import EncodingError, FormatError, InputError
from planparse.headings import chinese_number
from planparse.model import Source

MAX_BYTES = 64 * 1024 * 1024
MAX_CHARS = 4_000_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
    reader = READERS[kind]
    try:
        src = reader(data, path)
    except InputError:
        raise
    except Exception as exc:  # a corrupt container must not escape as a traceback
        raise FormatError(f"cannot read as {kind}: {type(exc).__name__}: {exc}", path) from None
    if len(src.text) > max_chars:
        raise InputError(
            f"text too large for one plan ({len(src.text):,} characters; limit {max_chars:,}); "
            "split the file or raise the limit with --max-chars", path)
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


# ---------------------------------------------------------------- plain text


@cache
def _common_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Frequent simplified and traditional characters, to tell GB18030 from Big5."""
    text = files("planparse.data").joinpath("common_chars.txt").read_text("utf-8")
    rows = [ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln and not ln.startswith("#")]
    return frozenset(rows[0]), frozenset(rows[1])


def decode_text(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode text bytes; return ``(text, encoding)``.

    BOMs first, then strict UTF-8, then GB18030 against Big5 by which gives
    more frequent Chinese characters.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:4096]:
        raise EncodingError("binary file, not text (it holds NUL bytes)", path)
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        candidates = []
        for enc in ("gb18030", "big5"):
            try:
                candidates.append((data.decode(enc), enc))
            except UnicodeDecodeError:
                continue
        if not candidates:
            raise EncodingError(
                "not text in UTF-8, GB18030 or Big5 (binary file?)", path) from None
        simp, trad = _common_chars()
        text, enc = max(candidates, key=lambda c: _score(c[0], simp if c[1] == "gb18030" else trad))
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:20000]) // 50):
        raise EncodingError("binary file, not text (too many control characters)", path)
    return text, enc


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"invalid {enc} at byte {exc.start}", path) from None


def _score(text: str, common: frozenset[str]) -> float:
    sample = text[:20000]
    return sum(ch in common for ch in sample) - 5 * sample.count("\ufffd")


def _read_txt(data: bytes, path: str) -> Source:
    text, enc = decode_text(data, path)
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    return Source(text=_lines_text(text), path=path, format=fmt, encoding=enc)


def _lines_text(text: str) -> str:
    """Unify line endings to LF (line numbers are counted on LF only)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- docx

_NUM_FORMATS = {
    "decimal": lambda n: str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _read_docx(data: bytes, path: str) -> Source:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FormatError("corrupt zip container (truncated .docx?)", path) from None
    names = set(zf.namelist())
    if "word/document.xml" not in names:
        raise FormatError("a zip file but not a Word .docx (no word/document.xml)", path)
    numbering = _docx_numbering(zf.read("word/numbering.xml")) if "word/numbering.xml" in names else {}
    styles = _docx_style_numbering(zf.read("word/styles.xml")) if "word/styles.xml" in names else {}
    root = ElementTree.fromstring(zf.read("word/document.xml"))
    body = root.find(f"{W}body")
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for el in (body if body is not None else []):
        if el.tag == f"{W}p":
            lines.append(_docx_numbered(el, numbering, styles, counters) + _docx_text(el))
        elif el.tag == f"{W}tbl":
            for tr in el.iter(f"{W}tr"):
                cells = [" ".join(_docx_text(p) for p in tc.iter(f"{W}p")).strip()
                         for tc in tr.findall(f"{W}tc")]
                lines.append(" | ".join(cells))
    return Source(text="\n".join(lines), path=path, format="docx", encoding=None)


def _docx_text(p: ElementTree.Element) -> str:
    out = []
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
        elif node.tag == f"{W}delText":
            continue
    return "".join(out)


def _docx_numbering(xml: bytes) -> dict[str, dict[int, tuple[str, str, int]]]:
    """numId → level → (numFmt, lvlText, start) from numbering.xml."""
    root = ElementTree.fromstring(xml)
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for an in root.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in an.findall(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            txt = lvl.find(f"{W}lvlText")
            start = lvl.find(f"{W}start")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                txt.get(f"{W}val", "") if txt is not None else "",
                int(start.get(f"{W}val", "1")) if start is not None else 1,
            )
        abstract[an.get(f"{W}abstractNumId", "")] = levels
    nums = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            nums[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})
    return nums


def _num_pr(el: ElementTree.Element | None) -> tuple[str, int] | None:
    if el is None:
        return None
    num_id_el, ilvl_el = el.find(f"{W}numId"), el.find(f"{W}ilvl")
    if num_id_el is None:
        return None
    return num_id_el.get(f"{W}val", ""), int(ilvl_el.get(f"{W}val", "0")) if ilvl_el is not None else 0


_STYLE_BLOCK = re.compile(rb"<w:style\b(?:(?!</w:style>).)*?<w:numPr\b.*?</w:style>", re.S)


def _docx_style_numbering(xml: bytes) -> dict[str, tuple[str, int]]:
    """styleId → (numId, ilvl) for paragraph styles that carry list numbering.

    Only the few style blocks that hold a numPr are parsed: styles.xml is mostly other
    styles, and parsing all of it was most of the time spent reading a .docx.
    """
    out = {}
    ns = re.search(rb'xmlns:w="[^"]+"', xml)
    if ns is None:
        return out
    for block in _STYLE_BLOCK.findall(xml):
        st = ElementTree.fromstring(b"<r " + ns.group(0) + b">" + block + b"</r>").find(f"{W}style")
        found = _num_pr(st.find(f"{W}pPr/{W}numPr")) if st is not None else None
        if found and st is not None:
            out[st.get(f"{W}styleId", "")] = found
    return out


def _docx_numbered(p: ElementTree.Element, numbering: dict, styles: dict, counters: dict) -> str:
    """Render Word list numbering ("一、", "（1）") the way the reader sees it."""
    found = _num_pr(p.find(f"{W}pPr/{W}numPr"))
    if found is None:
        style = p.find(f"{W}pPr/{W}pStyle")
        found = styles.get(style.get(f"{W}val", "")) if style is not None else None
    if found is None or not numbering:
        return ""
    num_id, ilvl = found
    levels = numbering.get(num_id)
    if not levels or ilvl not in levels:
        return ""
    fmt, text, start = levels[ilvl]
    counters[(num_id, ilvl)] = counters.get((num_id, ilvl), start - 1) + 1
    for key in [k for k in counters if k[0] == num_id and k[1] > ilvl]:
        del counters[key]

    def render(m: re.Match) -> str:
        level = int(m.group(1)) - 1
        value = counters.get((num_id, level), levels.get(level, ("", "", 1))[2])
        lf = levels.get(level, ("decimal", "", 1))[0]
        if lf.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting", "japaneseCounting")):
            return chinese_number(value)
        if lf == "bullet":
            return ""
        return _NUM_FORMATS.get(lf, str)(value)

    if fmt == "bullet":
        return ""
    return re.sub(r"%(\d)", render, text)


# ---------------------------------------------------------------- html

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "title", "dd", "dt", "hr"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False
        self.cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.parts and not self.parts[-1].endswith("\n") else "")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _read_html(data: bytes, path: str) -> Source:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    enc = None
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            text = data.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(enc, enc))
        except (LookupError, UnicodeDecodeError):
            enc = None
    if enc is None:
        text, enc = decode_text(data, path)
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    raw = "".join(parser.parts)
    lines = [ln.strip() for ln in raw.split("\n")]
    # collapse runs of blank lines produced by nested block tags
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    title = "".join(parser.title).strip() or None
    return Source(text="\n".join(out).strip("\n"), path=path, format="html", encoding=enc, title=title)


# ---------------------------------------------------------------- pdf, legacy


def _read_pdf(data: bytes, path: str) -> Source:
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
    return Source(text=_lines_text(text), path=path, format="pdf", encoding=None)


def _read_ole(data: bytes, path: str) -> Source:
    """A Word 97–2003 .doc, or a WPS Office .wps in Word's layout (see :mod:`planparse.doc`)."""
    from planparse.doc import read_doc

    return read_doc(data, path, "wps" if path.lower().endswith(".wps") else "doc")


def _read_rtf(data: bytes, path: str) -> Source:
    from planparse.rtf import rtf_to_text

    text = rtf_to_text(data)
    if not text.strip():
        raise FormatError("RTF document holds no text", path)
    return Source(text=_lines_text(text), path=path, format="rtf", encoding=None)


READERS = {
    "txt": _read_txt,
    "docx": _read_docx,
    "html": _read_html,
    "pdf": _read_pdf,
    "ole": _read_ole,
    "rtf": _read_rtf,
}
