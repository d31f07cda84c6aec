"""Check type ``numeric_conflict``: a disputed quantity of one event, reported once with every position.

``scope: cross_speaker`` (CC) yields one finding per dispute between sources: one quantity of one event whose
figures, given by different bodies at one time, cannot all be right (``checker.checks.disputes``); its message
lists the positions in conflict, each with who stated it and how many outlets carried it. A body's later figure
is a revision (``count_revision``), and figures of a running count (the dead, the missing) are compared only as
they stood within ``window_days`` of each other.

``scope: same_speaker`` (IC) yields one finding per article and quantity in which one speaker gives figures
that contradict each other and that the article does not reconcile.

Each finding carries the id of its dispute, which is derived from the event and the quantity.
"""

from __future__ import annotations

from typing import Literal

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    describe_place_and_date,
    describe_quantity,
    format_value,
    speaker_label,
)
from checker.checks.disputes import WINDOW_DAYS, dispute_id, find_disputes, unreconciled
from checker.model import SEVERITY_RANK, Claim, Dispute, Position, carried_by

SPEAKERS_NAMED = 2  # a position's message names this many bodies, then counts the rest


class Params(CheckParams):
    """``scope``: compare figures of different speakers (cross_speaker) or one speaker's figures within one
    article (same_speaker); ``include_vague``: compare vague bands ("dozens") too; ``window_days``: figures of a
    running count stated further apart than this are a timeline, not a conflict; ``estimate_severity``: the
    severity of a dispute whose figures conflict only as estimates against counts (a study's excess deaths against
    an official toll), never above what its spread warrants nor the rule's own."""

    scope: Literal["cross_speaker", "same_speaker"] = "cross_speaker"
    include_vague: bool = False
    window_days: int = WINDOW_DAYS
    estimate_severity: Literal["error", "warning", "info"] = "warning"


FIELDS = {"quantity", "at", "positions", "values", "value_a", "speaker_a", "value_b", "speaker_b", "article_a",
          "article_b", "event"}


def run(data: CheckData, params: Params) -> Drafts:
    if params.scope == "cross_speaker":
        for dispute in find_disputes(data, params.window_days, params.include_vague).values():
            if dispute.between_sources:
                yield _dispute_draft(dispute, data, params)
    else:
        disputes = find_disputes(data, params.window_days, params.include_vague)
        for (article_id, key), figures in unreconciled(data, params.include_vague).items():
            disputed = disputes.get(key)
            if disputed is None or not disputed.between_sources:  # else CC101 lists the article in its dispute
                yield _article_draft(article_id, key, figures, data)


def _dispute_draft(dispute: Dispute, data: CheckData, params: Params) -> Draft:
    shown = [p for p in dispute.positions if p["conflicts_with"]]
    claim = data.claim_by_id
    lowest, highest = shown[0], shown[-1]
    event = data.event.get(dispute.event_id)
    return Draft(
        values={
            "quantity": dispute.quantity,
            "at": describe_place_and_date(event),
            "event": event.describe() if event else "",
            "positions": " vs ".join(describe_position(p) for p in shown) + _unreconciled(dispute, data),
            "values": ", ".join(p["value_text"] for p in shown),
            "value_a": lowest["value_text"],
            "speaker_a": _speakers(lowest),
            "value_b": highest["value_text"],
            "speaker_b": _speakers(highest),
            "article_a": lowest["article_ids"][0],
            "article_b": highest["article_ids"][0],
        },
        claims=_voices_first([[claim[c] for c in p["claim_ids"]] for p in shown]),
        event_id=dispute.event_id,
        dispute_id=dispute.dispute_id,
        severity=_estimate_severity(dispute, params),
    )


def _estimate_severity(dispute: Dispute, params: Params) -> str:
    """A dispute's severity; one of estimates against counts at ``estimate_severity``, never above what its spread
    warrants (figures within 10% of each other make a warning)."""
    if not dispute.estimate_against_count:
        return dispute.severity
    return min(params.estimate_severity, dispute.severity, key=SEVERITY_RANK.__getitem__)


def _unreconciled(dispute: Dispute, data: CheckData) -> str:
    """"; unreconciled within Nevsedoma (at least 78, about 59)": the articles that give differing figures of
    one speaker without saying which holds, named by outlet."""
    parts = []
    for article_id in dispute.unreconciled:
        article = data.article.get(article_id)
        figures = [p["value_text"] for p in dispute.positions if article_id in p["article_ids"]]
        parts.append(f"{(article.outlet if article else None) or article_id} ({', '.join(figures)})")
    return f"; unreconciled within {'; '.join(parts)}" if parts else ""


def describe_position(position: Position) -> str:
    """"8 (Iraqi military; 3 outlets, 2 independent)": a figure, who stated it, how many outlets carried it and
    how many of them independently (copies of one wire story count once); "4,645 estimated (Harvard study)" for a
    figure given as an estimate."""
    carried = f"; {carried_by(position)}" if len(position["outlets"]) > 1 else ""
    estimated = " estimated" if position["estimate"] else ""
    return f"{position['value_text']}{estimated} ({_speakers(position)}{carried})"


def _speakers(position: Position) -> str:
    names = position["speakers"]
    more = len(names) - SPEAKERS_NAMED
    return ", ".join(names[:SPEAKERS_NAMED]) + (f" and {more} more" if more > 0 else "")


def _article_draft(article_id: str, key: tuple, figures: list[Claim], data: CheckData) -> Draft:
    first = figures[0]
    distinct = list(dict.fromkeys(format_value(c) for c in figures))
    event = data.event.get(first.event_id or "")
    return Draft(
        values={
            "quantity": describe_quantity(first, data.taxonomy),
            "at": describe_place_and_date(event),
            "event": event.describe() if event else "",
            "positions": ", ".join(distinct),
            "values": _listed(distinct),
            "value_a": distinct[0],
            "speaker_a": speaker_label(first, data),
            "value_b": distinct[-1],
            "speaker_b": speaker_label(first, data),
            "article_a": article_id,
            "article_b": article_id,
        },
        claims=figures,
        event_id=first.event_id,
        key=article_id,
        dispute_id=dispute_id(key),
    )


def _listed(values: list[str]) -> str:
    """"5, 3 and 8"."""
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


def _voices_first(sides: list[list[Claim]]) -> list[Claim]:
    """Every side's claims taken in turn, each side's named voice first, so that the first quotes are one of
    each position."""
    ordered = [[_voice(side), *(c for c in side if c is not _voice(side))] for side in sides]
    longest = max(len(side) for side in ordered)
    return [side[i] for i in range(longest) for side in ordered if i < len(side)]


def _voice(side: list[Claim]) -> Claim:
    """The claim that names a side's speaker: a named one before an outlet's headline."""
    return next((c for c in side if c.speaker_kind != "outlet"), side[0])
