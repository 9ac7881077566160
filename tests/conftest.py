"""Shared fixtures: the seed document (read from ../shared/seeds/) and its parse."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "union-plans-compilation.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        message = f"seed document not found at {SEED} (the shared/ folder must sit beside the clone)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SEED


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    import planparse

    return planparse.parse_file(seed_path, year=2024).to_dict()


@pytest.fixture(scope="session")
def seed_golden():
    return yaml.safe_load((GOLDEN / "seed.yaml").read_text("utf-8"))
