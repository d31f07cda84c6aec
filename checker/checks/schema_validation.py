"""Check type ``schema_validation``: rows that failed a pandera schema check, reported instead of lost."""

from __future__ import annotations

from checker.checks.base import CheckData, Draft, Drafts

PARAMS = {"table": ("article", "claim", "event", "source")}
FIELDS = {"table", "row", "column", "check", "value", "reason"}


def run(data: CheckData, params: dict) -> Drafts:
    claims = {c.claim_id: c for c in data.claims}
    for failure in data.validation_failures:
        if failure.table != params["table"]:
            continue
        claim = claims.get(failure.row_id or "")
        yield Draft(
            values={"table": failure.table, "row": failure.row_id or "?", "column": failure.column or "row",
                    "check": failure.check, "value": failure.value, "reason": failure.reason},
            claims=[claim] if claim else [],
            key=f"{failure.row_id}:{failure.column}:{failure.check}",
        )
