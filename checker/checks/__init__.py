"""Check types: the closed set of tests that rules (in rules/packs/*.yaml) configure.

Each check type declares its parameters (a ``CheckParams`` model: names, types, defaults),
the fields its message template may use, and facts about its findings that renderers read
(``compares_figures``), and yields ``Draft`` findings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Generic, TypeVar

from checker.checks import (
    count_revision,
    date_conflict,
    draft_vs_record,
    headline_overstatement,
    numeric_conflict,
    quantity_relation,
    responsibility_conflict,
    schema_validation,
    sourcing,
    weekday_mismatch,
)
from checker.checks.base import CheckData, CheckParams, Draft, Drafts

__all__ = ["CHECK_TYPES", "CheckType", "CheckData", "CheckParams", "Draft", "Phase"]

P = TypeVar("P", bound=CheckParams)


class Phase(IntEnum):
    """When a check runs, in this order, for a report and for a draft alike: what each phase reads is there.

    FIGURES: one article or one claim at a time (sourcing, weekdays, headlines, schema rows).
    DISPUTES: figures of many articles against each other (disputes, revisions, relations, a draft against the
        record); the sources are scored from what the phases so far found.
    SCORING: checks that read the source scores.
    SUPPRESSIONS: checks of the suppressions an editor wrote, after they were applied to the findings.
    """

    FIGURES = 1
    DISPUTES = 2
    SCORING = 3
    SUPPRESSIONS = 4


@dataclass(frozen=True)
class CheckType(Generic[P]):
    """A type of test: its function, its parameters' model, its message fields and facts about its findings.

    Attributes:
        phase: when it runs (a rule whose parameters read the source scores runs in SCORING whatever this says).
        compares_figures: every finding is about figures of one quantity (count claims), so a report
            can draw them on one axis (the HTML chart).
    """

    name: str
    run: Callable[[CheckData, P], Drafts]
    params: type[P]
    fields: frozenset[str]
    phase: Phase
    compares_figures: bool = False


_CHECK_TYPES: list[CheckType[Any]] = [
    CheckType("numeric_conflict", numeric_conflict.run, numeric_conflict.Params, frozenset(numeric_conflict.FIELDS),
              Phase.DISPUTES, compares_figures=True),
    CheckType("quantity_relation", quantity_relation.run, CheckParams, frozenset(quantity_relation.FIELDS),
              Phase.DISPUTES, compares_figures=True),
    CheckType("count_revision", count_revision.run, CheckParams, frozenset(count_revision.FIELDS),
              Phase.DISPUTES, compares_figures=True),
    CheckType("responsibility_conflict", responsibility_conflict.run, CheckParams,
              frozenset(responsibility_conflict.FIELDS), Phase.DISPUTES),
    CheckType("date_conflict", date_conflict.run, date_conflict.Params, frozenset(date_conflict.FIELDS),
              Phase.DISPUTES),
    CheckType("weekday_mismatch", weekday_mismatch.run, CheckParams, frozenset(weekday_mismatch.FIELDS),
              Phase.FIGURES),
    CheckType("headline_overstatement", headline_overstatement.run, CheckParams,
              frozenset(headline_overstatement.FIELDS), Phase.FIGURES),
    CheckType("anonymous_source", sourcing.anonymous_source, CheckParams, frozenset(sourcing.FIELDS_ANONYMOUS),
              Phase.FIGURES),
    CheckType("unattributed_figure", sourcing.unattributed_figure, sourcing.UnattributedParams,
              frozenset(sourcing.FIELDS_UNATTRIBUTED), Phase.FIGURES),
    CheckType("schema_validation", schema_validation.run, schema_validation.Params,
              frozenset(schema_validation.FIELDS), Phase.FIGURES),
    CheckType("draft_vs_record", draft_vs_record.run, draft_vs_record.Params, frozenset(draft_vs_record.FIELDS),
              Phase.DISPUTES, compares_figures=True),
    CheckType("unused_suppression", draft_vs_record.unused_suppression, CheckParams,
              frozenset(draft_vs_record.FIELDS_UNUSED), Phase.SUPPRESSIONS),
]
CHECK_TYPES: dict[str, CheckType[Any]] = {check.name: check for check in _CHECK_TYPES}
