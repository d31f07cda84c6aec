"""SARIF 2.1.0: findings as static-analysis results, for code-scanning tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checker import __version__
from checker.model import Finding
from checker.render import RenderOptions
from checker.render.escape import json_text
from checker.result import RunResult

if TYPE_CHECKING:  # the rulebook imports the checks and pandas: loaded only when SARIF is written
    from checker.rulebook import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def write_sarif(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """SARIF of the findings, describing the rules they come from (from the run's rule packs)."""
    from checker.rulebook import load_rules

    out.write(render_sarif(result.findings, load_rules(options.settings).rules))


def render_sarif(findings: list[Finding], rules: list[Rule]) -> str:
    """One run of the `checker` tool: every rule described, every finding a result with its location."""
    used = {f.code for f in findings}
    described = [r for r in rules if r.code in used] or rules
    index = {rule.code: i for i, rule in enumerate(described)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "checker",
                "version": __version__,
                "informationUri": "https://example.org/checker",
                "rules": [_rule(rule) for rule in described],
            }},
            "results": [_result(f, index) for f in findings],
        }],
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _rule(rule: Rule) -> dict:
    text = " ".join(rule.description["what"].split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": text.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": text},
        "help": {"text": rule.explain()},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    locations: list[dict[str, Any]] = []
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {"checkerFindingId/v1": finding.finding_id},
        "locations": locations,
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    spans = finding.spans or ([{"path": finding.path, "line": finding.line, "column": finding.column}]
                              if finding.path else [])
    for span in spans:
        region: dict[str, Any] = {"startLine": span["line"], "startColumn": span["column"]}
        if "text" in span and "\n" not in span["text"]:
            region["endLine"] = span["line"]
            region["endColumn"] = span["column"] + len(span["text"])
            region["snippet"] = {"text": span["text"]}
        locations.append({"physicalLocation": {
            "artifactLocation": {"uri": Path(span["path"]).as_posix()},
            "region": region,
        }})
    return result
