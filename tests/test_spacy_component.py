"""The plan_parser component through spaCy itself: add_pipe, nlp.pipe, DocBin, config."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (pip install 'planparse[spacy]')")

import planparse  # noqa: E402
from planparse.model import When  # noqa: E402
import planparse.spacy_component  # noqa: E402,F401  (registers the factory before the entry point lands)
from spacy.tokens import DocBin  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "examples" / "sample-plan.txt").read_text("utf-8")
UNDATED = "一、指导思想\n以科学发展观为指导。\n二、主要工作\n1、5月中旬举办职工运动会。\n2、国庆节期间组织登山活动。\n"
TEXTS = [
    SAMPLE,
    UNDATED,
    "2023年团支部工作计划\n一、工作目标\n增强团员意识。\n二、活动安排\n1、3月上旬开展学雷锋志愿服务。\n"
    "2、五一和国庆期间分别举办青年联谊活动。\n三、保障措施\n落实经费。\n",
]


def expected(text: str, year: int | None):
    """Kinds of the top-level sections and (text, precision, start, end) of the dates, from the parse."""
    doc = planparse.parse(text, year=year)
    kinds = [s.kind for p in doc.plans for s in p.sections]
    dates = {(m.when.precision, m.when.start and m.when.start.isoformat(),
              m.when.end and m.when.end.isoformat()) for m in doc.marks if isinstance(m.when, When)}
    return kinds, dates


def spans_of(doc):
    kinds = [s.label_ for s in doc.spans["plan_sections"]]
    dates = {(s.label_, s._.start, s._.end) for s in doc.spans["plan_dates"]}
    return kinds, dates


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("plan_parser", config={"year": 2024})
    return nlp


def test_add_pipe_by_name_uses_jieba_by_default(nlp):
    assert nlp.pipe_names == ["plan_parser"]
    assert nlp.tokenizer.segmenter == "jieba"
    assert "工会工作" in [t.text for t in nlp("工会工作计划")]


def test_char_segmenter_gives_one_token_per_character():
    nlp = spacy.blank("zh")
    nlp.add_pipe("plan_parser", config={"segmenter": "char"})
    assert [t.text for t in nlp("工会工作")] == ["工", "会", "工", "作"]


def test_unknown_segmenter_is_refused_by_spacy_config_validation():
    from thinc.api import ConfigValidationError

    with pytest.raises(ConfigValidationError, match="segmenter"):
        spacy.blank("zh").add_pipe("plan_parser", config={"segmenter": "pkuseg"})


def test_pipe_over_texts_maps_the_parse_onto_spans(nlp):
    docs = list(nlp.pipe(TEXTS, batch_size=2))
    assert len(docs) == 3
    for text, doc in zip(TEXTS, docs):
        kinds, dates = expected(text, 2024)
        assert spans_of(doc) == (kinds, dates)
        assert kinds and dates
        assert doc._.plan == planparse.parse(text, year=2024).to_dict()


def test_section_spans_cover_their_source_lines(nlp):
    doc = nlp(SAMPLE)
    parsed = planparse.parse(SAMPLE, year=2024)
    lines = SAMPLE.split("\n")
    for span, section in zip(doc.spans["plan_sections"], parsed.plans[0].sections):
        assert span.text == "\n".join(lines[section.first - 1:section.last]).strip()
    assert doc.spans["plan_sections"][1].text.startswith("一、指导思想")


def test_crlf_text_keeps_spans_on_their_characters(nlp):
    doc = nlp(UNDATED.replace("\n", "\r\n"))
    assert doc.spans["plan_sections"][1].text.startswith("二、主要工作")
    assert [s.text for s in doc.spans["plan_dates"]] == ["5月中旬", "国庆节期间"]


def test_config_year_changes_the_dates():
    by_year = {}
    for year in (None, 2023, 2025):
        nlp = spacy.blank("zh")
        nlp.add_pipe("plan_parser", config={"year": year, "segmenter": "char"})
        doc = nlp(UNDATED)
        by_year[year] = [(s._.start, s._.end) for s in doc.spans["plan_dates"]]
        assert spans_of(doc)[1] == expected(UNDATED, year)[1]
    assert by_year[None] == [(None, None), (None, None)]
    assert by_year[2023][0] == ("2023-05-11", "2023-05-20")
    assert by_year[2025][1] == ("2025-10-01", "2025-10-01")


def test_docbin_round_trip_keeps_spans_and_plan(nlp):
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("zh").vocab))
    for doc, again in zip(docs, back):
        assert spans_of(again) == spans_of(doc)
        assert [(s.start_char, s.end_char) for s in again.spans["plan_sections"]] == \
            [(s.start_char, s.end_char) for s in doc.spans["plan_sections"]]
        assert again._.plan == doc._.plan


def test_saved_pipeline_loads_with_its_year_and_segmenter(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("plan_parser", config={"year": 2023})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.tokenizer.segmenter == "jieba"
    assert "工会工作" in [t.text for t in loaded("工会工作计划")]
    assert spans_of(loaded(UNDATED)) == spans_of(nlp(UNDATED))


def test_multiprocess_pipe_keeps_the_extensions(nlp):
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [spans_of(d) for d in docs] == [expected(t, 2024) for t in TEXTS]
    assert [d._.plan for d in docs] == [planparse.parse(t, year=2024).to_dict() for t in TEXTS]


def test_seed_compilation_through_spacy(nlp, seed_path):
    text = seed_path.read_text("utf-8")
    doc = nlp(text)
    assert spans_of(doc) == expected(text, 2024)
    assert len(doc._.plan["plans"]) == len(planparse.parse(text, year=2024).plans)


def test_entry_point_registers_the_factory_without_import():
    eps = [ep for ep in metadata.entry_points(group="spacy_factories") if ep.name == "plan_parser"]
    if not eps:
        pytest.skip("spacy_factories entry point plan_parser is not installed yet: add "
                    '[project.entry-points.spacy_factories] plan_parser = '
                    '"planparse.spacy_component:make_plan_parser" to pyproject.toml and reinstall')
    assert eps[0].value == "planparse.spacy_component:make_plan_parser"
    script = ("import spacy\n"
              "nlp = spacy.blank('zh')\n"
              "nlp.add_pipe('plan_parser', config={'year': 2024})\n"
              "doc = nlp('二、主要工作\\n1、5月中旬举办职工运动会。')\n"
              "print(doc.spans['plan_dates'][0]._.start)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "2024-05-11"
