r"""A small RTF reader: the document text, paragraph by paragraph.

Handles what Chinese RTF files of the GBK era use:

- 8-bit text, as ``\'xx`` escapes or raw bytes, in the current font's charset
  (``\fcharset134`` GBK, ``136`` Big5, … from the font table) or else the document's code
  page (``\ansicpg936`` GBK, ``\ansicpg950`` Big5); a double-byte character may mix an
  escaped lead byte with a literal trail byte (``\'b9@``).
- ``\uN`` escapes (negative N and surrogate pairs too) with their ``\ucN`` fallback skipped.
- Tables flattened as the .docx reader does: cells joined by " | ", a row per line
  (``\cell``, ``\row``; a paragraph inside a cell, ``\par`` after ``\intbl``, joins its
  cell with a space; nested cells join their outer cell).
- No hidden text (``\v``) or deleted revisions (``\deleted``); of a field, only its result.
- Destinations that hold no body text (font and style tables, pictures, objects, field
  instructions, headers, footnotes, ``{\*…}`` groups) are skipped, and so is ``\binN`` data.

>>> rtf_to_text(rb"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \'d2\'bb\'a1\'a2\par x}")
'一、\nx'
>>> rtf_to_text(rb"{\rtf1 \trowd\intbl \u21608?\u27425?\cell 9\u26376?\cell\row}")
'周次 | 9月'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planparse.errors import FormatError
from planparse.model import Source
from planparse.readers.marks import CELL, CELL_PARA, PARA, ROW, flatten
from planparse.readers.text import lines_text
from planparse.regexes import regex

_TOKEN = regex(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"   # control word, its argument, its delimiting space
    rb"|\\'([0-9a-fA-F]{2})"                # a byte in hex
    rb"|\\(.)"                              # control symbol
    rb"|([{}])"                             # group
    rb"|([^\\{}\r\n]+)"                     # text
    rb"|[\r\n]+|\\$",                       # line ends in the file (not text), a stray backslash
    re.S)

_SKIP = frozenset(b"""fonttbl colortbl stylesheet info pict object fldinst header footer headerl
    headerr headerf footerl footerr footerf footnote annotation atnid atnauthor listtable
    listoverridetable themedata colorschememapping datastore latentstyles rsidtbl generator
    xmlnstbl mmathPr filetbl revtbl pgdsctbl bkmkstart bkmkend shprslt nonshppict xe tc tcn
    upr userprops docvar template private txe comment""".split())
_CHARSET_CODEPAGE = {128: "cp932", 129: "cp949", 134: "gbk", 136: "big5", 161: "cp1253",
                     162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
                     204: "cp1251", 222: "cp874", 238: "cp1250", 77: "mac_roman"}
_CODEPAGE = {936: "gbk", 950: "big5", 10000: "mac_roman"}
_SYMBOLS = {b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022", b"lquote": "\u2018",
            b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"emspace": "\u2003",
            b"enspace": "\u2002", b"qmspace": "\u2005", b"tab": "\t", b"line": "\x0b",
            b"page": "\x0c", b"sect": PARA, b"cell": CELL, b"row": ROW, b"nestcell": CELL_PARA,
            b"nestrow": CELL_PARA}
_CONTROL_SYMBOLS = {b"\\": "\\", b"{": "{", b"}": "}", b"~": "\u00a0", b"_": "\u2011",
                    b"\n": PARA, b"\r": PARA}
_NOT_TEXT = str.maketrans({chr(c): None for c in range(32) if chr(c) != "\t"})


@dataclass(frozen=True, slots=True)
class _Group:
    """What a group inherits and a closing brace restores."""

    skip: bool = False       # inside a destination that holds no body text
    uc: int = 1              # fallback bytes after \uN
    font: int | None = None
    hidden: bool = False


def rtf_to_text(data: bytes) -> str:
    """Extract the text of an RTF document (see the module docstring)."""
    out: list[str] = []
    pending = bytearray()              # 8-bit text waiting to be decoded together
    codepage = "cp1252"
    font_codepage: dict[int, str | None] = {}
    default_font: int | None = None
    stack: list[_Group] = []
    g = _Group()
    skip_bytes = 0                     # \uN fallback still to skip
    in_table = False
    table_font: int | None = None      # the font being declared in the font table

    def flush() -> None:
        if pending:
            font = g.font if g.font is not None else default_font
            declared = font_codepage.get(font) if font is not None else None
            out.append(_decode(bytes(pending), declared, codepage).translate(_NOT_TEXT))
            pending.clear()

    def emit(text: str) -> None:
        flush()
        if not g.hidden or text in (CELL, ROW):
            out.append(text)

    pos, end = 0, len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        if m is None:                  # cannot happen: every byte matches some branch
            pos += 1
            continue
        pos = m.end()
        word, arg, hexbyte, sym, brace, text = m.groups()
        if skip_bytes and (hexbyte or text or sym or word):
            if text and len(text) > skip_bytes:
                text, skip_bytes = text[skip_bytes:], 0
            else:
                skip_bytes = max(0, skip_bytes - (len(text) if text else 1))
                continue
        if brace is not None:
            flush()
            skip_bytes = 0
            if brace == b"{":
                stack.append(g)
            elif stack:
                g = stack.pop()
            continue
        if word is not None:
            n = int(arg) if arg is not None else None
            if word == b"bin":
                pos += max(n or 0, 0)
            elif word == b"fonttbl":
                g = replace(g, skip=True)
                table_font = None
            elif g.skip:
                if word == b"f" and n is not None:
                    table_font = n
                elif word == b"fcharset" and n is not None and table_font is not None:
                    font_codepage[table_font] = _CHARSET_CODEPAGE.get(n)
            elif word in _SKIP:
                flush()
                g = replace(g, skip=True)
            elif word in _SYMBOLS:
                emit(_SYMBOLS[word])
            elif word == b"par":
                emit(CELL_PARA if in_table else PARA)
            elif word == b"u" and n is not None:
                if -32768 <= n < 65536:
                    emit(chr(n % 65536))
                skip_bytes = g.uc
            elif word == b"uc" and n is not None:
                g = replace(g, uc=max(n, 0))
            elif word == b"f" and n is not None:
                flush()
                g = replace(g, font=n)
            elif word in (b"v", b"deleted"):
                flush()
                g = replace(g, hidden=n != 0)
            elif word == b"plain":
                flush()
                g = replace(g, font=default_font, hidden=False)
            elif word == b"intbl":
                in_table = True
            elif word == b"pard":
                in_table = False
            elif word == b"deff" and n is not None:
                default_font = n
            elif word == b"ansicpg" and n is not None:
                flush()
                codepage = _known(_CODEPAGE.get(n, f"cp{n}")) or codepage
            elif word in (b"mac", b"pc", b"pca"):
                codepage = {b"mac": "mac_roman", b"pc": "cp437", b"pca": "cp850"}[word]
            continue
        if sym is not None:
            if sym == b"*":
                g = replace(g, skip=True)
            elif not g.skip and sym in _CONTROL_SYMBOLS:
                if sym in (b"\\", b"{", b"}"):
                    pending.extend(sym)        # may be the trail byte of a double-byte character
                else:
                    emit(_CONTROL_SYMBOLS[sym])
            continue
        if g.skip or g.hidden:
            continue
        if hexbyte is not None:
            pending.append(int(hexbyte, 16))
        elif text:
            pending.extend(text)
    flush()
    joined = "".join(out)
    if any("\ud800" <= ch <= "\udfff" for ch in joined):
        joined = joined.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return flatten(joined).strip("\n")


def _known(codepage: str) -> str | None:
    try:
        b"".decode(codepage)
    except LookupError:
        return None
    return codepage


def _decode(raw: bytes, font_codepage: str | None, codepage: str) -> str:
    """8-bit text in the font's code page, else the document's, else Windows-1252."""
    candidates = [cp for cp in (font_codepage, codepage, "cp1252") if cp]
    for cp in candidates:
        try:
            return raw.decode(cp)
        except UnicodeDecodeError:
            continue
    return raw.decode(candidates[0], errors="replace")


def read_rtf(data: bytes, path: str) -> Source:
    """An RTF document's text (paragraphs and table rows a line each)."""
    text = rtf_to_text(data)
    if not text.strip():
        raise FormatError("RTF document holds no text", path)
    return Source(text=lines_text(text), path=path, format="rtf", encoding=None)
