"""Lines: the source text as lines that carry what was recognised in them, and broken
sentences rejoined.

:func:`recognize` reads one line once — its simplified characters, the heading that opens
it, whether it is a plan title or a separator, its date mentions and recurrences — and
every later stage, lint and the views read those fields. Two stages live here:
:func:`source_lines` (stage ``lines``) makes a :class:`Line` of every non-blank source line,
and :func:`join_broken` (stage ``join``, after the page chrome is gone) rejoins lines broken
in the middle of a sentence, recording each join as an :class:`Edit`.

>>> from planparse.model import Document, ParseOptions, Source
>>> doc = Document(Source("　　加强职工之家建设，完善职工文体活动阵地和设施，\\n\\n丰富职工业余文化生活。", "x.txt", "txt", "utf-8"))
>>> doc = join_broken(source_lines(doc, ParseOptions()), ParseOptions())
>>> [(ln.text, ln.first, ln.last) for ln in doc.lines]
[('加强职工之家建设，完善职工文体活动阵地和设施，丰富职工业余文化生活。', 1, 3)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from planparse.cues import (FIELD, PADDED_NUMBER, PAGE_COUNT, PINYIN, field_code, hidden_head, is_column_name, is_cover_notice, is_contents_label, is_hidden_note, is_rule, is_separator,
                            is_title, is_toc_entry, letter_spacing, noise_runs, notice_halves, site_note, site_words, title_half, title_head, unglossed)
from planparse.dates import scan
from planparse.headings import DECIMAL_STYLES, TIME_STYLES, detect_heading, match_number
from planparse.model import Document, Edit, Line, Mention, ParseOptions, Recurrence
from planparse.numerals import cn_to_int
from planparse.regexes import regex
from planparse.resources import boilerplate_patterns, heading_patterns, to_simplified, unify_radicals

WHITESPACE = " \t\u3000\u00a0\u200b\ufeff\u2002\u2003\u2009\x0b\x0c"
_MD_HEADING = regex(r"^(?:#{1,6}|>(?:\s*>)*)\s+")  # a Markdown heading's marks, a quote's "> "
_MD_BOLD = regex(r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*")  # "**……**": a line set in bold, as Markdown writes it
_ROW = regex(r" \| |\t|\u3000{2,}|[0-9]{1,2}[:：][0-9]{2}\s*[-—–~～至]")  # table rows and timetables
_LIST_ITEM = regex(r"^(?:[-*•·▪►◆●○■□]\s|[0-9]{1,2}[:：][0-9]{2})")
_MD_IMAGE = regex(r"^!\[[^\]\n]*\]\([^)\n]*\)\s*\|?$")  # a Markdown image alone on its line
MD_TABLE_RULE = regex(r"^(?=.*\|)\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")  # "| --- | --- |"
_MD_TABLE_ROW = regex(r"^\|(.*\|.*)\|$")  # "| 9月 | 开学典礼 |": a table row with its outer bars
_DIRECTIVE_LINE = regex(r"^(?:<!--|#|//)?\s*planparse:\s*(?:disable|enable)[\w-]*\s*=.*$")  # lint comments
_OPEN_CLAUSE = ("，", ",", "、")
_PROSE_MARK = regex(r"[，。；！？]")
_CONTENT_COLUMN = regex(r"(?:内容|事项|安排|活动|任务|措施)[|｜\s]*$")  # a column of clauses ("工作内容")
_TOP_NUMBER = regex(r"([0-9]{1,2})\s*[.．、](?![0-9])")  # "3.工作目标", "3、……": a number outline items go under
_CN_TOP_NUMBER = regex(r"([一二三四五六七八九十]{1,3})\s*[、.．]")  # "三、保障措施", as the outline's "3.1" counts it
SHORT_CELL_CHARS = 14  # a cell of a table flattened to a line, its cells parted by spaces
CELL_CHARS = 20  # the longest header or date cell of a table set one cell to a line
MAX_COLUMNS = 8  # the most columns of a table set one cell to a line whose rows are rejoined
HIDDEN_REST = 8  # the fewest characters of the page's text after a note that it hides text (a clause's worth)
ROW_NUMBER = regex(r"^\s*([0-9]{1,3})\s*[|｜]?\s*$")  # "3", "3 |": a row's number standing as a cell
_DATE_CELL_REST = regex(r"[\s|｜~～至到—–\-、，,（）()]+")
BARE_CHARS = 20  # the longest line that a bare number heads
HEADING_WORDS = 30  # the longest line of a heading's words under its number set alone ("一、")
PARALLEL_CHARS = (4, 12)  # the shortest and longest unnumbered heading of a parallel run
PARALLEL_PROSE = 20  # the shortest paragraph under each of them
_CJK_PAIR = regex(r"^[\u4e00-\u9fff]{2}")
TITLE_CHARS = 60  # the longest title whose two lines are joined at its book-title marks
_SPACES = regex(r"\s+")
_GLUED_SEPARATOR = regex(r"(?<=[。！？!?])\s*(?P<sep>(?:范文|範文|篇)\s*(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2}(?=(?:19|20)[0-9xX×]{2}年|[^0-9]))"
                         r"|第\s*[一二三四五六七八九十0-9]{1,3}\s*篇)[\s：:]*(?=\S)")  # "范文一", "第二篇" before its plan's words
_SENTENCES = regex(r"[^。！？!?]+[。！？!?]*")
_TRAILING_TITLE = regex(r"^.{20,}。\s*(?P<title>[^。！？!?]{4,30})$")  # "……照常上班。我的寒假学习计划"
_TERMINAL = tuple("。！？!?；;：:…”’\"）)》】」")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";")


def recognize(text: str, first: int, last: int | None = None,
              pieces: tuple[tuple[int, int, int], ...] = (), outline: bool = False, bare: bool = False) -> Line:
    """A :class:`Line` of ``text`` with everything recognised in it; ``outline``: the document
    is numbered in outline ("4.1.2 ……"), whose numbers are no dates; ``bare``: the line is one of
    a run of headings the document numbers in its own way: with no marks ("1班级情况分析") or
    behind a label ("O1：工作").

    >>> ln = recognize("九月份：召开教职工大会", 3)
    >>> ln.heading.style, ln.role, [m.text for m in ln.dates]
    ('month', 'heading', ['九月份'])
    >>> [m.text for m in recognize("4.3 3.15-3.20开展消防检查", 9, outline=True).dates]
    ['3.15-3.20']
    """
    simple = to_simplified(text)
    heading = detect_heading(text, outline, bare)
    words = unglossed(simple)  # "工作計(jì)劃": a converter's pinyin is no part of the words
    cut = {i for m in PINYIN.finditer(simple) for i in range(*m.span())} if words != simple else letter_spacing(simple)
    if cut and words == simple:  # nor a PDF's letter spacing: "竹 圍 仔 社 區 …… 工 作 行 事 曆"
        words = "".join(c for i, c in enumerate(simple) if i not in cut)
    separator = is_separator(words, heading)
    role = "title" if separator or is_title(words, heading) else ("heading" if heading is not None else "body")
    dates, recurrences = _scan_without(simple, text, cut) if cut else scan(simple, text)
    if heading is not None and heading.style in DECIMAL_STYLES:
        end = text.index(heading.number) + len(heading.number)  # type: ignore[arg-type]
        dates = tuple(m for m in dates if m.offset >= end)
    return Line(text, first, first if last is None else last, pieces or ((first, 0, 0),), simple, heading,
                separator, role, dates, recurrences)


def _scan_without(simple: str, text: str, cut: set[int]) -> tuple[tuple[Mention, ...], tuple[Recurrence, ...]]:
    """The time expressions of a line read without the characters at ``cut`` — the pinyin a
    converter wrote into it ("國(guó)慶節(jié)前"), a PDF's letter spacing — and placed back on the
    line as written."""
    at = [i for i in range(len(simple)) if i not in cut]
    dates, recurrences = scan("".join(simple[i] for i in at), "".join(text[i] for i in at))

    def placed(found):  # a mention or recurrence at its place on the line as written
        return replace(found, text=text[at[found.offset]:at[found.offset + len(found.text) - 1] + 1], offset=at[found.offset])

    return tuple(map(placed, dates)), tuple(map(placed, recurrences))


def source_lines(doc: Document, options: ParseOptions) -> Document:
    """Stage ``lines``: every non-blank source line, stripped of its indentation (full-width
    spaces, Markdown heading marks and quote marks included), its Kangxi radicals read as the
    characters they stand for, recognised once. Lint directive comments
    and a Markdown table's rule line are no lines of the plan, a Markdown image alone on its line is
    the page's (a boilerplate edit); a Markdown table row loses
    its outer bars; a title run together with its plan's first sentence, or run on after a paragraph, is two lines; a forum's anti-copy
    noise before or after a line's text is the page's (a boilerplate edit)."""
    lines, edits = [], []
    raws = unify_radicals(doc.source.text).split("\n")
    leads = [_lead(raw) for raw in raws]
    texts = [raw[lead:].rstrip(WHITESPACE) for raw, lead in zip(raws, leads)]
    contents = _contents(texts)
    scanned = ["" if n in contents else t for n, t in enumerate(texts, 1)]  # (a contents list heads nothing)
    counted = {m.string[:m.start()].strip(WHITESPACE) for t in texts if (m := PAGE_COUNT.search(t))} - {""}
    mark = watermark(texts)
    outline, bare = _outline(scanned), _bare_numbered(scanned) | _labelled(scanned) | _parallel(scanned) | _bracketed(scanned) \
        | _under_numbers(scanned)
    for n, (lead, text) in enumerate(zip(leads, texts), 1):
        md = _MD_HEADING.match(text)
        if md:
            text = text[md.end():]
        bold = _MD_BOLD.fullmatch(text)
        if bold:
            text = bold[1]
        if not text or _DIRECTIVE_LINE.match(text) or MD_TABLE_RULE.match(text):
            continue
        if _MD_IMAGE.match(text):  # "![](…/image_emoticon36.png)": a picture, no words of the plan
            edits.append(Edit("boilerplate", n, text))
            continue
        indent = lead + (md.end() if md else 0) + (2 if bold else 0)
        if text.startswith(",") and text.endswith(",") and len(text) > 2:  # ",元月,": a scraped table's cell
            indent += 1
            text = text[1:-1].strip(WHITESPACE)
            if not text:
                continue
        row = _MD_TABLE_ROW.match(text)
        if row:  # a Markdown table row reads as the other readers' rows: cells joined by " | "
            inner = row.group(1)
            indent += 1 + len(inner) - len(inner.lstrip())
            text = inner.strip()
        for pattern, end in zip(noise_runs(), (0, -1)):  # a forum's anti-copy noise before or after the text
            # ("……大了！Q p= 5% N( g: u& A[ e}") is the page's (looked for where the line ends in ASCII)
            jam = pattern.search(text) if text and text[end] <= "~" else None
            if jam is not None and jam.group(0).strip(WHITESPACE) != text:
                edits.append(Edit("boilerplate", n, jam.group(0).strip(WHITESPACE)))
                indent += jam.end() if end == 0 else 0
                text = (text[:jam.start()] + text[jam.end():]).strip(WHITESPACE)
        if mark and text.endswith(mark) and text != mark:
            edits.append(Edit("boilerplate", n, mark))
            text = text[:-len(mark)].rstrip(WHITESPACE)
        code = field_code().match(text) if "PAGE" in text else None  # "PAGEPAGE5某農村商業銀行……": Word's, not the plan's
        if code is not None:
            edits.append(Edit("boilerplate", n, code.group(0).strip(WHITESPACE)))
            indent += code.end()
            text = text[code.end():]
        hidden = hidden_head().match(text) if "隐藏" in text else None  # "……此处隐藏4126个字……的先进事迹，……": the
        if hidden is not None and len(text) - hidden.end() >= HIDDEN_REST:  # note is a line of the page's, and the
            lines.append(recognize(hidden.group(0).strip(WHITESPACE), n, n, ((n, 0, indent),)))  # text after it one of its own
            indent += hidden.end()
            text = text[hidden.end():]
        note = site_note().match(text)  # "……范文仅供参考,自行编辑使用" run on before the title: the site's
        rest = text[note.end():].lstrip(WHITESPACE) if note else ""
        if rest and (is_separator(simple := to_simplified(rest), None) or is_title(simple, None)):
            edits.append(Edit("boilerplate", n, note.group(0).strip(WHITESPACE)))
            indent += len(text) - len(rest)
            text = rest
        piece = _GLUED_SEPARATOR.search(text)  # "……欢迎阅读参考！范文一20xx年翠湖": a site's sentences, then a
        if piece and _site_sentences(text[:piece.start()]):  # compilation's bare separator run into its plan's first words
            edits.append(Edit("boilerplate", n, text[:piece.start()].strip(WHITESPACE)))
            lines.append(recognize(piece["sep"], n, n, ((n, 0, indent + piece.start("sep")),)))
            indent += piece.end()
            text = text[piece.end():]
        glued = heading_patterns().glued_title.match(text)  # (the pattern has both scripts' words)
        end = glued.end() if glued else _counted_title_end(text, counted)
        if end and text.count("《", 0, end) <= text.count("》", 0, end):  # "中班月工作计划 篇2本月是……": the
            # title, then its plan's first sentence (not a name cut inside its book-title marks: "《……方案 汇编6份.docx》由会员分享")
            lines.append(recognize(text[:end], n, n, ((n, 0, indent),)))
            rest = text[end:]
            text, indent = rest.lstrip(WHITESPACE), indent + end + len(rest) - len(rest.lstrip(WHITESPACE))
        tail = _TRAILING_TITLE.match(text)  # a site's paragraph with the plan's title run on after it: two lines
        if tail and is_title(to_simplified(tail["title"]), None):
            lines.append(recognize(text[:tail.start("title")].rstrip(WHITESPACE), n, n, ((n, 0, indent),)))
            indent += tail.start("title")
            text = tail["title"]
        ln = recognize(text, n, n, ((n, 0, indent),), outline, n in bare)
        lines.append(ln if n not in contents else replace(ln, heading=None, role="body"))
    return replace(doc, lines=tuple(_closed_titles(lines)), edits=doc.edits + tuple(edits))


_LOST_INDENT = regex(r"\?{2,}(?=[^?])")  # "??一、規劃背景": full-width spaces a page's encoding could not write


def _lead(raw: str) -> int:
    """How many characters indent a source line: its white space, and the run of "?" a page
    wrote for full-width spaces it could not encode ("??一、規劃背景").

    >>> _lead("　　一、指导思想"), _lead("??一、規劃背景"), _lead("  ?? (一)指導思想"), _lead("???"), _lead("?怎么写")
    (2, 2, 5, 0, 0)
    """
    n = len(raw) - len(raw.lstrip(WHITESPACE))
    lost = _LOST_INDENT.match(raw, n)
    return n if lost is None else len(raw) - len(raw[lost.end():].lstrip(WHITESPACE))


_AFTER_COUNTED = regex(r"\s*(?:[（(][一二三四五六七八九十0-9]{1,2}[)）])?(?=[\u4e00-\u9fff“\"][^\n]{20,}[，,。])")


WATERMARK_LINES = 3  # the fewest lines a site's watermark ends
WATERMARK_CHARS = (6, 40)  # its shortest and longest


def watermark(texts: Sequence[str]) -> str | None:
    """A site's name run on at the end of line after line of the plan ("……做好准备。TxR825范文网-优秀范文分享
    平台"): the ending, with a site's word in it, that the most lines share (WATERMARK_LINES at least, two of
    them ending a sentence before it), the longest of those; None for no such ending. A header the page
    repeats whole, page after page, is no line's ending.

    >>> watermark(["一、活动安排XY范文网-范文分享平台", "各村要做好准备。XY范文网-范文分享平台", "比赛在广场举行。XY范文网-范文分享平台"])
    'XY范文网-范文分享平台'
    >>> watermark(["社区活动方案范文", "学校活动方案范文", "班级活动方案范文"]) is None
    True
    """
    words = site_words()
    low, high = WATERMARK_CHARS
    ends: Counter[str] = Counter()
    for t in texts:
        if len(t) > low and words.search(t, max(0, len(t) - high)):
            ends.update({t[-k:] for k in range(low, min(high, len(t) - 1) + 1)})
    for _, _, end in sorted(((count, len(end), end) for end, count in ends.items() if count >= WATERMARK_LINES), reverse=True):
        before = {t[:-len(end)] for t in texts if t.endswith(end)}
        if words.search(end) and len(before) >= WATERMARK_LINES and sum(1 for b in before if b.endswith(_SENTENCE_ENDS)) >= 2:
            return end
    return None


def _counted_title_end(text: str, counted: set[str]) -> int:
    """Where the plan's title ends when a line begins with the title the page counts its plans
    under ("医疗质量月活动实施方案(3篇)"), maybe numbered ("(二)"), run into the plan's first sentence
    ("医疗质量月活动实施方案医疗质量和医疗安全是……"); 0 for no such line.

    >>> _counted_title_end("医疗质量月活动实施方案(二)为认真落实上级通知要求，进一步加强医院质量安全管理，制定本方案。", {"医疗质量月活动实施方案"})
    14
    >>> _counted_title_end("医疗质量月活动实施方案(3篇)", {"医疗质量月活动实施方案"})
    0
    """
    for title in counted:
        if text.startswith(title) and (m := _AFTER_COUNTED.match(text, len(title))) is not None:
            return m.end()
    return 0


def _site_sentences(text: str) -> bool:
    """Is ``text`` a sharing site's sentences and nothing else ("下面小编带来了……范文，欢迎阅读参考！")?"""
    bp = boilerplate_patterns()
    sentences = [s for s in _SENTENCES.findall(to_simplified(text)) if s.strip(WHITESPACE)]
    return bool(sentences) and all(bp.sentence.search(s) or bp.intro.search(s) for s in sentences)


def _closed_titles(lines: list[Line]) -> list[Line]:
    """A title broken inside its book-title marks ("关于印发《共青团青陵区委2024年" / "工作计划》的通知")
    is one line: the line under an open 《 that closes it joins it."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and ln.first == prev.last + 1 and prev.text.count("《") > prev.text.count("》")
                and ln.text.count("》") > ln.text.count("《") and len(prev.text) + len(ln.text) <= TITLE_CHARS
                and not _PROSE_MARK.search(prev.text + ln.text)):
            pieces = prev.pieces + tuple((src, start + len(prev.text), col) for src, start, col in ln.pieces)
            out[-1] = recognize(prev.text + ln.text, prev.first, ln.last, pieces)
        else:
            out.append(ln)
    return out


def _outline(texts: list[str]) -> bool:
    """Is the document numbered in outline? A line "3.1 ……" under a heading "3.……", "3、……" or
    "三、……" shows it. (``texts``: the source lines, stripped.)"""
    pattern = heading_patterns().outline
    tops: set[str] = set()
    for text in texts:
        m = pattern.match(text)
        if m and m["n"] in tops:
            return True
        top = _TOP_NUMBER.match(text) or _bare_heading(text)  # (or "3 相关工作要求")
        if top:
            tops.add(top.group(1))
        elif cn := _CN_TOP_NUMBER.match(text):  # "二、团日活动安排" over "2.1 志愿服务类"
            tops.add(str(cn_to_int(cn.group(1))))
    return False


def _contents(texts: list[str]) -> set[int]:
    """The source lines of a table of contents with no leaders: the lines under "目 录" that the
    document repeats further down, where they head its parts ("1 总 体 要 求", "1.1 指导思想"), a page
    number after them or not ("一、总体要求 1").

    >>> sorted(_contents(["目   录", "1 总体要求", "2 项目安排 3", "", "1 总体要求", "坚持……", "2 项目安排"]))
    [2, 3]
    """
    keys = [_SPACES.sub("", t) for t in texts]
    last = {key: n for n, key in enumerate(keys, 1) if key}  # where each line is written last
    out: set[int] = set()
    for n, key in enumerate(keys, 1):
        if is_contents_label(key):
            for k, entry in enumerate(keys[n:], n + 1):
                paged = _SPACES.sub("", _PAGE_AFTER.sub("", texts[k - 1]))  # ("一、总体要求 1")
                if entry and last[entry] == k and last.get(paged, 0) <= k:
                    break  # written here and nowhere below: the contents have ended
                if entry:
                    out.add(k)
    return out | _unlabelled_contents(texts, keys, last)


_WIDE_PAGE = regex(r"(?<=\S)(?:\s{2,}|\t)(?P<page>[0-9]{1,3})\s*$")  # a contents entry's page number, set apart
_DIGITS = tuple("0123456789")


def _unlabelled_contents(texts: list[str], keys: list[str], last: dict[str, int]) -> set[int]:
    """The source lines of a table of contents with no label over it: a run of entries, three or more
    with a page number set apart and rising, two or more of them heading the parts further down.

    >>> texts = ["甲、學校背景  1", "乙、關注事項  2", "丙、工作計劃  5", "", "甲、學校背景", "本校……", "乙、關注事項"]
    >>> sorted(_unlabelled_contents(texts, [_SPACES.sub("", t) for t in texts], {"甲、學校背景": 5, "乙、關注事項": 7}))
    [1, 2, 3]
    """
    out: set[int] = set()
    n = 0
    while n < len(texts):
        run, pages, again, k = [], [], 0, n
        while k < len(texts):
            if not keys[k]:
                k += 1
                continue
            m = _WIDE_PAGE.search(texts[k]) if texts[k].rstrip()[-1:] in _DIGITS else None  # (it ends with a digit)
            if m is None and not (run and last.get(keys[k], 0) > k + 1) or m and pages and int(m["page"]) < pages[-1]:
                break
            run.append(k + 1)
            if m is not None:
                pages.append(int(m["page"]))
            again += last.get(_SPACES.sub("", texts[k][:m.start()]) if m else keys[k], 0) > k + 1
            k += 1
        if len(pages) >= 3 and again >= 2:
            out.update(run)
        n = max(k, n + 1)
    return out


_PAGE_AFTER = regex(r"(?<=\S)\s+[0-9]{1,3}\s*$")  # a contents entry's page number


def _bare_numbered(texts: list[str]) -> set[int]:
    """The source lines of runs of three or more short lines numbered 1, 2, 3 … in order with no
    marks ("1班級情況分析" … "3具體措施"): the plan's headings, their marks lost.

    >>> sorted(_bare_numbered(["1班级情况分析", "本班47人。", "2工作目标", "3具体措施", "3人参加"]))
    [1, 3, 4]
    >>> sorted(_bare_numbered(["一", "本园共设9个班。", "二", "总体目标是：……", "三", "保育教育工作。……"]))
    [1, 3, 5]
    >>> _bare_numbered(["1班级情况分析", "2工作目标"])
    set()
    """
    numbered = ((n, "", cn_to_int(m["num"])) for n, text in enumerate(texts, 1) if (m := _bare_heading(text)))
    return _runs_in_order(numbered)


def _labelled(texts: list[str]) -> set[int]:
    """The source lines of runs of three or more parts numbered 1, 2, 3 … in order behind the
    same label ("O1：工作", "O2：学习", "O3：健康"; "第一件事，……"): the plan's headings.

    >>> sorted(_labelled(["活動主題一: 篩檢", "每月一次。", "活動主題二: 共餐", "活動主題三: 志工", "附件1：报名表"]))
    [1, 3, 4]
    >>> _labelled(["目标一：提升质量", "目标二：控制成本"])
    set()
    """
    numbered = []
    for n, text in enumerate(texts, 1):
        m = next((m for st in heading_patterns().labelled if (m := st.pattern.match(text))), None)
        if m is not None and match_number(text) is None:
            value = cn_to_int(re.sub(r"[^0-9一二三四五六七八九十]", "", m["num"].replace(m["label"], "", 1)))
            numbered.append((n, to_simplified(m["label"]), value))
    return _runs_in_order(numbered)


def _runs_in_order(numbered: Iterable[tuple[int, str, int | None]]) -> set[int]:
    """The lines of runs of three or more numbered 1, 2, 3 … in order, each label's on its own
    (line, label, number in order of the lines; a 1 opens a run, the next number goes on with it).

    >>> sorted(_runs_in_order([(1, "O", 1), (3, "", 1), (4, "O", 2), (6, "O", 3), (7, "O", 5)]))
    [1, 4, 6]
    """
    runs: dict[str, list[list[int]]] = {}
    for n, label, value in numbered:
        own = runs.setdefault(label, [])
        if value == 1:
            own.append([n])
        elif own and value == len(own[-1]) + 1:
            own[-1].append(n)
    return {n for own in runs.values() for run in own if len(run) >= 3 for n in run}


def _under_numbers(texts: list[str]) -> set[int]:
    """The source lines right under a run of three or more numbers alone, zero-padded and in
    order ("01" over "科学规划：让寒假张弛有度", "02" over ……), that hold a heading's words and no
    number of their own, over a line of text: the plan's headings, their numbers set apart as an
    article sets them (not an event's name set in two lines over its fields).

    >>> sorted(_under_numbers(["01", "科学规划", "每天读书。", "02", "作息参考", "小学生，早睡。", "03", "一、家长须知"]))
    [2, 5]
    """
    padded = _runs_in_order((n, "", int(t)) for n, t in enumerate(texts, 1) if PADDED_NUMBER.fullmatch(t))
    below = [k for n in padded if (k := _next_text(texts, n)) is not None and len(texts[k - 1]) <= BARE_CHARS
             and _CJK_PAIR.match(texts[k - 1].lstrip("“「《")) and not _PROSE_MARK.search(texts[k - 1])
             and match_number(texts[k - 1]) is None]
    return {k for k in below if (after := _next_text(texts, k)) is not None and _PROSE_MARK.search(texts[after - 1])}


def _next_text(texts: list[str], n: int) -> int | None:
    """The number of the first non-blank line after line ``n``."""
    return next((k for k in range(n + 1, len(texts) + 1) if texts[k - 1]), None)


def _parallel(texts: list[str]) -> set[int]:
    """The source lines of three or more short unnumbered lines that open with the same two
    characters, each over a paragraph of prose ("关于读书", "关于写作", "关于健康"): the plan's
    headings, set as a blog sets them.

    >>> prose = "这几年读得太少，今年每月至少读完一本书，并写一篇读书笔记。"
    >>> sorted(_parallel(["关于读书", prose, "关于写作", prose, "关于健康", prose, "关于家庭"]))
    [1, 3, 5]
    """
    runs: dict[str, list[int]] = {}
    for n, text in enumerate(texts, 1):
        if not PARALLEL_CHARS[0] <= len(text) <= PARALLEL_CHARS[1] or _PROSE_MARK.search(text) or text.endswith(_TERMINAL) \
                or not _CJK_PAIR.match(text) or match_number(text) is not None:
            continue
        below = next((t for t in texts[n:] if t), "")
        if len(below) >= PARALLEL_PROSE and _PROSE_MARK.search(below):
            runs.setdefault(text[:2], []).append(n)
    return {n for run in runs.values() if len(run) >= 3 for n in run}


def _bracketed(texts: list[str]) -> set[int]:
    """The source lines that open with a short name in 【】, three or more in the document ("【活动目的】……",
    "【组织单位】……", "【行程路线】……"): the plan's parts, each named so.

    >>> sorted(_bracketed(["【活动目的】增进友谊", "【组织单位】团委", "本次活动……", "【规则】", "【篇二】"]))
    [1, 2, 4]
    >>> _bracketed(["【活动目的】增进友谊", "【组织单位】团委"])
    set()
    """
    run = heading_patterns().bracket_run
    named = {n for n, text in enumerate(texts, 1) if text.startswith("【") and run.match(to_simplified(text))}
    return named if len(named) >= 3 else set()


def _bare_heading(text: str) -> re.Match[str] | None:
    """A short line that a number with no marks may head ("1班级情况分析", "3 相关工作要求")."""
    if len(text) > BARE_CHARS or not text[:1].isnumeric() or _PROSE_MARK.search(text):
        return None
    m = next((m for st in heading_patterns().bare if (m := st.pattern.match(text))), None)
    return m if m is not None and match_number(text) is None else None


def join_broken(doc: Document, options: ParseOptions) -> Document:
    """Stage ``join``: rejoin sentences broken by stray line breaks (chrome lines are gone).

    The pieces of one sentence are gathered first and the joined line recognised once.
    """
    groups: list[list[Line]] = []
    edits: list[Edit] = []
    gap = False  # a note that the page hides text: what follows it is not what went before
    lines = [ln for ln in doc.lines if ln.role != "chrome" or is_hidden_note(ln.text)]
    rows = _cell_rows(lines)  # a table's cells, one to a line: each cell's index → its row's first
    starts = {lines[i].first for i in rows.values()}
    for i, ln in enumerate(lines):
        if ln.role == "chrome":
            gap = True
            continue
        if rows.get(i, i) < i:
            edits.append(Edit("cell", ln.first, f"a cell of the table's row on line {lines[rows[i]].first}"))
            groups[-1].append(ln)
        elif groups and not gap and i not in rows and groups[-1][0].first not in starts and _continues(groups[-1], ln):
            edits.append(Edit("join", ln.first, f"joined to line {groups[-1][0].first}"))
            groups[-1].append(ln)
        else:
            groups.append([ln])
        gap = False
    return replace(doc, lines=tuple(_joined(g, g[0].first in starts) for g in groups),
                   edits=tuple(sorted(doc.edits + tuple(edits), key=lambda e: e.line)))


def _cell_rows(lines: list[Line]) -> dict[int, int]:
    """The rows of a table set one cell to a line: rows that open with their numbers
    (:func:`numbered_rows`), or rows with their dates in the last column ("国庆升旗礼 |", "唱响国歌 |",
    "9月30日 |"): a cell that is only a date every ``width`` lines, two rows or more, under a header of
    as many short cells. Each cell's index → its row's first.

    >>> cells = ["项目 |", "内容 |", "时间 |", "开学第一课 |", "学习校规校纪 |", "9月 |", "国庆升旗礼 |", "唱响国歌 |", "9月30日 |"]
    >>> sorted(_cell_rows([recognize(t, n) for n, t in enumerate(cells, 1)]).items())
    [(3, 3), (4, 3), (5, 3), (6, 6), (7, 6), (8, 6)]
    """
    rows: dict[int, int] = {}
    for a, b in numbered_rows(lines):
        if all(_cell(lines[x]) or ROW_NUMBER.match(lines[x].text) for x in range(a, b)):
            rows.update((x, a) for x in range(a, b))  # "5", "液氨泄漏综合应急演练", "6 月中旬", "生产技术部"
    dated = [i for i, ln in enumerate(lines) if _date_cell(ln) and i not in rows]
    k = 0
    while k + 1 < len(dated):
        width = dated[k + 1] - dated[k]
        j = k
        while j + 1 < len(dated) and dated[j + 1] - dated[j] == width:
            j += 1
        head = dated[k] - 2 * width + 1
        if j > k and 2 <= width <= MAX_COLUMNS and head >= 0 \
                and all(_cell(lines[x]) and not lines[x].dates for x in range(head, head + width)) \
                and all(_cell(lines[x]) for x in range(head + width, dated[j] + 1)):
            for r in dated[k:j + 1]:
                rows.update((x, r - width + 1) for x in range(r - width + 1, r + 1))
        k = j + 1 if j > k else k + 1
    rows.update(_headed_rows(lines, rows))
    return rows


def _headed_rows(lines: list[Line], taken: dict[int, int]) -> dict[int, int]:
    """The rows of a table set one cell to a line under a header of two or more column names
    ("周次", "日期", "活动内容", "负责人", "地点"): as many cells each as the header names, a date
    in the same column of each ("第1周", "第3周"), two rows or more. Each cell's index → its row's first.

    >>> cells = ["周次", "日期", "活动内容", "第1周", "9.2—9.6", "教研组集体备课", "第3周", "9.16—9.20", "新教材培训", "二、要求"]
    >>> sorted(set(_headed_rows([recognize(t, n) for n, t in enumerate(cells, 1)], {}).values()))
    [3, 6]
    """
    named = [i not in taken and is_column_name(_SPACES.sub("", ln.simple).strip("|｜")) for i, ln in enumerate(lines)]
    rows: dict[int, int] = {}
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and named[j]:
            j += 1
        width, found = j - i, []
        column = next((c for c in range(width) if j + c < len(lines) and _date_cell(lines[j + c])), None)
        prose = [_CONTENT_COLUMN.search(lines[i + c].simple) is not None for c in range(width)]
        if 2 <= width <= MAX_COLUMNS and column is not None:
            at = j
            while at + width <= len(lines) and _date_cell(lines[at + column]) and all(
                    x not in taken and (_cell(lines[x]) or prose[x - at] and _prose_cell(lines[x]))
                    for x in range(at, at + width)):
                found.append(at)
                at += width
        if len(found) >= 2:
            rows.update((x, r) for r in found for x in range(r, r + width))
        i = max(j, i + 1)
    return rows


def numbered_rows(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """The rows (first index, end index) of a table set one cell to a line whose rows open with
    their numbers alone on a line ("1", "2 |", …): three or more in order, each row 2 to 15 lines
    (a cell wrapped over two lines or one left empty makes a row a line longer or shorter than the
    first), most of the cells short (a PDF's page numbers stand as far apart, with prose between).
    The last row is as long as the first.

    >>> texts = ["序号", "事项", "1", "春节慰问", "2月", "2", "消防检查", "3月", "3", "大扫除", "4月", "二、要求"]
    >>> numbered_rows([recognize(t, n) for n, t in enumerate(texts, 1)])
    [(2, 5), (5, 8), (8, 11)]
    """
    texts = [ln.text for ln in lines]
    numbers = [(i, int(m.group(1))) for i, t in enumerate(texts) if (m := ROW_NUMBER.match(t))]
    rows: list[tuple[int, int]] = []
    k = 0
    while k + 2 < len(numbers):
        (start, _), width = numbers[k], numbers[k + 1][0] - numbers[k][0]
        j = k
        while j + 1 < len(numbers) and numbers[j + 1][1] == numbers[j][1] + 1 \
                and width - 1 <= numbers[j + 1][0] - numbers[j][0] <= width + 2:
            j += 1
        end = min(numbers[j][0] + width, len(texts))
        if j - k >= 2 and 2 <= width <= 15 and sorted(len(texts[x]) for x in range(start, end))[(end - start) // 2] <= CELL_CHARS:
            bounds = [i for i, _ in numbers[k:j + 1]] + [end]
            rows += list(zip(bounds, bounds[1:]))
        k = max(j, k + 1)
    return rows


def undated(ln: Line) -> str:
    """The line's text without its date mentions."""
    rest = ln.text
    for m in ln.dates:
        rest = rest.replace(m.text, "", 1)
    return rest


def _date_cell(ln: Line) -> bool:
    """A cell that is only its date ("9月 |", "10月~11月")."""
    return bool(ln.dates) and len(ln.text) <= CELL_CHARS and not _DATE_CELL_REST.sub("", undated(ln)) \
        and not ln.text.rstrip().endswith(("：", ":"))


def _cell(ln: Line) -> bool:
    """A line that may be a table's cell: short, no sentence, no heading or title of the plan but a
    month's or week's name ("6 月中旬")."""
    head = ln.heading
    return (ln.role == "body" or head is not None and head.style in TIME_STYLES and not head.body) \
        and len(ln.text) <= CELL_CHARS * 2 and not _PROSE_MARK.search(ln.text[:-1] + " ")


def _prose_cell(ln: Line) -> bool:
    """A content column's cell, a clause or two ("节后返园，各班开展谈话活动，稳定幼儿情绪")."""
    return ln.role == "body" and ln.heading is None and len(ln.text) <= CELL_CHARS * 4 \
        and not ln.text.rstrip().endswith(("：", ":"))


def _joined(group: list[Line], row: bool = False) -> Line:
    """The line of a group; ``row``: its lines are the cells of a table's row, parted by " | "."""
    if len(group) == 1:
        return group[0]
    pieces, text = [], ""
    for ln in group:
        if row and text and not text.rstrip().endswith(("|", "｜")):
            text += " | "
        elif row and text:
            text += " "
        pieces += [(src, start + len(text), col) for src, start, col in ln.pieces]
        text += ln.text
    head = group[0].heading
    joined = recognize(text, group[0].first, group[-1].last, tuple(pieces), head is not None and head.style in DECIMAL_STYLES)
    if all(ln.role == "title" for ln in group) and joined.role != "title":
        return replace(joined, role="title")  # a title's halves, however the whole reads ("2016年全市林业" / "工 作 要 点")
    return joined


_SENDS = regex(r"(?:关于|印发|转发)$")  # a cover notice's title broken after its verb, or before it


def _row(text: str) -> bool:
    """A table's row: cells joined by " | " or tabs, a timetable's line, or short cells parted
    by single spaces ("3 消防设施器材专项检查 3.15-3.20 安全环保部")."""
    return bool(_ROW.search(text)) or (text.count(" ") >= 2 and not _PROSE_MARK.search(text)
                                       and all(len(c) <= SHORT_CELL_CHARS for c in text.split(" ")))


def _continues(group: list[Line], nxt: Line) -> bool:
    """Does ``nxt`` continue the sentence that the lines of ``group`` leave open?"""
    first = group[0]
    if len(group) == 1 and first.role == nxt.role == "title" and not first.separator and not nxt.separator and (
            title_head(first, nxt) or notice_halves(first.simple, nxt.simple)
            or title_half(first, nxt)):
        return True  # a title set in two lines ("城关镇桃源社区居民委员会2023年度" / "工作计划"; an
        # organisation's name over a title that opens with its year; "……关于印发" / "《……》的通知";
        # a half that names no plan: "柏海州深化紧密型县域医疗卫生" / "共同体建设实施方案"; not a page's title over
        # its first piece's separator: "2020年医院工会工作计划" / "【篇一】")
    if len(group) <= 2 and first.role == nxt.role == "title" and not first.separator and not nxt.separator \
            and _SENDS.search(unglossed(first.simple)) and not is_cover_notice(so_far := "".join(ln.simple for ln in group)) \
            and (len(group) == 1 or is_cover_notice(so_far + nxt.simple)):
        return True  # a cover notice's title set in three lines ("……财政厅关于印发" / "澜江省2024年农作物秸秆综合利用" /
        # "实施方案的通知"; "……办公厅关(guān)于" / "印发……学生" / "……方案的通知")
    if len(group) == 1 and first.heading is not None and first.heading.number and not first.heading.title \
            and not first.heading.body and first.text.rstrip()[-1] in "、.．)）" \
            and (nxt.heading is None or nxt.heading.style == "plain") and nxt.role in ("body", "heading") \
            and nxt.first == first.last + 1 and len(nxt.text) <= HEADING_WORDS and "。" not in nxt.text:
        return True  # a number and its mark alone on a line ("一、"), its heading's words on the next ("目的與範圍")
    prev = "".join(ln.text for ln in group) if len(group) > 1 else first.text
    short = len(prev) < 20 and not (first.heading is not None and prev.endswith(_OPEN_CLAUSE))
    if prev.endswith(_TERMINAL) or short or _row(group[-1].text) or _row(nxt.text) or is_rule(nxt.text):
        return False  # (a numbered line that ends in a comma may be short: "3、加强党员队伍建设，")
    if _LIST_ITEM.match(nxt.text) or FIELD.match(prev) or _dated_item(nxt) or is_toc_entry(group[-1].text) \
            or _date_cell(nxt) or _date_cell(group[-1]):
        return False  # "- 10:00 到达基地", "11.13-11.17 期中考试", a table of contents' line: a new item;
        # "成　员：……": a field of its own; "9.11-9.15": a table's date cell, set on its own line
    if nxt.heading is not None or nxt.role in ("title", "signoff") or first.role == "signoff":
        return False
    if (first.role == "title" or (len(group) == 1 and is_title(first.simple, first.heading))) and not sentence(prev):
        return False  # a title, though the model read it as text ("……方案【篇1】" then "……方案")
    if first.role == "title" and nxt.first > group[-1].last + 1:
        return False  # "2026 年，我只给自己定了三个目标……", its byline and a blank line, then the text
    if first.heading is not None and len(prev) < 36 and not (detect_heading(prev) or first.heading).body:
        # a heading on its own line ("2. 抓住结合点，促进教师队伍建设，" before a blank line), unless
        # the very next line carries on a clause it leaves open ("……各教研组要围绕" / "……帮扶学生，")
        adjacent = nxt.first == group[-1].last + 1
        return adjacent and (prev.endswith(_OPEN_CLAUSE) or bool(heading_patterns().open_end.search(prev)))
    return True


def _dated_item(ln: Line) -> bool:
    """A line led by its date and a space ("11.13-11.17 期中考试、家长会"): a schedule's item."""
    rest = ln.text[len(ln.dates[0].text):] if ln.dates and ln.dates[0].offset == 0 else ""
    return rest[:1].isspace() and rest.strip(" |｜\t") != ""  # (not a table's date cell: "4月 |")


_HALF_COMMA = regex(r"[\u4e00-\u9fff],[\u4e00-\u9fff]")  # a half-width comma between Chinese words, as a converted copy writes it


def sentence(text: str) -> bool:
    """A line that reads as a sentence, not as a plan's title, whatever its role says
    ("回顾2024年，本人在……较好地完成了文秘、会务和接待"; its commas half-width when it ends as a sentence does:
    "2013年是我省……之年,是……方案。", or as a lead-in does: "……,特制定我局健康教育工作计划:"; not "年末回顧:設定新年目標之前,
    先問自己這 6 個問題").

    >>> sentence("根据创建卫生县城的标准要求,结合我局实际,特制定我局健康教育工作计划:"), sentence("年末回顧:設定新年目標之前,先問自己這 6 個問題")
    (True, False)
    """
    simple = to_simplified(text)
    named = simple.partition("：")[0]  # a title's own words before its subtitle
    return len(simple) >= 20 and ("，" in simple or _HALF_COMMA.search(simple) is not None and simple.endswith(("。", "：", ":"))) \
        and not (heading_patterns().title.search(simple) or heading_patterns().title.search(named))
