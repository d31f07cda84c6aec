"""SARIF 2.1.0: findings as static-analysis results, in the form GitHub code scanning accepts.

Every file is named by a URI relative to the repository (``uriBaseId`` ``%SRCROOT%``: the folder
holding ``.git``, else the working directory), never by an absolute path. A result has one
``location``, the figure under review (the finding's first piece of evidence); the other pieces of
evidence are its ``relatedLocations``. An article that is a row of a manifest (``wire.jsonl:3``) is
located at that row of the manifest file. Each rule points to its page in the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from checker import __version__
from checker.model import Finding
from checker.render import RenderOptions
from checker.render.escape import json_text
from checker.render.evidence import file_and_row
from checker.render.rule_docs import help_text, help_uri, repository_url, rule_page
from checker.result import RunResult

if TYPE_CHECKING:  # the rulebook imports the checks and pandas: loaded only when SARIF is written
    from checker.rulebook import Rule

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def write_sarif(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """SARIF of the findings, describing the rules they come from (the run's rules, else the rule packs)."""
    rules = result.rules
    if not rules:
        from checker.rulebook import load_rules

        rules = load_rules(options.settings).rules
    out.write(render_sarif(result, rules, repository_root()))


def repository_root(start: Path | None = None) -> Path:
    """The folder holding ``.git`` at or above ``start`` (default: the working directory), else ``start``."""
    start = (start or Path.cwd()).resolve()
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), start)


def relative_uri(path: str, root: Path) -> str:
    """``path`` as a URI reference relative to ``root`` (percent-encoded, forward slashes), never absolute."""
    relative = os.path.relpath(Path(path).resolve(), root)
    return quote(Path(relative).as_posix(), safe="/")


def render_sarif(result: RunResult, rules: list[Rule], root: Path) -> str:
    """One run of the `checker` tool: the rules its findings come from, and every finding a result."""
    used = {f.code for f in result.findings}
    described = [r for r in rules if r.code in used] or rules
    index = {rule.code: i for i, rule in enumerate(described)}
    speakers = {claim.claim_id: claim.speaker for claim in result.claims}
    driver: dict[str, Any] = {"name": "checker", "version": __version__, "semanticVersion": __version__,
                              "rules": [_rule(rule) for rule in described]}
    if repository_url():
        driver["informationUri"] = repository_url()
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The root of the repository (the folder holding .git), else the folder checker ran in."}}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index, root, speakers) for f in result.findings],
        }],
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _rule(rule: Rule) -> dict[str, Any]:
    what = " ".join(rule.description["what"].split())
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": what.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": what},
        "help": {"text": help_text(rule), "markdown": rule_page(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.family, rule.name.split(".")[0]]},
    }
    uri = help_uri(rule)
    if uri:
        described["helpUri"] = uri
    return described


def _location(span: dict[str, Any], root: Path) -> dict[str, Any]:
    """Where a piece of evidence is: its file and region, or the manifest row it was read from."""
    path, row = file_and_row(span["path"])
    artifact = {"uri": relative_uri(path, root), "uriBaseId": SRCROOT}
    if row is not None:  # the words are inside a JSON or CSV field: the row is the place to look
        return {"physicalLocation": {"artifactLocation": artifact, "region": {"startLine": row}},
                "message": {"text": f"line {span['line']} of the text in this row"}}
    region: dict[str, Any] = {"startLine": span["line"], "startColumn": span["column"]}
    text = span.get("text")
    if text and "\n" not in text:
        region["endLine"] = span["line"]
        region["endColumn"] = span["column"] + len(text)
        region["snippet"] = {"text": text}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(finding: Finding, index: dict[str, int], root: Path, speakers: dict[str, str | None]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {"checkerFindingId/v1": finding.finding_id},
    }
    if finding.dispute_id:  # one result per dispute: its other positions are the related locations
        result["properties"] = {"disputeId": finding.dispute_id}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    spans: list[dict[str, Any]] = [dict(span) for span in finding.spans] or (
        [{"path": finding.path, "line": finding.line or 1, "column": finding.column or 1}] if finding.path else [])
    if spans:
        result["locations"] = [_location(spans[0], root)]
    related = []
    claim_ids: list[str | None] = [*finding.claim_ids[1:], *[None] * len(spans)]
    for number, (span, claim_id) in enumerate(zip(spans[1:], claim_ids[:len(spans) - 1], strict=True), start=1):
        location = _location(span, root)
        said = " ".join(str(span.get("text") or "").split())
        speaker = speakers.get(claim_id or "")
        location["id"] = number
        described = f"{speaker}: {said}" if speaker and said else said or "other evidence"
        in_row = location.get("message", {}).get("text")
        location["message"] = {"text": f"{described} ({in_row})" if in_row else described}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    return result
