"""Installing: a plain `pip install .` with the pip Python ships works; runs without HTML never import trafilatura."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_install_text_rules_and_check_never_import_trafilatura(tmp_path: Path) -> None:
    """trafilatura (and its lxml stack) is imported only when an .html input is read."""
    (tmp_path / "record.txt").write_text(
        "Rockets hit the Green Zone\n\nIraq's military said eight rockets were fired at the Green Zone on "
        "Sunday, December 20, 2020.\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "---\npublished: 2020-12-22\n---\n\nU.S. Central Command said 21 rockets were fired at the Green Zone on "
        "Sunday, December 20, 2020.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Rockets</title></head><body><article><p>Iraq's military said eight rockets were fired "
        "at the Green Zone on Sunday, December 20, 2020.</p></article></body></html>", encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        from typer.testing import CliRunner
        from checker.cli import app

        def imported(*args):
            CliRunner().invoke(app, list(args))
            return "trafilatura" in sys.modules

        print(imported("rules"), imported("report", "record.txt", "--exit-zero"),
              imported("check", "draft.md", "--against", "record.txt", "--exit-zero"),
              imported("report", "page.html", "--exit-zero"))
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False", "False", "True"]


def _base_python() -> str:
    """The interpreter the test environment was made from (a venv's own python would carry its upgraded pip)."""
    return getattr(sys, "_base_executable", None) or sys.executable


@pytest.mark.install
def test_install_plain_pip_in_a_fresh_venv_runs_the_report(tmp_path: Path) -> None:
    """`python3 -m venv v && v/bin/pip install .` (the pip that ships with Python, not upgraded), then the report.

    Needs the package index (or a wheel cache): it runs when CHECKER_INSTALL_TEST=1, as `.ci/run` sets.
    """
    if os.environ.get("CHECKER_INSTALL_TEST") != "1":
        pytest.skip("installs from the package index: set CHECKER_INSTALL_TEST=1 to run it (.ci/run does)")
    venv = tmp_path / "venv"
    subprocess.run([_base_python(), "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    pip_version = subprocess.run([str(bin_dir / "python"), "-m", "pip", "--version"], capture_output=True, text=True,
                                 check=True).stdout
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(REPO)],
                             capture_output=True, text=True, timeout=1500)
    assert install.returncode == 0, f"{pip_version}\n{install.stderr[-3000:]}"
    version = subprocess.run([str(bin_dir / "checker"), "--version"], capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("checker "), version.stderr
    report = subprocess.run([str(bin_dir / "checker"), "report", "claims/corpus", "--exit-zero"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert report.returncode == 0, f"{pip_version}\n{report.stderr}"
    assert "CC101" in report.stdout and "7 articles read" in report.stdout, report.stdout[:2000]
