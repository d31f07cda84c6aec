"""Event clustering: group framed claims about the same event (type, place, date) across articles.

Blocks first on (event type, place), then sweeps each block in date order, so the
cost grows with the size of the blocks, never with the square of the corpus.
A claim with an open date joins an event only through its own article: when that
article's other claims of the same kind and place all belong to one event.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from checker.model import Claim, Event

# A date interval at most this wide anchors an event ("on Sunday", "December 20").
ANCHOR_DAYS = 3
# A wider interval ("in December", "last week") joins the one anchored event it overlaps, if exactly one.
_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def _slug(text: str | None) -> str:
    return _SLUG.sub("-", (text or "unknown").lower()).strip("-")


def _span_days(claim: Claim) -> int | None:
    if claim.event_date_low is None or claim.event_date_high is None:
        return None
    return (claim.event_date_high - claim.event_date_low).days


class _Cluster:
    def __init__(self, event_type: str | None, place: str | None, low: date | None, high: date | None) -> None:
        self.event_type, self.place, self.low, self.high = event_type, place, low, high
        self.claims: list[Claim] = []

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)

    def overlaps(self, low: date, high: date) -> bool:
        return self.low is not None and self.high is not None and low <= self.high and high >= self.low


def _cluster_block(claims: list[Claim], event_type: str | None, place: str | None) -> list[_Cluster]:
    """Events of one (type, place) block: anchors merged by date overlap, then wider and open dates attached."""
    anchors = sorted((c for c in claims if (_span_days(c) or 0) <= ANCHOR_DAYS and _span_days(c) is not None),
                     key=lambda c: (c.event_date_low, c.event_date_high))
    clusters: list[_Cluster] = []
    for claim in anchors:  # sweep: overlapping day intervals are one event (adjacent days are not)
        current = clusters[-1] if clusters else None
        if current and claim.event_date_low <= current.high:
            current.high = max(current.high, claim.event_date_high)
        else:
            current = _Cluster(event_type, place, claim.event_date_low, claim.event_date_high)
            clusters.append(current)
        current.add(claim)
    wide = [c for c in claims if _span_days(c) is not None and _span_days(c) > ANCHOR_DAYS]
    loose: list[_Cluster] = []
    lows = [cluster.low for cluster in clusters]  # anchored events are disjoint and sorted: bisect, don't scan
    for claim in sorted(wide, key=lambda c: (c.event_date_low, c.event_date_high)):
        fits = []
        position = bisect.bisect_right(lows, claim.event_date_high) - 1
        while position >= 0 and clusters[position].high >= claim.event_date_low and len(fits) < 2:
            fits.append(clusters[position])
            position -= 1
        if len(fits) == 1:
            fits[0].add(claim)
            continue
        same = [k for k in loose if k.low == claim.event_date_low and k.high == claim.event_date_high]
        if same:
            same[0].add(claim)
        else:
            loose.append(_Cluster(event_type, place, claim.event_date_low, claim.event_date_high))
            loose[-1].add(claim)
    return clusters + loose


def cluster_events(claims: list[Claim]) -> tuple[dict[str, str], list[Event]]:
    """The event of every claim that names one (claim id -> event id), and the events in a stable order.

    Claims are read, never changed: their frames (event type, place, dates) decide.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a million small objects: the cyclic collector would rescan them again and again, for nothing
    try:
        return _cluster_events(claims)
    finally:
        if gc_was_enabled:
            gc.enable()


def _cluster_events(claims: list[Claim]) -> tuple[dict[str, str], list[Event]]:
    blocks: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    pending: list[Claim] = []  # open dates and unknown event types: placed through their article
    for claim in claims:
        if claim.kind == "attribution" or (claim.event_type is None and claim.place is None):
            continue  # a source, or a figure with nothing to say which event it is about
        if claim.event_type is None or claim.event_date_low is None or claim.event_date_high is None:
            pending.append(claim)
        else:
            blocks[(claim.event_type, claim.place)].append(claim)
    clusters: list[_Cluster] = []
    for (event_type, place), block in sorted(blocks.items(), key=lambda item: (item[0][0] or "", item[0][1] or "")):
        clusters.extend(_cluster_block(block, event_type, place))
    if pending:
        _place_pending(pending, clusters)
    return _events_from(clusters)


def _place_pending(pending: list[Claim], clusters: list[_Cluster]) -> None:
    """A claim with an open date (or no event type) joins the one event its own article names, else its own."""
    articles = {claim.article_id for claim in pending}
    # per article: (event type, place) -> the clusters its dated claims belong to
    named: dict[str, dict[tuple, set[int]]] = defaultdict(lambda: defaultdict(set))
    by_id: dict[int, _Cluster] = {}
    for cluster in clusters:
        by_id[id(cluster)] = cluster
        for claim in cluster.claims:
            if claim.article_id in articles and claim.value_kind != "vague":  # "several attacks since January"
                named[claim.article_id][(claim.event_type, claim.place)].add(id(cluster))
                named[claim.article_id][(None, claim.place)].add(id(cluster))
    own: dict[tuple, _Cluster] = {}
    for claim in pending:
        candidates = set(named[claim.article_id].get((claim.event_type, claim.place), ()))
        if claim.event_type is None and claim.event_date_low is not None:
            high = claim.event_date_high or claim.event_date_low
            candidates = {k for k in candidates if by_id[k].overlaps(claim.event_date_low, high)}
        if len(candidates) == 1:
            by_id[candidates.pop()].add(claim)
            continue
        key = (claim.article_id, claim.event_type, claim.place)
        if key not in own:
            own[key] = _Cluster(claim.event_type, claim.place, None, None)
            clusters.append(own[key])
        own[key].add(claim)


def _events_from(clusters: list[_Cluster]) -> tuple[dict[str, str], list[Event]]:
    events: list[Event] = []
    event_of: dict[str, str] = {}
    used: dict[str, int] = {}
    for cluster in clusters:
        dated = cluster.low.isoformat() if cluster.low == cluster.high and cluster.low else (
            f"{cluster.low}..{cluster.high}" if cluster.low else f"open-{_slug(cluster.claims[0].article_id)}"
        )
        base = f"{_slug(cluster.event_type)}@{_slug(cluster.place)}@{dated}"
        used[base] = used.get(base, 0) + 1
        event_id = base if used[base] == 1 else f"{base}#{used[base]}"
        for claim in cluster.claims:
            event_of[claim.claim_id] = event_id
        events.append(Event(
            event_id=event_id,
            event_type=cluster.event_type,
            place=cluster.place,
            date_low=cluster.low,
            date_high=cluster.high,
            claim_ids=[c.claim_id for c in cluster.claims],
            article_ids=sorted({c.article_id for c in cluster.claims}),
        ))
    return event_of, events
