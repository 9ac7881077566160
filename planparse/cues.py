"""Cues: what a line's words say about it, below every stage.

Each cue is a question about one line's text, answered from the vocabulary files: is it
a plan title or a compilation's separator, which section kind does a heading's wording or
a paragraph's opening name, does it state a guiding ideology, does it carry a date word.
Stages ask these when they recognise a line (once) and never ask one another.

>>> heading_kind("指导思想"), heading_kind("推动科学发展，为加速崛起再立新功")
('ideology', None)
>>> body_kind("总之，我们将认真落实本计划。")
'closing'
"""

from __future__ import annotations

import re
from functools import cache

from planparse.dates.vocab import festival_data
from planparse.model import Heading, Line
from planparse.regexes import alternation, regex
from planparse.resources import AnyOf, heading_patterns, kind_lexicon, load_yaml, to_simplified

CJK = regex(r"[\u4e00-\u9fff]")  # a Chinese character
CLAUSE_MARK = regex(r"[。；;！？!?，,]")  # a mark that ends a clause or sentence
PADDED_NUMBER = regex(r"0[1-9]")  # a part's number zero-padded, as an article sets it alone over the part ("01")
_FULL_STOP = regex(r"[。；;！？!?]")
SUBTITLE_CHARS = 24  # the longest subtitle after a title's colon
_WHO_TAIL = regex(r"[ \u3000]+(?:主任委员|主任|负责人|召集人|组长|执笔人?|制定人|制订人|计划人|撰写人)(?:\s*[：:]\s*[\u4e00-\u9fff]{2,4})?$"
                  r"|[ \u3000]+[\u4e00-\u9fff]{2,4}(?:牧师|传道|校长|主任|书记|老师)$")  # who leads the plan (or
# writes it), on its title's line: "……工作計畫　主任委員：黃志明", "……四年計劃芻議 林約拿牧師"
_ORDINAL_PART = regex(r"^(?:第[一二三四五六七八九十0-9]+篇|方案\s*[一二三四五六七八九十0-9]{1,2}\s*(?:[：:]?\s*$|[：:]\s*[^，,。；;！!？?：:]{2,24}$))")  # (though it reads as a
# labelled heading: "方案二:")
_FIELDS_OR_COLUMNS = regex(r"[：:]|\S\s{2,}\S")  # a field's label, a list's columns: no title's halves
_NUMBERED_PIECE = regex(r"篇\s*[一二三四五六七八九十0-9]+\s*$")  # "1.……工作计划 篇一": a sharing site numbers its pieces
_BARE_SEPARATOR = regex(r"^[\s【\[（(]*(?:第\s*[一二三四五六七八九十0-9]+\s*篇|(?:篇|范文|方案)\s*[一二三四五六七八九十0-9]+)[\s】\]）)：:、.．]*"
                        r"(?:[^，。；！？]{2,30}(?:有哪些|怎么写|如何写)[?？]?)?$")  # (or a search's question after it: "篇二:……要点有哪些")
COLUMN_CHARS = 6  # the longest column name that ends with a known one ("培训内容")
PINYIN = regex(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")  # a converter's gloss: "計(jì)劃"

DATED_TITLE = regex(r"^(?:[0-9]{4}|[〇零一二三四五六七八九]{4}|1[0-9]{2}\s*[学學]?年)")  # a title that opens with its
# year (the Republic's: "113年度重要施政計畫")
PAGE_COUNT = regex(r"[（(【\[]\s*(?:通用|精选|优选|汇总|合集|最新|热门|推荐|优秀|实用|经典)?\s*[0-9一二三四五六七八九十]+\s*篇\s*[)）】\]]\s*$")
# "（通用6篇）": how many plans a page's title says it holds
FIELD = regex(r"^[^，,。；;：:]{1,8}[：:]")  # a field's name before its value: "时间：", "审    核："
LIST_ENTRY = regex(r"^\s*([0-9]{1,2})\s*[.．、]")  # an entry of a list and its number: "2. ……安排表", "1.2024年……工作要点"
TITLE_HEAD_CHARS = 20  # the longest organisation's name set over its plan's title
_NAME_MARKS = "()（）【】[]•·*- \u3000"  # a name's brackets and bullet: "(聖恩會蔚藍灣小學)", "• 基督教恩光書院"


_BARS = regex(r"(?:\s*[|｜]){2,}\s*$")  # an empty table's borders run on after a title: "…计划 | ||||"
_BRACKETED = regex(r"^\s*【?([^【】]+)】?\s*$")  # a title set in 【】 as a whole, or one of them lost
_IN_BOOK_MARKS = regex(r"^\s*《([^《》]+)》\s*$")  # a title set wholly in 《》
_RULE = regex(r"^\s*(?:[-*_=—─━]\s*){3,}$")
_BLANK = regex(r"^\s*_{3,9}\s*$")


def unglossed(text: str) -> str:
    """The text without a converter's pinyin glosses.

    >>> unglossed("工作計(jì)劃(2024)")
    '工作計劃(2024)'
    """
    return PINYIN.sub("", text) if "(" in text else text


def is_rule(text: str) -> bool:
    """A line of dashes ("---", "——————"): it parts two untitled plans.

    A short run of underscores alone is a form's blank to fill in ("____" in a table's
    teacher cell), no rule.

    >>> is_rule("———————"), is_rule("- 3 -"), is_rule("__________________"), is_rule("____")
    (True, False, True, False)
    """
    return _RULE.match(text) is not None and _BLANK.match(text) is None


def is_toc_entry(text: str) -> bool:
    """A line of a table of contents: a heading's words, a leader and a page number.

    >>> is_toc_entry("一、指导思想………………1"), is_toc_entry("三、关注事项 ........ 2"), is_toc_entry("一、指导思想")
    (True, True, False)
    >>> is_toc_entry("壹、計畫緣起---------- P. 3"), is_toc_entry("B. 關注事項一：建立自主學習文化 P.3")
    (True, True)
    >>> is_toc_entry("每周二下午第3节 P.E. 课"), is_toc_entry("3.5 改善实验室 P2")
    (False, False)
    """
    return heading_patterns().contents.search(text) is not None


def is_contents_label(text: str) -> bool:
    """The label over a table of contents ("目  录", "目 次", "目錄 頁數").

    >>> is_contents_label("目  次"), is_contents_label("目錄 頁數"), is_contents_label("目录如下")
    (True, True, False)
    """
    return _CONTENTS_LABEL.fullmatch(re.sub(r"\s+", "", text)) is not None


_CONTENTS_LABEL = regex(r"(?:目录|目錄|目次)(?:页[数码次]|頁[數碼次])?")


def is_contents_line(text: str) -> bool:
    """A line of a table of contents: an entry or the label over it."""
    return is_toc_entry(text) or is_contents_label(text)


def is_separator(simple: str, heading: Heading | None) -> bool:
    """A compilation's separator line ("……工作计划篇一", "工作计划2", "第二篇").

    >>> is_separator("小学工会工作计划篇一", None), is_separator("工会工作计划", None)
    (True, False)
    """
    if len(simple) > 60 or heading_patterns().separator.search(simple) is None:
        return False
    return heading is None or heading.style == "plain" or bool(_ORDINAL_PART.match(simple)) \
        or heading.style == "arabic" and bool(_NUMBERED_PIECE.search(heading.title))


def is_bare_separator(simple: str) -> bool:
    """A separator that names no plan, only the place of one ("第一篇", "【篇2】", "范文3").

    >>> is_bare_separator("第一篇"), is_bare_separator("【篇2】"), is_bare_separator("小学工会工作计划篇一")
    (True, True, False)
    >>> is_bare_separator("篇二:教育局工作要点有哪些"), is_bare_separator("篇二:教育局2023年工作要点")
    (True, False)
    """
    return bool(_BARE_SEPARATOR.match(simple))


def is_title(simple: str, heading: Heading | None) -> bool:
    """A plan's title line: short, unnumbered, no sentence inside, names a plan
    ("2024年工会工作计划"), maybe with a short subtitle after a colon; separators are titles too.

    >>> is_title("2024年个人工作计划：站稳讲台，带好八（3）班", None), is_title("工作计划：以安全为主，确保完成。", None)
    (True, False)
    >>> is_title("2024，给自己立几个能落地的flag｜个人年度计划", None), is_title("9月 | 制定教研组工作计划", None)
    (True, False)
    >>> is_title("《2024 年幼儿园园务计划二》", None), is_title("《2024年工会工作要点》已经校务会研究通过", None)
    (True, False)
    """
    if len(simple) > 50 and not simple.endswith(("|", "｜")):
        return False  # (too long for a title, unless a table's bars run on after it)
    simple = _IN_BOOK_MARKS.sub(r"\1", unbracketed(simple))  # "【……工作计划】", "……工作计划 | ||||", "《……计划二》"
    if not simple or len(simple) > 50:
        return False
    if "|" in simple or "｜" in simple:  # a table's row, unless a title and a byline or subtitle share the line
        parts = [p.strip() for p in re.split(r"[|｜]", simple)]
        return len(parts) == 2 and min(map(len, parts)) >= 3 and any(is_title(p, heading) for p in parts)
    simple = _WHO_TAIL.sub("", simple)
    named, colon, subtitle = simple.partition("：")
    if colon and 4 <= len(named) and 2 <= len(subtitle) <= SUBTITLE_CHARS and not CLAUSE_MARK.search(named) \
            and not _FULL_STOP.search(subtitle) and heading is None:
        simple = named  # "2024—2025学年个人工作计划：站稳讲台，带好八（3）班": a title and its subtitle
    if CLAUSE_MARK.search(simple.rstrip("。")):
        return False
    if is_separator(simple, heading):
        return True
    if heading is not None or simple.rstrip("：: ") in kind_lexicon().phrase_kind:
        return False  # (a stock section heading alone names no plan: "工作进度安排", "活动安排")
    hp = heading_patterns()
    return len(simple) >= 4 and hp.title.search(simple) is not None and not is_attachment(simple)


def names_timetable(simple: str) -> bool:
    """Does a title name a timetable ("……课程2015-2018时间表", "……行事历")?

    >>> names_timetable("恩泉华人基督教会成人主日学课程2015-2018时间表(待定)"), names_timetable("2024年工会工作计划")
    (True, False)
    """
    return heading_patterns().timetable.search(simple) is not None


def is_attachment(simple: str) -> bool:
    """A note of what the plan attaches ("附：2024年重点工作安排表", "附件1：……分解表"): the
    plan's own line, never a new plan's title — unless what it attaches is a plan.

    >>> is_attachment("附件：2024年度重点工作任务分解表"), is_attachment("附件1：2024年工会工作要点"), is_attachment("附件")
    (True, False, True)
    """
    hp = heading_patterns()
    return (hp.not_title.search(simple) is not None or is_attachment_label(simple)) and not hp.attached_plan.search(simple)


def is_attachment_label(simple: str) -> bool:
    """An attachment's label alone on its line ("附件", "附表2："), what it attaches below it.

    >>> is_attachment_label("附件"), is_attachment_label("附件：2024年度重点工作任务分解表")
    (True, False)
    """
    return heading_patterns().attachment_label.match(simple) is not None


def unbracketed(title: str) -> str:
    """A title set wholly in 【】, without them: the brackets are the page's (and so is a bracket
    whose partner the page lost: "乡镇卫生院2025年工作计划】", the run of a table's bars after it, a
    forum's link widget: "……活动 [复制链接]", and a site's search question: "……计划(……怎么写)").

    >>> unbracketed("【心内科护理单元第三季度工作计划】"), unbracketed("【篇一】中秋节活动方案")
    ('心内科护理单元第三季度工作计划', '【篇一】中秋节活动方案')
    >>> unbracketed("乡镇卫生院2025年工作计划】"), unbracketed("南苑街道2024年工作计划 | ||||||")
    ('乡镇卫生院2025年工作计划', '南苑街道2024年工作计划')
    >>> unbracketed("澄江市青年志愿者服务月活动方案 [复制链接]"), unbracketed("我的2025年个人工作计划(个人年度计划怎么写)")
    ('澄江市青年志愿者服务月活动方案', '我的2025年个人工作计划')
    """
    for tail in _title_tails():
        title = tail.sub("", title)
    return _BRACKETED.sub(r"\1", _BARS.sub("", title))


def attached_name(simple: str) -> str | None:
    """What an attachment line names ("附件1：《2024年工会工作要点》"), or None for no attachment line.

    >>> attached_name("附件1：《2024年工会工作要点》"), attached_name("2024年工会工作要点")
    ('2024年工会工作要点', None)
    """
    label = heading_patterns().not_title.search(simple)
    return (simple[label.end():].strip().strip("《》") or None) if label else None


def is_hidden_note(text: str) -> bool:
    """A page's note that it hides part of the text ("……此处隐藏12360个字……").

    >>> is_hidden_note("……此处隐藏12360个字……"), is_hidden_note("隐藏的问题要及时发现")
    (True, False)
    """
    return chrome_patterns()["hidden"].search(to_simplified(text)) is not None


def is_cover_notice(simple: str) -> bool:
    """A cover notice's title ("关于印发《……工作计划》的通知"), though a flattened table row's
    borders trail it: the notice is not the plan.

    >>> is_cover_notice("关于印发《2024年工会工作要点》的通知"), is_cover_notice("关于印发《镇2024年工作计划》的通知 | ||")
    (True, True)
    >>> is_cover_notice("2024年工会工作计划")
    False
    >>> is_cover_notice("中共澄江区委办公室 澄江区人民政府办公室印发《澄江区加快建设“开放澄江”三年行动计划》的通知")
    True
    """
    if "于" not in simple and "发《" not in simple:
        return False  # (no 关于 and no 印发《: no notice, and no scan)
    return heading_patterns().notice.search(unglossed(simple).rstrip(" |｜")) is not None  # ("关(guān)于印发(fā)")


def notice_halves(first: str, second: str) -> bool:
    """Are two lines a cover notice's title set in two (neither one alone)?

    >>> notice_halves("梧桐县医疗保障局关于印发", "《梧桐县医疗保障局2024年工作计划》的通知")
    True
    >>> notice_halves("关于印发《2024年工会工作要点》的通知", "各基层工会："), notice_halves("关于印发……的通知.docx  2024-02-03", "关键词：通知")
    (False, False)
    """
    return is_cover_notice(first + second) and not _FIELDS_OR_COLUMNS.search(first + second) \
        and not is_cover_notice(first) and not is_cover_notice(second)


def announces_plan(text: str) -> bool:
    """Does the paragraph announce the plan that follows ("为……，特制定本方案", "……，具体安排如下：")?

    >>> announces_plan("为庆祝“三八”妇女节，经工会研究，决定开展系列活动，具体安排如下：")
    True
    >>> announces_plan("本学期共安排活动12次。")
    False
    """
    return heading_patterns().plan_announcement.search(text) is not None


def sends_plan_out(text: str) -> bool:
    """Does the text send a plan out, as a cover notice's body does ("现印发给你们")?

    >>> sends_plan_out("《2025年全民健身工作计划》已经区政府同意，现印发给你们，请认真贯彻落实。")
    True
    >>> sends_plan_out("现将有关事项通知如下："), sends_plan_out("二、检送本校114学年度第1学期学生学习扶助实施计画1份。")
    (False, True)
    """
    return heading_patterns().notice_body.search(unglossed(text)) is not None  # ("印发(fā)给你们": a converter's gloss)


def goes_on_to_own_points(text: str) -> bool:
    """Does a notice's sentence go on to its own points ("……现印发你们，并将有关事项通知如下。")?

    >>> goes_on_to_own_points("现将《……方案》印发你们，并将有关事项通知如下："), goes_on_to_own_points("现印发给你们，请认真贯彻执行。")
    (True, False)
    """
    return heading_patterns().own_points.search(text) is not None


def heading_kind(title: str) -> str | None:
    """The kind a heading's wording names, or None for a content heading.

    A long heading, one with a clause break or one that opens with a verb states content
    ("丰富活动内容，全面推动……", "做好年终考核") and names no kind even where a cue word occurs in it.
    A heading that names a department holds that department's work.

    >>> heading_kind("保障措施"), heading_kind("后勤保障科"), heading_kind("組織聯絡部"), heading_kind("领导小组")
    ('safeguards', 'tasks', 'tasks', 'safeguards')
    """
    lex = kind_lexicon()
    title = to_simplified(title)
    stock = lex.phrase_kind.get(title.rstrip("：: "))
    if stock is not None:
        return stock  # a stock heading ("实施期程"), though it opens with a verb
    if lex.department.match(title.rstrip("：: ")):
        return "tasks"  # "二、登记注册股", "五、后勤保障科": a department's work
    if len(title) > 14 or re.search(r"[，,；;。]", title) or lex.content_verbs.match(title):
        return None
    for kind, cue in lex.heading:
        if cue.search(title):
            return kind
    return None


_LEAD_END = regex(r"(?:如下|分别是|主要有|包括|有以下几[点方面个项]|[是为])$")
_LEAD_WORDS = regex(r"以下|下列|如下|几[点项个]|几方面")


def lead_kind(text: str) -> str | None:
    """The kind a lead-in paragraph announces for the items after it, or None when it
    announces none (it must end in a colon).

    >>> lead_kind("2024年公司安全生产工作目标如下："), lead_kind("……深化建功立业，努力实现以下目标：")
    ('goals', 'goals')
    >>> lead_kind("为实现上述目标，各分工会要重点抓好以下工作："), lead_kind("特制定本计划如下：")
    ('tasks', None)
    """
    text = to_simplified(text.strip())
    if not text.endswith(("：", ":")):
        return None
    clause = re.split(r"[，,；;。]", _LEAD_END.sub("", text[:-1]))[-1]
    named = _LEAD_WORDS.sub("", clause)[-12:]
    kind = heading_kind(named)
    if kind is None:
        kind = next((k for k, cue in kind_lexicon().lead_in if cue.search(named)), None)
    return kind


def body_kind(text: str) -> str | None:
    """The kind a headingless paragraph announces by its opening words, if any."""
    text = to_simplified(text[:80])
    for kind, cue in kind_lexicon().body:
        if cue.search(text):
            return kind
    return None


def body_kinds(text: str) -> tuple[str, ...]:
    """Every kind whose opening words a headingless paragraph has (an opening may both state a
    guiding ideology and announce the plan: "以……为指导，……特制定本计划如下").

    >>> body_kinds("以科学发展观为指导，结合我校实际，特制定本计划。")
    ('ideology', 'preamble')
    """
    text = to_simplified(text[:80])
    return tuple(kind for kind, cue in kind_lexicon().body if cue.search(text))


def states_ideology(text: str) -> bool:
    """Does the text state a guiding ideology in so many words ("以……为指导", "总体要求")?

    >>> states_ideology("以习近平新时代中国特色社会主义思想为指导"), states_ideology("加强职工之家建设")
    (True, False)
    """
    return kind_lexicon().ideology_statement.search(to_simplified(text)) is not None


def opens_plan(text: str) -> bool:
    """A paragraph that opens a plan by stating its guiding ideology in its first words
    ("20xx年……指导思想：", "以……为指导，……")."""
    m = kind_lexicon().ideology_statement.search(to_simplified(text[:90]))
    return m is not None and m.start() <= 30


def is_signature(text: str) -> bool:
    """A sign-off line after a plan's end: an organisation name, a date ("二〇二四年一月") or
    who drew it up ("制定人：王丽　　审核：张校长")."""
    if len(text) > 30:
        return False
    return not re.search(r"[。；;，,！!？?：:]", text) or heading_patterns().signature_field.match(text) is not None


def is_signoff(text: str) -> bool:
    """A plan's sign-off line: its organisation's name or its date, and nothing else.

    >>> is_signoff("红旗小学工会委员会"), is_signoff("二〇二四年一月"), is_signoff("加强组织领导。")
    (True, True, False)
    """
    text = text.strip()
    if not is_signature(text):
        return False
    patterns = chrome_patterns()
    return bool(patterns["org_name"].search(text) or patterns["signature_date"].search(text))


def org_name_alone(text: str, chars: int) -> bool:
    """An organisation's name standing alone on its line: no clause, at most ``chars`` characters.

    >>> org_name_alone("中共江澄大学化学与材料工程学院委员会", 30), org_name_alone("工会委员会要加强领导。", 30)
    (True, False)
    """
    return len(text) <= chars and not CLAUSE_MARK.search(text) and chrome_patterns()["org_name"].search(text) is not None


@cache
def site_note() -> re.Pattern[str]:
    """A sharing site's note run on before a plan's title ("……范文仅供参考,自行编辑使用幼儿园学期工作计划 篇1")."""
    return regex(load_yaml("chrome_cues.yaml")["site_note"])


@cache
def field_code() -> re.Pattern[str]:
    """A Word field's code copied before a line's text (chrome_cues.yaml)."""
    return regex(load_yaml("chrome_cues.yaml")["field_code"])


@cache
def _title_tails() -> tuple[re.Pattern[str], ...]:
    """What a page runs on after a plan's title, in the order they are cut (chrome_cues.yaml)."""
    return tuple(regex(p) for p in load_yaml("chrome_cues.yaml")["title_tails"])


@cache
def hidden_head() -> re.Pattern[str]:
    """A sharing site's note that it hides text, with the page's text run on after it (chrome_cues.yaml)."""
    return regex(load_yaml("chrome_cues.yaml")["hidden_head"])


@cache
def noise_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A forum's anti-copy noise run on before and after a line's text (chrome_cues.yaml)."""
    runs = load_yaml("chrome_cues.yaml")["noise_runs"]
    return regex(runs["head"]), regex(runs["tail"])


def title_head(head: Line, tail: Line) -> bool:
    """``head`` and ``tail`` are one title set in two lines: ``head`` is an organisation's name
    alone over a title of its plan that does not name it again ("临江市第二十七中学" over
    "2024—2025学年第一学期教务处工作计划", "中共京西职业学院经济管理系" over "学生党支部2024年度工作计划");
    or ``tail`` names only the kind of document ("工作计划") under a short line of no clause, no
    site word and no page pattern ("城关镇桃源社区居民委员会2023年度"), or, under such a line that ends
    with the plan's year or term, the rest of a title ("辽河职业技术学院2024-2025学年第一学期" over
    "系列主题团日活动实施方案").

    >>> from planparse.normalize import recognize
    >>> title_head(recognize("(聖恩會蔚藍灣小學)", 1), recognize("2023-2024年度周年計劃", 2))
    True
    >>> title_head(recognize("青峰县人民政府", 1), recognize("青峰县人民政府2024年工作要点", 2))
    False
    >>> title_head(recognize("辽河职业技术学院2024-2025学年第一学期", 1), recognize("系列主题团日活动实施方案", 2))
    True
    >>> title_head(recognize("2024年", 1), recognize("2025年工作计划", 2)), title_head(recognize("@小白创作中心", 1), recognize("寒假作息时间表", 2))
    (False, False)
    >>> title_head(recognize("抄送：市科技局", 1), recognize("2025年全县科技活动周实施方案", 2))  # a notice's field
    False
    """
    words = site_words()
    name, titled = unglossed(head.simple).strip(_NAME_MARKS), unglossed(tail.simple)  # (a converter's
    # pinyin: "柳塘社區(qū)居民委員會(huì)")
    if head.heading is None and not head.simple.lstrip().startswith(("@", "＠")) and not FIELD.match(name) \
            and org_name_alone(name, TITLE_HEAD_CHARS) and not words.search(name) and not titled.startswith(name) \
            and (DATED_TITLE.match(titled) or is_title(titled, tail.heading)):
        return True
    return title_split(head, tail)


def title_split(head: Line, tail: Line) -> bool:
    """The two lines of a title broken after its organisation and year or term: ``tail`` names only
    the kind of document, or the rest of the title under a ``head`` that ends with its year or term
    or is its year and who it is for ("2020年塞原自治区" over "国民经济和社会发展计划");
    ``head`` has no clause, no site word and no page pattern; a letter-spaced ``tail`` is read
    without its spaces ("2016年全市林业" over "工 作 要 点").

    >>> from planparse.normalize import recognize
    >>> title_split(recognize("2016年全市林业", 1), recognize("工 作 要 点", 2))
    True
    >>> title_split(recognize("2020年塞原自治区", 1), recognize("国民经济和社会发展计划", 2))
    True
    >>> title_split(recognize("2024年3月", 1), recognize("青年教师培训计划", 2))
    False
    """
    titled = unspaced(unglossed(tail.simple))
    numbered = tail.heading if tail.heading is not None and tail.heading.number else None  # (not a plain heading's
    # words: "武阳区鹭洲小学2018-2019学年度" over "第二学期国旗下讲话安排表")
    return (completes_title(head, tail)
            or (_TERM_END.search(head.simple) or _YEAR_HEAD.match(head.simple)) is not None and not DATED_TITLE.match(titled)
            and is_title(titled, numbered)) \
        and plain_head(head)


def plain_head(head: Line) -> bool:
    """Can ``head`` begin a title set in two lines: short, no heading, no clause, no site word and
    no page pattern (an organisation's name may be letter-spaced: "晴 川 幼 兒 園" over "六月份行事曆")?"""
    words, patterns = site_words(), chrome_patterns()
    spaced = org_name_alone(unspaced(head.simple), TITLE_HEAD_CHARS)
    return len(head.simple) <= 40 and head.heading is None and not CLAUSE_MARK.search(head.simple) \
        and not words.search(head.simple) and not any(
            p.search(head.simple) for n, p in patterns.items() if n not in ("org_name", "signature_date") and not (spaced and n == "letter_spaced"))


def title_half(head: Line, tail: Line) -> bool:
    """Can ``head`` and ``tail`` be a title set in two lines, ``head`` naming no plan, neither a
    notice's nor a label's words ("柏海州深化紧密型县域医疗卫生" over "共同体建设实施方案")?

    >>> from planparse.normalize import recognize
    >>> tail = recognize("共同体建设实施方案", 2)
    >>> [title_half(recognize(t, 1), tail) for t in ("柏海州深化紧密型县域医疗卫生", "附件：", "某局关于印发2024年全市")]
    [True, False, False]
    """
    return len(head.simple) >= TITLE_HALF and not is_title(head.simple, head.heading) and plain_head(head) \
        and not _NOT_HALF.search(head.simple) and not _NOT_HALF.search(tail.simple)


def completes_title(head: Line, tail: Line) -> bool:
    """Does ``tail``, by its words alone, finish the title ``head`` begins: the kind of document
    ("工作计划"), the years the plan runs, a subtitle led by a dash (any, under a head that names
    no plan), or the end of a 关于 phrase?

    >>> from planparse.normalize import recognize
    >>> completes_title(recognize("关于开展“镜头里的新乡村”", 1), recognize("主题摄影作品征集活动的通知", 2))
    True
    >>> completes_title(recognize("关于开展“镜头里的新乡村”主题活动的通知", 1), recognize("各县（市、区）协会：", 2))
    False
    >>> completes_title(recognize("关于做好暑期工作", 1), recognize("2025年暑期安全工作方案", 2))
    False
    >>> completes_title(recognize("关于开展“一团一亮点”创建活动的", 1), recognize("通 知", 2))
    True
    """
    patterns, titled = heading_patterns(), unspaced(unglossed(tail.simple))
    return patterns.title_tail.match(titled) is not None \
        or patterns.subtitle.match(titled) is not None and not is_title(head.simple, head.heading) \
        or patterns.about_head.match(head.simple) is not None and patterns.about_tail.match("".join(titled.split())) is not None \
        and not DATED_TITLE.match(titled)  # (a title that opens with its year is whole: "关于做好暑期工作" over
    # "2025年暑期安全工作方案" is a heading's words over it)


_LETTER_SPACE = regex(r"(?<=[\u4e00-\u9fff0-9])[ \u3000]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[0-9])")
LETTER_SPACES = 4  # the fewest spaces between characters that make a line letter-spaced (unless all stand apart)
_ALL_APART = regex(r"^\S(?:[ \u3000]+\S){2,}$")  # "工 作 要 点"


def letter_spacing(simple: str) -> set[int]:
    """The spaces a PDF's copy sets between a line's characters ("1 月 底 前 ,街 道 与 各 社 区"),
    where there are four or more and they are a quarter of the line, or where they set every
    character apart ("工 作 要 点"); else none.

    >>> sorted(letter_spacing("1 月 底 前 召 开")), sorted(letter_spacing("工 作 要 点")), letter_spacing("1月底前 召开大会")
    ([1, 3, 5, 7, 9], [1, 3, 5], set())
    """
    if simple.count(" ") + simple.count("\u3000") < 2:
        return set()  # (fewer than two gaps: no scan)
    gaps = [m.span() for m in _LETTER_SPACE.finditer(simple)]
    if len(gaps) >= LETTER_SPACES and 4 * len(gaps) >= len(simple) or len(gaps) >= 2 and _ALL_APART.match(simple):
        return {i for a, b in gaps for i in range(a, b)}
    return set()


def unspaced(simple: str) -> str:
    """A line's text without a PDF's letter spacing (:func:`letter_spacing`)."""
    cut = letter_spacing(simple)
    return "".join(c for i, c in enumerate(simple) if i not in cut) if cut else simple


TITLE_HALF = 8  # the fewest characters of a title's first half that names no plan
_NOT_HALF = regex(r"关于|[：:]")  # a cover notice's half ("……关于印发"), a label ("附件：")
_YEAR_HEAD = regex(r"^(?:19|20)[0-9]{2}\s*年度?(?!\s*[0-9〇零一二三四五六七八九十]{1,2}\s*月|[以起至前后後初底末来來是的我])[\u4e00-\u9fff]{2,12}$")
# "2020年塞原自治区" (not a time: "2019年以來", "2024年底")
_TERM_END = regex(r"[0-9〇零一二三四五六七八九十](?:学年度?|學年度?|年度|年)(?:第[一二]学期|第[一二]學期|[上下]学期|[上下]學期)?$|学期$|學期$")


@cache
def site_words() -> re.Pattern[str]:
    """Any word of chrome_cues.yaml's vocabularies: a site's, a breadcrumb's, a sharing site's."""
    d = load_yaml("chrome_cues.yaml")
    return regex(alternation(w for group in d["words"].values() for w in group))


@cache
def chrome_patterns() -> dict[str, re.Pattern[str] | AnyOf]:
    """The named patterns of chrome_cues.yaml, each read line by line (multiline, as a page's scan
    needs them: they match a line as they would without); a list of patterns is searched one by
    one."""
    def compiled(p: str | list[str]) -> re.Pattern[str] | AnyOf:
        return regex(p, re.M) if isinstance(p, str) else AnyOf(tuple(regex(x, re.M) for x in p))

    return {name: compiled(p) for name, p in load_yaml("chrome_cues.yaml")["patterns"].items()}


@cache
def dated_cue() -> re.Pattern[str]:
    """Words that date an item — a month, a xun, a semester week, a quarter, a festival of
    ``festivals.yaml``, a holiday or a term's part. A cue, not a parse: see :mod:`planparse.dates`."""
    return regex(
        r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月|[上中下]旬|第\s*[0-9一二三四五六七八九十]+\s*周|季度"
        r"|寒假|暑假|暑期|开学初|期中|期末|" + alternation(n for f in festival_data()[0] if f.cue for n in f.names))


DOCUMENT_DATE = regex(r"(?:编制|制定|制订|印发|成文|发文|发布|修订|编印|更新|上传)(?:日期|时间)\s*[：:]\s*$")  # when the
# document was drawn up, issued or posted ("编制日期：2024年1月8日"): no activity's date
_TIME_FIELD = regex(r"^[-*•·\s]*\**[^，,。；;：:*]{0,6}(?:时间|日期|时段)\**\s*[：:]")


DOCUMENT_NUMBER = r"[〔\[［(（]\s*[0-9]{4}\s*[〕\]］)）]\s*[0-9]{1,4}\s*号\s*$"  # "〔2024〕9号" ending a line
_DOCUMENT_NUMBER = regex(r"^[^\s，,。：:]{0,12}?\s*" + DOCUMENT_NUMBER
                         + r"|^[^\s，,。：:]{1,12}?[发函字]\s*[〔［]\s*(?:19|20)[0-9]{2}\s*[0-9]{1,4}\s*$")  # (its 〕 and 号 lost: "岷卫宣传函〔202651")


def is_document_number(simple: str) -> bool:
    """Is the line wholly an official document's number (the issuer's code, year and serial)?
    It numbers a document and never names a plan.

    >>> is_document_number("总院党发〔2024〕9号"), is_document_number("关于印发……工作要点的通知（青政办发〔2024〕5号）")
    (True, False)
    >>> is_document_number("岷卫宣传函〔202651"), is_document_number("〔2024")
    (True, False)
    """
    return _DOCUMENT_NUMBER.match(simple) is not None


def is_time_field(text: str) -> bool:
    """The time field of a field block ("活动时间：……", "- **时间**：……").

    >>> is_time_field("活动时间：5月18日上午"), is_time_field("- **时间**：4月23日"), is_time_field("时间紧、任务重：")
    (True, True, False)
    >>> is_time_field("编制日期：2024年1月8日")  # the document's own date
    False
    """
    m = _TIME_FIELD.match(text)
    return m is not None and not DOCUMENT_DATE.search(text, 0, m.end())


def is_column_name(cell: str) -> bool:
    """A table's column name: one of ``table_header`` in chrome_cues.yaml, or a short cell that
    ends with one ("培训内容", "活动对象") or lists them ("课程、科目").

    >>> [is_column_name(c) for c in ("月份", "培训内容", "课程、科目", "内容丰富多彩", "对")]
    [True, True, True, False, False]
    """
    names = _table_header()
    return cell in names or len(cell) <= COLUMN_CHARS and (
        cell.endswith(_column_endings()) or all(p in names for p in cell.split("、")))


@cache
def _table_header() -> frozenset[str]:
    return frozenset(load_yaml("chrome_cues.yaml")["table_header"])


@cache
def _column_endings() -> tuple[str, ...]:
    return tuple(n for n in _table_header() if len(n) >= 2)
