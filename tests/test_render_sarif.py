"""SARIF as GitHub code scanning takes it: valid against the official 2.1.0 schema, repository-relative URIs,
one location per result, manifest rows located in their manifest, real rule pages, no machine paths."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"
SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
MISQUOTE = ("---\npublished: 2020-12-22\n---\n\nU.S. Central Command said eight rockets were fired at the Green Zone "
            "on Sunday, December 20, 2020.\n")


@cache
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def sarif_of(*args: str) -> dict:
    result = CliRunner().invoke(app, [*args, "--format", "sarif", "--exit-zero"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    errors = sorted(validator().iter_errors(document), key=str)
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])
    return document


def artifact_uris(document: dict) -> list[str]:
    run = document["runs"][0]
    locations = [loc for r in run["results"] for loc in r.get("locations", []) + r.get("relatedLocations", [])]
    return [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in locations]


@pytest.fixture
def in_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository (a folder with .git) holding a copy of the example corpus; the run starts in it."""
    repository = tmp_path / "newsroom"
    (repository / ".git").mkdir(parents=True)
    shutil.copytree(EXAMPLES, repository / "archive")
    monkeypatch.chdir(repository / "archive")  # anywhere inside the repository
    return repository


def test_render_sarif_report_is_valid_with_uris_relative_to_the_repository(in_a_repository: Path) -> None:
    document = sarif_of("report", str(in_a_repository / "archive"))  # an absolute path on the command line
    run = document["runs"][0]
    uris = artifact_uris(document)
    assert uris and all(not urlparse(uri).scheme and not uri.startswith("/") for uri in uris)
    assert all(uri.startswith("archive/") for uri in uris), uris
    assert all(loc["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
               for r in run["results"] for loc in r["locations"])
    assert "%SRCROOT%" in run["originalUriBaseIds"] and "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]
    assert str(in_a_repository) not in json.dumps(document)


def test_render_sarif_one_location_the_rest_related(in_a_repository: Path) -> None:
    run = sarif_of("report", "..")["runs"][0]
    conflict = next(r for r in run["results"] if r["ruleId"] == "CC101")
    [where] = conflict["locations"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "archive/a_kestrel_valley_herald_2020-12-20.md"
    assert where["physicalLocation"]["region"]["startLine"] == 16
    other, *copies = conflict["relatedLocations"]  # then the other copies of both figures
    assert len(copies) == 3
    assert other["id"] == 1 and other["message"]["text"] == "U.S. Central Command: 21"
    assert other["physicalLocation"]["artifactLocation"]["uri"] == "archive/b_ashgrove_tribune_2020-12-24.md"
    assert all(len(r["locations"]) == 1 for r in run["results"])


def test_render_sarif_manifest_row_is_located_at_its_line_of_the_manifest(in_a_repository: Path) -> None:
    run = sarif_of("report", ".")["runs"][0]
    from_wire = [r["locations"][0]["physicalLocation"] for r in run["results"]
                 if "wire" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    assert from_wire
    for location in from_wire:
        assert location["artifactLocation"]["uri"] == "archive/wire.jsonl"  # the file, not "wire.jsonl:2"
        assert location["region"] == {"startLine": location["region"]["startLine"]}
        assert location["region"]["startLine"] in (1, 2)
    assert ":" not in "".join(artifact_uris({"runs": [run]}))


def test_render_sarif_rules_link_to_their_pages_in_the_repository(in_a_repository: Path) -> None:
    from checker.render.rule_docs import shipped_pages

    driver = sarif_of("report", ".")["runs"][0]["tool"]["driver"]
    pages = shipped_pages()
    assert driver["rules"]
    for rule in driver["rules"]:
        uri = rule["helpUri"]
        assert urlparse(uri).scheme == "https" and "example.org" not in uri
        assert uri.endswith(f"/blob/main/docs/rules/{rule['id']}.md")
        page = REPO / "docs" / "rules" / f"{rule['id']}.md"
        assert page.is_file() and page.read_text(encoding="utf-8") == pages[page.name]
        assert rule["help"]["markdown"] == pages[page.name]
        assert "Defined in /" not in rule["help"]["text"] and str(REPO) not in json.dumps(rule)


def test_render_sarif_rule_pages_have_not_drifted() -> None:
    """docs/rules/ is what the rule packs say (regenerate with `make reports`)."""
    from checker.render.rule_docs import shipped_pages

    pages = shipped_pages()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in (REPO / "docs" / "rules").glob("*.md")}
    assert on_disk == pages


def test_render_sarif_of_check_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text(MISQUOTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = sarif_of("check", "drafts/story.md", "--against", str(EXAMPLES))["runs"][0]
    misquote = next(r for r in run["results"] if r["ruleId"] == "CC202")
    assert misquote["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/story.md"
    assert misquote["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert all(not uri.startswith("/") for uri in artifact_uris({"runs": [run]}))


def test_render_sarif_one_result_per_dispute_naming_it(in_a_repository: Path) -> None:
    """A dispute is one result: its first position the location, every other position's quotes related, and its
    stable id in the result's properties (the same id the JSON report gives the dispute)."""
    run = sarif_of("report", "..")["runs"][0]
    conflicts = [r for r in run["results"] if r["ruleId"] == "CC101"]
    assert len(conflicts) == 1
    (dispute,) = json.loads(CliRunner().invoke(app, ["report", "..", "--format", "json", "--exit-zero"])
                            .stdout)["disputes"]
    assert conflicts[0]["properties"]["disputeId"] == dispute["dispute_id"]
    related = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in conflicts[0]["relatedLocations"]}
    located = {conflicts[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]}
    positions_files = {Path(aid).name for p in dispute["positions"] for aid in p["article_ids"]}
    assert len(related | located) >= 2 and len(positions_files) >= 2
