"""`planparse show`: the HTML page marks every section and date, needs no network, renders."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import planparse
from planparse.cli import CONTEXT_SETTINGS, Group
from planparse.cli.show import show
from planparse.views.html import KIND_COLOURS, describe, render_html
from planparse.model import SECTION_KINDS, When
from planparse.views.positions import split_lines

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-plan.txt"
VOID = {"meta", "br", "img", "link", "input", "hr", "col", "wbr", "source", "area", "base", "embed"}


class Page(HTMLParser):
    """What a reader of the page sees: sections with their lines, dates, links, line texts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.sections: list[dict] = []
        self.dates: list[dict] = []
        self.lines: dict[int, str] = {}
        self.ids: list[str] = []
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.tags: Counter = Counter()
        self.classes: Counter = Counter()
        self.style = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        self.classes.update(a.get("class", "").split())
        for name in ("href", "src", "action", "data", "poster"):
            if name in a:
                self.refs.append((tag, name, a[name]))
        if "id" in a:
            self.ids.append(a["id"])
        if tag in VOID:
            return
        info: dict = {"attrs": a, "text": ""}
        classes = a.get("class", "").split()
        if "sec" in classes:
            info["lines"] = []
            self.sections.append(info)
        if "date" in classes and tag == "span":
            info["line"] = next((int(i["attrs"]["id"][1:]) for t, i in reversed(self.stack)
                                 if "ln" in i["attrs"].get("class", "").split()), None)
            self.dates.append(info)
        if "ln" in classes:
            number = int(a["id"][1:])
            self.lines[number] = ""
            for _, outer in self.stack:
                if "lines" in outer:
                    outer["lines"].append(number)
        self.stack.append((tag, info))

    def handle_endtag(self, tag):
        while self.stack:
            top, _ = self.stack.pop()
            if top == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        for _, info in self.stack:
            info["text"] += data
        line = next((i for _, i in reversed(self.stack) if "ln" in i["attrs"].get("class", "").split()), None)
        if line is not None:
            self.lines[int(line["attrs"]["id"][1:])] += data


@pytest.fixture(params=["sample", "seed"])
def plan_path(request) -> Path:
    return SAMPLE if request.param == "sample" else request.getfixturevalue("seed_path")


def test_every_top_level_section_is_marked_with_its_kind_and_lines(plan_path):
    doc = planparse.parse_file(plan_path, year=2024)
    page = Page(render_html(doc))
    expected = [(s.kind, f"{s.first}-{s.last}", list(range(s.first, s.last + 1)))
                for p in doc.plans for s in p.sections]
    found = [(s["attrs"]["data-kind"], s["attrs"]["data-lines"], s["lines"]) for s in page.sections]
    assert found == expected
    assert all(f"k-{s['attrs']['data-kind']}" in s["attrs"]["class"].split() for s in page.sections)


def test_every_date_is_marked_with_its_range_on_hover(plan_path):
    doc = planparse.parse_file(plan_path, year=2024)
    page = Page(render_html(doc))
    items = [(a.line, a.when) for p in doc.plans for a in p.activities] + \
            [(r.line, r.when) for p in doc.plans for r in p.recurring]
    assert items
    for line, when in items:
        marks = [d for d in page.dates if d["line"] == line and when.text in d["text"]]
        assert marks, f"line {line}: {when.text} is not marked"
        assert any(describe(when) in d["attrs"]["title"] for d in marks)
        if isinstance(when, When):
            assert when.start and when.end
            assert any(when.start.isoformat() in d["attrs"]["title"] and when.end.isoformat() in d["attrs"]["title"]
                       for d in marks)


def test_page_holds_every_source_line_unchanged(plan_path):
    doc = planparse.parse_file(plan_path, year=2024)
    page = Page(render_html(doc))
    source = [text for _, text in split_lines(doc.source.text)]
    assert page.lines == {n: text for n, text in enumerate(source, 1)}


def test_outline_links_to_every_section_and_every_link_resolves(plan_path):
    doc = planparse.parse_file(plan_path, year=2024)
    html = render_html(doc)
    page = Page(html)
    assert len(page.ids) == len(set(page.ids))
    targets = {v[1:] for _, name, v in page.refs if name == "href"}
    assert targets <= set(page.ids)
    section_ids = {s["attrs"]["id"] for s in page.sections}
    assert section_ids <= targets
    nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
    for plan in doc.plans:
        for s in (s for top in plan.sections for s in (top, *top.sections) if s.heading):
            assert s.heading.text.replace('"', "&quot;") in nav


def test_page_is_self_contained(plan_path):
    page = Page(render_html(planparse.parse_file(plan_path, year=2024)))
    assert all(value.startswith("#") for _, _, value in page.refs)
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["img"] == 0
    assert not re.search(r"https?://|url\(|@import", page.style)


def test_text_is_escaped_and_no_markup_gets_through(tmp_path):
    text = ('一、主要工作\n1、5月中旬举办<script>alert("x")</script>运动会 & 联欢。\n'
            '2、报名见 http://example.com/a?b=1&c=2 "网站"。\n')
    doc = planparse.parse(text, year=2024)
    page = Page(render_html(doc))
    assert page.tags["script"] == 0 and page.tags["a"] >= 1
    assert page.lines[2] == '1、5月中旬举办<script>alert("x")</script>运动会 & 联欢。'
    assert all(value.startswith("#") for _, _, value in page.refs)


def test_page_is_responsive_printable_and_has_a_legend():
    html = render_html(planparse.parse_file(SAMPLE))
    page = Page(html)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@media print" in page.style and "@media (max-width:" in page.style
    legend = html.split('class="legend"', 1)[1].split("</ul>", 1)[0]
    assert [k for k in SECTION_KINDS if f'class="k-{k}"' in legend] == list(SECTION_KINDS)
    for kind, (colour, background) in KIND_COLOURS.items():
        assert f".k-{kind}{{--c:{colour};--bg:{background}}}" in page.style


def test_activities_table_and_timeline():
    doc = planparse.parse_file(SAMPLE)
    html = render_html(doc)
    Page(html)  # the page parses
    activities = doc.plans[0].activities
    table = html.split('<section id="activities">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == len(activities) + 1
    # one bar per activity, in the month of its date; the sample runs 2024-01 … 2024-12
    bars = re.findall(r'<a class="bar" href="#L(\d+)" title="([^"]*)" style="grid-row:(\d+);grid-column:(\d+)/(\d+)',
                      html)
    assert len(bars) == len(activities)
    assert len(re.findall(r'<div class="mo"', html)) == 12
    for a, (line, title, _, first, last) in zip(activities, bars):
        assert int(line) == a.line and a.when.text in title
        assert int(first) == a.when.start.month + 1 and int(last) == a.when.end.month + 2


def test_undated_plan_has_no_timeline_bars_but_says_why():
    doc = planparse.parse("一、主要工作\n1、5月中旬举办职工运动会。\n")
    html = render_html(doc, lang="en")
    assert 'class="bar"' not in html
    assert "1 activities without a known year are not on the timeline (give --year)" in html
    assert 'class="date p-' not in html and "year unknown (xun); give --year" in html
    html = render_html(doc)
    assert "1项活动年份未知，未列入时间轴（可用 --year 指定年份）" in html and "年份未知（旬），可用 --year 指定" in html


# --- the command ---------------------------------------------------------------------------

def run(*args, input=None):
    group = Group(context_settings=CONTEXT_SETTINGS)
    group.add_command(show)
    return CliRunner().invoke(group, ["show", *args], input=input)


def test_show_writes_the_page_to_output(tmp_path):
    out = tmp_path / "plan.html"
    r = run(str(SAMPLE), "--year", "2024", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert out.read_text("utf-8") == render_html(planparse.parse_file(SAMPLE, year=2024))


def test_show_without_output_writes_to_stdout_and_reads_stdin():
    r = run("-", input=SAMPLE.read_bytes())
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("<!DOCTYPE html>") and "2024年春晖小学工会工作计划" in r.stdout


def test_show_open_opens_the_written_file(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    out = tmp_path / "plan.html"
    r = run(str(SAMPLE), "-o", str(out), "--open")
    assert r.exit_code == 0, r.output
    assert opened == [out.resolve().as_uri()]
    r = run(str(SAMPLE), "--open")
    assert r.exit_code == 0 and r.stdout == ""
    written = Path(r.stderr.strip().removeprefix("wrote "))
    assert opened[1] == written.resolve().as_uri() and written.read_text("utf-8").startswith("<!DOCTYPE html>")
    written.unlink()


def test_show_open_without_a_browser_says_where_the_page_is(tmp_path, monkeypatch):
    monkeypatch.setattr("webbrowser.open", lambda url: False)
    out = tmp_path / "plan.html"
    r = run(str(SAMPLE), "-o", str(out), "--open")
    assert r.exit_code == 0 and out.exists()
    assert r.stderr == f"no web browser found: open {out} yourself\n"


def test_show_bad_input_names_the_file_and_exits_2(tmp_path):
    r = run(str(tmp_path / "nope.txt"))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {tmp_path / 'nope.txt'}: no such file")


def test_show_help_has_an_example():
    r = run("-h")
    assert r.exit_code == 0 and "Example:" in r.stdout and "--open" in r.stdout


# --- a real browser ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    pytest.skip("chromium is not installed (.ci/run installs Debian's chromium; elsewhere: apt-get install chromium)")


def screenshot(browser: str, html: Path, png: Path, profile: Path) -> None:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
           f"--screenshot={png}", "--window-size=1280,2000", html.resolve().as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=180, check=True)


def read_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and unfiltered rows of an 8-bit non-interlaced PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + size])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + size])
        pos += 12 + size
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0, header
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw, stride = zlib.decompress(b"".join(idat)), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        at = y * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((x + up) & 255 for x, up in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + (((line[i - bpp] if i >= bpp else 0) + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a, b, c = (line[i - bpp], prev[i], prev[i - bpp]) if i >= bpp else (0, prev[i], 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def test_seed_page_renders_in_a_headless_browser(chromium, seed_path, tmp_path):
    doc = planparse.parse_file(seed_path, year=2024)
    html = tmp_path / "seed.html"
    html.write_text(render_html(doc), encoding="utf-8")
    png = tmp_path / "seed.png"
    screenshot(chromium, html, png, tmp_path / "profile")
    width, height, bpp, rows = read_png(png.read_bytes())
    assert (width, height) == (1280, 2000)
    pixels = Counter(row[i:i + 3] for row in rows for i in range(0, len(row), bpp))
    white = pixels[b"\xff\xff\xff"]
    assert len(pixels) > 200, "the screenshot has almost no distinct colours"
    assert (width * height - white) / (width * height) > 0.2, "the screenshot is mostly blank"
    # the first plan's sections show their kinds' background colours
    for kind in {s.kind for s in doc.plans[0].sections}:
        rgb = bytes.fromhex(KIND_COLOURS[kind][1][1:])
        assert pixels[rgb] > 1000, f"no {kind} background in the screenshot"


PHONE_MEASURE = """<script>
window.addEventListener('load', () => {
  const cell = document.querySelector('#activities tbody tr td:nth-child(5)');
  const labels = [...document.querySelectorAll('.tl-label')];
  parent.postMessage(JSON.stringify({column: cell.getBoundingClientRect().width, labels: labels.length,
    cut: labels.filter(l => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1).length,
    page: document.documentElement.scrollWidth}), '*');
});
</script>"""


def test_page_reads_at_phone_width(chromium, tmp_path):
    """At 390 px the activity column keeps room for its text and no timeline label is cut
    (headless Chromium keeps its window at least 500 px wide: the page goes in a frame)."""
    import json

    page = tmp_path / "page.html"
    page.write_text(render_html(planparse.parse_file(SAMPLE)).replace("</body>", PHONE_MEASURE + "</body>"), "utf-8")
    frame = tmp_path / "frame.html"
    frame.write_text('<!DOCTYPE html><html><body style="margin:0"><iframe src="page.html" width="390" height="900" '
                     'style="border:0"></iframe><script>window.addEventListener("message", '
                     'e => document.body.setAttribute("data-measured", e.data));</script></body></html>', "utf-8")
    out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--window-size=800,1000",
                          "--virtual-time-budget=5000", "--dump-dom", frame.as_uri()],
                         capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'data-measured="([^"]*)"', out)
    assert found, out[-500:]
    measured = json.loads(found.group(1).replace("&quot;", '"'))
    assert measured["column"] >= 150, measured
    assert measured["labels"] == 10 and measured["cut"] == 0, measured
    assert measured["page"] <= 390, measured


def test_page_speaks_chinese_by_default_and_english_on_request():
    doc = planparse.parse_file(SAMPLE)
    zh, en = render_html(doc), render_html(doc, lang="en")
    assert '<html lang="zh">' in zh and "<h2>目录</h2>" in zh and "<h2>活动</h2>" in zh
    assert ">日期</th>" in zh and ">指导思想</li>" in zh  # kinds by their Chinese names in the legend
    assert '<html lang="en">' in en and "<h2>Outline</h2>" in en and ">ideology</li>" in en
    r = run("-", "--lang", "en", input=SAMPLE.read_bytes())
    assert r.exit_code == 0 and "<h2>Activities</h2>" in r.stdout


def test_related_article_lines_with_list_markers_are_struck_through():
    text = ("2024年工会工作计划\n一、指导思想\n以……为指导。\n二、主要工作\n1、5月中旬举办职工运动会。\n"
            "相关文章：\n- 2024年学校工会工作计划范文（2024-01-05）\n- 工会工作总结（2023-12-28）\n")
    doc = planparse.parse(text, year=2024)
    page = render_html(doc)
    struck = re.findall(r'<div class="ln bp" id="L(\d+)"', page)
    assert {e.line for e in doc.boilerplate} >= {7, 8}
    assert {"7", "8"} <= set(struck)
