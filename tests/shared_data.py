"""Where the real articles and gold annotations in ../shared live; tests on them skip when absent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.yaml"


def require_seeds() -> None:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"the shared seed corpus is not at {SHARED}")


def load_gold() -> dict:
    require_seeds()
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def gold_entries(section: str) -> list:
    """Entries of a gold section for parametrising (empty when the shared data is absent)."""
    if not GOLD.is_file():
        return []
    return yaml.safe_load(GOLD.read_text(encoding="utf-8")).get(section, [])


DEVSET = SHARED / "devset"


def require_devset() -> None:
    if not (DEVSET / "corpus.jsonl").is_file() or not (DEVSET / "score.py").is_file():
        pytest.skip(f"the labelled dev set is not at {DEVSET}")
