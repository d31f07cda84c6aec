"""The command line: output formats, output files, exit codes and error messages, in-process and as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

REPORT_KEYS = {"checker_version", "summary", "articles", "skipped", "claims", "events", "findings", "sources"}


@pytest.fixture(autouse=True)
def _outside_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty directory, so no checker.toml or pyproject.toml of the checkout is picked up."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)


@pytest.fixture
def clean_corpus(ingest_fixtures: Path) -> list[str]:
    """Readable articles of every kind, with no bad input among them."""
    return [str(ingest_fixtures / kind) for kind in ("text", "markdown", "html")]


@pytest.fixture
def bad_files(tmp_path: Path) -> list[str]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 not text")
    return [str(empty), str(binary)]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def squash(text: str) -> str:
    """``text`` without whitespace: rich wraps messages and tables to the console width."""
    return "".join(text.split())


def assert_no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr


# --- report -------------------------------------------------------------------------------------


def test_cli_report_json_has_documented_keys(clean_corpus: list[str]) -> None:
    result = invoke("report", *clean_corpus, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == REPORT_KEYS
    assert document["summary"]["articles"] == len(document["articles"]) == 5
    assert document["skipped"] == []


def test_cli_report_json_articles_carry_ingested_metadata(ingest_fixtures: Path) -> None:
    result = invoke("report", str(ingest_fixtures / "markdown" / "lowford_bridge.md"), "-f", "json")
    [article] = json.loads(result.stdout)["articles"]
    assert article["article_id"] == "lowford-bridge-2023"
    assert article["title"] == "Lowford bridge reopens after flood repairs"
    assert article["outlet"] == "Valley Courier"
    assert article["published"] == "2023-11-14"
    assert article["line_offset"] == 8


def test_cli_report_exit_0_on_clean_corpus(clean_corpus: list[str]) -> None:
    result = invoke("report", *clean_corpus)
    assert result.exit_code == 0, result.stderr
    assert "5 articles read, 0 skipped" in result.stdout


def test_cli_report_output_file_written_as_json(clean_corpus: list[str], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke("report", *clean_corpus, "--format", "json", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert set(json.loads(target.read_text(encoding="utf-8"))) == REPORT_KEYS


def test_cli_report_output_file_written_as_text(clean_corpus: list[str], tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = invoke("report", *clean_corpus, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Harbour board votes to close Eastmere ferry pier" in text
    assert "\x1b[" not in text  # no colour codes in a file


def test_cli_report_unwritable_json_output_exits_2(clean_corpus: list[str], tmp_path: Path) -> None:
    result = invoke("report", *clean_corpus, "-f", "json", "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert_no_traceback(result)


def test_cli_report_unwritable_terminal_output_exits_2(clean_corpus: list[str], tmp_path: Path) -> None:
    result = invoke("report", *clean_corpus, "-o", str(tmp_path / "no" / "such" / "dir.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert_no_traceback(result)


def test_cli_report_lists_skipped_inputs(clean_corpus: list[str], bad_files: list[str]) -> None:
    result = invoke("report", *clean_corpus, *bad_files, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["articles"] == 5
    assert document["summary"]["skipped"] == 2
    assert [(Path(s["path"]).name, s["reason"]) for s in document["skipped"]] == [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file (contains NUL bytes)"),
    ]


def test_cli_report_skipped_manifest_rows_name_their_line(ingest_fixtures: Path) -> None:
    result = invoke("report", str(ingest_fixtures / "manifests" / "articles.jsonl"), "-f", "json")
    document = json.loads(result.stdout)
    assert [s["line"] for s in document["skipped"]] == [3, 4]
    assert [a["article_id"] for a in document["articles"]] == ["bus-route", "pier-notice", "library-hours"]


def test_cli_report_exit_2_when_only_bad_files(bad_files: list[str]) -> None:
    result = invoke("report", *bad_files, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "nothing readable" in result.stderr
    assert squash("empty.txt: empty file") in squash(result.stderr)
    assert_no_traceback(result)


def test_cli_report_exit_2_on_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "no_such_corpus"
    result = invoke("report", str(missing))
    assert result.exit_code == 2
    assert squash(f"{missing}: no such file or directory") in squash(result.stderr)
    assert_no_traceback(result)


def test_cli_report_exit_2_on_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty_dir").mkdir()
    result = invoke("report", str(tmp_path / "empty_dir"))
    assert result.exit_code == 2
    assert "nothing readable" in result.stderr
    assert_no_traceback(result)


def test_cli_report_error_message_shows_path_with_brackets(tmp_path: Path) -> None:
    missing = tmp_path / "notes [draft] [/x].txt"
    result = invoke("report", str(missing))
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert squash("notes [draft] [/x].txt") in squash(result.stderr)


def test_cli_report_exit_2_on_bad_format_value(clean_corpus: list[str]) -> None:
    result = invoke("report", *clean_corpus, "--format", "nope")
    assert result.exit_code == 2
    assert "--format" in result.stderr
    assert "nope" in result.stderr
    assert_no_traceback(result)


def test_cli_report_exit_2_on_bad_max_file_bytes(clean_corpus: list[str]) -> None:
    result = invoke("report", *clean_corpus, "--max-file-bytes", "lots")
    assert result.exit_code == 2
    assert "--max-file-bytes" in result.stderr
    assert_no_traceback(result)


def test_cli_report_max_file_bytes_skips_large_files(ingest_fixtures: Path) -> None:
    small = ingest_fixtures / "manifests" / "articles" / "pier_notice.txt"
    large = ingest_fixtures / "text" / "harbour_pier.txt"
    limit = small.stat().st_size
    assert large.stat().st_size > limit
    result = invoke("report", str(small), str(large), "-f", "json", "--max-file-bytes", str(limit))
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [a["article_id"] for a in document["articles"]] == ["pier_notice"]
    [skipped] = document["skipped"]
    assert Path(skipped["path"]) == large
    assert "max_file_bytes" in skipped["reason"]


def test_cli_report_max_file_bytes_exit_2_when_everything_too_large(clean_corpus: list[str]) -> None:
    result = invoke("report", *clean_corpus, "--max-file-bytes", "10")
    assert result.exit_code == 2
    assert squash("over the limit of 10") in squash(result.stderr)
    assert_no_traceback(result)


# --- claims -------------------------------------------------------------------------------------


def test_cli_claims_jsonl_one_object_per_line(clean_corpus: list[str]) -> None:
    result = invoke("claims", *clean_corpus, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert result.stdout == "" or result.stdout.endswith("\n")


def test_cli_claims_csv_parses_with_header(clean_corpus: list[str]) -> None:
    result = invoke("claims", *clean_corpus, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    if result.stdout:
        assert rows == [] or "claim_id" in rows[0]
        header = next(csv.reader(io.StringIO(result.stdout)))
        assert "claim_id" in header


@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_cli_claims_formats_on_seeds(seeds_dir: Path, output_format: str) -> None:
    result = invoke("claims", str(seeds_dir), "--format", output_format)
    assert result.exit_code == 0, result.stderr
    if output_format == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        records = list(csv.DictReader(io.StringIO(result.stdout)))
    for record in records:
        assert record["claim_id"]


def test_cli_claims_jsonl_output_file_written(clean_corpus: list[str], tmp_path: Path) -> None:
    target = tmp_path / "claims.jsonl"
    result = invoke("claims", *clean_corpus, "--format", "jsonl", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.is_file()
    assert result.stdout == ""
    for line in target.read_text(encoding="utf-8").splitlines():
        json.loads(line)


def test_cli_claims_table_output_file_written(clean_corpus: list[str], tmp_path: Path) -> None:
    target = tmp_path / "claims.txt"
    result = invoke("claims", *clean_corpus, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.is_file()
    assert "Claims" in target.read_text(encoding="utf-8")


def test_cli_claims_exit_2_when_nothing_readable(bad_files: list[str]) -> None:
    result = invoke("claims", *bad_files, "--format", "csv")
    assert result.exit_code == 2
    assert "nothing readable" in result.stderr
    assert_no_traceback(result)


def test_cli_claims_exit_2_on_bad_format_value(clean_corpus: list[str]) -> None:
    result = invoke("claims", *clean_corpus, "--format", "xml")
    assert result.exit_code == 2
    assert_no_traceback(result)


# --- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("report", ["--format", "--output", "--fail-on", "--exit-zero", "--config", "--max-file-bytes"]),
        ("claims", ["--format", "--output", "--config", "--max-file-bytes"]),
        ("check", ["--against"]),
        ("rules", []),
    ],
)
def test_cli_help_of_every_command(command: str, options: list[str]) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.stdout
    assert command in result.stdout
    for option in options:
        assert option in result.stdout
    assert "--help" in result.stdout


def test_cli_help_lists_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("report", "claims", "check", "rules"):
        assert command in result.stdout


# --- a real process -----------------------------------------------------------------------------


def run_checker(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m checker`` with the test interpreter (the project's venv)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_cli_process_report_json(clean_corpus: list[str], tmp_path: Path) -> None:
    completed = run_checker("report", *clean_corpus, "--format", "json", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    document = json.loads(completed.stdout)
    assert set(document) == REPORT_KEYS
    assert document["summary"]["articles"] == 5


def test_cli_process_console_script_report_json(clean_corpus: list[str], tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "checker"
    if not script.is_file():
        pytest.skip(f"console script not installed next to {sys.executable}")
    target = tmp_path / "out.json"
    completed = subprocess.run(
        [str(script), "report", *clean_corpus, "--format", "json", "--output", str(target)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert set(json.loads(target.read_text(encoding="utf-8"))) == REPORT_KEYS


def test_cli_process_exit_2_on_nonexistent_path(tmp_path: Path) -> None:
    completed = run_checker("report", str(tmp_path / "missing"), cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "error:" in completed.stderr
    assert squash("no such file or directory") in squash(completed.stderr)
    assert "Traceback" not in completed.stderr


def test_cli_process_exit_2_when_only_bad_files(bad_files: list[str], tmp_path: Path) -> None:
    completed = run_checker("report", *bad_files, cwd=tmp_path)
    assert completed.returncode == 2
    assert "nothing readable" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_cli_process_exit_2_on_bad_format_value(clean_corpus: list[str], tmp_path: Path) -> None:
    completed = run_checker("report", *clean_corpus, "--format", "nope", cwd=tmp_path)
    assert completed.returncode == 2
    assert "nope" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_cli_claims_table_lists_every_kind_of_claim(tmp_path) -> None:
    """The default table shows count, responsibility and anonymous-source claims (the last two have no figure)."""
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "claims" / "corpus"
    out = tmp_path / "claims.txt"
    result = CliRunner().invoke(app, ["claims", str(examples), "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Claims (31)" in text and "rocket" in text and "wounded" in text  # all 31, no crash on the figureless
