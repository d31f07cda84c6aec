"""Findings counted per rule (``--statistics``), like ``ruff --statistics``: what a desk fixes first."""

from __future__ import annotations

import json
from typing import TextIO

from checker.render import RenderOptions
from checker.render.escape import escape_controls, json_text
from checker.render.evidence import plural
from checker.result import RunResult
from checker.triage import rule_counts


def write_text(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """One line per rule, the most frequent first: count, code, severity, dotted name; then the total."""
    counts = rule_counts(result.findings)
    width = max((len(str(c.count)) for c in counts), default=1)
    for count in counts:
        out.write(escape_controls(f"{count.count:>{width}}  {count.code}  {count.severity:<7}  {count.rule}") + "\n")
    out.write(f"{plural(len(result.findings), 'finding')}\n")


def write_json(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    rows = [{"code": c.code, "rule": c.rule, "severity": c.severity, "count": c.count}
            for c in rule_counts(result.findings)]
    out.write(json_text(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
