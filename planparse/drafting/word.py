"""A rendered document as a .docx laid out as a Chinese official document (GB/T 9704).

A4 with the standard's margins and 22 lines to a page; the title centred in 二号
方正小标宋; headings in Word's own heading styles (so Word's navigation pane and outline
show them) — 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋 —; body text and the
schedule table in 仿宋; the language zh-CN. Each font names fall-backs in the document's
font table for machines that do not have it (fonts are named, not embedded). The
conventions are in ``planparse/data/document_style.yaml``.

>>> from planparse.serialize import from_dict
>>> data = to_docx(from_dict({"plans": [{"title": "2024年工会工作计划", "sections": [
...     {"heading": "一、指导思想", "kind": "ideology", "text": "以……为指导。"}]}]}))
>>> import docx, io
>>> d = docx.Document(io.BytesIO(data))
>>> [(p.style.name, p.text) for p in d.paragraphs]
[('Title', '2024年工会工作计划'), ('Heading 1', '一、指导思想'), ('Normal', '以……为指导。')]
>>> round(d.sections[0].page_width.mm), round(d.sections[0].page_height.mm)
(210, 297)
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from lxml import etree

from planparse.drafting.render import blocks
from planparse.errors import require
from planparse.model import Document
from planparse.resources import load_yaml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def document_style() -> Any:
    return load_yaml("document_style.yaml")


def to_docx(doc: Document) -> bytes:
    """The .docx of a document (see the module docstring)."""
    docx = require("docx", "rendering .docx", "python-docx")
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    style = document_style()
    d = docx.Document()
    _page(d, style)
    _styles(d, style)
    _font_table(d, style)
    for b in blocks(doc):
        if b.kind == "title":
            d.add_paragraph(b.text, style="Title")
        elif b.kind == "heading":
            d.add_paragraph(b.text, style=f"Heading {heading_level(b.style, b.level)}")
        elif b.kind == "paragraph":
            d.add_paragraph(b.text, style="Normal")
        elif b.kind == "rule":
            p = d.add_paragraph("---", style="Normal")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            table = d.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, ("时间", "安排")):
                _cell(cell, text, style["fonts"]["table_head"], style, centre=True)
            for when, what in b.rows:
                row = table.add_row().cells
                _cell(row[0], when, style["fonts"]["table"], style, centre=True)
                _cell(row[1], what, style["fonts"]["table"], style)
            table.autofit = False
            for column, width in zip(table.columns, (32, 124)):  # the grid (LibreOffice) and each cell (Word)
                column.width = docx.shared.Mm(width)
                for cell in column.cells:
                    cell.width = docx.shared.Mm(width)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# the numbering of each level of an official document: 一、 （一） 1. （1）
LEVELS = {"formal": 1, "cn": 1, "ordinal": 1, "paren_cn": 2, "stage": 2, "shi": 2, "arabic": 3, "paren_arabic": 4, "circled": 4}


def heading_level(numbering: str, depth: int) -> int:
    """The Word heading level of a heading: by its numbering where it has one of the four
    levels' (一、 is level 1, （一） 2, 1. 3, （1） 4), else by its depth in the plan.

    >>> heading_level("paren_cn", 1), heading_level("arabic", 2), heading_level("month", 2)
    (2, 3, 2)
    """
    return LEVELS.get(numbering, min(max(depth, 1), 4))


def _page(d: Any, style: Any) -> None:
    from docx.shared import Mm

    page = style["page"]
    for section in d.sections:
        section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
        section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
        section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
        section.header_distance, section.footer_distance = Mm(15), Mm(28)


def _styles(d: Any, style: Any) -> None:
    """Normal, Title and Heading 1–4 in the official document's fonts; the default language."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    pitch = Pt(style["page"]["line_pitch"])
    fonts = style["fonts"]
    roles = {"Normal": "body", "Title": "title", **{f"Heading {n}": f"heading{n}" for n in range(1, 5)}}
    for name, role in roles.items():
        st = d.styles[name]
        _font(st.font, st.element, fonts[role], style)
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.italic = False
        pf = st.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = pitch
        pf.space_before = pf.space_after = Pt(0)
        if name == "Title":
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.first_line_indent = Pt(0)
            pf.space_after = pitch
            pf.line_spacing = Pt(36)
            _drop(st.element, "pBdr")  # the template's Title has a rule under it
        else:
            pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            pf.first_line_indent = Pt(2 * fonts["body"]["size"])  # two characters
        if name.startswith("Heading"):  # items (1. （1）) not: a run of them would move as one block
            pf.keep_with_next = name in ("Heading 1", "Heading 2")
    _language(d, style["language"])


def _font(font: Any, element: Any, spec: Any, style: Any) -> None:
    from docx.shared import Pt

    font.name = style["latin"]
    font.size = Pt(spec["size"])
    font.bold = bool(spec["bold"])
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(f"{{{W}}}rFonts")
    if rfonts is None:
        rfonts = etree.SubElement(rpr, f"{{{W}}}rFonts")
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(f"{{{W}}}{attr}", None)  # a theme font would win over the named one
    rfonts.set(f"{{{W}}}eastAsia", spec["name"])
    rfonts.set(f"{{{W}}}ascii", style["latin"])
    rfonts.set(f"{{{W}}}hAnsi", style["latin"])


def _drop(element: Any, tag: str) -> None:
    for found in element.iter(f"{{{W}}}{tag}"):
        found.getparent().remove(found)


def _language(d: Any, lang: str) -> None:
    """The document's default language (docDefaults), for Latin and East Asian text alike."""
    defaults = d.styles.element.find(f"{{{W}}}docDefaults")
    rpr = defaults.find(f"{{{W}}}rPrDefault/{{{W}}}rPr")
    found = rpr.find(f"{{{W}}}lang")
    if found is None:
        found = etree.SubElement(rpr, f"{{{W}}}lang")
    found.set(f"{{{W}}}val", lang)
    found.set(f"{{{W}}}eastAsia", lang)
    found.set(f"{{{W}}}bidi", "ar-SA")


def _font_table(d: Any, style: Any) -> None:
    """Each font the document names, with its first fall-back as its alternate name and the
    GB2312 character set, so that a machine without it substitutes a Chinese font."""
    part = next(rel.target_part for rel in d.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    named = {f.get(f"{{{W}}}name") for f in root.findall(f"{{{W}}}font")}
    for spec in style["fonts"].values():
        if spec["name"] in named:
            continue
        named.add(spec["name"])
        font = etree.SubElement(root, f"{{{W}}}font")
        font.set(f"{{{W}}}name", spec["name"])
        if spec["fallbacks"]:
            etree.SubElement(font, f"{{{W}}}altName").set(f"{{{W}}}val", spec["fallbacks"][0])
        etree.SubElement(font, f"{{{W}}}charset").set(f"{{{W}}}val", "86")
        etree.SubElement(font, f"{{{W}}}family").set(f"{{{W}}}val", "auto")
        etree.SubElement(font, f"{{{W}}}pitch").set(f"{{{W}}}val", "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _cell(cell: Any, text: str, spec: Any, style: Any, centre: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing = Pt(spec["size"] * 1.5)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run(text)
    _font(run.font, run._element, spec, style)
