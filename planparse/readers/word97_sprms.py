r"""Formatting in Word 97–2003 binary documents, as far as the text reader needs it.

Properties are lists of sprms: a 16-bit code whose top three bits (spra) give the size of
the operand that follows (1, 1, 2, 4, 2, 2, variable, 3 bytes; a variable operand starts
with its size, except sprmTDefTable's 16-bit size and sprmPChgTabs' long form).
Formatted disk pages (FKPs: 512-byte pages of WordDocument, listed by a bin table
``PlcBteChpx`` or ``PlcBtePapx`` in the table stream) give them by stream offset: a page
ends with its run count, starts with the runs' n+1 offsets, and has for each run one byte
(CHPX) or a 13-byte entry whose first byte (PAPX) is half the offset of its properties.

Read here: hidden text (``sprmCFVanish``) and deleted revisions (``sprmCFRMarkDel``), and
whether a paragraph mark is inside a table cell (``sprmPFInTable``, ``sprmPItap``) or
ends a table row (``sprmPFTtp``).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

_PAGE = 512
_VANISH, _RMARK_DEL = 0x083C, 0x0800      # character sprms: hidden, deleted revision
_IN_TABLE, _TTP = 0x2416, 0x2417          # paragraph sprms: in a table cell, row end
_ITAP = 0x6649                            # paragraph sprm: table depth
_DEF_TABLE, _CHG_TABS = 0xD608, 0xC615    # sprms with odd operand sizes
_FIXED_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


@dataclass(frozen=True, slots=True)
class ParaRun:
    """Paragraph properties of the paragraph marks at stream bytes [start, end)."""

    start: int
    end: int
    in_table: bool
    row_end: bool


def _operand_size(sprm: int, grpprl: bytes, pos: int) -> int | None:
    """Size of the operand at ``pos`` of a sprm, from the sprm's spra bits."""
    spra = sprm >> 13
    if spra != 6:
        return _FIXED_SIZE[spra]
    if pos >= len(grpprl):
        return None
    if sprm == _DEF_TABLE:
        return int.from_bytes(grpprl[pos:pos + 2], "little") + 1
    cb = grpprl[pos]
    if sprm != _CHG_TABS or cb != 255:
        return 1 + cb
    p = pos + 1                                  # PChgTabsDelClose, then PChgTabsAdd
    p += 1 + 4 * grpprl[p] if p < len(grpprl) else 0
    p += 1 + 3 * grpprl[p] if p < len(grpprl) else 0
    return p - pos


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a property list; stops at the first malformed one."""
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        size = _operand_size(sprm, grpprl, pos + 2)
        if size is None or pos + 2 + size > len(grpprl):
            return
        yield sprm, grpprl[pos + 2:pos + 2 + size]
        pos += 2 + size


def _fkp_pages(word: bytes, table: bytes, fc: int, lcb: int) -> Iterator[bytes]:
    """The 512-byte FKP pages that a bin table (PlcBteChpx or PlcBtePapx) lists."""
    plc = table[fc:fc + lcb]
    if lcb < 12 or len(plc) < lcb or (lcb - 4) % 8:
        return
    n = (lcb - 4) // 8
    for pn in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1)):
        page = word[(pn & 0x3FFFFF) * _PAGE:((pn & 0x3FFFFF) + 1) * _PAGE]
        if len(page) == _PAGE:
            yield page


def _fkp_runs(page: bytes, entry: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, byte at the entry) for each run of an FKP; ``entry`` is 1 (CHPX) or 13 (PAPX)."""
    crun = page[511]
    if 4 * (crun + 1) + entry * crun > 511:
        return
    fcs = struct.unpack_from(f"<{crun + 1}I", page)
    for i in range(crun):
        yield fcs[i], fcs[i + 1], page[4 * (crun + 1) + entry * i]


def _toggled(operand: bytes) -> bool:
    return bool(operand) and operand[0] in (1, 0x81)


def hidden_ranges(word: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int]]:
    """Sorted, merged stream byte ranges of hidden or deleted text (from the CHPX FKPs)."""
    found = []
    for page in _fkp_pages(word, table, fc, lcb):
        for start, end, offset in _fkp_runs(page, 1):
            if offset and 2 * offset < 511 and hides(page[2 * offset + 1:2 * offset + 1 + page[2 * offset]]):
                found.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def hides(grpprl: bytes) -> bool:
    """Whether character properties make text hidden or deleted."""
    if b"\x3c\x08" not in grpprl and b"\x00\x08" not in grpprl:   # quick look for the two sprms
        return False
    return any(s in (_VANISH, _RMARK_DEL) and _toggled(op) for s, op in sprms(grpprl))


def paragraph_runs(word: bytes, table: bytes, fc: int, lcb: int) -> list[ParaRun]:
    """Sorted runs of paragraph properties that matter here (from the PAPX FKPs)."""
    runs, seen = [], {}      # paragraphs often share their properties: read each list once
    for page in _fkp_pages(word, table, fc, lcb):
        for start, end, offset in _fkp_runs(page, 13):
            in_table = row_end = False
            if offset and 2 * offset < 511:
                cb = page[2 * offset]
                data = (page[2 * offset + 2:2 * offset + 2 + 2 * page[2 * offset + 1]] if cb == 0
                        else page[2 * offset + 1:2 * offset + 2 * cb])
                if data not in seen:
                    seen[data] = _table_flags(data[2:])     # after the 2-byte style index
                in_table, row_end = seen[data]
            runs.append(ParaRun(start, end, in_table, row_end))
    return sorted(runs, key=lambda r: r.start)


def _table_flags(grpprl: bytes) -> tuple[bool, bool]:
    """(in a table cell, ends a table row) from paragraph properties."""
    in_table = row_end = False
    if b"\x16\x24" not in grpprl and b"\x17\x24" not in grpprl and b"\x49\x66" not in grpprl:
        return in_table, row_end
    for sprm, op in sprms(grpprl):
        if sprm == _IN_TABLE:
            in_table = bool(op[0])
        elif sprm == _TTP:
            row_end = bool(op[0])
        elif sprm == _ITAP:
            in_table = in_table or int.from_bytes(op, "little") > 0
    return in_table, row_end
