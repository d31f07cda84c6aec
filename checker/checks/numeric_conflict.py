"""Check type ``numeric_conflict``: counts of the same quantity for the same event whose intervals do not overlap.

``scope: cross_speaker`` compares figures from different speakers (CC); ``scope:
same_speaker`` compares one speaker's figures within one article (IC). A figure
from the same speaker in a later article, or flagged in the text as an update, is
a revision, reported by the ``count_revision`` check instead. A running count (the
dead, the missing) that moved between figures given days apart is news, not a
conflict (``moved_with_time``); an article that says its figure changed ("rose to",
"initially") explains its own difference.

Speakers are compared once per quantity: one finding per pair of speakers, holding
every figure of each that the other contradicts. An outlet's own figure (a headline)
that the same article attributes to a named speaker counts as that speaker's.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Literal

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    as_of,
    describe_place_and_date,
    describe_quantity,
    format_value,
    intervals_overlap,
    moved_with_time,
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


def _contradicts(a: Claim, b: Claim, data: CheckData) -> bool:
    """Whether two figures of one quantity contradict each other."""
    if overlaps(a, b):
        return False
    if a.article_id == b.article_id and (a.revision_cue or b.revision_cue):
        return False  # "the toll, which initially had been 14, rose to 23": the article explains it
    return not moved_with_time(a, b, data)


def _draft(side_a: list[Claim], side_b: list[Claim], data: CheckData) -> Draft:
    a, b = _voice(side_a), _voice(side_b)
    event = data.event.get(a.event_id or "")
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
        claims=_side_by_side(side_a, side_b),
        event_id=a.event_id,
    )


def run(data: CheckData, params: Params) -> Drafts:
    for claims in comparable_counts(data, params.include_vague).values():
        ordered = sorted(claims, key=lambda c: published_order(c, data))
        if params.scope == "cross_speaker":
            yield from _across_speakers(ordered, data)
        else:
            yield from _within_articles(ordered, data)


def _within_articles(ordered: list[Claim], data: CheckData) -> Drafts:
    """One speaker's figures in one article that contradict each other: only those are compared."""
    by_voice: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in ordered:
        by_voice[(claim.article_id, claim.speaker)].append(claim)
    for figures in by_voice.values():
        by_figure: dict[tuple, list[int]] = defaultdict(list)  # the same figure given twice agrees with itself
        for index, claim in enumerate(figures):
            by_figure[(claim.value_low, claim.value_high)].append(index)
        pairs = sorted((min(i, j), max(i, j)) for first, second in combinations(by_figure, 2)
                       if not intervals_overlap(first, second)
                       for i in by_figure[first] for j in by_figure[second])
        for i, j in pairs:
            a, b = figures[i], figures[j]
            if _contradicts(a, b, data) and not is_revision(a, b, data) and not _same_passage(a, b, data):
                yield _draft([a], [b], data)


def _across_speakers(ordered: list[Claim], data: CheckData) -> Drafts:
    """One finding per pair of positions (a speaker and a figure) that contradict each other, holding every copy
    of each figure (the same speaker's same figure in other articles): a speaker's two different figures
    are two positions, never merged into one finding.

    Positions are compared once per pair of figures whose intervals do not overlap (the figures a quantity
    is given as are few, however many articles repeat them), and two positions once per pair of the moments
    their figures were given (``_moments``), not once per pair of copies."""
    named = {(c.article_id, c.value_low, c.value_high): c.speaker for c in ordered
             if c.speaker and c.speaker_kind != "outlet"}
    positions: dict[tuple, list[Claim]] = {}
    for claim in ordered:
        speaker = claim.speaker or ""
        if claim.speaker_kind == "outlet":  # a headline's figure that its own body attributes is that speaker's
            speaker = named.get((claim.article_id, claim.value_low, claim.value_high), speaker) or ""
        positions.setdefault((speaker, claim.value_low, claim.value_high), []).append(claim)
    by_figure: dict[tuple, list[tuple[int, tuple]]] = defaultdict(list)
    for index, key in enumerate(positions):
        by_figure[key[1:]].append((index, key))
    moments = {key: _moments(side, data) for key, side in positions.items()}
    pairs = []
    for figure_a, figure_b in combinations(by_figure, 2):
        if intervals_overlap(figure_a, figure_b):
            continue  # overlapping figures agree, whoever gives them
        for first in by_figure[figure_a]:
            for second in by_figure[figure_b]:
                if first[1][0] != second[1][0]:  # one speaker's own figures: a revision or a slip
                    pairs.append(min(first, second) + max(first, second))
    for _, first, _, second in sorted(pairs):
        if _positions_contradict(moments[first], moments[second], data):
            yield _draft(positions[first], positions[second], data)


def _moments(side: list[Claim], data: CheckData) -> dict[tuple, list[Claim]]:
    """A position's claims by what ``_contradicts`` reads of them besides the figure: when the figure was given
    and whether its sentence says it changed; with at most two claims of different articles each (whether two
    claims share an article is all that matters of articles)."""
    moments: dict[tuple, list[Claim]] = {}
    for claim in side:
        kept = moments.setdefault((as_of(claim, data), claim.revision_cue), [])
        if len(kept) < 2 and all(c.article_id != claim.article_id for c in kept):
            kept.append(claim)
    return moments


def _positions_contradict(side_a: dict[tuple, list[Claim]], side_b: dict[tuple, list[Claim]],
                          data: CheckData) -> bool:
    """Whether any claim of one position contradicts any of the other, trying one pair per pair of moments."""
    for claims_a in side_a.values():
        for claims_b in side_b.values():
            a, b = claims_a[0], next((c for c in claims_b if c.article_id != claims_a[0].article_id), claims_b[0])
            if a.article_id == b.article_id and len(claims_a) > 1:
                a = claims_a[1]
            if _contradicts(a, b, data):
                return True
    return False


def _side_by_side(side_a: list[Claim], side_b: list[Claim]) -> list[Claim]:
    """Both sides' claims taken in turn, each side's named voice first, so that quotes read in pairs."""
    first_a, first_b = _voice(side_a), _voice(side_b)
    rest_a = [first_a, *(c for c in side_a if c is not first_a)]
    rest_b = [first_b, *(c for c in side_b if c is not first_b)]
    paired = [c for pair in zip(rest_a, rest_b, strict=False) for c in pair]
    shorter = min(len(rest_a), len(rest_b))
    return paired + rest_a[shorter:] + rest_b[shorter:]


def _voice(side: list[Claim]) -> Claim:
    """The claim that names a side's speaker: a named one before an outlet's headline."""
    return next((c for c in side if c.speaker_kind != "outlet"), side[0])


def _same_passage(a: Claim, b: Claim, data: CheckData) -> bool:
    """Figures in one paragraph usually break a total down ("two in the zone, one outside"): not a contradiction."""
    text = data.article[a.article_id].text
    first, second = sorted((a.start, b.start))
    return "\n\n" not in text[first:second] and text.count("\n", first, second) == 0
