"""The generated data tables are what their generators make today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install '.[test]' brings it)")


def test_festival_dates_table_is_regenerated_exactly():
    _need("lunardate")
    _need("ephem")
    import make_festivals

    assert make_festivals.generated_table() == make_festivals.TARGET.read_text("utf-8")


def test_lunar_month_table_is_regenerated_exactly():
    _need("lunardate")
    import make_festivals

    assert make_festivals.generated_lunar_table() == make_festivals.LUNAR_TARGET.read_text("utf-8")


def test_solar_terms_on_known_days():
    _need("ephem")
    import make_festivals

    assert [make_festivals.solar_term(2024, deg).isoformat() for deg in (270, 75, 285)] == [
        "2024-12-21", "2024-06-05", "2024-01-06"]


def test_qingming_formula_on_known_years():
    import make_festivals

    assert [make_festivals.qingming(y).day for y in (2022, 2023, 2024, 2025, 2026)] == [5, 5, 4, 4, 5]


def test_traditional_to_simplified_table_is_regenerated_exactly():
    _need("opencc")
    import make_t2s

    assert make_t2s.generated_table() == make_t2s.TARGET.read_text("utf-8")
