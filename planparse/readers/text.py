"""Plain text (.txt, .md): UTF-8 with or without BOM, UTF-16, GB18030 or Big5, told apart by content.

>>> decode_text("一、指導思想，工會工作計劃".encode("big5"))[1]
'big5'
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from planparse.errors import EncodingError
from planparse.model import Source


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


def read_txt(data: bytes, path: str) -> Source:
    text, enc = decode_text(data, path)
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    return Source(text=lines_text(text), path=path, format=fmt, encoding=enc)


def lines_text(text: str) -> str:
    """Unify line endings to LF (line numbers are counted on LF only)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


