"""The command line: output formats, output files, exit codes and error messages, in-process and as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

REPORT_KEYS = {"checker_version", "summary", "articles", "skipped", "claims", "events", "disputes", "findings",
               "sources"}


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


def test_cli_help_shows_each_command_description_whole() -> None:
    # click cut each description at 45 characters ("Read articles, find conflicting claims, score the sources,...")
    result = invoke("-h")
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1]
    assert "..." not in commands and "…" not in commands
    listed = squash(commands)
    for command in app.registered_commands:
        first_paragraph = (command.callback.__doc__ or "").strip().split("\n\n")[0]
        assert squash(first_paragraph) in listed, command.callback.__name__


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
    assert "Claims (34)" in text and "rocket" in text and "wounded" in text  # all 34, no crash on the figureless


# --- version, help, format names ------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"


def test_cli_version_and_short_help() -> None:
    from checker import __version__

    version = invoke("--version")
    assert version.exit_code == 0 and version.stdout == f"checker {__version__}\n"
    for args in (["-h"], ["report", "-h"], ["check", "-h"]):
        result = invoke(*args)
        assert result.exit_code == 0 and "Usage: " in result.stdout, args


@pytest.mark.parametrize(("command", "old", "args"), [
    ("report", "terminal", ["--exit-zero"]),
    ("sources", "terminal", []),
    ("claims", "table", []),
])
def test_cli_old_format_names_are_aliases_of_text(command: str, old: str, args: list[str], tmp_path: Path) -> None:
    outputs = []
    for name in ("text", old):
        target = tmp_path / f"{name}.txt"
        result = invoke(command, str(EXAMPLES), "--format", name, "--output", str(target), *args)
        assert result.exit_code == 0, result.stderr
        outputs.append(target.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].strip()


def test_cli_unknown_format_names_the_choices() -> None:
    result = invoke("check", "draft.md", "--against", str(EXAMPLES), "--format", "markdown")
    assert result.exit_code == 2
    assert "markdown" in result.stderr and squash("text, json, sarif, github") in squash(result.stderr)



@pytest.mark.parametrize(("command", "args"), [
    ("report", ["--exit-zero"]),
    ("sources", []),
    ("claims", []),
    ("check", ["--against", str(EXAMPLES), "--exit-zero"]),
])
def test_cli_output_format_is_ruffs_name_for_format(command: str, args: list[str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    target = [str(draft)] if command == "check" else [str(EXAMPLES)]
    machine = {"report": "json", "sources": "csv", "claims": "jsonl", "check": "github"}[command]
    given = invoke(command, *target, "--output-format", machine, *args)
    assert given.exit_code == 0, given.stderr
    assert given.stdout.strip() and given.stdout == invoke(command, *target, "--format", machine, *args).stdout


def test_cli_report_text_ends_with_one_summary_line_as_ruff_does(tmp_path: Path) -> None:
    text = invoke("report", str(EXAMPLES), "--exit-zero").stdout
    assert text.splitlines()[-1] == "Found 1 error, 1 warning, 5 infos in 7 articles."
    written = tmp_path / "report.txt"
    assert invoke("report", str(EXAMPLES), "--exit-zero", "--output", str(written)).stdout == ""
    assert written.read_text(encoding="utf-8").splitlines()[-1] == "Found 1 error, 1 warning, 5 infos in 7 articles."
    narrowed = invoke("report", str(EXAMPLES), "--exit-zero", "--min-severity", "warning").stdout
    assert narrowed.splitlines()[-1] == "Found 1 error, 1 warning in 7 articles."
    clean = invoke("report", str(EXAMPLES), "--select", "IC101")
    assert clean.exit_code == 0 and clean.stdout.splitlines()[-1] == "No findings in 7 articles."
    for machine in ("json", "sarif"):  # a machine format stays what its readers parse, on stdout and stderr alike
        result = invoke("report", str(EXAMPLES), "--exit-zero", "--format", machine)
        assert json.loads(result.stdout) and "Found" not in result.stderr
    github = invoke("report", str(EXAMPLES), "--exit-zero", "--format", "github").stdout
    assert all(line.startswith("::") for line in github.splitlines())


def test_cli_quiet_prints_only_the_findings_and_errors(tmp_path: Path) -> None:
    full = invoke("report", str(EXAMPLES), "--exit-zero").stdout
    for args in (["report", str(EXAMPLES), "--exit-zero", "-q"], ["-q", "report", str(EXAMPLES), "--exit-zero"],
                 ["report", str(EXAMPLES), "--exit-zero", "--quiet", "--jobs", "4096"]):
        quiet = invoke(*args)
        assert quiet.exit_code == 0 and quiet.stderr == "", (args, quiet.stderr)
        assert quiet.stdout == full.removesuffix("Found 1 error, 1 warning, 5 infos in 7 articles.\n"), args
    assert "capped at" in invoke("report", str(EXAMPLES), "--exit-zero", "--jobs", "4096").stderr
    ledger = tmp_path / "ledger.duckdb"
    assert "articles added" in invoke("scan", str(EXAMPLES), "--ledger", str(ledger), "--jobs", "1").stderr
    rescan = invoke("scan", str(EXAMPLES), "--ledger", str(ledger), "--jobs", "1", "-q")
    assert rescan.exit_code == 0 and rescan.stderr == "" and rescan.stdout == ""
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    misquote = invoke("check", str(draft), "--against", str(EXAMPLES), "-q")
    assert misquote.exit_code == 1 and "CC202" in misquote.stdout  # the findings stay
    bad = invoke("report", str(tmp_path / "missing"), "-q")
    assert bad.exit_code == 2 and "nothing readable" in bad.stderr  # and the errors


class _Terminal(io.StringIO):
    """Standard error as a terminal, where the progress bar is shown."""

    def isatty(self) -> bool:
        return True


def test_cli_progress_bar_counts_the_articles_of_a_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from checker import cli
    from checker.config import Settings

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    rows = [json.dumps({"id": f"row-{n}", "text": f"Officials said {n + 2} rockets hit the base."}) for n in range(12)]
    (inputs / "wire.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (inputs / "story.md").write_text("Officials said 3 rockets hit the base.\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(cli, "stderr", Console(file=terminal, width=100))  # made for this terminal, as it is on one
    monkeypatch.setattr(cli, "_quiet", False)
    result = cli.run_pipeline([inputs], Settings(jobs=1))
    assert len(result.articles) == 13
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert "13/13 articles" in shown and "2/2" not in shown  # was 2/2: one step a file


def test_cli_github_annotations_on_a_manifest_name_it_from_the_working_directory_and_the_rows_line(
        shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # was file=…/corpus.jsonl%3A23,line=9: a file that does not exist, and a line inside the row's text
    corpus = shared_dir / "devset" / "corpus.jsonl"
    if not corpus.is_file():
        pytest.skip(f"{corpus} not found")
    rows = len(corpus.read_text(encoding="utf-8").splitlines())
    monkeypatch.chdir(shared_dir)
    for given in ("devset/corpus.jsonl", str(corpus)):
        annotations = invoke("report", given, "--format", "github", "--exit-zero").stdout.splitlines()
        assert annotations
        for annotation in annotations:
            where = re.match(r"::(?:error|warning|notice) file=([^,]*),line=(\d+),col=1,", annotation)
            assert where and where[1] == "devset/corpus.jsonl" and 1 <= int(where[2]) <= rows, annotation

# --- check: stdin, several drafts, hostile file names ----------------------------------------------

MISQUOTE = ("---\npublished: 2020-12-22\n---\n\nU.S. Central Command said eight rockets were fired at the Green Zone "
            "on Sunday, December 20, 2020.\n")


def test_cli_check_reads_the_draft_from_stdin_with_a_name_for_messages() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--against", str(EXAMPLES), "--stdin-filename", "cms/story.md"],
                                input=MISQUOTE.encode("utf-8"))
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("cms/story.md:5:27: CC202 ")
    unnamed = CliRunner().invoke(app, ["check", "-", "--against", str(EXAMPLES)], input=MISQUOTE)
    assert unnamed.exit_code == 1 and unnamed.stdout.startswith("<stdin>:5:27: CC202 ")


def test_cli_check_binary_stdin_is_an_input_error() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--against", str(EXAMPLES)], input=b"\x89PNG\r\n\x1a\n\x00\x00IHDR")
    assert result.exit_code == 2 and "<stdin>: binary file" in result.stderr
    assert_no_traceback(result)


def test_cli_check_a_missing_and_a_binary_draft_are_reported_and_the_others_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(MISQUOTE, encoding="utf-8")
    binary = tmp_path / "picture.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    missing = tmp_path / "missing.md"
    result = invoke("check", str(missing), str(good), str(binary), "--against", str(EXAMPLES))
    assert result.exit_code == 2  # an input error, after the readable draft was checked
    assert f"{good}:5:27: CC202 " in result.stdout
    assert f"{missing}: no such draft" in result.stderr
    assert f"{binary}: binary file" in result.stderr
    assert_no_traceback(result)


def test_cli_check_select_and_ignore_choose_the_rules(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    everything = invoke("check", str(draft), "--against", str(EXAMPLES), "--format", "json")
    codes = {f["code"] for f in json.loads(everything.stdout)["findings"]}
    assert "CC202" in codes
    ignored = invoke("check", str(draft), "--against", str(EXAMPLES), "--format", "json", "--ignore", "CC202")
    assert "CC202" not in {f["code"] for f in json.loads(ignored.stdout)["findings"]}
    selected = invoke("check", str(draft), "--against", str(EXAMPLES), "--format", "json", "--select", "CC202")
    assert {f["code"] for f in json.loads(selected.stdout)["findings"]} == {"CC202"}


FORGED_NAME = "story\n::error title=forged::pwned\x1b[2J.md"


def test_cli_check_file_names_with_control_characters_cannot_forge_lines(tmp_path: Path) -> None:
    """A draft named with a newline and '::error ...::' forges no GitHub workflow command, in output or on stderr."""
    draft = tmp_path / FORGED_NAME
    draft.write_text(MISQUOTE, encoding="utf-8")
    missing = tmp_path / ("gone" + FORGED_NAME)
    for output_format in ("text", "github"):
        result = invoke("check", str(draft), str(missing), "--against", str(EXAMPLES), "--format", output_format)
        assert result.exit_code == 2
        for stream in (result.stdout, result.stderr):
            assert not [line for line in stream.splitlines() if line.startswith("::error title=forged")]
            assert "\x1b" not in stream
        assert "story\\n::error title=forged::pwned\\x1b[2J.md" in result.stderr  # named, escaped
    text = invoke("check", str(draft), "--against", str(EXAMPLES))
    assert text.stdout.count("\n") == 2 and "story\\n::error" in text.stdout  # the finding, then the summary
    assert text.stdout.splitlines()[-1].startswith("1 draft checked: ")
    undated = tmp_path / ("undated" + FORGED_NAME)  # named in the summary, which says which date it assumed
    undated.write_text(MISQUOTE.split("---\n\n", 1)[1], encoding="utf-8")
    both = invoke("check", str(draft), str(undated), "--against", str(EXAMPLES))
    summary = both.stdout.splitlines()[-1]
    assert summary.startswith("2 drafts checked (") and "undatedstory\\n::error" in summary and "\x1b" not in summary


# --- crashes ----------------------------------------------------------------------------------------


def _crashing_writer(result, options, out) -> None:
    article_text = "SECRET-LOCAL-VALUE"  # noqa: F841 - a local that must not reach a CI log
    raise ValueError("boom\n::error::forged")


def test_cli_crash_exits_2_with_one_line_and_no_locals(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.render.json_report

    monkeypatch.setattr(checker.render.json_report, "write_report", _crashing_writer)
    result = invoke("report", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--debug" in result.stderr and "ValueError: boom" in result.stderr
    assert "Traceback" not in result.stderr and "SECRET-LOCAL-VALUE" not in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("::")]
    debug = invoke("--debug", "report", str(EXAMPLES), "--format", "json")
    assert debug.exit_code == 2
    assert "Traceback" in debug.stderr and "_crashing_writer" in debug.stderr
    assert "SECRET-LOCAL-VALUE" not in debug.stderr and "ValueError: boom\\n::error::forged" in debug.stderr


def test_cli_process_crash_exits_2_with_one_line(tmp_path: Path) -> None:
    """Through the console-script entry point (main), as CI runs it: no Typer pretty traceback, no locals."""
    code = ("import sys\nimport checker.render.json_report as j\n"
            "def boom(result, options, out):\n    secret = 'SECRET-LOCAL-VALUE'\n    raise RuntimeError('boom')\n"
            "j.write_report = boom\nfrom checker.cli import main\n"
            f"sys.argv = ['checker', 'report', {str(EXAMPLES)!r}, '--format', 'json']\nmain()\n")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1 and "RuntimeError: boom" in completed.stderr
    assert "Traceback" not in completed.stderr and "SECRET-LOCAL-VALUE" not in completed.stderr


# --- hostile URLs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["html", "claimreview", "markdown", "json"])
def test_cli_report_malformed_article_url_is_no_link_not_a_crash(tmp_path: Path, output_format: str) -> None:
    manifest = tmp_path / "articles.jsonl"
    rows = [json.dumps({"id": f"a{index}", "url": "http://[::1", "outlet": f"Outlet {index}", "published": "2020-12-21",
                        "text": f"{speaker} said {figure} rockets were fired at the Green Zone in Baghdad on Sunday, "
                                "December 20, 2020."})
            for index, (speaker, figure) in enumerate((("Iraq's military", "eight"), ("U.S. Central Command", "21")))]
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if output_format == "claimreview":  # only confirmed findings are written: confirm them all
        findings = json.loads(invoke("report", str(manifest), "--format", "json", "--exit-zero").stdout)["findings"]
        result = invoke("claimreview", str(manifest), "--publisher", "Harbor Fact Desk", "--review-url",
                        "https://desk.example/{finding_id}",
                        *[arg for f in findings if f["code"] == "CC101" for arg in ("--confirm", f["finding_id"])])
    else:
        result = invoke("report", str(manifest), "--format", output_format, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    if output_format == "html":
        assert 'href="http://[::1"' not in result.stdout and "CC101" in result.stdout
    if output_format == "claimreview":
        assert all("url" not in work for review in json.loads(result.stdout)
                   for work in review["itemReviewed"]["appearance"])
