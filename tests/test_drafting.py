"""suggest, draft and render: evidence from the corpus, valid skeletons, faithful round trips."""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import replace

import pytest
from click.testing import CliRunner

import planparse
from planparse.classifier.annotations import load_corpus
from planparse.cli import main
from planparse.drafting.draft import draft
from planparse.model import PLAN_TYPES, ParseOptions
from planparse.pipeline import parse_source
from planparse.drafting.profiles import load_profiles
from planparse.readers import read_bytes, read_file
from planparse.drafting.render import to_docx, to_markdown
from planparse.serialize import from_dict
from planparse.drafting.suggest import standard_kinds, suggest


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def _own_hand(docs):
    """The corpus documents written by hand for it (real-modelled pages are scored per family
    by `planparse eval` and benchmarks/pages.py)."""
    return [d for d in docs if not d.annotation.get("modelled_on")]


def test_a_removed_standard_section_is_suggested_in_the_top_three():
    hits = cases = 0
    for doc in _own_hand(load_corpus(split="test")):
        lines = read_file(doc.path).text.split("\n")
        plans = doc.annotation["plans"]
        if len(plans) != 1:
            continue
        kinds = Counter(s["kind"] for s in plans[0]["sections"])
        for sec in plans[0]["sections"]:
            if kinds[sec["kind"]] > 1 or sec["kind"] not in standard_kinds(plans[0]["type"]):
                continue
            a, b = sec["lines"]
            found = suggest(planparse.parse("\n".join(lines[:a - 1] + lines[b:])))
            cases += 1
            hits += sec["kind"] in [m.kind for s in found for m in s.missing][:3]
    assert cases >= 40  # (43 on the 799 held-out documents, 46 on 791, 49 on 380: what counts as standard moves with the corpus)
    assert hits / cases >= 0.9


def test_complete_plans_get_at_most_one_suggestion_on_average():
    counts = [len(s.missing) for doc in _own_hand(load_corpus(split="test"))
              for s in suggest(planparse.parse_file(doc.path))]
    assert sum(counts) / len(counts) <= 1.0


def test_suggest_gives_evidence():
    text = ("2024年学校工会工作计划\n一、主要工作\n1、组织教职工开展师德建设。\n2、三八节期间组织女教职工健步走。\n"
            "3、积极筹备召开教职工代表大会，落实校务公开。\n二、工作要求\n各工会小组要认真落实。\n")  # (no guiding ideology)
    r = run("suggest", "-", "--format", "json", input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    plan = json.loads(r.stdout)["plans"][0]
    assert plan["type"] == "union"
    first = next(m for m in plan["missing"] if m["kind"] == "ideology")
    assert first["insert_after"] is None  # a plan's guiding ideology opens it
    assert first["support"].startswith("语料中") and "份工会计划有" in first["support"] and first["example"]
    counts = [int(m["support"].rsplit("有", 1)[1].rstrip("份")) for m in plan["missing"]]
    assert counts == sorted(counts, reverse=True)  # the section most of the type's plans have, first
    standard = standard_kinds("union")
    assert {m["kind"] for m in plan["missing"]} >= standard - {"tasks", "safeguards"} | {"ideology"}  # (it has 主要工作, 工作要求)
    assert "三八" not in [a["when"] for a in plan["activities"]]  # it is there already
    assert "五一" in [a["when"] for a in plan["activities"]]
    text_out = run("suggest", "-", input=text.encode("utf-8")).stdout
    assert "缺少“指导思想”（ideology）" in text_out and "示例：" in text_out


def test_suggest_names_months_a_schedule_skips():
    text = "2024年工会工作计划\n一、活动安排\n九月份：\n1、迎新。\n十一月份：\n1、运动会。\n十二月份：\n1、总结。\n"
    assert suggest(planparse.parse(text))[0].missing_months == (10,)


@pytest.mark.parametrize("plan_type", PLAN_TYPES)
def test_drafted_skeleton_parses_back_as_a_plan_of_its_type(plan_type):
    md = to_markdown(draft(plan_type, 2025))
    doc = planparse.parse(md)
    assert [p.type for p in doc.plans] == [plan_type]
    assert [d.rule for d in planparse.lint(md) if d.rule != "placeholder"] == []
    assert "schedule" in {s.kind for s in doc.plans[0].sections}


def test_draft_command_writes_markdown_docx_and_yaml(tmp_path):
    r = run("draft", "--type", "teaching_group", "--year", "2024", "--term", "1", "--org", "实验中学语文")
    assert r.exit_code == 0
    assert r.stdout.startswith("# 实验中学语文2024—2025学年第一学期教研组工作计划")
    months = [line.split(" | ")[0].strip("| ") for line in r.stdout.splitlines() if line.startswith("| ") and "月" in line]
    assert list(dict.fromkeys(months)) == ["9月", "10月", "11月", "12月", "1月"]
    out = tmp_path / "plan.docx"
    assert run("draft", "--type", "union", "--year", "2025", "-o", str(out)).exit_code == 0
    assert planparse.parse_file(out).plans[0].type == "union"
    data = run("draft", "--type", "party", "--year", "2025", "--format", "yaml").stdout
    assert "schema: planparse/1" in data and "type: party" in data
    assert run("draft", "--type", "union", "--year", "2025", "--format", "docx").exit_code == 2


def _headings(sections, depth=0):
    """Every heading as written, with its depth; a schedule that render makes a table keeps its
    month headers and items as rows (checked through the activity dates)."""
    from planparse.drafting.render import table_rows

    out = []
    for s in sections:
        out.append((depth, s.heading.text if s.heading else None))
        if not table_rows(s):
            out += _headings(s.sections, depth + 1)
    return out


def _key(doc):
    return [(p.title, _headings(p.sections), [s.kind for s in p.sections],
             Counter((a.when.start, a.when.end) for a in p.activities)) for p in doc.plans]


def test_round_trip_over_the_corpus_keeps_plans_headings_kinds_and_activity_dates():
    """parse → render (.md and .docx) → parse keeps plans, headings, kinds and activity dates on
    at least 87 % of the corpus (1,075 of 1,220 at the last measure; benchmarks/roundtrip.py prints the
    figure and the misses). The misses are real-modelled pages where a line the first parse took for
    chrome or content reads otherwise once rendered (a forum table whose cells stand one to a line, a
    sharing site's doubled headings "一、指导思想指导思想", a link to the next article, a schedule's
    kind, a blog's title that names no plan), one own plan whose heading ends in a comma over a blank
    line (ep03), and unread pages of the newest sites: 94 % held while the corpus had 300 documents,
    92 % with 372; rw262–rw284 added four more (rw264, rw270, rw274, rw282) and rw220 went with a
    retrained line-role model; 90.8 % with 568, two pages of tables set one cell to a line (rw453,
    rw454) among the misses; 89.8 % with 616, six of rw481–rw504 among them (a kindergarten's
    calendar grid, rw483; tables set one cell to a line, rw497 and rw498); 88.9 % with 712, three of
    rw577–rw600 among them (rw585, a post's title that names no plan: the Markdown read back keeps it
    as its first heading, the .docx as a Title paragraph the reader does not mark; rw593 and rw597,
    compilations whose activity dates differ once rendered); 88.0 % with 850, ten of the 24 pages of
    rw721–rw744 among them (PDF text, forums and blogs whose parse has stray parts a rendering
    numbers otherwise); 87.5 % with 970, six of rw865–rw888 among them (a compilation's untitled
    plans, forum and blog posts, a sharing site's preview); 88.6 % with 994; 88.1 % with 1,220."""
    kept = []
    docs = load_corpus()
    for d in docs:
        doc = planparse.parse_file(d.path, year=2024)
        data = from_dict(doc.to_dict())  # as `planparse render` reads the YAML of `planparse parse`
        back_md = planparse.parse(to_markdown(data), year=2024)
        back_docx = parse_source(read_bytes(to_docx(data), "plan.docx"), ParseOptions(year=2024))
        if _key(back_md) == _key(doc) and _key(back_docx) == _key(doc):
            kept.append(d.id)
    assert len(kept) / len(docs) >= 0.87, sorted(set(d.id for d in docs) - set(kept))


def test_render_keeps_numbering_and_same_line_bodies_as_written():
    text = ("2024年社区工作计划\n一、指导思想\n以……为指导。\n二、主要工作\n2、做好宣传。\n7、做好服务。\n"
            "八、9月开展社区文化周活动：1、广场舞展示；2、书画展览。\n")
    doc = planparse.parse(text, year=2024)
    md = to_markdown(from_dict(doc.to_dict()))
    assert "2、做好宣传。" in md and "7、做好服务。" in md and "（一）" not in md
    assert "八、9月开展社区文化周活动：1、广场舞展示；2、书画展览。" in md.split("\n")
    back = planparse.parse(md, year=2024)
    assert _key(back) == _key(doc)


def test_render_command_from_parse_output(tmp_path):
    src = tmp_path / "plan.yaml"
    assert run("parse", "examples/sample-plan.txt", "-o", str(src)).exit_code == 0
    r = run("render", str(src))
    assert r.exit_code == 0 and r.stdout.startswith("# 2024年春晖小学工会工作计划")
    assert "| 时间 | 安排 |" in r.stdout
    out = tmp_path / "plan.docx"
    assert run("render", str(src), "-o", str(out)).exit_code == 0
    import docx

    d = docx.Document(io.BytesIO(out.read_bytes()))
    title = d.paragraphs[0]
    assert title.text == "2024年春晖小学工会工作计划" and title.style.name == "Title"
    assert title.style.paragraph_format.alignment == 1


def _east_asian(element) -> str | None:
    from docx.oxml.ns import qn

    rpr = element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_docx_is_laid_out_as_a_chinese_official_document(tmp_path):
    """A4 with GB/T 9704 margins, Word heading styles (the navigation pane lists them), zh-CN,
    方正小标宋/黑体/楷体/仿宋 with fall-backs in the font table, the schedule table in 仿宋."""
    import zipfile

    import docx
    from docx.oxml.ns import qn

    data = to_docx(from_dict(planparse.parse_file("examples/sample-plan.txt").to_dict()))
    d = docx.Document(io.BytesIO(data))
    s = d.sections[0]
    assert [round(x.mm) for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin,
                                  s.right_margin)] == [210, 297, 37, 35, 28, 26]
    styles = [p.style.name for p in d.paragraphs]
    assert [styles.count(f"Heading {n}") for n in (1, 2, 3)] == [5, 3, 9]  # 一、 （一） 1、
    assert [p.text for p in d.paragraphs if p.style.name == "Heading 2"][0] == "（一）推进民主管理"
    fonts = {name: _east_asian(d.styles[name].element) for name in ("Title", "Heading 1", "Heading 2", "Normal")}
    assert fonts == {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体", "Normal": "仿宋"}
    assert d.styles["Normal"].font.size.pt == 16 and d.styles["Title"].font.size.pt == 22
    lang = d.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "zh-CN" and lang.get(qn("w:eastAsia")) == "zh-CN"
    table = d.tables[0]
    cells = [_east_asian(r._element) for row in table.rows[1:] for c in row.cells for p in c.paragraphs
             for r in p.runs]
    assert cells and set(cells) == {"仿宋"}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        font_table = zf.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/>' in font_table
    back = parse_source(read_bytes(data, "plan.docx"), ParseOptions())
    assert _key(back) == _key(planparse.parse_file("examples/sample-plan.txt"))


def test_render_refuses_a_mapping_of_the_wrong_shape(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: text\n", "utf-8")
    r = run("render", str(bad))
    assert r.exit_code == 2 and "not a parsed plan" in r.stderr


def test_a_sign_off_is_never_offered_as_an_example():
    from planparse.cues import is_signoff
    from planparse.drafting.profiles import example

    plans = load_profiles().plans
    ua08 = next(p for p in plans if p["id"] == "ua08/1")
    assert ua08["openings"]["safeguards"] == "红旗小学工会委员会"  # what the corpus profile holds
    assert example(ua08, "safeguards") is None
    offered = [e for p in plans for kind in p["openings"] if (e := example(p, kind))]  # all suggest can offer
    assert len(offered) > 300 and not any(is_signoff(e) for e in offered)  # never a neighbour's "红旗小学工会委员会"
    for plan_type in PLAN_TYPES:
        skeleton = to_markdown(draft(plan_type, 2025))
        assert not any(is_signoff(line.removeprefix("示例：")) for line in skeleton.split("\n")
                       if line.startswith("示例："))


def test_draft_refuses_an_output_it_cannot_write(tmp_path):
    out = tmp_path / "plan.pdf"
    r = run("draft", "--type", "union", "--year", "2025", "-o", str(out))
    assert r.exit_code == 2 and "cannot write .pdf files: give -o a .md, .docx or .yaml file" in r.stderr
    assert not out.exists()
    assert run("draft", "--type", "union", "--year", "2025", "-o", str(tmp_path / "plan.markdown")).exit_code == 0


def test_a_plan_under_a_compilation_separator_keeps_its_own_title_line():
    text = ("工作计划范文篇一：\n阳光社区居委会2024年工作计划\n一、强化党建引领\n3月组织党员志愿服务。\n"
            "工作计划范文篇二：\n明德幼儿园2024—2025学年第一学期工作计划\n一、班级情况\n本班现有幼儿32名。\n")
    doc = planparse.parse(text)
    assert [(p.title, p.subtitle, p.year) for p in doc.plans] == [
        ("工作计划范文篇一：", "阳光社区居委会2024年工作计划", 2024),
        ("工作计划范文篇二：", "明德幼儿园2024—2025学年第一学期工作计划", 2024)]
    assert [s.heading.text for p in doc.plans for s in p.sections] == ["一、强化党建引领", "一、班级情况"]
    back = planparse.parse(to_markdown(from_dict(doc.to_dict())))
    assert [(p.title, p.subtitle, p.year) for p in back.plans] == [(p.title, p.subtitle, p.year) for p in doc.plans]


def test_a_standard_kind_read_without_confidence_is_suggested_naming_the_section_that_may_be_it():
    """A plan whose only tasks section the classifier is unsure of ("二、围绕中心抓落实", read as tasks
    at 0.5) may lack its main work: tasks is suggested, naming that section, and placed after the
    sections that are sure; read with confidence, it is present and not suggested."""
    text = ("2024年学校工会工作计划\n一、指导思想\n坚持以职工为中心。\n二、围绕中心抓落实\n1、三八节组织女教职工健步走。\n"
            "2、五一前后开展劳动竞赛。\n三、工作要求\n各工会小组要认真落实，按月报送活动情况。\n")
    doc = planparse.parse(text)
    (plan,) = doc.plans

    def with_tasks_at(confidence):
        sections = tuple(replace(s, kind="tasks", confidence=confidence) if s.heading and s.heading.number == "二" else s
                         for s in plan.sections)
        (found,) = suggest(replace(doc, plans=(replace(plan, sections=sections),)))
        return {m.kind: m for m in found.missing}

    unsure = with_tasks_at(0.5)["tasks"]
    assert (unsure.unsure, unsure.insert_after) == ("二、围绕中心抓落实", "一、指导思想")
    assert "tasks" not in with_tasks_at(0.9)


def test_suggest_says_which_section_may_be_the_kind_it_suggests(monkeypatch):
    import planparse.drafting.suggest as suggest_module

    monkeypatch.setattr(suggest_module, "SURE", 1.01)  # no section is sure of its kind
    text = "2024年学校工会工作计划\n一、指导思想\n坚持以职工为中心。\n二、主要工作\n1、三八节组织女教职工健步走。\n"
    r = run("suggest", "-", input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert "未见明确的“指导思想”（ideology，“一、指导思想”不一定是）" in r.output
    r = run("suggest", "-", "--format", "json", input=text.encode("utf-8"))
    missing = {m["kind"]: m for m in json.loads(r.output)["plans"][0]["missing"]}
    assert missing["ideology"]["unsure"] == "一、指导思想"
