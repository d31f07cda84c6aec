"""The JSON report: the full data model with stable keys (documented in the README)."""

from __future__ import annotations

import json

from checker import __version__
from checker.result import RunResult

SEVERITY_ORDER = ("error", "warning", "info")


def summary(result: RunResult) -> dict[str, object]:
    """Counts for the summary block, shared by every renderer."""
    return {
        "articles": len(result.articles),
        "skipped": len(result.skipped),
        "claims": len(result.claims),
        "events": len(result.events),
        "findings": {level: sum(f.severity == level for f in result.findings) for level in SEVERITY_ORDER},
    }


def report_document(result: RunResult) -> dict[str, object]:
    """The report as plain data: the same dict is written as JSON and used by tests."""
    return {
        "checker_version": __version__,
        "summary": summary(result),
        "articles": [article.to_dict() for article in result.articles],
        "skipped": [skipped.to_dict() for skipped in result.skipped],
        "claims": [claim.to_dict() for claim in result.claims],
        "events": [event.to_dict() for event in result.events],
        "findings": [finding.to_dict() for finding in result.findings],
        "sources": [source.to_dict() for source in result.sources],
    }


def render_json(result: RunResult) -> str:
    return json.dumps(report_document(result), ensure_ascii=False, indent=2) + "\n"
