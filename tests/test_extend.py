"""A user extends what the checker knows from the command line: a landmark and an event type in their own
folder (``lexicon-paths``), as the README shows, and claims about a stadium crush and a heatwave meet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.lang.loader import DataFileError
from checker.taxonomy import Taxonomy

ARTICLES = [
    {"id": "a1", "outlet": "Northern Ledger", "published": "2024-04-07",
     "text": "Police said 14 people were injured in the crush at Riverside Stadium on Saturday."},
    {"id": "a2", "outlet": "City Post", "published": "2024-04-07",
     "text": "The ambulance service said 31 people were injured in the crush at the Riverside ground on Saturday."},
    {"id": "a3", "outlet": "City Post", "published": "2024-07-20",
     "text": "The heatwave has killed 12 people in Seville since Monday, the regional government said."},
    {"id": "a4", "outlet": "Northern Ledger", "published": "2024-07-20",
     "text": "Local hospitals said 19 people had died in the heat wave in Seville this week."},
]


def _desk(tmp_path: Path, with_lexicon: bool) -> Path:
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    if with_lexicon:
        (tmp_path / "lexicon" / "gazetteer").mkdir(parents=True)
        (tmp_path / "lexicon" / "taxonomy").mkdir()
        (tmp_path / "lexicon" / "en").mkdir()
        (tmp_path / "lexicon" / "gazetteer" / "places.yaml").write_text(
            "places:\n  - name: Riverside Stadium\n    level: 1\n    within: Manchester, United Kingdom\n"
            "    aliases: [Riverside ground]\n", encoding="utf-8")
        (tmp_path / "lexicon" / "taxonomy" / "events.yaml").write_text(
            "types:\n  heatwave: {compatible: [fire]}\n", encoding="utf-8")
        (tmp_path / "lexicon" / "en" / "events.yaml").write_text(
            "event_types:\n  heatwave: [heatwave, heatwaves, heat wave, heat waves]\n", encoding="utf-8")
        (tmp_path / "checker.toml").write_text('lexicon-paths = ["lexicon"]\n', encoding="utf-8")
    return corpus


def _report(tmp_path: Path, corpus: Path) -> dict:
    result = CliRunner().invoke(app, ["report", str(corpus), "--format", "json", "--exit-zero",
                                      "--config", str(tmp_path / "checker.toml")]
                                if (tmp_path / "checker.toml").exists()
                                else ["report", str(corpus), "--format", "json", "--exit-zero"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_extend_a_landmark_and_an_event_type_make_claims_meet(tmp_path: Path) -> None:
    report = _report(tmp_path, _desk(tmp_path, with_lexicon=True))
    messages = [f["message"] for f in report["findings"] if f["code"] == "CC101"]
    assert any("Riverside Stadium" in m and "14 (police)" in m and "31 (ambulance service)" in m for m in messages)
    assert any("12 (regional government)" in m and "19 (Local hospitals)" in m for m in messages)
    events = {e["event_type"] for e in report["events"]}
    assert "heatwave" in events


def test_extend_without_the_users_folder_the_stadium_is_unknown(tmp_path: Path) -> None:
    report = _report(tmp_path, _desk(tmp_path, with_lexicon=False))
    assert not any(e["place"] == "Riverside Stadium" for e in report["events"])
    assert "heatwave" not in {e["event_type"] for e in report["events"]}


def test_extend_a_dimension_that_is_no_state_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """A user's taxonomy that lists a size state the taxonomy does not have is refused, with its file named."""
    (tmp_path / "taxonomy").mkdir()
    (tmp_path / "taxonomy" / "sizes.yaml").write_text("dimensions: [wide]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="'wide', which is not a state") as raised:
        Taxonomy.load([tmp_path])
    assert "sizes.yaml" in str(raised.value)
