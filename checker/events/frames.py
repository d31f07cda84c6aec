"""Claim frames: the event each claim of one article is about (type, place, dates), read from its mentions.

Each article has a main event, read from its headline and lead: the event type its opening
names most, the most specific place named where that event is named, and the date tied to
it (when the opening dates nothing, the one day the rest of the article ties to such an event).
A claim takes what its own sentence says of its event (an event word, a place, a date
in the claim's own clause or in the clause of an event word) and inherits the rest from the
main event, unless what its sentence says cannot be the main event: another kind of event,
a place that cannot contain or lie in the main one, or a date before it (or long after).
Then the claim is about another event, and keeps only what its sentence says.

A date in a reporting clause ("the ministry said Monday") or bounding something ("since
2010") never dates an event; a date after publication never does either.
Language-neutral: it reads only mentions, the gazetteer and the taxonomy.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.gazetteer import Gazetteer
from checker.model import Claim, EventMention
from checker.taxonomy import Taxonomy

__all__ = ["Frame", "frame_article", "frames_by_article"]

LEAD_SENTENCES = 6  # the opening of an article, where its main event is named
ANCHOR_DAYS = 3  # a date interval at most this wide dates an event ("on Sunday", "December 20")
FOLLOW_DAYS = 21  # a figure dated this long after its event is a later count of it, not another event
HISTORIC_YEARS = 1  # a date more years than this before publication is history, not the news
MAIN_DATE_SCORE = 3  # a date dates the main event only in the clause of its event word, or right by it
MONTH_DAYS = 31  # a date wider than this (a year, a season) hardly dates an event


@dataclass(frozen=True)
class Frame:
    """The event a claim is about, as far as its article says."""

    event_type: str | None
    place: str | None
    date_low: date | None
    date_high: date | None

    @property
    def anchored(self) -> bool:
        return (self.date_low is not None and self.date_high is not None
                and (self.date_high - self.date_low).days <= ANCHOR_DAYS)


EMPTY = Frame(None, None, None, None)


@dataclass
class _Sentence:
    index: int
    paragraph: int
    places: list[EventMention] = field(default_factory=list)  # where events happened
    named: list[EventMention] = field(default_factory=list)  # every place it names, whatever its role
    venues: list[EventMention] = field(default_factory=list)  # where someone spoke ("told reporters in Seoul")
    types: list[EventMention] = field(default_factory=list)
    dates: list[EventMention] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=list)  # offsets where a new clause begins
    later: bool = False
    revision: bool = False  # it says a count was revised: its dates may be the count's

    def clause_of(self, position: int) -> int:
        return bisect.bisect_right(self.clause_starts, position)

    def event_type(self) -> str | None:
        return self.types[-1].value if self.types else None

    @property
    def own_types(self) -> list[EventMention]:
        """Its event words that may name the article's event (not "another accident", "last Sunday's protest")."""
        return [m for m in self.types if m.role != "other"]


class _Article:
    """The mentions of one article, by sentence, and its main event."""

    def __init__(self, mentions: Iterable[EventMention], published: date | None, gazetteer: Gazetteer,
                 taxonomy: Taxonomy) -> None:
        self.published, self.gazetteer, self.taxonomy = published, gazetteer, taxonomy
        self.sentences: dict[int, _Sentence] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            sentence = self.sentences.setdefault(mention.sentence, _Sentence(mention.sentence, mention.paragraph))
            if mention.kind == "place":
                sentence.named.append(mention)
            if mention.kind == "place" and not mention.role:
                sentence.places.append(mention)
            elif mention.kind == "place" and mention.role == "venue":
                sentence.venues.append(mention)
            elif mention.kind == "type":
                sentence.types.append(mention)
            elif mention.kind == "date":
                sentence.dates.append(mention)
            elif mention.kind == "clause":
                sentence.clause_starts.append(mention.end)
            elif mention.kind == "later":
                sentence.later = True
            elif mention.kind == "revision":
                sentence.revision = True
        self.indices = sorted(self.sentences)
        self.main = self._main_event()

    # --- the main event -----------------------------------------------------------------------
    def _lead(self) -> list[_Sentence]:
        return [self.sentences[i] for i in self.indices if i < LEAD_SENTENCES]

    def _main_event(self) -> Frame:
        lead = self._lead()
        event_type = self._main_type(lead)
        place = self._main_place(lead, event_type)
        low, high = self._main_date(lead, event_type, place)
        if low is None and event_type is not None:
            low, high = self._body_date(event_type, place)
        return Frame(event_type, place, low, high)

    def _main_type(self, lead: list[_Sentence]) -> str | None:
        """The type the opening names most (the headline counts twice), or a narrower one it also names."""
        counts: dict[str, int] = defaultdict(int)
        first: dict[str, int] = {}
        for sentence in lead:
            for mention in sentence.own_types:  # not "another accident", "By comparison, the 2005 storm"
                value = mention.value or ""
                counts[value] += 2 if sentence.index == 0 else 1
                first.setdefault(value, mention.start)
        if not counts:
            return None
        ranked = sorted(counts, key=lambda t: (-counts[t], first[t]))
        chosen = ranked[0]
        earlier = {m.value for s in lead if self._dated_long_before(s) for m in s.types}
        recent = {m.value for s in lead if not self._dated_long_before(s) for m in s.types}
        narrower = [t for t in ranked[1:] if chosen in self.taxonomy.type_line(t) and (t in recent or t not in earlier)]
        return narrower[0] if narrower else chosen

    def _dated_long_before(self, sentence: _Sentence) -> bool:
        """Whether a sentence dates what it tells more than a month before publication ("Mortars last hit the
        Green Zone in September 2018"): an earlier event, not the news."""
        published = self.published
        ends = [m.date_high for m in self.event_dates(sentence) if m.date_high is not None]
        return bool(published and ends and all(published - end > timedelta(days=MONTH_DAYS) for end in ends))

    def _main_place(self, lead: list[_Sentence], event_type: str | None) -> str | None:
        """The most specific place of the first sentence of the opening that names the main event and a place
        (else of the first that names a place), made more specific by the opening's places that lie in it. An
        opening that names no place but where someone spoke ("told a briefing in Port-au-Prince") is set
        there."""
        with_places = [s for s in lead if s.places]
        if not with_places:
            venue = next((m for s in lead for m in s.venues), None)
            return venue.value if venue else None
        naming = [s for s in with_places if any(self.taxonomy.compatible_types(m.value, event_type) for m in s.types)]
        first = (naming or with_places)[0]
        top = min(first.places, key=lambda m: (self.gazetteer.level(m.value or ""), m.start))
        # a more specific place of the opening that lies in the chosen one names it better (the base, not the city)
        finer = [m for s in with_places for m in s.places
                 if m.value and top.value and self.gazetteer.within(m.value, top.value)]
        return (min(finer, key=lambda m: (self.gazetteer.level(m.value or ""), m.start)) if finer else top).value

    def _main_date(self, lead: list[_Sentence], event_type: str | None,
                   place: str | None) -> tuple[date | None, date | None]:
        """The date the opening ties to its event: in a sentence naming it (in the same clause is better, and
        no other place or kind of event), recent rather than historic, a day rather than a month."""
        candidates = []
        for sentence in lead:
            if not self._tells_of(sentence, event_type, place):
                continue
            event_clauses = {sentence.clause_of(m.start) for m in sentence.own_types}
            for mention in self.event_dates(sentence):
                attached = _attached(mention, sentence)
                same_clause = sentence.clause_of(mention.start) in event_clauses
                if not (attached or same_clause):
                    continue  # "the collapse ..., a relative said on Monday": that Monday dates something else
                score = 1 + (2 if same_clause else 0) + (3 if attached else 0)
                width = _width(mention)
                score += 2 if width <= ANCHOR_DAYS else (-2 if width > MONTH_DAYS else 0)
                if sentence.revision:
                    score -= 2 if attached else 3  # "the toll rose to 11 on Monday": the count's date
                if self._historic(mention):
                    score -= 3
                distance = min((_gap(mention, m) for m in sentence.own_types), default=10**6)
                candidates.append((score, -distance, -mention.start, mention))
        if not candidates:
            return None, None
        score, _, _, best = max(candidates, key=lambda c: c[:3])
        return (best.date_low, best.date_high) if score >= MAIN_DATE_SCORE else (None, None)

    def _body_date(self, event_type: str, place: str | None) -> tuple[date | None, date | None]:
        """When the opening dates nothing, the day the rest of the article ties to an event of the main kind at
        the main place ("following the December 20 attack"): the day it names most often, if one does."""
        days: dict[tuple[date | None, date | None], int] = defaultdict(int)
        for index in self.indices:
            sentence = self.sentences[index]
            if index < LEAD_SENTENCES or sentence.revision or not self._tells_of(sentence, event_type, place):
                continue
            event_clauses = {sentence.clause_of(m.start) for m in sentence.own_types}
            for mention in self.event_dates(sentence):
                if _width(mention) > ANCHOR_DAYS or self._historic(mention):
                    continue
                if _attached(mention, sentence) or sentence.clause_of(mention.start) in event_clauses:
                    days[(mention.date_low, mention.date_high)] += 1
        ranked = sorted(days.items(), key=lambda item: -item[1])
        if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None, None
        return ranked[0][0]

    def _tells_of(self, sentence: _Sentence, event_type: str | None, place: str | None) -> bool:
        """Whether a sentence names an event of the type, and no place where it cannot have happened."""
        return (any(self.taxonomy.compatible_types(m.value, event_type) for m in sentence.own_types)
                and all(self.gazetteer.compatible(m.value, place) for m in sentence.places))

    def _historic(self, mention: EventMention) -> bool:
        return bool(self.published and mention.date_low
                    and self.published.year - mention.date_low.year > HISTORIC_YEARS)

    def event_dates(self, sentence: _Sentence) -> list[EventMention]:
        """Dates that can say when an event happened: not a boundary, not a reporting clause's, not after
        publication (a relative one; an explicit one is kept, for SV002 to question)."""
        published = self.published
        return [m for m in sentence.dates if not m.role and m.date_low is not None
                and not (published and m.relative and m.date_low > published)]

    # --- a claim's frame ----------------------------------------------------------------------
    def own_frame(self, claim: Claim, taxonomy: Taxonomy) -> Frame:
        """What the claim's own sentence says of its event."""
        sentence = self.sentences.get(claim.sentence_index) or _Sentence(claim.sentence_index, claim.paragraph)
        event_type = taxonomy.event_type_from_subject.get(claim.subject or "")
        if event_type is None:
            trigger = _nearest(sentence.types, claim.start)
            event_type = trigger.value if trigger else None
        skip = {claim.actor} if claim.kind == "responsibility" and claim.actor else set()
        places = [m for m in sentence.places if m.value not in skip]
        own_clause = sentence.clause_of(claim.start)
        places = [m for m in places if sentence.clause_of(m.start) == own_clause] or places
        place = None
        if len(places) > 1 and _one_list(places, sentence.named):  # "in Nepal, India and Tibet": the first named,
            place = min(places, key=lambda m: m.start).value  # not the finest
        elif places:
            best = min(self.gazetteer.level(m.value or "") for m in places)
            nearest = _nearest([m for m in places if self.gazetteer.level(m.value or "") == best], claim.start)
            place = nearest.value if nearest else None
        tied = self._tied_date(claim, sentence)
        return Frame(event_type, place, tied.date_low if tied else None, tied.date_high if tied else None)

    def _tied_date(self, claim: Claim, sentence: _Sentence) -> EventMention | None:
        """The date in the claim's own clause, else in the clause of an event word of its sentence."""
        dates = self.event_dates(sentence)
        if not dates:
            return None
        if sentence.revision:
            dates = [m for m in dates if _attached(m, sentence)]  # a revised count's date is not the event's
            if not dates:
                return None
        own_clause = sentence.clause_of(claim.start)
        same = [m for m in dates if sentence.clause_of(m.start) == own_clause]
        if same:
            return _nearest(same, claim.start)
        event_clauses = {sentence.clause_of(m.start): m for m in sentence.types}
        with_event = [m for m in dates if sentence.clause_of(m.start) in event_clauses]
        return _nearest(with_event, claim.start) if with_event else None

    def period_of(self, claim: Claim, sentence: _Sentence | None) -> date | None:
        """The start of the period a figure counts over, when its clause bounds it far back ("since 2014", "since
        January"): more than a month before publication."""
        if sentence is None or self.published is None:
            return None
        clause = sentence.clause_of(claim.start)
        for mention in sentence.dates:
            if (mention.role == "boundary" and mention.date_low is not None
                    and sentence.clause_of(mention.start) in (clause, clause + 1)  # "... since 2014" opens one
                    and self.published - mention.date_low > timedelta(days=MONTH_DAYS)):
                return mention.date_low
        return None

    def is_other_event(self, own: Frame) -> bool:
        """Whether what a sentence says of its event cannot be the main event."""
        main = self.main
        if own.event_type and main.event_type and not self.taxonomy.compatible_types(own.event_type, main.event_type):
            return True
        if own.place and main.place and not self.gazetteer.compatible(own.place, main.place):
            return True
        if own.date_low and own.date_high and main.date_low and main.date_high:
            # apart when it ends before the main event or begins long after it
            return (own.date_high < main.date_low - timedelta(days=1)
                    or own.date_low > main.date_high + timedelta(days=FOLLOW_DAYS))
        # an undated main event is the news: a date years before publication is history ("the Galveston hurricane
        # of 1900 killed more than 6,000")
        published = self.published
        return bool(main.date_low is None and own.date_high and published
                    and published.year - own.date_high.year > HISTORIC_YEARS)

    def other_event_before(self, index: int, paragraph: int) -> tuple[int, Frame] | None:
        """The event the sentences before ``index`` in its paragraph last named, when it is not the main event
        ("The air strike on the Iraq-Syria border ... The fatalities are disputed"): what a sentence that names
        no event of its own continues to tell about."""
        for previous in reversed(self.indices[:bisect.bisect_left(self.indices, index)]):
            sentence = self.sentences[previous]
            if sentence.paragraph != paragraph:
                return None
            if sentence.types or sentence.places:
                places = sorted(sentence.places, key=lambda m: self.gazetteer.level(m.value or ""))
                first_type = sentence.types[0].value if sentence.types else None  # the sentence's subject, mostly
                named = Frame(first_type, places[0].value if places else None, None, None)
                return (paragraph, named) if self.is_other_event(named) else None
        return None

    def merged(self, own: Frame) -> Frame:
        """The main event, with what the claim's sentence adds to it."""
        main = self.main
        event_type = self.taxonomy.broadest_common(main.event_type, own.event_type) if main.event_type \
            else own.event_type
        low, high = (main.date_low, main.date_high) if main.date_low is not None else (own.date_low, own.date_high)
        place = main.place or own.place
        if own.place and main.place and self.gazetteer.within(own.place, main.place):
            place = own.place  # "in Iraq" in the opening, "in Baghdad's Green Zone" here: the finer place
        return Frame(event_type, place, low, high)


ATTACHED_AFTER = 20  # characters from an event word to a date that says when it happened ("crash on Friday")
ATTACHED_BEFORE = 18  # characters from a date to an event word it dates ("Thursday's suicide bombing")


def _gap(date_mention: EventMention, event_word: EventMention) -> int:
    return min(abs(date_mention.start - event_word.end), abs(event_word.start - date_mention.end))


def _attached(date_mention: EventMention, sentence: _Sentence) -> bool:
    """Whether a date stands right after an event word of its clause, or right before one."""
    clause = sentence.clause_of(date_mention.start)
    for word in sentence.own_types:
        if sentence.clause_of(word.start) != clause:
            continue
        after = 0 <= date_mention.start - word.end <= ATTACHED_AFTER
        if after or 0 <= word.start - date_mention.end <= ATTACHED_BEFORE:
            return True
    return False


# characters between two places of one list (", ", " and ", ", and "; not the space of "Central Sulawesi", nor
# the "'s " of "Manisa's Soma district"), and how many places make one ("Nepal, India and Tibet")
LIST_GAP = (2, 6)
LIST_LENGTH = 3


def _one_list(places: list[EventMention], named: list[EventMention]) -> bool:
    """Whether ``places`` lie in one list of the places a sentence names ("Nepal, India and Tibet"): a figure of
    them all, not of one."""
    ordered = sorted(named, key=lambda m: m.start)
    first, last = min(m.start for m in places), max(m.start for m in places)
    run = [m for m in ordered if first <= m.start <= last]
    return len(run) >= LIST_LENGTH and all(LIST_GAP[0] <= later.start - earlier.end <= LIST_GAP[1]
                                           for earlier, later in itertools.pairwise(run))


def _width(mention: EventMention) -> int:
    if mention.date_low is None or mention.date_high is None:
        return 10**6
    return (mention.date_high - mention.date_low).days


def _nearest(items: list[EventMention], position: int) -> EventMention | None:
    return min(items, key=lambda item: abs(item.start - position)) if items else None


def frame_article(claims: Iterable[Claim], mentions: Iterable[EventMention], published: date | None,
                  gazetteer: Gazetteer, taxonomy: Taxonomy) -> dict[str, Frame]:
    """The frame of each claim of one article, by claim id."""
    article = _Article(mentions, published, gazetteer, taxonomy)
    frames: dict[str, Frame] = {}
    carried: tuple[int, Frame] | None = None  # another event a paragraph is about, for its sentences that say nothing
    for claim in sorted(claims, key=lambda c: c.start):
        if carried is None or carried[0] != claim.paragraph:
            carried = article.other_event_before(claim.sentence_index, claim.paragraph)
        own = article.own_frame(claim, taxonomy)
        sentence = article.sentences.get(claim.sentence_index)
        later = False
        period = article.period_of(claim, sentence)
        if period is not None:  # "more than 20,000 deaths since 2014": a tally over years, not the news event
            own, later = Frame(own.event_type, own.place, period, published or period), True
        elif sentence is not None and sentence.later and own.date_low is None:  # "a week later": after what was said
            stated = [m.date_low for i in article.indices if i < claim.sentence_index
                      for m in article.sentences[i].dates if m.date_low is not None]
            own = Frame(own.event_type, own.place, max(stated) if stated else None, published)
            later = own.date_low is not None and claim.predicate not in taxonomy.tallies
        if later or article.is_other_event(own):
            frames[claim.claim_id] = own
            if period is None:  # a period's tally says nothing of the sentences after it
                carried = (claim.paragraph, own)
        elif own == EMPTY and carried is not None and carried[0] == claim.paragraph:
            frames[claim.claim_id] = carried[1]
        else:
            frames[claim.claim_id] = article.merged(own)
            if own != EMPTY:
                carried = None
    return frames


def frames_by_article(claims: Iterable[Claim], mentions: Iterable[EventMention],
                      published: dict[str, date | None], gazetteer: Gazetteer,
                      taxonomy: Taxonomy) -> dict[str, Frame]:
    """Frames of the claims of many articles (each framed with its own article's mentions), by claim id."""
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    mentions_of: dict[str, list[EventMention]] = defaultdict(list)
    for claim in claims:
        claims_of[claim.article_id].append(claim)
    for mention in mentions:
        mentions_of[mention.article_id].append(mention)
    frames: dict[str, Frame] = {}
    for article_id, article_claims in claims_of.items():
        frames.update(frame_article(article_claims, mentions_of.get(article_id, ()), published.get(article_id),
                                    gazetteer, taxonomy))
    return frames
