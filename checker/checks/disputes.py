"""Disputes: one quantity of one event, every figure given for it, and whether they can all be right at one time.

A fact-checker's unit of work is a dispute, not a pair of sentences. Count claims are grouped by quantity
(event, what is counted, its state, whose). Within a quantity:

- a claim's *body* is who gave the figure: its speaker; an outlet's own figure (a headline) that the same
  article attributes to a named speaker is that speaker's;
- each body's figures, in the order they were stated, are its *timeline*: a later figure that differs revises
  the one before it (shown, not flagged);
- a *position* is one figure (an interval) with every body that stated it, the articles and outlets that
  carried it (copies of one wire story counted once) and when it was first and last stated;
- two positions *conflict* when figures of them given by different bodies do not overlap, were stated at the
  same time (for a running count, such as the dead or the missing, within ``window_days`` of each other), and
  the article does not explain the difference (a figure it says was revised, a toll it says grew);
- one article that gives one body's two figures unreconciled (``unreconciled``) is a conflict too, within
  that article.

A quantity with any conflict is a dispute, reported once with every position; its id is derived from its
event and quantity, so it is the same on every run over the same record.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import combinations

from checker.checks.base import (
    CheckData,
    as_of,
    describe_quantity,
    format_value,
    interval,
    intervals_overlap,
    moved_with_time,
    overlaps,
    published_order,
    quantity_key,
    speaker_label,
)
from checker.gazetteer import REGION_LEVEL
from checker.model import SEVERITY_RANK, Claim, Dispute, Finding, Position, TimelineStep
from checker.reliability import detect_copies, outlet_of

WINDOW_DAYS = 2  # figures of a running count stated further apart than this are a timeline, not a conflict
COMPARED_POSITIONS = 200  # at most this many figures of one quantity are compared pair by pair
CLOSE_SPREAD = 0.10  # conflicting figures within 10 % of each other: a warning, not an error

Figure = tuple[float, float]


def dispute_id(key: tuple) -> str:
    """A dispute's stable id: a digest of its event and quantity."""
    return "D-" + hashlib.sha1("|".join(str(part) for part in key).encode()).hexdigest()[:10]


def comparable_counts(data: CheckData, include_vague: bool) -> dict[tuple, list[Claim]]:
    """Count claims grouped by quantity (event, subject, predicate, population), each group in the order its
    figures were stated (publication order; within one article, a figure the text says was replaced first);
    worked out once per run (the dispute, revision and unreconciled rules all read it)."""
    memo_key = ("comparable_counts", include_vague)
    if memo_key in data.memo:
        return data.memo[memo_key]
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in data.claims:
        if claim.kind != "count" or not claim.event_id or claim.predicate is None:
            continue
        if claim.value_kind == "vague" and not include_vague:
            continue  # "several rockets" is too loose to contradict "21"
        if claim.partial:
            continue  # "two others hit houses" is a part, not a total
        if claim.other_event:
            continue  # "another accident ... left seven dead": a recap of another event, not this one's figure
        if district_part(claim, data):
            continue  # "three people in Burnet County" of a flood across Texas: a district's part of the toll
        groups[quantity_key(claim)].append(claim)
    for claims in groups.values():
        claims.sort(key=lambda c: said_order(c, data))
    data.memo[memo_key] = groups
    return groups


def district_part(claim: Claim, data: CheckData) -> bool:
    """Whether a figure counts one named district of an event that lies in a whole region or country ("three
    people in Burnet County" of a flood across Texas): a part of the event's count, never its total."""
    if not claim.scope:
        return False
    event = data.event.get(claim.event_id or "")
    if event is None or event.place is None or data.gazetteer.level(event.place) < REGION_LEVEL:
        return False
    # "30 people in Texas" of a flood across Texas is the whole, not a part
    return claim.scope != event.place and not data.gazetteer.within(event.place, claim.scope)


def said_order(claim: Claim, data: CheckData) -> tuple:
    """Publication order; within one article, a figure the text says was replaced ("from 863") comes first."""
    published, day, article, start = published_order(claim, data)
    return published, day, article, not claim.superseded, start


def is_revision(earlier: Claim, later: Claim, data: CheckData) -> bool:
    """Same speaker, and either a later article or a sentence that says the figure was updated."""
    if earlier.speaker != later.speaker or earlier.speaker_kind == "outlet" and earlier.article_id != later.article_id:
        return False
    if earlier.article_id != later.article_id:
        first, second = (data.article[c.article_id].published for c in (earlier, later))
        return first is not None and second is not None and first < second
    return later.revision_cue


def contradicts(a: Claim, b: Claim, data: CheckData) -> bool:
    """Whether two figures of one quantity contradict each other, whatever their bodies and dates."""
    if overlaps(a, b):
        return False
    if a.article_id == b.article_id and (a.revision_cue or b.revision_cue or a.moment_cue or b.moment_cue):
        return False  # "the toll, which initially had been 14, rose to 23", "at the beginning of the spill, ...": the
        # article explains it
    if _dated_apart(a, b):
        return False  # their own sentences date them to different days: figures of two occasions, not one
    return not moved_with_time(a, b, data)


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Whether two figures are dated, each by its sentence or its article's frame, to days that do not overlap
    ("On January 2, 52 people died" against a crash of 20 April): they count different occasions."""
    if None in (a.event_date_low, a.event_date_high, b.event_date_low, b.event_date_high):
        return False
    return a.event_date_high < b.event_date_low or b.event_date_high < a.event_date_low  # type: ignore[operator]


def bodies(claims: Iterable[Claim]) -> dict[str, str]:
    """claim id -> the body that gave its figure: the speaker, or for an outlet's own figure that its article
    attributes to a named speaker elsewhere, that speaker."""
    claims = list(claims)
    named = {(c.article_id, c.value_low, c.value_high): c.speaker for c in claims
             if c.speaker and c.speaker_kind != "outlet"}
    body = {}
    for claim in claims:
        speaker = claim.speaker or ""
        if claim.speaker_kind == "outlet":
            speaker = named.get((claim.article_id, claim.value_low, claim.value_high), speaker) or ""
        body[claim.claim_id] = speaker
    return body


def running(claim: Claim, data: CheckData) -> bool:
    """Whether a claim's quantity is a running count (a toll, the missing), whose figures move as days pass."""
    return (claim.predicate or "") in data.taxonomy.tallies


def find_disputes(data: CheckData, window_days: int = WINDOW_DAYS, include_vague: bool = False) -> dict[tuple, Dispute]:
    """Every disputed quantity of the run, by quantity key (computed once per run and settings, shared by the
    rules that read disputes)."""
    memo_key = ("disputes", window_days, include_vague)
    if memo_key in data.memo:
        return data.memo[memo_key]
    found: dict[tuple, Dispute] = {}
    internal: dict[tuple, list[Claim]] = defaultdict(list)  # quantity key -> its unreconciled figures, any article
    for (_, key), figures in unreconciled(data, include_vague).items():
        internal[key].extend(figures)
    for key, claims in comparable_counts(data, include_vague).items():
        body = bodies(claims)
        positions: dict[Figure, list[Claim]] = defaultdict(list)
        for claim in claims:
            positions[interval(claim)].append(claim)
        across = _conflicting_positions(positions, body, data, window_days)
        if across:
            across -= _replaced_on_record(claims, data)
        within = internal.get(key, [])
        if across or within:
            found[key] = _dispute(key, claims, positions, body, across, within, data)
    data.memo[memo_key] = found
    return found


def disputes_found(data: CheckData, findings: Iterable[Finding]) -> list[Dispute]:
    """The disputes that ``findings`` belong to, in the order of their events and quantities, each as severe as
    the most severe of its findings (a rule's severity as configured, an estimate against a count's own)."""
    severity: dict[str, str] = {}
    for finding in findings:
        if finding.dispute_id and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[severity.get(finding.dispute_id,
                                                                                                "info")]:
            severity[finding.dispute_id] = finding.severity
    found: dict[str, Dispute] = {}
    for key, computed in data.memo.items():
        if isinstance(key, tuple) and key[0] == "disputes":
            found.update((d.dispute_id, replace(d, severity=severity[d.dispute_id]))
                         for d in computed.values() if d.dispute_id in severity)
    return sorted(found.values(), key=lambda d: (d.event_id, d.quantity, d.dispute_id))


def unreconciled(data: CheckData, include_vague: bool = False) -> dict[tuple[str, tuple], list[Claim]]:
    """(article id, quantity key) -> the figures one speaker gives in one article that contradict each other and
    that the article does not reconcile (not a stated revision or phase of the event, not one paragraph breaking a
    total down)."""
    memo_key = ("unreconciled", include_vague)
    if memo_key in data.memo:
        return data.memo[memo_key]
    found: dict[tuple[str, tuple], list[Claim]] = {}
    for key, claims in comparable_counts(data, include_vague).items():
        by_voice: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_voice[(claim.article_id, claim.speaker)].append(claim)
        for (article_id, _), figures in by_voice.items():
            kept = _contradicted_across_lines(figures)
            if kept:
                found.setdefault((article_id, key), []).extend(kept)
    data.memo[memo_key] = found
    return found


def _contradicted_across_lines(figures: list[Claim]) -> list[Claim]:
    """One speaker's figures in one article that some figure of another line contradicts (their intervals do not
    overlap), in text order. Figures on one line usually break a total down ("two in the zone, one outside"), and a
    figure whose clause says it was revised, or names the phase of the event it stood at, explains itself: neither
    contradicts. Linear in the figures: each is held against the lowest top and the highest bottom of the figures of
    the other lines."""
    candidates = [c for c in figures if not c.revision_cue and not c.moment_cue]
    lowest_tops: dict[int, float] = {}  # line -> the lowest top of its figures
    highest_bottoms: dict[int, float] = {}
    for claim in candidates:
        low, high = interval(claim)
        lowest_tops[claim.line] = min(high, lowest_tops.get(claim.line, high))
        highest_bottoms[claim.line] = max(low, highest_bottoms.get(claim.line, low))
    tops = sorted((top, line) for line, top in lowest_tops.items())[:2]
    bottoms = sorted(((bottom, line) for line, bottom in highest_bottoms.items()), reverse=True)[:2]
    kept = []
    for claim in candidates:
        low, high = interval(claim)
        below = next((top for top, line in tops if line != claim.line), None)
        above = next((bottom for bottom, line in bottoms if line != claim.line), None)
        if (below is not None and below < low) or (above is not None and above > high):
            kept.append(claim)
    return sorted(kept, key=lambda c: c.start)


def _moments(claims: list[Claim], body: dict[str, str], data: CheckData) -> list[Claim]:
    """A position's claims that differ in what a conflict test reads besides the figure (the body, when it was
    stated, whether its sentence says it changed), with at most two of different articles for each."""
    kept: dict[tuple, list[Claim]] = {}
    for claim in claims:
        if claim.superseded:
            continue  # a figure its own article says was replaced stood earlier: timeline, not a position now
        same = kept.setdefault((body[claim.claim_id], as_of(claim, data), claim.revision_cue), [])
        if len(same) < 2 and all(c.article_id != claim.article_id for c in same):
            same.append(claim)
    return [c for same in kept.values() for c in same]


def _at_one_time(a: Claim, b: Claim, data: CheckData, window_days: int) -> bool:
    """Whether two figures can be compared as they stood at one time: always for a fixed count (rockets fired);
    for a running count, when stated within the window (35 dead on Tuesday and 90 on Friday is a timeline),
    or when a count that only grows was stated lower later (time cannot explain a toll that fell)."""
    if not running(a, data):
        return True
    first, second = as_of(a, data), as_of(b, data)
    if first is None or second is None or abs((first - second).days) <= window_days:
        return True
    earlier, later = (a, b) if first < second else (b, a)
    return data.taxonomy.tallies.get(a.predicate or "") == "cumulative" and interval(later)[1] < interval(earlier)[0]


def _replaced_on_record(claims: list[Claim], data: CheckData) -> set[tuple[Figure, Figure]]:
    """Pairs of figures that an article on record says are one count's earlier and later states ("the toll rose
    to 769 from 717", "the number hurt rose to 934 from 863"): the record explains their difference, so the
    positions are a timeline wherever else they appear, not a conflict. A count that only grows (the dead)
    and was revised down ("revised to 275 from 288") was a mistake in one of them: that stays a conflict."""
    if not claims:
        return set()
    grows_only = data.taxonomy.tallies.get(claims[0].predicate or "") != "changing"
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    replaced: set[tuple[Figure, Figure]] = set()
    for figures in by_article.values():
        earlier = {interval(c) for c in figures if c.superseded}
        later = {interval(c) for c in figures if c.revision_cue and not c.superseded}
        for old in earlier:
            for new in later:
                if old != new and not (grows_only and new[0] < old[1]):
                    replaced.add((min(old, new), max(old, new)))
    return replaced


def _conflicting_positions(positions: dict[Figure, list[Claim]], body: dict[str, str], data: CheckData,
                           window_days: int) -> set[tuple[Figure, Figure]]:
    """The pairs of positions that contradict each other at one time, each stated by a different body.

    Positions are compared pair by pair, so a quantity given in more than COMPARED_POSITIONS different figures
    (no real reporting does; a generated list of figures does) is compared on its best-supported ones: the work
    stays bounded whatever the input."""
    moments = {figure: _moments(claims, body, data) for figure, claims in positions.items()}
    if len({body[c.claim_id] for claims in moments.values() for c in claims}) < 2:
        return set()  # one body: its figures are its timeline, never a conflict between sources
    figures = sorted(positions)
    if max(f[0] for f in figures) <= min(f[1] for f in figures):
        return set()  # every figure overlaps every other: nothing conflicts
    if len(figures) > COMPARED_POSITIONS:
        supported = sorted(figures, key=lambda f: (-len(positions[f]), f))[:COMPARED_POSITIONS]
        figures = sorted(supported)
    pairs = set()
    for first, second in combinations(figures, 2):
        if intervals_overlap(first, second):
            continue
        if any(body[a.claim_id] != body[b.claim_id] and _at_one_time(a, b, data, window_days)
               and contradicts(a, b, data) for a in moments[first] for b in moments[second]):
            pairs.add((first, second))
    return pairs


def _extreme_pairs(figures: set[Figure]) -> set[tuple[Figure, Figure]]:
    """Within one article, each figure paired with the lowest and the highest figure that contradict it (not with
    every one: a generated list of a thousand figures would make a million pairs)."""
    lowest = min(figures, key=lambda f: f[1])  # the lowest top
    highest = max(figures, key=lambda f: f[0])  # the highest bottom
    pairs = set()
    for figure in figures:
        for other in (lowest, highest):
            if other != figure and not intervals_overlap(figure, other):
                pairs.add((min(figure, other), max(figure, other)))
    return pairs


def _dispute(key: tuple, claims: list[Claim], positions: dict[Figure, list[Claim]], body: dict[str, str],
             across: set[tuple[Figure, Figure]], within: list[Claim], data: CheckData) -> Dispute:
    pairs = set(across)
    by_article: dict[str, set[Figure]] = defaultdict(set)
    for claim in within:
        by_article[claim.article_id].add(interval(claim))
    for figures in by_article.values():
        pairs |= _extreme_pairs(figures)
    conflicting = {figure for pair in pairs for figure in pair}
    order = sorted(positions)
    index = {figure: i for i, figure in enumerate(order)}
    against: dict[Figure, list[int]] = defaultdict(list)
    for a, b in sorted(pairs):
        against[a].append(index[b])
        against[b].append(index[a])
    copies = detect_copies(claims, data.article)
    estimated = {figure for figure in order if any(c.estimate for c in positions[figure])}
    records = [_position(figure, positions[figure], body, sorted(against[figure]), copies.original_of,
                         figure in estimated, data) for figure in order]
    low = min(f[1] for f in conflicting)
    high = max(f[0] for f in conflicting)
    spread = high / max(low, 1.0) - 1 if high > low else 0.0
    first = claims[0]
    return Dispute(
        dispute_id=dispute_id(key),
        event_id=first.event_id or "",
        quantity=describe_quantity(first, data.taxonomy),
        subject=first.subject,
        predicate=first.predicate,
        population=first.population,
        running=running(first, data),
        between_sources=bool(across),
        positions=records,
        timeline=_timeline(claims, body, data),
        unreconciled=sorted({c.article_id for c in within}),
        spread=round(spread, 4),
        estimate_against_count=all((a in estimated) != (b in estimated) for a, b in pairs),
        severity="error" if across and spread >= CLOSE_SPREAD else "warning",
    )


def _position(figure: Figure, claims: list[Claim], body: dict[str, str], conflicts_with: list[int],
              original_of: dict[str, str], estimate: bool, data: CheckData) -> Position:
    stated = [d for d in (as_of(c, data) for c in claims) if d is not None]
    outlets = list(dict.fromkeys(outlet_of(c, data.article) for c in claims))
    originals = {outlet_of(c, data.article) for c in claims if c.claim_id not in original_of}
    return Position(
        value_low=figure[0],
        value_high=None if figure[1] == float("inf") else figure[1],
        value_text=format_value(claims[0]),
        speakers=list(dict.fromkeys(_label(c, body, data) for c in claims)),
        claim_ids=[c.claim_id for c in claims],
        article_ids=list(dict.fromkeys(c.article_id for c in claims)),
        outlets=outlets,
        independent=max(1, len(originals)),
        first_stated=_iso(min(stated, default=None)),
        last_stated=_iso(max(stated, default=None)),
        conflicts_with=conflicts_with,
        estimate=estimate,
    )


def _label(claim: Claim, body: dict[str, str], data: CheckData) -> str:
    """A body as a reader knows it: a named speaker, or the outlet for its own figures."""
    if claim.speaker_kind == "outlet" and body[claim.claim_id] == (claim.speaker or ""):
        return speaker_label(claim, data)
    return body[claim.claim_id] or speaker_label(claim, data)


def _timeline(claims: list[Claim], body: dict[str, str], data: CheckData) -> list[TimelineStep]:
    """Each body's figures in the order it stated them, for the bodies whose figure changed."""
    by_body: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_body[body[claim.claim_id]].append(claim)
    steps: list[TimelineStep] = []
    for figures in by_body.values():
        kept: list[list[Claim]] = []  # runs of one figure (or overlapping ones)
        for claim in figures:
            if kept and overlaps(kept[-1][-1], claim):
                kept[-1].append(claim)
            else:
                kept.append([claim])
        steps_revised = (_revises(earlier[-1], later[0], data) for earlier, later in zip(kept, kept[1:], strict=False))
        if len(kept) < 2 or not any(steps_revised):
            continue  # one figure, or differing figures of one day that no sentence says were revised
        for index, run in enumerate(kept):
            stated = [d for d in (as_of(c, data) for c in run) if d is not None]
            steps.append(TimelineStep(
                speaker=_label(run[0], body, data),
                value_text=format_value(run[0]),
                stated=_iso(min(stated, default=None)),
                claim_ids=[c.claim_id for c in run],
                revises=format_value(kept[index - 1][0]) if index else None,
            ))
    return steps


def _revises(earlier: Claim, later: Claim, data: CheckData) -> bool:
    """Whether a body's later figure replaced its earlier one: stated on a later day, or said to be a revision."""
    first, second = as_of(earlier, data), as_of(later, data)
    return (first is not None and second is not None and first < second) or later.revision_cue or earlier.superseded


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
