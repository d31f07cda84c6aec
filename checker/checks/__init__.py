"""Check types: the closed set of tests that rules (in rules/packs/*.yaml) configure.

Each check type declares its parameters (name -> allowed values, the first the default)
and the fields its message template may use, and yields ``Draft`` findings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.checks import (
    count_revision,
    date_conflict,
    draft_vs_record,
    headline_overstatement,
    numeric_conflict,
    responsibility_conflict,
    schema_validation,
    sourcing,
    weekday_mismatch,
)
from checker.checks.base import CheckData, Draft, Drafts

__all__ = ["CHECK_TYPES", "CheckType", "CheckData", "Draft"]


@dataclass(frozen=True)
class CheckType:
    name: str
    run: Callable[[CheckData, dict], Drafts]
    params: dict[str, tuple]  # parameter -> allowed values (a 1-tuple: any value of that type, this default)
    fields: frozenset[str]

    def defaults(self) -> dict[str, object]:
        return {name: allowed[0] for name, allowed in self.params.items()}


CHECK_TYPES: dict[str, CheckType] = {
    check.name: check
    for check in [
        CheckType("numeric_conflict", numeric_conflict.run, numeric_conflict.PARAMS, frozenset(numeric_conflict.FIELDS)),
        CheckType("count_revision", count_revision.run, count_revision.PARAMS, frozenset(count_revision.FIELDS)),
        CheckType("responsibility_conflict", responsibility_conflict.run, responsibility_conflict.PARAMS,
                  frozenset(responsibility_conflict.FIELDS)),
        CheckType("date_conflict", date_conflict.run, date_conflict.PARAMS, frozenset(date_conflict.FIELDS)),
        CheckType("weekday_mismatch", weekday_mismatch.run, weekday_mismatch.PARAMS, frozenset(weekday_mismatch.FIELDS)),
        CheckType("headline_overstatement", headline_overstatement.run, headline_overstatement.PARAMS,
                  frozenset(headline_overstatement.FIELDS)),
        CheckType("anonymous_source", sourcing.anonymous_source, {}, frozenset(sourcing.FIELDS_ANONYMOUS)),
        CheckType("unattributed_figure", sourcing.unattributed_figure,
                  {"predicates": (["killed", "wounded", "fired", "landed", "intercepted", "failed_to_launch"],)},
                  frozenset(sourcing.FIELDS_UNATTRIBUTED)),
        CheckType("schema_validation", schema_validation.run, schema_validation.PARAMS,
                  frozenset(schema_validation.FIELDS)),
        CheckType("draft_vs_record", draft_vs_record.run, draft_vs_record.PARAMS, frozenset(draft_vs_record.FIELDS)),
        CheckType("unused_suppression", draft_vs_record.unused_suppression, {},
                  frozenset(draft_vs_record.FIELDS_UNUSED)),
    ]
}
