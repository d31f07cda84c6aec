"""Claim frames: the event each claim of one article is about (type, place, dates), read from its mentions.

A claim's own sentence decides first (the nearest event word, the most specific place, the
nearest date that can date an event); what it does not say comes from the sentences before
it: the event type from the same paragraph, the place from the same paragraph or the
article's lead, and dates only from an earlier sentence about the same kind of event at the
same place (so a photo caption's date or an older attack's never leaks in).
Language-neutral: it reads only mentions, the gazetteer and the taxonomy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from checker.gazetteer import COUNTRY_LEVEL, Gazetteer
from checker.model import Claim, EventMention
from checker.taxonomy import Taxonomy

__all__ = ["Frame", "frame_article"]

LEAD_SENTENCES = 8  # the opening of an article, where its main event's place is named
LOOK_BACK = 30  # sentences searched back for an event's place and date
SAME_PARAGRAPH_TYPE = 3  # sentences searched back, in the same paragraph, for an event word


@dataclass(frozen=True)
class Frame:
    """The event a claim is about, as far as its article says."""

    event_type: str | None
    place: str | None
    date_low: date | None
    date_high: date | None


@dataclass
class _SentenceMentions:
    paragraph: int
    places: list[EventMention] = field(default_factory=list)  # where events happened (no landmarks or owners)
    types: list[EventMention] = field(default_factory=list)
    dates: list[EventMention] = field(default_factory=list)
    later: bool = False

    def specific_place(self, gazetteer: Gazetteer, near: int | None = None, skip: frozenset[str] = frozenset()) -> str | None:
        """The most specific place named (country names only when nothing finer is); nearest ``near`` on ties."""
        places = [p for p in self.places if p.value not in skip]
        if not places:
            return None
        best = min(gazetteer.level(p.value or "") for p in places)
        candidates = [p for p in places if gazetteer.level(p.value or "") == best]
        if near is not None:
            candidates.sort(key=lambda p: abs(p.start - near))
        return candidates[0].value

    def event_type(self) -> str | None:
        return self.types[-1].value if self.types else None


class _ArticleMentions:
    def __init__(self, mentions: Iterable[EventMention], published: date | None, gazetteer: Gazetteer) -> None:
        self.by_sentence: dict[int, _SentenceMentions] = {}
        self.published = published
        self.gazetteer = gazetteer
        for mention in sorted(mentions, key=lambda m: m.start):
            sentence = self.by_sentence.setdefault(mention.sentence, _SentenceMentions(mention.paragraph))
            if mention.kind == "place" and not mention.role:
                sentence.places.append(mention)
            elif mention.kind == "type":
                sentence.types.append(mention)
            elif mention.kind == "date":
                sentence.dates.append(mention)
            elif mention.kind == "later":
                sentence.later = True
        self.indices = sorted(self.by_sentence)
        self.lead_place = next((p.value for i in self.indices if i < LEAD_SENTENCES
                                for p in self.by_sentence[i].places
                                if gazetteer.level(p.value or "") < COUNTRY_LEVEL), None)

    def before(self, index: int, back: int | None = None) -> list[_SentenceMentions]:
        """Sentences before ``index`` (within ``back`` sentences) that have mentions, nearest last."""
        low = 0 if back is None else max(0, index - back)
        return [self.by_sentence[i] for i in self.indices if low <= i < index]

    def event_dates(self, sentence: _SentenceMentions) -> list[EventMention]:
        """Dates that can say when an event happened: not a boundary ("since 2010"), and not a relative date
        after publication ("next month's anniversary"; an explicit one is kept, for SV002 to question)."""
        published = self.published
        return [m for m in sentence.dates if not m.role
                and not (published and m.relative and m.date_low and m.date_low > published)]


def _nearest(items: list[EventMention], position: int) -> EventMention | None:
    return min(items, key=lambda item: abs(item.start - position)) if items else None


def frame_article(claims: Iterable[Claim], mentions: Iterable[EventMention], published: date | None,
                  gazetteer: Gazetteer, taxonomy: Taxonomy) -> dict[str, Frame]:
    """The frame of each claim of one article, by claim id."""
    article = _ArticleMentions(mentions, published, gazetteer)
    return {claim.claim_id: _frame(claim, article, taxonomy) for claim in claims}


def _frame(claim: Claim, article: _ArticleMentions, taxonomy: Taxonomy) -> Frame:
    gazetteer = article.gazetteer
    index, position, paragraph = claim.sentence_index, claim.start, claim.paragraph
    own = article.by_sentence.get(index) or _SentenceMentions(paragraph)
    event_type = _event_type(claim, own, article, taxonomy)
    skip = frozenset({claim.actor}) if claim.kind == "responsibility" and claim.actor else frozenset()
    place = own.specific_place(gazetteer, position, skip)
    earlier = article.before(index, LOOK_BACK)
    if place is None:
        same_paragraph = [s for s in earlier if s.paragraph == paragraph and s.places]
        place = same_paragraph[-1].specific_place(gazetteer) if same_paragraph else article.lead_place
    elif gazetteer.level(place) >= COUNTRY_LEVEL:
        # "the rocket attack in Iraq" after sentences about the Green Zone: the finer place
        for sentence in reversed(earlier):
            finer = sentence.specific_place(gazetteer)
            if finer and event_type is not None and sentence.event_type() == event_type \
                    and gazetteer.within(finer, place):
                place = finer
                break
    mention = _nearest(article.event_dates(own), position)
    if mention is not None:
        return Frame(event_type, place, mention.date_low, mention.date_high)
    if own.later:
        # "a week later": after the latest date stated before, and not after publication
        stated = [m.date_low for s in article.before(index) for m in s.dates if m.date_low is not None]
        return Frame(event_type, place, max(stated) if stated else None, article.published)
    return Frame(event_type, place, *_inherited_dates(event_type, place, paragraph, earlier, article))


def _event_type(claim: Claim, own: _SentenceMentions, article: _ArticleMentions, taxonomy: Taxonomy) -> str | None:
    """The nearest event word of the sentence, the type a counted weapon implies, or an event word just before."""
    if claim.subject in taxonomy.event_type_from_subject:
        return taxonomy.event_type_from_subject[claim.subject or ""]
    trigger = _nearest(own.types, claim.start)
    if trigger is not None:
        return trigger.value
    for sentence in reversed(article.before(claim.sentence_index, SAME_PARAGRAPH_TYPE)):
        if sentence.types and sentence.paragraph == claim.paragraph:
            return sentence.event_type()
    return None


def _inherited_dates(event_type: str | None, place: str | None, paragraph: int,
                     earlier: list[_SentenceMentions], article: _ArticleMentions) -> tuple[date | None, date | None]:
    """Dates from an earlier sentence: about the same kind of event at the same place, else from the same paragraph
    (and no other place)."""
    gazetteer = article.gazetteer
    if event_type is not None and place is not None:
        for sentence in reversed(earlier):
            if sentence.specific_place(gazetteer) != place or sentence.event_type() != event_type:
                continue
            dates = article.event_dates(sentence)
            if dates:
                return dates[-1].date_low, dates[-1].date_high
    for sentence in reversed(earlier):
        if sentence.paragraph != paragraph:
            break
        if sentence.specific_place(gazetteer) not in (None, place):
            continue
        dates = article.event_dates(sentence)
        if dates:
            return dates[-1].date_low, dates[-1].date_high
    return None, None


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
