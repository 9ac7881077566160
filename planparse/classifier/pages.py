"""Synthetic web pages: clean corpus plans wrapped in the chrome of a site family.

``corpus/chrome/families.yaml`` describes, for each family of real sites, the lines a page
puts above, between and below its plans (breadcrumbs, bylines, sharing metadata, related
lists, running headers …). :func:`generate` wraps one or more annotated corpus plans in one
family's chrome and returns the page's lines with the role of each (chrome, title, heading,
body, sign-off) and an annotation of the plans in the page's own line numbers, so that the
line-role model can be trained on pages of many families and evaluated on families it
has never seen. Hard negatives (sign-offs with dates, "相关工作要求" headings, prose that
reads like chrome) are put into the plans. Only training and evaluation use this module.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterator

import yaml

from planparse.classifier.annotations import CorpusDoc, corpus_root, walk_sections
from planparse.headings import match_number
from planparse.numerals import chinese_number
from planparse.readers import read_file
from planparse.regexes import regex

_FIELD = regex(r"\{(\w+)\}")
BARE = 0.2  # share of pages without the page's header
_SIGNOFF_ORG = ("{org}", "{org}委员会", "{org}办公室")


@dataclass
class Page:
    """A generated page: its lines, their roles ("" for a blank line) and the plans in it."""

    family: str
    shape: str
    script: str
    lines: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)  # title, lines, sections, signoff
    boilerplate: list[dict[str, Any]] = field(default_factory=list)
    hints: tuple[str, ...] = ()

    def add(self, text: str, role: str) -> int:
        self.lines.append(text)
        self.roles.append(role if text.strip() else "")
        if role == "chrome" and text.strip():
            self.boilerplate.append({"line": len(self.lines), "text": text.strip()})
        return len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def annotation(self) -> dict[str, Any]:
        return {"document": f"{self.family}.txt", "family": self.family, "shape": self.shape, "plans": self.plans,
                "boilerplate": self.boilerplate}


@dataclass(frozen=True)
class PlanSource:
    """One annotated corpus plan: its lines, which of them is its title, its sections."""

    title: str | None
    lines: tuple[str, ...]          # the plan's source lines, title first when it has one
    roles: tuple[str, ...]          # role of each line (title, heading, body, signoff, chrome, "")
    sections: tuple[dict, ...]      # top-level sections, lines relative to ``lines`` (1-based)
    type: str


@cache
def families(root: str | None = None) -> tuple[dict[str, Any], ...]:
    """The site families of ``corpus/chrome/families.yaml``."""
    path = corpus_root(root) / "chrome" / "families.yaml"
    return tuple(yaml.safe_load(path.read_text("utf-8"))["families"])


@cache
def hard_negatives(root: str | None = None) -> tuple[dict[str, Any], ...]:
    path = corpus_root(root) / "chrome" / "families.yaml"
    return tuple(yaml.safe_load(path.read_text("utf-8")).get("hard_negatives") or ())


def plan_sources(docs: list[CorpusDoc]) -> list[PlanSource]:
    """The plans of these documents that carry no chrome of their own, as generator input."""
    out = []
    for doc in docs:
        ann = doc.annotation
        if ann.get("boilerplate") or ann.get("modelled_on"):
            continue
        text = read_file(doc.path).text.split("\n")
        for plan in ann.get("plans") or []:
            a, b = plan["lines"]
            lines = tuple(text[a - 1:b])
            roles = role_labels(lines, plan, a)
            sections = tuple({**s, "lines": [s["lines"][0] - a + 1, s["lines"][1] - a + 1]}
                             for s in plan.get("sections") or [])
            out.append(PlanSource(plan.get("title"), lines, roles, sections, plan["type"]))
    return out


def role_labels(lines: tuple[str, ...] | list[str], plan: dict[str, Any], first: int,
                chrome: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """The role of each of a plan's lines (``first``: the source line of ``lines[0]``) from
    its annotation: the title line, section headings at any depth, sign-off lines, chrome
    lines (``chrome``: their source lines), the body."""
    heads = {s["lines"][0] for s, _ in walk_sections(plan.get("sections") or []) if s.get("heading")}
    sign = set(plan.get("signoff") or ())
    roles = []
    for k, text in enumerate(lines):
        n = first + k
        if not text.strip():
            roles.append("")
        elif n in chrome:
            roles.append("chrome")
        elif plan.get("title") and n == plan["lines"][0]:
            roles.append("title")
        elif n in sign:
            roles.append("signoff")
        elif n in heads:
            roles.append("heading")
        else:
            roles.append("body")
    return tuple(roles)


class _Filler:
    """Fills a family's templates: one value per document for each var, fresh random parts."""

    def __init__(self, family: dict[str, Any], rng: random.Random, titles: list[str]) -> None:
        self.rng = rng
        self.vars = {k: rng.choice(v) for k, v in (family.get("vars") or {}).items()}
        self.titles = titles
        self.year = rng.randint(2015, 2025)
        self.page = 0

    def __call__(self, template: str, **given: Any) -> str:
        return _FIELD.sub(lambda m: str(given.get(m.group(1), self._value(m.group(1)))), template)

    def _value(self, name: str) -> str:
        r = self.rng
        if name in self.vars:
            return self.vars[name]
        month, day = r.randint(1, 12), r.randint(1, 28)
        return {
            "title": self.titles[0] if self.titles else "工作计划",
            "other_title": r.choice(_OTHER_TITLES).format(year=self.year - r.randint(0, 3)),
            "date": f"{self.year}-{month:02d}-{day:02d}", "md": f"{month:02d}-{day:02d}",
            "time": f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d}", "year": str(self.year),
            "n": str(r.randint(1, 9)), "total": str(r.randint(3, 12)), "cn": chinese_number(r.randint(1, 9)),
            "int": str(r.randint(10, 99999)), "icp": f"{r.choice('京沪粤浙苏鲁豫川湘鄂')}ICP备{r.randint(10**7, 10**8 - 1)}号-{r.randint(1, 5)}",
            "site": "范文网", "domain": "www.example.cn", "cat": "工作计划", "author": "佚名",
        }.get(name, "")


_OTHER_TITLES = ("{year}年学校工会工作计划", "{year}年社区党支部工作计划", "幼儿园大班下学期工作计划",
                 "{year}年医院护理部工作计划", "班主任工作计划（精选5篇）", "{year}年团委工作计划范文",
                 "企业安全生产工作计划", "{year}年个人工作计划", "教研组工作计划模板", "妇联工作计划",
                 "街道办事处{year}年工作要点", "学雷锋志愿服务活动方案", "新学期工作计划怎么写",
                 "{year}年度工作总结及明年计划", "机关工会{year}年工作计划", "初中数学教研组工作计划")


def generate(family: dict[str, Any], plans: list[PlanSource], rng: random.Random,
             negatives: tuple[dict[str, Any], ...] = (), to_script=None) -> Page:
    """One page of ``family`` holding ``plans`` (see the module docstring). ``to_script``
    converts plan text to the family's script (traditional families)."""
    convert = to_script if (to_script and family.get("script") == "traditional") else (lambda s: s)
    titles = [convert(p.title) for p in plans if p.title] or ["工作计划"]
    fill = _Filler(family, rng, titles)
    page = Page(family["name"], family.get("shape", ""), family.get("script", "simplified"))

    def blocks(specs: list[dict[str, Any]]) -> None:
        for spec in specs or []:
            if rng.random() >= float(spec.get("p", 1.0)):
                continue
            if "lines" in spec:
                chosen = spec["lines"]
            elif "alt" in spec:
                chosen = rng.choice(spec["alt"])
            else:
                rel = spec["related"]
                chosen = [rng.choice(rel["header"])] + [rng.choice(rel["item"])
                                                        for _ in range(rng.randint(*rel["count"]))]
            for template in chosen:
                page.add(fill(template), "chrome")

    bare = rng.random() < BARE  # some copies keep the plan and lose the page around it
    if not bare:
        blocks(family.get("top"))
        blocks(family.get("intro"))
    # Many article pages write the plan's title once, in the page's header between the
    # breadcrumb and the byline: then that line is the plan's title and the plan has no other.
    header_title = None
    if plans[0].title and rng.random() < 0.5:
        header_title = next((n for n in range(len(page.lines), 0, -1) if page.lines[n - 1] == titles[0]), None)
        if header_title is not None:
            page.roles[header_title - 1] = "title"
            page.boilerplate = [b for b in page.boilerplate if b["line"] != header_title]
    separators = family.get("separator") or []
    marked = len(plans) > 1 and separators and rng.random() < 0.8
    separator = rng.choice(separators) if separators else ""  # a site marks all the plans of a page alike
    page_spec = family.get("page")
    until_break = rng.randint(*page_spec["every"]) if page_spec else 0
    pages_done = 0
    for i, plan in enumerate(plans):
        if i:
            blocks(family.get("between"))
            if rng.random() < 0.3:  # a list of other articles with no header, as compilations carry
                marker = rng.choice(("", "- ", "· "))
                for k in range(1, rng.randint(3, 7)):
                    page.add(f"{marker}{k}.{fill('{other_title}')}", "chrome")
        if rng.random() < 0.5:
            page.add("", "")
        first = len(page.lines) + 1
        title = None
        lines, roles = list(plan.lines), list(plan.roles)
        if marked:
            sep = fill(separator, title=convert(plan.title or titles[0]), n=i + 1, cn=chinese_number(i + 1))
            page.add(sep, "title")
            title = sep
            if plan.title:  # the plan's own title line stays, as a line of the plan
                roles[0] = "body"
        elif plan.title:
            title = convert(plan.title)
            if i == 0 and header_title is not None:  # the header's title line is the plan's
                first, lines, roles = header_title, lines[1:], roles[1:]
        dropped = len(plan.lines) - len(lines)  # the plan's own title line, when the header holds it
        origin = list(range(dropped + 1, len(plan.lines) + 1))  # each line's place in plan.lines
        lines, roles, origin = _with_negatives(lines, roles, origin, negatives, rng)
        heads = {origin.index(s["lines"][0]) + 1: s for s in plan.sections if s["lines"][0] in origin}
        shift = {}
        for k, (text, role) in enumerate(zip(lines, roles), 1):
            if page_spec and role in ("body", "heading") and until_break <= 0 and k < len(lines):
                pages_done += 1
                for template in page_spec["lines"]:
                    page.add(fill(template, n=pages_done, total=max(pages_done + 1, rng.randint(3, 9))), "chrome")
                until_break = rng.randint(*page_spec["every"])
            shift[k] = page.add(convert(text), role)
            until_break -= 1
        last = max(n for n in shift.values() if page.roles[n - 1])
        sections = []
        for k, s in sorted(heads.items()):
            if k in shift:
                sections.append({"heading": convert(s["heading"]) if s.get("heading") else None, "kind": s["kind"],
                                 "line": shift[k]})
        page.plans.append({"title": title, "type": plan.type, "lines": [first, last], "sections": sections,
                           "signoff": [n for n in range(first, last + 1) if page.roles[n - 1] == "signoff"]})
    page.add("", "")
    if not bare or rng.random() < 0.5:
        blocks(family.get("bottom"))
    return page


def _with_negatives(lines: list[str], roles: list[str], origin: list, negatives: tuple[dict[str, Any], ...],
                    rng: random.Random) -> tuple[list[str], list[str], list]:
    """The plan's lines with a few hard negatives put in: a sign-off at its end, a heading or
    a line of prose in its body (``origin``: each line's place in the plan, None for those put in)."""
    if not negatives or rng.random() < 0.4:
        return lines, roles, origin
    lines, roles, origin = list(lines), list(roles), list(origin)
    sign = [n for n in negatives if n["where"] == "signoff"]
    if sign and "signoff" not in roles and rng.random() < 0.6:
        org = next((n["text"] for n in rng.sample(sign, len(sign)) if not re.search(r"\d|[〇一二三四五六七八九十]月", n["text"])), None)
        date = next((n["text"] for n in rng.sample(sign, len(sign)) if re.search(r"\d|[〇一二三四五六七八九十]月", n["text"])), None)
        for text in (t for t in (org, date) if t):
            lines.append(text)
            roles.append("signoff")
            origin.append(None)
    inner = [n for n in negatives if n["where"] in ("body", "schedule", "heading")]
    body = [k for k, r in enumerate(roles) if r == "body"]
    if inner and body:
        for neg in rng.sample(inner, min(len(inner), rng.randint(1, 2))):
            at = rng.choice(body) + 1
            numbered = match_number(neg["text"])  # "五、其他" amid 二、 and 三、 is no plan's numbering: "其他"
            lines.insert(at, numbered[3] if numbered and numbered[3] else neg["text"])
            roles.insert(at, "heading" if neg["where"] == "heading" else "body")
            origin.insert(at, None)
            body = [k for k, r in enumerate(roles) if r == "body"]
    return lines, roles, origin


def pages(sources: list[PlanSource], fams: tuple[dict[str, Any], ...] | list[dict[str, Any]], per_family: int,
          seed: int = 0, negatives: tuple[dict[str, Any], ...] = ()) -> Iterator[Page]:
    """``per_family`` pages of each family, each holding one to four of ``sources``' plans."""
    to_traditional = _to_traditional()
    for family in fams:
        rng = random.Random(f"{seed}:{family['name']}")
        for _ in range(per_family):
            count = rng.choice((1, 1, 1, 2, 3, 4)) if family.get("separator") else rng.choice((1, 1, 2))
            chosen = rng.sample(sources, min(count, len(sources)))
            yield generate(family, chosen, rng, negatives, to_traditional)


def fragments(sources: list[PlanSource], count: int, seed: int = 0) -> Iterator[Page]:
    """``count`` bare fragments: a few consecutive lines of a plan, with no page around them,
    as text pasted from a plan is."""
    rng = random.Random(f"{seed}:fragments")
    for _ in range(count):
        plan = rng.choice(sources)
        size = rng.randint(2, 12)
        start = rng.randint(0, max(len(plan.lines) - size, 0))
        page = Page("fragment", "fragment", "simplified")
        first = None
        for text, role in zip(plan.lines[start:start + size], plan.roles[start:start + size]):
            n = page.add(text, role)
            first = first or n
        yield page


@cache
def _to_traditional():
    """Simplified → traditional characters (opencc), for the traditional-script families."""
    try:
        from opencc import OpenCC
    except ImportError:  # the generator then writes their plans in simplified characters
        return None
    converter = OpenCC("s2t")
    return converter.convert


# ---------------------------------------------------------------- the same page as HTML or PDF

_HTML_STYLES = ("semantic", "classes", "plain")


def to_html(lines: list[str], roles: list[str], rng: random.Random) -> str:
    """A page's lines as an HTML page: each line one block, chrome in the blocks such pages
    use (``<nav>``, ``<header>``, ``<footer>``, ``<aside>`` with a list of links, or divs
    named after them, or plain divs on a page that names nothing), the plan in ``<article>``."""
    style = rng.choice(_HTML_STYLES)
    content = [i for i, r in enumerate(roles) if r and r != "chrome"]
    first, last = (content[0], content[-1]) if content else (len(lines), -1)
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><title>page</title></head><body>']
    related = False
    for i, (text, role) in enumerate(zip(lines, roles)):
        if not text.strip():
            continue
        t = _escape(text.strip())
        if role != "chrome":
            if i == first:
                out.append("<article>")
            if "\t" in t:  # a table's row, cells parted by tabs: a row of an HTML table
                cells = "".join(f"<td>{c.strip()}</td>" for c in t.split("\t"))
                out.append(f"<table><tr>{cells}</tr></table>")
            else:
                tag = "h1" if role == "title" and rng.random() < 0.7 else ("h3" if role == "heading" and rng.random() < 0.3 else "p")
                out.append(f"<{tag}>{t}</{tag}>")
            if i == last:
                out.append("</article>")
            continue
        zone = "top" if i < first else ("bottom" if i > last else "middle")
        related = related or bool(re.search(r"相关|推荐|猜你|延伸|热门|喜欢|阅读|問題|问题", text)) and zone == "bottom"
        out.append(_chrome_block(t, zone, related, style, rng))
    out.append("</body></html>")
    return "\n".join(out)


def _chrome_block(t: str, zone: str, related: bool, style: str, rng: random.Random) -> str:
    if style == "plain":
        return f"<div>{t}</div>"
    if related:
        inner = f'<ul><li><a href="/a/{rng.randint(1, 99999)}.html">{t}</a></li></ul>'
        return f"<aside>{inner}</aside>" if style == "semantic" else f'<div class="related-list">{inner}</div>'
    if zone == "top":
        crumb = re.search(r"[>»›]|位置|首页|首頁", t)
        if style == "semantic":
            return f"<nav>{t}</nav>" if crumb else f"<header><p>{t}</p></header>"
        return f'<div class="{"breadcrumb" if crumb else "header-info"}">{t}</div>'
    if zone == "bottom":
        return f"<footer><p>{t}</p></footer>" if style == "semantic" else f'<div class="footer-text">{t}</div>'
    return f'<div class="page-tip">{t}</div>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_pdf(lines: list[str], per_page: int = 42) -> bytes:
    """A page's lines as a PDF with a text layer, ``per_page`` lines to a page (needs reportlab)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    y = 800
    for n, line in enumerate(lines):
        if n and n % per_page == 0:
            c.showPage()
            y = 800
        c.setFont("STSong-Light", 10)
        c.drawString(40, y, line.strip())
        y -= 18
    c.save()
    return buf.getvalue()


_UNSPACED = regex(r"[\s|｜]+")


def align(source_lines: list[str], read_lines: list[str]) -> list[int | None]:
    """For each line a reader gave, the index of the source line it came from (None when it
    came from none): the lines are matched in order by their text, spaces and a table's cell
    bars aside (a row of tab-parted cells reads back as "9月 | 开学典礼")."""
    out: list[int | None] = []
    k = 0
    keys = [_UNSPACED.sub("", s) for s in source_lines]
    for line in read_lines:
        key = _UNSPACED.sub("", line)
        j = next((j for j in range(k, min(k + 40, len(keys))) if key and keys[j] == key), None)
        out.append(j)
        if j is not None:
            k = j + 1
    return out


def remap(ann: dict, aligned: list[int | None]) -> dict:
    """The annotation of a text page in the line numbers of the same page as another reader
    gave it (``aligned`` from :func:`align`): ranges keep the lines they held, single lines
    that the reader lost are left out."""
    where = {j + 1: i + 1 for i, j in enumerate(aligned) if j is not None}
    got = sorted(where)

    def first(a: int) -> int:
        return where[next((n for n in got if n >= a), got[-1])]

    def last(b: int) -> int:
        return where[next((n for n in reversed(got) if n <= b), got[0])]

    def walk(node):
        if isinstance(node, list):
            return [walk(x) for x in node if not (isinstance(x, dict) and "line" in x and x["line"] not in where)]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key == "lines" and isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
                out[key] = [first(value[0]), last(value[1])]
            elif key == "line" and isinstance(value, int):
                out[key] = where[value]
            elif key == "notices":
                out[key] = [[first(a), last(b)] for a, b in value]
            else:
                out[key] = walk(value)
        return out

    return walk(ann)
