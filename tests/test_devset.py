"""The labelled dev set (../shared/devset): the fact-checker's scorer on a report, as a user runs it.

The floors sit a little under what the checker reaches today (recall 0.88, no look-alike
flagged, 118 of 129 numeric sides), so a change that loses real contradictions or starts
flagging look-alikes fails here. Skips when ../shared/devset is absent.

The scorer counts a pair as flagged when one finding holds both its claims. A dispute's finding holds every
position in conflict, some of which agree with each other (8 against "about 10" and "at least 10"), so the
look-alike ceiling is checked on the pairs a dispute asserts: the positions it says contradict each other
(``conflicts_with``), one finding per such pair, as the scorer reads findings.
"""

from __future__ import annotations

import json
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
    asserted = tmp_path / "asserted.json"
    asserted.write_text(json.dumps(asserted_pairs(json.loads(report.read_text()))))
    scored = subprocess.run([sys.executable, str(DEVSET / "score.py"), str(asserted)], capture_output=True,
                            text=True, check=True).stdout
    last = scored.strip().splitlines()[-1]
    recall = float(re.search(r"recall=([\d.]+)", last).group(1))  # type: ignore[union-attr]
    false_items = float(re.search(r"false_items=([\d.]+)", last).group(1))  # type: ignore[union-attr]
    found, total = map(int, re.search(r"numeric sides extracted: (\d+)/(\d+)", scored).groups())  # type: ignore[union-attr]
    assert recall >= RECALL_FLOOR, scored
    assert false_items <= FALSE_CEILING, scored
    assert found / total >= SIDES_FLOOR, scored
    assert "must_not_any hit: 0" in scored, scored  # no claim the fact-checker ruled out takes part in a finding


def asserted_pairs(report: dict) -> dict:
    """The report with each dispute's finding replaced by one finding per pair of positions it says contradict
    each other (other findings as they are)."""
    disputes = {d["dispute_id"]: d for d in report["disputes"]}
    findings = []
    for finding in report["findings"]:
        dispute = disputes.get(finding.get("dispute_id"))
        if finding["code"] != "CC101" or dispute is None:
            findings.append(finding)
            continue
        positions = dispute["positions"]
        for index, position in enumerate(positions):
            for other in position["conflicts_with"]:
                if other > index:
                    findings.append({**finding, "claim_ids": position["claim_ids"] + positions[other]["claim_ids"]})
    return {**report, "findings": findings}


def test_devset_every_figure_conflict_names_its_dispute(tmp_path: Path) -> None:
    """Each CC101 and IC101 finding names a dispute of the report, and each dispute lists every position with who
    stated it and when; a dispute is reported once by CC101."""
    require_devset()
    report = tmp_path / "report.json"
    CliRunner().invoke(app, ["report", str(DEVSET / "corpus.jsonl"), "--format", "json", "--output", str(report),
                             "--exit-zero"])
    data = json.loads(report.read_text())
    ids = {d["dispute_id"] for d in data["disputes"]}
    conflicts = [f for f in data["findings"] if f["code"] in ("CC101", "IC101")]
    assert conflicts and all(f["dispute_id"] in ids for f in conflicts)
    cc101 = [f["dispute_id"] for f in data["findings"] if f["code"] == "CC101"]
    assert len(cc101) == len(set(cc101))
    for dispute in data["disputes"]:
        assert len(dispute["positions"]) >= 2
        assert all(p["speakers"] and p["claim_ids"] and "first_stated" in p for p in dispute["positions"])
