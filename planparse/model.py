"""Plain, frozen data objects that flow between the pipeline stages.

Every line number is 1-based and refers to the source text as the reader presented it.
Only :mod:`planparse.serialize` knows the SPEC §1 mapping built from these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SectionKind = Literal[
    "preamble", "situation", "ideology", "goals", "tasks",
    "schedule", "safeguards", "closing", "other",
]
SECTION_KINDS: tuple[SectionKind, ...] = (
    "preamble", "situation", "ideology", "goals", "tasks",
    "schedule", "safeguards", "closing", "other",
)
PlanType = Literal[
    "union", "school", "teaching_group", "kindergarten", "class", "party", "community",
    "enterprise", "hospital", "government", "youth", "women", "personal", "activity", "other",
]
PLAN_TYPES: tuple[PlanType, ...] = (
    "union", "school", "teaching_group", "kindergarten", "class", "party", "community",
    "enterprise", "hospital", "government", "youth", "women", "personal", "activity", "other",
)
Precision = Literal[
    "day", "range", "xun", "month", "season", "term", "half_year", "year", "festival", "week",
]
Period = Literal["day", "week", "month", "quarter", "term", "year"]
Role = Literal["chrome", "title", "heading", "body", "signoff"]
ROLES: tuple[Role, ...] = ("chrome", "title", "heading", "body", "signoff")


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """Everything a caller can vary about a parse.

    year: the year used when the text gives none (the text's own year always wins).
    term_start: first Monday of the term, so that "第15周" gets dates.
    classifier: "model" uses the shipped section classifier where it is loaded,
        "lexicon" only the heading lexicon (no model file read).
    """

    year: int | None = None
    term_start: date | None = None
    classifier: Literal["model", "lexicon"] = "model"


Hint = Literal["", "nav", "header", "footer", "aside", "links", "title", "page-top", "page-bottom"]
HINTS: tuple[Hint, ...] = ("", "nav", "header", "footer", "aside", "links", "title", "page-top", "page-bottom")


@dataclass(frozen=True, slots=True)
class Source:
    """A document as read: its text, how it was decoded, and where it came from.

    text: the document's text, one source line per line ("\\n" only).
    format: the reader used (txt, md, docx, html, pdf, doc, rtf); encoding: the text
    encoding the reader decided on (None for binary formats); title: the page's own title
    (HTML ``<title>``), if any.
    hints: what the reader knew of each source line beyond its text, one string per line
    (empty, or shorter than the text: nothing known). The line-role model reads them as a
    feature. The values:

    - ``"nav"``, ``"header"``, ``"footer"``, ``"aside"``: an HTML line inside a block of
      that kind, by its tag (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``) or by a
      class or id that names one (nav, menu, breadcrumb, crumb → nav; header → header;
      footer, copyright → footer; sidebar, related, share, comment, pagination, pager → aside);
    - ``"links"``: an HTML line that is only link text (at least 80 % of its characters in
      ``<a>``), or an item of a list whose items are links;
    - ``"title"``: the text of an HTML ``<h1>``;
    - ``"page-top"``, ``"page-bottom"``: the first and last non-blank line of a PDF page,
      where running headers and footers stand;
    - ``""``: nothing known.

    warnings: what the reader had to repair or doubt (stray bytes replaced, NUL bytes
    dropped, a file whose name says another format, the PDF library's own warnings); they
    open the parsed document's ``warnings:``.

    >>> Source("一、指导思想", "plan.html", "html", "utf-8", hints=("title",)).hints
    ('title',)
    """

    text: str
    path: str
    format: str
    encoding: str | None
    title: str | None = None
    hints: tuple[str, ...] = ()
    warnings: tuple[Warning_, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression as found in a line, before the plan's year gives it days.

    shape: the name of the date strategy that matched; parts: its named parts as written
    (month "9", day "18", a year "2024", a festival "国庆" …). :func:`planparse.dates.resolve`
    turns a mention into a :class:`When` in a plan's context.
    """

    text: str
    offset: int  # in the text of the line that holds it
    shape: str
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line and what was recognised in it, once, when it was made.

    text: the line (source lines of a broken sentence rejoined); first/last: its source lines.
    pieces: for each joined source line, (source line, offset in ``text`` where it starts,
        column in the source line where that piece starts).
    simple: ``text`` in simplified characters (same length, so offsets agree).
    heading: the heading that opens the line, if any; separator: a compilation's separator
        line ("……工作计划篇一"); role: chrome, title, heading, body or sign-off.
    dates, recurrences: the time expressions in ``text``, offsets into it.
    """

    text: str
    first: int
    last: int
    pieces: tuple[tuple[int, int, int], ...] = ()
    simple: str = ""
    heading: Heading | None = None
    separator: bool = False
    role: Role = "body"
    dates: tuple[Mention, ...] = ()
    recurrences: tuple[Recurrence, ...] = ()

    def source_line(self, offset: int) -> int:
        """The source line holding character ``offset`` of this logical line."""
        return self.source(offset)[0]

    def source(self, offset: int) -> tuple[int, int]:
        """(source line, 0-based column there) of character ``offset`` of this line."""
        line, column = self.first, offset
        for src, start, col in self.pieces:
            if start <= offset:
                line, column = src, offset - start + col
        return line, column


@dataclass(frozen=True, slots=True)
class Edit:
    """Something the normalizer changed: a join of a sentence's broken lines, a table's cell set on
    a line of its own joined to its row, a dropped boilerplate line or sentence."""

    action: Literal["join", "cell", "boilerplate"]
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Recurrence:
    text: str
    every: Period
    interval: int = 1
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or month-header) heading found at the start of a logical line."""

    text: str          # the heading as written, stripped
    number: str | None  # numbering token without its trailing 、.．
    title: str | None   # heading text without number and trailing punctuation
    style: str         # numbering family: cn, paren_cn, arabic, paren_arabic, circled, ordinal, stage, shi, month, week
    value: int          # numeric value of the numbering token (month for month headers)
    body: str          # the rest of the line after the heading


@dataclass(frozen=True, slots=True)
class When:
    """A normalized time expression (SPEC §3)."""

    text: str
    start: date | None
    end: date | None
    precision: Precision
    offset: int = 0  # character offset of ``text`` in the searched string
    weekday: int | None = None  # a weekday written with the date ("（周二）"), 0 = Monday


@dataclass(frozen=True, slots=True)
class Activity:
    text: str
    what: str
    when: When
    who: str | None
    line: int
    section: str | None


@dataclass(frozen=True, slots=True)
class Recurring:
    text: str
    when: Recurrence
    line: int


@dataclass(frozen=True, slots=True)
class Section:
    heading: Heading | None
    kind: SectionKind
    confidence: float
    first: int
    last: int
    text: str
    sections: tuple[Section, ...] = ()
    # source line of each body piece, for stages that need positions (activities, lint)
    body: tuple[Line, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Mark:
    """A time expression placed in the source: 1-based line, 0-based column, and its meaning
    in its plan (``when`` None: an impossible date such as 2月30日)."""

    line: int
    column: int
    text: str
    when: When | Recurrence | None
    shape: str = ""  # the date strategy that found it ("month_typo" for 十二份), "recurrence"


@dataclass(frozen=True, slots=True)
class Plan:
    """One plan. The plans stage cuts it out (title, lines, year, term); later stages fill in
    its sections, its type and its activities."""

    title: str | None
    type: PlanType
    year: int | None
    first: int
    last: int
    sections: tuple[Section, ...]
    activities: tuple[Activity, ...] = ()
    recurring: tuple[Recurring, ...] = ()
    title_line: int | None = None
    term: int | None = None  # 1 (autumn) or 2 (spring) for a school term plan
    year_given: bool = False  # the year is --year's: the text gives none
    issued: date | None = None  # the day the document bears (its sign-off's or cover notice's date)
    week: date | None = None  # the Monday of the week a weekly plan is dated by
    term_start: date | None = None  # the Monday of a term's first week ("9月2日开学"), for 第N周
    subtitle: str | None = None  # the plan's own title under its compilation separator ("……篇一：" then "……计划")
    lines: tuple[Line, ...] = field(default=(), compare=False, repr=False)
    marks: tuple[Mark, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Notice:
    """A cover notice before a plan ("关于印发《……工作计划》的通知"): part of the document,
    not of the plan it sends out."""

    title: str | None
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Warning_:
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document. Every stage of :mod:`planparse.pipeline` takes one and returns it
    with its part filled in: lines, their roles, plans, sections, kinds, activities."""

    source: Source
    plans: tuple[Plan, ...] = ()
    boilerplate: tuple[Edit, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    notices: tuple[Notice, ...] = ()
    lines: tuple[Line, ...] = field(default=(), compare=False, repr=False)
    edits: tuple[Edit, ...] = field(default=(), compare=False, repr=False)  # every normalizer edit

    @property
    def marks(self) -> tuple[Mark, ...]:
        """Every time expression of the document's plans, in source order."""
        return tuple(sorted((m for p in self.plans for m in p.marks), key=lambda m: (m.line, m.column)))

    def to_dict(self) -> dict:
        """The SPEC §1 mapping of this document (plain str/int/None/list/dict)."""
        from planparse.serialize import to_dict

        return to_dict(self)
