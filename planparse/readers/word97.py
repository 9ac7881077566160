r"""Word 97–2003 binary documents (.doc, and WPS Office .wps in Word's layout): their text.

A .doc is an OLE compound file, opened with olefile. Its ``WordDocument`` stream starts
with the FIB (file information block), which says where everything else is:

- ``FibBase``: ``wIdent`` 0xA5EC, ``nFib`` (0x00C1 from Word 97 on), the language id and
  flags: ``fEncrypted`` (0x0100), ``fWhichTblStm`` (0x0200: the table stream is ``1Table``,
  else ``0Table``). Then three arrays, each after its count: 16-bit words (``lidFE``, the
  East Asian language, is the 14th), 32-bit longs (``ccpText``, the length of the main
  document in character positions or CPs, is the 4th) and (fc, lcb) pairs that locate
  structures in the table stream (by index: 12 ``PlcBteChpx``, 13 ``PlcBtePapx``, 33 CLX).
- The CLX: optional ``Prc`` groups (0x01, a 16-bit size, property modifiers), then the
  ``Pcdt`` (0x02, a 32-bit size) holding the PlcPcd: n+1 CPs and n piece descriptors of
  8 bytes. A piece's ``fc`` (bits 0–29) says where its characters lie in WordDocument:
  with bit 30 set they are 8-bit ("compressed") at fc/2, else UTF-16LE at fc. The main
  document is CPs [0, ccpText), in piece order.
- Character and paragraph properties, by stream offset: see :mod:`planparse.readers.word97_sprms`.

What comes out: paragraphs (``\r``, and section breaks ``\x0c``) as lines; table cells
(``\x07``; the row's own mark has the ``sprmPFTtp`` paragraph property, a paragraph
inside a cell ``sprmPFInTable``) joined by " | ", a row per line, as the .docx reader
does; of each field (``\x13`` code ``\x14`` result ``\x15``) only its result; no hidden
text (``sprmCFVanish``) or deleted revisions (``sprmCFRMarkDel``); no object or picture
anchors (``\x01``, ``\x08``) or other control characters.

8-bit pieces are Windows-1252 in Word's own files. A document whose Unicode pieces hold
no Chinese but whose language is Chinese (older writers that store GBK or Big5 in 8-bit
pieces) has them read in that code page where they decode cleanly.
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from planparse.errors import FormatError
from planparse.readers.marks import CELL, CELL_PARA, PARA, ROW, flatten
from planparse.model import Source
from planparse.readers.word97_sprms import ParaRun, hidden_ranges, hides, paragraph_runs
from planparse.regexes import regex

WORD_IDENT = 0xA5EC
WORD97_NFIB = 0x00C0
_ENCRYPTED = 0x0100
_WHICH_TABLE = 0x0200
_COMPRESSED = 0x40000000
_LID_CODEPAGE = {0x0804: "gbk", 0x1004: "gbk", 0x0404: "big5", 0x0C04: "big5", 0x1404: "big5"}

_KEEP_HIDDEN = regex("[^\x07\x13\x14\x15]")   # structure survives in hidden text


class Corrupt(ValueError):
    """A structure of the document lies outside its stream or contradicts itself."""


@dataclass(frozen=True, slots=True)
class Fib:
    """The parts of the FIB that locate the text."""

    n_fib: int
    flags: int
    lid: int
    lid_fe: int
    ccp_text: int
    clx: tuple[int, int]
    bte_chpx: tuple[int, int]
    bte_papx: tuple[int, int]

    @property
    def encrypted(self) -> bool:
        return bool(self.flags & _ENCRYPTED)

    @property
    def table_stream(self) -> str:
        return "1Table" if self.flags & _WHICH_TABLE else "0Table"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of CPs [cp_start, cp_end) stored at byte ``offset`` of WordDocument."""

    cp_start: int
    cp_end: int
    offset: int
    compressed: bool
    prm: int


def read_doc(data: bytes, path: str, fmt: str = "doc") -> Source:
    """Read the text of a Word 97–2003 (or WPS Office) document from its bytes.

    Raises :class:`FormatError` naming ``path`` for an encrypted, truncated, corrupt or
    empty document, or an OLE file that is not a Word document (``fmt`` "wps" names the
    .wps variants that are not in Word's layout).
    """
    word, tables = _word_streams(data, path, fmt)
    return Source(text=doc_text(word, tables, path, fmt), path=path, format=fmt, encoding=None)


def _word_streams(data: bytes, path: str, fmt: str) -> tuple[bytes, dict[str, bytes]]:
    """The WordDocument stream and the table streams of an OLE file."""
    try:
        import olefile
    except ImportError:  # pragma: no cover - olefile is a dependency
        raise FormatError("reading .doc/.wps needs olefile: pip install olefile", path) from None
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(e) for e in ole.listdir(streams=True, storages=False)}
            if {"EncryptionInfo", "EncryptedPackage"} <= streams:
                raise FormatError("encrypted (password-protected) .docx; open it, remove the password "
                                  "and save it again", path)
            if "WordDocument" not in streams:
                if fmt == "wps":
                    raise FormatError("unsupported .wps variant (Microsoft Works or an old Kingsoft WPS "
                                      "file, not Word's layout); open it there and save it as .docx", path)
                raise FormatError("an OLE file but not a Word document (no WordDocument stream); "
                                  "save it as .docx", path)
            word = ole.openstream("WordDocument").read()
            tables: dict[str, bytes] = {name: ole.openstream(name).read()
                                        for name in ("0Table", "1Table") if name in streams}
    except FormatError:
        raise
    except Exception as exc:  # olefile's own errors for a broken container
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise FormatError(f"corrupt or truncated OLE file ({reason})", path) from None
    return word, tables


def doc_text(word: bytes, tables: dict[str, bytes], path: str, fmt: str = "doc") -> str:
    """The text of a Word document from its WordDocument and table streams.

    Raises :class:`FormatError` for an old (Word 6/95), encrypted, corrupt or empty document.
    """
    what = ".wps" if fmt == "wps" else ".doc"
    try:
        fib = parse_fib(word)
        if fib.n_fib < WORD97_NFIB:
            raise FormatError(f"a Word 6/95 document (nFib {fib.n_fib}) is not supported; "
                              "save it as .docx", path)
        if fib.encrypted:
            raise FormatError(f"encrypted (password-protected) {what}; open it, remove the "
                              "password and save it again", path)
        if fib.table_stream not in tables:
            raise Corrupt(f"no {fib.table_stream} stream")
        text = word_text(word, tables[fib.table_stream], fib)
    except (Corrupt, struct.error) as exc:
        raise FormatError(f"corrupt or truncated {what} ({exc})", path) from None
    if not text.strip():
        raise FormatError(f"the {what} document holds no text", path)
    return text


# ---------------------------------------------------------------- structures


def _u16(b: bytes, pos: int) -> int:
    if pos < 0 or pos + 2 > len(b):
        raise Corrupt("FIB cut short")
    return int.from_bytes(b[pos:pos + 2], "little")


def _u32(b: bytes, pos: int) -> int:
    if pos < 0 or pos + 4 > len(b):
        raise Corrupt("FIB cut short")
    return int.from_bytes(b[pos:pos + 4], "little")


def parse_fib(word: bytes) -> Fib:
    """The FIB at the start of the WordDocument stream (see the module docstring)."""
    if len(word) < 0x22 or _u16(word, 0) != WORD_IDENT:
        raise Corrupt("no Word FIB at the start of the WordDocument stream")
    n_fib, lid, flags = _u16(word, 2), _u16(word, 6), _u16(word, 10)
    if n_fib < WORD97_NFIB:
        return Fib(n_fib, flags, lid, 0, 0, (0, 0), (0, 0), (0, 0))
    csw = _u16(word, 0x20)
    lid_fe = _u16(word, 0x22 + 26) if csw >= 14 else 0
    pos = 0x22 + 2 * csw
    cslw = _u16(word, pos)
    if cslw < 4:
        raise Corrupt("FIB too short for ccpText")
    ccp_text = _u32(word, pos + 2 + 12)
    pos += 2 + 4 * cslw
    count = _u16(word, pos)

    def pair(i: int) -> tuple[int, int]:
        return (_u32(word, pos + 2 + 8 * i), _u32(word, pos + 6 + 8 * i)) if i < count else (0, 0)

    return Fib(n_fib, flags, lid, lid_fe, ccp_text, pair(33), pair(12), pair(13))


def parse_clx(table: bytes, fc: int, lcb: int) -> tuple[tuple[Piece, ...], tuple[bytes, ...]]:
    """The pieces of the piece table, and the Prc property groups they may point to."""
    clx = table[fc:fc + lcb]
    if lcb == 0 or len(clx) < lcb:
        raise Corrupt("no piece table")
    pos, prcs = 0, []
    while pos < len(clx) and clx[pos] == 0x01:
        size = struct.unpack_from("<h", clx, pos + 1)[0]
        if size < 0 or pos + 3 + size > len(clx):
            raise Corrupt("broken property group in the piece table")
        prcs.append(clx[pos + 3:pos + 3 + size])
        pos += 3 + size
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise Corrupt("no piece table")
    size = _u32(clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + size]
    if len(plc) < size or size < 16 or (size - 4) % 12:
        raise Corrupt("piece table cut short")
    n = (size - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    pieces = []
    for i in range(n):
        _, fc_raw, prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
        if cps[i + 1] < cps[i]:
            raise Corrupt("piece table out of order")
        compressed = bool(fc_raw & _COMPRESSED)
        fc_value = fc_raw & 0x3FFFFFFF
        pieces.append(Piece(cps[i], cps[i + 1], fc_value // 2 if compressed else fc_value, compressed, prm))
    return tuple(pieces), tuple(prcs)


# ---------------------------------------------------------------- text


def word_text(word: bytes, table: bytes, fib: Fib) -> str:
    """The main document's text, one line per paragraph or table row (see the module docstring)."""
    pieces, prcs = parse_clx(table, *fib.clx)
    pieces = tuple(p for p in pieces if p.cp_start < fib.ccp_text)
    hidden = hidden_ranges(word, table, *fib.bte_chpx)
    runs = paragraph_runs(word, table, *fib.bte_papx)
    starts = [r.start for r in runs]
    wide = {i: _decode(word, p, fib.ccp_text, "utf-16-le") for i, p in enumerate(pieces) if not p.compressed}
    chinese = any(re.search("[\u3000-\u9fff]", text) for text, _ in wide.values())
    eight_bit = "cp1252" if chinese else _LID_CODEPAGE.get(fib.lid_fe) or _LID_CODEPAGE.get(fib.lid) or "cp1252"
    parts = []
    for i, piece in enumerate(pieces):
        text, offsets = wide[i] if i in wide else _decode(word, piece, fib.ccp_text, eight_bit)
        if _piece_hidden(piece, prcs):
            text = _KEEP_HIDDEN.sub("", text)
            offsets = range(0)
        text = _mark_paragraphs(text, offsets, runs, starts)
        parts.append(_drop_hidden(text, offsets, hidden))
    return flatten(strip_fields("".join(parts)))


def _decode(word: bytes, piece: Piece, ccp_text: int, codepage: str) -> tuple[str, Sequence[int]]:
    """A piece's characters up to ``ccp_text``, and each character's byte offset in WordDocument."""
    count = min(piece.cp_end, ccp_text) - piece.cp_start
    width = 1 if piece.compressed else 2
    raw = word[piece.offset:piece.offset + count * width]
    if len(raw) < count * width:
        raise Corrupt("a piece of text lies beyond the end of the WordDocument stream")
    if not piece.compressed:
        text = raw.decode("utf-16-le", errors="replace")
        if len(text) == count:
            return text, range(piece.offset, piece.offset + len(raw), 2)
        offsets, at = [], piece.offset              # characters beyond the BMP take 4 bytes
        for ch in text:
            offsets.append(at)
            at += 4 if ord(ch) > 0xFFFF else 2
        return text, offsets
    if codepage != "cp1252" and max(raw, default=0) > 0x7F:
        try:
            text = raw.decode(codepage)
        except UnicodeDecodeError:
            pass
        else:
            offsets, at = [], piece.offset
            for ch in text:
                offsets.append(at)
                at += len(ch.encode(codepage))
            return text, offsets
    return raw.decode("cp1252", errors="replace"), range(piece.offset, piece.offset + len(raw))


def _piece_hidden(piece: Piece, prcs: Sequence[bytes]) -> bool:
    """Whether a piece's own property modifier (a Prm pointing into the CLX) hides it."""
    return bool(piece.prm & 1) and (piece.prm >> 1) < len(prcs) and hides(prcs[piece.prm >> 1])


def _mark_paragraphs(text: str, offsets: Sequence[int], runs: Sequence[ParaRun], starts: Sequence[int]) -> str:
    r"""Replace each ``\r`` and ``\x07`` by the mark its paragraph properties call for.

    ``runs`` are sorted by start, and ``starts`` are their starts.
    """
    text = text.replace(CELL_PARA, "\x00").replace(ROW, "\x00")     # same length: offsets stay right
    if "\x07" not in text and not runs:
        return text

    def mark(m: re.Match) -> str:
        ch, i = m.group(), m.start()
        run = None
        if i < len(offsets):
            k = bisect_right(starts, offsets[i]) - 1
            if k >= 0 and offsets[i] < runs[k].end:
                run = runs[k]
        if run is None:      # no paragraph properties: a mark after a cell mark ends the row
            return ROW if ch == CELL and not runs and i and text[i - 1] == CELL else ch
        if ch == CELL:
            return ROW if run.row_end else CELL
        return CELL_PARA if run.in_table else PARA

    return re.sub("[\r\x07]", mark, text)


def _drop_hidden(text: str, offsets: Sequence[int], hidden: Sequence[tuple[int, int]]) -> str:
    """Remove the characters whose bytes lie in hidden ranges, keeping table and field marks."""
    if not hidden or not offsets:
        return text
    first, last = offsets[0], offsets[-1]
    k = bisect_right(hidden, (first, float("inf"))) - 1
    out, at = [], 0
    for start, end in hidden[max(k, 0):]:
        if start > last:
            break
        i, j = bisect_left(offsets, start), bisect_left(offsets, end)
        if j <= i or j <= at:
            continue
        i = max(i, at)
        out.append(text[at:i])
        out.append(_KEEP_HIDDEN.sub("", text[i:j]))
        at = j
    out.append(text[at:])
    return "".join(out)


def strip_fields(text: str) -> str:
    r"""Keep each field's result (``\x14``…``\x15``) and drop its code (``\x13``…``\x14``).

    >>> strip_fields("见\x13 HYPERLINK \"http://x\" \x14通知\x15。\x13 PAGE \x15")
    '见通知。'
    """
    if "\x13" not in text:
        return text.replace("\x14", "").replace("\x15", "")
    out, in_code = [], []        # for each open field: still in its code?
    for part in re.split("([\x13\x14\x15])", text):
        if part == "\x13":
            in_code.append(True)
        elif part == "\x14":
            if in_code:
                in_code[-1] = False
        elif part == "\x15":
            if in_code:
                in_code.pop()
        elif not any(in_code):
            out.append(part)
    return "".join(out)


def read_ole(data: bytes, path: str) -> Source:
    """A Word 97–2003 .doc, or a WPS Office .wps in Word's layout."""
    return read_doc(data, path, "wps" if path.lower().endswith(".wps") else "doc")
