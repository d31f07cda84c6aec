"""Claims: who said which figure about which event, and who is said to be behind an attack.

Deterministic and explainable: each claim records the exact span of its number (or
responsibility cue) in the article text. Only sentences that pass a cheap prefilter
(a digit, a number word, a responsibility cue) are looked at closely.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from datetime import date

from checker.extract.dates import DateMention, find_dates
from checker.extract.lexicon import (
    ClaimLexicon,
    canonical_event_type,
    canonical_subject,
    claim_lexicon,
    key_words,
    lower_same_length,
    sentence_words,
)
from checker.extract.numbers import Quantity, candidate_words, find_quantities
from checker.extract.sentences import Sentence, split_sentences
from checker.extract.speakers import (
    Attribution,
    Quotation,
    Speaker,
    find_attributions,
    find_quotations,
    is_pronoun,
    resolve_speaker,
    subject_before,
)
from checker.match import Entity, alias_table, normalise
from checker.model import Article, Claim

WEAPON_PREDICATES = {"fired", "landed", "failed_to_launch", "intercepted", "found_unfired"}
_WORD = re.compile(r"[\w.'’-]+")
_NEWLINE = re.compile("\n")
_DIGIT = re.compile("[0-9]")
_REST_FOLLOWS = re.compile(r"\b(?:while|and|but|with)\s+(?:the\s+)?(?:\w+\s+)?(?:others|other\s+\w+|rest|remaining)\b",
                           re.IGNORECASE)
_POSSESSIVE_OWNER = re.compile(r"['’]s\s+(?:military|army|government|foreign|defen[cs]e|interior|prime|president|"
                               r"security|joint|top|supreme|national|ministry|embassy|militia|forces|officials?)\b")
_COORDINATED = re.compile(r"\s*(?:[\w.'’-]+\s+){0,4}(?:and|or)\s+", re.IGNORECASE)
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:forces|force|personnel|staff|coalition|army|military|"
                        r"troops|services|police|contingent|mission|embassy)\b", re.IGNORECASE)
# the sentence prefilter: a digit, or a word of a number phrase (same test as numbers.CANDIDATE, on the word set)
NUMBER_KEYS = key_words(candidate_words())


@dataclass
class SentenceContext:
    """What a sentence says about its event: places (most specific first), dates, event triggers."""

    sentence: Sentence
    words: frozenset[str] = frozenset()
    lower: str = ""
    published: date | None = None
    places: list[tuple[int, str, int]] = field(default_factory=list)  # (offset in sentence, canonical, level)
    triggers: list[tuple[int, str]] = field(default_factory=list)  # (offset, event type)
    _dates: list[DateMention] | None = None

    @property
    def dates(self) -> list[DateMention]:
        """Date mentions, parsed on first use: most sentences are never asked when their event happened."""
        if self._dates is None:
            self._dates = find_dates(self.sentence.text, self.published)
        return self._dates

    def specific_place(self, near: int | None = None) -> str | None:
        """The most specific place named (country names only when nothing finer is); nearest ``near`` on ties."""
        if not self.places:
            return None
        best_level = min(level for _, _, level in self.places)
        candidates = [(offset, name) for offset, name, level in self.places if level == best_level]
        if near is not None:
            candidates.sort(key=lambda item: abs(item[0] - near))
        return candidates[0][1]


@dataclass
class _Event:
    event_type: str | None
    place: str | None
    date_low: date | None
    date_high: date | None


def _contexts(text: str, sentences: list[Sentence], published: date | None,
              lexicon: ClaimLexicon) -> list[SentenceContext]:
    """Places, dates and event triggers of every sentence. Places and triggers are found in one pass over
    the whole article (one regex for both lists, not one per sentence) and handed to their sentences by
    offset; dates are parsed when first asked for."""
    places = alias_table("place")
    lower_text = lower_same_length(text)
    starts = [sentence.start for sentence in sentences]
    contexts = []
    for sentence in sentences:
        lower = lower_text[sentence.start:sentence.end]
        contexts.append(SentenceContext(sentence, words=sentence_words(lower), lower=lower, published=published))

    def owner(position: int) -> SentenceContext | None:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < sentences[index].end:
            return contexts[index]
        return None

    for match in lexicon.place_or_trigger.finditer(lower_text):  # one pass for both word lists
        context = owner(match.start())
        if context is None:
            continue
        words = match.group(0)
        event_type = canonical_event_type(words)
        if event_type:
            context.triggers.append((match.start() - context.sentence.start, event_type))
            continue
        entity = places.lookup(words)
        if entity is None:
            continue
        before = lower_text[max(context.sentence.start, match.start() - 25):match.start()]
        owner_of_next = _POSSESSIVE_OWNER.match(lower_text, match.end())  # "Iraq's military": an owner, not where
        if not owner_of_next and not lexicon.not_the_place.search(before):
            context.places.append((match.start() - context.sentence.start, entity.name, entity.level))
    return contexts


LEAD_SENTENCES = 8


def _lead_place(contexts: list[SentenceContext]) -> str | None:
    """The first specific place (finer than a country) named in the opening: the article's main event's place."""
    for context in contexts[:LEAD_SENTENCES]:
        specific = [name for _, name, level in context.places if level < 4]
        if specific:
            return specific[0]
    return None


def _nearest(items: list, position: int, key=lambda item: item[0]):
    return min(items, key=lambda item: abs(key(item) - position)) if items else None


_LATER = re.compile(r"\b(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?)\s+later\b|\bdays later\b", re.IGNORECASE)
COUNTRY_LEVEL = 4
LOOK_BACK = 30  # sentences searched back for an event's place and date


@cache
def _places_by_name() -> dict[str, Entity]:
    return {entity.name: entity for entity in alias_table("place").by_key.values()}


def _within(place: str, region: str) -> bool:
    """Whether ``place`` lies inside ``region`` by the gazetteer's ``within`` links."""
    table = _places_by_name()
    seen = set()
    while place in table and place not in seen:
        seen.add(place)
        parent = table[place].part_of
        if parent == region:
            return True
        if parent is None:
            return False
        place = parent
    return False


def _context_type(context: SentenceContext) -> str | None:
    return context.triggers[-1][1] if context.triggers else None


def _event_for(
    index: int, position: int, subject: str | None, contexts: list[SentenceContext], lead_place: str | None,
    lexicon: ClaimLexicon, published: date | None, skip_places: frozenset[str] = frozenset(),
) -> _Event:
    """The event of a figure at ``position`` in sentence ``index``: its own sentence first, then earlier ones.

    Dates are inherited only from an earlier sentence about the same kind of event at
    the same place, so a photo caption's date or an older attack's never leaks in.
    """
    own = contexts[index]
    paragraph = own.sentence.paragraph
    trigger = _nearest(own.triggers, position)
    event_type = trigger[1] if trigger else None
    if subject in lexicon.event_type_from_subject:
        event_type = lexicon.event_type_from_subject[subject]
    if event_type is None:
        for context in reversed(contexts[max(0, index - 3):index]):
            if context.triggers and context.sentence.paragraph == paragraph:
                event_type = context.triggers[-1][1]
                break
    places = [p for p in own.places if p[1] not in skip_places]
    place = SentenceContext(own.sentence, places=places).specific_place(position)
    earlier = contexts[max(0, index - LOOK_BACK):index]
    if place is None:
        same_paragraph = [c for c in earlier if c.sentence.paragraph == paragraph and c.places]
        place = same_paragraph[-1].specific_place() if same_paragraph else lead_place
    elif _level(place) >= COUNTRY_LEVEL:
        # "the rocket attack in Iraq" after sentences about the Green Zone: the finer place
        for context in reversed(earlier):
            finer = context.specific_place()
            if finer and event_type is not None and _context_type(context) == event_type and _within(finer, place):
                place = finer
                break
    mention = _nearest(_event_dates(own, published), position, key=lambda m: m.start)
    if mention is not None:
        return _Event(event_type, place, mention.low, mention.high)
    if "later" in own.words and _LATER.search(own.sentence.text):
        # "a week later": after the latest date stated before, and not after publication
        stated = [m.low for c in contexts[:index] for m in c.dates if m.low is not None]
        return _Event(event_type, place, max(stated) if stated else None, published)
    if event_type is not None and place is not None:
        # an earlier sentence about the same kind of event at the same place, that dates it
        for context in reversed(earlier):
            if context.specific_place() != place or _context_type(context) != event_type:
                continue
            dates = _event_dates(context, published)
            if dates:
                return _Event(event_type, place, dates[-1].low, dates[-1].high)
    for context in reversed(earlier):
        if context.sentence.paragraph != paragraph:
            break
        if context.specific_place() not in (None, place):
            continue
        dates = _event_dates(context, published)
        if dates:
            return _Event(event_type, place, dates[-1].low, dates[-1].high)
    return _Event(event_type, place, None, None)


_NOT_WHEN = re.compile(r"\b(?:since|until|till|before|ahead of|anniversary)\s+(?:the\s+)?$", re.IGNORECASE)


def _event_dates(context: SentenceContext, published: date | None) -> list[DateMention]:
    """Dates that can say when an event happened: not a relative date after publication ("next month's
    anniversary"; an explicit one is kept, for SV002 to question), and not a boundary ("the largest
    attack since 2010", "until January")."""
    return [
        mention for mention in context.dates
        if not (published and mention.relative and mention.low and mention.low > published)
        and not _NOT_WHEN.search(context.sentence.text, max(0, mention.start - 20), mention.start)
    ]


def _level(place: str) -> int:
    entity = alias_table("place").lookup(place)
    return entity.level if entity else COUNTRY_LEVEL


def _subject_after(text: str, position: int, lexicon: ClaimLexicon) -> tuple[str, str | None, int, bool] | None:
    """The counted noun after a number: (subject, population, end offset, weapon-attack form)."""
    population = None
    cursor = position
    for _ in range(4):
        while cursor < len(text) and text[cursor] in " \t\n":
            cursor += 1
        noun = lexicon.subject_pattern.match(text, cursor)
        if noun and (noun.end() == len(text) or not text[noun.end()].isalnum()):
            subject = canonical_subject(noun.group("noun"))
            if subject == "person" and population is None:  # "two Americans": the noun says whose
                population = lexicon.population_of.get(noun.group("noun").lower())
            end = noun.end()
            following = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
            weapon_attack = False
            if following and following.group(0).lower().rstrip(".,") in lexicon.weapon_attack_nouns and subject in lexicon.weapon_subjects:
                weapon_attack = True  # "21 rocket attack": 21 rockets fired
                end = following.end()
            elif following and following.group(0).lower().rstrip(".,") in {n + "s" for n in lexicon.weapon_attack_nouns}:
                subject = "attack"  # "two dozen rocket attacks": attacks counted
                end = following.end()
            of_phrase = _OF_PHRASE.match(text, end)
            if of_phrase:  # "one member of the Iraqi security forces": whose, from the of-phrase
                for token in of_phrase.group(0).lower().split():
                    population = lexicon.population_of.get(token.strip(".,'’"), population)
                end = of_phrase.end()
            return subject, population, end, weapon_attack
        word = _WORD.match(text, cursor)
        if word is None:
            return None
        token = word.group(0).lower().rstrip(".,")
        if token in lexicon.not_modifiers or not token or text[word.end():word.end() + 1] in (",", ";", ":"):
            return None
        population = lexicon.population_of.get(token, population)
        cursor = word.end()
    return None


def _role(match: re.Match[str], role_of: dict[str, str]) -> str:
    return role_of[" ".join(match.group(0).lower().split())]


def _predicate(text: str, phrase_start: int, noun_end: int, lexicon: ClaimLexicon) -> str | None:
    """The role of the counted thing: a verb just after the noun phrase wins, else the nearest verb before the number.

    One alternation per position, longest phrase first, so "failed to launch" is never read as "launch".
    """
    after_pattern, after_roles = lexicon.predicates_after
    after = text[noun_end: noun_end + 48]
    match = after_pattern.search(after)
    if match and len(after[: match.start()].split()) <= 3:
        return _role(match, after_roles)
    before_pattern, before_roles = lexicon.predicates_before
    window_start = max(0, phrase_start - 60)
    before = text[window_start:phrase_start]
    clause = re.split(r"[;:]|,\s+(?=\w)", before)[-1] if before else ""
    nearest = None
    for match in before_pattern.finditer(before, len(before) - len(clause)):
        if len(before[match.end():].split()) <= 4:
            nearest = match
    return _role(nearest, before_roles) if nearest else None


def _is_statement_source(speaker: Speaker, sentence_text: str) -> bool:
    """Whether a sentence introduces a statement by this speaker ("CENTCOM said in a statement ...")."""
    return speaker.kind in ("organisation", "named_official") and (
        speaker.is_statement or "statement" in sentence_text.lower()
    )


class _ArticleExtractor:
    """Claims of one article. Speakers are worked out lazily: only for sentences with a claim, and for the
    sentences before one when "the statement said" or "he said" has to be resolved."""

    def __init__(self, article: Article, lexicon: ClaimLexicon) -> None:
        self.article = article
        self.lexicon = lexicon
        self.text = article.text
        self.sentences = split_sentences(self.text)
        self.contexts = _contexts(self.text, self.sentences, article.published, lexicon)
        self.lead_place = _lead_place(self.contexts)
        self.line_starts = [0] + [match.end() for match in _NEWLINE.finditer(self.text)]
        self.headline = (article.title or "").strip()
        self._quotations: dict[int, list[Quotation]] = {}
        self._speakers: dict[int, tuple[list[Quotation], dict[int, Speaker], list[tuple[Attribution, Speaker]]]] = {}

    def claims(self) -> list[Claim]:
        claims: list[Claim] = []
        for index, sentence in enumerate(self.sentences):
            words = self.contexts[index].words
            if words & NUMBER_KEYS or _DIGIT.search(sentence.text):
                claims.extend(_count_claims(self, index))
            if words & self.lexicon.responsibility_keys and (
                words & self.lexicon.actor_keys or words & self.lexicon.disavowal_keys
            ):
                claims.extend(_responsibility_claims(self, index))
            if words & self.lexicon.anonymous_keys:
                claims.extend(self._anonymous_sources(index))
        for number, claim in enumerate(claims, start=1):
            claim.claim_id = f"{self.article.article_id}:{number}"
        return claims

    # --- speakers -------------------------------------------------------------------------------
    def _paragraph_quotations(self, paragraph: int) -> list[Quotation]:
        if paragraph not in self._quotations:
            members = [s for s in self.sentences if s.paragraph == paragraph]
            start, end = members[0].start, members[-1].end
            self._quotations[paragraph] = [
                Quotation(q.start + start, q.end + start, q.speaker_text) for q in find_quotations(self.text[start:end])
            ]
        return self._quotations[paragraph]

    def _speakers_of(self, index: int):
        """(quotations, speaker of each attributed quotation, reporting clauses with their speakers) of a sentence."""
        if index not in self._speakers:
            sentence = self.sentences[index]
            quotes = [q for q in self._paragraph_quotations(sentence.paragraph)
                      if q.start < sentence.end and q.end > sentence.start]
            spans = [(q.start - sentence.start, q.end - sentence.start) for q in quotes]
            attributions = find_attributions(sentence.text, spans, self.contexts[index].words)
            clauses = [(a, self._resolve(index, a.speaker_text, a.chain)) for a in attributions]
            quoted = {id(q): self._resolve(index, q.speaker_text) for q in quotes if q.speaker_text}
            self._speakers[index] = (quotes, quoted, clauses)
        return self._speakers[index]

    def _recall(self, index: int, kinds: tuple[str, ...] = (), statement: bool = False) -> Speaker | None:
        """The speaker that "the statement" (or "he", "they") refers back to: the nearest earlier one that fits."""
        for earlier in range(index - 1, max(-1, index - LOOK_BACK), -1):
            _, quoted, clauses = self._speakers_of(earlier)
            text = self.sentences[earlier].text
            for speaker in [s for _, s in reversed(clauses)] + list(quoted.values()):
                if statement and _is_statement_source(speaker, text):
                    return speaker
                if not statement and speaker.kind in kinds and not is_pronoun(speaker.text):
                    return speaker
        return None

    def _resolve(self, index: int, phrase: str | None, chain: tuple[str, ...] = ()) -> Speaker:
        if not phrase:
            return Speaker(self.article.outlet or "outlet", "outlet", "", ())
        if is_pronoun(phrase):
            person = phrase.strip().lower() in ("he", "she", "i")
            named = (self._recall(index, kinds=("named_official",)) or self._recall(index, kinds=("anonymous",))
                     if person else self._recall(index, kinds=("organisation", "anonymous")))
            if named is not None:
                return Speaker(named.name, named.kind, phrase, chain)
            return Speaker(f"unidentified speaker ({phrase.strip()})", "anonymous", phrase, chain)
        speaker = resolve_speaker(phrase, chain)
        if speaker.is_statement and speaker.kind == "document":
            source = self._recall(index, statement=True)
            if source is not None:
                return Speaker(source.name, source.kind, phrase, chain, True)
        return speaker

    def speaker_at(self, index: int, position: int) -> tuple[Speaker, bool]:
        """Who says what stands at ``position`` of sentence ``index``, and whether it is inside a quotation."""
        quotes, quoted, clauses = self._speakers_of(index)
        absolute = self.sentences[index].start + position
        for quote in quotes:
            if quote.start <= absolute < quote.end and id(quote) in quoted:
                return quoted[id(quote)], True
        inside = any(q.start <= absolute < q.end for q in quotes)
        if clauses:
            before = [speaker for attribution, speaker in clauses if attribution.start <= position]
            return (before[-1] if before else clauses[0][1]), inside
        return self._resolve(index, None), inside

    # --- claims ---------------------------------------------------------------------------------
    def make_claim(self, index: int, kind: str, start: int, end: int, speaker: Speaker, in_quote: bool,
                   **values) -> Claim:
        sentence = self.sentences[index]
        absolute, absolute_end = sentence.start + start, sentence.start + end
        line_index = bisect.bisect_right(self.line_starts, absolute) - 1
        return Claim(
            claim_id="",  # numbered in text order once the article is done
            article_id=self.article.article_id,
            kind=kind,
            speaker=speaker.name,
            speaker_kind=speaker.kind,
            speaker_text=speaker.text or None,
            attribution=list(speaker.chain),
            in_quote=in_quote,
            sentence=sentence.text,
            start=absolute,
            end=absolute_end,
            surface=self.text[absolute:absolute_end],
            line=line_index + 1 + self.article.line_offset,
            column=absolute - self.line_starts[line_index] + 1,
            in_headline=bool(self.headline) and sentence.paragraph == 0 and self.headline in sentence.text,
            **values,
        )

    def _anonymous_sources(self, index: int) -> list[Claim]:
        """Anonymous sources named in a sentence ("citing unnamed officials"), figure or not: the SR rules' input."""
        sentence = self.sentences[index]
        found = []
        for attribution, speaker in self._speakers_of(index)[2]:
            if speaker.kind == "anonymous" and not is_pronoun(attribution.speaker_text):
                event = self.event_for(index, attribution.start, None)
                end = len(sentence.text[:attribution.end].rstrip(" .,;:"))
                found.append(self.make_claim(
                    index, "attribution", attribution.start, end, speaker, False,
                    value_text=sentence.text[attribution.start:end], event_type=event.event_type,
                    place=event.place, event_date_low=event.date_low, event_date_high=event.date_high,
                ))
        return found

    def event_for(self, index: int, position: int, subject: str | None,
                  skip_places: frozenset[str] = frozenset()) -> _Event:
        return _event_for(index, position, subject, self.contexts, self.lead_place, self.lexicon,
                          self.article.published, skip_places)


def extract_claims(article: Article) -> list[Claim]:
    """Every count and responsibility claim in ``article``, in text order."""
    return _ArticleExtractor(article, claim_lexicon()).claims()


def _count_claims(extractor: _ArticleExtractor, index: int) -> list[Claim]:
    """Count claims of one sentence: each number with a counted noun becomes a claim."""
    sentence, lexicon = extractor.sentences[index], extractor.lexicon
    claims: list[Claim] = []
    previous: tuple[Quantity, str, str | None, str | None] | None = None
    for quantity in find_quantities(sentence.text):
        text = sentence.text
        found = _subject_after(text, quantity.phrase_end, lexicon)
        weapon_attack = False
        if found is None:
            back = lexicon.back_reference.match(text, quantity.phrase_end + 1) if previous else None
            elided = previous and lexicon.predicates_after[0].match(text, quantity.phrase_end + 1)
            if back is None and not elided:
                previous = None
                continue
            # "12 others" or "but three failed to launch": what is counted is what was counted just before
            subject, population = previous[1], previous[3]
            noun_end = back.end() if back is not None else quantity.phrase_end
        else:
            subject, population, noun_end, weapon_attack = found
        clause_start = max(text.rfind(",", 0, quantity.phrase_start), text.rfind(";", 0, quantity.phrase_start), 0)
        if lexicon.hypothetical.search(text, clause_start, quantity.phrase_start):
            continue  # "if one American is killed", "threatened to fire 100 rockets": not a claim
        between = text[previous[0].phrase_end: quantity.phrase_start] if previous is not None else ""
        coordinated = (previous is not None and _COORDINATED.fullmatch(between)
                       and not lexicon.predicates_after[0].search(between)
                       and not lexicon.predicates_before[0].search(between))
        if coordinated and previous[2] is not None:
            predicate = previous[2]  # "killed two American troops and one British service member"
        elif weapon_attack:
            predicate = "fired"
        else:
            predicate = _predicate(text, quantity.phrase_start, noun_end, lexicon)
        if subject in lexicon.weapon_subjects:
            predicate = lexicon.weapon_predicate_map.get(predicate, predicate)
        if predicate in lexicon.predicate_subjects and subject not in lexicon.predicate_subjects[predicate]:
            predicate = None  # "21 missiles that killed a civilian": the missiles were not killed
        partial = bool(
            found is None
            or lexicon.partial_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start)
            or lexicon.partial_after.match(text, quantity.phrase_end)
            or _REST_FOLLOWS.search(text, quantity.phrase_end)  # "one hit the cafeteria while two others landed"
        )
        event = extractor.event_for(index, quantity.start, subject)
        if event.event_type is None and subject in lexicon.weapon_subjects and predicate in WEAPON_PREDICATES:
            event.event_type = lexicon.event_type_from_subject.get(subject)
        speaker, in_quote = extractor.speaker_at(index, quantity.start)
        claims.append(
            extractor.make_claim(
                index,
                "count",
                quantity.start,
                quantity.end,
                speaker,
                in_quote,
                value_low=float(quantity.low),
                value_high=float(quantity.high),
                value_text=quantity.value_text,
                approximate=quantity.approximate,
                value_kind=quantity.kind,
                partial=partial,
                subject=subject,
                predicate=predicate,
                population=population,
                event_type=event.event_type,
                place=event.place,
                event_date_low=event.date_low,
                event_date_high=event.date_high,
            )
        )
        previous = (quantity, subject, predicate, population)
    return claims


_CLAUSE_SPLIT = re.compile(r",?\s+but\s+|;\s+|,\s+while\s+|,\s+whereas\s+", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no longer|did not|does not|didn't|doesn't|refused to|declined to)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)


def _responsibility_claims(extractor: _ArticleExtractor, index: int) -> list[Claim]:
    """Who is said to be behind an attack, clause by clause ("Iran denied it, but U.S. officials blamed ...")."""
    text = extractor.sentences[index].text
    if not (extractor.contexts[index].triggers
            or re.search(r"\battacks?\b|\bincidents?\b|\brockets?\b|\bstrikes?\b", text, re.IGNORECASE)):
        return _clause_responsibility(extractor, index, 0, len(text), attack_named=False)
    claims, start = [], 0
    for split in _CLAUSE_SPLIT.finditer(text):
        claims.extend(_clause_responsibility(extractor, index, start, split.start(), attack_named=True))
        start = split.end()
    claims.extend(_clause_responsibility(extractor, index, start, len(text), attack_named=True))
    return claims


def _clause_responsibility(
    extractor: _ArticleExtractor, index: int, clause_start: int, clause_end: int, attack_named: bool
) -> list[Claim]:
    """At most one responsibility claim per clause: the strongest stance its cues express."""
    lexicon, contexts = extractor.lexicon, extractor.contexts
    text = extractor.sentences[index].text
    pattern, stance_of = lexicon.responsibility
    cues: dict[str, list[re.Match[str]]] = {"declines": [], "denies": [], "hedges": [], "asserts": []}
    for match in pattern.finditer(contexts[index].lower, clause_start, clause_end):
        stance = stance_of[" ".join(match.group(0).split())]
        if stance == "asserts" and _NEGATION.search(contexts[index].lower, clause_start, match.start()):
            stance = "declines"  # "did not blame Iran": no assertion, a refusal to make one
        cues[stance].append(match)
    if not any(cues.values()) or (not attack_named and not cues["denies"] and not cues["declines"]):
        return []
    # the strongest reading wins: a denial or a refusal over an assertion in the same clause
    stance = next(s for s in ("declines", "denies", "hedges", "asserts") if cues[s])
    cue = cues[stance][0]
    actors = [(m.start(), normalise("actor", m.group(0)))
              for m in lexicon.actor_pattern.finditer(text, clause_start, clause_end)]
    actors = [(offset, entity.name) for offset, entity in actors if entity is not None]
    anchor = cues["asserts"][0] if stance == "hedges" and cues["asserts"] else cue
    after = [a for a in actors if a[0] >= anchor.start()]
    actor = (after[0] if after else (actors[-1] if actors else (0, None)))[1]
    if actor is None and stance in ("asserts", "hedges"):
        return []
    named = frozenset(name for _, name in actors)
    event = extractor.event_for(index, cue.start(), None, skip_places=named)
    speaker, in_quote = extractor.speaker_at(index, cue.start())
    if speaker.kind == "outlet" and not in_quote and stance in ("denies", "declines"):
        subject = subject_before(text, cue.start())  # "Iran's foreign minister dismissed ..."
        if subject:
            speaker = resolve_speaker(subject)
    return [
        extractor.make_claim(
            index,
            "responsibility",
            cue.start(),
            cue.end(),
            speaker,
            in_quote,
            actor=actor,
            stance=stance,
            value_text=cue.group(0),
            event_type=event.event_type,
            place=event.place,
            event_date_low=event.date_low,
            event_date_high=event.date_high,
        )
    ]
