r"""Paragraph and table marks to lines, shared by the .doc and .rtf readers.

A reader writes the document's text with one-character marks where paragraphs and table
cells end, the way Word's binary format does, and :func:`flatten` turns that into lines:
a paragraph a line, a table row a line with its cells joined by " | " (a cell's own
paragraphs joined by a space), as the .docx reader does.

>>> flatten("一、活动安排\r周次\x07内容\x07\x1c第3周\x07教研\x1a活动\x07\x1c")
'一、活动安排\n周次 | 内容\n第3周 | 教研 活动'
"""

from __future__ import annotations

from planparse.regexes import regex

PARA = "\r"        # a paragraph ends (also "\x0c", a section or page break, and "\n")
CELL = "\x07"      # a table cell ends
CELL_PARA = "\x1a"  # a paragraph inside a table cell ends
ROW = "\x1c"       # a table row ends
MARKS = PARA + CELL + CELL_PARA + ROW

_SPLIT = regex("([\r\x0c\n\x07\x1a\x1c])")
_CONTROLS = str.maketrans({**{chr(c): None for c in range(32) if chr(c) not in "\t\n"},
                           "\x0b": " ", "\x0e": " ", "\x1e": "-"})


def flatten(text: str) -> str:
    """Lines from marked text (see the module docstring); other control characters are dropped
    (a line break ``\\x0b`` becomes a space, a non-breaking hyphen ``\\x1e`` a hyphen)."""
    lines: list[str] = []
    cur: list[str] = []      # the paragraph being read
    cell: list[str] = []     # finished paragraphs of the cell being read
    cells: list[str] = []    # finished cells of the row being read

    def end_row() -> None:
        if cell:
            cells.append(" ".join(cell).strip())
        if cells:
            lines.append(" | ".join(cells))
        cells.clear()
        cell.clear()

    for part in _SPLIT.split(text):
        if part in ("\r", "\x0c", "\n"):
            if cells or cell:                    # a row that ended without its row mark
                end_row()
                if not cur:
                    continue
            lines.append("".join(cur))
            cur = []
        elif part == CELL_PARA:
            cell.append("".join(cur))
            cur = []
        elif part == CELL:
            cells.append(" ".join(cell + ["".join(cur)]).strip())
            cell.clear()
            cur = []
        elif part == ROW:
            if cur:
                cell.append("".join(cur))
                cur = []
            end_row()
        elif part:
            cur.append(part)
    if cur and (cells or cell):
        cell.append("".join(cur))
    elif cur:
        lines.append("".join(cur))
    end_row()
    return "\n".join(lines).translate(_CONTROLS)
