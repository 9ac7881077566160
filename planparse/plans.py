"""Stage ``plans``: cut a document's lines into plans, each with its title, year and term.

A new plan starts at a title or separator line, where the top-level numbering restarts
(一、 again), where a second guiding-ideology paragraph opens, where plan-wide item
numbering restarts at 1, and after a closing paragraph. A plan's year is decided here,
once: its own (title or opening lines: "2024年……", "2023-2024学年第二学期") or ``--year``;
a term plan knows its term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from datetime import date, timedelta
from functools import cache

from planparse.cues import (CLAUSE_MARK, DOCUMENT_NUMBER, FIELD, LIST_ENTRY, SUBTITLE_CHARS, TITLE_HEAD_CHARS, announces_plan, attached_name, goes_on_to_own_points, body_kind, heading_kind,
                           is_attachment, is_attachment_label, is_bare_separator, is_contents_label, is_contents_line, is_cover_notice, is_hidden_note, is_rule, is_signature,
                           names_timetable, opens_plan, org_name_alone, sends_plan_out, unbracketed, unglossed)
from planparse.dates import Context, resolve
from planparse.dates.resolvers import DIG, ROC_EPOCH
from planparse.dates.vocab import words
from planparse.headings import ITEM_STYLES, TIME_STYLES, TOP_STYLES, opens_top, strip_marker
from planparse.model import Document, Edit, Heading, Line, Notice, ParseOptions, Plan, When
from planparse.regexes import regex
from planparse.resources import to_simplified

_CLOSING_PROSE = regex(r".{12,}[。！!]\s*$")  # a closing paragraph is prose that ends a sentence
_BLANK_YEAR = regex(r"^(?:20[xX×ｘＸ]{2}|20[_＿]{2,})\s*年")  # a template's title that leaves its year blank
_PART = regex(r"\s*[（(][一二三四五六七八九十0-9]{1,2}[)）]$")  # an attached table's part number ("……分解表(一)")
_BOOK_TITLE = regex(r"[^《》]{0,30}《(?P<name>[^《》]{4,60})》")  # a title in book-title marks (its sender's name before them)
_SPACES = regex(r"\s+")
_SENTENCE = regex(r"[。！？；]")  # a sentence's end: no contents' line
CONTENTS_GAP = 40  # the longest line amid a table of contents that is no entry of it
_PART_NAME = regex(r"\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*[\u4e00-\u9fff]{1,6}\s*")  # "五、工作报告"
_OPENING_KINDS = frozenset({"situation", "ideology", "goals"})  # the headings a plan opens with
_PLAN_YEAR = regex(rf"(?<![0-9０-９/／\-])({DIG}{{4}}|1[0-4][0-9](?=\s?学?年)|{DIG}{{2}}(?=学年|年(?:度|春季|秋季|春|秋|上|下|第|工作|[^\s]{{0,12}}(?:计划|方案|要点|安排))))"
                        rf"\s*(?:[-—–~～至到－]{{1,3}}\s*{DIG}{{4}}\s*)?(?:学年|年)")
_YEAR_SPAN = rf"({DIG}{{4}})\s*[-—–~～至到－]{{1,3}}\s*({DIG}{{4}})"  # "2024-2025", "2024—2025", "2023---2024"
_SCHOOL_YEAR = regex(_YEAR_SPAN + r"\s*学年|(?<![0-9])1[0-4][0-9]\s*学年度"
                                  r"|(?<![0-9０-９\-—–~～至到－/／])(?:19|20)[0-9]{2}\s*学年")  # "2013学年度第二学期": 2013–2014
_SCHOOL_YEAR_FIRST = regex(rf"({DIG}{{4}})\s*[-—–~～至到－/／]{{1,3}}\s*(?:{DIG}{{4}}|{DIG}{{2}})\s*(?:学年|年度|(?=(?:第[一二]|[上下])学期))")
# ("2025-2026上学期": a school year's span with its term and no 学年)
_SCHOOL_YEARS = regex(_YEAR_SPAN + "(?![0-9])")  # a school's "2024-2025 校務計劃書"
_FULL = str.maketrans("０１２３４５６７８９", "0123456789")
_TITLE_YEAR = regex(r"^\s*((?:19|20)[0-9]{2})(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))?"
                         r"(?=[\u4e00-\u9fff【「“]|\s*[，,、：:])")  # "2024保育员工作计划", "2024，给自己立几个Flag",
# "20200105【计划】……": a title's year without 年, or its day written as a diary names a post
_TITLE_YEARS = regex(r"((?:19|20)[0-9]{2})\s*[-—–~～至/]\s*(?:(?:19|20)?[0-9]{2})\s*"
                    r"(?:$|(?=[^，,。；0-9]{0,8}(?:计划|规划|方案|要点)))")  # "……年度計劃 2024-2025", "2024-2025 校務計劃書"
_BRACKETED_YEARS = regex(r"(?:计划|规划|方案|要点)\s*[（(]\s*((?:19|20)?[0-9]{2})\s*[-—–~～至/]\s*(?:19|20)?[0-9]{2}\s*[)）]")
# "中国语文科工作计划(07-08)", "……计划（2024-25）": the school year a Hong Kong plan is for, in brackets after its name
_NAMED_YEAR = regex(r"(?:计划|规划|方案|要点)\s*((?:19|20)[0-9]{2})(?![0-9年字])")  # "小学少先队工作计划2024春", not "……计划1960字"
_SEASON_YEAR = regex(r"(?<![0-9])((?:19|20)[0-9]{2})\s*(?=[《【“「]?(?:春季|秋季|夏季|冬季|春|秋|上半年|下半年|寒假|暑假|上学期|下学期))")
# "幼儿园2023春季工作计划", "……的2024《寒假作息时间表》": a title's year without 年, written before the season or term the plan is for
_PART_YEAR = regex(r"^\s*((?:19|20)[0-9]{2})\s*(?:年度?|[—–~至-]\s*(?:19|20)?[0-9]{2}\s*学年度?\s*(?:第[一1]学期)?)\s*(?:工作|活动)?(?:计划|打算|安排|要点|思路)")
# "2025 年工作计划", "2023—2024学年第一学期活动安排": a part's heading
_CLOSING_LINES = 4  # how far from a plan's end its date is looked for
SUBHEADING_CHARS = 10  # the longest name of a part that a numbered sub-heading gives ("活动主题")
SAME_TITLE = 0.7  # the share of a title's character pairs that the same title written again has
SUBTITLE_LINES = 2  # the most lines of subtitle between a compilation's separator and the plan's own title
_TERM_WORDS = {1: regex(r"第一学期|上学期|秋季学期|秋学期"), 2: regex(r"第二学期|下学期|春季学期|春学期")}
_OPENING_TERM_WORDS = {1: regex(r"第一学期|秋季学期|秋学期|(?:学年度?|[0-9])\s*上学期"),
                       2: regex(r"第二学期|春季学期|春学期|(?:学年度?|[0-9])\s*下学期")}  # (not "比上学期提高")
_TITLE_SEASONS = {1: regex(r"年秋季(?!运动会)|秋季[)）]"), 2: regex(r"年春季(?!运动会)|春季[)）]")}
_SCHOOL = regex(r"学校|小学|中学|学院|幼儿园|[大中小]班|班级|班主任|教研|年级|学科|教学|学生|幼儿|学期|学年")
_MONTH = regex(r"(?<![0-9])(1[0-2]|[1-9])\s*月|(十[一二]?|[一二三四五六七八九])月")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_OPENS = regex(r"\s*(?:正式)?开学")  # after a day: the term opens then
_RED_HEAD = regex(r"文件\s*$|" + DOCUMENT_NUMBER)  # an official document's head
RED_HEAD_CHARS = 30  # the longest name of a body in a document's head
PROSE_CHARS = 20  # a line of prose is at least this long, with a clause mark
STRAY_LINES = 2  # at most this many untitled lines with no heading, beside a plan, are no plan
SENT_NAME = 4  # the fewest characters of a title that a cover notice's title names
NOTICE_LINES = 6  # at most this many lines can be a cover notice (addressee, text, attachment, sign-off)
SIGNATURE_CHARS = 30  # the longest line of a sign-off's names
_PERIOD_HEAD = regex(r"^(?:实施|计划|计画|执行|办理|预定|活动|工作)?(?:期程|期间|时间|日期)$")  # the period a plan states
_OPENING_LINES = 6  # how far into a plan its own year is looked for
ROC_SCHOOL_YEARS = 50  # the least two-digit school year read as the Republic's ("97學年度" = 2008; "24学年" is 2024)
_WEEK_FIELD = regex(r"^[^，。；]{0,8}(?:时间|日期)\s*[:：|｜]")  # a weekly plan's time field


@dataclass(slots=True)
class PlanDraft:
    """One plan's lines as cut from the document (or a cover notice's: ``notice``)."""

    title: str | None
    title_line: int | None
    lines: list[Line] = field(default_factory=list)
    notice: bool = False
    separator: bool = False  # titled by a compilation's separator ("……工作计划篇1")
    restated: list[Line] = field(default_factory=list)  # the plan's own title under its separator


def split_plans(doc: Document, options: ParseOptions) -> Document:
    """Stage ``plans``: the document's plans, with lines, title, year and term (no sections yet)."""
    plans, notices, stray = [], [], []
    notes = [e for e in doc.boilerplate if is_hidden_note(e.text)]
    raws, kept = (doc.source.text.split("\n"), {ln.first for ln in doc.lines}) if notes else ([], set())
    hidden = [e.line - 0.5 if e.line in kept and raws[e.line - 1].lstrip().startswith(e.text) else e.line
              for e in notes]  # (a note before the text kept on its line stands before that line)
    drafts = _drafts(doc.lines, hidden)
    lead = None  # a separator right over a cover notice ("……【篇3】", "关于印发《……》的通知"): the notice's
    for draft, after in zip(drafts, drafts[1:] + [None]):
        if not draft.lines and (draft.title is None or draft.separator and after is not None and after.notice):
            lead = draft.title_line if draft.title is not None else lead
            continue
        if _stray(draft, drafts) or _front_matter(draft) or _page_lead(draft, drafts) or _hollow(draft) and any(
                not _hollow(o) and not _bare(o) for o in drafts):
            titled = next(([ln] for ln in doc.lines if ln.first == draft.title_line), []) if draft.title is not None else []
            stray += [e for ln in titled + draft.restated + draft.lines for e in _dropped(ln)]
            continue
        first = min((n for n in (draft.title_line, draft.lines[0].first if draft.lines else None,
                                 *(x.first for x in draft.restated)) if n), default=0)
        last = max([draft.title_line or 0] + [ln.last for ln in draft.lines])
        if draft.notice and not (after is None and not plans and any(opens_top(ln.heading) for ln in draft.lines)) \
                or _untitled_notice(draft, after):  # (a notice with its own points and no plan after it is the plan)
            notices.append(Notice(draft.title, lead or first, last))
            lead = None
            continue
        sender = notices[-1] if notices and (not plans or plans[-1].last < notices[-1].first) else None
        issued = plan_issued(draft.lines) or _notice_date(doc.lines, sender)
        own, term = plan_year(draft.title, draft.restated + draft.lines, issued)
        year = own if own is not None else options.year
        plans.append(Plan(draft.title, "other", year, first, last, (), title_line=draft.title_line, term=term,
                          year_given=own is None and year is not None,
                          issued=issued, week=plan_week(draft.title, draft.lines),
                          term_start=options.term_start or term_opens(draft.lines, year, term),
                          subtitle="\n".join(ln.text for ln in draft.restated) or None,
                          lines=tuple(draft.lines)))
    if stray:
        doc = replace(doc, boilerplate=tuple(sorted(doc.boilerplate + tuple(stray), key=lambda e: e.line)),
                      edits=tuple(sorted(doc.edits + tuple(stray), key=lambda e: e.line)))
    return replace(doc, plans=tuple(plans), notices=tuple(notices))


def _dropped(ln: Line) -> list[Edit]:
    """A line the page holds, one edit per source line of it (a broken sentence rejoined)."""
    if len(ln.pieces) < 2:
        return [Edit("boilerplate", ln.first, ln.text)]
    ends = [offset for _, offset, _ in ln.pieces[1:]] + [len(ln.text)]
    return [Edit("boilerplate", n, ln.text[offset:end]) for (n, offset, _), end in zip(ln.pieces, ends)]


def _stray(draft: PlanDraft, drafts: list[PlanDraft]) -> bool:
    """A line or two of text with no title and no heading beside a real plan (a forum's
    reply, a reader's remark after the plan): the page's, not a plan of its own."""
    return (draft.title is None and _bare(draft)
            and any(o is not draft and (o.title is not None or len(o.lines) > STRAY_LINES) for o in drafts))


def _hollow(draft: PlanDraft) -> bool:
    """Lines that say nothing a plan says: no heading, no sentence of prose, no date (a related
    list or a page's menu under a title-like line). Beside a plan with something to say, they
    are the page's — but for a timetable's cells under its title ("……課程2015-2018時間表")."""
    return not draft.notice and not (draft.title and names_timetable(to_simplified(draft.title))) \
        and not any(ln.heading is not None or ln.dates or _prose(ln) for ln in draft.lines)


def _front_matter(draft: PlanDraft) -> bool:
    """Untitled lines that are all a table of contents (its label, its entries, and the parts of a
    compilation it lists them under: "一、方案", "五、工作报告", "※ 领导讲话", or an entry's first half
    over its leaders on the next line) standing before the plan's title: the document's front matter."""
    return draft.title is None and bool(draft.lines) and is_contents_line(draft.lines[0].text) and all(
        is_contents_line(ln.text) or _part_name(ln) or not _SENTENCE.search(ln.simple) and len(ln.simple) <= CONTENTS_GAP
        for ln in draft.lines) and 2 * sum(is_contents_line(ln.text) for ln in draft.lines) > len(draft.lines)


def _part_name(ln: Line) -> bool:
    """A compilation's part, named in a word or two ("一、方案", "五、工作报告")."""
    return _PART_NAME.fullmatch(ln.simple) is not None


def _untitled_notice(draft: PlanDraft, after: PlanDraft | None) -> bool:
    """A few untitled lines that send out the plan ``after`` them ("……，现印发给你们", a sign-off;
    "說明：一、依據…… 二、檢送……計畫"): a cover notice whose title the page shows only in its
    metadata. So is a notice titled by what it calls for ("关于开展……活动的通知") that sends out
    the titled plan after it, however many requirements it numbers when it attaches that plan by
    name ("附件:……重点工作任务分解表") or ends with the label over it ("附件:"), in words that send it out
    or not ("现将……有关事项通知如下")."""
    if after is None:
        return False
    book = _BOOK_TITLE.fullmatch(draft.title) if draft.title is not None and after.title else None
    if book and _SPACES.sub("", book["name"]) in _SPACES.sub("", after.title or "") and any(is_attachment(ln.simple) for ln in draft.lines):
        return True  # "《2024 年度内部审计工作计划》", a company's note that its board passed it, "附件:1.《……》": the
        # cover of the plan it names, whose own title follows
    if draft.title is not None and not (to_simplified(draft.title).endswith("通知") and after.title):
        return False
    part = _PART.sub("", to_simplified(after.title)) if after.title else None  # (its first part: "……分解表(一)")
    attached = part is not None and (any(attached_name(ln.simple) == part for ln in draft.lines)
                                     or bool(draft.lines) and is_attachment_label(draft.lines[-1].simple))  # (or
    # "附件:" alone over the plan's title)
    return ((len(draft.lines) <= NOTICE_LINES or attached or _signed_below(draft.lines))
            and (any(sends_plan_out(ln.simple) for ln in draft.lines) or attached and draft.title is not None)
            and (all(ln.heading is None for ln in draft.lines) or after.title is not None))


def _page_lead(draft: PlanDraft, drafts: list[PlanDraft]) -> bool:
    """A page's own title and a line or two of lead-in before its first separator ("工會節日慰問方案",
    "節日慰問是工會……", then 範文1, 範文2 …) or before the one plan it posts under its own title (a
    forum post's "[公告] ……工作計畫", "各位隊員好，……整理如下", then the plan): the page's, not a plan."""
    return (draft is drafts[0] and not draft.separator and _bare(draft) and len(drafts) >= 2
            and (len(drafts) >= 3 and all(d.separator for d in drafts[1:])
                 or drafts[1].title is not None and not _bare(drafts[1])))


def _part_of_marked(cur: PlanDraft, lines: tuple[Line, ...], k: int) -> bool:
    """Is the title-like line ``lines[k]`` a part of the plan ``cur`` that a compilation's mark opened
    ("篇一：" … "布艺销售技巧与方案" … "篇二："): text under the mark, no cover notice, and up to the next
    mark no first part of a numbering ("一、……": a plan of its own that the page left unmarked)?"""
    if not cur.separator or not cur.lines or cur.title and is_cover_notice(to_simplified(cur.title)):
        return False
    end = next((j for j in range(k + 1, len(lines)) if lines[j].separator), None)
    return end is not None and not any(opens_top(ln.heading) for ln in lines[k + 1:end])


def _bare(draft: PlanDraft) -> bool:
    """No notice, and a line or two with no heading: too little to be a plan of its own."""
    return not draft.notice and len(draft.lines) <= STRAY_LINES and all(ln.heading is None for ln in draft.lines)


def _notice_date(lines: tuple[Line, ...], n: Notice | None) -> date | None:
    """The date the cover notice right before a plan bears (it sends that plan out)."""
    if n is None:
        return None
    return plan_issued([ln for ln in lines if n.first <= ln.first <= n.last])


def _drafts(lines: tuple[Line, ...], hidden: list[float]) -> list[PlanDraft]:
    """The document cut into plans; ``hidden``: the lines of notes that a page hides text
    ("……此处隐藏12360个字……"), where a compilation's next plans begin unseen."""
    plans: list[PlanDraft] = []
    cur = PlanDraft(None, None)
    state = _SplitState()

    def start(title: str | None, line: int | None, notice: bool = False, separator: bool = False) -> None:
        nonlocal cur, state
        head: list[Line] = []
        if notice and cur.title is None and cur.lines and all(map(_red_head, cur.lines)):
            head = cur.lines  # the notice's red head ("……卫生院文件", "石卫发〔2024〕2号", the bodies that send it) above its title
        elif cur.lines or cur.title is not None:
            plans.append(cur)
        cur, state = PlanDraft(title, line, head, notice=notice, separator=separator), _SplitState()

    for k, ln in enumerate(lines):
        if is_rule(ln.text):
            if cur.lines and not state.continued_after(lines, k):
                start(None, None)  # "---", "——————": a separator line between untitled plans (not where the
                # plan's numbering goes on under it: a forum's signature line between two posts of one plan)
            continue
        if cur.title is not None and cur.lines and not ln.separator and _restates(cur.title, ln) and (
                len(cur.lines) <= SUBTITLE_LINES and all(_subtitle(x) for x in cur.lines) or all(map(_cover, cur.lines))):
            cur.restated.append(ln)  # the plan's own title past its subtitle, under the separator ("第三篇:……工作要點",
            continue  # "社會救助、養老服務、社區治理", "……工作要點"), or past its cover page: no next plan
        notice = ln.role == "title" and is_cover_notice(ln.simple)  # (even right under a compilation's separator)
        if not notice and _past_cover(cur, ln):
            if cur.separator:
                cur.restated.append(ln)  # the plan's own title again past its cover: the separator still titles it
            else:
                _retitle(cur, ln, lines)
            state = _SplitState()  # (the cover's organisation and date signed nothing)
            continue
        if ln.separator or (ln.role == "title" and (cur.lines or cur.title is None or notice or _sent_by(cur, ln)
                                                  or cur.notice and not LIST_ENTRY.match(ln.text))
                            and (notice or not state.continued_after(lines, k) and not _part_of_marked(cur, lines, k))):
            numbered = ln.heading is not None and ln.heading.style == "arabic" and not ln.separator
            title = (ln.heading.title or ln.text) if numbered else strip_marker(ln.text)  # type: ignore[union-attr]
            title = unbracketed(title)  # "【心内科护理单元第三季度工作计划】"
            start(title, ln.first, notice=notice, separator=ln.separator)
            continue
        if cur.title is not None and not cur.lines and cur.separator and ln.role == "title" and not cur.restated \
                and is_bare_separator(to_simplified(cur.title)):
            cur.title, cur.title_line = unbracketed(strip_marker(ln.text)), ln.first  # "第一篇" names no plan: the
            continue  # plan's own title under it does
        if cur.title is not None and not cur.lines and (_restates(cur.title, ln) or cur.separator and ln.role == "title"
                                                        or cur.separator and _heads_title(lines, k)):
            cur.restated.append(ln)  # "……方案【篇1】" then "……方案": the plan's own title under the separator (and
            continue  # the organisation's name over it: "……医院工会委员会" over "2023年工作计划")
        if cur.separator and cur.lines and any(cur.lines[-1].last < h < ln.first for h in hidden) \
                and not state.goes_on(ln.heading):
            start(None, None)  # the text after a hidden stretch of a compilation: a later plan's end (not the
            # plan's next item: "还剩6页未读" between its "2、……" and "3、……")
        head = ln.heading if not is_contents_label(ln.text) else None  # ("目  录" heads the contents list, no part of
        # the plan's own numbering)
        kind = body_kind(ln.text) if head is None and not is_contents_line(ln.text) else None  # (a contents' entry
        # "1.1 指导思想……3" names a part, opens none)
        if kind == "closing" and not _CLOSING_PROSE.search(ln.text):
            kind = None  # "新学期,新起点,常规事项:": closing words heading a list, not a closing paragraph
        if cur.notice and cur.lines and opens_top(head) and (sent := _sent_out_at(cur.lines)) is not None \
                and not any(x.role == "title" for x in lines[k + 1:]):
            moved = cur.lines[sent:]  # "现将《……方案》印发给你们" then the plan itself, untitled, from its lead-in
            del cur.lines[sent:]  # to "一、主要目标": the notice ends where it sent the plan out (and signed), unless
            # the plan follows under its own title, or the notice goes on to its own points: "……现印发你们，并将有关
            # 事项通知如下。", then "一、" is what it asks for)
            start(None, None)
            cur.lines.extend(moved)
        if cur.lines and ln.role != "signoff" and (state.starts_new_plan(head, kind, ln.text)
                                                   or state.announced_plan(ln, lines[k + 1] if k + 1 < len(lines) else None)):
            start(None, None)
        state.see(head, kind, ln.role == "signoff" and is_signature(ln.text) and any(
                  x.role != "signoff" and not _COVER_FIELD.match(x.text) and (x.heading is not None or _prose(x))
                  for x in cur.lines), is_attachment(ln.simple))  # (not a cover page's fields, subtitle and date
        # under the title: "编制科室：……", "The Three-Year Plan of", "2025.2.16": nothing said yet to sign)
        cur.lines.append(ln)
    if cur.lines or cur.title is not None:
        plans.append(cur)
    return plans


def _sending_line(lines: list[Line]) -> int | None:
    """The last of a notice's lines that sends its plan out ("……现印发给你们，请……"), or None."""
    return next((k for k in range(len(lines) - 1, -1, -1) if sends_plan_out(lines[k].simple)), None)


def _signed_below(lines: list[Line]) -> bool:
    """A few lines that send a plan out, then nothing but the names and date that sign them, however
    many lines nine sending bodies take ("青川省疾控局 青川省卫生健康委" … "2025年3月10日")."""
    sent = _sending_line(lines)
    return sent is not None and sent < NOTICE_LINES and all(
        len(ln.text) <= SIGNATURE_CHARS and not CLAUSE_MARK.search(ln.text) for ln in lines[sent + 1:])


def _sent_out_at(lines: list[Line]) -> int | None:
    """Where a cover notice's lines end: past the last that sends its plan out and the sign-off
    under it (None: no line of them sends a plan out, or the one that does goes on to the
    notice's own points: "……现印发你们，并将有关事项通知如下。")."""
    sent = _sending_line(lines)
    if sent is None or goes_on_to_own_points(lines[sent].simple):
        return None
    end = sent + 1
    while end < len(lines) and lines[end].role == "signoff":
        end += 1
    return end


def _prose(ln: Line) -> bool:
    """A line of prose: long enough, with a clause mark."""
    return len(ln.text) >= PROSE_CHARS and CLAUSE_MARK.search(ln.text) is not None


def _heads_title(lines: tuple[Line, ...], k: int) -> bool:
    """Is line ``k`` a short line with no clause (an organisation's name) over a title line: the
    first half of a plan's own title, set in two lines under its compilation's separator?"""
    ln, nxt = lines[k], lines[k + 1] if k + 1 < len(lines) else None
    return (ln.heading is None and not ln.separator and len(ln.simple.strip()) <= TITLE_HEAD_CHARS
            and not CLAUSE_MARK.search(ln.simple) and nxt is not None and nxt.role == "title"
            and not nxt.separator and not is_cover_notice(nxt.simple))


def _red_head(ln: Line) -> bool:
    """A line of an official document's head: "……文件", its number ("化材党〔2024〕3号") or the name of
    a body that sends it ("中共江澄大学化学与材料工程学院委员会")."""
    text = unglossed(strip_marker(ln.simple))
    return _RED_HEAD.search(text) is not None or org_name_alone(text, RED_HEAD_CHARS)


def _cover(ln: Line) -> bool:
    """A line of a plan's cover page: a field ("编制部门：企业管理部"), a date, a table of contents."""
    return _COVER_FIELD.match(ln.text) is not None or is_contents_line(ln.text) or _subtitle(ln) and bool(ln.dates)


def _past_cover(draft: PlanDraft, ln: Line) -> bool:
    """Is the line the plan's title again, past a cover page that holds the title, its fields,
    date and table of contents ("花蓮縣立富源國民中學……工作計畫", "中華民國113年8月23日", "目錄", then
    "富源國中……工作計畫")? One plan, not two."""
    own = "".join(x.simple for x in draft.restated) if draft.separator else draft.title  # (under a separator: the
    # plan's own title under it)
    return (draft.title is not None and bool(draft.lines) and bool(own) and not draft.notice
            and ln.role == "title" and not ln.separator and all(map(_front, draft.lines))
            and _same_title(own or "", ln.simple))


def _retitle(draft: PlanDraft, ln: Line, lines: tuple[Line, ...]) -> None:
    """The plan's title written again past its cover: the plan keeps the fuller of the two
    ("松溪镇2025年重点工作任务" broken over two cover lines, then whole), the other is restated."""
    if _NOT_TEXT.sub("", to_simplified(draft.title or "")) in _NOT_TEXT.sub("", ln.simple):
        draft.restated.append(next(x for x in lines if x.first == draft.title_line))
        draft.title, draft.title_line = unbracketed(strip_marker(ln.text)), ln.first
    else:
        draft.restated.append(ln)


def _front(ln: Line) -> bool:
    """A line a cover page can hold under the title: no sentence of prose, no heading but a
    table of contents' entry."""
    return is_contents_line(ln.text) or ln.heading is None and not _prose(ln)  # (an entry's words may hold a
    # comma: "一、坚持党建统领，夯实……根基………1")


def _same_title(title: str, simple: str) -> bool:
    """Do two titles say the same, one maybe shorter ("花蓮縣立富源國民中學113學年度……工作計畫",
    "富源國中……113學年度工作計畫"): most pairs of characters of the shorter are in the longer.

    >>> _same_title("松溪镇2025年重点工作任务", "松溪镇2025年重点工作任务分解方案")
    True
    >>> _same_title("松溪镇2025年重点工作任务", "松溪镇2025年安全生产工作要点")
    False
    """
    a, b = (_NOT_TITLE_WORD.sub("", t) for t in (to_simplified(title), simple))  # (a year's digits say little)
    pairs = [{t[i:i + 2] for i in range(len(t) - 1)} for t in (a, b)]
    short, long_ = sorted(pairs, key=len)
    return len(short) >= 4 and len(short & long_) >= SAME_TITLE * len(short)


def _subtitle(ln: Line) -> bool:
    """A short unnumbered line with no sentence in it, as a subtitle under a plan's title is."""
    return ln.heading is None and len(ln.text) <= SUBTITLE_CHARS and not CLAUSE_MARK.search(ln.text[:-1])


def _sent_by(draft: PlanDraft, ln: Line) -> bool:
    """Is the line the title (or its first line) of the plan that the cover notice being cut
    sends out by name ("关于印发《……工作计划》的通知" over "……工作计划"; "关于印发2016年全市林业工作要点的
    通知" over "2016年全市林业" and "工 作 要 点"), though the notice has no text of its own?"""
    name = _NOT_TEXT.sub("", ln.simple)
    return draft.notice and len(name) >= SENT_NAME and name in _NOT_TEXT.sub("", to_simplified(draft.title or ""))


_NOT_TEXT = regex(r"[\W_]+")
_NOT_TITLE_WORD = regex(r"[\W_0-9]+")
_COVER_FIELD = regex(FIELD.pattern + r"[^，,。；;]{0,24}$")  # a cover page's field: "审    核：龚建平"


def _restates(title: str, ln: Line) -> bool:
    """Is the line the plan's title written again (the separator line above it names it with
    a 篇 number or brackets)?

    >>> from planparse.normalize import recognize
    >>> _restates("宏远公司中秋联谊活动方案【篇1】", recognize("宏远公司中秋联谊活动方案", 5))
    True
    >>> _restates("宏远公司中秋联谊活动方案【篇1】", recognize("为庆祝中秋，特制定本方案。", 5))
    False
    """
    text = _NOT_TEXT.sub("", ln.simple)
    return ln.heading is None and len(text) >= 4 and text in _NOT_TEXT.sub("", to_simplified(title))


@dataclass(slots=True)
class _SplitState:
    """What the plan seen so far tells about where the next one begins."""

    top_style: str | None = None
    last: dict[str, float] = field(default_factory=dict)
    parent_of: dict[str, int] = field(default_factory=dict)
    global_styles: set[str] = field(default_factory=set)
    headings: int = 0
    ideology: bool = False
    last_heading_ideology: bool = False
    closed: bool = False
    strong_count: int = 0
    timed: bool = False  # a month's or week's header seen: items restart under each one
    under_subheading: bool = False  # the last line seen is a numbered sub-heading of the plan that names its
    # part in a word or two ("(三)、活动主题"; not an item's sentence: "3、抓好职工书屋建设，……。")
    part_opened: bool = False  # the last line seen is the plan's next top-level part ("五、保障措施" after 四、)
    part_alone: bool = False  # ……with no text after its name on its line ("三、2023年工作计划")

    def starts_new_plan(self, head: Heading | None, kind: str | None, text: str) -> bool:
        if self.closed and kind != "closing" and not (head is None and is_signature(text)) and not is_attachment(text) \
                and not _appended_schedule(head) and not self.goes_on(head):
            return True
        if head is None:  # (not the text right under a part's sub-heading: "(三)、活动主题" then "围绕……的总体要求，……",
            # nor under its next part: "三、2023年工作计划" then "2023年，全市……的总体思路是：……")
            return (kind == "ideology" and self.ideology and self.headings > 0 and not self.under_subheading
                    and not self.part_alone and not self.last_heading_ideology and opens_plan(text))
        style = head.style
        if style in TOP_STYLES and style == self.top_style and head.value <= self.last.get(style, 0):
            # top-level numbering back at 一、 is a new plan only where the heading opens one:
            # goals 一…五 then departments 一…六 are one plan; a number written twice
            # (三、 … 三、) is a numbering_duplicate, never a boundary
            if head.value == self.last.get(style) and head.value > 1:
                return False
            return heading_kind(head.title or "") in _OPENING_KINDS
        if (style in self.global_styles and head.value == 1 and self.last.get(style, 0) > 1 and not self.part_opened
                and not (self.timed and self.parent_of.get(style) != self.strong_count)):
            return True  # (not "1、" again under a schedule's next month and its own part: "9月", "一、……", "1、……";
            # nor the first item of the plan's next part: "五、保障措施" then "1.加强组织领导")
        return False

    def goes_on(self, head: Heading | None) -> bool:
        """Does ``head`` number the plan's next item or part ("3、" after its "2、")?"""
        return head is not None and head.number is not None and self.last.get(head.style) == head.value - 1

    def continued_after(self, lines: tuple[Line, ...], k: int) -> bool:
        """Does the plan's top-level numbering go on after line ``k`` (its 四、 stood above, its
        五、 stands below)? A title-like line there ("开学前四周团务安排" over a table) is the
        plan's own, not the next plan's title."""
        if self.top_style is None:
            return False
        for ln in lines[k + 1:]:
            if ln.separator or ln.role == "title":
                return False
            if ln.heading is not None and ln.heading.style == self.top_style:
                return ln.heading.value == self.last.get(self.top_style, 0) + 1
        return False

    def announced_plan(self, ln: Line, after: Line | None) -> bool:
        """A paragraph that announces a plan ("为庆祝……，具体安排如下：") over the first part again
        (一、 after the plan's 三、): a compilation's next plan, untitled, begins with it."""
        nxt = after.heading if after is not None else None
        return (ln.heading is None and nxt is not None and nxt.style == self.top_style and nxt.value == 1
                and self.last.get(nxt.style, 0) > 1 and announces_plan(ln.simple))

    def see(self, head: Heading | None, kind: str | None, signoff: bool = False, attached: bool = False) -> None:
        self.under_subheading = (head is not None and head.style not in TOP_STYLES and head.style != "plain"
                                 and not head.body and len(head.title or "") <= SUBHEADING_CHARS)
        self.part_opened = (head is not None and head.style == self.top_style
                            and head.value == self.last.get(head.style, 0) + 1 > 1)
        self.part_alone = self.part_opened and not head.body  # type: ignore[union-attr]
        if attached:
            self.closed = False  # "附件" (or "附表：……") after the sign-off: what the plan attaches goes on
        if head is None:
            if kind == "ideology":
                self.ideology = True
            if (kind == "closing" and self.headings) or signoff:
                self.closed = True  # a closing paragraph or the plan's sign-off ends it
            return
        self.headings += 1
        if _appended_schedule(head) or self.goes_on(head):
            self.closed = False  # "月份工作安排" after the sign-off: the plan's schedule, appended, goes on (so
            # does its numbering: "本计划自……起实施" inside its 一、, then its 二、)
        style = head.style
        if style in TOP_STYLES or style in TIME_STYLES:
            self.strong_count += 1  # a new parent for the items that follow (一、…, or a month's header)
        self.timed |= style in TIME_STYLES
        if self.top_style is None and style not in TIME_STYLES and style != "plain":
            self.top_style = style
        is_ideology = heading_kind(head.title or "") == "ideology"
        self.ideology |= is_ideology
        if style in TOP_STYLES or style == "plain":  # (an unnumbered part's name: "总体思路")
            self.last_heading_ideology = is_ideology
        if style in ITEM_STYLES:
            prev = self.last.get(style)
            if prev is not None and head.value == prev + 1 and self.parent_of.get(style) != self.strong_count:
                self.global_styles.add(style)
            self.parent_of[style] = self.strong_count
        self.last[style] = head.value


def _appended_schedule(head: Heading | None) -> bool:
    """An unnumbered schedule heading ("月份工作安排", "行事历"): after a sign-off, the plan's own."""
    return head is not None and head.style == "plain" and not head.body and heading_kind(head.title or "") == "schedule"


# ---------------------------------------------------------------- the plan's year


def plan_year(title: str | None, lines: list[Line],
              issued: date | None = None) -> tuple[int | None, int | None]:
    """The plan's base year as the text gives it, and its term, decided once (SPEC §3): the year
    of its title, else of its opening or school-year/term line — never a year in background text
    ("工会成立于2012年", "2023年以来") — else of the period it states under a heading of its own
    ("實施期程", "活动时间"), else the year of the date it bears (``issued``: its
    sign-off's, or the cover notice's that sends it out), else None (--year's is the plans
    stage's to give); in a school year's second term ("2023-2024学年第二学期") the base year is
    the second one.

    >>> plan_year("2023-2024学年第二学期工会工作计划", [])
    (2024, 2)
    >>> from planparse.normalize import recognize
    >>> plan_year("工会工作计划", [recognize("我校工会成立于2012年，现有会员86人。", 2)])
    (None, None)
    """
    title = to_simplified(title or "")
    opening = "\n".join([title] + [ln.simple[:200] for ln in lines[:_OPENING_LINES]])
    if _BLANK_YEAR.search(title):
        return None, _term(title, opening, lines)  # "20XX年度……方案": the year left blank, not the goals' "到2025年"
    found = _own_year(unglossed(title), None) or _part_year(lines)  # (not a converter's gloss: "2019—2020学(xué)年")
    for ln in lines[:_OPENING_LINES]:
        if found is not None:
            break
        found = _own_year(unglossed(ln.simple[:200]), ln)
    found = found or _period_year(lines)
    if found is None:
        issued = issued or plan_issued(lines)
        found = (issued.year, False) if issued is not None else None
    term = _term(title, opening, lines)
    if found is None:
        return None, term
    own, school_year = found
    return own + (term == 2 and school_year), term  # (a school year's second term is in its second year)


def _part_year(lines: list[Line]) -> tuple[int, bool] | None:
    """The year of the part that is the plan in a year's review and plan ("一、2024年工作总结" then
    "二、2025年工作计划"): the year its heading names, over the year the review opens with.

    >>> from planparse.normalize import recognize
    >>> _part_year([recognize("一、2024 年工作总结", 4), recognize("二、2025 年工作计划", 17)])
    (2025, False)
    >>> _part_year([recognize("3.工作室活动的制度", 20), recognize("4.2023—2024学年第一学期活动安排", 33)])
    (2023, False)
    """
    for ln in lines:
        if ln.heading is not None and ln.heading.number and (m := _PART_YEAR.match(to_simplified(ln.heading.title or ""))):
            return int(m[1]), False
    return None


def _own_year(text: str, ln: Line | None) -> tuple[int, bool] | None:
    """A plan's own year in its title or an opening line, and whether it is a school year's
    first: a school year, or a year written as a plan's ("2024年工作计划", "2024年是……", "22年秋季
    学期"), not in background words.

    >>> _own_year("114学年度第二学期工作计划", None), _own_year("2026年2月8日 星期日", None)
    ((2025, True), (2026, False))
    >>> _own_year("20200105【计划】自律生活的养成之路", None), _own_year("小学少先队工作计划2024春 (篇1)", None)
    ((2020, False), (2024, False))
    >>> _own_year("幼儿园2023春季工作计划篇1", None), _own_year("2024上半年党支部工作计划", None)
    ((2023, False), (2024, False))
    """
    m = _SCHOOL_YEAR_FIRST.search(text)
    if m:
        return int(m.group(1).translate(_FULL)), True
    for m in _PLAN_YEAR.finditer(text):
        before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 14]
        if _background()[0].search(before) and not _background()[2].match(after) or _background()[1].match(after):
            continue
        y, school = m.group(1).translate(_FULL), m.group(0).endswith("学年")
        if len(y) == 3:
            return ROC_EPOCH + int(y), school  # 113年度, 113学年度: the Republic's years, as Taiwan writes them
        if len(y) == 2 and school and int(y) >= ROC_SCHOOL_YEARS:
            return ROC_EPOCH + int(y), school  # "97學年度": a school year of the Republic's (four digits or a span elsewhere)
        return _full_year(y), school
    if ln is None and (m := _BRACKETED_YEARS.search(text)):
        return _full_year(m[1]), True
    m = (_TITLE_YEAR.match(text) or _TITLE_YEARS.search(text) or _NAMED_YEAR.search(text)
         or _SEASON_YEAR.search(text)) if ln is None else None
    return (int(m[1]), False) if m else None


def _full_year(y: str) -> int:
    """A year written with four digits or two ("07": 2007, "98": 1998)."""
    return int(y) if len(y) != 2 else int(("20" if int(y) < 50 else "19") + y)


def _period_year(lines: list[Line]) -> tuple[int, bool] | None:
    """The year of the period a plan states under a heading of its own ("三、實施期程" then
    "113學年度（113年8月1日起至114年7月31日止）", "二、活动时间：2024年5月18日"), or None.

    >>> from planparse.normalize import recognize
    >>> _period_year([recognize("參、實施期程", 9), recognize("113學年度（113年8月1日起至114年7月31日止）。", 10)])
    (2024, True)
    """
    for k, ln in enumerate(lines):
        if ln.heading is not None and _PERIOD_HEAD.search(to_simplified(ln.heading.title or "")):
            for text in (to_simplified(ln.heading.body), lines[k + 1].simple if k + 1 < len(lines) else ""):
                if text and (found := _own_year(text[:60], ln)):
                    return found
    return None


@cache
def _background() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What stands before or after a year in background text, and after one a plan starts
    from (date_words.yaml)."""
    w = words()
    return regex(w["background_before"]), regex(w["background_after"]), regex(w["own_start"])


def plan_issued(lines: list[Line] | tuple[Line, ...]) -> date | None:
    """The day a plan bears: its sign-off's date, or a line near its end that is only a date
    ("2024年1月10日", "二〇二四年一月"), or near its start, a cover's date under its title and
    organisation.

    >>> from planparse.normalize import recognize
    >>> plan_issued([recognize("一、工作目标", 1), recognize("2024年1月10日", 9)])
    datetime.date(2024, 1, 10)
    >>> plan_issued([recognize("青年志愿者协会", 2), recognize("二〇二三年三月六日", 3), recognize("一、活动背景", 5)])
    datetime.date(2023, 3, 6)
    """
    signed = [ln for ln in lines if ln.role == "signoff"]  # (a table attached after the sign-off aside)
    for ln in signed[::-1][:_CLOSING_LINES] or [*lines[::-1][:_CLOSING_LINES], *lines[:_OPENING_LINES]]:
        for m in ln.dates:
            rest = (ln.text[:m.offset] + ln.text[m.offset + len(m.text):]).strip(" （()）")
            if (ln.role == "signoff" or len(rest) <= 2) and m.shape in ("day", "iso_day"):
                w = resolve(m, Context(None))
                if isinstance(w, When) and w.start is not None:
                    return w.start
    return None


def plan_week(title: str | None, lines: list[Line]) -> date | None:
    """The Monday of the week a weekly plan is dated by ("第3周工作安排（2024-9-9—2024-9-13）"), under
    its title or in its time field among its first lines ("活动时间 | 2025年12月15日—12月19日")."""
    for k, ln in enumerate(lines[:8]):
        if k >= 2 and not _WEEK_FIELD.match(ln.simple):
            continue
        for m in ln.dates:
            w = resolve(m, Context(None))
            if isinstance(w, When) and w.start and w.end and w.precision in ("range", "week") and \
                    0 <= (w.end - w.start).days <= 6:
                return w.start - timedelta(days=w.start.weekday())
    return None


def term_opens(lines: list[Line], year: int | None, term: int | None) -> date | None:
    """The Monday of a term plan's first week, where the plan says when the term opens
    ("本学期于9月2日开学"), so that its 第N周 get dates.

    >>> from planparse.normalize import recognize
    >>> term_opens([recognize("本学期于9月4日正式开学，第1周为入学教育。", 3)], 2024, 1)
    datetime.date(2024, 9, 2)
    """
    if term is None:
        return None
    for ln in lines:
        for m in ln.dates:
            if m.shape == "day" and _OPENS.match(ln.simple, m.offset + len(m.text)):
                w = resolve(m, Context(year, term))
                if isinstance(w, When) and w.start is not None:
                    return w.start - timedelta(days=w.start.weekday())
    return None


def spans_school_year(title: str | None) -> bool:
    """Does the title name a whole school year ("2024—2025学年……", "113學年度……", a school's "……小學2024-2025
    校務計劃書"), September to the next summer (not "2025-2025学年度", a slip of the pen)?

    >>> spans_school_year("2024—2025学年个人工作计划"), spans_school_year("113學年度春暉專案實施計畫")
    (True, True)
    >>> spans_school_year("东港区实验小学2025-2025学年度工作计划"), spans_school_year("2024年工会工作计划")
    (False, False)
    >>> spans_school_year("德華天主教小學2024-2025 校務計劃書"), spans_school_year("滨港市行动方案（2024—2025年）")
    (True, False)
    """
    title = to_simplified(title or "")
    m = _SCHOOL_YEAR.search(title) or (_SCHOOL_YEARS.search(title) if _SCHOOL.search(title) else None)
    return m is not None and (m[1] is None or int(m[2].translate(_FULL)) == int(m[1].translate(_FULL)) + 1)


def _term(title: str, opening: str, lines: list[Line]) -> int | None:
    """1 (autumn) or 2 (spring) for a term plan: its title's or opening's term words, or, in a
    plan that speaks of its term (本学期), the months it names."""
    for text, cues in ((title, _TERM_WORDS), (opening, _OPENING_TERM_WORDS)):
        found = [(m.start(), term) for term, cue in cues.items() if (m := cue.search(text))]
        if found:
            return min(found)[1]  # the first named: "……2024年春季学期工作计划" over "去年秋季学期……"
    for term, cue in _TITLE_SEASONS.items():  # "班主任工作计划（09年秋季）": a school plan's season is its term
        if cue.search(title) and _SCHOOL.search(title):
            return term
    if not _SCHOOL.search(opening) or "学期" not in opening:
        return None
    months = [int(a) if a else _CN_MONTH[b] for ln in lines for a, b in _MONTH.findall(ln.simple)]
    if not months:
        return None
    autumn = sum(m >= 8 or m == 1 for m in months)
    if _SCHOOL_YEAR.search(title) and min(autumn, len(months) - autumn) * 3 >= len(months):
        return None  # a school year's plan ("2024—2025学年……计划") whose months run through both terms
    return 1 if autumn * 2 > len(months) else 2
