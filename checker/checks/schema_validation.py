"""Check type ``schema_validation``: rows that failed a pandera schema check, reported instead of lost."""

from __future__ import annotations

from typing import Literal

from checker.checks.base import CheckData, CheckParams, Draft, Drafts


class Params(CheckParams):
    """``table``: the table whose failed rows the rule reports (required)."""

    table: Literal["article", "claim", "event", "source"]

    @property
    def reads_source_scores(self) -> bool:
        return self.table == "source"  # the source table exists only once the sources are scored


FIELDS = {"table", "row", "column", "check", "value", "reason"}


def run(data: CheckData, params: Params) -> Drafts:
    claims = {c.claim_id: c for c in data.claims}
    for failure in data.validation_failures:
        if failure.table != params.table:
            continue
        claim = claims.get(failure.row_id or "")
        yield Draft(
            values={"table": failure.table, "row": failure.row_id or "?", "column": failure.column or "row",
                    "check": failure.check, "value": failure.value, "reason": failure.reason},
            claims=[claim] if claim else [],
            key=f"{failure.row_id}:{failure.column}:{failure.check}",
        )
