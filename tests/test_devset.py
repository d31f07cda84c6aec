"""The labelled dev set (../shared/devset): the fact-checker's scorer on a report, as a user runs it.

The floors sit a little under what the checker reaches today (recall 0.88, no look-alike
flagged, 118 of 129 numeric sides), so a change that loses real contradictions or starts
flagging look-alikes fails here. Skips when ../shared/devset is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from tests.shared_data import DEVSET, require_devset

RECALL_FLOOR = 0.80  # of the must-find contradictions
FALSE_CEILING = 0.05  # of the labelled look-alikes reported as contradictions
SIDES_FLOOR = 0.88  # of the numeric sides extracted with the right value


def test_devset_scorer_floor(tmp_path: Path) -> None:
    require_devset()
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["report", str(DEVSET / "corpus.jsonl"), "--format", "json",
                                      "--output", str(report), "--exit-zero"])
    assert result.exit_code == 0, result.output
    scored = subprocess.run([sys.executable, str(DEVSET / "score.py"), str(report)], capture_output=True, text=True,
                            check=True).stdout
    last = scored.strip().splitlines()[-1]
    recall = float(re.search(r"recall=([\d.]+)", last).group(1))  # type: ignore[union-attr]
    false_items = float(re.search(r"false_items=([\d.]+)", last).group(1))  # type: ignore[union-attr]
    found, total = map(int, re.search(r"numeric sides extracted: (\d+)/(\d+)", scored).groups())  # type: ignore[union-attr]
    assert recall >= RECALL_FLOOR, scored
    assert false_items <= FALSE_CEILING, scored
    assert found / total >= SIDES_FLOOR, scored
    assert "must_not_any hit: 0" in scored, scored  # no claim the fact-checker ruled out takes part in a finding
