r"""A small RTF reader: the document text, paragraph by paragraph.

Handles what Chinese RTF files of the GBK era use: ``\'xx`` bytes in the document's
code page (``\ansicpg936``) or the current font's charset (``\fcharset134``), ``\uN``
escapes with their ``\ucN`` fallback bytes skipped, and tables (cells joined by " | ",
a row per line). Destinations that hold no body text (font table, styles, pictures,
objects, fields' instructions, headers) are skipped.

>>> rtf_to_text(rb"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \'d2\'bb\'a1\'a2\par x}")
'一、\nx'
"""

from __future__ import annotations

import re

_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)

_SKIP_DESTINATIONS = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"fldinst", b"header",
    b"footer", b"headerl", b"headerr", b"footerl", b"footerr", b"listtable", b"listoverridetable",
    b"themedata", b"colorschememapping", b"datastore", b"latentstyles", b"rsidtbl", b"generator",
    b"xmlnstbl", b"mmathPr", b"filetbl", b"revtbl", b"pgdsctbl", b"bkmkstart", b"bkmkend",
}
_CHARSET_CODEPAGE = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gbk", 136: "big5", 161: "cp1253",
                     162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
                     238: "cp1250"}


def rtf_to_text(data: bytes) -> str:
    """Extract the text of an RTF document (see the module docstring)."""
    out: list[str] = []
    pending = bytearray()  # \'xx bytes waiting to be decoded together (multi-byte GBK)
    codepage = "cp1252"
    fonts: dict[int, str] = {}
    font_charset: dict[int, int] = {}
    # group state: (skip, uc, font)
    stack: list[tuple[bool, int, int | None]] = []
    skip, uc, font = False, 1, None
    skip_bytes = 0
    in_fonttbl_font: int | None = None
    fonttbl_depth: int | None = None

    def flush() -> None:
        if pending:
            enc = fonts.get(font, codepage) if font is not None else codepage
            out.append(pending.decode(enc, errors="replace"))
            pending.clear()

    for m in _TOKEN.finditer(data):
        word, arg, hexbyte, sym, brace, text = m.groups()
        if skip_bytes and (hexbyte or text or sym):
            if text and len(text) > skip_bytes:
                text = text[skip_bytes:]
                skip_bytes = 0
            else:
                skip_bytes -= 1 if (hexbyte or sym) else len(text or b"")
                skip_bytes = max(skip_bytes, 0)
                continue
        if brace == b"{":
            flush()
            stack.append((skip, uc, font))
            continue
        if brace == b"}":
            flush()
            if fonttbl_depth is not None and len(stack) == fonttbl_depth:
                fonttbl_depth = None
            if stack:
                skip, uc, font = stack.pop()
            continue
        if word is not None:
            name = word
            if name == b"fonttbl":
                fonttbl_depth = len(stack)
                skip = True
                continue
            if fonttbl_depth is not None:
                if name == b"f" and arg is not None:
                    in_fonttbl_font = int(arg)
                elif name == b"fcharset" and arg is not None and in_fonttbl_font is not None:
                    font_charset[in_fonttbl_font] = int(arg)
                    cp = _CHARSET_CODEPAGE.get(int(arg))
                    if cp:
                        fonts[in_fonttbl_font] = cp
                continue
            if skip:
                continue
            if name in _SKIP_DESTINATIONS:
                skip = True
            elif name == b"ansicpg" and arg is not None:
                cp = f"cp{int(arg)}" if int(arg) not in (936, 950) else ("gbk" if int(arg) == 936 else "big5")
                try:
                    b"".decode(cp)
                    codepage = cp
                except LookupError:
                    pass
            elif name == b"f" and arg is not None:
                flush()
                font = int(arg)
            elif name == b"uc" and arg is not None:
                uc = int(arg)
            elif name == b"u" and arg is not None:
                flush()
                n = int(arg)
                out.append(chr(n + 65536 if n < 0 else n))
                skip_bytes = uc
            elif name in (b"par", b"line", b"sect", b"page"):
                flush()
                out.append("\n")
            elif name == b"row":
                flush()
                if out and out[-1] == " | ":
                    out.pop()
                out.append("\n")
            elif name == b"cell":
                flush()
                out.append(" | ")
            elif name == b"tab":
                flush()
                out.append("\t")
            continue
        if sym is not None:
            if sym == b"*":
                skip = True
            elif not skip and sym in (b"\\", b"{", b"}"):
                flush()
                out.append(sym.decode())
            elif not skip and sym == b"~":
                flush()
                out.append("\u00a0")
            continue
        if skip:
            continue
        if hexbyte is not None:
            pending.append(int(hexbyte, 16))
            continue
        if text:
            flush()
            out.append(text.decode("latin-1"))
    flush()
    return re.sub(r"[ \t]+\n", "\n", "".join(out)).strip("\n")
