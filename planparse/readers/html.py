"""HTML pages: block elements a line each, table rows with cells joined by " | ", the <title> kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from planparse.model import Source
from planparse.readers.text import decode_text

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


def read_html(data: bytes, path: str) -> Source:
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


