"""Turn schema validation failures into SV findings, so bad rows are reported instead of lost."""

from __future__ import annotations

from checker.model import Finding
from checker.schemas import RowFailure

SV_CODES = {"article": "SV001", "claim": "SV002", "event": "SV003", "finding": "SV004", "source": "SV005"}


def findings_from_failures(failures: list[RowFailure]) -> list[Finding]:
    """One SV finding per failed check, naming the table, row, column and value."""
    findings = []
    for number, failure in enumerate(failures, start=1):
        code = SV_CODES.get(failure.table, "SV000")
        article_id = failure.row_id.split(":", 1)[0] if failure.row_id else None
        findings.append(
            Finding(
                finding_id=f"{code}-{number}",
                code=code,
                rule=f"schema.invalid_{failure.table}",
                severity="warning",
                message=failure.reason,
                claim_ids=[failure.row_id] if failure.table == "claim" and failure.row_id else [],
                article_ids=[article_id] if article_id else [],
            )
        )
    return findings
