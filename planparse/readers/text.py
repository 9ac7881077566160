"""Plain text (.txt, .md): UTF-8 with or without BOM, UTF-16, GB18030 or Big5, told apart by content.

A document is decoded in its main encoding. A few stray bytes do not reject it: a byte
that is not text in that encoding is read in the other one where it makes a character
there (a UTF-8 dash in a GB18030 file), else replaced by U+FFFD, and NUL bytes are
dropped; each repair is a warning with its byte offset and line. Only bytes that are
mostly not text are refused. A page saved as text with its character references still
written ("9月1日&mdash;5日", "&ldquo;亲子游戏&rdquo;") reads as the characters they stand for.

>>> decode_text("一、指導思想，工會工作計劃".encode("big5"))[1]
'big5'
>>> d = decode("一、指导思想\\n二、主要工作".encode() + b"\\xff\\n")
>>> d.encoding, d.text.splitlines()[1], d.warnings[0].line
('utf-8', '二、主要工作\\ufffd', 2)
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from planparse.errors import EncodingError
from planparse.model import Source, Warning_

SNIFF = 4096             # NUL bytes in the first SNIFF bytes: a binary file
MOSTLY_NOT_TEXT = 0.05   # more stray bytes than this share of the characters: not text
MAX_REPORTED = 5         # stray-byte warnings listed one by one; the rest are counted

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_REFERENCE = re.compile(r"&(?:[A-Za-z]{2,8}[0-9]?|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text bytes decoded: the text, the encoding decided on, and the repairs made."""

    text: str
    encoding: str
    warnings: tuple[Warning_, ...] = ()


@cache
def _common_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Frequent simplified and traditional characters, to tell GB18030 from Big5."""
    text = files("planparse.data").joinpath("common_chars.txt").read_text("utf-8")
    rows = [ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln and not ln.startswith("#")]
    return frozenset(rows[0]), frozenset(rows[1])


def decode_text(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode text bytes; return ``(text, encoding)`` (see :func:`decode` for the repairs)."""
    d = decode(data, path)
    return d.text, d.encoding


def decode(data: bytes, path: str = "<bytes>") -> Decoded:
    """Decode text bytes: BOMs first, then UTF-8, then GB18030 against Big5 by which gives
    more frequent Chinese characters; stray bytes repaired and reported (module docstring).

    Raises :class:`EncodingError` for bytes that are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(_lenient(data[3:], "utf-8", "utf-8-sig", path, bom=3), path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_utf16(data, path), path)
    if b"\x00" in data[:SNIFF]:
        raise EncodingError("binary file, not text (it holds NUL bytes)", path)
    notes: list[Warning_] = []
    if b"\x00" in data:
        data, note = _drop_nul(data)
        notes.append(note)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", tuple(notes)), path)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        d = _lenient(data, "utf-8", "utf-8", path)
    else:
        d = _strict_chinese(data) or _best_lenient(data, path)
    return _checked(Decoded(d.text, d.encoding, tuple(notes) + d.warnings), path)


def _checked(d: Decoded, path: str) -> Decoded:
    controls = sum(1 for ch in d.text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(d.text[:20000]) // 50):
        raise EncodingError("binary file, not text (too many control characters)", path)
    return d


def _drop_nul(data: bytes) -> tuple[bytes, Warning_]:
    first = data.index(b"\x00")
    count = data.count(b"\x00")
    line = _line_at(data, first)
    what = "a NUL byte" if count == 1 else f"{count} NUL bytes (the first"
    where = f"at byte {first}" + (")" if count > 1 else "")
    return data.replace(b"\x00", b""), Warning_(line, f"dropped {what} {where}")


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based source line of byte ``offset`` (CRLF, CR and LF each end a line)."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes: many valid multibyte sequences, few invalid bytes."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    bad = data.decode("utf-8", "replace").count("\ufffd") - data.count("\ufffd".encode())
    return valid >= 8 and bad * 20 <= valid


def _strict_chinese(data: bytes) -> Decoded | None:
    """GB18030 or Big5 where the whole file decodes in one of them (the likelier if both)."""
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    simp, trad = _common_chars()
    text, enc = max(candidates, key=lambda c: _score(c[0], simp if c[1] == "gb18030" else trad))
    return Decoded(text, enc)


def _best_lenient(data: bytes, path: str) -> Decoded:
    """No encoding reads every byte: the one with the most common characters and fewest
    stray bytes, repaired; refused when the bytes are mostly not text."""
    simp, trad = _common_chars()
    scored = []
    for enc, common in (("utf-8", simp | trad), ("gb18030", simp), ("big5", trad)):
        rough = data.decode(enc, "replace")
        scored.append((_score(rough, common), enc, rough.count("\ufffd"), len(rough)))
    _, enc, bad, size = max(scored)
    if bad > max(8, size * MOSTLY_NOT_TEXT) or not _reads_as_chinese(data.decode(enc, "replace"), simp | trad):
        raise EncodingError("not text in UTF-8, GB18030 or Big5 (binary file?)", path)
    return _lenient(data, enc, enc, path)


def _reads_as_chinese(text: str, common: frozenset[str]) -> bool:
    """Whether the non-ASCII characters of a lenient decoding look like Chinese text: in real
    plans over half are among the 500 most frequent; in high bytes read as GB18030, almost none."""
    sample = [ch for ch in text[:20000] if ord(ch) > 127 and ch != "\ufffd"]
    return len(sample) < 20 or sum(ch in common for ch in sample) >= 0.15 * len(sample)


def _score(text: str, common: frozenset[str]) -> float:
    sample = text[:20000]
    return sum(ch in common for ch in sample) - 5 * sample.count("\ufffd")


def _utf16(data: bytes, path: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-16"), "utf-16")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-16", "replace")
        line = text[:max(0, (exc.start - 2) // 2)].count("\n") + 1
        n = text.count("\ufffd")
        if n > max(8, len(text) * MOSTLY_NOT_TEXT):
            raise EncodingError(f"invalid utf-16 at byte {exc.start}", path) from None
        return Decoded(text, "utf-16", (Warning_(line, f"{n} invalid UTF-16 byte pairs replaced by U+FFFD "
                                                       f"(the first at byte {exc.start})"),))


def _lenient(data: bytes, enc: str, name: str, path: str, bom: int = 0) -> Decoded:
    """``data`` in ``enc`` line by line; a line that does not decode is repaired (see
    :func:`_repair`) and each repair becomes a warning."""
    lines: list[str] = []
    repairs: list[tuple[int, str]] = []   # (byte offset, what was done)
    pos = 0
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode(enc))
        except UnicodeDecodeError:
            text, found = _repair(raw, enc)
            lines.append(text)
            repairs.extend((pos + off, what) for off, what in found)
        pos += len(raw) + 1
    text = "\n".join(lines)
    if not repairs:
        return Decoded(text, name)
    replaced = sum(1 for _, what in repairs if what.startswith("invalid"))
    if replaced > max(8, len(text) * MOSTLY_NOT_TEXT):
        raise EncodingError(f"not text in {enc}: {replaced} invalid bytes (binary file?)", path)
    notes = [Warning_(_line_at(data, off), f"byte {off + bom}: {what}") for off, what in repairs[:MAX_REPORTED]]
    if len(repairs) > MAX_REPORTED:
        notes.append(Warning_(_line_at(data, repairs[MAX_REPORTED][0]),
                              f"{len(repairs) - MAX_REPORTED} more stray bytes repaired the same way"))
    return Decoded(text, name, tuple(notes))


_OTHER = {"utf-8": ("gb18030",), "gb18030": ("utf-8",), "big5": ("utf-8",)}
MAX_REPAIRS_PER_LINE = 64


def _repair(raw: bytes, enc: str) -> tuple[str, list[tuple[int, str]]]:
    """A line that is not all ``enc``: decoded piece by piece; at each stray byte, a character
    of the other encoding that starts at or just before it (and makes a plausible character),
    else U+FFFD. Returns the text and (offset in the line, what was done) for each repair."""
    out: list[str] = []
    found: list[tuple[int, str]] = []
    pos = 0
    while pos < len(raw):
        try:
            out.append(raw[pos:].decode(enc))
            break
        except UnicodeDecodeError as exc:
            bad, width = pos + exc.start, max(1, exc.end - exc.start)
        if len(found) >= MAX_REPAIRS_PER_LINE:  # a line of noise: no more careful work on it
            out.append(raw[pos:].decode(enc, "replace"))
            found.append((bad, f"invalid {enc} bytes replaced by U+FFFD (the rest of the line)"))
            break
        other = _other_char(raw, pos, bad, enc)
        if other is not None:
            start, end, char, other_enc = other
            out.append(raw[pos:start].decode(enc))
            out.append(char)
            found.append((start, f"“{char}” in {other_enc} inside {enc} text, read as {other_enc}"))
            pos = end
            continue
        out.append(raw[pos:bad].decode(enc))
        out.append("\ufffd")
        shown = " ".join(f"\\x{b:02x}" for b in raw[bad:bad + width])
        found.append((bad, f"invalid {enc} byte{'s' if width > 1 else ''} {shown} replaced by U+FFFD"))
        pos = bad + width
    return "".join(out), found


def _other_char(raw: bytes, pos: int, bad: int, enc: str) -> tuple[int, int, str, str] | None:
    """A character of another encoding that explains the stray byte ``bad``: (start, end,
    char, encoding). It may start a few bytes before ``bad`` (a GB18030 decoder reads the
    first bytes of a UTF-8 dash as a character of its own and stumbles only later); the
    bytes before it must be whole characters of ``enc``, those after it must read on past
    ``bad``, and the character must be a common one or punctuation."""
    simp, trad = _common_chars()
    for other in _OTHER[enc]:
        for start in range(bad, max(pos, bad - 12) - 1, -1):
            for width in (2, 3, 4):
                end = start + width
                if end > len(raw):
                    continue
                try:
                    char = raw[start:end].decode(other)
                    raw[pos:start].decode(enc)
                except UnicodeDecodeError:
                    continue
                if len(char) != 1 or not (char in simp or char in trad or unicodedata.category(char)[0] in "PS"):
                    continue
                try:
                    raw[end:].decode(enc)
                except UnicodeDecodeError as exc:
                    if end + exc.start <= bad:
                        continue
                return start, end, char, other
    return None


def read_txt(data: bytes, path: str) -> Source:
    d = decode(data, path)
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    return Source(text=unescaped(lines_text(d.text)), path=path, format=fmt, encoding=d.encoding, warnings=d.warnings)


def unescaped(text: str) -> str:
    """Character references as the characters they stand for; one that stands for a line
    break or for nothing known stays as written (line numbers do not move).

    >>> unescaped("(9月1日&mdash;5日) &ldquo;亲子游戏&rdquo; R&D; &#10;")
    '(9月1日—5日) “亲子游戏” R&D; &#10;'
    """
    if "&" not in text:
        return text

    def char(m: re.Match[str]) -> str:
        c = html.unescape(m.group())
        return m.group() if "\n" in c or "\r" in c else c
    return _REFERENCE.sub(char, text)


def lines_text(text: str) -> str:
    """Unify line endings to LF (line numbers are counted on LF only)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
