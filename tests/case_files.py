"""Shared test helpers: YAML case files (tests/cases/*.yaml) as pytest parameters, and reading one input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict]:
    """The cases of ``tests/cases/<name>.yaml``: a non-empty list."""
    path = CASES_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    assert isinstance(cases, list) and cases, f"{path} holds no cases"
    return cases


def case_param(case: dict, case_id: str | None = None):
    """A pytest parameter for a case; a case with ``xfail: <reason>`` runs as a strict xfail."""
    marks = []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(strict=True, reason=" ".join(str(case["xfail"]).split())))
    return pytest.param(case, id=case_id or case["id"], marks=marks)


def read_one(path: Path):
    """Read one input that must give exactly one article and skip nothing; return the article."""
    from checker.ingest import read_inputs

    result = read_inputs([path])
    assert result.skipped == []
    assert len(result.articles) == 1
    return result.articles[0]
