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


def test_seed_top_level_headings_all_found(seed_doc, seed_golden):
    for g, w in zip(seed_doc["plans"], seed_golden["plans"]):
        assert [s["heading"] for s in g["sections"] if s["heading"]] == [
            s["heading"] for s in w["sections"] if s["heading"]]


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


def test_seed_activities_match_the_golden_file(seed_doc, seed_golden):
    from collections import Counter

    from golden_compare import activity_key

    diffs = []
    for i, (g, w) in enumerate(zip(seed_doc["plans"], seed_golden["plans"]), 1):
        got, want = Counter(map(activity_key, g["activities"])), Counter(map(activity_key, w["activities"]))
        diffs += [f"plan {i}: missing {k}" for k in want - got] + [f"plan {i}: unexpected {k}" for k in got - want]
    assert not diffs, "\n".join(diffs)


def test_seed_recurrences_match_the_golden_file(seed_doc, seed_golden):
    from golden_compare import recurring_key

    got = [sorted(map(recurring_key, p["recurring"])) for p in seed_doc["plans"]]
    want = [sorted(map(recurring_key, p["recurring"])) for p in seed_golden["plans"]]
    assert got == want


def test_seed_school_schedule_rolls_into_the_next_year(seed_doc):
    plan = seed_doc["plans"][8]
    january = [a for a in plan["activities"] if a["when"]["text"] == "一月份"]
    assert january and all(a["when"]["start"] == "2025-01-01" for a in january)
