"""Fast start: the command line and a check of a Markdown draft never import the heavy libraries they do not
need (pandas and pandera are for a row that fails the validation screen, trafilatura for HTML, duckdb for a
ledger, charset_normalizer for a file that is not UTF-8). Each case runs in a fresh interpreter and reads
its ``sys.modules``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
HEAVY = {"pandas", "pandera", "trafilatura", "duckdb", "polars", "charset_normalizer"}

_RUN_CHECKER = """
import json, runpy, sys
modules_file = sys.argv[1]
sys.argv = ["checker", *sys.argv[2:]]
try:
    runpy.run_module("checker", run_name="__main__")
except SystemExit:
    pass
with open(modules_file, "w") as handle:
    json.dump(sorted(sys.modules), handle)
"""


def _heavy_modules_after(tmp_path: Path, *arguments: str) -> tuple[set[str], str]:
    """The heavy packages imported by ``checker ARGUMENTS`` in a fresh interpreter, and what it printed."""
    modules_file = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", _RUN_CHECKER, str(modules_file), *arguments], capture_output=True,
                          text=True, timeout=120)
    modules = json.loads(modules_file.read_text())
    return {name.split(".")[0] for name in modules} & HEAVY, done.stdout


def test_cli_startup_importing_the_command_line_imports_no_heavy_library() -> None:
    code = "import sys, checker.cli; print(sorted({m.split('.')[0] for m in sys.modules}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert not set(json.loads(done.stdout.replace("'", '"'))) & HEAVY


def test_cli_startup_version_imports_no_heavy_library(tmp_path: Path) -> None:
    heavy, printed = _heavy_modules_after(tmp_path, "--version")
    assert printed.startswith("checker ") and not heavy


def test_cli_startup_checking_a_markdown_draft_imports_no_heavy_library(tmp_path: Path) -> None:
    record = tmp_path / "record"
    record.mkdir()
    for article in [*EXAMPLES.glob("*.md"), *EXAMPLES.glob("*.txt")]:
        shutil.copy(article, record)
    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: Rockets hit the Green Zone\npublished: 2020-12-21\n---\n\n"
                     "U.S. Central Command said 14 rockets were fired at Baghdad's Green Zone on Sunday, "
                     "December 20, 2020.\n", encoding="utf-8")
    heavy, printed = _heavy_modules_after(tmp_path, "check", str(draft), "--against", str(record))
    assert "CC202" in printed  # the check ran and found the conflict with the record
    assert not heavy


def test_cli_startup_a_clean_report_imports_no_heavy_library(tmp_path: Path) -> None:
    record = tmp_path / "record"
    record.mkdir()
    for article in EXAMPLES.glob("*.md"):
        shutil.copy(article, record)
    heavy, _ = _heavy_modules_after(tmp_path, "report", str(record), "--format", "json", "--output",
                                    str(tmp_path / "report.json"), "--exit-zero")
    assert (tmp_path / "report.json").stat().st_size > 1000 and not heavy
