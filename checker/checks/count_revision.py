"""Check type ``count_revision``: a later figure from the same speaker that revises an earlier one (info)."""

from __future__ import annotations

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    describe_place_and_date,
    describe_quantity,
    format_value,
    overlaps,
    published_order,
)
from checker.checks.numeric_conflict import comparable_counts, is_revision

FIELDS = {"quantity", "at", "speaker", "value_a", "value_b", "article_a", "article_b"}


def _said_order(claim, data: CheckData) -> tuple:
    """Publication order; within one article, a figure the text says was replaced ("from 863") comes first."""
    published, date, article, start = published_order(claim, data)
    return published, date, article, not claim.superseded, start


def run(data: CheckData, params: CheckParams) -> Drafts:
    for claims in comparable_counts(data, include_vague=False).values():
        by_speaker: dict[str, list] = {}
        for claim in sorted(claims, key=lambda c: _said_order(c, data)):
            by_speaker.setdefault(claim.speaker or "", []).append(claim)
        for speaker, figures in by_speaker.items():
            for earlier, later in zip(figures, figures[1:], strict=False):
                if overlaps(earlier, later):
                    continue  # "roughly 10" then "10": the same figure, not a revision
                if data.taxonomy.tallies.get(earlier.predicate or "") == "changing":
                    continue  # the missing go up and down: each figure is the count of its day
                if is_revision(earlier, later, data):
                    event = data.event.get(earlier.event_id)
                    yield Draft(
                        values={
                            "quantity": describe_quantity(earlier, data.taxonomy),
                            "at": describe_place_and_date(event),
                            "speaker": speaker,
                            "value_a": format_value(earlier),
                            "value_b": format_value(later),
                            "article_a": earlier.article_id,
                            "article_b": later.article_id,
                        },
                        claims=[earlier, later],
                        event_id=earlier.event_id,
                    )
