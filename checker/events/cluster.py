"""Event clustering: framed claims about one real-world event, across articles, become one event.

Claims are first grouped into article events (one article's claims with one frame). Dated
article events are swept in date order: one joins an event whose dates overlap its own (a
day either side) when their places are compatible (the same, one inside the other) and
their types are compatible (or unknown); two events with different anchored dates never
merge. An article event dated only roughly ("in December") joins the one dated event it
fits, if exactly one; one with no date at all, bounded only by its article's publication,
joins the one event of its article, else the one event on record it fits (type and place
known) in the TALLY_DAYS before publication, if exactly one (an article naming no kind of event joins
the one event at its place). Otherwise it stays an event of its own, shared with the undated articles of
the same weeks on the same kind of event at the same place inside a country (a spill in a gulf).

The sweep keeps only the events whose dates can still overlap, and open dates look only
at events of their country, so the cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import bisect
import gc
import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.gazetteer import COUNTRY_LEVEL, Gazetteer
from checker.model import Claim, Event
from checker.taxonomy import Taxonomy

__all__ = ["EventClusterer"]

ANCHOR_DAYS = 3  # a date interval at most this wide anchors an event ("on Sunday", "December 20")
SLACK = timedelta(days=1)  # reports a day apart about one event ("late Thursday", "early Friday")
PLACELESS_DAYS = timedelta(days=14)  # an article naming no place or date joins an event this recent, if only one
TALLY_DAYS = timedelta(days=60)  # counts of an event's dead or missing keep coming this long after it
RECENT_DAYS = timedelta(days=365)  # an undated figure is about an event at most this old when its article appeared
PERIOD = timedelta(days=62)  # a figure dated over a span wider than this counts many events ("since 2014")
CLEARLY_LATER = timedelta(days=7)  # an undated article is about the latest event it fits, if this much later
_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str | None) -> str:
    return _SLUG.sub("-", (text or "unknown").lower()).strip("-")


@dataclass
class _Group:
    """Claims of one article with one frame, or several such groups merged into one event."""

    event_type: str | None
    place: str | None
    low: date | None
    high: date | None
    claims: list[Claim] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    spread: bool = False  # its places lie apart (two towns of a region's quake): no one of them is its place

    @property
    def width(self) -> int | None:
        return None if self.low is None or self.high is None else (self.high - self.low).days


class EventClusterer:
    """Clusters framed claims into events with the gazetteer's places and the taxonomy's types."""

    def __init__(self, gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
        self.gazetteer, self.taxonomy = gazetteer, taxonomy

    def cluster(self, claims: Iterable[Claim], published: dict[str, date | None] | None = None
                ) -> tuple[dict[str, str], list[Event]]:
        """The event of every claim that names one (claim id -> event id), and the events in a stable order.

        Claims are read, never changed: their frames (event type, place, dates) decide.
        """
        gc_was_enabled = gc.isenabled()
        gc.disable()  # a million small objects: the cyclic collector would rescan them again and again, for nothing
        try:
            return self._cluster(claims, published or {})
        finally:
            if gc_was_enabled:
                gc.enable()

    def _cluster(self, claims: Iterable[Claim], published: dict[str, date | None]
                 ) -> tuple[dict[str, str], list[Event]]:
        groups: dict[tuple, _Group] = {}
        for claim in claims:
            if claim.kind == "attribution" or (claim.event_type is None and claim.place is None):
                continue  # a source, or a figure with nothing to say which event it is about
            key = (claim.article_id, claim.event_type, claim.place, claim.event_date_low, claim.event_date_high)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(claim.event_type, claim.place, claim.event_date_low, claim.event_date_high,
                                             places={claim.place} if claim.place else set(),
                                             articles={claim.article_id})
            group.claims.append(claim)
        anchored = sorted((g for g in groups.values() if g.width is not None and g.width <= ANCHOR_DAYS),
                          key=lambda g: (g.low, g.high, g.claims[0].claim_id))
        wide = sorted((g for g in groups.values() if g.width is not None and g.width > ANCHOR_DAYS),
                      key=lambda g: (g.low, g.high, g.claims[0].claim_id))
        undated = sorted((g for g in groups.values() if g.width is None), key=lambda g: g.claims[0].claim_id)
        events = self._follow_ups(self._sweep(anchored))
        closely_dated = {article for group in anchored for article in group.articles}
        loose = self._attach_wide(wide, events, closely_dated)
        rough = [e for e in loose if e.low is not None and e.high is not None and e.high - e.low <= PERIOD]
        own = self._attach_undated(undated, events + rough, published)  # a period is no event to join
        return _events_from(events + loose + own)

    def _fits(self, group: _Group, event: _Group) -> bool:
        if not self.taxonomy.compatible_types(group.event_type, event.event_type):
            return False
        if all(self.gazetteer.compatible(place, other) for place in group.places for other in event.places):
            return True
        return self._one_region(group, event)

    def _one_region(self, group: _Group, event: _Group) -> bool:
        """Whether two groups of a kind of event that strikes a whole region (a quake) lie in one region: two
        towns of one province reporting a quake on the same days report one quake. Where the gazetteer does not
        know a town's region, one country stands for it."""
        kinds = [t for t in (group.event_type, event.event_type) if t is not None]
        if not kinds or not all(self.taxonomy.spans_region(t) for t in kinds):
            return False
        places = group.places | event.places
        regions = {self.gazetteer.region_of(place) for place in places}
        if None not in regions:
            return len(regions) == 1
        countries = {self.gazetteer.country_of(place) for place in places}
        return len(countries) == 1 and None not in countries

    def _merge(self, event: _Group, group: _Group) -> None:
        event.spread = event.spread or group.spread
        event.claims.extend(group.claims)
        event.articles |= group.articles
        event.places |= group.places
        event.event_type = self.taxonomy.broadest_common(event.event_type, group.event_type)
        if group.place and event.place and not self.gazetteer.compatible(group.place, event.place):
            # two towns of one quake: the place all its places lie in (its region, its country)
            event.place = self._around(event.places) or event.place
            event.spread = True
        elif group.place and not event.spread and (event.place is None
                              or self.gazetteer.level(group.place) < self.gazetteer.level(event.place)) and all(
                self.gazetteer.compatible(group.place, place) for place in event.places):
            event.place = group.place  # a finer place for the whole event (not one town of a region's quake)
        anchored = group.width is not None and group.width <= ANCHOR_DAYS
        if anchored and event.low is not None and event.high is not None:  # a rough date never widens an event
            assert group.low is not None and group.high is not None
            event.low, event.high = min(event.low, group.low), max(event.high, group.high)

    def _around(self, places: set[str]) -> str | None:
        """The innermost place that all ``places`` are or lie within, or None."""
        chains = [self.gazetteer.chain(place) for place in sorted(places)]
        if not chains:
            return None
        others = [set(chain) for chain in chains[1:]]
        return next((place for place in chains[0] if all(place in chain for chain in others)), None)

    def _sweep(self, anchored: list[_Group]) -> list[_Group]:
        """Dated article events in date order: each joins the best event its dates overlap, else starts one."""
        events: list[_Group] = []
        # events whose dates can still overlap what comes next, as (number, event) in the order they began, by the
        # outermost place they lie in (None: no place); an event that gains a place stays where it began, which
        # only makes it one more candidate
        active: dict[str | None, list[tuple[int, _Group]]] = defaultdict(list)
        for group in anchored:
            assert group.low is not None and group.high is not None
            roots = list(active) if not group.places else [self._where(group), None]
            for root in roots:  # events that ended before this group began can join nothing after it
                active[root] = [(n, e) for n, e in active[root] if e.high is not None and e.high + SLACK >= group.low]
            candidates = heapq.merge(*(active[root] for root in roots), key=lambda pair: pair[0])
            fitting = [e for _, e in candidates
                       if e.low is not None and e.low <= group.high + SLACK and self._fits(group, e)]
            if fitting:
                self._merge(max(fitting, key=lambda e: self._closeness(group, e)), group)
                continue
            event = _Group(group.event_type, group.place, group.low, group.high, list(group.claims), set(group.places),
                           set(group.articles))
            active[self._where(event)].append((len(events), event))
            events.append(event)
        return events

    def _follow_ups(self, events: list[_Group]) -> list[_Group]:
        """An event of counts only (the dead, the missing, a spill's flow: no rocket fired, no blast) dated after an
        event it fits is that event's count on a later day ("the toll rose to 98 on Monday"): it joins the latest such
        event within TALLY_DAYS."""
        kept: list[_Group] = []  # in date order (of their first days, which merging never moves)
        lows: list[date] = []
        span = timedelta(0)  # the longest event kept: an event ending in the window starts at most this before it
        for event in events:  # in date order
            if self._counts_only(event) and event.low is not None:
                start = bisect.bisect_left(lows, event.low - TALLY_DAYS - span)
                earlier = [e for e in kept[start:] if e.high is not None and e.high < event.low
                           and event.low - e.high <= TALLY_DAYS and self._fits(event, e)]
                if earlier:
                    joined = max(earlier, key=lambda e: (e.high, len(e.claims)))
                    self._merge(joined, event)
                    span = max(span, _span(joined))
                    continue
            kept.append(event)
            lows.append(_low(event))
            span = max(span, _span(event))
        return kept

    def _counts_only(self, event: _Group) -> bool:
        """Whether every claim of an event is a count that keeps coming after it: a running toll, or, in an article
        that names its kind of event, a running measure (a spill's flow and volume, the area a fire has burned)."""
        taxonomy = self.taxonomy
        return all(claim.kind == "count" and (claim.predicate in taxonomy.tallies or (
            event.event_type is not None and claim.unit is not None and claim.subject in taxonomy.running_measures))
            for claim in event.claims)

    def _closeness(self, group: _Group, event: _Group) -> tuple:
        same_place = bool(group.places & event.places)
        same_type = group.event_type is not None and group.event_type == event.event_type
        same_day = group.low == event.low
        return (same_place, same_type, same_day, len(event.claims))

    def _attach_wide(self, wide: list[_Group], events: list[_Group], closely_dated: set[str]) -> list[_Group]:
        """A roughly dated article event joins the one dated event it fits, else a loose event of its dates.

        A period ("since 2014", "this year") is many events, never one of them; but an article that dates its
        event no closer than a year ("last year's earthquake", "the 2010 quake") and names its kind and place
        is about the one event of that kind and place in that year, when the record holds exactly one."""
        lows = [_low(e) for e in events]  # in date order
        span = max((_span(e) for e in events), default=timedelta(0))  # a rough date never widens an event
        loose: dict[tuple, list[_Group]] = {}  # (first day, last day) -> loose events of those dates
        positions: dict[str | None, list[int]] = defaultdict(list)  # where an event lies (None: nowhere) -> indexes
        for index, event in enumerate(events):
            positions[self._where(event)].append(index)
        for group in wide:
            assert group.low is not None and group.high is not None
            named = group.event_type is not None and bool(group.places) and not group.articles & closely_dated
            one_event = group.high - group.low <= PERIOD or named
            position = bisect.bisect_right(lows, group.high + SLACK) if one_event else 0
            first = bisect.bisect_left(lows, group.low - SLACK - span, hi=position)  # no earlier one reaches it
            fits = []  # a period ("since 2014", "this year") is many events, never one of them
            for event in self._latest_first(group, events, positions, first, position):
                if event.high is not None and event.high + SLACK >= group.low and self._fits(group, event):
                    fits.append(event)
                    if len(fits) > 1:
                        break
            if len(fits) == 1:
                self._merge(fits[0], group)
                continue
            # loose events of the same dates: one of the same kind and place, or, for one event's dates ("in 2019"),
            # the one of a kind and place it fits (a season's fires in Sydney, in Queensland and in Australia)
            same_dates = loose.setdefault((group.low, group.high), [])
            fitting = [e for e in same_dates if (e.event_type, e.place) == (group.event_type, group.place)] or (
                [e for e in same_dates if self._fits(group, e)] if one_event else [])
            if len(fitting) == 1:
                self._merge(fitting[0], group)
            else:
                same_dates.append(_Group(group.event_type, group.place, group.low, group.high, list(group.claims),
                                         set(group.places), set(group.articles)))
        return [event for same_dates in loose.values() for event in same_dates]

    def _where(self, group: _Group) -> str | None:
        """The outermost place one of the group's places lies in (its country, for the world's places), or None
        for a group with no place. Places that can be one event's share it, so a group whose places lie in two
        can fit no event with a place, whichever of the two this is."""
        if not group.places:
            return None
        place = next(iter(group.places))
        chain = self.gazetteer.chain(place)
        return chain[-1] if chain else place

    def _latest_first(self, group: _Group, events: list[_Group], positions: dict[str | None, list[int]],
                      first: int, end: int) -> Iterator[_Group]:
        """The events of ``events[first:end]``, latest first, whose places could fit the group's: those in the
        same outermost place and those with no place (a group with no place may fit any of them)."""
        if not group.places:
            return reversed(events[first:end])
        pools = (positions.get(self._where(group), []), positions.get(None, []))
        window = (reversed(pool[bisect.bisect_left(pool, first):bisect.bisect_left(pool, end)]) for pool in pools)
        return (events[index] for index in heapq.merge(*window, reverse=True))

    def _attach_undated(self, undated: list[_Group], events: list[_Group],
                        published: dict[str, date | None]) -> list[_Group]:
        """An undated article event joins the one event of its own article it fits, else the one event on record
        it fits before its publication (when its type and place are known), else an event of its own."""
        index = _DatedIndex(events, self.gazetteer)
        own: dict[tuple, _Group] = {}
        for group in undated:
            article = next(iter(group.articles))
            bound = published.get(article)
            fits = [e for e in index.by_article.get(article, ()) if self._fits(group, e)
                    and not index.vague_only(e, article) and (bound is None or _recent(e, bound))]
            if len(fits) != 1 and group.place and (group.event_type or article not in index.by_article):
                country = self.gazetteer.country_of(group.place)
                pool = index.in_country(country, bound) if country else index.at_place(group.place)
                fitting = (e for e in pool if self._fits(group, e) and (bound is None or _recent(e, bound)))
                # with no publication date to pick the latest by, two that fit are as many as all that fit; an
                # article that names no kind of event is about the one event at its place, never the latest of many
                typed = group.event_type is not None
                fits = list(fitting) if bound is not None and typed else list(itertools.islice(fitting, 2))
            elif len(fits) != 1 and group.event_type and bound is not None:
                # no place known: the one event of its kind in the days before publication
                fits = [e for e in index.starting(bound - PLACELESS_DAYS, bound) if self._fits(group, e)
                        and e.event_type is not None]
            if len(fits) > 1 and bound is not None and group.event_type is not None:
                fits = _latest_clearly(fits)
            if len(fits) == 1:
                self._merge(fits[0], group)
                index.merged(fits[0], group)
                continue
            key = (article, group.event_type, group.place)
            if key in own:
                self._merge(own[key], group)
            else:
                own[key] = _Group(group.event_type, group.place, None, None, list(group.claims), set(group.places),
                                  set(group.articles))
        return self._join_open(list(own.values()), published)

    def _join_open(self, own: list[_Group], published: dict[str, date | None]) -> list[_Group]:
        """Undated events of several articles that name one kind of event at one place inside a country (a town, a
        region, a sea) and appeared within TALLY_DAYS of each other are one event (the articles of a spill's or a
        fire season's weeks). A country is too wide to tell two undated events of one kind apart; so is an article
        with no date."""
        kept: list[_Group] = []
        by_kind: dict[tuple, list[tuple[date, _Group]]] = defaultdict(list)
        for event in own:
            days = [published.get(article) for article in event.articles]
            if self._shares_open(event) and days and all(days):
                by_kind[(event.event_type, event.place)].append((min(d for d in days if d), event))
            else:
                kept.append(event)
        for dated in by_kind.values():
            dated.sort(key=lambda pair: (pair[0], pair[1].claims[0].claim_id))
            current, last = dated[0][1], dated[0][0]
            kept.append(current)
            for day, event in dated[1:]:
                if day - last <= TALLY_DAYS:
                    self._merge(current, event)
                else:
                    current = event
                    kept.append(current)
                last = day
        return kept

    def _shares_open(self, event: _Group) -> bool:
        if event.event_type is None or event.place is None:
            return False
        return self.gazetteer.level(event.place) < COUNTRY_LEVEL or self.gazetteer.country_of(event.place) is None


class _DatedIndex:
    """Dated events by article, country, place and first day, so that an undated article event is compared only
    with the events it could join (of its article; of its country, in the year before its publication; ...)
    rather than with all of them. Their dates are fixed while undated claims join them (``merged`` keeps the rest
    up to date)."""

    def __init__(self, events: list[_Group], gazetteer: Gazetteer) -> None:
        self.by_article: dict[str, list[_Group]] = defaultdict(list)
        by_country: dict[str | None, list[_Group]] = defaultdict(list)
        self.by_place: dict[str, dict[int, _Group]] = defaultdict(dict)
        for event in events:
            for article in event.articles:
                self.by_article[article].append(event)
            for country in {gazetteer.country_of(place) for place in event.places} or {None}:
                by_country[country].append(event)
            for place in event.places:
                self.by_place[place][id(event)] = event
        self.span = max((_span(e) for e in events), default=timedelta(0))
        self.by_country = {country: _by_low(pool) for country, pool in by_country.items()}
        self.all = _by_low(events)
        self._vague: dict[int, dict[str, bool]] = {}  # event -> article -> whether its claims there are all vague

    def in_country(self, country: str, bound: date | None) -> list[_Group]:
        """The events of ``country``; with a publication date, only those that may be recent at it (``_recent``)."""
        lows, pool = self.by_country.get(country, ([], []))
        if bound is None:
            return pool
        return pool[bisect.bisect_left(lows, bound - RECENT_DAYS - self.span):bisect.bisect_right(lows, bound)]

    def at_place(self, place: str) -> list[_Group]:
        return list(self.by_place.get(place, {}).values())

    def starting(self, low: date, high: date) -> list[_Group]:
        """The events whose first day lies between ``low`` and ``high``."""
        lows, pool = self.all
        return pool[bisect.bisect_left(lows, low):bisect.bisect_right(lows, high)]

    def vague_only(self, event: _Group, article: str) -> bool:
        """Whether an article's only claims in an event are vague figures ("several attacks since January")."""
        if id(event) not in self._vague:
            self._vague[id(event)] = _note_vague({}, event.claims)
        return self._vague[id(event)].get(article, False)

    def merged(self, event: _Group, group: _Group) -> None:
        """``group`` joined ``event``: its places and claims are the event's too."""
        for place in group.places:
            self.by_place[place][id(event)] = event
        vague = self._vague.get(id(event))
        if vague is not None:
            _note_vague(vague, group.claims)


def _note_vague(vague: dict[str, bool], claims: Iterable[Claim]) -> dict[str, bool]:
    """``vague`` (article -> whether all its claims so far are vague figures) with ``claims`` noted."""
    for claim in claims:
        vague[claim.article_id] = vague.get(claim.article_id, True) and claim.value_kind == "vague"
    return vague


def _low(event: _Group) -> date:
    assert event.low is not None
    return event.low


def _span(event: _Group) -> timedelta:
    return event.high - event.low if event.low is not None and event.high is not None else timedelta(0)


def _by_low(events: list[_Group]) -> tuple[list[date], list[_Group]]:
    """Events in the order of their first days (in their given order on the same day), with those days."""
    ordered = sorted(events, key=_low)
    return [_low(e) for e in ordered], ordered


def _recent(event: _Group, bound: date) -> bool:
    """Whether an event happened before a publication date and recently enough for an article to mention it
    undated (an undated "air strike" in March 2021 is not the one of December 2019; "the death toll" in 2018 is not
    the Galveston hurricane's of 1900)."""
    return event.low is not None and event.high is not None and event.low <= bound and bound - event.high <= RECENT_DAYS


def _latest_clearly(fits: list[_Group]) -> list[_Group]:
    """Of several events an undated article fits, the latest, when it is clearly later than the others (the
    news is about the most recent one); else all of them."""
    ordered = sorted(fits, key=lambda e: e.high or date.min, reverse=True)
    latest, runner_up = ordered[0], ordered[1]
    if latest.high and runner_up.high and latest.high - runner_up.high >= CLEARLY_LATER:
        return [latest]
    return fits


def _events_from(groups: list[_Group]) -> tuple[dict[str, str], list[Event]]:
    events: list[Event] = []
    event_of: dict[str, str] = {}
    used: dict[str, int] = {}
    for group in groups:
        if group.low is not None and group.low == group.high:
            dated = group.low.isoformat()
        elif group.low is not None:
            dated = f"{group.low}..{group.high}"
        else:
            dated = f"open-{_slug(group.claims[0].article_id)}"
        base = f"{_slug(group.event_type)}@{_slug(group.place)}@{dated}"
        used[base] = used.get(base, 0) + 1
        event_id = base if used[base] == 1 else f"{base}#{used[base]}"
        for claim in group.claims:
            event_of[claim.claim_id] = event_id
        events.append(Event(
            event_id=event_id,
            event_type=group.event_type,
            place=group.place,
            date_low=group.low,
            date_high=group.high,
            claim_ids=[c.claim_id for c in group.claims],
            article_ids=sorted(group.articles),
        ))
    return event_of, events
