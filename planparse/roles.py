"""Stage ``roles``: the role of every line — page chrome, plan title, heading, body, sign-off.

A learned model decides (``models/line_roles.npz``, trained by ``planparse train`` on the
corpus and on pages generated from the site families of ``corpus/chrome/``): a linear model
over each line's layout and words — where it stands on the page, how long it and its
neighbours are, runs of short lines, separators, trailing dates, the chrome words and
patterns of ``chrome_cues.yaml``, the boilerplate patterns, letter spacing, lines repeated in
the document, what the reader knew (an HTML ``<nav>``, a PDF page's last line) and how far
the nearest long prose line is (prose anchors the content, as in jusText) — decoded over the
whole page with Viterbi, so that a short line takes its neighbours' role. Without the model
(``--classifier lexicon``, or none installed) the boilerplate patterns decide, as they did
before the model.

Chrome lines are dropped whole; a boilerplate sentence sharing its line with plan text
("……。以下是小编整理的……") is cut out of it. Each is recorded as a ``boilerplate``
:class:`Edit`, from which the output's ``boilerplate:`` list is built.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from itertools import accumulate, islice
from unicodedata import east_asian_width

import numpy as np

from planparse.classifier import ROLE_CONTEXT_MODEL, ROLE_MODEL, LinearModel, load_model, viterbi
from planparse.headings import DECIMAL_STYLES, LEARNED_AS, TIME_STYLES, TOP_STYLES, opens_top, strip_marker
from planparse.model import Document, Edit, Heading, Line, ParseOptions
from planparse.cues import (CJK, CLAUSE_MARK, DATED_TITLE, FIELD, LIST_ENTRY, PADDED_NUMBER, PAGE_COUNT, SUBTITLE_CHARS, TITLE_HEAD_CHARS, attached_name, body_kind, chrome_patterns,
                            completes_title, is_attachment, is_attachment_label, is_column_name, is_contents_label,
                            is_contents_line, is_cover_notice, is_document_number, is_rule, is_title, is_toc_entry,
                            notice_halves, org_name_alone, plain_head, sends_plan_out, site_words, title_half, title_head, title_split, unglossed)
from planparse.normalize import CELL_CHARS, MD_TABLE_RULE, ROW_NUMBER, WHITESPACE, numbered_rows, recognize, sentence, undated
from planparse.regexes import pattern_words, regex, words_gate
from planparse.resources import AnyOf, boilerplate_patterns, heading_patterns, load_yaml, to_simplified

_SENTENCE = regex(r"[^。！？!?]*(?:[。！？!?]+[”’\"」）)]*|$)")
_DIGIT = regex(r"[0-9０-９]")
_CUT_SHORT = regex(r"[^.\s…](?:…{1,2}|\.{3,6})$")  # "……(管委会…": words cut short
_CHAPTER = regex(r"第[0-9一二三四五六七八九十百零〇]{1,4}章")  # a book's chapter ("第七十二章 周末")
_FIRST_ATTACHED = regex(r"^\s*附\s*件\s*[：:]\s*1\s*[.．、](?![0-9])")  # "附件:1.《……》": a list of attachments' first
_YEAR = regex(r"(?:19|20)(?:[0-9]{2}|[_＿xX×]{1,2})\s*年")  # "2024年", "20xx年", "20_年"
_NUMBERED_HEADER = regex(r"(?i)(?:page\s*(?P<page>[0-9]{1,3})\s*[-—–|｜]\s*)?[•·]?\s*(?P<name>.+?)(?(page)|\s+(?P<tail>[0-9]{1,3}))")
_ASCII_DIGIT = regex(r"[0-9]")  # (no page header without one)
_PAGE_NUMBER = regex(r"[（(]?[0-9０-９]+[)）]?")  # "……计划(2)": a page's number after a title
_CRUMB_STEP = regex(r"^[^>»›＞\s]{1,12}\s+(?:>>?|»|›|＞)\s+[^>»›＞\s]{1,12}$")  # "各區活動 > 青峰區"
_LATIN = regex(r"[A-Za-z]")
_PUNCT = regex(r"[^\w\s]")
_SPACE = regex(r"\s")
MENU_LINK_CHARS = 10  # the longest link of a site's menu set one to a line
_NUMBER_CELL = regex(r"第?(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})周?")  # a row's number: "一", "12", "第3周"
_BARE_KIND = regex(r"(?:工作|活动|方案|计划|策划|总结|范文|实施)(?:计划|方案|策划|总结|范文|大全)")  # a kind alone: a column
_NOTICE_WORDS = regex(r"印发|转发|下发|通知")  # a cover notice's title, or a half of it
_THOUSANDS = regex(r"(?<=[0-9]),(?=[0-9]{3})")  # "阅读 1,487": no clause
_BYLINE_DATE = regex(r"^\s*(?:发布|发表|更新|上传|录入)(?:时间|日期)\s*[:：]")  # "发布时间：2023-08-28 | 阅读 1,487"
_PROSE = regex(r"[，,。；;]")
_NUMBER = regex(r"\s*(?:[0-9]{1,3}|[ivx]{1,4})\s*$")  # (a front matter's "ii")
_SENTENCE_END = ("。", "；", "！", "？", ";", "!", "?")
_CLOSED = _SENTENCE_END + ("：", ":")  # a line that ends a sentence or a lead-in
_STATED = ("。", "；", ";", "：", ":")  # a line that states (a post's title may cry out: "……这些安排早知道！")
_WORDS = regex(r"[\u4e00-\u9fffA-Za-z]{2}")  # two letters or characters: what a title is written in
_MARKDOWN_TITLE = regex(r"\s*#\s+\S")  # a Markdown document's first-level heading
_NAME = regex(r"\s*[\u4e00-\u9fff]{2,4}\s*")  # "老猫", "张明": a writer's name alone
_COUNTED = regex(r"[0-9一二三四五六七八九十]+\s*篇\s*[)）】\]]?\s*$|大全|合集|^[^0-9]{0,8}[0-9一二三四五六七八九十]{1,2}\s*套")
# "（通用6篇）", "不一样的6套……方案": how many a page holds
_PART_NUMBER = regex(r"\s*[（(【\[]?[^）)】\]0-9]{0,4}[0-9一二三四五六七八九十]{1,3}篇?[)）】\]]?\s*")
WRAP_WIDTH = 20  # the narrowest width (half-width units) at which a PDF's text is taken to wrap
WRAP_LINES = 6   # the fewest lines broken off at the page's width that show a wrapped text
SHORT = 16     # a line of at most this many characters is short
PROSE = 36     # a line of at least this many characters, with clause marks, is prose
LONG_PROSE = 360  # a line of at least this many characters, a clause mark in every PROSE of them, is the plan's text run into one line
MENU_CHARS = 30  # the longest line of a page's menu or header over its first title
SHORT_CELL = 8  # a table's cell flattened to a line is at most this long
PAGE_LINES = 8  # the fewest lines a page of a PDF or Word copy holds, running header to footer
BLOCK_LINES = 4  # the fewest lines of a block a Word copy repeats at every page ("制度名" … "页码" / "20-2")
BLOCK_CHARS = 16  # the longest line of such a block
TABLE_REACH = 5  # lines above and below a row where the rows of its table are looked for
QUESTION_LINES = 6  # the most lines of a Q&A page's question, from its label to the answer's
BYLINE_GAP = 2  # the most short lines (a poster's name, "关注") between a post's title and its byline
POSTER_CHARS = 10  # the longest of those lines
TITLE_LENGTH = (4, 60)  # the shortest and longest post title
BARE_NAME = 6  # the longest plan's name with nothing else ("学习计划", "活动安排")
CLAUSES = 2  # the fewest clause marks that make a line prose, whatever site's word it holds
RETITLED = 0.8  # the share of characters a plan's own title shares with its compilation separator's
BYLINES = 6  # the most lines of byline (date, source, font-size links) between a title and its text
SITE_LINE = 40  # a line of at most this many characters holding two site words and no clause is chrome
UNTITLED_POST = 4  # the numbered parts by which a reply posts a plan that has no title
GIVEN_REACH = 6  # the lines above a title set in two lines in which the page gives it whole
GIVEN_MORE = 20  # the most characters a heading that gives a title whole holds besides it ("关于印发……的通知")
TITLE_WHOLE = 10  # the fewest characters of a title set in two lines that the page gives whole
ECHO_WITHIN = 25  # lines under the page's title in which the article's own title stands
ABSTRACTED = 8  # the fewest characters of a line that a page's summary writes again before it cuts short
CUT_LINK = 8  # the fewest characters of a breadcrumb's last link that cuts the title under it short
TITLE_FLOOR = 0.1  # the least probability of a title by which a page with no title line takes its likeliest
BIGRAMS = 24   # the characters of a line whose bigrams are features
BIGRAM_WEIGHT = 0.3
POSITION_WEIGHT = 0.5
FEATURES = frozenset({"anchor", "bigrams"})  # the optional groups in use ("position" is not: it did not carry over)


def assign_roles(doc: Document, options: ParseOptions) -> Document:
    """Give every line its role; chrome out, boilerplate sentences cut (see the module docstring)."""
    lines = doc.lines
    model = load_model(ROLE_MODEL) if options.classifier == "model" else None
    if model is not None and lines:
        roles = decide_roles(lines, doc.source.hints, model, load_model(ROLE_CONTEXT_MODEL))
        if "title" not in roles and _MARKDOWN_TITLE.match(doc.source.text.split("\n", lines[0].first)[lines[0].first - 1]):
            roles[0] = "title"  # "# 开学啦！……" first: a Markdown document's own title (as `planparse render` writes it)
    else:
        roles = _rule_roles(lines)
    out: list[Line] = []
    edits: list[Edit] = []
    raws = doc.source.text.split("\n")  # (for the table rules the lines stage left out)
    for k, (ln, role) in enumerate(zip(lines, roles)):
        if is_rule(ln.text):
            if k and roles[k - 1] == "chrome":
                role = "chrome"  # "————" under a page's header: the page's, and no boundary
            else:
                edits.append(Edit("boilerplate", ln.first, ln.text))
                out.append(replace(ln, role="body"))  # "---": the page's, though it still parts two untitled plans
                continue
        if role == "chrome" and _mixed(ln):
            role = "heading"  # "4、教研组总结。下面小编整理了……": an item with a site's sentence glued on
        if role == "chrome":
            edits.append(Edit("boilerplate", ln.first, strip_marker(ln.text)))
            edits.extend(_rules_under(ln, raws))
            out.append(replace(ln, role="chrome"))
            continue
        kept = _without_boilerplate(ln, edits)
        if kept is None:
            out.append(replace(ln, role="chrome"))
        else:
            out.append(kept if kept.role == role else replace(kept, role=role))
    earlier = tuple(e for e in doc.edits if e.action == "boilerplate")  # (a forum's noise after a line's text)
    return replace(doc, lines=tuple(out), edits=tuple(sorted(doc.edits + tuple(edits), key=lambda e: e.line)),
                   boilerplate=tuple(sorted(earlier + tuple(edits), key=lambda e: e.line)))


def _rules_under(ln: Line, raws: list[str]) -> list[Edit]:
    """The Markdown table rules right under a line of the page ("标题: | …" over
    "---|---|"), which the lines stage left out (``raws``: the source's lines): the page's as well."""
    edits = []
    for n, raw in enumerate(raws[ln.last:ln.last + 3], ln.last + 1):
        if not MD_TABLE_RULE.match(raw.strip(WHITESPACE)):
            break
        edits.append(Edit("boilerplate", n, raw.strip(WHITESPACE)))
    return edits


def decide_roles(lines: tuple[Line, ...], hints: tuple[str, ...], model: LinearModel,
                 context: LinearModel | None = None) -> list[str]:
    """The roles of a document's lines by the line-role model (and its second pass,
    ``context``, when there is one), decoded over the sequence.

    Rules check the model where a plan's own line is at stake: a compilation's separator
    ("……工作计划篇三") is a title, and so is a title line that the plan's content follows; a
    sentence of prose with none of chrome's words is the plan's; a heading whose number
    follows the plan's last one of its style is the plan's; an organisation or a date right
    under the plan's last line is its sign-off.
    """
    listed = _related_lists(lines)
    rows = numbered_rows(lines)
    cells = _flattened_table(lines, rows) | _header_cells(lines)
    last_row = rows[-1][0] if rows else -1  # where a table set one cell to a line has its last row
    bp = boilerplate_patterns()
    features = line_features(lines, hints, listed)
    probs = role_probs(features, model, context)
    decided = _decode_past_noise(probs, model, {i for i, f in enumerate(features) if "pat:jammer" in f})
    content = next((i for i, (ln, role) in enumerate(zip(lines, decided))  # the plan's first title or heading
                    if role in ("title", "heading") or ln.role == "title" or ln.heading is not None), len(lines))
    comments = next((i for i, ln in enumerate(lines)  # readers' below; above the content, "留言" is a menu's link
                     if i > content and bp.comments.match(ln.simple)), len(lines))
    answer = next((i for i, ln in enumerate(lines) if bp.answer.match(ln.simple)), -1)  # a question bank's
    readers = set(range(answer + 1)) | set(range(comments, len(lines))) | _replies(lines) | _question(lines)
    patterns = _cues()[1]
    echo = _page_title_echo(lines)
    named, halves = _sent_out(lines), _notice_halves(lines)
    sent = named | echo | _crumb_echo(lines) | _post_echo(lines)  # titles the page names: a notice sends, its own
    # title or its breadcrumb's last link repeats, a thread's opening post or a question's answer opens with
    fields = _disclosure_table(lines) | _calendar_grid(lines)  # a disclosure table's fields, a calendar's days
    listing = _contents_of_headings(lines)  # a contents list with no page numbers
    outline = _outline_over_title(lines)  # (over the plan's title: the page's)
    paged = _between_headers(lines)  # a PDF's pages, from its first numbered header to its last
    dated = _dated_counters(lines)  # "4/12" amid a timetable's cells: a date, not a page's number
    written = Counter(_DIGIT.sub("", ln.simple) for ln in lines)  # how often the page writes each line, digits aside
    threaded = sum(1 for ln in lines if bp.post.match(ln.simple)) > 1  # two post headers or more: a thread
    roles: list[str] = []
    numbering: dict[str, int] = {}  # the plan's numbering so far: style → last number
    titles: set[str] = set()
    titled: tuple[str, float] | None = None  # the style and number of the last numbered title
    announced: set[str] = set()  # the titles that links to the next article have named so far
    ruled: set[int] = set()  # the lines a rule, not the model, gives the page
    cover: set[int] = set()  # the fields of a cover page under the plan's title ("执笔：……", "审核：……", its date)
    for i, (ln, role) in enumerate(zip(lines, decided)):
        head = ln.heading
        if (nxt := bp.next_article.match(ln.simple)) is not None:
            announced.add(nxt["title"])
        if _site_line(ln) and i not in dated or (_bare_page_number(lines, i) and i not in cells) or _title_widget(lines, i) or i in fields \
                or _number_over_heading(lines, i) \
                or i == 0 and echo or (bp.breadcrumb.match(ln.simple) or bp.date_header.match(ln.simple)) and not ln.separator or (i <= content or role == "title") and _foreign(ln):
            role = "chrome"  # "- 5 -", "……此处隐藏12360个字……", "下载积分：2 浏览次数：1035": the page's, not the plan's
            # (but a table's row number: "3" before its cells); "……计划-某某小学" over the article's own title;
            # a breadcrumb; a site's words in a language of its own over the plan ("Sie sind auf Seite 1von 4")
            ruled.add(i)
        elif i and bp.date_header.match(lines[i - 1].simple) and _post_title(lines, i):
            role = "title"  # the post's title under a blog's date header ("星期二, 6月 16, 2015"); a title over
            roles[:] = ["chrome" if r == "title" else r for r in roles]  # them is the blog's name, the page's
        elif i in outline or _abstract(lines, i):
            role = "chrome"  # the page's outline of the plan over its title ("一、党建引领", "(一)健全组织体系", ……),
            ruled.add(i)  # its summary: the title run on into the text and cut short ("……的通知 各区(市)县……(管委会…")
        elif i in readers and not ln.separator or _poster(lines, i):
            role = "chrome"  # under "33 条留言": the readers' comments, however much they read like prose; a
            # poster's name over the post's header ("山那边的雨" over "发表于 2024-9-4 08:30")
            ruled.add(i)
        elif i and roles[i - 1] == "signoff" and _signature(ln) and not _under_signoff_date(lines, roles, i):
            role = "signoff"  # the date under the organisation's name, even numbered: "3、2024年1月8日"
        elif (role == "chrome" and head is not None and head.number and i not in listed and not _is_junk(ln)
              and (not _cues()[0].search(ln.simple) or len(CLAUSE_MARK.findall(ln.simple)) >= CLAUSES)
              and (numbering.get(head.style) == head.value - 1 or head.value == 1
                                                         and not _names_plan(head) and _opens_numbering(lines, decided, i))):
            role = "heading"  # "（五）加强安全工作" after "（四）……": the plan's numbering goes on (a site's word in
            # an item of clauses aside: "4、有的会员上传作品图片总是失败,等级不低,……"); "一、先弄明白:为什么饿肚子
            # 减肥总反弹?……" over the plan's text and its "二、……": the plan's first part
        elif (is_cover_notice(ln.simple) or i in halves) and not _is_junk(ln):
            role = "title"  # a cover notice opens its own part of the document (not a sharing site's link to one),
            # its title in one line or in two ("……医疗保障局关于印发" / "《……工作计划》的通知")
        elif role in ("body", "signoff") and i in named:
            role = "title"  # the plan's title that the cover notice over it sends out by name, read as text (or, under
            # the notice's date, as its sign-off)
        elif role == "chrome" and ln.separator and i not in listed:
            role = "title"  # "学期工作计划精选范文1": a compilation's separator, though it holds a site's word
        elif role == "chrome" and is_document_number(ln.simple) and _role_before(roles, i) == "title" \
                and max(k for k, r in enumerate(roles) if r == "title") >= i - 3 \
                and i + 1 < len(lines) and patterns["salutation"].match(lines[i + 1].simple):
            role = "body"  # "溪红发〔2019〕5号" under the notice's title, past the page's byline, over its addressees:
            # the document's own (not under a page's heading that the notice's own title repeats below)
        elif role == "chrome" and is_attachment_label(ln.simple) and _signed_plan(lines, roles, i) \
                and not (i + 1 < len(lines) and _site_words_only(lines[i + 1])):
            role = "body"  # "附件" after the plan's sign-off (a page's footer aside): what the plan attaches follows
            # (not over "关闭窗口": a page's empty field for attachments)
        elif role == "chrome" and (_in_contents(lines, i) or i in listing):
            role = "body"  # a table of contents is the document's own, as a Word or PDF file has it
        elif role == "chrome" and i in cells and not _cues()[0].search(ln.simple):
            role = "body"  # a cell of the plan's table, flattened one cell to a line
        elif role != "title" and "title" not in roles and _NOTICE_TITLE.match(ln.simple) and _addressed(lines, decided, i):
            role = "title"  # "关于开展“老街新景”主题摄影作品征集活动的通知" over "各乡镇（街道）文化站：" (its byline
            # or the page's record of it between): a notice that is the plan or sends it out, whatever the model reads in it
        elif role == "chrome" and patterns["salutation"].match(unglossed(ln.simple)) \
                and not (i + 1 < len(lines) and sends_plan_out(lines[i + 1].simple)):
            role = "body"  # "各位志工夥伴大家好:": the plan greets its readers; a page greets no one so
            # (a cover notice's addressees over its words that send the plan out are left to the model)
        elif role == "chrome" and (_plain_prose(ln) or _long_prose(ln) or _labelled_prose(ln) or _preamble(lines, i) or _inside_table(lines, decided, i)
                                   or _page_between_numbers(lines, i)
                                   or _completes_sentence(lines, roles, i)
                                   or roles and roles[-1] in ("heading", "body") and (
                                       _closing_words(ln) or _hidden_after_text(ln.simple))):
            role = "body"  # (closing words right after the plan's text: "总之，前台是会员对我们的第一印象，……"; the
            # plan's next line with a site's note run on after it: "4 消防安全宣传月活动 11月 安全股 ……此处隐藏21736个字……")
        elif role == "chrome" and (_titled_by_field(lines, i) or ln.simple in announced or _labelled_title(ln)
                                   or i in sent):
            role = "title"  # (announced: "下一篇：……活动方案" above names it; "内容提示：……工作计划": a label on
            # it; sent: the cover notice above sends it out by name, though every page repeats it, or
            # the page's own title names it)
        elif role == "body" and i in echo and i and ln.heading is None:
            role = "title"  # the page's first line again over the text, a byline between: the article's title
        elif role == "chrome" and i not in listed and (_heads_content(lines, decided, i)
                                                   or i <= content and _headline(lines, i)):
            role = "title"
        elif role == "chrome" and i in cover:
            role = "body"
        elif role == "chrome" and i and roles[i - 1] != "chrome" and _signature(ln) and not _plan_goes_on(lines, decided, i):
            role = "signoff"  # (not a table's last cell before a page break: "教务处" between "第10周" and "第11周")
        elif role == "chrome" and i > 1 and roles[i - 1] == "chrome" and roles[i - 2] in ("body", "heading") \
                and _signature(ln) and _NAME.fullmatch(lines[i - 1].simple) and lines[i - 2].text.endswith(_SENTENCE_END):
            roles[i - 1] = role = "signoff"  # "老猫" over "2011年1月3日夜" under the plan's last sentence: who signs it
        elif role == "chrome" and i in paged and _plain_line(ln, written):
            role = "body"  # "3 校訓" between "校務計劃書 1" and "校務計劃書 2": the document's page, its marks lost
        elif role == "chrome" and ln.role == "title" and written[_DIGIT.sub("", ln.simple)] == 1 \
                and (signed := _cover_fields(lines, i)):
            role = "title"  # "语文教研组2026年春学期工作计划" over "执笔：周雅琴": a Word copy's cover page titles
            cover.update(signed)  # its plan, though it reads as the page's (and its fields are the plan's)
        if role != "chrome":  # what the plan's own line is: its title, heading and sign-off cues first
            if head is not None and head.number and titled == (head.style, head.value - 1) \
                    and _names_plan(head) and not _attachment_entry(lines, i):
                role = "title"  # "2. ……德育工作计划" after the plan titled "1. ……工会工作计划": the next plan's
            elif role != "title" and head is not None and head.style == "arabic" and head.value == 1 and not numbering \
                    and _names_plan(head) and i + 1 < len(lines) and opens_top(lines[i + 1].heading):
                role = "title"  # "1. ……工会工作计划" over "一、指导思想": a compilation's first plan's title
            elif role == "title" and not ln.separator and head is not None and head.number and (
                    numbering.get(head.style) == head.value - 1
                    or ln.role != "title" and not _names_plan(head)):
                role = "heading"  # "4.2强化安全教育培训" names no plan, "2. 网上阅读计划" goes on from "1. 说话训练"
            elif role == "title" and not ln.separator and _date_only(ln) and ln.dates[0].shape == "school_year":
                role = "body"  # "(2024——2025学年度)" under the plan's title: the year the plan is for
            elif role == "title" and not ln.separator and ln.role != "title" and _BRACKETED.fullmatch(ln.simple) \
                    and "title" in roles:
                role = "body"  # "（首届七次理事会议讨论通过）" under the plan's title (its byline between): a note
                # on the plan, no plan's title
            elif role == "title" and not ln.separator and is_document_number(ln.simple):
                role = "body"  # "总院党发〔2024〕9号": an official document's number names no plan
            elif "title" in (role, ln.role) and not ln.separator and (_attachment_entry(lines, i) or _FIRST_ATTACHED.match(
                    ln.simple) and i + 1 < len(lines) and _attachment_entry(lines, i + 1)):
                role = "body"  # "2. 2024 年度内部审计项目时间安排表" under "附件:1.《……工作计划》": what a cover lists
                # (and so is its first entry, "附件：1.……实施方案", over the second)
            elif "title" in (role, ln.role) and not ln.separator and _numbered_row(lines, i):
                role = "body"  # "一 9.1—9.7 开学报到 开学典礼 制订学期工作计划": a week's row of a calendar
            elif "title" in (role, ln.role) and not ln.separator and i and _BULLET.match(ln.text) \
                    and _BULLETED.search(lines[i - 1].text) and not FIELD.match(_BULLET.sub("", ln.simple)):
                role = "body"  # "- 公布……的安排" under "2005年6月 | - 跟进……": the next item of a list, no plan's title
                # (but a field that names it: "- 計畫名稱:……" under "- 年度:114年")
            elif role == "body" and ln.role == "title" and "title" in roles and 0 < i < len(lines) - 1 \
                    and _BULLET.match(lines[i - 1].text) and _BULLET.match(lines[i + 1].text):
                role = "body"  # "愛心陪診接載計劃" between the bullets of the plan's last part and its own: its next part's name
                # (kept as the model read it, out of reach of the title rules below)
            elif role == "title" and not ln.separator and (_date_only(ln) or bp.disclosure_field.match(ln.simple) and any(
                    lines[k].role == "title" for k in range(i + 1, min(i + ECHO_WITHIN, len(lines))))):
                role = "chrome"  # "2025年2月20日星期四": a blog's date header over the post; "标题 ……计划" with the
                # plan's own title below: the page's record of the plan
            elif (role == "title" or role == "body" and roles and roles[-1] == "title") and not ln.separator \
                    and ln.role != "title" and bp.byline.match(ln.simple) and not _date_only(ln) and not _BRACKETED.fullmatch(ln.simple):
                role = "chrome"  # "2023 Oct 03 訓練課表" under a post's title (or read as one): its byline, its day and
                # its column (not a note on the plan: "（2024年1月12日镇党委会议审议通过）")
            elif role == "body" and _labelled_title(ln):
                role = "title"  # "内容提示：2025年……工作计划": the label is cut, the title is the plan's
            elif "title" in (role, ln.role) and not ln.separator and i in cells and i - 1 in cells:
                role = "body"  # "工作任务安排": a cell of a table's header set one cell to a line, no plan's title
            elif role == "title" and not ln.separator and not _worded(ln.simple):
                role = "body"  # "18536", "262728293031": a count or a calendar's row of days, no words to title a plan
            elif role == "title" and ln.role != "title" and _LETTERED.match(ln.simple):
                role = "body"  # "b. 培养学生预习的习惯": a lettered item of the plan, no plan's title
            elif role == "title" and not ln.separator and ln.role != "title" and _date_led(ln) \
                    and i + 1 < len(lines) and _date_led(lines[i + 1]):
                role = "body"  # "3月24—结核病防治宣传" over "4月7—世界卫生日……": the first of a list of days, no title
            elif "title" in (role, ln.role) and not ln.separator and _NO_TITLE_OPENS.match(ln.simple):
                role = "body"  # "的歌詞與寫作背景": a sentence's second half, its line broken before a particle; a
                # timetable's row: no plan's title
            elif role == "title" and not ln.separator and ln.role != "title" and _marked_sibling(lines, i):
                role = "body"  # "🔴 街道党群服务中心" over "01 ……", as "🔴 清河社区党群服务站" further on: a part, no plan's title
            elif role == "title" and not ln.separator and sends_plan_out(ln.simple):
                role = "body"  # "……现将《……任务分解表》印发给你们，请抓好组织实施。": a cover notice's words
            elif role == "title" and not ln.separator and ln.role != "title" and sentence(ln.text) \
                    and not (i <= content and _headline(lines, i)) and i not in sent:
                role = "body"  # "2024年，镇团委将坚持以……为指导，": a sentence that names no plan, though it opens the text
            elif role == "title" and not ln.separator and ln.role != "title" and _post_lead(lines, roles, i):
                role = "body"  # "欢欢喜喜过新年,热热闹闹闹元宵!" under a post's title and its byline: the post's lead
            elif "title" in (role, ln.role) and not ln.separator and (patterns["salutation"].match(ln.simple)
                                                                   or i and patterns["salutation"].match(lines[i - 1].simple)
                                                                   or _cells(ln.text) >= 2 and not _title_row(ln)):
                role = "body"  # "親愛的家長": a letter's greeting in the plan, and the words under it ("各学院:" over
                # "2014—2015……系列活动将在", its first sentence cut short); "序号	重点任务	……	下步打算": a table's
                # row, though a plan's word ends it: no plan's title (but a title over the table's merged cells:
                # "……年度祭典日程表 | ||")
            elif role in ("body", "heading") and ln.role == "title" and not ln.separator and titles and roles \
                    and roles[-1] in ("body", "heading") and (len(ln.simple) <= BARE_NAME and not _DIGIT.search(ln.simple)
                                                             or _names_again(ln.simple, titles)):
                role = "body"  # "学习计划" between a plan's parts, as the model reads it: a part, no plan of its own
            elif role == "title" and not ln.separator and i in paged and any(
                    _SPACE.sub("", ln.simple) in _SPACE.sub("", t) for t in titles):
                role = "body"  # "校務計劃" on a page of a copy whose cover titled "……校務計劃書": that plan's own words
            elif role == "title" and not ln.separator and _BARE_KIND.fullmatch(ln.simple) \
                    and any(r == "chrome" and is_title(lines[k].simple, lines[k].heading) for k, r in enumerate(roles)):
                role = "chrome"  # "方案策劃" under the page's heading that names the plan: the site's column
            elif role == "title" and not ln.separator and (_titles_in_a_row(ln) or _TAGS.fullmatch(ln.simple)):
                role = "chrome"  # "班級借閱排行獎勵辦法 書香校園心得評比辦法 班級讀書會實施計畫": the page's tabs, a link to each plan;
                # "九重,方案,活动,最新,社区": the page's keywords, words cut from its title
            elif role == "title" and not ln.separator and i not in sent and not is_title(ln.simple.strip("|｜ "), None) \
                    and threaded and _post_opening(lines, i):
                role = "chrome"  # "怎么老九每次写的文章都那么长~~呀" right under a reply's header: the poster's words,
                # naming no plan and repeating no subject of the page, no plan's title
            elif role == "title" and not ln.separator and ln.role != "title" and i not in sent \
                    and org_name_alone(ln.simple, TITLE_HEAD_CHARS) and not (i + 1 < len(lines) and title_head(ln, lines[i + 1])):
                role = "chrome"  # "青河县文化馆" over "↓↓↓": an account's or a school's name alone, the first half
                # of no title under it, titles no plan
            elif ln.separator or (ln.role == "title" and role != "signoff") or role == "title":
                role = "title" if not is_attachment(ln.simple) else "body"
            elif role == "signoff" and (not _signature(ln) or roles and roles[-1] == "heading" and i + 1 < len(lines)
                                         and _next_part(lines[i - 1].heading, lines[i + 1].heading)):
                role = "body"  # (a date under "三、活动时间", over "四、活动内容": the section's, not a sign-off)
            elif role == "signoff" and _under_signoff_date(lines, roles, i):
                role = "chrome"  # a word under the sign-off's date ("团委"): the page's tag, not its organisation
            elif ln.heading is not None and role != "signoff":
                role = "heading"
            elif role == "heading":
                role = "body"
        if role == "signoff" and (_dated_row(lines, i) or i in cells and i < last_row or _amid_bars(lines, i)):
            role = "body"  # "113年10月中旬 產學合作媒合會 產學合作中心" among rows like it: a table's row; "区农业农村局"
            # in a row with more rows under it: a cell, one to a line; "114年 11月" between a calendar's rows
        if (role == "title" and ln.simple not in titles) or role == "signoff":
            numbering.clear()  # a plan begins or ends: its numbering with it (not at a running header)
        if role == "title":
            titles.add(ln.simple)
            titled = (head.style, head.value) if head is not None and head.number else titled
        elif role != "chrome" and head is not None and head.number:
            numbering[head.style] = head.value
        roles.append(role)
    shown = Counter(ln.simple for ln in lines)
    for i, ln in enumerate(lines):
        if i and "title" in (roles[i - 1], roles[i]) and roles[i - 1] in ("title", "chrome") and not lines[i - 1].separator \
                and _restated(lines[i - 1], ln):
            roles[i - 1], roles[i] = "chrome", "title"  # "社区重阳节活动方案" over "社区重阳节方案活动" (or over
            # itself): the page's heading over the plan's own title, maybe its words in another order
        elif roles[i] == "body" and i and roles[i - 1] == "title" and probs[i, model.classes.index("title")] > 0.5 \
                and _page_heading(lines, roles, i - 1):
            roles[i - 1], roles[i] = "chrome", "title"  # "2024年……理事会议事日程" as the page's header line gives it
            # ("【茶叶协会】……议事日程时间:2024-03-08") over "2024年协会工作重点与推进办法" and its parts: the
            # page's heading over the plan's own title, however the page titles the article
        elif roles[i] == "title" and i and (roles[i - 1] == "chrome" or roles[i - 1] == "body" and (all(
                r == "chrome" for r in roles[:i - 1]) or title_split(lines[i - 1], ln))) and title_head(lines[i - 1], ln):
            roles[i - 1] = "title"  # the first half of a title set in two lines (the model may read it as
            # the page's, or as text: of a plan that nothing opens above it, or ending with the plan's term)
        elif i and "title" in (roles[i - 1], roles[i]) and title_half(lines[i - 1], ln) \
                and (whole := _given_whole(lines, i)) is not None:
            roles[i - 1] = roles[i] = "title"  # "柏海州深化紧密型县域医疗卫生" over "共同体建设实施方案", the
            if all(r == "chrome" for r in roles[whole + 1:i - 1]):  # page's heading right above giving it whole
                roles[whole] = "chrome"  # ("关于印发柏海州深化……的通知"), not a cover notice's title over its text
        elif roles[i] == "title" and i and all(r == "chrome" for r in roles[:i - 1]) and roles[i - 1] in ("body", "chrome") \
                and title_half(lines[i - 1], ln) and DATED_TITLE.match(lines[i - 1].simple) \
                and [m.shape for m in lines[i - 1].dates] == ["year"] and not _BARE_KIND.search(lines[i - 1].simple) \
                and is_title(lines[i - 1].simple + ln.simple, None):
            roles[i - 1] = "title"  # "2023年公共卫生国家随机监督" over "抽查计划方案" at the top of a PDF's text:
            # the first half of its title, its year first
        elif (roles[i] in ("body", "chrome") or roles[i] == "heading" and not (ln.heading and ln.heading.number)) and i \
                and roles[i - 1] == "title" and (
                ln.role == "title" and lines[i - 1].role != "title" and title_head(lines[i - 1], ln)
                or completes_title(lines[i - 1], ln) and plain_head(lines[i - 1]) or title_split(lines[i - 1], ln)):
            roles[i] = "title"  # its second half, when the model took the organisation's name for the title
            # (and the half the page's header repeats for its own: "學校周年計劃" under "……小學"; the
            # kind of document or the years a plan runs, under it: "工作计划", "（2024—2026年）")
        elif roles[i] == "title" and i and roles[i - 1] == "title" and ln.role == "title" \
                and "title" not in roles[:i - 1] and not lines[i - 1].separator and not _NOTICE_WORDS.search(lines[i - 1].simple) \
                and not title_head(lines[i - 1], ln) and not title_half(lines[i - 1], ln):
            roles[i - 1] = "chrome"  # "关于做好暑期工作" over "2025年暑期安全工作方案": words that name no plan and
            # begin no title of it over the page's first plan's own title, the page's heading (or name it in
            # words of its own: "2025秋小学部行事历" over "2025-2026学年第一学期 澄湖双语学校 行事历(学生版)")
        elif roles[i] == "title" and i and roles[i - 1] == "chrome" and i - 1 not in listed \
                and _numbered_copy(lines[i - 1], ln) and shown[lines[i - 1].simple] == 1:
            roles[i - 1], roles[i] = "title", "body"  # "……工作计划（通用1篇）" over the plan's own title (not the
            # page's heading counting its plans, "……实施方案(3篇)", that the page writes twice)
        elif roles[i] == "chrome" and i and roles[i - 1] == "title" and lines[i - 1].separator \
                and (n := _retitled(lines, i)) and i not in ruled:
            roles[i:i + n] = ["body"] * n  # "第一篇：2006年……工作总结及2007年工会计划" over "……2006年工作总结" and
            # "及2007年工作计划": the plan's own title, in its own words, under the compilation's separator
        elif roles[i] == "title" and not ln.separator and (k := _title_over_first_part(lines, roles, i)) is not None:
            roles[k], roles[i - 1], roles[i] = "title", "heading", "chrome"  # "……家长工作计划范文" over its byline and
            # "一、目标:", then the title again: a site repeats its heading under the plan's first part
        elif roles[i] == "title" and _collection_title(lines, roles, i):
            roles[i] = "chrome"  # "……工作计划（通用6篇）" over "……工作计划 篇一": the page's title; so is
            # "不一样的6套……方案( 二 )" over "二、活动要求": its second page, going on with a plan untitled here
        elif roles[i] == "signoff" and i and roles[i - 1] == "body" and lines[i - 1].heading is None \
                and (_signature(lines[i - 1]) or _NAME.fullmatch(lines[i - 1].simple) and i > 1
                     and lines[i - 2].text.endswith(_SENTENCE_END)):
            roles[i - 1] = "signoff"  # the organisation's (or the writer's) name over the sign-off's date
        elif roles[i] == "body" and ln.heading is None and patterns["org_name"].search(ln.simple) and _last_of_plan(lines, roles, i) \
                and i and roles[i - 1] in ("heading", "body") and lines[i - 1].text.endswith(_SENTENCE_END):
            roles[i] = "signoff"  # "护理部" alone after the plan's last sentence (not a table's last cell): who signs it
        elif roles[i] == "body" and _date_only(ln) and _last_of_plan(lines, roles, i) and i > 1 and roles[i - 1] == "body" \
                and lines[i - 1].heading is None and patterns["org_name"].search(lines[i - 1].simple) \
                and lines[i - 2].text.endswith(_SENTENCE_END):
            roles[i - 1] = roles[i] = "signoff"  # "公司妇委会" over "2024年1月8日" after the plan's last sentence
        elif roles[i] == "title" and not ln.separator and _in_menu(lines, roles, i):
            roles[i] = "chrome"  # "2018至2022年托兒服務規劃方案" among "基本政策", "服務介紹", ……: a link of the site's menu
        elif roles[i] == "title" and i in listed and not ln.separator and _last_of_plan(lines, roles, i):
            roles[i] = "chrome"  # a related list's title with nothing of its own under it: a link, no plan
        elif roles[i] != "title" and _notice_attachment(lines, roles, i):
            roles[i] = "title"  # "附件" then "2018年民生实事目标任务分解表" under the notice that names it: the plan it sends
        elif roles[i] == "title" and ln.role == "title" and not ln.separator and is_attachment(f"附件：{ln.simple}") \
                and _under_label(lines, roles, i) and not (i + 1 < len(lines) and opens_top(lines[i + 1].heading)):
            roles[i] = "body"  # "附件" then "2025年重点交通项目计划表": the plan's attached table, as "附件：……表" is
            # (not "……集中培训安排" over "一、培训目的": a plan of its own)
    first = {ln.simple: i for i, ln in reversed(list(enumerate(lines)))}
    for i, ln in enumerate(lines):  # a title beside a page's number is the page's running header
        if roles[i] == "title" and not ln.separator and i not in sent \
                and (shown[ln.simple] > 1 or _after_content(roles, i)) and any(
                0 <= k < len(lines) and patterns["page_number"].match(lines[k].simple)
                and (abs(k - i) == 1 or shown[ln.simple] > 1 and shown[lines[(i + k) // 2].simple] > 1)
                for k in (i - 2, i - 1, i + 1, i + 2)) \
                and not (first[ln.simple] == i and _role_before(roles, i) == "signoff"):
            roles[i] = "chrome"  # (not the title under the first page's number: it is written once; nor the
            # next plan's title, first written under the last one's sign-off and then at each page's top)
    roles = _numbered_footers(lines, roles)
    for i in range(next((i for i, role in enumerate(roles) if role in ("title", "heading", "body")), len(roles))):
        roles[i] = "chrome"  # a sign-off before anything it could sign: the site's name under the page's title
    titled = next((i for i, role in enumerate(roles) if role == "title"), 0)
    if all(roles[i] == "chrome" or lines[i].heading is None and len(lines[i].text) <= MENU_CHARS
           and not CLAUSE_MARK.search(lines[i].text) for i in range(titled)):
        roles[:titled] = ["chrome"] * titled  # "相簿", "部落格", "留言", "名片", a date over the first title: the
        # page's menu and the post's date, no plan
    top = next((i for i, role in enumerate(roles) if role == "heading" or  # the page's top, down to its content
                role == "body" and len(lines[i].text) >= PROSE), len(roles))  # (past a blog's motto)
    thread = threaded or any(  # a post's byline is a thread's with
        bp.forum.search(ln.simple) for ln in lines[:top])  # a second post or a forum's words (alone: a blog's)
    if "title" not in roles and not (thread or any(bp.question.match(ln.simple) or bp.best_answer.match(ln.simple)
                                                   for ln in lines[:top])):
        # (a forum thread's or a question's subject is the page's, over the post that holds the plan)
        page = fields | {i for i in range(top) if _always().search(lines[i].simple)}  # (a line that is always the
        # page's titles nothing: "文件名称:……计划")
        at = next((i for i in range(top) if i not in page and _post_title(lines, i)), None)  # a blog's or an account's post,
        # titled over its byline or under its date, though it names no plan; else the last line over the
        # content that names a plan (a form's title over its fields)
        if at is None:  # (not a running header, written again further down the plan: "114 年度 院務計畫書"
            # over "參、114年度醫療品質及病人安全工作計畫", a numbered part of a book that names its plan)
            last = {ln.simple: i for i, ln in enumerate(lines)}
            at = next((i for i in reversed(range(top)) if last[lines[i].simple] < top and i not in page
                       and _names_its_plan(lines, i)), None)
        if at is None:  # else the line over the text that the model finds most like a title, if at all
            opens = next((i for i, role in enumerate(roles) if role in ("heading", "body")), top)  # (never past top)
            at = _likeliest_title(lines, probs[:, model.classes.index("title")], opens, listed | fields)
        if at is not None and not _collection_title(lines, roles, at):  # (not a title counting the page's plans)
            at = next((k for k in range(at + 1, top) if lines[k].simple == lines[at].simple
                       and all(r == "chrome" for r in roles[at + 1:k])), at)  # written again under its byline, over
            # the text: the copy over the text is the plan's, the first the page's
            roles[at] = "title"
            if at and roles[at - 1] == "chrome" and at - 1 not in page and title_head(lines[at - 1], lines[at]):
                roles[at - 1] = "title"  # its first half, the organisation's name over it, as above
            for k in range(at + 1, min(at + 2 + BYLINE_GAP, top)):
                roles[k] = "chrome" if bp.byline.match(lines[k].simple) else roles[k]
    roles = _within_plan(lines, roles, ruled | listed, written)
    roles = _page_furniture(lines, _page_blocks(lines, _running_footers(lines, _writing_guide(lines, roles))), dated)
    roles = _repeated_titles(lines, _calendar_of_plan(lines, _rows_of_plan(lines, roles), fields), sent)
    first = next((k for k, r in enumerate(roles) if r != "chrome"), None)
    if first is not None and "title" not in roles and _numbered_title(lines, first):
        roles[first] = "title"
    return _news_over_plan(lines, roles)


_NEWS_LEAD = regex(r"^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日(?:上午|下午|晚上?)?[，,]"
                   r"[^。]{0,60}?(?:召开|召開|举行|舉行|举办|舉辦|主持)")  # "4月8日下午，……理事长主持召开……例会": how a news story opens


def _news_over_plan(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A news story over the plan it reports on ("錨定全年目標 壓緊工作鏈條" / "—……召開秘書處月度工作例會—" / "4月8日下午，
    ……主持召開……" over "……2025年重點工作計劃"): a headline that names no plan, over a story whose lead opens with its day
    and a meeting held, with no numbered part, then the plan's own title — the story is the page's."""
    titles = [i for i, r in enumerate(roles) if r == "title"]
    if len(titles) < 2:
        return roles
    head, plan = titles[0], titles[1]
    story = range(head + 1, plan)
    if lines[head].separator or is_title(lines[head].simple, None) or not is_title(lines[plan].simple, None) \
            or not any(_NEWS_LEAD.match(lines[k].simple) for k in story) \
            or any(lines[k].heading is not None and lines[k].heading.number for k in story):
        return roles
    return ["chrome" if head <= k < plan else r for k, r in enumerate(roles)]


def _numbered_title(lines: tuple[Line, ...], i: int) -> bool:
    """A plan's title numbered as a part of a longer document whose page holds that part alone ("(一) 教師專業發展-
    教師增能成長計畫" over "1.計畫目標", "(1)教師專業"): a numbered line naming a plan whose numbering no other line shares."""
    head = lines[i].heading
    return head is not None and head.number is not None and bool(head.title) and head.style not in TIME_STYLES \
        and is_title(to_simplified(head.title), None) and not any(ln.heading and ln.heading.style == head.style for ln in lines[i + 1:])


def _numbered_footers(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A PDF's footer, the document's name and the page's number, read as a compilation's separators
    ("學校周年計劃 1" … "學校周年計劃 5", the last under the plan's last line): where the last of
    them has nothing under it but the page's chrome, they open no plans (a separator opens one) and are
    the page's. (Not past a note that the page hides text: the last plan may begin unseen.)"""
    hidden = _cues()[1]["hidden"]
    series: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if roles[i] == "title" and ln.separator and _DIGIT.search(ln.simple):
            series[_DIGIT.sub("", ln.simple).strip()].append(i)
    for at in series.values():
        last = at[-1]
        if len({lines[k].simple for k in at}) == len(at) >= 2 and _after_content(roles, at[0]) \
                and all(r == "chrome" and not hidden.search(ln.simple) for r, ln in zip(roles[last + 1:], lines[last + 1:])):
            for k in at:
                roles[k] = "chrome"
    return roles


def _titles_in_a_row(ln: Line) -> bool:
    """Does the line set two or more plans' titles side by side, parted by spaces (a page's tabs)?

    >>> from planparse.normalize import recognize
    >>> _titles_in_a_row(recognize("班级读书会实施计划 Good Morning晨读计划", 1))
    True
    >>> _titles_in_a_row(recognize("2024年 工会工作计划", 1)), _titles_in_a_row(recognize("城关小学 2024年工作计划", 1))
    (False, False)
    """
    parts = _SPACE.split(ln.simple.strip())
    return sum(is_title(p, None) for p in parts) >= 2


def _likeliest_title(lines: tuple[Line, ...], title: np.ndarray, end: int, skip: set[int]) -> int | None:
    """Of the lines above ``end`` (where the text begins), the one most likely a title by the
    model (``title``: each line's probability), when it is likely enough (TITLE_FLOOR) and could
    title a plan: words, no breadcrumb, no site's word alone ("聯絡我們", "English"), no line only a page has (a photo's file name, a tag line,
    ``skip``: a related list, a disclosure table's fields, a calendar's days), no table's row ("文号 | 浏览量 | 5 |"),
    no sentence, no question ("……怎么写？"), no chapter of a book ("大学那些年 第七十二章 周末"), no sentence's second half ("的歌詞與寫作背景"), no note in brackets
    ("（以……为例）"), no cover notice."""
    bp = boilerplate_patterns()
    best = max((i for i in range(end) if _worded(lines[i].simple) and i not in skip and _cells(lines[i].text) < 2
                and not bp.breadcrumb.match(lines[i].simple) and not _site_line(lines[i]) and not _foreign(lines[i])
                and not _site_words_only(lines[i]) and (CJK.search(lines[i].text) or " " in lines[i].text.strip())
                and not lines[i].text.endswith(_STATED) and not org_name_alone(lines[i].simple, TITLE_HEAD_CHARS)
                and not _ASKED.search(lines[i].simple) and not _NO_TITLE_OPENS.match(lines[i].simple)
                and not _CHAPTER.search(lines[i].simple)
                and not (_BRACKETED.fullmatch(lines[i].simple) and not _date_only(lines[i]))
                and not is_cover_notice(lines[i].simple.strip("《》"))),
               key=title.__getitem__, default=None)
    return best if best is not None and title[best] >= TITLE_FLOOR else None


def _foreign(ln: Line) -> bool:
    """A line of a site's Latin words and no Chinese ("PDF, TXT oder online auf Scribd lesen"), not a
    school's or a plan's name in English.

    >>> _foreign(recognize("Sie sind auf Seite 1von 4", 1)), _foreign(recognize("St. Mary's Primary School", 1))
    (True, False)
    """
    return not CJK.search(ln.text) and _latin_site().search(ln.text) is not None


@cache
def _latin_site() -> re.Pattern[str]:
    return regex(r"(?i)\b(?:%s)\b" % "|".join(load_yaml("chrome_cues.yaml")["latin_site"]))


def _worded(text: str) -> bool:
    """Does the text hold two letters or characters running (spaces aside), as a title must?"""
    return _WORDS.search(_SPACE.sub("", text)) is not None


def _under_label(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Is the line before ``lines[i]``, past the page's chrome, an attachment's label alone ("附件",
    "附表2：") after a plan's sign-off?"""
    k = next((k for k in range(i - 1, -1, -1) if roles[k] != "chrome" or is_attachment_label(lines[k].simple)), None)
    return k is not None and is_attachment_label(lines[k].simple) and _signed_plan(lines, roles, k)


def _notice_attachment(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Is ``lines[i]``, under an attachment's label ("附件") past a sign-off, the attachment a notice above
    names ("附件：2018年民生实事目标任务分解表"): what the notice sends, the plan itself (not what a plan
    attaches: its own table)?"""
    if not i or not is_attachment_label(lines[i - 1].simple):
        return False
    titled = next((k for k in range(i - 1, -1, -1) if roles[k] == "title"), None)
    if titled is not None and not lines[titled].simple.endswith("通知"):
        return False
    if "signoff" not in roles[:i - 1] and (titled is None or not is_cover_notice(lines[titled].simple)):
        return False  # (unsigned, only a cover notice's title sends it: "关于分解下达……任务的通知")
    return any(attached_name(lines[k].simple) == lines[i].simple for k in range(i - 1))


def _abstract(lines: tuple[Line, ...], i: int) -> bool:
    """Is ``lines[i]`` a page's summary of its article: a line near it written again, run on into
    the text and cut short ("……的通知 各区(市)县人民政府(管委会…")?"""
    text = lines[i].simple
    if not _CUT_SHORT.search(text) or is_contents_line(lines[i].text):
        return False  # (a contents entry's dot leaders: "……工作方案 ......")
    return any(k != i and len(lines[k].simple) >= ABSTRACTED and text.startswith(lines[k].simple)
               and len(text) > len(lines[k].simple) + 1 for k in range(max(0, i - ECHO_WITHIN), min(len(lines), i + ECHO_WITHIN)))


def _next_part(head: Heading | None, nxt: Heading | None) -> bool:
    """Is ``nxt`` the part numbered right after ``head`` ("三、活动时间" then "四、活动内容")?"""
    return head is not None and nxt is not None and head.number is not None and nxt.number is not None \
        and head.style == nxt.style and nxt.value == head.value + 1


def _attachment_entry(lines: tuple[Line, ...], i: int) -> bool:
    """Is ``lines[i]`` the next entry of an attachment list whose label opens with its first
    ("附件:1.《2024 年度内部审计工作计划》" then "2. 2024 年度内部审计项目时间安排表")?"""
    k = i - 1
    while k >= 0 and LIST_ENTRY.match(lines[k].simple) and not _FIRST_ATTACHED.match(lines[k].simple):
        k -= 1
    entry = LIST_ENTRY.match(lines[i].simple)
    return k >= 0 and entry is not None and _FIRST_ATTACHED.match(lines[k].simple) is not None and int(entry[1]) == i - k + 1


def _signed_plan(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Does a plan's sign-off stand last before ``lines[i]``, past the page's chrome and the
    plan's title repeated over a page (not a cover notice's: what a notice attaches is the plan
    itself)?"""
    def passed(t: int) -> bool:  # the page's, or the plan's title again in a running header over the next page
        return roles[t] == "chrome" or roles[t] == "title" and any(
            roles[u] == "title" and lines[u].simple == lines[t].simple for u in range(t))

    signed = next((t for t in range(i - 1, -1, -1) if not passed(t)), None)
    titled = next((t for t in range(i - 1, -1, -1) if roles[t] == "title" and not passed(t)), None)
    return signed is not None and roles[signed] == "signoff" and titled is not None and not is_cover_notice(lines[titled].simple)


def _site_words_only(ln: Line) -> bool:
    """Is the line nothing but a site's words, spaces aside ("关闭窗口", "聯絡我們")?"""
    return _cues()[0].fullmatch(_SPACE.sub("", ln.simple)) is not None


def _date_led(ln: Line) -> bool:
    """Does the line open with a month or a day ("3月24—结核病防治宣传", "4月第三周 ……"; not a year or a season:
    "2025年秋季……周历表")?"""
    return bool(ln.dates) and ln.dates[0].offset == 0 and ln.dates[0].shape.startswith(("day", "month"))


def _day_led(ln: Line) -> bool:
    """Does the line open with a day's date ("9月02日開學日", "10月29日 至 10月30日家長觀課")?"""
    return bool(ln.dates) and ln.dates[0].offset == 0 and ln.dates[0].shape.startswith("day")


def _post_title(lines: tuple[Line, ...], i: int) -> bool:
    """``lines[i]`` is a post's title: a line of title length, no site word and no sentence's
    end, over the post's byline ("青春沙岭 2024-05-10 18:02:36"), maybe past a short line or two
    (the poster's name, "关注").

    >>> from planparse.normalize import recognize
    >>> page = tuple(recognize(t, n) for n, t in enumerate(["2026 年，我只给自己定了三个目标", "阿澈", "01月06日", "关注"], 1))
    >>> _post_title(page, 0), _post_title(page, 1)
    (True, False)
    """
    text = lines[i].simple
    if not TITLE_LENGTH[0] <= len(text) <= TITLE_LENGTH[1] or text.endswith(_STATED) or not _worded(text) \
            or _cues()[0].search(text) or lines[i].heading is not None and lines[i].heading.number \
            or _CRUMB_STEP.match(text) or _foreign(lines[i]) or _day_led(lines[i]) or _CHAPTER.search(text):
        return False  # (nor a breadcrumb of one step: "各區活動 > 青峰區", nor a link to a version in another
        # language: "English Version Here", nor an event on its day: "9月02日開學日", nor a novel's chapter
        # on a fiction site: "大学那些年 第七十二章 周末")
    bp = boilerplate_patterns()
    if i and (_date_only(lines[i - 1]) or bp.date_header.match(lines[i - 1].simple)):
        return True  # a blog's date header over the post ("2025年1月14日 星期二", "星期二, 6月 16, 2015")
    for k in range(i + 1, min(i + 1 + BYLINE_GAP + 1, len(lines))):
        if bp.byline.match(lines[k].simple):
            return True
        if len(lines[k].simple) > POSTER_CHARS or _PROSE.search(lines[k].simple) or bp.breadcrumb.match(lines[k].simple):
            return False  # (a site's name over its breadcrumb: the page's, not the post's title; a column's name
            # over the post's own title: "办事指南" over "关于规范……的通知")
    return False


_NOTICE_TITLE = regex(r"^[^，。；：:]{0,20}关于[^，。；：:]{4,60}的通知$")  # a notice's title (its sender's name
# before it), its addressees under it
_CHAPTER = regex(r"\S\s*第[0-9一二三四五六七八九十百千]+[章回]")  # a book's chapter after the book's name
_CALL_OUT = regex(r"[，,！!]")


def _post_lead(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Is ``lines[i]`` a post's lead: clauses that name no plan and end as a sentence does ("欢欢喜喜过新年,
    热热闹闹闹元宵!"), right under the post's byline ("资讯渝东在线  发布时间:2026-02-27") with the post's
    title over it ("……集团职工元宵游园会等你来!")? The post's title then titles the plan."""
    text = lines[i].simple
    if not text.endswith(_SENTENCE_END) or CLAUSE_MARK.search(text[:-1]) is None or is_title(text, lines[i].heading):
        return False  # (a title may hold a comma, but ends with no stop: "2025，給自己的十個小目標")
    return i > 0 and roles[i - 1] == "chrome" and boilerplate_patterns().byline.match(lines[i - 1].simple) is not None \
        and any(_post_title(lines, j) for j in range(max(i - 2 - BYLINE_GAP, 0), i - 1))


def _marked_sibling(lines: tuple[Line, ...], i: int) -> bool:
    """Does line ``i`` open with an emoji that two or more lines after it open with too, as a WeChat post's
    parallel parts do? (Not a list's marker: a scrape sets its title as an item of the list under it.)"""
    m = heading_patterns().emoji.match(lines[i].text)
    if m is None:
        return False
    mark = m.group().strip()
    return sum(1 for ln in lines[i + 1:] if ln.text.lstrip().startswith(mark)) >= 2


def _headline(lines: tuple[Line, ...], i: int) -> bool:
    """A post's headline that names its plan and then calls out to its readers ("……6月党群服务中心服务安排来啦，
    欢迎您来参加！") over the post's byline, with no title of the plan's own under it before the text."""
    text = unglossed(lines[i].simple)
    m = _CALL_OUT.search(text)
    if m is None:
        return False
    head, rest = text[:m.start()], text[m.end():]
    if len(rest) > SUBTITLE_CHARS or not is_title(head, None) or _cues()[0].search(head):
        return False
    bp = boilerplate_patterns()
    near = [ln.simple for ln in lines[:i + 2 + BYLINE_GAP]]
    if not any(bp.byline.match(t) for t in near[i + 1:]) or any(
            bp.forum.search(t) or bp.post.match(t) or bp.question.match(t) or bp.best_answer.match(t) for t in near):
        return False  # (a forum thread's subject, a question's: the page's)
    return bool(_article_title(lines, i))


def _notice_halves(lines: tuple[Line, ...]) -> set[int]:
    """The lines of cover notices' titles set in two lines ("……医疗保障局关于印发" / "《……》的通知") or in
    three ("……财政厅关于印发" / "澜江省2024年农作物秸秆综合利用" / "实施方案的通知")."""
    out: set[int] = set()
    for i in range(len(lines) - 1):
        if notice_halves(lines[i].simple, lines[i + 1].simple):
            out.update((i, i + 1))
        elif i + 2 < len(lines) and i + 1 not in out and all(plain_head(ln) for ln in lines[i + 1:i + 3]) \
                and notice_halves(lines[i].simple, lines[i + 1].simple + lines[i + 2].simple) \
                and not notice_halves(lines[i + 1].simple, lines[i + 2].simple):
            out.update((i, i + 1, i + 2))
    return out


_INNER_QUOTES = str.maketrans("<>〈〉", "《》《》")  # a title's marks inside a notice's 《》


def _sent_out(lines: tuple[Line, ...]) -> set[int]:
    """The first line after a cover notice that it sends out by name ("关于印发《……工作计划》的通知",
    "现将《……工作计划》印发给你们"): the plan's own title, never a copy of the page's (copies further
    on may be); or the first two lines that name it together ("2016年全市林业" / "工 作 要 点").

    >>> from planparse.normalize import recognize
    >>> page = ("关于印发2016年全市林业工作要点的通知", "现将《2016年全市林业工作要点》印发给你们。", "2016年全市林业", "工 作 要 点")
    >>> sorted(_sent_out(tuple(recognize(t, n) for n, t in enumerate(page, 1))))
    [2, 3]
    """
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if not (sends_plan_out(ln.simple) or is_cover_notice(ln.simple)):
            continue
        named = ln.simple.translate(_INNER_QUOTES)  # ("现将《……2023年<省政府工作报告>……方案》印发"): one kind of marks
        for i in range(k + 1, len(lines)):
            if f"《{lines[i].simple.translate(_INNER_QUOTES)}》" in named:
                out.add(i)
                break
            if i + 1 < len(lines) and f"《{_SPACE.sub('', lines[i].simple + lines[i + 1].simple)}》" in named:
                out.update((i, i + 1))
                break
    return out


def _page_title_echo(lines: tuple[Line, ...]) -> set[int]:
    """The article's title under a first line that is the page's own ("……Flag – 苇岸札记"): the
    first line soon after that repeats the name before the site's (not the blog's: "静水流深_新浪博客");
    or that repeats the first line whole over the text, a byline of short lines between
    ("寒假作息时间表：……" / "创作时间:" / "作者:" / "寒假作息时间表：……")."""
    if not lines:
        return set()
    m = boilerplate_patterns().page_title.match(lines[0].simple)
    name = m["title"].strip() if m else lines[0].simple
    at = next((i for i in range(1, min(len(lines), ECHO_WITHIN)) if lines[i].simple == name), None)
    if at is None or m is None and (at > BYLINES or not TITLE_LENGTH[0] <= len(name) <= TITLE_LENGTH[1] or any(
            len(ln.simple) > MENU_CHARS or ln.heading is not None for ln in lines[1:at])):
        return set()
    return _article_title(lines, at)


def _article_title(lines: tuple[Line, ...], at: int) -> set[int]:
    """``{at}``, the line that repeats a name the page gives, as the article's title — unless a line
    that names a plan as a title does, or a post's title over its byline, stands under it before the
    text begins (the name was the blog's or the column's: "办事指南" over "关于规范……的通知" and
    "2024-10-25 16:08:37 来源:党政办公室")."""
    text = next((k for k in range(at + 1, len(lines)) if len(lines[k].text) >= PROSE and _PROSE.search(lines[k].text)),
                len(lines))
    return set() if any(lines[k].role == "title" or _post_title(lines, k) for k in range(at + 1, text)) else {at}


def _crumb_echo(lines: tuple[Line, ...]) -> set[int]:
    """The article's title right under a breadcrumb that ends with it ("四年二班 > 文章 > 班級經營" over
    "班級經營"), or with its opening words, the crumb's link cut short ("首页 » 减肥知识 » 【减脂计划】28日循序
    瘦身行动蓝图" over the title that goes on "：掌握3个核心……").

    >>> from planparse.normalize import recognize
    >>> page = ("首页 > 工作计划 > 2025年社区消防安全", "2025年社区消防安全工作计划（附检查表下载）", "为切实做好辖区消防安全工作，保障居民生命财产安全，特制定本计划。")
    >>> _crumb_echo(tuple(recognize(t, n) for n, t in enumerate(page, 1)))
    {1}
    """
    crumbs = boilerplate_patterns().breadcrumb
    return {k for i, ln in enumerate(lines[:-1]) if (m := crumbs.match(ln.simple) or _SLASH_CRUMB.match(ln.simple))
            and _echoes(lines[i + 1].simple, m["last"].strip()) for k in _article_title(lines, i + 1)}


def _echoes(title: str, link: str) -> bool:
    """Is ``title`` the link's text, or the text that the link cuts short (its first words, eight or more)?"""
    link = link.rstrip(".…")
    return title == link or len(link) >= CUT_LINK and title.startswith(link)


def _post_echo(lines: tuple[Line, ...]) -> set[int]:
    """The plan's title as the first line of a thread's opening post or of a question's answer, under the
    post's header ("发表于 2016-7-4 16:20:51 | 显示全部楼层", an edit note) or the answer's label and date
    ("推荐答案", "2025-05-08 10:16:33"), where it repeats the page's subject: a line above, or a breadcrumb's
    last link ("首页 > …… > 相识青云,一路同行" … "相识青云,一路同行")."""
    bp = boilerplate_patterns()
    head = next((i for i, ln in enumerate(lines) if bp.post.match(ln.simple) or bp.best_answer.match(ln.simple)), None)
    if head is None:
        return set()
    at = next((k for k in range(head + 1, min(head + 1 + BYLINES, len(lines)))
               if not (bp.best_answer.match(lines[k].simple) or _post_furniture(lines[k]))), None)
    if at is None or not TITLE_LENGTH[0] <= len(lines[at].simple) <= TITLE_LENGTH[1] or lines[at].simple.endswith(_STATED):
        return set()
    names = {ln.simple for ln in lines[:head]} | {m["last"].strip() for ln in lines[:head] if (m := bp.breadcrumb.match(ln.simple))}
    reply = next((k for k in range(at + 1, len(lines)) if bp.post.match(lines[k].simple)), len(lines))
    parts = next((k for k in range(at + 1, len(lines)) if lines[k].heading is not None and lines[k].heading.number), reply)
    if parts > reply:
        return set()  # the plan's numbered parts only under the next post's header: a reply posts the plan, and
        # the opening post's first line is the thread's subject ("东湖板块怎么搞起来？大家出出主意"), the page's
    return _article_title(lines, at) if lines[at].simple in names else set()


def _post_opening(lines: tuple[Line, ...], i: int) -> bool:
    """Is ``lines[i]`` the first line of a post, right under its header ("#4 大 中 小 发表于 2008-11-20
    22:31"), past an edit note or a byline? (Asked of a thread's lines: a page with two post headers or more.)"""
    bp = boilerplate_patterns()
    for k in range(i - 1, max(i - 1 - BYLINES, -1), -1):
        if bp.post.match(lines[k].simple):
            return True
        if not _post_furniture(lines[k]):
            return False
    return False


def _post_furniture(ln: Line) -> bool:
    """A line between a post's header and its text: an edit note, a byline, a date."""
    return bool(_EDITED.match(ln.simple) or boilerplate_patterns().byline.match(ln.simple) or _date_only(ln))


_EDITED = regex(r"^\s*本帖最后由\s*\S{1,20}\s*于\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*编辑\s*$")
# a forum's note that the post was edited ("本帖最后由 云栖 于 2016-7-5 09:12 编辑")


# a trail set apart by slashes from its home link ("主頁 / 學生成長 / 德育及公民教育")
_SLASH_CRUMB = regex(r"^(?:(?:您在这里|当前位置|您的位置)\s*[：:]\s*)?(?:首页|主页|home|Home)(?:\s+/\s+[^/]{1,20})*?\s+/\s+(?P<last>[^/]{1,30})$")


def _running_footers(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A page's footer with the document's name and the page's number ("……资料　　第 1 页 共 3 页"),
    and that name standing alone after the first footer (the next page's header): the page's."""
    footer = boilerplate_patterns().running_footer
    names: set[str] = set()
    for i, ln in enumerate(lines):
        m = footer.match(ln.simple)
        if m:
            names.add(m["name"].strip())
        if m or ln.simple in names:
            roles[i] = "chrome"
    return roles


def _page_furniture(lines: tuple[Line, ...], roles: list[str], dated: set[int]) -> list[str]:
    """What a Word or PDF copy repeats on every page: a line written twice or more, each time next
    to a page's number ("拟制: ……审核: ……" over "第 1 页 共 4 页"), or the document's title with
    the page's number in it, on two pages or more ("Page 9 - ……年度计划书"). (A title is left to
    :func:`_repeated_titles`, a heading to the plan; ``dated``: the lines "4/12" that are dates, no page's
    number.)"""
    page = _cues()[1]["page_number"]
    numbered = {i for i, ln in enumerate(lines) if page.match(ln.simple) or _BULLET_NUMBER.match(ln.simple)} - dated
    bare = {i for i in range(len(lines)) if _bare_page_number(lines, i)}  # "3", "ii": a page's number, or a row's
    signs = {k for i in range(len(lines) - 1) if roles[i] == roles[i + 1] == "signoff" for k in (i, i + 1)}  # the
    # organisation and the date under the plan, though a cover page or the next page's footer repeats them
    where: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if i not in signs:
            where[ln.simple].append(i)
    furniture = set()
    for text, at in where.items():
        if len(at) < 2:
            continue  # (written once: nothing repeated)
        paged = sum(1 for k in at if numbered & {k - 1, k + 1})
        loose = sum(1 for k in at if bare & {k - 1, k + 1})
        cut = sum(1 for k in at if 0 < k < len(lines) - 1 and _cut_sentence(lines[k - 1], lines[k + 1])) if len(at) >= 3 else 0
        gaps = sorted(b - a for a, b in zip(at, at[1:])) or [0]
        if len(text) >= 4 and (paged >= 2 and 2 * paged > len(at)
                               or loose >= 3 and 2 * loose > len(at) and gaps[len(gaps) // 2] >= PAGE_LINES
                               or len(at) >= 3 and cut >= 2 and gaps[0] >= PAGE_LINES and not text.endswith(_CLOSED)):
            furniture.add(text)  # (most copies beside a page's number: the first page's header has none; beside
            # bare numbers, a page apart: "核定本(114 年 2 月)" under "1", "2", "3", not a table's cell under its row's;
            # amid sentences the page breaks: "2022年-2023年最新(可修改编辑)" between "了解家" and "乡的历史名人")
    paged = [None if ln.separator or not _ASCII_DIGIT.search(ln.simple) else _NUMBERED_HEADER.fullmatch(ln.simple) for ln in lines]
    headers: dict[str, set[str]] = defaultdict(set)  # a running header with the page's number in it
    for m in paged:
        if m and is_title(m["name"], None):
            headers[m["name"]].add(m["page"] or m["tail"])
    for i, ln in enumerate(lines):
        m = paged[i]
        if m and len(headers.get(m["name"], ())) >= 2:
            roles[i] = "chrome"  # "Page 9 - ……年度計劃書", "• 恩光書院 ……校務計劃書 4": a page's header, numbered
        elif ln.simple in furniture and i not in signs and roles[i] not in ("title", "chrome") and ln.heading is None:
            roles[i] = "chrome"
        elif roles[i] == "title" and not ln.separator and _first_page_header(lines, roles, numbered, where[ln.simple], i):
            roles[i] = "chrome"  # "青崖镇中心卫生院……　　2026年儿童保健工作计划" past the cover that titled the plan
    return roles


def _page_blocks(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A block of short lines a Word copy repeats at every page's head or foot, its count of pages in
    it ("签发人" / "制度名" / "企业战略规划管理制度" / "页码" / "20-2"): each line beside a neighbour it stands
    beside again elsewhere (digits aside), four such lines or more in a row, one of them the page's number
    or its label, half of them words. The page's (not a timetable's cells repeated day after day: no page's
    number among them, nor "|", "01", "2/12" week after week: no words)."""
    keys = [_DIGIT.sub("#", ln.simple) for ln in lines]
    pairs = Counter(zip(keys, keys[1:]))
    paired = [len(ln.simple) <= BLOCK_CHARS and ln.heading is None and (
        i > 0 and pairs[keys[i - 1], keys[i]] >= 2 or i + 1 < len(lines) and pairs[keys[i], keys[i + 1]] >= 2)
        for i, ln in enumerate(lines)]
    page = _cues()[1]["page_number"]
    i = 0
    while i < len(lines):
        k = i
        while k < len(lines) and paired[k]:
            k += 1
        if k - i >= BLOCK_LINES and any(_PAGE_COUNT.match(lines[j].simple) or page.match(lines[j].simple) for j in range(i, k)) \
                and sum(1 for j in range(i, k) if _worded(lines[j].simple)) >= BLOCK_LINES // 2:
            roles[i:k] = ["chrome"] * (k - i)
        i = max(k, i + 1)
    return roles


_PAGE_COUNT = regex(r"^\s*(?:页码|頁碼|页次|頁次|[0-9]{1,3}\s*-\s*[0-9]{1,3})\s*$")  # "页码" over "20-2": the page of a copy's 20
_BULLET_MARK = r"[-*•·▪►◆●○■□]\s"
_BULLET = regex(r"^\s*" + _BULLET_MARK)  # a list's item: "- 公布……的安排"
_BULLETED = regex(r"^\s*" + _BULLET_MARK + r"|[|｜]\s*" + _BULLET_MARK)  # a list's item, or a row whose cell opens one
_BULLET_NUMBER = regex(r"^[•·]\s*[0-9]{1,3}$")  # "• 2": a transcript's page number


def _cut_sentence(before: Line, after: Line) -> bool:
    """A sentence that a page break cuts in two ("……带领幼儿认识家乡的山川河流，了解家" / "乡的历史名人等。"):
    prose left open, then no heading, but the rest of a sentence."""
    return len(before.simple) >= 20 and "，" in before.simple and not before.text.endswith(_CLOSED) \
        and after.heading is None and (after.text.endswith(_SENTENCE_END) or "，" in after.simple)


def _first_page_header(lines: tuple[Line, ...], roles: list[str], numbered: set[int], at: list[int], i: int) -> bool:
    """Is title line ``i`` the first page's running header: written again further down, every later copy
    beside a page's number, and setting a title of the plan above it apart from the organisation's name by a
    wide gap, as a header's tab stop does
    (the cover's "2026年儿童保健工作计划", then "青崖镇中心卫生院预防保健科　　2026年儿童保健工作计划" over the
    text of the first page, whose header has no number beside it)?"""
    later = [k for k in at if k > i]
    if not later or at[0] != i or any(not numbered & {k - 1, k + 1} for k in later):
        return False
    parts = {_SPACE.sub("", p) for p in _HEADER_GAP.split(lines[i].simple)}
    return len(parts) >= 2 and any(roles[k] == "title" and not lines[k].separator
                                   and _SPACE.sub("", lines[k].simple) in parts for k in range(i))


_HEADER_GAP = regex(r"(?<=\S)(?:\t|\u3000{2,}|[ \u3000]{4,})(?=\S)")  # a header's tab stop: its left and right halves


def _writing_guide(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A template site's guide to writing the plan ("……工作计划怎么写", "……包括哪些") under the
    page's chrome or title and over the sample plan's own title: the page's, that title with it.
    Under the plan's sign-off or the page's chrome after it, with no title below, the guide and
    all under it are the page's."""
    guide, field = boilerplate_patterns().guide, heading_patterns().title_field
    for i, ln in enumerate(lines):
        named = field.match(ln.simple)  # ("标题:初二下学期班主任工作计划写作要点": a guide by its field)
        if not guide.match(named["title"] if named else ln.simple):
            continue
        above = next((k for k in range(i - 1, max(i - 4, -1), -1) if roles[k] != "chrome"), i)
        below = next((k for k in range(i + 1, len(lines)) if roles[k] == "title" or lines[k].separator), None)
        if below is not None and (above == i or (roles[above] == "title" and not lines[above].separator)):
            roles[above:below] = ["chrome"] * (below - above)
        elif below is None and i and roles[i - 1] in ("chrome", "signoff") and any(r != "chrome" for r in roles[:i]):
            roles[i:] = ["chrome"] * (len(lines) - i)  # under the plan's sign-off or footer, no title below: the page's
        elif below is None and roles[i] == "title" and ln.simple.endswith(("？", "?")):
            roles[i] = "chrome"  # "……一周工作计划怎么安排？" over an answer that gives a plan with no title of its own
    return roles


def _replies(lines: tuple[Line, ...]) -> set[int]:
    """A forum thread's replies: the lines from the first post header ("发表于 2024-9-4 08:12:33") under
    the plan's first title or heading on, but for a plan that a reply posts whole (its title, then
    numbered parts or a table's rows; or, untitled, UNTITLED_POST numbered parts or more), to the next
    header. A page with one such header is no thread."""
    headers = [i for i, ln in enumerate(lines) if boilerplate_patterns().post.match(ln.simple)]
    if len(headers) < 2:
        return set()  # one "发表于 2024-01-07 | 分类于 效率": a blog's byline, and no thread
    first = next((k for k, ln in enumerate(lines) if k > headers[0] and (ln.role == "title" or ln.heading is not None)),
                 len(lines))  # (the thread's subject and breadcrumb above the opening post's header are the page's)
    posts = [i for i in headers if i > first] if first < len(lines) else headers[1:]
    posts.append(len(lines))
    out: set[int] = set()
    for a, b in zip(posts, posts[1:]):
        title = next((k for k in range(a + 1, b) if lines[k].role == "title"), None)
        parts = [k for k in range((a if title is None else title) + 1, b)
                 if lines[k].heading is not None or _cells(lines[k].text) >= 2]
        if title is None and len(parts) >= UNTITLED_POST:
            title = parts[0]  # a plan posted without a title: its numbered parts begin it
        posted = title is not None and len(parts) >= 2
        name = a - 1 if a and len(lines[a - 1].text) <= 16 and not lines[a - 1].dates else a  # the poster's, over it
        out.update(range(name, title if posted else b))
    return out


def _in_contents(lines: tuple[Line, ...], i: int) -> bool:
    """A line of a table of contents ("一、指导思想………1"), or the 目录 line over one."""
    if is_toc_entry(lines[i].text):
        return True
    return is_contents_label(lines[i].simple) and i + 1 < len(lines) and is_toc_entry(lines[i + 1].text)


_PAGE_REF = regex(r"[\s.·…\-—－]*[0-9]*$")  # a contents line's leader and page number
CONTENTS_ENTRIES = 3  # the fewest entries under a contents label that make its list


def _contents_of_headings(lines: tuple[Line, ...]) -> set[int]:
    """A table of contents with no page numbers: "目  录" and the lines under it that the
    document's own headings repeat further down ("一、指导思想", "（一）财政审计"), three or more.

    >>> from planparse.normalize import recognize
    >>> page = ("目  录", "一、指导思想", "二、工作目标", "三、重点任务", "计划正文", "一、指导思想", "二、工作目标", "三、重点任务")
    >>> sorted(_contents_of_headings(tuple(recognize(t, n) for n, t in enumerate(page, 1))))
    [0, 1, 2, 3]
    """
    out: set[int] = set()
    last = {_PAGE_REF.sub("", strip_marker(ln.simple)): i for i, ln in enumerate(lines)}
    for i, ln in enumerate(lines):
        if not is_contents_label(ln.simple):
            continue
        j = i + 1
        while j < len(lines) and last.get(_PAGE_REF.sub("", strip_marker(lines[j].simple)), j) > j:
            j += 1
        if j - i > CONTENTS_ENTRIES:
            out.update(range(i, j))
    return out


def _outline_over_title(lines: tuple[Line, ...]) -> set[int]:
    """A page's outline of the plan right above the plan's title: three or more numbered headings (their
    words alone), under a contents label or none, each of which a heading of the same number under the
    title repeats or begins ("(一)健全组织体系" … "（一）健全组织体系，织密“红色网格”。……"). The page draws it from the plan; a
    contents list under the title is the plan's own (see :func:`_contents_of_headings`).

    >>> from planparse.normalize import recognize
    >>> page = ("一、党建引领", "二、治理提效", "三、环境提质", "XX社区五年发展规划", "一、党建引领，筑牢根基", "二、治理提效，共建共治",
    ...         "三、环境提质，补齐短板")
    >>> sorted(_outline_over_title(tuple(recognize(t, n) for n, t in enumerate(page, 1))))
    [0, 1, 2]
    """
    numbered: defaultdict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)  # number → its headings
    for m, ln in enumerate(lines):
        if ln.heading is not None and ln.heading.number and ln.heading.title:
            numbered[ln.heading.style, ln.heading.value].append((m, ln.heading.title))

    def echoed(j: int) -> bool:  # (a heading's words alone, no clause of text)
        h = lines[j].heading
        return h is not None and bool(h.number and h.title) and not h.body and not CLAUSE_MARK.search(h.title) and any(
            m > j and title.startswith(h.title) for m, title in numbered.get((h.style, h.value), ()))  # type: ignore[arg-type]

    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and echoed(j):
            j += 1
        if j - i >= CONTENTS_ENTRIES and j < len(lines) and is_title(lines[j].simple, lines[j].heading):
            out.update(range(i - 1 if i and is_contents_label(lines[i - 1].simple) else i, j))
        i = max(j, i + 1)
    return out


def _question(lines: tuple[Line, ...]) -> set[int]:
    """Indices of a Q&A page's question: from its label ("问题描述：") to the label over the answer
    under it ("最佳答案"), a few lines down."""
    bp = boilerplate_patterns()
    asked = next((i for i, ln in enumerate(lines) if bp.question.match(ln.simple)), None)
    if asked is None:
        return set()
    answered = next((k for k in range(asked + 1, min(asked + 1 + QUESTION_LINES, len(lines)))
                     if bp.best_answer.match(lines[k].simple)), None)
    return set(range(asked, answered + 1)) if answered is not None else set()


_WEEK_ROW = regex(r"^(?:(?:星期|礼拜|周)?[日天一二三四五六]\s*){7}$")  # "週日週一……週六", "日 一 二 三 四 五 六"
_DAY_CELLS = regex(r"^[0-9\s]+$")


def _calendar_grid(lines: tuple[Line, ...]) -> set[int]:
    """A calendar widget flattened to lines: its row of the week's days and the lines of bare
    day numbers under it ("週日週一週二週三週四週五週六", "25262728293031", "1", "34" …): the page's,
    not the plan's, though the month's events under it are.

    >>> from planparse.normalize import recognize
    >>> page = ("2024年9月", "週日週一週二週三週四週五週六", "25262728293031", "1", "34", "9月02日開學日", "2")
    >>> sorted(_calendar_grid(tuple(recognize(t, n) for n, t in enumerate(page, 1))))
    [1, 2, 3, 4]
    """
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if _WEEK_ROW.match(ln.simple):
            out.add(i)
            k = i + 1
            while k < len(lines) and _DAY_CELLS.match(lines[k].simple):
                out.add(k)
                k += 1
    return out


_INDEX_NUMBER = regex(r"\s*[0-9]{8,}[A-Z]?\s*/\s*(?:19|20)[0-9]{2}\s*-\s*[0-9]{3,}\s*")  # a disclosure's 索引号 value
FIELD_VALUES = 10  # the most values of a disclosure table left without their labels
FIELD_VALUE_CHARS = 24  # the longest of them


def _disclosure_table(lines: tuple[Line, ...]) -> set[int]:
    """A government page's disclosure table flattened to lines: the run of field lines ("标 题 ……",
    "文 号 ……", "内容概述 ……") around its 索引号 line, or, where the labels are lost, its index number's value
    ("11330283002981452K/2024-146731") and the short values under it ("市水利局", "計劃總結", "2024-05-17", "面向社會").

    >>> from planparse.normalize import recognize
    >>> page = [recognize(t, n) for n, t in enumerate(["索 引 号 0142/2024-00009", "标 题 青港区教育局2024年工作计划",
    ...         "内容概述 2024年，区教育局将……", "青港区教育局2024年工作计划", "标题要简明。"], 1)]
    >>> sorted(_disclosure_table(tuple(page)))
    [0, 1, 2]
    """
    field = boilerplate_patterns().disclosure_field
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if _INDEX_NUMBER.fullmatch(ln.simple) and i not in out:  # the table's values without their labels, its index
            b = i + 1  # number first: the short lines under it, down to the text's title or first sentence
            while b < len(lines) and b - i <= FIELD_VALUES and len(lines[b].simple) <= FIELD_VALUE_CHARS \
                    and not CLAUSE_MARK.search(lines[b].simple) and not is_title(lines[b].simple, None):
                b += 1
            out.update(range(i, b))
        if _SPACE.sub("", ln.simple).startswith("索引号") and i not in out:
            a = i
            while a and field.match(lines[a - 1].simple):
                a -= 1
            b = i + 1
            while b < len(lines) and field.match(lines[b].simple):
                b += 1
            out.update(range(a, b))
    return out


def _site_line(ln: Line) -> bool:
    """A line that can only be the page's: a page's number, a note that text is hidden, a
    forum's anti-copy noise, a site's record number, a tag line, a Markdown image, a letter-spaced
    site note, or a short line of site words alone ("下载积分：2 浏览次数：1035"; not an item of the
    plan that its mark leads: "△中小學教師資格定期註冊審核人事股")."""
    words, patterns = _cues()
    text = ln.simple
    hidden = patterns["hidden"].search(text) and not _hidden_after_text(text)
    if patterns["page_number"].match(text) or hidden or patterns["jammer"].match(text) or _always().search(text):
        return True
    if patterns["letter_spaced"].search(text) and words.search(_SPACE.sub("", text)):
        return True
    return len(text) <= SITE_LINE and not ln.separator and not CLAUSE_MARK.search(_THOUSANDS.sub("", text)) \
        and len(set(words.findall(text))) >= 2 and not _ITEM_MARK.match(text) \
        and ln.heading is None and (not ln.dates or _BYLINE_DATE.match(text) is not None)


def _hidden_after_text(text: str) -> re.Match[str] | None:
    """The note that text is hidden, run on after a line's own words (at least SHORT of them)."""
    m = boilerplate_patterns().hidden_tail.search(text) if "隐藏" in text else None
    return m if m is not None and m.start() >= SHORT else None


def _inside_table(lines: tuple[Line, ...], decided: list[str], i: int) -> bool:
    """A row of the plan's table, though a page break put a running footer beside it: rows of
    as many cells (parted by "|" or tabs; one more or fewer, a cell left empty) stand above and below
    it — or two right above it, the table's last row before the page's footer, a border alone on its
    line between rows aside — and it holds no site word."""
    cells = _cells(lines[i].text)
    if cells < 2 or _cues()[0].search(lines[i].simple):
        return False
    filled = [k for k in range(max(0, i - 2 * TABLE_REACH), min(len(lines), i + 2 * TABLE_REACH + 1))
              if k != i and lines[k].text.strip("|｜ \t")]  # (a row's border alone on its line parts no rows)
    above, below = [k for k in filled if k < i][-TABLE_REACH:], [k for k in filled if k > i][:TABLE_REACH]

    def rows_at(ks: list[int]) -> int:  # (a cell left empty drops its border: a row has one more or one fewer)
        return sum(1 for k in ks if abs(_cells(lines[k].text) - cells) <= 1 < _cells(lines[k].text) and decided[k] != "chrome")

    return rows_at(above[-2:]) == 2 or rows_at(above) > 0 < rows_at(below)


def _flattened_table(lines: tuple[Line, ...], rows: list[tuple[int, int]]) -> set[int]:
    """Indices of the lines of a table flattened one cell to a line: its rows that open with their
    numbers (``rows``, :func:`numbered_rows`; not a part's number set apart over its "一、……") and the
    short header cells above the first row.

    >>> cells = ["序号 |", "事项 |", "时间 |", "1 |", "春节慰问", "2月", "2 |", "消防检查", "3月", "3 |", "大扫除", "4月"]
    >>> page = tuple(recognize(t, k + 1) for k, t in enumerate(["一、安排"] + cells))
    >>> _flattened_table(page, numbered_rows(page)) >= set(range(1, 13))
    True
    """
    out: set[int] = set()
    for n, (start, end) in enumerate(rows):
        if any(lines[x].heading is not None and lines[x].heading.number for x in range(start + 1, end)):
            continue
        out.update(range(start, end))
        if (n == 0 or rows[n - 1][1] != start) and ROW_NUMBER.match(lines[start].text)[1] == "1":
            top = start
            while top > 0 and start - top <= end - start and len(lines[top - 1].text) <= CELL_CHARS \
                    and not CLAUSE_MARK.search(lines[top - 1].text):
                top -= 1  # the header row
            out.update(range(top, start))
    return out


def _header_cells(lines: tuple[Line, ...]) -> set[int]:
    """Indices of a table's header row set one cell to a line: two or more column names in a row
    ("月份", "内    容", "备 注"; see ``table_header`` in chrome_cues.yaml), and the short cells of
    the first row under it ("1-2月", "寒 假")."""
    named = [is_column_name(_SPACE.sub("", ln.simple).strip("|｜")) for ln in lines]
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and named[j]:
            j += 1
        if j - i >= 2:  # a header of j - i columns, then the short cells of the rows under it
            k = j
            while k < len(lines) and len(lines[k].text) <= CELL_CHARS and not CLAUSE_MARK.search(lines[k].text) \
                    and not _cues()[0].search(lines[k].simple):
                k += 1
            out.update(range(i, k))
        i = max(j, i + 1)
    return out


def _title_row(ln: Line) -> bool:
    """A table's first row that holds only the plan's title, its other cells merged and left empty
    ("青雲山慈惠寺年度祭典日程表 | ||")."""
    filled = [c for c in re.split(r"[|\t]", ln.simple) if c.strip()]
    return len(filled) == 1 and ln.role == "title"


def _cells(text: str) -> int:
    """How many cell borders a table's row has, its cells parted by "|" or by tabs."""
    return max(text.count("|"), text.count("\t"))


def _collection_title(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """A page's title that counts the plans it holds, over its first separator or over a plan
    going on from the page before, or wherever it stands when it counts them in brackets
    ("图书馆世界读书日活动方案（通用8篇）")."""
    if not lines[i].separator and PAGE_COUNT.search(lines[i].simple):
        return True
    return _COUNTED.search(lines[i].simple) is not None and (
        _separator_follows(lines, roles, i) or _goes_on_from_before(lines, roles, i))


def _heading_under(lines: tuple[Line, ...], roles: list[str], i: int, reach: int = 1) -> Heading | None:
    """The first heading among the ``reach`` lines under line ``i`` that are not the page's (None: none of
    them is a heading)."""
    under = islice((k for k in range(i + 1, len(lines)) if roles[k] != "chrome"), reach)
    return next((lines[k].heading for k in under if lines[k].heading is not None), None)


def _goes_on_from_before(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """The first heading under line ``i`` numbers a part past the first ("二、活动要求"): the page
    begins in the middle of a plan."""
    head = _heading_under(lines, roles, i)
    return head is not None and head.style in TOP_STYLES and head.value > 1


def _separator_follows(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """The next line that is not chrome, a line or two below, is a compilation's separator."""
    nxt = next((k for k in range(i + 1, min(i + 4, len(lines))) if roles[k] != "chrome"), None)
    return nxt is not None and lines[nxt].separator


def _given_whole(lines: tuple[Line, ...], i: int) -> int | None:
    """The line a little above that gives whole the title ``lines[i - 1]`` and ``lines[i]`` set
    in two lines (the page's heading, a cover notice's title), or None.

    >>> from planparse.normalize import recognize
    >>> page = ("关于印发柏海州深化紧密型县域医疗卫生 共同体建设实施方案的通知", "柏海州深化紧密型县域医疗卫生", "共同体建设实施方案")
    >>> _given_whole(tuple(recognize(t, n) for n, t in enumerate(page, 1)), 2)
    0
    """
    whole = _SPACE.sub("", unglossed(lines[i - 1].simple + lines[i].simple))
    if len(whole) < TITLE_WHOLE:
        return None
    return next((k for k in range(i - 2, max(-1, i - 2 - GIVEN_REACH), -1)
                 if whole in (given := _SPACE.sub("", unglossed(lines[k].simple)))
                 and (len(given) <= len(whole) + GIVEN_MORE or given.startswith(whole) or is_cover_notice(given))),
                None)  # (a heading that gives it, a cover notice's title that sends it out or a summary that opens
    # with it, not a sentence that names it: "……特制订《……》，现印发给你们")


def _numbered_copy(ln: Line, title: Line) -> bool:
    """``ln`` is ``title`` numbered as a compilation's part ("……工作计划（通用1篇）", "……工作计划 篇2")."""
    rest = ln.simple[len(title.simple):] if ln.simple.startswith(title.simple) else ""
    return ln.role == "title" and _PART_NUMBER.fullmatch(rest) is not None


def _title_over_first_part(lines: tuple[Line, ...], roles: list[str], i: int) -> int | None:
    """Where the title at ``i`` stands right under the plan's first part ("一、目标:") and the same title
    stands over that part, only the page's lines (its byline) between: the line of the copy above."""
    head = lines[i - 1].heading if i else None
    if head is None or head.style not in TOP_STYLES or head.value != 1 or roles[i - 1] not in ("chrome", "heading"):
        return None
    for k in range(i - 2, max(-1, i - 2 - BYLINES), -1):
        if roles[k] != "chrome":
            return None
        if lines[k].simple == lines[i].simple:
            return k
    return None


def _retitled(lines: tuple[Line, ...], i: int) -> int:
    """How many lines (one or two) under the separator at ``i - 1`` set its title again, in words of their
    own but nearly the same characters; 0 if none do.

    >>> from planparse.normalize import recognize
    >>> page = ("第一篇：2006年工会工作总结及2007年工会计划", "工会2006年工作总结", "及2007年工作计划", "一、工作总结")
    >>> _retitled(tuple(recognize(t, n) for n, t in enumerate(page, 1)), 1)
    2
    """
    title = Counter(_SPACE.sub("", lines[i - 1].simple))
    for n in (1, 2):
        words = Counter(_SPACE.sub("", "".join(ln.simple for ln in lines[i:i + n])))
        same = sum((title & words).values())
        if same >= RETITLED * words.total() and same >= RETITLED * title.total():
            return n
    return 0


def _restated(above: Line, ln: Line) -> bool:
    """Is ``ln`` the title ``above`` again, maybe with its words in another order (the same
    characters, its marks and a table's bar after them aside), or without the year above gives
    it and with a 的 between its words?

    >>> from planparse.normalize import recognize
    >>> _restated(recognize("社区重阳节活动方案", 1), recognize("社区重阳节方案活动", 2))
    True
    >>> _restated(recognize("初中红十字日纪念活动方案|", 1), recognize("初中红十字日纪念活动方案", 2))
    True
    >>> _restated(recognize("2022年县妇联寻找“最美家庭”活动实施方案", 1), recognize("县妇联寻找“最美家庭”活动的实施方案", 2))
    True
    >>> _restated(recognize("2022年县妇联工作计划", 1), recognize("2023年县妇联工作计划", 2))
    False
    >>> _restated(recognize("小学心理健康月活动方案附实用资源", 1), recognize("小学心理健康月活动方案（附实用资源）", 2))
    True
    """
    key, again = _title_key(above), _title_key(ln)
    if Counter(_WORDS_ONLY.sub("", key)) == Counter(_WORDS_ONLY.sub("", again)):
        return True
    return _TITLE_YEAR.search(key) is not None and not _TITLE_YEAR.search(again) \
        and Counter(_TITLE_YEAR.sub("", key).replace("的", "")) == Counter(again.replace("的", ""))


def _page_heading(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Is ``lines[i]``, read as a title, the page's heading: words a chrome line above gives with more
    around them (the page's header: "【茶叶协会】……议事日程时间:2024-03-08"), over a line and a numbered
    part under it?"""
    text = lines[i].simple
    return i + 2 < len(lines) and lines[i + 2].heading is not None and lines[i + 2].heading.number is not None \
        and lines[i + 1].heading is None and any(
            roles[k] == "chrome" and text in lines[k].simple and text != lines[k].simple for k in range(i))


def _title_key(ln: Line) -> str:
    """A title's words as the page may write them again: "……医院 2024 年度工作计划", as a PDF spaces it,
    and "……的通知 |", as a flattened table row trails it, are the same title."""
    return _SPACE.sub("", ln.simple).rstrip("|｜")


def _title_widget(lines: tuple[Line, ...], i: int) -> bool:
    """A word or two that a page sets under each of its titles ("拓展", "收藏"): a short line of
    no number or date, repeated, and every time right under a title."""
    text = lines[i].simple
    if len(text) > 4 or lines[i].heading is not None or lines[i].dates or not i or lines[i - 1].role != "title":
        return False
    copies = [k for k, ln in enumerate(lines) if ln.simple == text]
    return len(copies) >= 2 and all(k and lines[k - 1].role == "title" for k in copies)


def _under_signoff_date(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """An undated line under a sign-off's date: the date closes a sign-off, its organisation
    comes before it, so what follows is not the sign-off's."""
    return (bool(i) and roles[i - 1] == "signoff" and not lines[i].dates
            and _cues()[1]["signature_date"].search(lines[i - 1].simple) is not None)


def _completes_sentence(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """A piece of the plan's sentence that a page break cut off: the plan's line before it
    (chrome between) leaves its sentence open and this short line ends it ("考察和政治审查。"),
    or the next line opens with the punctuation that ends this one ("。为深入学习……")."""
    ln = lines[i]
    if _cues()[0].search(ln.simple) or ln.heading is not None:
        return False
    if i + 1 < len(lines) and lines[i + 1].text.startswith(("。", "，", "；")) and len(ln.text) >= SHORT:
        return True
    k = next((k for k in range(i - 1, -1, -1) if roles[k] != "chrome"), None)
    return (k is not None and roles[k] in ("body", "heading") and len(lines[k].text) >= PROSE // 2
            and not lines[k].text.endswith(_SENTENCE_END) and ln.text.endswith(_SENTENCE_END)
            and len(ln.text) <= SHORT)


def _addressed(lines: tuple[Line, ...], decided: list[str], i: int) -> bool:
    """Does a notice's addressees' line ("各乡镇人民政府，……县政府各部门：") stand under line ``i``, the
    next line or the one after, or the first line under it that the model does not give the page
    (a disclosure page's record of the notice between: "索引号 : ……", "名 称: ……", "有效性: 有效")?"""
    salutation = _cues()[1]["salutation"]
    under = next((k for k in range(i + 1, min(i + 1 + BYLINES, len(lines))) if decided[k] != "chrome"), None)
    return any(salutation.match(other.simple) for other in lines[i + 1:i + 3]) \
        or under is not None and salutation.match(lines[under].simple) is not None


def _titled_by_field(lines: tuple[Line, ...], i: int) -> bool:
    """The words of an earlier "标题：……" record line standing alone: the plan's title."""
    field = heading_patterns().title_field
    return any((m := field.match(lines[k].simple)) is not None and m["title"] == lines[i].simple for k in range(i))


_COUNTER = regex(r"^\s*[0-9]{1,3}\s*/\s*([0-9]{1,3})\s*$")


def _dated_counters(lines: tuple[Line, ...]) -> set[int]:
    """The lines "4/12", "4/26", "5/31" alone that are a timetable's dates, not a page's "3/12":
    most of them count to a total of their own, where a copy's pages count to one.

    >>> cells = ["繳交截止日", "4/12", "公告結果", "4/26", "成果報告", "5/31"]
    >>> sorted(_dated_counters(tuple(recognize(t, n) for n, t in enumerate(cells, 1))))
    [1, 3, 5]
    >>> _dated_counters(tuple(recognize(t, n) for n, t in enumerate(["正文", "1/3", "正文", "2/3", "正文", "3/3"], 1)))
    set()
    """
    totals = {i: m[1] for i, ln in enumerate(lines) if (m := _COUNTER.match(ln.simple))}
    return set(totals) if 2 * len(set(totals.values())) > len(totals) > 1 else set()


def _bare_page_number(lines: tuple[Line, ...], i: int) -> bool:
    """A number alone on its line between lines of text: a page's number where a PDF or Word
    copy was pasted as text (a table's cells, one to a line, stand among short lines)."""
    if _NUMBER.match(lines[i].text) is None:
        return False
    near = [len(lines[k].text) for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return min(near, default=0) > 3 and max(near) > SHORT_CELL


def _number_over_heading(lines: tuple[Line, ...], i: int) -> bool:
    """"01" alone over "科学规划：……": an article's number set apart over its heading's words, an ornament."""
    return PADDED_NUMBER.fullmatch(lines[i].text) is not None and i + 1 < len(lines) \
        and (head := lines[i + 1].heading) is not None and head.style == "plain"


_NOTE = regex(r"\s*[（(【\[][^）)】\]]{1,8}[）)】\]]\s*$")  # "(三年)", "（草案）": a note after a name


def _names_again(text: str, titles: set[str]) -> bool:
    """Is ``text``, less a note in brackets after it, the name of a plan titled so far, no more
    ("學校發展計劃(三年)" in the plan "學校發展計劃書"), or the end of such a title without the
    organisation that opens it ("2019年工作计划" in the plan "县林业局2019年工作计划"): a part of that
    plan named after it?"""
    name, bare = _NOTE.sub("", text).strip(), _SPACE.sub("", text)
    return name != text.strip() and len(name) >= 4 and any(name in _SPACE.sub("", t) for t in titles) or (
        len(bare) >= 4 and any(len(t := _SPACE.sub("", x)) > len(bare) and t.endswith(bare) for x in titles))


def _abridges(short: str, full: str) -> bool:
    """Is ``short`` ``full`` with words left out (its characters in order), not the same line?

    >>> _abridges("顺驰汽车2024年度工作计划", "顺驰汽车销售服务有限公司2024年度工作计划")
    True
    >>> _abridges("2024年工会工作计划", "2024年团委工作计划")
    False
    """
    if len(short) < 6 or len(short) >= len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _noted(page: str, title: str) -> bool:
    """Is ``page`` ``title`` with a note in brackets after it, as a page's heading gives it?

    >>> _noted("八年级班主任工作计划（附周安排表）", "八年级班主任工作计划"), _noted("工作计划（一）", "工作计划")
    (True, False)
    """
    rest = page.removeprefix(title).strip()
    return page != rest and len(rest) > 4 and rest[0] in "（(【[" and rest[-1] in "）)】]"


def _repeated_titles(lines: tuple[Line, ...], roles: list[str], sent: set[int]) -> list[str]:
    """A title written again is no new plan. Where only chrome (or another title, a cover
    notice's) stands between the two copies, the first is the page's title and the second the
    plan's; a plan's own title right under its compilation separator ("……计划（一）") is a
    line of the plan; a title repeated from the middle of a plan on is a running header, but
    for the one a cover notice sends out (``sent``). A title's second half ("（2024—2026年）") is no
    title of its own."""
    titles = [i for i, r in enumerate(roles) if r == "title"
              and not (i and roles[i - 1] == "title" and completes_title(lines[i - 1], lines[i]))]
    count = Counter(_DIGIT.sub("", lines[i].simple).strip() for i in titles)  # "……计划 1", "……计划 2": one footer
    last: dict[str, int] = {}
    prev: int | None = None
    for i in titles:
        ln = lines[i]
        named = attached_name(ln.simple) or (ln.simple if i and is_attachment_label(lines[i - 1].simple) else None)
        if named and any(lines[k].simple == named or roles[k + 1:k + 2] == ["title"]
                         and _SPACE.sub("", lines[k].simple + lines[k + 1].simple) == named for k in titles if k > i):
            roles[i] = "body"  # "附件：……工作计划" in a cover notice (or "附件：" over it), the plan printed below
            # it (its title maybe in two lines): a reference
            continue
        if count[_DIGIT.sub("", ln.simple).strip()] > 1 and not ln.separator and i not in sent and _after_content(roles, i) \
                and not _opens_anew(lines, roles, i):
            roles[i] = "chrome"  # a copy in the middle of a plan's text: a running header (not a compilation's
            continue  # next copy under the same title, its parts numbered from 一、 again)
        bare = prev is not None and all(r == "chrome" for r in roles[prev + 1:i])  # only the page's lines since the last title
        if bare and lines[prev].separator and not ln.separator and ln.simple in lines[prev].simple:
            roles[i] = "body"  # "……工作计划（一）" then "……工作计划": the plan's own title line
            continue
        if bare and not lines[prev].separator and i > prev + 1 \
                and not is_cover_notice(lines[prev].simple) and not _names_its_plan(lines, prev) and not _names_its_plan(lines, i) \
                and roles[i + 1:i + 2] != ["title"] and 2 * len(ln.simple) < len(lines[prev].simple):
            roles[i] = "body"  # "六一儿童节到了" under a headline that names no plan either and "点击上方蓝字 关注我们":
            continue  # the article's first words, the headline titles it
        if bare and not lines[prev].separator and (
                i > prev + 1 and not is_cover_notice(lines[prev].simple) and (_names_its_plan(lines, i) or roles[i + 1:i + 2] == ["title"] or not _names_its_plan(lines, prev))
                or _abridges(lines[prev].simple, ln.simple)
                or is_cover_notice(ln.simple) and _SPACE.sub("", ln.simple) in _SPACE.sub("", lines[prev].simple)
                or _noted(lines[prev].simple, ln.simple) or heading_patterns().farm_suffix.sub("", lines[prev].simple) == ln.simple
                or _YEAR.sub("年", lines[prev].simple) == _YEAR.sub("年", ln.simple) != ln.simple):
            roles[prev] = "chrome"  # the page's title (over its byline, unless only it names a plan, or shorter, noted, ……范文, with the year
            # the plan leaves blank: "2024年度……计划" over "20_年度……计划", or a notice's title with more:
            # "湖政办字〔2024〕9号 关于印发……的通知"), then the plan's own
        prev = i
        if ln.separator:
            continue
        key = _title_key(ln)
        if key in last:
            k = last[key]
            between = roles[k + 1:i]
            if i in sent or all(r == "chrome" for r in between) or "title" in between:
                roles[k] = "chrome"
            elif not _opens_anew(lines, roles, i):
                roles[i] = "chrome"
                continue
        last[key] = i
    # "……工作计划" then "……工作计划 1", "…… 2" inside its text: a footer with the page's number; after
    # a link to the next page, "……工作计划(2)": the second page's copy of the title
    own = [lines[i].simple for i in titles if roles[i] == "title" and not lines[i].separator]
    plain = {_DIGIT.sub("", t).strip() for t in own}
    paged = {_PAGE_NUMBER.sub("", t).strip() for t in own}
    for i in titles:
        ln = lines[i]
        turned = i and roles[i - 1] == "chrome" and _pagination().search(lines[i - 1].simple)
        if ln.separator and roles[i] == "title" and _DIGIT.search(ln.simple) and _after_content(roles, i) \
                and (_DIGIT.sub("", ln.simple).strip() in plain
                     or ((turned or _numbering_goes_on(lines, roles, i)) and _PAGE_NUMBER.sub("", ln.simple).strip() in paged)):
            roles[i] = "chrome"
    return roles


_TWO_NUMBERS = regex(r"[0-9０-９][^0-9０-９]+[0-9０-９]")
_SHAPES = (regex(r"[A-Za-z]+"), "a"), (regex(r"[0-9０-９]+"), "#"), (regex(r"[\u4e00-\u9fff]+"), "X")


def _row_shape(text: str) -> str | None:
    """The shape of a line's first two words, digits, Chinese and Latin runs each one mark
    ("第4週 09-15 ~ 09-21" → "X#X #-#"), when it holds two numbers or more: a table's or a
    timetable's row, by its shape.

    >>> _row_shape("第4週 09-15 ~ 09-21"), _row_shape("  1. 9/13 課後社團開課"), _row_shape("1. 加强学习")
    ('X#X #-#', '#. #/#', None)
    """
    shape = " ".join(text.split()[:2])
    if _TWO_NUMBERS.search(shape) is None:
        return None
    for run, mark in _SHAPES:
        shape = run.sub(mark, shape)
    return shape


def _rows_of_plan(lines: tuple[Line, ...], roles: list[str]) -> list[str]:
    """A line read as the page's is the plan's row when a line of the plan of its shape follows,
    with no title between, and it stands under another such line, under the plan's title or
    under a row: "第4週 09-15 ~ 09-21" between "第3週 ……" and "第5週 ……", "第1週 08-25 ~ 08-31"
    under the calendar's title, "1. 9/17 中秋節放假1日 One day off" among the weeks' items."""
    shapes = [_row_shape(ln.text) for ln in lines]
    kept: dict[str, list[int]] = defaultdict(list)
    for i, role in enumerate(roles):
        if role in ("body", "heading") and shapes[i]:
            kept[shapes[i]].append(i)
    titles = [0, *accumulate(role == "title" for role in roles)]  # titles[i]: the titles above line i
    last = None  # the nearest line above that is not chrome
    for i, role in enumerate(roles):
        if role == "chrome" and shapes[i] in kept:
            at = kept[shapes[i]]
            k = bisect_right(at, i)
            if k < len(at) and titles[at[k]] == titles[i + 1] and (
                    last is not None and (roles[last] == "title" or shapes[last]) or k and titles[at[k - 1]] == titles[i]):
                roles[i] = "body"
        if roles[i] != "chrome":
            last = i
    return roles


_DAY = regex(r"^(?:[1-9]|[12][0-9]|3[01])$")
CALENDAR_DAYS = 5  # the fewest days in a row, one to a line, that make a calendar's week
CALENDAR_GAP = 8  # the most lines between two days of a week, or between two weeks (its events, its week's number)


def _calendar_of_plan(lines: tuple[Line, ...], roles: list[str], widget: set[int]) -> list[str]:
    """A calendar flattened to lines inside a plan, its days one to a line ("1", "2" …, "7"),
    with the weeks' numbers and events between them, is the plan's, when lines of the plan stand
    above and below it with no title between (a university's term calendar): a run of days one
    after another, not a page's number now and then. A calendar that ends the plan needs only
    the plan above it when events stand between its days ("13)寒假開始"): a widget's days have
    none. A calendar widget's days (``widget``) stay the page's.

    >>> from planparse.normalize import recognize
    >>> page = ("行事曆", "八月", "1", "2", "3", "4", "5", "1)開學", "6", "7", "九月", "1", "2", "3", "4", "5", "說明")
    >>> lines = tuple(recognize(t, n) for n, t in enumerate(page, 1))
    >>> roles = ["title", "body"] + ["chrome"] * 14 + ["body"]
    >>> "chrome" in _calendar_of_plan(lines, roles, set())
    False
    >>> ending = page[:12] + ("10)校慶", "2", "13)寒假開始", "3", "20)成績截止", "4", "25)春節", "5")
    >>> roles = ["title", "body"] + ["chrome"] * 18
    >>> _calendar_of_plan(tuple(recognize(t, n) for n, t in enumerate(ending, 1)), roles, set())[-1]
    'body'
    """
    days = [i for i, ln in enumerate(lines) if _DAY.match(ln.simple) and i not in widget]
    spans: list[list[int]] = []  # [first, last] line of each calendar
    run = days[:1]
    for i in days[1:] + [None]:
        if i is not None and i - run[-1] <= CALENDAR_GAP and int(lines[i].simple) in (int(lines[run[-1]].simple) + 1, 1):
            run.append(i)
            continue
        if len(run) >= CALENDAR_DAYS:
            if spans and run[0] - spans[-1][1] <= CALENDAR_GAP:
                spans[-1][1] = run[-1]
            else:
                spans.append([run[0], run[-1]])
        run = [i] if i is not None else []
    for first, last in spans:
        above = next((j for j in reversed(range(first)) if roles[j] != "chrome"), None)
        below = next((j for j in range(last + 1, len(roles)) if roles[j] != "chrome"), None)
        events = sum(1 for ln in lines[first:last + 1] if not _DAY.match(ln.simple) and _worded(ln.simple))
        if below is None and events >= CALENDAR_DAYS:
            below = last
        if above is not None and below is not None and "title" not in roles[above + 1:below + 1] \
                and not widget & set(range(above, below)):
            roles[first:last + 1] = ["body" if r == "chrome" else r for r in roles[first:last + 1]]
    return roles


_COUNT = regex(r"^[0-9]{1,3}$")
_ROMAN = regex(r"^\s*[ivxlcIVXLC]{1,6}\s*$")  # a page's number in roman figures
REPEAT_CHARS = 6  # a line longer than this written twice or more on a page (digits aside) is its header or footer
_PLAIN_CUES = ("page_number", "hidden", "page_counter", "date_tail", "url", "icp", "letter_spaced", "file_name",
               "counts", "tally", "brackets_links", "time_stamp", "jammer")


def _within_plan(lines: tuple[Line, ...], roles: list[str], apart: set[int], written: Counter[str]) -> list[str]:
    """A run of lines the model reads as the page's between two lines of a plan's text (not
    under its sign-off, not over a title) is the plan's when none of it holds a site's word or a
    page's pattern, nor is a line a rule gives the page (``apart``): a table's cells and borders
    flattened to lines ("|", "晨间活动", "语言：小熊怕冷吗"), its counts too when there are three
    or more ("4", "5", "26"; one alone is a page's number); ``written``: how often the page writes
    each line, digits aside."""
    i = 0
    while i < len(roles):
        if roles[i] != "chrome":
            i += 1
            continue
        j = i
        while j < len(roles) and roles[j] == "chrome":
            j += 1
        counts = [k for k in range(i, j) if _COUNT.match(lines[k].simple)]  # a table's cells, three or more
        if 0 < i and j < len(roles) and roles[i - 1] in ("body", "heading") and roles[j] in ("body", "heading") \
                and (all(k not in apart and (_plain_line(lines[k], written) or len(counts) >= 3 and k in counts)
                         for k in range(i, j)) or _numbered_on(lines[i:j + 1]) and not apart & set(range(i, j))):
            roles[i:j] = ["body"] * (j - i)
        i = j
    return roles


def _opens_numbering(lines: tuple[Line, ...], decided: list[str], i: int) -> bool:
    """Does the plan's text under line ``i`` ("一、……") go on to the next number of its style, a part of
    the plan ("二、……"), the lines between them the plan's, as the model reads them?"""
    h = lines[i].heading
    k = next((k for k in range(i + 1, len(lines)) if (g := lines[k].heading) is not None and g.number and g.style == h.style), None)  # type: ignore[union-attr]
    return k is not None and lines[k].heading.value == 2 and decided[k] in ("heading", "body") \
        and all(r != "chrome" for r in decided[i + 1:k])  # type: ignore[union-attr]


def _numbered_on(run: tuple[Line, ...]) -> bool:
    """Are the lines numbered one after another in one style, on into the last of them ("1. 上线准备 (……模板)",
    "2. ……", "3. ……下载……" over the plan's "4. ……"): items of one list, whatever site's word they hold?"""
    heads = [ln.heading for ln in run]
    return all(h is not None and h.number and h.style == heads[0].style for h in heads) \
        and all(b.value == a.value + 1 for a, b in zip(heads, heads[1:]))  # type: ignore[union-attr]


def _plain_line(ln: Line, written: Counter[str]) -> bool:
    """A line with none of a site's words or a page's patterns (``written``: how often the page writes
    each line, digits aside): not a running header, however its page's number changes, nor a question."""
    words, patterns = _cues()
    return not (_site_line(ln) or words.search(ln.simple) or any(patterns[n].search(ln.simple) for n in _PLAIN_CUES)
                or len(ln.simple) > REPEAT_CHARS and written[_DIGIT.sub("", ln.simple)] > 1
                or _ROMAN.match(ln.simple) or ln.simple.endswith(("?", "？")))


PAGE_HEADERS = 3  # the fewest numbered headers of one name, their numbers rising, that show a copy's pages


def _between_headers(lines: tuple[Line, ...]) -> set[int]:
    """The lines between a PDF or Word copy's first running header and its last, the document's name
    and the page's number ("校務計劃書 1" … "校務計劃書 8"), three or more, rising: its pages, that the
    site's chrome stands around, not amid.

    >>> page = ("Citation preview", "校務計劃書 1", "3 校訓", "明道篤行", "校務計劃書 2", "4 願景", "校務計劃書 3", "Recommended")
    >>> sorted(_between_headers(tuple(recognize(t, n) for n, t in enumerate(page, 1))))
    [2, 3, 4, 5]
    """
    series: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, ln in enumerate(lines):
        m = None if ln.separator else _NUMBERED_HEADER.fullmatch(ln.simple)
        if m and is_title(m["name"], None):
            series[m["name"]].append((i, int(m["page"] or m["tail"])))
    out: set[int] = set()
    for at in series.values():
        if len(at) >= PAGE_HEADERS and all(a[1] < b[1] for a, b in zip(at, at[1:])):
            out.update(range(at[0][0] + 1, at[-1][0]))
    return out


def _numbering_goes_on(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Does the first numbered heading under line ``i`` go on from the last of its style above it
    ("四、" under it, "三、" above)?"""
    def numbered(k: int) -> Heading | None:
        head = lines[k].heading
        return head if roles[k] != "chrome" and head is not None and head.number else None

    after = next((h for k in range(i + 1, len(lines)) if (h := numbered(k))), None)
    before = next((h for k in range(i - 1, -1, -1) if (h := numbered(k)) and after and h.style == after.style), None)
    return after is not None and before is not None and after.value == before.value + 1


@cache
def _pagination() -> re.Pattern[str]:
    """The words of a link to another page of the article ("下一页", "上一页")."""
    return regex("|".join(map(re.escape, load_yaml("chrome_cues.yaml")["words"]["pagination"])))


def _last_of_plan(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Is line ``i`` the plan's last (only chrome, the next plan's title, or an attachment's label
    alone after it)?"""
    k = next((k for k in range(i + 1, len(roles)) if roles[k] != "chrome"), None)
    return k is None or roles[k] == "title" or is_attachment_label(lines[k].simple)


def _names_its_plan(lines: tuple[Line, ...], i: int) -> bool:
    """Can line ``i``, over the content of a page that no line titles, title its plan? A line that
    names a plan, or a numbered part that does ("參、114年度……工作計畫"); not a separator, nor a
    breadcrumb whose last step names plans ("当前位置：首页 > …… > 规划计划"), nor a kind of plan
    alone, a site's column ("方案策劃")."""
    ln = lines[i]
    return not ln.separator and not boilerplate_patterns().breadcrumb.match(ln.simple) and not _BARE_KIND.fullmatch(ln.simple) \
        and (ln.role == "title" or ln.heading is not None and _names_plan(ln.heading))


def _role_before(roles: list[str], i: int) -> str | None:
    """The role of the last line before line ``i`` that is not chrome."""
    return next((r for r in reversed(roles[:i]) if r != "chrome"), None)


def _opens_anew(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Does the plan's text under line ``i`` (chrome aside) open with the first part of a numbering the
    text above has used ("一、指导思想" after the last copy's "十二月：……"), maybe past a paragraph of
    preamble ("进入七月，……" over "一、活动时间"): a plan of its own begins?"""
    head = _heading_under(lines, roles, i, reach=2)
    return opens_top(head) and any(
        roles[j] == "heading" and lines[j].heading.style == head.style for j in range(i))  # type: ignore[union-attr]


def _after_content(roles: list[str], i: int) -> bool:
    """Does line ``i`` follow a plan's text (chrome aside)?"""
    return _role_before(roles, i) in ("body", "heading")


def _names_plan(head: Heading) -> bool:
    """Does a numbered heading's title name a plan ("2. ……德育工作计划")?"""
    return is_title(to_simplified(head.title or ""), None)


def _heads_content(lines: tuple[Line, ...], decided: list[str], i: int) -> bool:
    """A title line (or a compilation's first plan's title, numbered "1. ……工作计划") the plan's
    content follows (within BYLINES lines of byline) with no other title in between (but the plan's
    own title under its separator): the plan's title, though the page around it made it look like
    chrome."""
    ln = lines[i]
    words = heading_patterns().farm_suffix.sub("", ln.simple)  # "……工作计划范文": the site's word aside
    first = ln.heading is not None and ln.heading.value == 1 and _names_plan(ln.heading)
    if not (ln.separator or ln.role == "title" or first) or _cues()[0].search(words) or is_attachment(ln.simple) \
            or boilerplate_patterns().disclosure_field.match(ln.simple):
        return False  # (nor a disclosure field's "标题 ……计划": the page's record of the plan)
    for k in range(i + 1, min(i + 1 + BYLINES, len(lines))):
        if lines[k].separator or (lines[k].role == "title" and not ln.separator) or is_cover_notice(lines[k].simple):
            return False
        if decided[k] != "chrome" or _in_contents(lines, k):
            return True  # (or the plan's table of contents, under a cover page's fields)
    return False


def _labelled_title(ln: Line) -> bool:
    """A plan's title behind a sharing site's label ("内容提示：2025年……工作计划") or before the
    page's byline ("……工会工作计划 发布人:校工会 发布时间:2013/2/25")."""
    bp = boilerplate_patterns()
    label, tail = bp.label.match(ln.simple), bp.byline_tail.search(ln.simple)
    return (label or tail) is not None and is_title(
        ln.simple[label.end() if label else 0:tail.start() if tail else None].strip(), None)


def _plain_prose(ln: Line) -> bool:
    """A sentence of prose that no chrome word or pattern touches (its commas full-width or,
    as a PDF's text may have them, half-width)."""
    text = ln.simple
    return len(text) >= 15 and text.endswith(("。", "；", "！", "？")) and ("，" in text or "," in text) and _unmarked(text)


def _long_prose(ln: Line) -> bool:
    """A page's text run into one long line, a year's work told clause after clause ("2024年县气象局在……
    下,……,……。……"): the plan's, whatever count or site word a sentence of it holds, unless a site's
    sentence does ("以下是小编整理的……")."""
    text = ln.simple
    return len(text) >= LONG_PROSE and len(CLAUSE_MARK.findall(text)) >= LONG_PROSE // PROSE and not _site_sentence(text)


def _page_between_numbers(lines: tuple[Line, ...], i: int) -> bool:
    """A long line between two page numbers ("第 1 页 共 4 页" … "第 2 页 共 4 页"): a Word copy's page
    run into one line, the document's text, however few clause marks its tables leave it."""
    number = _cues()[1]["page_number"]
    return 0 < i < len(lines) - 1 and len(lines[i].simple) >= 2 * PROSE \
        and all(number.match(lines[k].simple) for k in (i - 1, i + 1))


def _preamble(lines: tuple[Line, ...], i: int) -> bool:
    """A paragraph of prose right over the plan's first numbered part ("一、……"), no site's word or
    sentence in it, though its last full stop is lost ("……的重要使命2024年，公司工会将……具体工作安排")."""
    text, nxt = lines[i].simple, lines[i + 1].heading if i + 1 < len(lines) else None
    return nxt is not None and nxt.number is not None and nxt.value == 1 and len(text) >= 2 * PROSE \
        and len(CLAUSE_MARK.findall(text)) > CLAUSES and _unmarked(text)


def _unmarked(text: str) -> bool:
    """Does no site's word, sentence or chrome pattern touch the text?"""
    return not _cues()[0].search(text) and _no_page_sentence(text)


def _labelled_prose(ln: Line) -> bool:
    """The plan's text behind a sharing site's label ("• 范文预览:各科室、各村卫生室:根据……,为在全院营造……"),
    maybe cut short where the preview ends: prose of two clauses or more, a site's word in it once at most
    ("关注安全")."""
    label = boilerplate_patterns().preview.match(ln.simple)
    text = ln.simple[label.end():] if label else ""
    return len(text) >= PROSE and len(CLAUSE_MARK.findall(text)) >= CLAUSES and len(_cues()[0].findall(text)) <= 1 \
        and _no_page_sentence(text)


def _closing_words(ln: Line) -> bool:
    """A sentence of prose that closes a plan ("总之，……", "以上安排如有变动……"), whatever site's word
    it holds ("会员"), that no page's sentence or pattern touches."""
    text = ln.simple
    return len(text) >= 15 and text.endswith(("。", "！", "？")) and body_kind(text) == "closing" and _no_page_sentence(text)


def _site_sentence(text: str) -> bool:
    """Does a site's sentence touch the text ("仅供参考", "以下是小编整理的……")?"""
    bp = boilerplate_patterns()
    return bool(bp.sentence.search(text) or bp.intro.search(text))


def _no_page_sentence(text: str) -> bool:
    """Does no site's sentence ("仅供参考") or chrome pattern touch the text?"""
    return not _site_sentence(text) and not any(p.search(text) for p in _cues()[1].values())


def _in_menu(lines: tuple[Line, ...], roles: list[str], i: int) -> bool:
    """Does ``lines[i]`` stand among the links of a site's menu, three short lines of the page's
    on either side of it ("基本政策" … "服務介紹")?"""
    def link(k: int) -> bool:
        return 0 <= k < len(lines) and roles[k] == "chrome" and len(lines[k].simple) <= MENU_LINK_CHARS \
            and not CLAUSE_MARK.search(lines[k].simple)

    return all(link(k) for k in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3))


def _cover_fields(lines: tuple[Line, ...], i: int) -> range:
    """The fields of a cover page right under ``lines[i]`` ("执笔：周雅琴", "审核：学校教科室", and its date
    "二〇二六年二月"), from who drew the plan up on; empty when no such field stands under it."""
    field = heading_patterns().signature_field
    end = i + 1
    while end < len(lines) and (field.match(lines[end].simple) or end > i + 1 and _date_only(lines[end])):
        end += 1
    return range(i + 1, end)


def _signature(ln: Line) -> bool:
    """An organisation's name or a date standing alone, as a plan signs off (a page
    converted from a document may have numbered it: "3、2024年1月8日"); not a table's row of three
    cells that ends with one ("11 月	劳动竞赛总结评比	生产工会")."""
    patterns = _cues()[1]
    text = ln.simple if ln.heading is None or ln.heading.style != "arabic" else to_simplified(ln.heading.title or "")
    return len(ln.text) <= 30 and _cells(ln.text) < 2 and bool(patterns["org_name"].search(text) or
                                       patterns["signature_date"].search(text)) and not _cues()[0].search(text)


def _numbered_row(lines: tuple[Line, ...], i: int) -> bool:
    """``lines[i]`` is a row of a table set with spaces between its cells, its number first and a
    date next ("一 9.1—9.7 开学报到 制订学期工作计划"), over or under a row like it.

    >>> rows = tuple(recognize(t, n) for n, t in enumerate(["一 9.1—9.7 开学典礼 制订学期工作计划",
    ...              "二 9.8—9.14 庆祝教师节", "2024年1月8日 红旗小学 工会"], 1))
    >>> [_numbered_row(rows, i) for i in range(3)]
    [True, True, False]
    """
    def shaped(k: int) -> bool:
        parts = lines[k].text.split()
        return len(parts) >= 3 and bool(_NUMBER_CELL.fullmatch(parts[0])) and bool(lines[k].dates) \
            and lines[k].dates[0].text == parts[1]

    return _among_like(len(lines), i, shaped)


def _amid_bars(lines: tuple[Line, ...], i: int) -> bool:
    """Do rows set with bars stand right over and under ``lines[i]`` ("26 | 27 | 28 |" over "114年 11月",
    "||||||" or "9 | 10 | 11 |" under it): it is a cell of their table, no sign-off.

    >>> rows = tuple(recognize(t, n) for n, t in enumerate(["26 | 27 | 28 |", "114年 11月", "9 | 10 | 11 |", "2024年1月8日"], 1))
    >>> [_amid_bars(rows, i) for i in range(4)]
    [False, True, False, False]
    """
    return 0 < i < len(lines) - 1 and all("|" in lines[k].text for k in (i - 1, i + 1))


def _dated_row(lines: tuple[Line, ...], i: int) -> bool:
    """``lines[i]`` is a row of a table set with spaces between its three cells, a date first and the
    one who does it last ("113年10月中旬 產學合作媒合會 產學合作中心"), under or over a row like it: no
    sign-off, though it ends with a body's name.

    >>> rows = tuple(recognize(t, n) for n, t in enumerate(["113年9月 新生定向輔導週 院辦公室",
    ...              "113年10月中旬 產學合作媒合會 產學合作中心", "2024年1月8日 红旗小学 工会"], 1))
    >>> [_dated_row(rows, i) for i in range(3)]
    [True, True, False]
    """
    org = _cues()[1]["org_name"]

    def shaped(k: int) -> bool:
        parts = lines[k].text.split()
        return len(parts) == 3 and bool(lines[k].dates) and lines[k].dates[0].text == parts[0] and not org.search(parts[1])

    return _among_like(len(lines), i, shaped)


def _among_like(n: int, i: int, shaped: Callable[[int], bool]) -> bool:
    """Is line ``i`` of ``n`` shaped so, and a line right above or below it as well (a table's row
    among rows like it)?"""
    return shaped(i) and any(0 <= k < n and shaped(k) for k in (i - 1, i + 1))


def _plan_goes_on(lines: tuple[Line, ...], decided: list[str], i: int) -> bool:
    """Does the plan's numbering go on past line ``i`` and the page's lines under it (its last
    heading "第10周" above, "第11周" below)?"""
    above = next((lines[k].heading for k in range(i - 1, -1, -1) if lines[k].heading is not None), None)
    below = next((lines[k].heading for k in range(i + 1, len(lines)) if decided[k] != "chrome"), None)
    return above is not None and below is not None and below.style == above.style and below.value == above.value + 1


def _poster(lines: tuple[Line, ...], i: int) -> bool:
    """A short name alone over a post's header ("山那边的雨" over "发表于 2024-9-4 08:30 | 只看该作者")."""
    ln = lines[i]
    return i + 1 < len(lines) and boilerplate_patterns().post.match(lines[i + 1].simple) is not None \
        and len(ln.text) <= 16 and not ln.dates and ln.heading is None and ln.role != "title" and not _PROSE.search(ln.text)


def _date_only(ln: Line) -> bool:
    """A line that is a date and nothing more, its weekday aside ("2025年2月20日星期四").

    >>> _date_only(recognize("2025年2月20日 星期四", 1)), _date_only(recognize("2025年工作计划", 1))
    (True, False)
    """
    return bool(ln.dates) and not _WEEKDAY_REST.sub("", to_simplified(undated(ln)))


def role_probs(rows: list[dict[str, float]], model: LinearModel, context: LinearModel | None) -> np.ndarray:
    """Each line's role probabilities: the model's, and, with a second pass, the geometric
    mean of the model's and the second pass's, which reads each line again beside the roles
    the model gives the lines around it (stacked learning: a title is the likeliest title
    line over the page's content, a line amid chrome is likelier chrome)."""
    if context is None:
        return model.predict_many(rows)
    scores = _side_by_side(model, context).scores(rows)  # (both passes' weights of each feature gathered at once)
    probs = model.probabilities(scores[:, :len(model.classes)])
    again = context.probabilities(scores[:, len(model.classes):] + context.dense_scores(context_features(probs, model.classes)))
    share = float(context.meta.get("blend", 1.0))  # the second pass's share of the log-probabilities
    mixed = np.exp(share * np.log(again + 1e-9) + (1 - share) * np.log(probs + 1e-9))
    return mixed / mixed.sum(axis=1, keepdims=True)


_JOINED: list[tuple[LinearModel, LinearModel, LinearModel]] = []  # the last pair of passes, side by side


def _side_by_side(model: LinearModel, context: LinearModel) -> LinearModel:
    if not (_JOINED and _JOINED[0][0] is model and _JOINED[0][1] is context):
        _JOINED[:] = [(model, context, LinearModel.side_by_side(model, context))]
    return _JOINED[0][2]


CONTEXT_LINES = 3  # the lines above and below whose role probabilities a line's second pass reads
CONTEXT_REACH = 8  # the lines above and below in which it weighs how much is chrome and how much content
_FROM_CONTENT = np.array([0, 1, 2, 4, 8, 16])  # buckets of the distance from the page's content


def context_features(probs: np.ndarray, classes: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """The second pass's features of each line, named, as one array (lines × names): the
    model's role probabilities of the line and of the lines around it, the share of chrome and of
    content within reach above and below, where the line stands from the page's content (its
    first two lines of body or heading in a row), and how its title probability ranks on the page.

    >>> probs = np.array([[.9, 0, 0, .05, .05], [.1, 0, 0, 0, .9], [0, .1, 0, .8, .1]])
    >>> names, values = context_features(probs, ("body", "chrome", "heading", "signoff", "title"))
    >>> second = dict(zip(names, values[1].tolist()))
    >>> values.shape, second["s-1:body"], second["s1:signoff"], second["rank:0"], second["content:0"]
    ((3, 64), 0.9, 0.8, 1.0, 1.0)
    """
    n, k = probs.shape
    at = {c: classes.index(c) for c in ("body", "chrome", "heading", "title")}
    pad = np.zeros((CONTEXT_LINES, k))
    padded = np.vstack([pad, probs, pad])
    index = np.arange(n)
    names: list[str] = []
    columns: list[np.ndarray] = []
    for d in range(-CONTEXT_LINES, CONTEXT_LINES + 1):
        names += [f"s{d}:{c}" for c in classes]
        columns.append(padded[CONTEXT_LINES + d:CONTEXT_LINES + d + n])
        if d:
            names.append(f"s{d}:none")
            columns.append(((index + d < 0) | (index + d >= n)).astype(float)[:, None])
    best = probs.argmax(axis=1)
    text = (best == at["body"]) | (best == at["heading"])
    content = np.flatnonzero(text[:-1] & text[1:])  # (two lines of it in a row: "↓↓↓" alone does not open it)
    first = int(content[0]) if len(content) else n
    for name, p in (("chrome", probs[:, at["chrome"]]), ("content", probs[:, at["body"]] + probs[:, at["heading"]])):
        sums = np.r_[0.0, np.cumsum(p)]
        lo, hi = np.maximum(index - CONTEXT_REACH, 0), np.minimum(index + CONTEXT_REACH + 1, n)
        names += [f"{name}:above", f"{name}:below"]
        columns.append(((sums[index] - sums[lo]) / np.maximum(index - lo, 1))[:, None])
        columns.append(((sums[hi] - sums[np.minimum(index + 1, n)]) / np.maximum(hi - index - 1, 1))[:, None])
    title = probs[:, at["title"]]
    rank = np.empty(n, dtype=int)
    rank[np.argsort(-title, kind="stable")] = np.arange(n)
    above = title[:first]
    one_hot = {  # name: (each line's value, how many values there are)
        "content": (np.sign(index - first) + 1, 3),  # above the first line of content, at it, below it
        "from": (np.searchsorted(_FROM_CONTENT, np.abs(index - first)), len(_FROM_CONTENT) + 1),
        "rank": (np.minimum(rank, 3), 4),
        "titles": (np.full(n, min(int((title > 0.5).sum()), 3)), 4),
    }
    for name, (values, width) in one_hot.items():
        names += [f"{name}:{v}" for v in range(width)]
        columns.append((values[:, None] == np.arange(width)[None, :]).astype(float))
    names.append("title:likeliest_above_content")  # (as likely as the model finds it)
    columns.append(np.where(index == (int(above.argmax()) if len(above) else -1), title, 0.0)[:, None])
    return names, np.hstack(columns)


def decode_probs(probs: np.ndarray, model: LinearModel) -> list[str]:
    """The most probable roles of a page's lines given each line's probabilities and the
    roles' order on pages (Viterbi)."""
    if model.transitions is not None and model.start is not None and len(probs) > 1:
        path = viterbi(probs, model.transitions, model.start, float(model.meta.get("transition_weight", 1.0)))
    else:
        path = [int(r.argmax()) for r in probs]
    return [model.classes[j] for j in path]


def _decode_past_noise(probs: np.ndarray, model: LinearModel, noise: set[int]) -> list[str]:
    """decode_probs over the lines that are no forum's anti-copy noise (``noise``: "8zvN[oj" between a
    post's lines, the page's, as the lines' features found it): the noise parts no run of the post's roles."""
    if not noise:
        return decode_probs(probs, model)
    kept = [i for i in range(len(probs)) if i not in noise]
    roles = ["chrome"] * len(probs)
    for i, role in zip(kept, decode_probs(probs[kept], model) if kept else ()):
        roles[i] = role
    return roles


def _mixed(ln: Line) -> bool:
    """A numbered item that shares its line with a boilerplate sentence."""
    if ln.heading is None or ln.heading.number is None:
        return False
    bp = boilerplate_patterns()
    sentences = [s for s in _SENTENCE.findall(ln.simple) if s]
    return len(sentences) > 1 and not _site_sentence(sentences[0]) and any(
        bp.sentence.search(s) for s in sentences[1:])


def _without_boilerplate(ln: Line, edits: list[Edit]) -> Line | None:
    """The line without a sharing site's label before its text ("文档介绍: ……") and without
    the boilerplate sentences it shares with plan text (None: nothing left)."""
    bp = boilerplate_patterns()
    label = bp.label.match(ln.simple)
    if label:
        edits.append(Edit("boilerplate", ln.first, ln.text[:label.end()].strip(WHITESPACE)))
        ln = _rest(ln, ln.text[label.end():])
    tail = bp.byline_tail.search(ln.simple)
    if tail and is_title(ln.simple[:tail.start()].strip(), None):
        edits.append(Edit("boilerplate", ln.first, ln.text[tail.start():].strip(WHITESPACE)))
        ln = _rest(ln, ln.text[:tail.start()])
    hidden = _hidden_after_text(ln.simple)
    if hidden:  # "……安全股 ……此处隐藏21736个字……": the row kept, the note the page's
        edits.append(Edit("boilerplate", ln.first, ln.text[hidden.start():].strip(WHITESPACE)))
        ln = _rest(ln, ln.text[:hidden.start()])
    if ln.separator or not bp.sentence.search(ln.simple):
        return ln  # (a separator holds no site's sentence: "学期工作计划精选范文1")
    sentences = [s for s in _SENTENCE.findall(ln.text) if s]
    drop = [_site_sentence(to_simplified(s)) for s in sentences]
    if ln.heading is not None and ln.heading.number:
        drop[0] = False  # "3、参考主题仅供参考，讲话人可……": the item's own words, whatever they share with a site's
    if not any(drop):
        return ln
    rest = "".join(s for s, d in zip(sentences, drop) if not d).strip(WHITESPACE)
    removed = "".join(s for s, d in zip(sentences, drop) if d).strip(WHITESPACE)
    edits.append(Edit("boilerplate", ln.first, removed if rest else ln.text))
    return _rest(ln, rest) if rest else None


def _rest(ln: Line, rest: str) -> Line:
    """The line recognised anew with only ``rest`` of its text (at its column)."""
    rest = rest.strip(WHITESPACE)
    column = ln.pieces[0][2] + max(ln.text.find(rest[:8]), 0)
    return recognize(rest, ln.first, ln.last, ((ln.first, 0, column),),
                     ln.heading is not None and ln.heading.style in DECIMAL_STYLES)


# ---------------------------------------------------------------- features


@cache
def _always() -> AnyOf:
    return AnyOf(tuple(regex(p) for p in load_yaml("chrome_cues.yaml")["always"]))


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, re.Pattern[str] | AnyOf]]:
    return site_words(), chrome_patterns()


class _Page:
    """A document's lines searched at once: one scan of the joined text per pattern instead
    of one search per line. A line's own match starts in it in the joined text too, so each
    scan jumps to the line where its match starts, checks that line alone and goes on from
    the next one.

    >>> page = _Page(("上一篇：工会计划", "一、指导思想", "下一篇：团委计划"))
    >>> sorted(page.hits(regex("^[上下]一篇")))
    [0, 2]
    >>> page.finditer(regex("计划"))
    [(0, '计划'), (2, '计划')]
    """

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.texts = texts
        self.text = "\n".join(texts)
        self.starts = [0, *accumulate(len(t) + 1 for t in texts[:-1])]

    def hits(self, pattern: re.Pattern[str] | AnyOf) -> set[int]:
        """The lines ``pattern`` is found in: where its matches all hold one of some words, the
        lines that hold one of them, each searched alone."""
        if isinstance(pattern, AnyOf):  # (a pattern whose words the page lacks finds no line)
            return set().union(*(self.hits(pattern.patterns[k]) for k in pattern.candidates(self.text)))
        words = pattern_words(pattern)
        if words:
            held = {bisect_right(self.starts, m.start()) - 1 for m in words_gate(words).finditer(self.text)}
            return {i for i in held if pattern.search(self.texts[i])}
        if _anchored(pattern.pattern):  # a match per line beats a scan of every position
            return {i for i, t in enumerate(self.texts) if pattern.match(t)}
        joined, out, pos = _multiline(pattern), set(), 0
        while (m := joined.search(self.text, pos)) is not None:
            i = bisect_right(self.starts, m.start()) - 1
            if pattern.search(self.texts[i]):
                out.add(i)
            if i + 1 == len(self.starts):
                break
            pos = self.starts[i + 1]
        return out

    def finditer(self, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
        """Each match of a pattern that never spans a line break, with its line."""
        return [(bisect_right(self.starts, m.start()) - 1, m.group()) for m in pattern.finditer(self.text)]


@cache
def _anchored(pattern: str) -> bool:
    """Does every top-level branch of ``pattern`` start at the line's start (``^``)?

    >>> _anchored("^(来源|作者)[:：]"), _anchored("^上一篇|下一篇"), _anchored("^[|]|^a"), _anchored("小编")
    (True, False, True, False)
    >>> _anchored("^[^]|]|b"), _anchored(r"^[\\]|]|^b"), _anchored(r"^\\|b")
    (False, True, True)
    """
    depth, branch, i = 0, True, 0  # (branch: at the start of a top-level branch)
    while i < len(pattern):
        c = pattern[i]
        if branch and c != "^":
            return False
        branch = False
        if c == "\\":
            i += 1
        elif c == "[":  # a class, to its closing "]": its "|" and brackets are characters
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branch = True
        i += 1
    return not branch


@cache
def _multiline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` matching at each line's start and end in a page's joined text (itself where
    it already does or has no anchors: compiling costs a cold start time)."""
    if pattern.flags & re.M or not {"^", "$"} & set(pattern.pattern):
        return pattern
    return regex(pattern.pattern, pattern.flags | re.M)


def _bucket(value: float, bounds: tuple[float, ...]) -> int:
    """The index of the first bound ``value`` does not exceed (len(bounds) past the last).

    >>> _bucket(3, (0, 1, 2, 4)), _bucket(9, (0, 1, 2, 4))
    (3, 4)
    """
    return bisect_left(bounds, value)


_ASKED = regex(r"[?？]|怎么|如何|吗")  # a question, as a Q&A page's is
_ITEM_MARK = regex(r"^[△▲☆★◇◆]")  # the mark that leads an item of a plan's list
_TAGS = regex(r"[\u4e00-\u9fff]{1,6}(?:\s*[,，]\s*[\u4e00-\u9fff]{1,6}){3,}")  # a page's keywords, comma-separated
_LETTERED = regex(r"^[a-zA-Z]\s*[.．)）]\s*[\u4e00-\u9fff]")
_NO_TITLE_OPENS = regex(r"^(?:[的了着]|[0-9]{1,2}\s*[:：]\s*[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}\s*[0-9]{1,2}:[0-9]{2})")
# a sentence's second half ("的歌詞與……"), a timetable's row ("4:50-5:30 自由安排 自由安排"), a publishing
# system's stamp ("2024-05-31 00:42:01工作计划", its column's name after it): no title opens so
_TITLE_YEAR = regex(r"(?:19|20)[0-9]{2}\s*年度?")
_WORDS_ONLY = regex(r"[^\w]|_")  # (a title's marks aside: a page's slug of it drops them)
_BRACKETED = regex(r"[（(][^（）()]{4,60}[)）]")
_WEEKDAY_REST = regex(r"(?:星期|礼拜|周)[一二三四五六日天]|[\s,，、()（）]")
_LEN = (4, 8, 15, 25, 40, 80)
_POS = (0, 1, 2, 4, 7, 12)
_RATIO = (0.0, 0.1, 0.3, 0.6)
_RUN = (1, 2, 4, 8)
_ANCHOR = (0, 1, 2, 4, 8)


def line_features(lines: tuple[Line, ...], hints: tuple[str, ...] = (),
                  listed: set[int] | None = None) -> list[dict[str, float]]:
    """The features of each of a document's lines, in its page (see the module docstring;
    ``listed``: the related-article lists, when the caller has them)."""
    words, patterns = _cues()
    bp = boilerplate_patterns()
    n = len(lines)
    lengths = [len(ln.text) for ln in lines]
    keys = [_DIGIT.sub("#", ln.simple) for ln in lines]
    shapes = Counter(keys)
    seen: set[str] = set()
    earlier = []  # the same line (digits aside) stood above this one
    for key in keys:
        earlier.append(key in seen)
        seen.add(key)
    wrapped = _wrapped_prose(lines)
    prose = [i for i, ln in enumerate(lines) if lengths[i] >= PROSE and _PROSE.search(ln.text) or i in wrapped]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (n, -1)
    runs = _short_runs(lengths)
    nearest = _distances(n, prose)
    listed = _related_lists(lines) if listed is None else listed
    page = _Page(tuple(ln.simple for ln in lines))
    spaced = page.hits(patterns["letter_spaced"])
    cues: defaultdict[int, set[str]] = defaultdict(set)
    for start, word in page.finditer(words):
        cues[start].add(word)
    for i in spaced:
        cues[i] = set(words.findall(_SPACE.sub("", lines[i].simple)))
    marks = {f"pat:{name}": page.hits(p) for name, p in patterns.items()}  # feature → the lines that have it
    marks["pat:page_number"] -= _dated_counters(lines)
    marks.update({"bp:line": {k for k in page.hits(bp.line) if lengths[k] <= 100}, "bp:sentence": page.hits(bp.sentence),
                  "bp:intro": page.hits(bp.intro), "bp:related": page.hits(bp.related), "bp:list": listed,
                  "bp:item": {k for k in page.hits(bp.list_item) - page.hits(bp.list_item_not) if lengths[k] <= 60}})
    marked: defaultdict[int, list[str]] = defaultdict(list)  # line → the marks it has, in the marks' order
    for name, hits in marks.items():
        for k in hits:
            marked[k].append(name)
    out, chromy = [], []  # (chromy: how many chrome cues and marks each line has)
    for i, ln in enumerate(lines):
        text, simple, size = ln.text, ln.simple, lengths[i]
        f: dict[str, float] = {
            f"len:{_bucket(size, _LEN)}": 1.0,
            f"plen:{_bucket(lengths[i - 1], _LEN) if i else 'none'}": 0.5,
            f"nlen:{_bucket(lengths[i + 1], _LEN) if i + 1 < n else 'none'}": 0.5,
            f"run:{_bucket(runs[i], _RUN)}": 1.0,
            f"digits:{_bucket(len(_DIGIT.findall(text)) / size, _RATIO)}": 1.0,
            f"latin:{_bucket(len(_LATIN.findall(text)) / size, _RATIO)}": 1.0,
            f"punct:{_bucket(len(_PUNCT.findall(text)) / size, _RATIO)}": 1.0,
            f"space:{_bucket(len(_SPACE.findall(text)) / size, _RATIO)}": 1.0,
        }
        if "position" in FEATURES:
            f[f"top:{_bucket(i, _POS)}"] = f[f"bot:{_bucket(n - 1 - i, _POS)}"] = POSITION_WEIGHT
        if "anchor" in FEATURES:
            f[f"anchor:{_bucket(nearest[i], _ANCHOR) if prose else 'none'}"] = 1.0
            f[f"zone:{'pre' if i < first_prose else 'post' if i > last_prose else 'mid'}"] = 1.0
        for w in sorted(cues.get(i, ())):  # (in one order in every process: a sum's order moves its last bits)
            f[f"cue:{w}"] = 1.0
        if "bigrams" in FEATURES:
            head = simple[:BIGRAMS]
            f.update(dict.fromkeys(["b:" + head[k:k + 2] for k in range(len(head) - 1)], BIGRAM_WEIGHT))
        for name in marked.get(i, ()):
            f[name] = 1.0
        chromy.append(len(cues.get(i, ())) + len(marked.get(i, ())))
        if shapes[keys[i]] > 1:
            f["repeat:earlier" if earlier[i] else "repeat:later"] = 1.0
        if ln.heading is not None:
            f[f"head:{LEARNED_AS.get(ln.heading.style, ln.heading.style)}"] = 1.0
            if ln.heading.body:
                f["head:body"] = 1.0
        if ln.separator:
            f["separator"] = 1.0
        elif ln.role == "title":
            f["title_cue"] = 1.0
        if text.endswith(("。", "；", "！", "？", ".", ";")):
            f["end:stop"] = 1.0
        elif text.endswith(("：", ":")):
            f["end:colon"] = 1.0
        if "，" in text or "," in text:
            f["comma"] = 1.0
        if ln.dates:
            f["dated"] = 1.0
        hint = hints[ln.first - 1] if len(hints) >= ln.first else ""
        if hint:
            f[f"hint:{hint}"] = 1.0
        out.append(f)
    for i, f in enumerate(out):  # what the neighbours look like: chrome comes in runs
        f[f"pcue:{min(chromy[i - 1], 3) if i else 'none'}"] = 0.5
        f[f"ncue:{min(chromy[i + 1], 3) if i + 1 < n else 'none'}"] = 0.5
    return out


def _wrapped_prose(lines: tuple[Line, ...]) -> set[int]:
    """The lines of paragraphs that a PDF's text wraps at a fixed width ("2024 年，在县委、县政府的
    坚强领导和市交通运输局" / "的精心指导下，……"): lines of about the page's width that break off
    in mid-sentence, and the line that ends each paragraph — prose, though each line is short.

    >>> body = ["县交通运输局坚持以新发展理念为指导，紧扣建好管好", "护好运营好的目标，统筹推进项目建设、运输服务和安", "全监管。"]
    >>> sorted(_wrapped_prose(tuple(recognize(t, n) for n, t in enumerate(["首页 > 文库"] + body * 3, 1))))
    [1, 2, 3, 4, 5, 6, 7, 8, 9]
    """
    goes_on = [2 * len(ln.text) >= WRAP_WIDTH and not ln.text.endswith(_CLOSED) and k + 1 < len(lines)
               and lines[k + 1].heading is None for k, ln in enumerate(lines)]  # (a line goes on)
    widths = [sum(2 if east_asian_width(c) in "WF" else 1 for c in ln.text) if on else 0 for ln, on in zip(lines, goes_on)]
    open_ = [on and w >= WRAP_WIDTH for on, w in zip(goes_on, widths)]
    counts = Counter(w for w, o in zip(widths, open_) if o)
    if not counts:
        return set()
    width = counts.most_common(1)[0][0]
    near = [o and width - 4 <= w <= width + 2 for w, o in zip(widths, open_)]
    if sum(near) < WRAP_LINES:
        return set()
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) - 1 and near[j]:
            j += 1
        if j > i + 1 and len("".join(ln.text for ln in lines[i:j + 1])) >= PROSE \
                and any(_PROSE.search(ln.text) for ln in lines[i:j + 1]):
            out.update(range(i, j + 1))
        i = j + 1
    return out


def _short_runs(lengths: list[int]) -> list[int]:
    """For each line, the length of the run of short lines it stands in (0 for a long line)."""
    runs = [0] * len(lengths)
    i = 0
    while i < len(lengths):
        if lengths[i] > SHORT:
            i += 1
            continue
        j = i
        while j < len(lengths) and lengths[j] <= SHORT:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs


def _distances(n: int, anchors: list[int]) -> list[int]:
    """For each of ``n`` positions, the distance to the nearest anchor (n when there is none)."""
    if not anchors:
        return [n] * n
    marks = np.asarray(anchors)
    pos = np.arange(n)[:, None]
    return np.abs(pos - marks[None, :]).min(axis=1).tolist()


# ---------------------------------------------------------------- without the model


def _rule_roles(lines: tuple[Line, ...]) -> list[str]:
    """Roles by the boilerplate patterns alone: the page's header before the first plan
    title, related-article lists, lines that match a boilerplate line pattern."""
    bp = boilerplate_patterns()
    header_end = _header_end(lines)
    listed = _related_lists(lines)
    roles = []
    for i, ln in enumerate(lines):
        if i < header_end or i in listed or (len(ln.simple) <= 100 and bp.line.search(ln.simple)):
            roles.append("chrome")
        else:
            roles.append(ln.role)
    return roles


def _is_junk(ln: Line) -> bool:
    bp = boilerplate_patterns()
    text = ln.simple
    return bool(len(text) <= 100 and bp.line.search(text)) or _site_sentence(text)


def _header_end(lines: tuple[Line, ...]) -> int:
    """Index of the first plan title when web-page lines (page title, 导语, 小编) precede it, else 0."""
    first = lines[:12]
    for k, ln in enumerate(first):
        if ln.role == "title" and not _is_junk(ln):
            return k if any(_is_junk(x) for x in first[:k]) else 0
        if not _is_junk(ln) and ln.role != "title":
            return 0
    return 0


def _related_lists(lines: tuple[Line, ...]) -> set[int]:
    """Indices of related-article lists: a "相关文章：" line and the short titles after it,
    or three or more article titles in a row (read past a converter's glosses: "相关(guān)文章")."""
    bp = boilerplate_patterns()
    out: set[int] = set()
    run: list[int] = []
    after_header = False
    since_gap: list[int] = []  # the lines under the header since its list last skipped a blank line
    listed: list[int] = []  # the lines under the header
    for i, ln in enumerate(lines + (None,)):
        text = unglossed(ln.simple) if ln is not None else ""
        if ln is not None and bp.related.search(text):
            after_header = True
            since_gap, listed = [], []
            out.add(i)
            continue
        short = ln is not None and len(text) <= 40 and not CLAUSE_MARK.search(text)
        if after_header and ln is not None and is_contents_line(ln.text):
            out.difference_update(since_gap)  # the document's own table of contents: the list ended at the
            after_header = False  # blank line over the document's cover (its organisation, title, fields)
        if after_header and short and not ln.separator:  # type: ignore[union-attr]
            if i and lines[i - 1].last + 1 < ln.first:  # type: ignore[union-attr]
                since_gap = []
            since_gap.append(i)
            listed.append(i)
            out.add(i)
            continue
        if after_header and len(listed) == 1 and ln is not None and len(text) > 40 and CLAUSE_MARK.search(text):
            out.discard(listed[0])  # "- 相關推薦" over the article's title, then its text: the title is no link
        after_header = False
        if ln is not None and len(text) <= 60 and bp.list_item.search(text) and not bp.list_item_not.search(text):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out

