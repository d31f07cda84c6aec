"""Check type ``numeric_conflict``: counts of the same quantity for the same event whose intervals do not overlap.

``scope: cross_speaker`` compares figures from different speakers (CC); ``scope:
same_speaker`` compares one speaker's figures within one article (IC). A figure
from the same speaker in a later article, or flagged in the text as an update, is
a revision, reported by the ``count_revision`` check instead.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Literal

from checker.checks.base import (
    CheckData,
    CheckParams,
    Drafts,
    Draft,
    describe_place_and_date,
    describe_quantity,
    format_value,
    overlaps,
    published_order,
    quantity_key,
    speaker_label,
)
from checker.model import Claim


class Params(CheckParams):
    """``scope``: compare figures of different speakers (cross_speaker) or one speaker's figures within one
    article (same_speaker); ``include_vague``: compare vague bands ("dozens") too."""

    scope: Literal["cross_speaker", "same_speaker"] = "cross_speaker"
    include_vague: bool = False


FIELDS = {"quantity", "at", "value_a", "speaker_a", "value_b", "speaker_b", "article_a", "article_b", "event"}


def is_revision(earlier: Claim, later: Claim, data: CheckData) -> bool:
    """Same speaker, and either a later article or a sentence that says the figure was updated."""
    if earlier.speaker != later.speaker or earlier.speaker_kind == "outlet" and earlier.article_id != later.article_id:
        return False
    if earlier.article_id != later.article_id:
        first, second = (data.article[c.article_id].published for c in (earlier, later))
        return first is not None and second is not None and first < second
    return later.revision_cue


def comparable_counts(data: CheckData, include_vague: bool) -> dict[tuple, list[Claim]]:
    """Count claims grouped by quantity (event, subject, predicate, population)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in data.claims:
        if claim.kind != "count" or not claim.event_id or claim.predicate is None:
            continue
        if claim.value_kind == "vague" and not include_vague:
            continue  # "several rockets" is too loose to contradict "21"
        if claim.partial:
            continue  # "two others hit houses" is a part, not a total
        groups[quantity_key(claim)].append(claim)
    return groups


def _bound_wording(a: Claim, b: Claim) -> bool:
    """"more than 15" against "15": a bound one away from the other figure is wording, not a dispute."""
    if "lower" not in (a.value_kind, b.value_kind) and "upper" not in (a.value_kind, b.value_kind):
        return False
    gap = max(a.value_low - b.value_high, b.value_low - a.value_high)
    return 0 < gap <= 1


def _draft(a: Claim, b: Claim, data: CheckData) -> Draft:
    event = data.event.get(a.event_id)
    return Draft(
        values={
            "quantity": describe_quantity(a, data.taxonomy),
            "at": describe_place_and_date(event),
            "event": event.describe() if event else "",
            "value_a": format_value(a),
            "speaker_a": speaker_label(a, data),
            "value_b": format_value(b),
            "speaker_b": speaker_label(b, data),
            "article_a": a.article_id,
            "article_b": b.article_id,
        },
        claims=[a, b],
        event_id=a.event_id,
    )


def run(data: CheckData, params: Params) -> Drafts:
    scope = params.scope
    for claims in comparable_counts(data, params.include_vague).values():
        reported: set[tuple[str, str]] = set()
        ordered = sorted(claims, key=lambda c: published_order(c, data))
        for a, b in combinations(ordered, 2):
            if overlaps(a, b) or _bound_wording(a, b):
                continue
            if scope == "cross_speaker":
                if a.speaker == b.speaker:
                    continue
                pair = tuple(sorted((a.speaker or "", b.speaker or "")))
                if pair in reported:
                    continue  # one finding per pair of speakers, not per pair of copies
                reported.add(pair)
                yield _draft(a, b, data)
            elif (a.speaker == b.speaker and a.article_id == b.article_id and not is_revision(a, b, data)
                  and not _same_passage(a, b, data)):
                yield _draft(a, b, data)


def _same_passage(a: Claim, b: Claim, data: CheckData) -> bool:
    """Figures in one paragraph usually break a total down ("two in the zone, one outside"): not a contradiction."""
    text = data.article[a.article_id].text
    first, second = sorted((a.start, b.start))
    return "\n\n" not in text[first:second] and text.count("\n", first, second) == 0
