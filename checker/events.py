"""Event clustering: group claims about the same attack (type, place, date) across articles.

Blocks first on (event type, place), then sweeps each block in date order, so the
cost grows with the size of the blocks, never with the square of the corpus.
A claim with an open date joins an event only through its own article: when that
article's other claims of the same kind and place all belong to one event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from checker.model import Claim, Event

# A date interval at most this wide anchors an event ("on Sunday", "December 20").
ANCHOR_DAYS = 3
# A wider interval ("in December", "last week") joins the one anchored event it overlaps.
_SLUG = re.compile(r"[^a-z0-9]+")


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
    for claim in anchors:  # sweep: overlapping (or touching) day intervals are one event
        current = clusters[-1] if clusters else None
        if current and claim.event_date_low <= current.high + timedelta(days=0):
            current.high = max(current.high, claim.event_date_high)
        else:
            current = _Cluster(event_type, place, claim.event_date_low, claim.event_date_high)
            clusters.append(current)
        current.add(claim)
    wide = [c for c in claims if _span_days(c) is not None and _span_days(c) > ANCHOR_DAYS]
    loose: list[_Cluster] = []
    for claim in sorted(wide, key=lambda c: (c.event_date_low, c.event_date_high)):
        fits = [k for k in clusters if k.overlaps(claim.event_date_low, claim.event_date_high)]
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


def cluster_events(claims: list[Claim]) -> list[Event]:
    """Assign ``event_id`` to every claim that names an event; return the events in a stable order."""
    blocks: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    open_dated: list[Claim] = []
    untyped: list[Claim] = []
    for claim in claims:
        if claim.kind == "attribution":
            continue  # a source is not about an event by itself
        if claim.event_type is None and claim.place is None:
            continue
        if claim.event_type is None:
            untyped.append(claim)
        elif _span_days(claim) is None:
            open_dated.append(claim)
        else:
            blocks[(claim.event_type, claim.place)].append(claim)
    clusters: list[_Cluster] = []
    for (event_type, place), block in sorted(blocks.items(), key=lambda item: (item[0][0] or "", item[0][1] or "")):
        clusters.extend(_cluster_block(block, event_type, place))
    by_claim = {id(claim): cluster for cluster in clusters for claim in cluster.claims}

    def article_events(article_id: str, event_type: str | None, place: str | None) -> set[int]:
        return {
            id(by_claim[id(other)]) for other in by_article[article_id]
            if id(other) in by_claim and other.place == place and (event_type is None or other.event_type == event_type)
        }

    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    cluster_by_id = {id(cluster): cluster for cluster in clusters}
    own: dict[tuple, _Cluster] = {}
    for claim in open_dated + untyped:
        # joins an event only when its article points at exactly one event of that kind at that place
        candidates = article_events(claim.article_id, claim.event_type, claim.place)
        if claim.event_type is None and claim.event_date_low is not None:
            candidates = {k for k in candidates
                          if cluster_by_id[k].overlaps(claim.event_date_low, claim.event_date_high or claim.event_date_low)}
        if len(candidates) == 1:
            cluster = cluster_by_id[candidates.pop()]
        else:
            key = (claim.article_id, claim.event_type, claim.place)
            if key not in own:
                own[key] = _Cluster(claim.event_type, claim.place, None, None)
                clusters.append(own[key])
                cluster_by_id[id(own[key])] = own[key]
            cluster = own[key]
        cluster.add(claim)
        by_claim[id(claim)] = cluster
    return _events_from(clusters)


def _events_from(clusters: list[_Cluster]) -> list[Event]:
    events: list[Event] = []
    used: dict[str, int] = {}
    for cluster in clusters:
        dated = cluster.low.isoformat() if cluster.low == cluster.high and cluster.low else (
            f"{cluster.low}..{cluster.high}" if cluster.low else f"open-{_slug(cluster.claims[0].article_id)}"
        )
        base = f"{_slug(cluster.event_type)}@{_slug(cluster.place)}@{dated}"
        used[base] = used.get(base, 0) + 1
        event_id = base if used[base] == 1 else f"{base}#{used[base]}"
        for claim in cluster.claims:
            claim.event_id = event_id
        events.append(Event(
            event_id=event_id,
            event_type=cluster.event_type,
            place=cluster.place,
            date_low=cluster.low,
            date_high=cluster.high,
            claim_ids=[c.claim_id for c in cluster.claims],
            article_ids=sorted({c.article_id for c in cluster.claims}),
        ))
    return events
