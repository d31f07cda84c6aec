"""Line-oriented renderers for editors and CI: `path:line:col: CODE message`, and GitHub Actions annotations.

Both print file names and messages that come from input; neither lets them break a line (a
newline in a draft's file name could otherwise start a forged workflow command).
"""

from __future__ import annotations

from typing import TextIO

from checker.model import Finding
from checker.render import RenderOptions
from checker.render.escape import escape_controls
from checker.result import RunResult

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def finding_line(finding: Finding) -> str:
    """``path:line:col: CODE message`` on one line, control characters escaped."""
    return escape_controls(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}")


def write_lines(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """One line per finding, as editors and CI read them."""
    for finding in result.findings:
        out.write(finding_line(finding) + "\n")


def _escape_property(value: str) -> str:
    return escape_controls(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                           .replace(":", "%3A").replace(",", "%2C"))


def _escape_data(value: str) -> str:
    return escape_controls(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def write_github(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """GitHub Actions workflow commands: ::warning file=...,line=...,col=...,title=CODE::message."""
    for f in result.findings:
        out.write(f"::{GITHUB_LEVEL[f.severity]} file={_escape_property(f.path or '')},line={f.line},col={f.column},"
                  f"title={_escape_property(f.code + ' ' + f.rule)}::{_escape_data(f.message)}\n")
