"""HTML pages: block elements a line each, table rows with cells joined by " | ", the <title> kept.

Each line also keeps what the page's structure says about it (:class:`Source` ``hints``):
the kind of chrome block that held it ("nav", "header", "footer", "aside": by its tag, or
by a class or id such as ``breadcrumb`` or ``footer``), "links" for a line that is all link
text or an item of a list of links, "title" for the page's ``<h1>``. The words are in
``planparse/data/html_blocks.yaml``.

>>> src = read_html('''<html><body><div class="breadcrumb"><a href="/">首页</a> &gt; <a>计划</a></div>
... <h1>工会工作计划</h1><p>一、指导思想</p><div id="footer">版权所有</div></body></html>'''.encode(), "p.html")
>>> [(line, hint) for line, hint in zip(src.text.split("\\n"), src.hints) if line]
[('首页 > 计划', 'nav'), ('工会工作计划', 'title'), ('一、指导思想', ''), ('版权所有', 'footer')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from planparse.model import Source
from planparse.readers.text import decode
from planparse.regexes import regex
from planparse.resources import load_yaml

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "ul", "ol", "blockquote", "pre", "title", "dd", "dt", "hr",
               "nav", "header", "footer", "aside", "main", "dl", "form"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source", "embed", "param",
         "track"}
_SPACES = regex(r"\s+")
_CONTENT = {"article", "main", "section"}  # a <header>/<footer> inside these belongs to the content
_NAME_PARTS = regex(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True, slots=True)
class BlockWords:
    tags: dict[str, str]
    words: tuple[tuple[str, str], ...]  # (word, hint), longest words first
    link_density: float


@cache
def block_words() -> BlockWords:
    data = load_yaml("html_blocks.yaml")
    words = sorted(((w.lower(), hint) for hint, ws in data["words"].items() for w in ws), key=lambda x: -len(x[0]))
    return BlockWords(dict(data["tags"]), tuple(words), float(data["link_density"]))


def named_hint(names: str) -> str:
    """The chrome hint a class or id value names, or "".

    >>> named_hint("site-footer clearfix"), named_hint("mainMenu"), named_hint("article-content")
    ('footer', 'nav', '')
    """
    for part in _NAME_PARTS.findall(names):
        part = part.lower()
        for word, hint in block_words().words:
            if part == word or part.startswith(word) or part.endswith(word):
                return hint
    return ""


@dataclass
class _Element:
    tag: str
    hint: str = ""             # the chrome kind this element gives its lines
    list_id: int | None = None  # for <ul>/<ol>
    item_id: int | None = None  # for <li>


@dataclass
class _Piece:
    text: str
    hint: str
    link: bool
    h1: bool
    item: int | None


_CELL = _Piece(" | ", "", False, False, None)  # where a table's cell begins (compared by identity)


@dataclass
class _Lists:
    items: dict[int, int] = field(default_factory=dict)        # item → its list
    linked: dict[int, bool] = field(default_factory=dict)      # item → holds a link


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[_Piece | None] = []  # None: a line break
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False
        self.stack: list[_Element] = []
        self.lists = _Lists()
        self.next_id = 0
        self.row_open = False

    # -- the element stack
    def _hint(self) -> str:
        for el in reversed(self.stack):
            if el.hint:
                return el.hint
        return ""

    def _inside(self, tags: set[str] | str) -> bool:
        wanted = {tags} if isinstance(tags, str) else tags
        return any(el.tag in wanted for el in self.stack)

    def _item(self) -> int | None:
        for el in reversed(self.stack):
            if el.item_id is not None:
                return el.item_id
        return None

    def _break(self, tag: str) -> None:
        """A block's edge breaks the line, but inside a table's cell only the row's and a nested table's
        do: a Word page's "<td><p>活动内容</p></td>" stays on its row's line, its paragraphs a space apart."""
        cell = next((el.tag for el in reversed(self.stack) if el.tag in ("td", "th", "table")), None)
        if cell in ("td", "th") and tag not in ("tr", "table"):
            self.pieces.append(_Piece(" ", "", False, False, None))
        else:
            self.pieces.append(None)

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag in ("td", "th"):  # a row's cells are joined by " | "
            self.pieces.append(_CELL)
        elif tag in _BLOCK_TAGS:
            self._break(tag)
        if tag in _VOID:
            return
        el = _Element(tag)
        words = block_words()
        if tag in words.tags and not (tag in ("header", "footer") and self._inside(_CONTENT)):
            el.hint = words.tags[tag]
        else:
            names = " ".join(v for k, v in attrs if k in ("class", "id") and v)
            hint = named_hint(names) if names else ""
            if hint and not (hint in ("header", "footer") and self._inside(_CONTENT)):
                el.hint = hint
        if tag in ("ul", "ol"):
            el.list_id = self._new_id()
        elif tag == "li":
            el.item_id = self._new_id()
            owner = next((e.list_id for e in reversed(self.stack) if e.list_id is not None), None)
            if owner is not None:
                self.lists.items[el.item_id] = owner
        elif tag == "a":
            item = self._item()
            if item is not None:
                self.lists.linked[item] = True
        self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self._break(tag)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.pieces.append(_Piece(re.sub(r"[ \t\r\n]+", " ", data), self._hint(), self._inside("a"),
                                      self._inside("h1"), self._item()))


def read_html(data: bytes, path: str) -> Source:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    enc = None
    warnings: tuple = ()
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            text = data.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(enc, enc))
        except (LookupError, UnicodeDecodeError):
            enc = None
    if enc is None:
        decoded = decode(data, path)
        text, enc, warnings = decoded.text, decoded.encoding, decoded.warnings
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    lines, hints = _lines(parser)
    title = "".join(parser.title).strip() or None
    return Source(text="\n".join(lines), path=path, format="html", encoding=enc, title=title,
                  hints=tuple(hints), warnings=warnings)


def _lines(parser: _TextExtractor) -> tuple[list[str], list[str]]:
    """The page's lines (runs of blank lines collapsed to one, none at either end) and their hints."""
    density = block_words().link_density
    lists = parser.lists
    per_list: dict[int, list[bool]] = {}
    for item, owner in lists.items.items():
        per_list.setdefault(owner, []).append(lists.linked.get(item, False))
    link_lists = {owner for owner, linked in per_list.items() if len(linked) >= 2 and sum(linked) >= density * len(linked)}

    raw: list[tuple[str, str]] = []
    current: list[_Piece] = []

    def close() -> None:
        if any(p is _CELL for p in current):  # a table's row: its cells' text, each tidied, joined by " | "
            cells: list[list[_Piece]] = [[]]
            for p in current:
                if p is _CELL:
                    cells.append([])
                else:
                    cells[-1].append(p)
            texts = [_SPACES.sub(" ", "".join(p.text for p in cell)).strip() for cell in cells]
            text = " | ".join(texts[1:] if not texts[0] else texts).strip()  # (nothing before the row's first cell)
        else:
            text = "".join(p.text for p in current).strip()
        raw.append((text, _line_hint(current, link_lists, lists, density) if text else ""))
        current.clear()

    for piece in parser.pieces:
        if piece is None:
            close()
        else:
            current.append(piece)
    close()
    out: list[tuple[str, str]] = []
    for text, hint in raw:
        if text or (out and out[-1][0]):
            out.append((text, hint))
    while out and not out[-1][0]:
        out.pop()
    return [t for t, _ in out], [h for _, h in out]


def _line_hint(pieces: list[_Piece], link_lists: set[int], lists: _Lists, density: float) -> str:
    filled = [p for p in pieces if p.text.strip() and p.text.strip() != "|"]
    if not filled:
        return ""
    chars = sum(len(p.text.strip()) for p in filled)
    block = max(((sum(len(p.text.strip()) for p in filled if p.hint == h), h) for h in {p.hint for p in filled}))[1]
    if block:
        return block
    if any(p.h1 for p in filled):
        return "title"
    linked = sum(len(p.text.strip()) for p in filled if p.link)
    if chars and linked >= density * chars:
        return "links"
    if any(p.item is not None and lists.items.get(p.item) in link_lists for p in filled):
        return "links"
    return ""
