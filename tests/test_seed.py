"""The seed compilation parses into the plans, sections and boilerplate of its golden file."""

from __future__ import annotations

from golden_compare import compare_sections


def test_seed_has_the_twelve_plans(seed_doc, seed_golden):
    got = [(p["title"], p["type"], p["lines"]) for p in seed_doc["plans"]]
    want = [(p["title"], p["type"], p["lines"]) for p in seed_golden["plans"]]
    assert got == want


def test_seed_sections_match_the_golden_file(seed_doc, seed_golden):
    diffs = []
    for i, (g, w) in enumerate(zip(seed_doc["plans"], seed_golden["plans"]), 1):
        diffs += compare_sections(g["sections"], w["sections"], f"plan {i}")
    assert not diffs, "\n".join(diffs)


def test_seed_boilerplate_is_removed(seed_doc, seed_golden):
    got = [(b["line"], b["text"]) for b in seed_doc["boilerplate"]]
    want = [(b["line"], b["text"]) for b in seed_golden["boilerplate"]]
    assert got == want


def test_no_plan_text_contains_boilerplate(seed_doc):
    def texts(sections):
        for s in sections:
            yield s["text"]
            yield from texts(s["sections"])

    for plan in seed_doc["plans"]:
        for text in texts(plan["sections"]):
            assert "小编" not in text and "欢迎阅读" not in text
