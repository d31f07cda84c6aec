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
    interval,
    overlaps,
)
from checker.checks.disputes import comparable_counts, dispute_id, find_disputes, is_revision, said_order
from checker.model import Claim

FIELDS = {"quantity", "at", "speaker", "value_a", "value_b", "article_a", "article_b"}


def run(data: CheckData, params: CheckParams) -> Drafts:
    disputed = find_disputes(data)
    asked: dict[tuple[int, int], bool] = {}

    def revised(earlier: Claim, later: Claim) -> bool:
        """``is_revision``, asked once per pair (a replaced figure's pair is asked twice below)."""
        pair = (id(earlier), id(later))
        if pair not in asked:
            asked[pair] = is_revision(earlier, later, data)
        return asked[pair]

    for key, claims in comparable_counts(data, include_vague=False).items():
        by_speaker: dict[str, list] = {}
        for claim in sorted(claims, key=lambda c: said_order(c, data)):
            by_speaker.setdefault(claim.speaker or "", []).append(claim)
        for speaker, figures in by_speaker.items():
            steps: dict[tuple[str, str], list[tuple[Claim, Claim]]] = {}
            # the figures the speaker stood by, in turn; and each figure an article says was replaced, with the one
            # that replaced it there ("rose to 934 from 863"); a replaced figure a later article recalls ("275 and
            # not 288") is never a new figure of the speaker's; a figure said again ("11", then "at least 11") is
            # one step, its narrowest wording
            stated = _said_again_once([claim for claim in figures if not claim.superseded])
            replaced = [(old, new) for old, new in zip(figures, figures[1:], strict=False)
                        if old.superseded and not new.superseded and old.article_id == new.article_id]
            told = {id(new) for old, new in replaced if revised(old, new)}  # "rose to 64 from 61"
            chained = [(old, new) for old, new in zip(stated, stated[1:], strict=False) if id(new) not in told]
            pairs = sorted([*chained, *replaced],
                           key=lambda pair: (said_order(pair[1], data), said_order(pair[0], data)))
            for earlier, later in pairs:
                if overlaps(earlier, later):
                    continue  # "roughly 10" then "10": the same figure, not a revision
                if data.taxonomy.tallies.get(earlier.predicate or "") == "changing":
                    continue  # the missing go up and down: each figure is the count of its day
                if revised(earlier, later):
                    steps.setdefault((format_value(earlier), format_value(later)), []).append((earlier, later))
            for (value_a, value_b), told_by in steps.items():  # each step once, however many articles tell of it
                earlier, later = told_by[0]
                event = data.event.get(earlier.event_id or "")
                yield Draft(
                    values={
                        "quantity": describe_quantity(earlier, data.taxonomy),
                        "at": describe_place_and_date(event),
                        "speaker": speaker,
                        "value_a": value_a,
                        "value_b": value_b,
                        "article_a": earlier.article_id,
                        "article_b": later.article_id,
                    },
                    claims=list({claim.claim_id: claim for pair in told_by for claim in pair}.values()),
                    event_id=earlier.event_id,
                    key=f"{earlier.claim_id}>{later.claim_id}",
                    dispute_id=dispute_id(key) if key in disputed else None,  # a step of a dispute's timeline
                )


def _said_again_once(stated: list[Claim]) -> list[Claim]:
    """The figures in the order said, a figure said again right after ("11", "at least 11": the same number, in
    the same unit) as one, the narrowest wording; so "11", "at least 11", "98" is a step from 11 to 98."""
    kept: list[Claim] = []
    for claim in stated:
        if (kept and overlaps(kept[-1], claim) and kept[-1].unit == claim.unit
                and set(kept[-1].written_numbers()) & set(claim.written_numbers())):
            if _width(claim) < _width(kept[-1]):
                kept[-1] = claim
            continue
        kept.append(claim)
    return kept


def _width(claim: Claim) -> float:
    low, high = interval(claim)
    return high - low
