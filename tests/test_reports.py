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
    ("example.md", ["report", "claims/corpus", "--format", "markdown", "--exit-zero"]),
    ("example.html", ["report", "claims/corpus", "--format", "html", "--exit-zero"]),
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


def test_reports_markdown_escapes_article_text_and_marks_the_figure(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, outlet, figure in (("a", "Harbor Ledger", "eight"), ("b", "Valley Courier", "21")):
        (corpus / f"{name}.md").write_text(
            f"---\noutlet: {outlet}\npublished: 2020-12-21\n---\n\nThe *army* said {figure} rockets were fired at "
            f"the Green Zone on Sunday, December 20, 2020 | <b>[link](javascript:alert(1))</b>.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(corpus), "--format", "markdown", "--exit-zero"])
    text = result.stdout
    assert "**CC101**" in text and "**eight**" in text and "**21**" in text
    assert "\\*army\\*" in text and "\\<b\\>" in text and "\\[link\\]" in text and "<b>" not in text


def test_reports_sarif_and_github_for_a_corpus() -> None:
    import json

    sarif = json.loads(CliRunner().invoke(app, ["report", str(REPO / "claims" / "corpus"), "--format", "sarif",
                                                "--exit-zero"]).stdout)
    results = sarif["runs"][0]["results"]
    conflict = next(r for r in results if r["ruleId"] == "CC101")
    assert len(conflict["locations"]) == 1 and len(conflict["relatedLocations"]) >= 1 and conflict["level"] == "error"
    github = CliRunner().invoke(app, ["report", str(REPO / "claims" / "corpus"), "--format", "github", "--exit-zero"])
    assert any(line.startswith("::error file=") and "CC101" in line for line in github.stdout.splitlines())
