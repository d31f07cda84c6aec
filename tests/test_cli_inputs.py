"""--input-root and --follow-symlinks on every command that reads articles: off by default, on when given."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

STORY = ("---\ntitle: Fire at the depot\npublished: 2024-06-04\noutlet: Harbor Post\n---\n\n"
         "Fire crews said 12 people were hurt at the bus depot on Monday, June 3, 2024.\n")


def command_line(command: str, inputs: Path, tmp_path: Path) -> list[str]:
    """``command`` reading ``inputs``, with what else it needs to run."""
    if command == "check":
        draft = tmp_path / "draft.md"
        draft.write_text(STORY.replace("12 people", "14 people"), encoding="utf-8")
        return ["check", str(draft), "--against", str(inputs), "--exit-zero"]
    if command == "scan":
        return ["scan", str(inputs), "--ledger", str(tmp_path / "ledger.duckdb")]
    return [command, str(inputs), *(["--exit-zero"] if command == "report" else [])]


COMMANDS = ["report", "claims", "sources", "scan", "check"]
SKIPPED_BY_SCAN = "0 articles added, 0 replaced, 0 unchanged, 1 inputs skipped"  # scan counts what it skips


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def linked_out(tmp_path: Path) -> Path:
    """A folder whose only article is a symbolic link to a file outside it."""
    outside = tmp_path / "elsewhere" / "story.md"
    outside.parent.mkdir()
    outside.write_text(STORY, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.md").symlink_to(outside)
    return folder


@pytest.fixture
def manifest_reaching_out(tmp_path: Path) -> Path:
    """A manifest whose row names a file in the folder above the manifest's own."""
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    manifest = tmp_path / "desk" / "manifest.jsonl"
    manifest.parent.mkdir()
    manifest.write_text('{"id": "depot-fire", "path": "../story.md"}\n', encoding="utf-8")
    return manifest


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_symlink_out_of_the_folder_skipped_without_follow_symlinks(
        command: str, linked_out: Path, tmp_path: Path) -> None:
    for flag in ([], ["--no-follow-symlinks"]):
        result = invoke(*command_line(command, linked_out, tmp_path), *flag)
        assert result.exit_code == 2, result.output
        assert (SKIPPED_BY_SCAN if command == "scan" else "symbolic link to a path outside the folder given") \
            in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_follow_symlinks_reads_the_linked_article(command: str, linked_out: Path, tmp_path: Path) -> None:
    result = invoke(*command_line(command, linked_out, tmp_path), "--follow-symlinks")
    assert result.exit_code == 0, result.output
    if command == "scan":
        assert "1 articles added" in result.stderr
    elif command != "check":
        assert "Harbor Post" in result.stdout or "Fire crews" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_manifest_row_outside_its_folder_skipped_without_input_root(
        command: str, manifest_reaching_out: Path, tmp_path: Path) -> None:
    result = invoke(*command_line(command, manifest_reaching_out, tmp_path))
    assert result.exit_code == 2, result.output
    assert (SKIPPED_BY_SCAN if command == "scan" else "is outside the manifest's folder; set input-root") \
        in " ".join(result.stderr.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_input_root_lets_manifest_rows_read_from_it(
        command: str, manifest_reaching_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a relative --input-root is read from the working folder
    result = invoke(*command_line(command, manifest_reaching_out, tmp_path), "--input-root", ".")
    assert result.exit_code == 0, result.output
    if command == "scan":
        assert "1 articles added" in result.stderr
    elif command != "check":
        assert "Harbor Post" in result.stdout or "Fire crews" in result.stdout


def test_cli_input_root_narrower_than_the_manifest_folder_names_the_root(
        manifest_reaching_out: Path, tmp_path: Path) -> None:
    (tmp_path / "desk" / "sub").mkdir()
    result = invoke("report", str(manifest_reaching_out), "--input-root", str(tmp_path / "desk" / "sub"))
    assert result.exit_code == 2
    assert "is outside input-root" in " ".join(result.stderr.split())
