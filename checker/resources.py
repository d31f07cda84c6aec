"""Locate and load the YAML data shipped in ``rules/`` (lexicons, rule packs, furniture lists)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


def rules_dir() -> Path:
    """The directory holding the shipped rule packs and lexicons.

    In a wheel, ``rules/`` is packaged as ``checker/rules``; in a source checkout
    (or an editable install) it sits beside the ``checker`` package.
    """
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@cache
def load_rules_yaml(relative_path: str) -> Any:
    """Load ``rules/<relative_path>`` with the safe YAML loader (cached)."""
    with (rules_dir() / relative_path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)

