"""The example reports in reports/ are what the checker makes of claims/corpus today: regenerate and compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name, args", [
    ("example.json", ["report", "claims/corpus", "--format", "json", "--exit-zero"]),
    ("example.txt", ["report", "claims/corpus", "--exit-zero"]),
    ("example-sources.csv", ["sources", "claims/corpus", "--format", "csv"]),
])
def test_reports_example_reports_have_not_drifted(name: str, args: list[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # paths in the reports are relative to the repository, as `make reports` runs
    fresh = tmp_path / name
    result = CliRunner().invoke(app, [*args, "--output", str(fresh)])
    assert result.exit_code == 0, result.output
    assert fresh.read_text(encoding="utf-8") == (REPO / "reports" / name).read_text(encoding="utf-8"), (
        f"reports/{name} drifted from what the checker makes of claims/corpus; run `make reports` if the change "
        "is deliberate")
