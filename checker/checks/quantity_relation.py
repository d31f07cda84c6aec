"""Check type ``quantity_relation``: counts of two related quantities of one event that cannot both be true.

A part cannot exceed its whole. The relations are data in ``rules/taxonomy/quantities.yaml``:
a state that is part of another (``relations``: no more rockets landed than were fired, no
more killed than casualties), a thing that is a kind of another (``subjects``: no more marines
than troops, no more troops than people), and a population named against none (no more Iraqi
troops wounded than troops wounded). A quantity is the part of another when it is the same
or narrower on all three, and narrower on at least one.

Two figures break a relation when the part, at its lowest, exceeds the whole, at its highest
("at least 10 landed" against "8 fired"; "2 Iraqi troops wounded" against "only one Iraqi
wounded"). Figures from one speaker are left to the IC rules; vague figures, parts of a
total ("two others") and wholes of zero that name no group ("no casualties were reported", nearly
always scoped more narrowly than it reads) are not compared, while a zero that names its group
denies any figure of it and of its parts ("no casualties among US troops" against "three US
soldiers killed": ``zero_relations`` adds the states only a zero whole holds, the killed of the
casualties); a running tally given days apart may have grown in
between (``moved_with_time``). A part that some figure of its whole holds ("12 landed" against "10 fired"
and "12 fired") is one side of the whole's own dispute (CC101), not a broken relation. One finding per broken
relation (a part and its whole in one event), holding every pair of positions (a speaker and a figure) that
breaks it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    apart_in_time,
    as_of,
    describe_place_and_date,
    describe_quantity,
    format_value,
    interval,
    published_order,
    speaker_label,
)
from checker.checks.disputes import district_part
from checker.model import Claim
from checker.taxonomy import Taxonomy

FIELDS = {"part", "whole", "at", "value_part", "speaker_part", "value_whole", "speaker_whole", "event"}

Quantity = tuple[str | None, str | None, str | None]  # subject, state, population


def _quantity(claim: Claim) -> Quantity:
    return claim.subject, claim.predicate, claim.population


def is_part(part: Quantity, whole: Quantity, taxonomy: Taxonomy, zero: bool = False) -> bool:
    """Whether ``part`` counts some of what ``whole`` counts, and is not the same quantity; with ``zero``, of a whole
    of zero, which also holds the parts of ``Taxonomy.zero_state_parts`` (none of the casualties: none killed)."""
    if part == whole:
        return False
    (subject, state, population), (whole_subject, whole_state, whole_population) = part, whole
    if whole_subject not in taxonomy.subject_line(subject):
        return False
    if state != whole_state and (state, whole_state) not in taxonomy.state_parts and not (
            zero and (state, whole_state) in taxonomy.zero_state_parts):
        return False
    return population == whole_population or whole_population is None


def _counts_by_event(data: CheckData) -> dict[str, dict[Quantity, list[Claim]]]:
    events: dict[str, dict[Quantity, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in data.claims:
        if (claim.kind != "count" or not claim.event_id or claim.predicate is None or claim.subject is None
                or claim.partial or claim.value_kind == "vague" or district_part(claim, data) or claim.other_event):
            continue
        events[claim.event_id][_quantity(claim)].append(claim)
    return events


def _positions(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    """A speaker's figure and every copy of it, keyed by (speaker, low, high)."""
    positions: dict[tuple, list[Claim]] = {}
    for claim in claims:
        positions.setdefault((claim.speaker or "", *interval(claim)), []).append(claim)
    return positions


def _explained_by_time(part: Claim, whole: Claim, data: CheckData) -> bool:
    """A whole that is a running tally, given days before a part that exceeds it, may simply have grown."""
    tally = data.taxonomy.tallies.get(whole.predicate or "")
    if tally is None or not apart_in_time(part, whole, data):
        return False
    if tally == "changing":
        return True
    part_date, whole_date = as_of(part, data), as_of(whole, data)
    return part_date is not None and whole_date is not None and whole_date < part_date


def _broken(parts: list[Claim], wholes: list[Claim], data: CheckData) -> bool:
    # a whole of zero ("no casualties") is left out here: one that names no group is nearly always scoped more
    # narrowly than it reads, so a part it seems to deny is usually outside it (zeros of a named group: run())
    # (each side is one position, so one figure: only the dates its copies were given at can differ)
    return _exceeds(parts[0], wholes[0]) and _unexplained(parts, wholes, data)


def _unexplained(parts: list[Claim], wholes: list[Claim], data: CheckData) -> bool:
    """Whether time explains none of a part's positions against a whole's: some dates the two were given at leave
    no room for the whole to have grown."""
    return any(not _explained_by_time(p, w, data) for p in _given_at(parts, data) for w in _given_at(wholes, data))


def _given_at(claims: list[Claim], data: CheckData) -> list[Claim]:
    """One claim for each date the figure was given at (all ``_explained_by_time`` reads of a copy)."""
    return list({as_of(claim, data): claim for claim in reversed(claims)}.values())


def _exceeds(part: Claim, whole: Claim) -> bool:
    """Whether the part, at its lowest, is more than a whole above zero, at its highest."""
    part_figure, whole_figure = part.compared(), whole.compared()
    if part_figure is None or whole_figure is None:
        return False
    return part_figure[0] > whole_figure[1] > 0


def _pairs(quantities: dict[Quantity, list[Claim]], taxonomy: Taxonomy) -> Iterator[tuple[Quantity, Quantity]]:
    keys = sorted(quantities, key=repr)
    for part in keys:
        for whole in keys:
            if is_part(part, whole, taxonomy):
                yield part, whole


def _zero_pairs(quantities: dict[Quantity, list[Claim]], taxonomy: Taxonomy) -> Iterator[tuple[Quantity, Quantity]]:
    """Quantities and a whole of theirs that some figure gives as zero for a group it names ("no casualties among
    US troops" against "three US soldiers killed"); a zero of no named group ("no casualties were reported") is
    nearly always scoped more narrowly than it reads, and is left out."""
    keys = sorted(quantities, key=repr)
    zeros = [key for key in keys if key[2] is not None and any(interval(c) == (0, 0) for c in quantities[key])]
    for whole in zeros:  # (a whole that names its population holds only parts of that population: ``is_part``)
        for part in keys:
            if is_part(part, whole, taxonomy, zero=True):
                yield part, whole


def run(data: CheckData, params: CheckParams) -> Drafts:
    for event_id, quantities in _counts_by_event(data).items():
        positions: dict[Quantity, dict[tuple, list[Claim]]] = {}  # each quantity's, worked out once per event
        for part_key, whole_key in _pairs(quantities, data.taxonomy):
            parts_of, wholes_of = (_positions_of(key, quantities, positions, data) for key in (part_key, whole_key))
            # a whole of zero ("no rockets were fired") holds nothing: it never excuses a part (vague wholes are
            # left out above)
            whole_figures = [wholes[0] for wholes in wholes_of.values() if interval(wholes[0])[1] > 0]
            broken = [(parts, wholes)
                      for (part_speaker, *_), parts in parts_of.items()
                      if all(_exceeds(parts[0], whole) for whole in whole_figures)
                      for (whole_speaker, *_), wholes in wholes_of.items()
                      if part_speaker != whole_speaker and _broken(parts, wholes, data)]
            if broken:  # one finding per broken relation, with every pair of positions that breaks it
                yield _draft(event_id, broken, data)
        for part_key, whole_key in _zero_pairs(quantities, data.taxonomy):
            parts_of, wholes_of = (_positions_of(key, quantities, positions, data) for key in (part_key, whole_key))
            denied = [(parts, wholes)
                      for (part_speaker, *_), parts in parts_of.items() if interval(parts[0])[0] > 0
                      for (whole_speaker, low, high), wholes in wholes_of.items() if (low, high) == (0, 0)
                      and part_speaker != whole_speaker and _unexplained(parts, wholes, data)]
            if denied:  # "three US soldiers killed" against "no casualties among US troops"
                yield _draft(event_id, denied, data)


def _positions_of(key: Quantity, quantities: dict[Quantity, list[Claim]],
                  positions: dict[Quantity, dict[tuple, list[Claim]]], data: CheckData) -> dict[tuple, list[Claim]]:
    """A quantity's positions (``_positions``) in publication order, kept in ``positions`` once worked out."""
    if key not in positions:
        positions[key] = _positions(sorted(quantities[key], key=lambda c: published_order(c, data)))
    return positions[key]


def _draft(event_id: str, broken: list[tuple[list[Claim], list[Claim]]], data: CheckData) -> Draft:
    """The relation's widest break leads the message (the highest part against the lowest whole)."""
    parts, wholes = max(broken, key=lambda pair: interval(pair[0][0])[0] - interval(pair[1][0])[1])
    part, whole = parts[0], wholes[0]
    event = data.event.get(event_id)
    claims = list({c.claim_id: c for pair in [(parts, wholes), *broken] for side in pair for c in side}.values())
    return Draft(
        values={
            "part": describe_quantity(part, data.taxonomy),
            "whole": describe_quantity(whole, data.taxonomy),
            "at": describe_place_and_date(event),
            "event": event.describe() if event else "",
            "value_part": format_value(part),
            "speaker_part": speaker_label(part, data),
            "value_whole": format_value(whole),
            "speaker_whole": speaker_label(whole, data),
        },
        claims=claims,
        event_id=event_id,
        key=repr((_quantity(part), _quantity(whole))),
    )
