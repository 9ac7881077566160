"""Rules on the text itself: placeholders, broken lines, leftovers, doubled words, pairs, punctuation."""

from __future__ import annotations

from functools import cache
from typing import Iterator

from planparse.headings import match_number
from planparse.normalize import WHITESPACE
from planparse.regexes import regex
from planparse.rules import Finding, Fix, LintContext, lint_data, placeholder_pattern, rule

_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "【": "】", "「": "」"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_CJK = "\u4e00-\u9fff"
_HALF = regex(rf"(?<=[{_CJK}”」》）])([,;:?!])[ \t]*(?=[{_CJK}“「《（])|(?<=[{_CJK}])([,;:?!])(?=\s*$)"
                   rf"|\((?=[^()]*[{_CJK}][^()]*\))|(?<=[{_CJK}])\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_PAREN_START = regex(r"^(?:[-*•·▪►◆●○■□]\s*)*(?:[（(]|[0-9０-９]{1,2}\s*[)）])")
_DOUBLE = regex(rf"([{_CJK}]{{2,4}})\1")


@rule("placeholder")
def placeholder(ctx: LintContext) -> Iterator[Finding]:
    for n, text in ctx.content_lines():
        for m in placeholder_pattern().finditer(text):
            yield Finding(n, m.start() + 1, {"text": m.group(0)}, length=len(m.group(0)))


@rule("broken_line")
def broken_line(ctx: LintContext) -> Iterator[Finding]:
    """On the line that ends in mid-sentence, at its end (where the stray break is)."""
    joins = [e.line for e in ctx.edits if e.action == "join"]
    for n in joins:
        prev = n - 1
        while prev > 0 and not ctx.lines[prev - 1].strip():
            prev -= 1
        if prev < 1:
            continue
        head = ctx.lines[prev - 1].rstrip()
        joined = head + ctx.lines[n - 1].strip(WHITESPACE)
        yield Finding(prev, len(head) + 1, {}, Fix(prev, n, (joined,)), 0)


@rule("boilerplate")
def boilerplate(ctx: LintContext) -> Iterator[Finding]:
    seen: set[int] = set()
    for e in ctx.edits:
        if e.action != "boilerplate" or e.line not in ctx.leftovers or e.line in seen:
            continue
        seen.add(e.line)
        text = ctx.lines[e.line - 1]
        i = text.find(e.text)
        rest = (text[:i] + text[i + len(e.text):]).strip() if i >= 0 else ""
        short = e.text if len(e.text) <= 24 else e.text[:24] + "……"
        yield Finding(e.line, i + 1 if i >= 0 else 1, {"text": short},
                      Fix(e.line, e.line, (rest,) if rest else ()), len(e.text) if i >= 0 else None)


@cache
def _legit() -> frozenset[str]:
    return frozenset(lint_data()["reduplicated"])


def _is_word(w: str) -> bool:
    from planparse.segment import is_word

    return is_word(w)


@rule("repeated_word")
def repeated_word(ctx: LintContext) -> Iterator[Finding]:
    function_chars = lint_data()["doubled_function_chars"]
    single = regex(f"([{function_chars}])\\1")
    for n, text in ctx.content_lines():
        found = None
        for m in _DOUBLE.finditer(text):
            unit = m.group(1)
            if m.group(0) not in _legit() and _is_word(unit):
                found = m
                break
        if found is None:
            found = next((m for m in single.finditer(text)
                          if not (m.start() >= 2 and text[m.start() - 2] == text[m.start() - 1])), None)  # 实实在在
        if found:
            line = ctx.lines[n - 1]
            fixed = line[:found.start()] + found.group(1) + line[found.end():]
            yield Finding(n, found.start() + 1, {"text": found.group(0)}, Fix(n, n, (fixed,)),
                          len(found.group(0)))


@rule("unbalanced_pair")
def unbalanced_pair(ctx: LintContext) -> Iterator[Finding]:
    for n, text in ctx.content_lines():
        start = _numbering_end(text)
        stack: list[tuple[str, int]] = []
        bad = None
        for i, ch in enumerate(text):
            if i < start:
                continue
            if ch in _PAIRS:
                stack.append((ch, i))
            elif ch in _CLOSERS:
                if stack and stack[-1][0] == _CLOSERS[ch]:
                    stack.pop()
                elif not any(o == _CLOSERS[ch] for o, _ in stack):
                    bad = (ch, i, _CLOSERS[ch])
                    break
                else:
                    while stack and stack[-1][0] != _CLOSERS[ch]:
                        stack.pop()
                    stack.pop()
        if bad is None and stack:
            ch, i = stack[0]
            bad = (ch, i, _PAIRS[ch])
        if bad:
            yield Finding(n, bad[1] + 1, {"char": bad[0], "partner": bad[2]}, length=1)


def _numbering_end(text: str) -> int:
    """Where a leading numbering token such as "1)" or "（1）" ends (its brackets are not pairs)."""
    if not _PAREN_START.match(text):
        return 0  # no bracketed number can open it: spare the heading patterns
    found = match_number(text)
    if found is None or found[0] not in ("paren_arabic", "paren_cn"):
        return 0
    return len(text) - len(found[3])


@rule("punctuation_mixed")
def punctuation_mixed(ctx: LintContext) -> Iterator[Finding]:
    for n, text in ctx.content_lines():
        start = _numbering_end(text)
        hits = [m for m in _HALF.finditer(text) if m.start() >= start]
        if not hits:
            continue
        line = ctx.lines[n - 1]
        chars: list[str] = list(line)
        for m in hits:
            mark = line[m.start()]
            chars[m.start()] = _FULL[mark]
            for k in range(m.start() + 1, m.end()):
                chars[k] = ""  # the space typed after a half-width mark ("比武, 选树")
            if mark == "(":  # its partner too
                close = line.find(")", m.start())
                if close > 0:
                    chars[close] = "）"
        yield Finding(n, hits[0].start() + 1, {"char": line[hits[0].start()]},
                      Fix(n, n, ("".join(chars),)), 1)
