"""Line-oriented renderers for the pre-publication check: `path:line:col: CODE message`, GitHub annotations, JSON."""

from __future__ import annotations

import json

from checker.model import Finding

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_text(findings: list[Finding]) -> str:
    """One line per finding, as editors and CI read them: path:line:col: CODE message."""
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in findings)


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: ::warning file=...,line=...,col=...,title=CODE::message."""
    return "".join(
        f"::{GITHUB_LEVEL[f.severity]} file={_escape_property(f.path or '')},line={f.line},col={f.column},"
        f"title={_escape_property(f.code + ' ' + f.rule)}::{_escape_data(f.message)}\n"
        for f in findings
    )


def render_findings_json(findings: list[Finding]) -> str:
    return json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False, indent=2) + "\n"
