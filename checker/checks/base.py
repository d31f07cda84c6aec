"""What every check type shares: the data it reads, the draft findings it yields, and value formatting."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from checker.gazetteer import Gazetteer
from checker.model import Article, Claim, Event, EventMention, place_phrase
from checker.schemas import RowFailure
from checker.taxonomy import Taxonomy


@dataclass
class CheckData:
    """Everything checks read: articles, claims, events and schema failures, with lookups."""

    articles: list[Article]
    claims: list[Claim]
    events: list[Event]
    validation_failures: list[RowFailure] = field(default_factory=list)
    drafts: frozenset[str] = frozenset()  # article ids of drafts under a pre-publication check
    unused_suppressions: list[tuple[str, int, int, str, int]] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # indexes that several rules of one run share
    mentions: list[EventMention] = field(default_factory=list)  # event words, places and dates of the articles
    gazetteer: Gazetteer = field(default_factory=Gazetteer.load)
    taxonomy: Taxonomy = field(default_factory=Taxonomy.load)

    @cached_property
    def article(self) -> dict[str, Article]:
        return {a.article_id: a for a in self.articles}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {c.claim_id: c for c in self.claims}

    @cached_property
    def event(self) -> dict[str, Event]:
        return {e.event_id: e for e in self.events}

    @cached_property
    def claims_by_event(self) -> dict[str, list[Claim]]:
        """Each event's claims in the order they were published (the same however the claims were read)."""
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.event_id:
                grouped[claim.event_id].append(claim)
        for claims in grouped.values():
            claims.sort(key=lambda c: published_order(c, self))
        return grouped

    @cached_property
    def claims_by_article(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim.article_id].append(claim)
        return grouped


class CheckParams(BaseModel):
    """A check type's parameters, typed and with defaults; a rule's ``params`` mapping is validated against
    its check type's model (strictly: a string is not a number, an unknown name is an error).

    A check type with parameters subclasses this; one without uses it as it is.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @property
    def reads_source_scores(self) -> bool:
        """Whether a rule with these parameters reads the source scores, so runs after they are computed."""
        return False


@dataclass
class Draft:
    """A finding before the rule gives it a code, severity and message: the values its template needs."""

    values: dict[str, object]
    claims: list[Claim]
    event_id: str | None = None
    key: str = ""  # distinguishes findings on the same claims (for stable ids)
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (article_id, start, end) not behind a claim
    dispute_id: str | None = None  # the dispute the finding belongs to
    severity: str | None = None  # at most this severe (a close or one-sided dispute); the rule's when None


def quantity_key(claim: Claim) -> tuple:
    """Two counts are comparable only if they share event, subject, predicate and population."""
    return (claim.event_id, claim.subject, claim.predicate, claim.population)


def format_value(claim: Claim) -> str:
    """A claim's value for a message: 8, at least 25, up to 110, 15-30, about 30."""
    low, high = claim.value_low, claim.value_high
    if low is None or claim.unit:  # a measure as written, its unit with it: "about 27 million acres"
        return claim.value_text or "?"
    if high is None or math.isinf(high):
        return f"at least {figure(low)}"
    if claim.value_kind == "approximate":
        return f"about {figure((low + high) / 2)}"
    if low == high:
        return figure(low)
    if low == 0:
        return f"up to {figure(high)}"
    return f"{figure(low)}-{figure(high)}"


def figure(value: float) -> str:
    """A number as a report writes it: 8, 4,645, 1,000,000, 2.5 (thousands separated, no exponent)."""
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 1000 else f"{value:.4g}"


def describe_quantity(claim: Claim, taxonomy: Taxonomy) -> str:
    """"rockets fired", "US troops killed", "rockets that failed to launch" (singular for exactly one); a measure
    by its dimension and unit: "flow rate in barrels a day"."""
    if claim.unit:  # "distance in km"; with what it measures: "depth in km"
        what = claim.predicate if claim.predicate and claim.predicate != "measured" else claim.subject
        return f"{what} in {claim.unit}"
    subject = claim.subject or "items"
    plural = taxonomy.plurals.get(subject, subject if subject.endswith("s") else f"{subject}s")
    if claim.value_low == 1 and claim.value_kind in ("exact", "lower"):
        plural = subject  # "1 rocket", "at least 1 contractor"
    if claim.population:
        plural = f"{claim.population} {plural}"
    phrase = taxonomy.predicate_phrases.get(claim.predicate or "", claim.predicate or "")
    return f"{plural} {phrase}".strip()


def describe_place_and_date(event: Event | None) -> str:
    """"at the Green Zone on 2020-12-20" (parts that are unknown are left out)."""
    if event is None:
        return ""
    words = []
    if event.place:
        words.append(place_phrase(event.place))
    if event.date_low and event.date_high:
        words.append(f"on {event.date_low}" if event.date_low == event.date_high
                     else f"between {event.date_low} and {event.date_high}")
    return " ".join(words)


def speaker_label(claim: Claim, data: CheckData) -> str:
    """The speaker as a reader knows it; for an outlet's own figure, the outlet or the article."""
    if claim.speaker_kind == "outlet":
        article = data.article.get(claim.article_id)
        return f"{article.outlet or claim.article_id}, unattributed" if article else claim.speaker or "outlet"
    return claim.speaker or "unknown speaker"


def interval(claim: Claim) -> tuple[float, float]:
    """A count's figure as (low, high), as it is compared (a measure in its dimension's unit); every count claim
    has one (the Claim schema requires it)."""
    figure = claim.compared()
    if figure is None:
        raise ValueError(f"claim {claim.claim_id} has no figure")
    return figure


def overlaps(a: Claim, b: Claim) -> bool:
    """Whether two count intervals overlap: only non-overlapping intervals contradict each other."""
    return intervals_overlap(interval(a), interval(b))


def intervals_overlap(a: tuple, b: tuple) -> bool:
    """Whether two (low, high) figures overlap."""
    return a[0] <= b[1] and b[0] <= a[1]


AS_OF_DAYS = 1  # figures given within a day of each other are about the same state of a count


def as_of(claim: Claim, data: CheckData) -> date | None:
    """When a figure was given: the day its sentence says it was ("said on Friday"), else its article's
    publication date (None when unknown)."""
    if claim.stated_on is not None:
        return claim.stated_on
    article = data.article.get(claim.article_id)
    return article.published if article else None


def apart_in_time(a: Claim, b: Claim, data: CheckData) -> bool:
    """Whether two figures were given far enough apart for a count to have moved between them."""
    first, second = as_of(a, data), as_of(b, data)
    return first is not None and second is not None and abs((first - second).days) > AS_OF_DAYS


def moved_with_time(a: Claim, b: Claim, data: CheckData) -> bool:
    """Whether two differing figures of a running count are explained by time: given days apart, and the later
    one higher for a count that only grows (the dead), or either way for a count that changes (the missing);
    for a count that only falls (the bodies still to be identified), lower on any later day.
    A cumulative count that falls later is a correction, and stays a conflict ("revised to 275 from 288")."""
    tally = data.taxonomy.tallies.get(a.predicate or "")
    if tally is None:
        return False
    if grew_as_said(a, b, data):
        return True
    if tally == "diminishing":  # the bodies still to be identified: lower on a later day is progress
        first, second = as_of(a, data), as_of(b, data)
        if first is not None and second is not None and first != second:
            earlier, later = (a, b) if first < second else (b, a)
            return _grew(later, earlier)
        return False
    if not apart_in_time(a, b, data):
        return False
    if tally == "changing":
        return True
    earlier, later = sorted((a, b), key=lambda c: as_of(c, data) or date.min)
    return _grew(earlier, later)


def _grew(earlier: Claim, later: Claim) -> bool:
    (earlier_low, earlier_high), (later_low, later_high) = interval(earlier), interval(later)
    return later_low >= earlier_low and later_high >= earlier_high


def grew_as_said(a: Claim, b: Claim, data: CheckData) -> bool:
    """Whether the higher of two figures of a count that only grows says it grew ("increased to 278") and was
    not given before the other: news of the count, not a conflict."""
    if data.taxonomy.tallies.get(a.predicate or "") != "cumulative":
        return False
    lower, higher = sorted((a, b), key=lambda c: interval(c)[0])
    first, second = as_of(lower, data), as_of(higher, data)
    return higher.revision_cue and _grew(lower, higher) and (first is None or second is None or second >= first)


def published_order(claim: Claim, data: CheckData) -> tuple:
    article = data.article.get(claim.article_id)
    published = article.published if article and article.published else None
    return (published is None, published, claim.article_id, claim.start)


Drafts = Iterator[Draft]
