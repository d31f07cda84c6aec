"""Event resolution: which real-world event each claim is about, behind one small interface.

Extraction emits claims and event *mentions* (event words, places, dates with their spans);
``EventResolver.resolve(claims, mentions, articles)`` frames each claim from its article's
mentions (``frames``) and clusters the framed claims of all articles into events
(``cluster``). It returns results and never changes the claims it is given:
``Resolution.apply(claims)`` gives resolved copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from checker.events.cluster import SLACK, TALLY_DAYS, EventClusterer
from checker.events.frames import Frame, frames_by_article
from checker.gazetteer import Gazetteer
from checker.model import Article, Claim, Event, EventMention
from checker.taxonomy import Taxonomy

__all__ = ["EventResolver", "Frame", "Resolution"]

REACH = TALLY_DAYS + SLACK  # an event this far from a claim's dates can still take it in (a later toll)


@dataclass
class Resolution:
    """What event resolution found: each claim's frame and event, and the events."""

    frames: dict[str, Frame] = field(default_factory=dict)  # claim id -> the event as its article frames it
    event_of: dict[str, str] = field(default_factory=dict)  # claim id -> event id
    events: list[Event] = field(default_factory=list)

    def apply(self, claims: Iterable[Claim]) -> list[Claim]:
        """Copies of ``claims`` with their frames and event ids filled in (the originals are left as they are)."""
        resolved = []
        for claim in claims:
            frame = self.frames.get(claim.claim_id)
            event_id = self.event_of.get(claim.claim_id)
            if frame is None:
                resolved.append(replace(claim, event_id=event_id))
                continue
            resolved.append(replace(claim, event_id=event_id, event_type=frame.event_type, place=frame.place,
                                    event_date_low=frame.date_low, event_date_high=frame.date_high))
        return resolved


class EventResolver:
    """Frames claims from their articles' mentions and clusters them into events (gazetteer and taxonomy given)."""

    def __init__(self, gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
        self.gazetteer = gazetteer
        self.taxonomy = taxonomy
        self.clusterer = EventClusterer(gazetteer, taxonomy)

    def frame(self, claims: Sequence[Claim], mentions: Iterable[EventMention],
              articles: Iterable[Article]) -> dict[str, Frame]:
        """The frame of each claim, read from its own article's mentions (claim id -> frame)."""
        published = {article.article_id: article.published for article in articles}
        return frames_by_article(claims, mentions, published, self.gazetteer, self.taxonomy)

    def frame_claims(self, claims: Sequence[Claim], mentions: Iterable[EventMention],
                     articles: Iterable[Article]) -> list[Claim]:
        """Copies of ``claims`` with their frames filled in (per article: this runs where extraction runs)."""
        return Resolution(frames=self.frame(claims, mentions, articles)).apply(claims)

    def resolve(self, claims: Sequence[Claim], mentions: Iterable[EventMention],
                articles: Iterable[Article]) -> Resolution:
        """Frame every claim, then cluster the framed claims of all articles into events."""
        articles = list(articles)
        frames = self.frame(claims, mentions, articles)
        framed = Resolution(frames=frames).apply(claims)  # the cluster keys are the frames
        return self.cluster(framed, articles)

    def cluster(self, framed_claims: Sequence[Claim], articles: Iterable[Article] = ()) -> Resolution:
        """Events of claims already framed (as a ledger stores them): their frames stay as they are. An undated
        claim is bounded by its article's publication date."""
        published = {article.article_id: article.published for article in articles}
        event_of, events = self.clusterer.cluster(framed_claims, published)
        frames = {c.claim_id: Frame(c.event_type, c.place, c.event_date_low, c.event_date_high)
                  for c in framed_claims}
        return Resolution(frames=frames, event_of=event_of, events=events)

    def could_join(self, frame: Frame, published: date | None, event: Event) -> bool:
        """Whether clustering could put a claim of this frame (its article published on ``published``) in
        ``event``, or in one event with it: a superset of what the clusterer merges, so that a reader of a
        large record (the ledger, for a draft) can take only the events in reach and cluster as it would over
        the whole record.

        In reach: types compatible (or unknown); places compatible, or in one country (or unknown); dates
        within the days a running toll keeps coming (``TALLY_DAYS``) of the frame's dates; for an undated
        frame, any event up to its article's publication."""
        if not self.taxonomy.compatible_types(frame.event_type, event.event_type):
            return False
        if frame.place and event.place and not self.gazetteer.compatible(frame.place, event.place):
            country = self.gazetteer.country_of(frame.place)
            if country is None or country != self.gazetteer.country_of(event.place):
                return False
        low, high = event.date_low, event.date_high
        if low is None or high is None:
            return True  # an undated event on record may take in a dated claim, or join its event
        if frame.date_low is None or frame.date_high is None:
            return published is None or low <= published + SLACK
        return low <= frame.date_high + REACH and high >= frame.date_low - REACH
