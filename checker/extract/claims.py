"""Claims of one article: who said which figure, who is said to be behind an attack, and the event mentions.

Deterministic and explainable: each claim records the exact span of its number (or
responsibility cue) in the article text. Only sentences that pass a cheap prefilter (a
digit, a number word, a responsibility cue) are looked at closely. Which event a claim is
about is not decided here: the event words, places and dates of every sentence are emitted
as mentions, and ``checker.events`` resolves them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from checker.extract.article_speakers import ArticleSpeakers
from checker.extract.document import Document
from checker.extract.grammars import ArticleComponent, Grammars
from checker.extract.measures import Measure
from checker.extract.mentions import EventMentions
from checker.extract.numbers import NumberGrammar, Quantity
from checker.extract.speakers import Speaker
from checker.gazetteer import COUNTRY_LEVEL, REGION_LEVEL
from checker.lang.patterns import key_words, norm
from checker.model import Article, Claim, EventMention

__all__ = ["ArticleReader", "Extraction", "number_keys"]

_WORD = re.compile(r"[\w.'’-]+")
_DIGIT = re.compile("[0-9]")
_DIGITS = re.compile(r"[0-9](?:[0-9,.]*[0-9])?")
_FRACTION = re.compile(r"\d+\.(?!\d{3}$)\d+")  # a figure with a fraction, no scale: "7.9"; not "1.5 million", "5.000"
_CLAUSE_BEFORE = re.compile(r"[;:]|,\s+(?=\w)")
LIST_REACH = 120  # characters between two items of one list ("including 97 recovered from ... and one who died")
_LIST_GOES_ON = re.compile(r"(?:,\s*|\s)(?:and|or)\s+$|,\s*$")
LONG_PHRASE_REACH = 240  # past asides, to a figure a verb of the count's level gives ("has increased to 98")
POPULATION_REACH = 40  # characters after "of" searched for the population a figure is a share of
_CLAUSE_MARK = re.compile(r"[,;:]")
_PLURAL_WORD = re.compile(r"[ \t]+([a-z][a-z-]*[^su\W]s)\b")  # "countries", "hospitals"; not "was", "has", "class"
_CONVERSION = re.compile(r"\s*\(\s*")  # between a figure and its conversion in brackets: "$5.5bn (€3.8bn)"
PHRASE_REACH = 80  # characters from a quantity phrase to its figure ("the death toll in ... rose to 64")
PART_WINDOW = 50  # counts looked back at, at most, to settle a part (a sentence rarely holds more)
PART_REACH = 3  # sentences back in which "others", "another" find the count they are part of
TOPIC_REACH = 3  # sentences back whose counts "that estimate" may stand for when its own paragraph names none
RATE_REACH = 24  # characters after a counted noun searched for a rate ("people died per year")
ESTIMATE_AFTER_REACH = 24  # characters after a figure in which "feared dead", "excess deaths" make it an estimate
SUPERSEDED_REACH = 24  # characters before a figure searched for a word that makes it the replaced one ("from 863")
ZERO_REACH = 40  # characters after a zero's verb searched for words that make it a part ("found since")
DENIAL_REACH = 40  # characters before a figure searched for a denial ("denied reports that")


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one article: the article (publication date settled), claims and event mentions."""

    article: Article
    claims: list[Claim]
    mentions: list[EventMention]


@dataclass(frozen=True)
class _Counted:
    """What a figure counts: the thing, whose it is, where its words end, and what happened to it."""

    subject: str | None
    population: str | None
    end: int
    weapon_attack: bool = False  # "21 rocket attack"
    state: str | None = None  # the state its words name ("dead", "278 deaths")
    back_reference: bool = False
    of_population: bool = False  # a share of a place's population ("two million of its seven million people")
    default_state: str | None = None  # the state its noun gives when no verb gives one ("claimed 14 lives")
    described: bool = False  # its state is a modifier's before the noun ("412 injured passengers"), not the noun's


class _Clauses:
    """The clauses of one sentence, their bounds worked out on first need (most sentences need none); a boundary
    inside the phrase of one of its quantities ends no clause ("estimated that as many as 900 died")."""

    def __init__(self, text: str, quantities: list[Quantity], boundary: re.Pattern[str]) -> None:
        self._text, self._quantities, self._boundary = text, quantities, boundary
        self._bounds: list[int] | None = None

    def holding(self, cues: list[int]) -> list[tuple[int, int]]:
        """The clauses (start, end) that hold an offset of ``cues``."""
        if not cues:
            return []
        if self._bounds is None:
            inside = [(q.phrase_start, q.phrase_end) for q in self._quantities]
            self._bounds = [0, *(b.end() for b in self._boundary.finditer(self._text)
                                 if not any(start <= b.start() < end for start, end in inside)), len(self._text)]
        bounds = self._bounds
        return [(start, end) for start, end in zip(bounds, bounds[1:], strict=False)
                if any(start <= cue < end for cue in cues)]


def _figure_key(written: str) -> str:
    """A figure as written, for finding it again: "2,975" and "2975" are one figure ("about 2,975" too)."""
    return written.replace(",", "").replace(" ", "").lower()


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


class ArticleReader(ArticleComponent):
    """The claims of one article, and its extraction: the claims read with the article's speakers
    (``ArticleSpeakers``) and event mentions (``EventMentions``), components that share its ``Document``."""

    def __init__(self, document: Document, grammars: Grammars) -> None:
        super().__init__(document, grammars)
        self.headline = (self.article.title or "").strip()
        self.speakers = ArticleSpeakers(document, grammars)
        self.event_mentions = EventMentions(document, grammars, self.speakers)
        self.speaker_at = self.speakers.speaker_at
        self._part_cues: dict[int, str] = {}  # offset of a figure -> why it may be a part of a count
        self._last_count: dict[int, Claim] = {}  # paragraph -> its last count claim so far
        self._topic: dict[int, tuple[str | None, str | None, str | None]] = {}  # paragraph -> quantity it names
        self._last_of_value: dict[str, Claim] = {}  # a figure as written (digits only) -> the last whole count of it
        self._whole_counts: list[tuple[int, str, str, str | None]] = []  # (sentence, subject, state, population)
        self._districts: dict[int, str | None] = {}  # sentence -> the named district it places its figures in
        self._district_names: frozenset[str] | None = None  # the names the article writes as districts'
        self._district_bare: re.Pattern[str] | None = None  # ... named bare at a sentence's start
        self._current = 0  # the sentence being read
        self._populations: set[str] = set()  # the peoples the sentence read has named so far ("two Americans")
        self._presumed: dict[int, Claim] = {}  # the claims credited by a count's words alone ("the official toll"),
        # by id (the claims are held here, so no id is reused while the article is read)

    def read(self) -> Extraction:
        claims: list[Claim] = []
        vocabulary = self.vocabulary
        places_and_event_words = self.event_mentions.places_and_event_words()
        self.names_event = {m.sentence for m in places_and_event_words if m.kind == "type"}
        for index, sentence in enumerate(self.sentences):
            words = self.words[index]
            if words & self.grammars.number_keys or words & vocabulary.zero_keys or _DIGIT.search(sentence.text):
                claims.extend(self._count_claims(index))
            elif words & vocabulary.singular_keys and words & vocabulary.state_after_keys:
                claims.extend(self._count_claims(index, figures=False))  # only "A rocket fell": no figure to read
            if words & vocabulary.responsibility_keys and (
                words & vocabulary.actor_keys or words & vocabulary.disavowal_keys
            ):
                claims.extend(self._responsibility_claims(index))
            if words & vocabulary.anonymous_keys:
                claims.extend(self._anonymous_sources(index))
        self._settle_parts(claims)
        self._singular_parts(claims)
        _share_revision_cues(claims)
        _carried_sources(claims, self._presumed,
                         lambda claim: self.grammars.numbers.leaves_its_number_out(claim.value_text or ""))
        for number, claim in enumerate(claims, start=1):
            claim.claim_id = f"{self.article.article_id}:{number}"
        mentions = self.event_mentions.read(places_and_event_words)
        _date_reports(claims, mentions, self.article.published)
        return Extraction(self.article, claims, mentions)

    def make_claim(self, index: int, kind: str, start: int, end: int, speaker: Speaker, in_quote: bool,
                   **values) -> Claim:
        sentence = self.sentences[index]
        absolute, absolute_end = sentence.start + start, sentence.start + end
        line, column = self.document.lines.line_and_column(absolute)
        claim = Claim(
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
            line=line,
            column=column,
            in_headline=bool(self.headline) and sentence.paragraph == 0 and self.headline in sentence.text,
            sentence_index=index,
            paragraph=sentence.paragraph,
            **values,
        )
        if speaker.presumed:
            self._presumed[id(claim)] = claim
        return claim

    def _anonymous_sources(self, index: int) -> list[Claim]:
        """Anonymous sources named in a sentence ("citing unnamed officials"), figure or not: the SR rules' input."""
        sentence = self.sentences[index]
        found = []
        for attribution, speaker in self.speakers.of_sentence(index)[2]:
            if speaker.kind == "anonymous" and not self.grammars.speakers.is_pronoun(attribution.speaker_text):
                end = len(sentence.text[:attribution.end].rstrip(" .,;:"))
                found.append(self.make_claim(index, "attribution", attribution.start, end, speaker, False,
                                             value_text=sentence.text[attribution.start:end]))
        return found

    def _subject_after(self, text: str, position: int) -> _Counted | None:
        """What a number at ``position`` counts: the noun after it (a few modifiers may stand between: whose, and
        what happened: "two wounded American soldiers"), or None when no counted noun follows."""
        vocabulary = self.vocabulary
        population, state = None, None
        cursor = position
        for _ in range(4):
            hyphen = cursor < len(text) and text[cursor] == "-"
            while cursor < len(text) and text[cursor] in " \t\n-\"“‘'":  # 4,645 "excess deaths"
                cursor += 1
            noun = vocabulary.subject_pattern.match(text, cursor)
            if noun and norm(noun.group("noun")) in vocabulary.head_only_nouns and self._noun_follows(text, noun.end()):
                noun = None  # "12 national highways", "a citizen journalist": a modifier of the noun after it
            if noun and (noun.end() == len(text) or not text[noun.end()].isalnum()):
                if hyphen and norm(noun.group("noun")) not in vocabulary.compound_subjects:
                    return None  # "a 12-rocket launcher" counts a launcher's tubes; "a 12-storey building" does count
                return self._counted_noun(text, noun, population, state)
            word = _WORD.match(text, cursor)
            if word is None:
                return None
            token = word.group(0).lower().rstrip(".,")
            if token in vocabulary.not_modifiers or not token or text[word.end():word.end() + 1] in (",", ";", ":"):
                return None
            state = vocabulary.state_words.get(token, state)  # "1,175 injured people"
            population = vocabulary.population_of.get(token, population)
            cursor = word.end()
        return None

    def _other_plural_at(self, text: str, end: int) -> bool:
        """Whether a plural noun no subject lists stands right after ``end`` ("13 countries", "six hospitals"): a
        lower-case word in -s that is no function word, no state and no verb of one; it ends a figure's noun phrase
        (a modifier is never plural)."""
        word = _PLURAL_WORD.match(text, end)
        if word is None:
            return False
        return self._content_word(text, word.start(1), word.group(1).lower()) and not (
            self.vocabulary.subject_pattern.match(text, word.start(1)))

    def _noun_follows(self, text: str, end: int) -> bool:
        """Whether another word of the noun phrase follows ``end``: a word that is no function word and starts no
        verb of state ("one British national [was] killed" ends its phrase; "12 national [highways]" does not)."""
        word = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
        return word is not None and self._content_word(text, word.start(), word.group(0).lower().rstrip(".,"))

    def _content_word(self, text: str, start: int, token: str) -> bool:
        """Whether the word ``token`` at ``start`` may be a noun of a figure's phrase: no function word, no state,
        and no verb of one."""
        vocabulary = self.vocabulary
        return (token not in vocabulary.not_modifiers and token not in vocabulary.state_words
                and not vocabulary.predicates_after[0].match(text, start))

    def _counted_noun(self, text: str, noun: re.Match[str], population: str | None, state: str | None) -> _Counted:
        vocabulary, taxonomy = self.vocabulary, self.grammars.taxonomy
        surface = norm(noun.group("noun"))
        subject = vocabulary.canonical_subject(surface)
        described = state is not None and surface not in vocabulary.subject_state
        state = vocabulary.subject_state.get(surface, state)  # "278 deaths": people killed
        if subject == "person" and population is None:  # "two Americans": the noun says whose
            population = vocabulary.population_of.get(surface)
        end = noun.end()
        following = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
        following_word = following.group(0).lower().rstrip(".,") if following else ""
        weapon_attack = False
        if following and following_word in vocabulary.weapon_attack_nouns and subject in taxonomy.weapon_subjects:
            weapon_attack = True  # "21 rocket attack": 21 rockets fired
            end = following.end()
        elif following and following_word in vocabulary.weapon_attack_nouns_plural:
            subject = "attack"  # "two dozen rocket attacks": attacks counted
            end = following.end()
        of_phrase = vocabulary.of_group.match(text, end)
        if of_phrase:  # "one member of the Iraqi security forces": whose, from the of-phrase
            for token in of_phrase.group(0).lower().split():
                population = vocabulary.population_of.get(token.strip(".,'’"), population)
            end = of_phrase.end()
        return _Counted(subject, population, end, weapon_attack, state,
                        default_state=vocabulary.subject_default_state.get(surface), described=described)

    def _state_after(self, text: str, position: int) -> tuple[str, int] | None:
        """A state named right after a figure with no noun ("over 800 have been reported injured", "14 dead"):
        the state and where its words end."""
        vocabulary = self.vocabulary
        after_pattern, after_roles = vocabulary.predicates_after
        start = _skip_spaces(text, position)
        word = vocabulary.state_word_pattern.match(text, start)
        phrase = after_pattern.match(text, start)
        if phrase and (word is None or phrase.end() > word.end()):  # "25 dead and missing": not the dead alone
            return after_roles[norm(phrase.group(0))], phrase.end()
        if word:
            return vocabulary.state_words[norm(word.group("word"))], word.end()
        after = text[position: position + 48]
        match = after_pattern.search(after)
        between = after[: match.start()] if match else ""
        if match and len(between.split()) <= 3 and not self.vocabulary.state_break.search(between):
            return after_roles[norm(match.group(0))], position + match.end()
        return None

    def _counted_one_by_one(self, subject: str) -> bool:
        """Whether "a" counts this thing: a person or a weapon ("a contractor was killed", "a rocket fell"); an event
        named with "a" ("a powerful blast") is named, not counted."""
        taxonomy = self.grammars.taxonomy
        return subject in taxonomy.weapon_subjects or "person" in taxonomy.subject_line(subject)

    def _became_of(self, text: str, quantity: Quantity, counted: _Counted) -> str | None:
        """What a verb after the noun says became of those a modifier's state describes ("412 injured passengers
        have been discharged": discharged), when it is one of ``states_becoming``; never for the whole of a part
        named before it ("twenty of the 80 missing people were found alive")."""
        if not counted.described or self.vocabulary.share_of_whole.search(text, max(0, quantity.phrase_start - 12),
                                                                           quantity.phrase_start):
            return None
        state = self._state_verb_after(text, counted.end)
        return state if state in self.vocabulary.states_becoming else None

    def _state_verb_after(self, text: str, noun_end: int) -> str | None:
        """The role a verb just after a noun phrase gives ("was killed", "on Thursday landed"), at most three
        words on and inside its clause; None when there is none."""
        after_pattern, after_roles = self.vocabulary.predicates_after
        after = text[noun_end: noun_end + 48]
        match = after_pattern.search(after)
        between = after[: match.start()] if match else ""
        if match and len(between.split()) <= 3 and not self.vocabulary.state_break.search(between):
            return after_roles[norm(match.group(0))]
        return None

    def _predicate(self, text: str, phrase_start: int, noun_end: int) -> str | None:
        """The role of the counted thing: a verb just after the noun phrase wins, else the nearest verb before the
        number. One alternation per position, longest phrase first, so "failed to launch" is never "launch".
        A verb after "and" or a comma belongs to the next figure ("killed 13 and injured 18 more"); a verb of a
        state the pack does not know, right after the noun or after "and" before the figure, leaves it in none."""
        after = self._state_verb_after(text, noun_end)
        if after is not None:
            return after
        before_pattern, before_roles = self.vocabulary.predicates_before
        coordinated = self.vocabulary.own_verb_before.search(text, max(0, phrase_start - 30), phrase_start)
        shared = (before_pattern.search(text, max(0, coordinated.start() - 25), coordinated.start())
                  if coordinated else None)
        if coordinated is not None and shared is not None and not text[shared.end():coordinated.start()].strip():
            coordinated = None  # "killed and beheaded 12 villagers": the two verbs share the figure
        own = self.vocabulary.own_verb_after.match(text, noun_end) or coordinated
        if own is not None and not before_pattern.match(text, own.start("verb")):
            return None  # "had been displaced, and 9 million had been affected": a state of its own, not known
        before = text[max(0, phrase_start - 60):phrase_start]
        clause = _CLAUSE_BEFORE.split(before)[-1] if before else ""
        nearest = None
        for match in before_pattern.finditer(before, len(before) - len(clause)):
            if len(before[match.end():].split()) <= 4:
                nearest = match
        if nearest is not None and self.vocabulary.agent_after_verb.match(before, nearest.end()):
            return None  # "killed by 12 gunmen": those who did it, not those it was done to
        return before_roles[norm(nearest.group(0))] if nearest else None

    def _count_claims(self, index: int, figures: bool = True) -> list[Claim]:
        """Count claims of one sentence: each number with a counted noun (or a state that only people have, or a
        quantity phrase before it: "the death toll rose to 64") becomes a claim; so does a zero ("no casualties")
        and one thing named as a subject ("A rocket fell"), the only claims of a sentence with no ``figures``."""
        text = self.sentences[index].text
        self._current = index
        quantities = [q for q in self.grammars.numbers.find(text)
                      if not self.vocabulary.multiplier_after.match(text, q.phrase_end)] if figures else []
        # ("four times as many people": a multiplier counts nothing)
        measures = self.grammars.measures.find(text) if figures else []  # figures with a unit
        clauses = _Clauses(text, quantities, self.vocabulary.clause_boundary)
        revised = self._revised_clauses(text, quantities, clauses, measures)
        revision_cue = bool(revised)
        moments = self._moment_clauses(text, quantities, clauses)
        estimated = self._estimate_clauses(text, quantities, clauses)
        singular = self._singular_claims(index, quantities, revision_cue)
        if not figures and not singular:
            return []  # most sentences with "a" and a verb of state name nothing as a subject
        claims: list[Claim] = []
        taken: set[int] = set()  # offsets of the figures already claimed
        previous: tuple[Quantity, str | None, str | None, str | None] | None = None
        unstated: tuple[Claim, int] | None = None  # the last count whose words gave no state, and where its noun ends
        self._populations = set()  # the peoples the sentence's counts have named so far
        claims += self._phrase_claims(index, quantities, taken, revision_cue) if figures else []  # "rose to 64"
        vocabulary = self.vocabulary
        proportions = {q.phrase_start: m.start() for q in quantities  # "one in 40": the second figure, and where
                       if (m := vocabulary.ratio_before.search(text, max(0, q.phrase_start - 30), q.phrase_start))}
        numerators = set(proportions.values())  # the first begins
        for quantity in quantities:
            if quantity.start in taken or quantity.start in numerators or quantity.phrase_start in numerators:
                continue
            denied_one = bool(vocabulary.denied_one.search(text, max(0, quantity.phrase_start - 5),
                                                           quantity.phrase_start)
                              and quantity.low == quantity.high == 1)  # "not one": a zero (``_zero_claims``)
            if (vocabulary.naming_before.search(text, max(0, quantity.start - 20), quantity.start)
                    or _FRACTION.fullmatch(quantity.number_text)  # "the 7.9 earthquake": things come whole
                    or vocabulary.ranking.match(text, quantity.phrase_end)
                    or vocabulary.is_population(text, quantity.phrase_start, quantity.phrase_end)):
                previous = None
                continue  # "Type 107 rockets", "one of the highest", "the city's 7 million people": counts no event
            counted = self._what_is_counted(text, quantity, previous)
            if counted is None:
                previous = None
                named_as_figure = vocabulary.topic_noun_after.match(text, quantity.phrase_end) and (
                    vocabulary.topic_figure_before.search(text, max(0, quantity.phrase_start - 30),
                                                          quantity.phrase_start))
                claim = (self._topic_figure_claim(index, quantity, revision_cue) if named_as_figure  # "the 769 tally"
                         else self._whole_of_part_claim(index, quantity, quantities, revision_cue))
                if claim is not None:
                    claims.append(claim)
                    taken.add(quantity.start)
                continue
            if vocabulary.negation_after.match(text, counted.end):
                continue  # "3,000 people did not die": a figure denied, not given
            if self._names_a_speaker(text, quantity, counted):
                continue  # "one male survivor told the channel": who speaks, not a count of the event
            if (norm(quantity.number_text) in vocabulary.singular_numbers
                    and vocabulary.single_preposition_before.search(text, max(0, quantity.start - 12), quantity.start)):
                continue  # "a fuss over the death of a single person": one named in passing, no claim
            if (vocabulary.rate_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start)
                    or quantity.phrase_start in proportions
                    or vocabulary.rate_after.search(text, counted.end, min(len(text), counted.end + RATE_REACH))):
                continue  # "an average of 113 people per year": a statistic, not a count of the event
            if (self._hypothetical_before(text, quantity.phrase_start)
                    or self._denied_before(text, quantity.phrase_start)):
                continue  # "if one American is killed", "threatened to fire 100 rockets", "denied reports that two
                # soldiers were killed": not a claim
            if counted.population is None and counted.subject == "person":
                counted = replace(counted, population=self._people_from(text, quantity.phrase_end))
            predicate = self._became_of(text, quantity, counted) or counted.state or self._count_predicate(
                text, quantity, previous, counted)
            claim = self._count_claim(index, quantity, counted, predicate, revision_cue)
            if denied_one:  # what it counts still stands for the figures after it ("not one soldier ..., 11 were hurt")
                previous = (quantity, claim.subject, claim.predicate, claim.population)
                continue
            if unstated is not None and predicate is not None and vocabulary.subjects_joined.fullmatch(
                    text, unstated[1], quantity.phrase_start) and not vocabulary.predicates_after[0].match(
                    text, _skip_spaces(text, quantity.phrase_end)) and not vocabulary.partial_after.match(
                    text, quantity.phrase_end) and self.grammars.taxonomy.state_fits(
                    claim.predicate, unstated[0].subject):
                # "Two Americans and one Briton were killed", "two Americans and one from Britain were killed": both
                # were; not "15 children and six were treated" nor "3,000 fighters and 20 of them were killed",
                # where the second figure opens a clause of its own
                unstated[0].predicate = claim.predicate
            unstated = (claim, counted.end) if predicate is None and self._opens_clause(text, quantity) else None
            claims.append(claim)
            taken.add(quantity.start)
            previous = (quantity, claim.subject, claim.predicate, claim.population)
            if claim.population is not None:
                self._populations.add(claim.population)
        claims += singular
        if figures:
            claims += self._denied_claims(index, quantities, claims, taken)
            claims += self._breakdown_claims(index, quantities, taken, revision_cue)
            claims += self._zero_claims(index, revision_cue, taken)
            claims += self._measure_claims(index, measures, revision_cue)
        sentence = self.sentences[index]
        if (self.vocabulary.other_event.search(self.lower_text, sentence.start, sentence.end)
                or self.vocabulary.comparison_opener.match(sentence.text)):
            for claim in claims:  # "another accident in the same region left seven dead": not the article's event
                claim.other_event = True
        self._mark_recaps(text, sentence.start, claims)
        ordinal = clauses.holding([m.start() for m in self.vocabulary.ordinal_event.finditer(text)
                                   if not self.vocabulary.ordinal_series.match(text, m.end())])
        for claim in claims:  # "the second blast was equal to 21 tonnes of TNT": one of the blasts, a part (not "the
            # first attack on the base since January killed two")
            claim.partial = claim.partial or any(start <= claim.start - sentence.start < end for start, end in ordinal)
        claims.sort(key=lambda c: c.start)
        estimated_after = self.vocabulary.estimate_after.search(text) is not None
        for claim in claims:
            position = claim.start - sentence.start
            if revised:  # the cue holds for the figures of its own clause only ("risen to 190, with three missing")
                claim.revision_cue = any(start <= position < end for start, end in revised)
                marker = self.vocabulary.superseded_marker.search(text, max(0, position - SUPERSEDED_REACH), position)
                claim.superseded = claim.superseded or (claim.revision_cue and marker is not None)
            if self.vocabulary.earlier_figure.search(text, max(0, position - 60), position):
                claim.superseded = True  # "the panel's last estimate of 12,000": a figure the text names as replaced
            claim.moment_cue = any(start <= position < end for start, end in moments)
            claim.estimate = bool(estimated or estimated_after) and self._given_as_estimate(
                text, position, claim.end - sentence.start, quantities, estimated, clauses)
        for claim in claims:
            if claim.subject is not None:
                self._last_count[claim.paragraph] = claim
                if self._is_whole_count(claim):
                    self._last_of_value[_figure_key(claim.surface or "")] = claim
                    if claim.predicate is not None:
                        self._whole_counts.append((index, claim.subject, claim.predicate, claim.population))
        return claims

    def _people_from(self, text: str, end: int) -> str | None:
        """The people of the country named right after a figure ("and one from Britain were killed": British)."""
        found = self.vocabulary.from_country.match(text, end)
        if found is None:
            return None
        named = self.vocabulary.population_of.get(found.group("country").lower())  # "from the UK": a people's word
        places = () if named else self.grammars.places.gazetteer.candidates(found.group("country"))
        return named or (self.vocabulary.population_of_country.get(places[0].name.lower()) if places else None)

    def _opens_clause(self, text: str, quantity: Quantity) -> bool:
        """Whether a figure is the first words of its clause, a subject no verb before it takes ("Two Americans and
        ..." after a comma, "that" or a reporting verb; not "the militants used 14 rockets and ...")."""
        clause = _CLAUSE_BEFORE.split(text[:quantity.phrase_start])[-1]
        return not clause.strip() or bool(self.vocabulary.clause_opener.search(clause))

    def _is_whole_count(self, claim: Claim) -> bool:
        """Whether the same figure named again later ("the 769 tally") may take this claim's quantity: a figure of a
        whole count of this event (in a state or none: "nearly 170,000 bodies"), not a thing's size ("12 storeys
        tall") nor one thing named ("A rocket fell")."""
        return (claim.kind == "count" and claim.subject is not None and not claim.partial and not claim.other_event
                and not claim.unit and claim.predicate not in self.grammars.taxonomy.dimensions
                and (claim.value_text or "").lower() not in self.vocabulary.singular_keys)

    def _forecast_before(self, text: str, position: int) -> bool:
        """Whether a word right before a measure, at most three words back in its clause, makes it a forecast ("is
        expected to grow by about 40,000 hectares"); not one further back ("was expected to reach the town and
        had burned 4,000 hectares")."""
        found = max(self.vocabulary.measure_forecast.finditer(text, max(0, position - 60), position),
                    key=lambda match: match.end(), default=None)
        return found is not None and len(text[found.end():position].split()) <= 3 and not (
            self.vocabulary.state_break.search(text, found.end(), position))

    def _hypothetical_before(self, text: str, position: int) -> bool:
        """Whether the clause before ``position`` (back to a comma or a semicolon) makes what follows hypothetical:
        "if one American is killed", "threatened to fire 100 rockets", "the expected final toll"."""
        clause_start = max(text.rfind(",", 0, position), text.rfind(";", 0, position), 0)
        return bool(self.vocabulary.hypothetical.search(text, clause_start, position))

    def _denied_before(self, text: str, position: int) -> bool:
        """Whether a figure at ``position`` opens what its speaker denies ("denied reports that [two soldiers were
        killed]")."""
        return bool(self.vocabulary.denied_before.search(text, max(0, position - DENIAL_REACH), position))

    def _mark_recaps(self, text: str, offset: int, claims: list[Claim]) -> None:
        """Mark the figures of a sentence (at ``offset`` in the article) that a past year's event holds: "since
        Hillsborough in 1989, when 97 fans died" (the clause the year opens); "the Tamsk fire, which killed 60 people
        in 2016" (the relative clause the year dates); "the 2015 earthquake, which killed
        900" (its clause, or its whole sentence when it opens it); "the 8,500 killed in a massive 1934 quake"."""
        published, vocabulary = self.article.published, self.vocabulary
        if published is None:
            return  # (an undated page's years say nothing of now: a 2023 report on a 1986 disaster)

        def long_ago(found: re.Match[str]) -> bool:  # a year before last: last year's event may still be the news
            return published.year - int(found.group("year")) > 1

        for found in filter(long_ago, vocabulary.year_when.finditer(text)):
            boundary = vocabulary.clause_boundary.search(text, found.end())
            _mark_between(claims, offset, found.end(), boundary.start() if boundary else len(text))
        for found in filter(long_ago, vocabulary.year_relative.finditer(text)):
            _mark_between(claims, offset, found.start(), found.end())  # ", which killed 85 people in 2018"
        for found in filter(long_ago, vocabulary.year_event.finditer(text)):
            opens = vocabulary.year_event_opening.match(text[:found.start()])
            boundary = (vocabulary.year_event_turn if opens else vocabulary.year_event_end).search(text, found.end())
            _mark_between(claims, offset, found.end(), boundary.start() if boundary else len(text))
            for claim in claims:  # ("the 8,500 killed in a massive 1934 quake")
                end = claim.end - offset
                if end <= found.start() and vocabulary.year_event_before.match(text[end:found.start()]):
                    claim.other_event = True

    def _names_a_speaker(self, text: str, quantity: Quantity, counted: _Counted) -> bool:
        """Whether a figure describes who speaks: a reporting verb right after its counted words ("one male survivor
        told"), or after words that are all a speaker's when no counted noun follows it ("two senior officials
        said"); "12 were reported dead", "three deaths were reported", "four confirmed deaths" are counts."""
        speakers = self.grammars.speakers
        if self._reports_at(text, _skip_spaces(text, counted.end)):
            return True
        subject = self._subject_after(text, quantity.phrase_end)
        position = _skip_spaces(text, quantity.phrase_end)
        for _ in range(4):
            word = _WORD.match(text, position)
            if word is None or not (self.grammars.hooks.is_name_word(word.group(0))
                                    or word.group(0).lower() in speakers.speaker_words):
                return False
            position = _skip_spaces(text, word.end())
            if self._reports_at(text, position):  # ("40 people officials say": the people are counted)
                return subject is None or subject.end > position
        return False

    def _reports_at(self, text: str, position: int) -> bool:
        """Whether a reporting verb stands at ``position`` and reports ("told", "said"), not a state ("reported
        dead", "confirmed deaths", "reported to have died")."""
        speakers = self.grammars.speakers
        verb = speakers.verb.match(text, position)
        return verb is not None and not (speakers.state_after_verb.match(text, verb.end())
                                         or speakers.participle_after.match(text, verb.end())
                                         or self.vocabulary.infinitive_after.match(text, verb.end()))

    def _revised_clauses(self, text: str, quantities: list[Quantity], clauses: _Clauses,
                         measures: list[Measure]) -> list[tuple[int, int]]:
        """The clauses of a sentence that say a figure was revised ("the toll was revised to 275", "rose sharply
        from 90 to 170", "grew from 2 hectares to 60 hectares"): (start, end) offsets."""
        cues = [cue.start() for cue in self.vocabulary.revision_cue.finditer(text)]
        for spans in ([(q.phrase_start, q.phrase_end) for q in quantities], [(m.start, m.end) for m in measures]):
            cues += [old_start for (old_start, old_end), (new_start, _) in zip(spans, spans[1:], strict=False)
                     if self.vocabulary.change_from.search(text, max(0, old_start - 12), old_start)
                     and self.vocabulary.change_to.fullmatch(text, old_end, new_start)]  # counts, then measures
        return clauses.holding(cues)

    def _moment_clauses(self, text: str, quantities: list[Quantity], clauses: _Clauses) -> list[tuple[int, int]]:
        """The clauses of a sentence that name the phase of the event their figures stood at ("40,000 barrels a day
        at the start of the leak"; one set off before a clause holds for that clause: "At the start of the leak,
        40,000 barrels a day ..."): (start, end) offsets."""
        cues = []
        for moment in self.vocabulary.moment_cue.finditer(text):
            cues.append(moment.start())
            boundary = self.vocabulary.clause_boundary.search(text, moment.end())
            if boundary and not any(moment.start() <= q.phrase_start < boundary.start() for q in quantities):
                cues.append(boundary.end())
        return clauses.holding(cues)

    def _estimate_clauses(self, text: str, quantities: list[Quantity], clauses: _Clauses) -> list[tuple[int, int]]:
        """The clauses of a sentence that hold a word giving the figures after it as estimates ("the study estimated
        that 4,645 people died"; words after a figure are ``_given_as_estimate``'s); a cue whose clause holds no
        figure holds for the next clause that has one ("scientists estimate that, at the start of the leak, 62,000
        barrels a day ..."): (start, end) offsets."""
        cues = []
        for cue in self._estimate_cues(text, 0, len(text)):
            cues.append(cue.start())
            boundary = self.vocabulary.clause_boundary.search(text, cue.end())
            (start, end), = clauses.holding([cue.start()])
            if boundary and len(text[cue.end():boundary.start()].split()) <= 1 and not any(
                    start <= q.phrase_start < end for q in quantities):
                # "estimate that, ..."; not "estimated the damage at $5 billion, and said 12 people died", nor
                # "hundreds feared missing after the boat sank, leaving 78 dead"
                cues += [q.phrase_start for q in quantities if q.phrase_start >= boundary.end()][:1]
        return clauses.holding(cues)

    def _estimate_cues(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The words between ``start`` and ``end`` that give a figure after them as an estimate: one of
        ``estimate_cues``, or a study named as a work ("a new study", "the Harvard study"; not "students who
        study"), in text order."""
        vocabulary = self.vocabulary
        found = list(vocabulary.estimate_cue.finditer(text, start, end))
        found += [study for study in vocabulary.estimate_study.finditer(text, start, end)
                  if vocabulary.estimate_study_before.search(text, max(0, study.start() - 60), study.start())]
        return sorted(found, key=lambda match: match.start())

    def _given_as_estimate(self, text: str, position: int, end: int, quantities: list[Quantity],
                           estimated: list[tuple[int, int]], clauses: _Clauses) -> bool:
        """Whether the figure at ``position`` (ending at ``end``) is given as an estimate: a word a few words after
        it, before the next of ``quantities``, says so ("30 people are feared dead"), or it stands in a clause of
        ``estimated`` after the estimate named there (or in the clause one set off before holds for) and no word
        between names it the official count, unless that estimate comes well after it ("a study estimates the toll
        is far above the official number of 64", "the official estimate was 64": counts); a word right after it
        naming it confirmed makes it a count ("said 230 people had been confirmed dead")."""
        own = clauses.holding([position])
        limit = min([own[0][1] if own else len(text),
                     *(q.phrase_start for q in quantities if q.phrase_start > position)])
        for cue, given in ((self.vocabulary.official_cue, False), (self.vocabulary.estimate_after, True)):
            found = cue.search(text, end, limit)
            if found and found.start() - end <= ESTIMATE_AFTER_REACH:
                return given  # "230 people had been confirmed dead"; "30 people are feared dead"
        clause = next(((start, end) for start, end in estimated if start <= position < end), None)
        if clause is None:
            return False
        cues = [m.start() for m in self._estimate_cues(text, clause[0], clause[1])]
        if cues and cues[0] > position:
            return False  # "the 52 deaths are far fewer than modelling suggests": named after the figure
        cues = [cue for cue in cues if cue < position]
        official = [m.end() for m in self.vocabulary.official_cue.finditer(text, clause[0], position)]
        if not official:
            return True
        # "the official estimate was 64": an estimate the officials give is their count
        return bool(cues) and cues[-1] > official[-1] and len(text[official[-1]:cues[-1]].split()) > 2

    def _what_is_counted(self, text: str, quantity: Quantity, previous) -> _Counted | None:
        """The counted noun after a figure; else what was counted just before ("and 12 others"); else people,
        when the state after it is one only people have ("over 800 have been reported injured")."""
        vocabulary = self.vocabulary
        if self._other_plural_at(text, quantity.phrase_end) and vocabulary.object_preposition_before.search(
                text, max(0, quantity.phrase_start - 20), quantity.phrase_start):
            # "foreigners from 13 countries were killed", "doctors in six hospitals treated 300 people": the object
            # of a preposition, counting a thing no subject lists, is no subject of the verb after it
            return None
        counted = self._subject_after(text, quantity.phrase_end)
        if counted is not None:
            return counted
        if previous is not None and (people := self._people_from(text, quantity.phrase_end)) is not None and (
                vocabulary.inclusion.search(text, max(0, quantity.phrase_start - 30), quantity.phrase_start)
                or self._listed_after_included(previous[0], text[previous[0].phrase_end:quantity.phrase_start])):
            # "26 foreigners were killed, including 5 from Iran": people of that country, some of those before
            found = vocabulary.from_country.match(text, quantity.phrase_end)
            return _Counted("person", people, found.end() if found else quantity.phrase_end)
        if previous is not None and (listed := self._listed_in_place(text, quantity, previous)) is not None:
            return listed
        group = vocabulary.group_complement.match(text, quantity.phrase_end)
        if previous is not None and group is not None and previous[2] is not None and not (
                vocabulary.group_whole_before.search(text, max(0, quantity.phrase_start - 12), quantity.phrase_start)):
            # "153 people were killed, and at least four were teenagers": the teenagers' count; "... 97 were women":
            # some of those before (a group the pack counts as no kind of its own)
            narrower = self._group_kind(group, previous[1])
            if narrower is None:
                self._mark_part(quantity, "after")
            return _Counted(narrower or previous[1], None, group.end(), False, previous[2], back_reference=True)
        if vocabulary.duration_after.match(text, quantity.phrase_end):
            return None  # "freed after four days under the debris": a duration
        back = vocabulary.back_reference.match(text, _skip_spaces(text, quantity.phrase_end))
        worst = vocabulary.worst_after.match(text, quantity.phrase_end)
        if worst is not None and previous is not None and vocabulary.worst_state and (
                previous[2] == vocabulary.worst_state
                or (vocabulary.worst_state, previous[2]) in self.grammars.taxonomy.state_parts):
            self._mark_part(quantity, "back")  # "40 were hurt, 12 seriously": the worst hurt of those
            return _Counted(previous[1], previous[3], worst.end(), False, vocabulary.worst_state, back_reference=True)
        after = back.end() if back else quantity.phrase_end
        state = self._state_after(text, after)
        if previous is not None and (back or vocabulary.predicates_after[0].match(text, quantity.phrase_end + 1)) and (
                not vocabulary.level_after_increment.search(text, max(0, quantity.phrase_start - 40),
                                                            quantity.phrase_start)):  # ("rose by 30 to 120": the level)
            # "12 others", "but three failed to launch": what is counted is what was counted just before
            self._mark_part(quantity, "back")
            # "10 others", "a dozen more", "over 170 on board" after "two Americans and one Briton": other people, of
            # no country the figure before them names; "and 10 were wounded", "another 10": the same people
            others = back is not None or (state is not None and state[0] in vocabulary.others_states) or len(
                self._populations) > 1 or bool(vocabulary.among_before.search(
                    text, max(0, quantity.phrase_start - 12), quantity.phrase_start))
            population = None if others and previous[1] == "person" else previous[3]
            return _Counted(previous[1], population, after, False, state[0] if state else None, back_reference=True)
        more = back or vocabulary.partial_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start)
        if state is not None and state[0] not in vocabulary.person_states and previous is not None and previous[1] \
                and "person" in self.grammars.taxonomy.subject_line(previous[1]) \
                and self.grammars.taxonomy.state_fits(state[0], previous[1]):
            # "hurt eleven people and left four of them in critical condition": a state only people are in (of
            # bridges too), of the people just counted
            return _Counted(previous[1], previous[3], state[1], False, state[0], back_reference=True)
        if state is not None and state[0] in vocabulary.person_states:
            if more:  # "Another 15 are wounded" after "US troops killed": more of the same people
                self._mark_part(quantity, "back")
                earlier = self._last_count.get(self.sentences[self._current].paragraph)
                if earlier is not None and self.grammars.taxonomy.state_fits(state[0], earlier.subject):
                    population = None if back and earlier.subject == "person" else earlier.population
                    return _Counted(earlier.subject, population, state[1], False, state[0], back_reference=True)
            return _Counted("person", None, state[1], False, state[0], back_reference=bool(back))
        by_verb = self._counted_by_verb(text, quantity)
        if by_verb is not None:
            return by_verb
        before = self._predicate(text, quantity.phrase_start, quantity.phrase_end)
        if before in vocabulary.person_states and not back and not vocabulary.preposition_before.search(
                text, max(0, quantity.phrase_start - 20), quantity.phrase_start):  # "the storm killed more than 100"
            return _Counted("person", None, quantity.phrase_end, False, before)
        return self._of_population(text, quantity)

    def _counted_by_verb(self, text: str, quantity: Quantity) -> _Counted | None:
        """People a verb after their noun or state word counts ("the dead may number 85,000", "the marchers
        numbered about 10,000"); None for anything else ("houses numbered 12 and 14")."""
        found = self.vocabulary.counted_by_verb.search(text, max(0, quantity.phrase_start - 60), quantity.phrase_start)
        if found is None:
            return None
        counted = self._subject_after(text, found.start("noun"))
        if counted is not None:
            if counted.end != found.end("noun") or "person" not in self.grammars.taxonomy.subject_line(
                    counted.subject):
                return None
            return _Counted(counted.subject, counted.population, quantity.phrase_end, False, counted.state)
        state = self._state_after(text, found.start("noun"))
        if state is None or state[1] != found.end("noun") or state[0] not in self.vocabulary.person_states:
            return None
        return _Counted("person", None, quantity.phrase_end, False, state[0])

    def _of_population(self, text: str, quantity: Quantity) -> _Counted | None:
        """"Nearly two million of Hong Kong's seven million people turned out": a figure of a place's population
        counts its people, in the state that follows the population's words."""
        of = self.vocabulary.share_of.match(text, quantity.phrase_end)
        if of is None:
            return None
        window = text[of.end():of.end() + POPULATION_REACH]
        population = next((q for q in self.grammars.numbers.find(window)
                           if self.vocabulary.is_population(text, of.end() + q.phrase_start, of.end() + q.phrase_end)),
                          None)
        if population is None:
            return None
        people = self.vocabulary.population_after.match(text, of.end() + population.phrase_end)
        end = people.end() if people else of.end() + population.phrase_end
        state = self._state_verb_after(text, end)
        return (_Counted("person", None, end, False, state, of_population=True)
                if state in self.vocabulary.person_states else None)

    def _inclusion_state(self, text: str, start: int, end: int) -> str | None:
        """The state of the whole an inclusion names by its state's word, between ``start`` and a figure at ``end``
        ("the wounded include [200 civilians]": wounded); None when it names none."""
        named = self.vocabulary.inclusion_whole.search(text, start, end)
        return self.vocabulary.state_words.get(norm(named.group("word"))) if named else None

    def _group_kind(self, group: re.Match[str] | None, subject: str | None) -> str | None:
        """The kind of ``subject`` a group said of some of a count names, when the pack counts it as one ("were
        teenagers": teenagers of people); None for a group it counts as no kind of its own ("were women")."""
        narrower = self.vocabulary.subject_of.get(group.group("group").lower()) if group else None
        taxonomy = self.grammars.taxonomy
        return narrower if narrower and narrower != subject and subject in taxonomy.subject_line(narrower) else None

    def _count_predicate(self, text: str, quantity: Quantity, previous, counted: _Counted) -> str | None:
        vocabulary = self.vocabulary
        between = text[previous[0].phrase_end: quantity.phrase_start] if previous is not None else ""
        coordinated = (previous is not None and vocabulary.coordinated.fullmatch(between)
                       and not vocabulary.predicates_after[0].search(between)
                       and not vocabulary.predicates_before[0].search(between))
        if coordinated and previous[2] is not None:
            # "killed two American troops and one British service member"; not "61 deaths and 9 people missing"
            return self._state_verb_after(text, counted.end) or previous[2]
        if previous is not None and previous[2] is not None and (vocabulary.inclusion.search(
                text, max(0, quantity.phrase_start - 30), quantity.phrase_start) or self._listed_after_included(
                previous[0], between)):
            self._mark_part(quantity, "included")
            return self._inclusion_state(text, previous[0].phrase_end, quantity.phrase_start) or previous[2]
            # "killed scores of people, including at least nine soldiers"; "the dead include 30 soldiers, and the
            # wounded include 200 civilians": wounded
        if counted.weapon_attack:
            return "fired"
        return self._predicate(text, quantity.phrase_start, counted.end)

    def _count_claim(self, index: int, quantity: Quantity, counted: _Counted, predicate: str | None,
                     revision_cue: bool) -> Claim:
        text, vocabulary, taxonomy = self.sentences[index].text, self.vocabulary, self.grammars.taxonomy
        subject = counted.subject
        if subject in taxonomy.weapon_subjects:
            predicate = taxonomy.weapon_predicate_map.get(predicate or "", predicate)
        elif "person" in taxonomy.subject_line(subject):
            predicate = taxonomy.person_predicate_map.get(predicate or "", predicate)
        if not taxonomy.state_fits(predicate, subject):
            predicate = None  # "21 missiles that killed a civilian": the missiles were not killed
        if predicate is None and counted.default_state and (
                vocabulary.default_state_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start)
                or vocabulary.default_state_after.match(text, counted.end)):
            predicate = counted.default_state  # "the fire claimed 14 lives", "12 lives were lost": killed
        if predicate is None:
            predicate = taxonomy.default_state(subject)  # "31 Katyusha rockets": rockets fired
        if predicate in vocabulary.still_states and vocabulary.still_before.search(
                text, max(0, quantity.phrase_start - 20), quantity.phrase_start):
            predicate = vocabulary.still_states[predicate]  # "there were still 680,000 in camps": still sheltering
        if predicate is None and vocabulary.inclusion.search(text, max(0, quantity.phrase_start - 30),
                                                             quantity.phrase_start):
            predicate = self._inclusion_state(text, 0, quantity.phrase_start) or self._state_of_whole(index, subject)
            # "The dead included 26 ...", "13 were killed. They included at least 11 Marines"
        group = (vocabulary.group_complement.match(text, counted.end) if not counted.of_population
                 and not vocabulary.group_whole_before.search(text, max(0, quantity.phrase_start - 12),
                                                              quantity.phrase_start) else None)
        if (narrower := self._group_kind(group, subject)) is not None:
            subject, group = narrower, None  # "at least four were teenagers": the teenagers' count, of its own
        if vocabulary.increment_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start):
            self._mark_part(quantity, "increment")  # "an additional 400", "rose by 30": never a total
        elif vocabulary.of_whole_opener.search(text, 0, quantity.phrase_start):
            self._mark_part(quantity, "whole")  # "Of the 30 wounded, four were flown to Baghdad"
        elif vocabulary.partial_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start):
            self._mark_part(quantity, "before")  # "another 15", "the other two"
        elif not counted.of_population and (vocabulary.partial_after.match(text, quantity.phrase_end)
                                             or vocabulary.elsewhere.match(text, counted.end)
                                             or vocabulary.among_whole.match(text, counted.end)
                                             or (predicate not in _STATES_AT_THE_SCENE
                                                 and vocabulary.at_facility.match(text, counted.end))
                                             or group is not None):
            self._mark_part(quantity, "after")  # "two of them", "170 people elsewhere", "two were among the dead",
            # "97 were women", "six are in Riverside General Hospital" (not "12 were killed at the hospital": an attack
            # there)
        elif vocabulary.rest_follows.search(text, quantity.phrase_end):
            self._mark_part(quantity, "rest")  # "one hit the cafeteria while two others landed"
        return self._figure_claim(
            index, quantity, partial=False, subject=subject, predicate=predicate, population=counted.population,
            revision_cue=revision_cue,
            scope=(self._district(index) or self._place_of_figure(text, counted.end, quantity.phrase_start)
                   or self._district_reporting(index, quantity.start)),
        )

    def _figure_claim(self, index: int, quantity: Quantity, **values) -> Claim:
        """A count claim of the figure ``quantity`` of sentence ``index``: its interval and words as written, who
        says it, and ``values`` (what it counts and how it stands)."""
        speaker, in_quote = self.speaker_at(index, quantity.start)
        return self.make_claim(
            index, "count", quantity.start, quantity.end, speaker, in_quote,
            value_low=float(quantity.low), value_high=float(quantity.high), value_text=quantity.value_text,
            approximate=quantity.approximate, value_kind=quantity.kind, **values,
        )

    def _denied_claims(self, index: int, quantities: list[Quantity], claims: list[Claim],
                       taken: set[int]) -> list[Claim]:
        """A figure its speaker rejects right after the one given ("the toll is 275 and not 288", "40 died, not 44
        as first reported"): the same quantity, read as the figure replaced."""
        sentence, vocabulary = self.sentences[index], self.vocabulary
        text = sentence.text
        denied = []
        for claim in claims:
            rejected = vocabulary.denied.match(text, claim.end - sentence.start) if claim.subject else None
            figure = next((q for q in quantities if rejected is not None and q.phrase_start == rejected.end()), None)
            if figure is None:
                continue
            counted = self._subject_after(text, figure.phrase_end)
            if not (vocabulary.denied_after.match(text, figure.phrase_end)
                    or (counted is not None and counted.subject == claim.subject)):
                continue  # "five soldiers, not one of them seriously": no figure rejected
            if figure.start in taken:  # "40 people and not 44": read as a count of its own, it is the one replaced
                for own in claims:  # ("one contractor and not two": two contractors)
                    if own.start - sentence.start == figure.start and own.predicate == claim.predicate:
                        own.superseded, own.subject, own.population = True, claim.subject, claim.population
                continue
            taken.add(figure.start)
            denied.append(self._figure_claim(index, figure, partial=claim.partial, subject=claim.subject,
                                             predicate=claim.predicate, population=claim.population,
                                             revision_cue=claim.revision_cue, superseded=True))
        return denied

    def _breakdown_claims(self, index: int, quantities: list[Quantity], taken: set[int],
                          revision_cue: bool) -> list[Claim]:
        """A count broken down by country ("Egypt lost 182, Nigeria 168 and Indonesia 126"; "India with 114,
        Pakistan with 100"): two or more figures each right after a country are the countries' parts of the count
        the paragraph is about (of people, when it names none), never its total."""
        text = self.sentences[index].text
        gazetteer = self.grammars.places.gazetteer
        listed = []
        # the countries figures are said to be from ("5 from Iran, 4 from China": Iran's are the five, not the four)
        origins = {found.start("country") for q in quantities
                   if (found := self.vocabulary.from_country.match(text, q.phrase_end))}
        for quantity in quantities:
            if quantity.start in taken:
                continue
            found = self.vocabulary.breakdown_before.search(text, max(0, quantity.phrase_start - 40),
                                                            quantity.phrase_start)
            name = found.group("name") if found and found.start("name") not in origins else None
            if name and any(place.level == COUNTRY_LEVEL for place in gazetteer.candidates(name)):
                listed.append((quantity, name))
        if len(listed) < 2:
            return []
        whole = self._last_count.get(self.sentences[index].paragraph) or self._last_count.get(
            self.sentences[index].paragraph - 1)
        subject, predicate = (whole.subject, whole.predicate) if whole and whole.subject else ("person", None)
        claims = []
        for quantity, name in listed:
            taken.add(quantity.start)
            claims.append(self._figure_claim(index, quantity, partial=True, subject=subject, predicate=predicate,
                                             population=name, revision_cue=revision_cue, scope=None))
        return claims

    def _listed_in_place(self, text: str, quantity: Quantity, previous) -> _Counted | None:
        """A figure with no noun, a named town after it, listed after a count ("killed 40 people, including 12 in
        Lima"; "1.2 million marched nationwide and 30,000 in Lima"): the same thing in the same state, in that
        town (its scope, ``_place_of_figure``); None when no town the gazetteer knows follows, words of its own follow
        the town ("and 12 in Lima are still missing"), or a verb of another state or another figure stands between
        ("killed 40 and injured 12 in Lima"; but "40 died on Sunday, 12 in Lima and 8 in Cusco")."""
        earlier = previous[0]
        between = text[earlier.phrase_end:quantity.phrase_start]
        place = self.vocabulary.place_of_figure.match(text, quantity.phrase_end)
        pattern, roles = self.vocabulary.predicates_before
        if (len(between) > LIST_REACH or _DIGIT.search(between)
                or any(roles[norm(verb.group(0))] != previous[2] for verb in pattern.finditer(between))
                or not (_LIST_GOES_ON.search(between) or self.vocabulary.inclusion.search(between))
                or place is None or self._town_named(place) is None
                or not self.vocabulary.listed_place_end.match(text, place.end())
                or self._state_after(text, quantity.phrase_end) is not None):  # ("Hundreds Missing in Beirut")
            return None  # (nor "12 in Lima are still missing": words of its own after the town)
        return _Counted(previous[1], previous[3], quantity.phrase_end, False, previous[2], back_reference=True)

    def _listed_after_included(self, earlier: Quantity, between: str) -> bool:
        """Whether a figure goes on a list that an inclusion opened ("98 identified, including 97 recovered from the
        site and one who died in hospital"): the figure before it was included, and "and" or a comma ends what
        stands between them."""
        included = self._part_cues.get(self.sentences[self._current].start + earlier.start) == "included"
        return included and len(between) <= LIST_REACH and bool(_LIST_GOES_ON.search(between))

    def _state_of_whole(self, index: int, subject: str | None) -> str | None:
        """The state of the paragraph's last count of a broader thing, for a figure said to be among it."""
        earlier = self._last_count.get(self.sentences[index].paragraph)
        if earlier is None or earlier.predicate is None or earlier.subject not in self.grammars.taxonomy.subject_line(
                subject):
            return None
        return earlier.predicate

    def _phrase_claims(self, index: int, quantities: list[Quantity], taken: set[int],
                       revision_cue: bool) -> list[Claim]:
        """Figures after a quantity phrase in their clause: "the death toll jumped to 288", "the number of US troops
        killed remained at 13", "police put the crowd at 240,000"."""
        text, vocabulary = self.sentences[index].text, self.vocabulary
        claims: list[Claim] = []
        paragraph = self.sentences[index].paragraph
        # the sets figures are named one of ("one of several"): what follows "of" there is no level either
        sets = [(p.phrase_end, member.end()) for p in quantities
                if (member := vocabulary.set_after.match(text, p.phrase_end))]
        set_named = {q.phrase_start for q in quantities if any(start < q.phrase_start < end for start, end in sets)}
        for phrase in vocabulary.quantity_phrase.finditer(text):
            if self._hypothetical_before(text, phrase.start()):
                continue  # "if the death toll does reach 10,000", "the expected final toll of around 300"
            if (event_name := vocabulary.event_word_at.match(text, phrase.start())) and event_name.end() > phrase.end():
                continue  # "crowd crush", "crowd surge": the name of an event, no crowd's size
            words = norm(phrase.group(0))
            end, population, carried = phrase.end(), None, False
            topic = words in vocabulary.topic_phrases
            literal = self._literal_within(text, phrase) if phrase.group("topic") else None
            if literal is not None:  # "the official tally", "their official figure": a phrase of its own
                words, end = norm(literal.group(0)), literal.end()
                topic = words in vocabulary.topic_phrases
            elif phrase.group("topic"):  # "the official number": unless it begins a phrase of its own
                longer = vocabulary.quantity_phrase.match(text, phrase.start("topic_noun"))  # "number of protesters"
                longer_words = norm(longer.group(0)) if longer is not None else ""
                if longer is not None and longer.end() > end and (
                        vocabulary.quantity_phrase_of.get(longer_words, (None, None)) != (None, None)
                        or self._counted_after_phrase(text, longer.end()) is not None):  # (not "number of 64")
                    words, end = longer_words, longer.end()
                topic = words not in vocabulary.quantity_phrase_of or words in vocabulary.topic_phrases
            subject, state = vocabulary.quantity_phrase_of.get(words, (None, None))
            if topic:  # "the total was 113", "raised that estimate to 1,400"
                of = vocabulary.counted_of.match(text, end)
                named = self._named_after_topic(text, of.end() if of else end)
                if named is not None:  # "the number hurt", "the total of dead": its own words say what it counts
                    subject, state, population, end = named
                elif of is not None and text[of.end():of.end() + 1].isalpha():
                    continue  # "the total number of cases": a count of something not read
                else:  # the quantity the text is already about
                    subject, state, population, carried = self._topic_of(
                        index, quantities, claims, phrase.start(), qualified=bool(vocabulary.topic_qualifier.match(
                            text, end)))
            elif subject is None:  # "the number of": what follows says what is counted
                named = self._counted_after_phrase(text, end)
                if named is None:
                    continue
                subject, state, population, end = named
            if subject is not None and state is not None:
                self._topic[paragraph] = (subject, state, population)
            boundary = self.vocabulary.clause_boundary.search(text, end)
            limit = min(boundary.start() if boundary else len(text), end + PHRASE_REACH)

            def stands_for_phrase(q: Quantity, after: int = end) -> bool:
                return (q.start not in taken
                        and not vocabulary.hypothetical.search(text, after, q.phrase_start)  # "could reach 20,000"
                        and not vocabulary.not_the_figure.search(text, max(0, q.phrase_start - 20), q.phrase_start)
                        and not text.startswith("-", q.phrase_end)  # "the three-train crash"
                        and not vocabulary.ranking.match(text, q.phrase_end)  # "the toll is one of the highest"
                        and not vocabulary.set_after.match(text, q.phrase_end)  # "the rise was one of several"
                        and q.phrase_start not in set_named
                        and not vocabulary.is_population(text, q.phrase_start, q.phrase_end)
                        and not (vocabulary.duration_after.match(text, q.phrase_end)  # "arrives six months after"
                                 and not vocabulary.level_verb_before.search(  # (not "rose to 300 weeks after")
                                     text, max(0, q.phrase_start - 30), q.phrase_start))
                        and self._subject_after(text, q.phrase_end) is None)

            def level_reach(start: int, phrase_end: int = end) -> int:
                """Where a level of the count may stand after ``start``: before the next quantity phrase, within
                LONG_PHRASE_REACH of this one."""
                following = vocabulary.quantity_phrase.search(text, start)
                return min(following.start() if following else len(text), phrase_end + LONG_PHRASE_REACH)

            def level_verb_before(q: Quantity) -> bool:  # "has increased to", "stands at"
                return bool(vocabulary.level_verb_before.search(text, max(0, q.phrase_start - 30), q.phrase_start))

            # the first figure after the phrase, when it counts the phrase's own thing ("the toll of 769 people killed
            # and 934 injured", "the death toll rose to 64 people"), is the phrase's figure or none is
            first = next((q for q in quantities if end <= q.phrase_start < limit and q.start not in taken), None)
            own = self._subject_after(text, first.phrase_end) if first is not None else None
            own_state = (own.state or self._state_verb_after(text, own.end)) if own is not None else None
            if own is not None and own.subject == subject and own_state == state:
                continue  # its own words give the phrase's state: it is read as a count of its own
            if topic and first is not None and (own is not None or self._state_after(text, first.phrase_end)
                                                or self._other_noun_after(text, first.phrase_end)):
                continue  # "its official figure of 512 dead and 640 injured": counts of their own; "the final
                # tally gave the mayor 52,310 votes": a count of another thing
            figure = (first if own is not None and own.subject == subject and own_state is None else
                      next((q for q in quantities if end <= q.phrase_start < limit and stands_for_phrase(q)), None))
            if figure is None:  # "The death toll from the collapse of ..., a town in Florida, has increased to 98":
                # past asides, the figure a verb of the count's level gives ("has increased to", "stands at")
                reach = level_reach(end)
                figure = next((q for q in quantities if end <= q.phrase_start < reach and stands_for_phrase(q)
                               and level_verb_before(q)), None)
            if topic and figure is not None and (earlier := self._last_of_value.get(_figure_key(figure.number_text))):
                subject, state, population = earlier.subject, earlier.predicate, earlier.population  # (given before)
                carried = False
            if figure is None or subject is None or carried and not (
                    vocabulary.topic_link.search(text, max(0, figure.phrase_start - 12), figure.phrase_start)
                    or level_verb_before(figure)):
                continue  # (a topic carried from before only with its level: "that estimate was disputed by 3 ...")
            replaced = [q for q in quantities if end <= q.phrase_start < limit and q.start not in taken
                        and q is not figure and revision_cue
                        and vocabulary.superseded_marker.search(text, max(0, q.phrase_start - SUPERSEDED_REACH),
                                                             q.phrase_start)]
            reach = level_reach(figure.phrase_end)
            later = [q for q in quantities if figure.phrase_end <= q.phrase_start < reach and q not in replaced
                     and stands_for_phrase(q) and not self._other_state_between(text, figure.phrase_end,
                                                                                 q.phrase_start, state)
                     and (level_verb_before(q)  # "..., which it revised to 275", "rose by 30 to 120"
                          or vocabulary.level_after_increment.search(text, max(0, q.phrase_start - 40),
                                                                     q.phrase_start))]
            for found in (figure, *replaced[:1], *later[:1]):  # "raised the death toll from 64 to 2,975": both
                taken.add(found.start)
                if (vocabulary.increment_before.search(text, max(0, found.phrase_start - 20), found.phrase_start)
                        or vocabulary.increment_after_phrase.match(text[end:found.phrase_start])):
                    self._mark_part(found, "increment")  # "the toll rose by 30": how much it moved, not the toll
                claims.append(self._figure_claim(index, found, partial=False, subject=subject, predicate=state,
                                                 population=population, revision_cue=revision_cue))
        return claims

    def _literal_within(self, text: str, phrase: re.Match[str]) -> re.Match[str] | None:
        """A listed quantity phrase that a topic phrase holds up to its end ("the official tally", "their official
        figure"): it keeps its own meaning; never one that only opens with its noun ("the number of")."""
        vocabulary = self.vocabulary
        for word in _WORD.finditer(text, phrase.start() + 1, phrase.end()):
            found = vocabulary.quantity_phrase.match(text, word.start())
            if found is None or found.group("topic") is not None or found.end() != phrase.end():
                continue
            words = norm(found.group(0))
            if vocabulary.quantity_phrase_of.get(words, (None, None)) != (None, None) or words in \
                    vocabulary.topic_phrases:
                return found
        return None

    def _counted_after_phrase(self, text: str, end: int) -> tuple[str | None, str | None, str | None, int] | None:
        """What a phrase such as "the number of" counts, from the words after it: subject, state, population and
        where they end ("the number of US troops killed", "the number of injured"), or None."""
        counted = self._subject_after(text, end)
        if counted is None:
            state_only = self._state_after(text, end)  # "the number of injured"
            if state_only is None or state_only[0] not in self.vocabulary.person_states:
                return None
            return "person", state_only[0], None, state_only[1]
        state, end = counted.state, counted.end
        after = self._state_after(text, end)  # "the number of US troops killed"
        if state is None and after is not None:
            state, end = after
        return counted.subject, state, counted.population, end

    def _topic_figure_claim(self, index: int, quantity: Quantity, revision_cue: bool) -> Claim | None:
        """A figure named as a figure ("the 769 tally", "the 2,975 number"): of the quantity, and from the source, the
        article gave that same figure earlier; None when it gave none."""
        earlier = self._last_of_value.get(_figure_key(quantity.number_text))
        if earlier is None:
            return None  # ("insurers called the 2 billion figure optimistic": of what, the text does not say)
        claim = self._figure_claim(index, quantity, partial=False, subject=earlier.subject,
                                   predicate=earlier.predicate, population=earlier.population,
                                   revision_cue=revision_cue)
        # the figure named again is its first source's ("Organisers rejected the 5,000 figure": the police's)
        return replace(claim, speaker=earlier.speaker, speaker_kind=earlier.speaker_kind,
                       speaker_text=earlier.speaker_text, attribution=earlier.attribution)

    def _whole_of_part_claim(self, index: int, quantity: Quantity, quantities: list[Quantity],
                             revision_cue: bool) -> Claim | None:
        """A whole with no noun of its own that opens its sentence ("Out of 310, 95 bodies were named"):
        a count of what the part after the comma counts, in no state of its own; None for any other figure."""
        text, vocabulary = self.sentences[index].text, self.vocabulary
        if not (vocabulary.whole_figure_opener.search(text, 0, quantity.phrase_start)
                and vocabulary.whole_figure_end.match(text, quantity.phrase_end)):
            return None
        part = next((q for q in quantities if q.phrase_start > quantity.phrase_end), None)
        counted = self._subject_after(text, part.phrase_end) if part is not None else None
        if counted is None:
            return None
        return self._figure_claim(index, quantity, partial=False, subject=counted.subject, predicate=None,
                                  population=counted.population, revision_cue=revision_cue)

    def _named_after_topic(self, text: str, end: int) -> tuple[str | None, str | None, str | None, int] | None:
        """What the words right after a topic phrase say it counts ("the number [hurt]", "the total of [dead]"): a
        counted noun or a state word, with no figure between; None when a figure or other words come first."""
        position = _skip_spaces(text, end)
        if self.vocabulary.state_word_pattern.match(text, position) or self.vocabulary.subject_pattern.match(
                text, position):
            return self._counted_after_phrase(text, position)
        return None

    def _topic_of(self, index: int, quantities: Sequence[Quantity], claims: Sequence[Claim],
                  position: int, qualified: bool = False) -> tuple[str | None, str | None, str | None, bool]:
        """The quantity "the total" or "that estimate" at ``position`` of sentence ``index`` stands for: that of the
        nearest figure before it in its sentence, as read so far ("the death toll was 85,000, far below the
        official figure of 316,000") or as its counted noun and state say ("21 people were missing while another
        radio put it at 70"); nothing when that figure says neither, or when a sum, a share or a measure stands
        before it; with no figure before it, the one a quantity phrase of the paragraph named, else, unless words
        after it make it another quantity (``qualified``: "the figure for the next province"), the one the last
        sentences counted (``_recent_topic``; then the last item is True: carried from before). "The total
        compensation bill is 4 million" after a toll is no toll."""
        sentence = self.sentences[index]
        text, paragraph = sentence.text, sentence.paragraph
        nothing: tuple[str | None, str | None, str | None, bool] = (None, None, None, False)
        before = [q for q in quantities if q.phrase_end <= position]
        if before:  # the nearest figure before it is what it stands for, or nothing is
            read = next((c for c in claims if c.start == sentence.start + before[-1].start), None)
            if read is not None:
                return read.subject, read.predicate, read.population, False
            counted = self._subject_after(text, before[-1].phrase_end)
            state = (counted.state or self._state_verb_after(text, counted.end)) if counted is not None else None
            return (counted.subject, state, counted.population, False) if counted is not None and state else nothing
        if self._other_figure_before(text, position):
            return nothing  # "shares fell 4 percent; the total value lost was ...": money, a share, a measure
        if paragraph in self._topic:
            return (*self._topic[paragraph], False)
        carried = nothing if qualified else (*self._recent_topic(index), True)
        return carried if carried[0] is not None else nothing

    def _recent_topic(self, index: int) -> tuple[str | None, str | None, str | None]:
        """The quantity of the whole counts of the last few sentences, when they are all of one ("480 people had
        died. [...] The governor raised that estimate to 600"); nothing when they count two ("120 dead and 300
        injured. The official number is 150") or none."""
        recent: list[tuple[int, str, str, str | None]] = []
        for count in reversed(self._whole_counts):  # (kept in the order read: the last few are at the end)
            if count[0] < index - TOPIC_REACH:
                break
            if count[0] < index:
                recent.insert(0, count)
        if len({(subject, state) for _, subject, state, _ in recent}) != 1:
            return None, None, None
        _, subject, state, _ = recent[-1]
        populations = {population for *_, population in recent}
        return subject, state, populations.pop() if len(populations) == 1 else None

    def _other_noun_after(self, text: str, position: int) -> bool:
        """Whether a lower-case word that names some other thing follows a figure ("52,310 votes", "4,000
        ballots"): not a function word ("to 70 on Monday"), nor a day."""
        word = _WORD.match(text, _skip_spaces(text, position))
        if word is None or not word.group(0)[:1].islower():
            return False
        token = word.group(0).lower().rstrip(".,")
        return (token.isalpha() and token.endswith("s") and token not in self.vocabulary.not_modifiers
                and token not in self.grammars.speakers.calendar)  # (a plural: not "480 million last week")

    def _other_figure_before(self, text: str, position: int) -> bool:
        """Whether a figure that counts nothing (a share, a sum, a measure, a time) stands before ``position``."""
        lower, numbers = text.lower(), self.grammars.numbers
        for digits in _DIGITS.finditer(text, 0, position):
            end = digits.end()
            scale = _WORD.match(lower, _skip_spaces(lower, end))  # "3 million dollars": the unit after the scale
            if scale is not None and scale.group(0) in numbers.multiplier_words:
                end = scale.end()
            if numbers.after_non_count.match(lower, end):
                return True
        return any(measure.start < position for measure in self.grammars.measures.find(text[:position]))

    def _other_state_between(self, text: str, start: int, end: int, state: str | None) -> bool:
        """Whether a noun that names another state than ``state`` stands between two figures ("the toll rose to 64,
        while injuries climbed to 300": the 300 are the injured, not the toll)."""
        subject_state = self.vocabulary.subject_state
        return any(subject_state.get(word.lower(), state) != state for word in _WORD.findall(text, start, end))

    def _place_of_figure(self, text: str, end: int, start: int | None = None) -> str | None:
        """A town, district, valley or mountain the figure's own words place it in ("53 deaths in Minxian", "three
        killed in Huize county", "In Kathmandu, 71 have died", "18 killed on Mount Everest", "the Kathmandu Valley,
        where 1,400 have died"): the place right after its counted words and their state, the place that opens its
        clause, or the place "where" ties it to, when the gazetteer knows it as a city or a smaller place (not a
        region: "337 injured in Gansu" may be the whole of a quake in China) or it is a named valley or mountain.
        Of a region-wide event (a quake across a province) such a figure is that place's part, never the event's
        total (``checks.disputes.district_part``)."""
        found = self.vocabulary.place_of_figure.match(text, end)
        if found is None and start is not None:
            clause = _CLAUSE_BEFORE.split(text[:start])[-1]
            found = self.vocabulary.place_before_figure.search(clause) or self.vocabulary.place_where_figure.search(
                text, max(0, start - 80), start)
        return self._town_named(found)

    def _town_named(self, found: re.Match[str] | None) -> str | None:
        """The place a match of a figure's place names, when it is a town, district, valley or mountain
        (``_place_of_figure``); None for a month or a region."""
        if found is None or found.group("place").lower() in self.grammars.speakers.calendar:
            return None  # ("In March, 71 died": a month, though a town is called March)
        name = found.group("place")
        if self.vocabulary.landform_name.match(name):
            return name  # "18 people were killed on Mount Everest": a mountain's part, known to the gazetteer or not
        gazetteer = self.grammars.places.gazetteer
        if name in self._districts_named():
            return name  # "12 deaths in Lemar", of an article that names "Lemar County"
        return name if any(place.level < REGION_LEVEL for place in gazetteer.candidates(name)) else None

    def _district(self, index: int) -> str | None:
        """The named district a sentence places its figures in ("in Travis County"), looked for once per sentence."""
        if index not in self._districts:
            found = self.vocabulary.sub_area.search(self.sentences[index].text)
            self._districts[index] = _district_name(found.group(0)) if found else None
        return self._districts[index]

    def _district_reporting(self, index: int, start: int) -> str | None:
        """A district the article names in full elsewhere ("Korvan County"), named bare as what reports the figure
        at ``start`` of sentence ``index``: at the sentence's start, after at most one hyphenated word, right before
        a verb of counting (``district_verbs``: "Hard-hit Korvan reported 60 deaths"), in the same clause ("...,
        while 12 died in Lemar" and "..., and Lemar reported 11" are not Korvan's); never in the opening
        paragraph, which may give the whole toll ("Korvan mourns 95 dead"), nor before another verb ("Hidalgo
        said", "Florence killed": a person, a storm)."""
        text = self.sentences[index].text
        found = self._bare_district().match(text) if self.sentences[index].paragraph else None
        if found is None or found.end() > start or _CLAUSE_MARK.search(text, found.end(), start) \
                or self.grammars.speakers.contrast.search(text, found.end(), start):
            return None  # ("Korvan reported 30 deaths, and officials said 58 died across the province")
        return found.group("name")

    def _bare_district(self) -> re.Pattern[str]:
        """Matches a district the article names in full ("Korvan County") named bare at a sentence's start, before a
        verb of counting; built once per article."""
        if self._district_bare is None:
            names = self._districts_named()
            alternation = "|".join(re.escape(name) for name in sorted(names))
            self._district_bare = re.compile(
                rf"(?:[A-Z][\w'’]*-[\w'’-]+\s+)?(?P<name>{alternation})\s+(?:{self.vocabulary.district_verbs})\b"
                if names else "(?!)")
        return self._district_bare

    def _districts_named(self) -> frozenset[str]:
        """The one-word names the article writes as a district's ("Korvan County")."""
        if self._district_names is None:
            self._district_names = frozenset(found.group("name")
                                             for found in self.vocabulary.district_named.finditer(self.text))
        return self._district_names

    def _measure_claims(self, index: int, measures: list[Measure], revision_cue: bool) -> list[Claim]:
        """Figures with a unit: "5,000 barrels a day", "more than 11 million hectares"; each measures a dimension
        of the event, in that dimension's unit (``checker.extract.measures``)."""
        text = self.sentences[index].text
        claims = []
        converted: tuple[int, str] = (-1, "")  # where the last measure ends, and the words of its aspect
        for measure in measures:
            if (self.vocabulary.naming_before.search(text, max(0, measure.start - 20), measure.start)
                    or self._forecast_before(text, measure.start)):
                continue  # "a Category 4 storm"; "crews fear it could double to 30,000 hectares": no measure of it
            speaker, in_quote = self.speaker_at(index, measure.start)
            start, end = measure.number_start, measure.number_end
            aspect = (self.vocabulary.measure_aspect_before.search(text, max(0, measure.start - 40), measure.start)
                      or self.vocabulary.measure_aspect_after.match(text, measure.end))
            written = norm(aspect.group("aspect")) if aspect else ""
            if _CONVERSION.fullmatch(text, converted[0], measure.start):
                written = written or converted[1]  # "$5.5bn (€3.8bn) for rebuilding": the conversion of a pledge
            converted = (measure.end, written)
            if not written and self.grammars.measures.dimensions[measure.dimension].needs_aspect:
                continue  # "$2 million" alone: a sum named without what it is, compared with no other
            what = self.vocabulary.measure_aspect_of.get(written, "measured")
            if measure.point:  # "sank 80 km southwest of Pylos": compared with distances from Pylos only
                what = f"distance from {measure.point}"
            elif measure.matter:  # "2,750 tonnes of ammonium nitrate": compared with masses of it only
                what = f"mass of {measure.matter}"
            elif measure.state:  # "126,000 gallons spilled": compared with volumes spilled only
                what = f"{measure.dimension} {measure.state}"
            claims.append(self.make_claim(
                index, "count", start, end, speaker, in_quote, value_low=measure.written_low,
                value_high=measure.written_high, value_text=measure.value_text,
                approximate=measure.kind == "approximate", value_kind=measure.kind,
                partial=bool(self.vocabulary.increment_before.search(text, max(0, measure.start - 20), measure.start)),
                # ("the slick grew by 5,000 barrels a day": how much it grew, never its size)
                subject=measure.dimension, predicate=what, unit=measure.unit, measure_low=measure.low,
                measure_high=measure.high, revision_cue=revision_cue,
            ))
        return claims

    def _singular_claims(self, index: int, quantities: list[Quantity], revision_cue: bool) -> list[Claim]:
        """One thing named as a clause's subject, with what happened to it right after: "A rocket fell on the
        base", "but an American contractor was killed" count one. Only as a subject (a clause's first words) and
        only with a state after the noun: "a rocket attack", "a statement" and "killing a soldier" count nothing."""
        text = self.sentences[index].text
        claims = []
        for article in self.vocabulary.singular_subject.finditer(text):
            start, end = article.span("article")
            if any(q.phrase_start <= start < q.phrase_end for q in quantities) or self._denied_before(text, start):
                continue  # "a dozen", "a few": a number phrase of its own; "denied reports that a rocket hit"
            one = Quantity(start, end, text[start:end], start, end, text[start:end], 1.0, 1.0, False, "exact")
            counted = self._subject_after(text, end)
            if (counted is None or counted.subject is None or counted.weapon_attack or counted.back_reference
                    or _DIGIT.search(text, end, counted.end) or len(text[end:counted.end].split()) > 4
                    or any(end <= q.phrase_start < counted.end for q in quantities)
                    or not self._counted_one_by_one(counted.subject)):
                continue  # (not "a statement said 12 rockets", "a witness said two soldiers"; "a powerful blast
                # ripped through" is no count)
            if self.vocabulary.relative_opener.match(text, _skip_spaces(text, counted.end)):
                continue  # "a man whose wife was missing": the state is another's
            predicate = self._state_verb_after(text, counted.end)  # a verb's, not the noun's ("a survivor wept")
            following = next((q for q in quantities if q.phrase_start >= counted.end), None)
            if predicate is None or (following is not None and self._state_verb_after(
                    text[:following.phrase_start], counted.end) is None):
                continue  # ("a police officer said three people died": the verb is the three's)
            claims.append(self._count_claim(index, one, counted, predicate, revision_cue))
        return claims

    def _singular_parts(self, claims: list[Claim]) -> None:
        """One named with "a"/"an" ("A firefighter was killed") is a part of a larger count the article gives of
        the same state, of it or of something broader ("at least 40 people were killed"): one victim of many,
        never the toll."""
        singular = self.vocabulary.singular_keys
        line = self.grammars.taxonomy.subject_line
        ones = [c for c in claims if c.kind == "count" and (c.value_text or "").lower() in singular]
        for one in ones:
            wider = set(line(one.subject))
            one.partial = one.partial or any(
                other.kind == "count" and other is not one and other.predicate == one.predicate
                and other.subject in wider and (other.value_low or 0) > 1 and not other.other_event
                for other in claims)

    def _zero_claims(self, index: int, revision_cue: bool, taken: set[int]) -> list[Claim]:
        """Zero counts: "no casualties", "No U.S. service members were injured", "no one was hurt" (not those the
        number grammar read already: "not a single person was hurt", at ``taken``)."""
        text, vocabulary = self.sentences[index].text, self.vocabulary
        claims = []
        found: list[tuple[int, int, _Counted]] = []
        for zero in vocabulary.zero_pattern.finditer(text):  # ("no reports of injuries": the zero is "no")
            counted = self._subject_after(text, zero.end())
            if counted is not None and counted.subject is not None \
                    and not vocabulary.zero_scope.search(text, zero.start(), counted.end + ZERO_REACH):
                group = self._group_counted(text, counted)
                if group is not None:
                    found.append((zero.start(), zero.end("zero"), group))
        counted_zeros = {start for start, _, _ in found}
        for zero in vocabulary.zero_people_pattern.finditer(text):
            if zero.start() in counted_zeros or self._subject_after(text, zero.end()) is not None:
                continue  # ("Not one soldier was killed" is the soldiers' zero, read above, never people's as well)
            whole = self._zero_whole(text, zero.end())
            if whole is None:
                found.append((zero.start(), zero.end(), _Counted("person", None, zero.end(), False, None)))
            elif whole.subject is not None:  # "None of the injured is in critical condition": none critical
                found.append((zero.start(), zero.end(), whole))
        for start, end, counted in found:
            if start in taken:
                continue
            if vocabulary.zero_modal.search(text, start, min(len(text), counted.end + ZERO_REACH)):
                continue  # "no one would have died": a hypothetical, not a count
            state = counted.state or self._predicate(text, start, counted.end)
            if state is None or not self.grammars.taxonomy.state_fits(state, counted.subject):
                continue  # "no reports", "no group": a zero says nothing without what happened
            speaker, in_quote = self.speaker_at(index, start)
            claims.append(self.make_claim(
                index, "count", start, end, speaker, in_quote, value_low=0.0, value_high=0.0,
                value_text=text[start:end], value_kind="exact", subject=counted.subject, predicate=state,
                population=counted.population, revision_cue=revision_cue,
            ))
        return claims

    def _zero_whole(self, text: str, position: int) -> _Counted | None:
        """After "none" or "no one" at ``position``, the whole it is said of, when one is named: of people in one
        state ("of the injured", "among those killed", "of the injuries"), there were some, so the zero is not of
        them but of those in a narrower state said after them ("None of the injured is in critical condition": none
        critical); of a kind of people the pack counts ("none of the passengers were hurt"), theirs. Anything else
        is a zero of some of the people only, a count of nothing (a subject of None): "none of the injuries are
        life-threatening", "no one on its staff was hurt", "no one on the list of the dead has been identified".
        None when no such whole is named ("none of them", "no one was hurt")."""
        partitive = self.vocabulary.zero_partitive.match(text, position)
        if partitive is None:
            return None
        nothing = _Counted(None, None, partitive.end())
        word = self.vocabulary.state_word_pattern.match(text, partitive.end())
        counted = None if word else self._subject_after(text, partitive.end())
        if word is not None:
            whole, end = self.vocabulary.state_words[norm(word.group("word"))], word.end()
        elif counted is not None and counted.state is not None:
            whole, end = counted.state, counted.end
        elif (counted is not None and counted.subject not in (None, "person")
              and "person" in self.grammars.taxonomy.subject_line(counted.subject)
              and (state := self._state_verb_after(text, counted.end)) is not None):
            return replace(counted, state=state)  # "none of the passengers were hurt": no passenger hurt
        else:
            return nothing
        narrower = self._state_verb_after(text, end)
        if (narrower, whole) not in self.grammars.taxonomy.state_parts:
            return nothing
        return _Counted("person", None, end, False, narrower)

    def _group_counted(self, text: str, counted: _Counted) -> _Counted | None:
        """What a zero of people counts, narrowed to the group named right after it ("no casualties among
        coalition troops": troops; "no injuries to U.S. personnel": U.S. troops); ``counted`` itself when no group
        is named, or none is read after "to"; None when the group "among" names is not read (a zero of someone, not
        of everyone)."""
        group_at = self.vocabulary.zero_group_after.match(text, counted.end)
        if group_at is None or counted.subject != "person" or counted.population is not None:
            return counted
        group = self._subject_after(text, group_at.end())
        pair = self.vocabulary.zero_group_pair.match(text, group_at.end()) if group is None else None
        if pair is not None:  # "among the US or coalition forces": US troops (and the coalition's)
            group = self._subject_after(text, pair.end())
            first = self.vocabulary.population_of.get(pair.group("first").lower())
            group = replace(group, population=first or group.population) if group is not None else None
        if group is None or group.subject is None or (group.subject == counted.subject and group.population is None) \
                or not self.grammars.taxonomy.state_fits(counted.state or "killed", group.subject):
            return None if group_at.group("only") else counted  # ("among its fighters": some people, not which)
        return replace(counted, subject=group.subject, population=group.population, end=group.end)

    def _mark_part(self, quantity: Quantity, cue: str) -> None:
        self._part_cues.setdefault(self.sentences[self._current].start + quantity.start, cue)

    def _settle_parts(self, claims: list[Claim]) -> None:
        """A figure marked as a part ("another 15", "12 others", "two of them") is a part only of a count of the same
        thing in the same state: "12 killed and 15 others injured" gives two totals."""
        counts = [c for c in claims if c.kind == "count"]

        def before(position: int, reach: int) -> Iterator[Claim]:
            """The counts before ``position`` at most ``reach`` sentences back, nearest first (a bounded walk)."""
            sentence = counts[position].sentence_index
            for earlier in reversed(counts[max(0, position - PART_WINDOW):position]):
                if sentence - earlier.sentence_index > reach:
                    return
                yield earlier

        for position, claim in enumerate(counts):
            cue = self._part_cues.get(claim.start)
            if cue is None:
                continue
            still = self.vocabulary.still_states
            if cue == "after" and claim.predicate and any(still.get(c.predicate or "") == claim.predicate
                                                          for c in before(position, 0)):
                claim.partial = False  # "895,000 moved into camps and 375,000 of those are still in tents": all
                continue  # those still there
            if cue in ("after", "increment", "whole"):  # "two of them", "six more", "of the 30 wounded, four"
                claim.partial = True
                continue
            if cue == "included":  # "60 killed, including 13 U.S. troops": a part of the 60, the total of U.S. troops
                claim.partial = any(_quantity(c) == _quantity(claim) for c in before(position, 0))
                continue
            if cue == "rest":
                claim.partial = self._part_before_rest(claim, counts[position + 1] if position + 1 < len(counts)
                                                       else None)
                continue
            # "Sixteen other fatalities" after "145 dead bodies": a part of a count of the same state just before;
            # "12 killed and 15 others injured": others than those of another state, a total of its own
            recent = list(before(position, PART_REACH))
            if any(c.predicate == claim.predicate for c in recent):
                claim.partial = True
            elif any(c.sentence_index == claim.sentence_index for c in recent):
                claim.partial = False
            else:
                claim.partial = cue == "before"

    def _part_before_rest(self, claim: Claim, following: Claim | None) -> bool:
        """Whether a figure the rest follow is a part: when the rest share its state, as the next figure of its
        sentence ("one hit the cafeteria while two others landed") or in words with no figure ("21 died at the ground
        and the rest died after reaching hospital"); never when the rest follow a later figure ("killed 125: 21 died
        at the ground and the rest in hospital": 21's rest)."""
        sentence = self.sentences[claim.sentence_index]
        rest = self.vocabulary.rest_follows.search(sentence.text, claim.end - sentence.start)
        if following is None or following.sentence_index != claim.sentence_index:
            return rest is not None and self._state_verb_after(sentence.text, rest.end()) == claim.predicate
        if rest is not None and following.start < sentence.start + rest.start():
            return False
        return following.predicate == claim.predicate

    def _responsibility_claims(self, index: int) -> list[Claim]:
        """Who is said to be behind an attack, clause by clause ("Iran denied it, but U.S. officials blamed ...")."""
        text = self.sentences[index].text
        if index not in self.names_event and not self.vocabulary.attack_words.search(text):
            return self._clause_responsibility(index, 0, len(text), attack_named=False)
        claims, start = [], 0
        for split in self.vocabulary.clause_split.finditer(text):
            claims.extend(self._clause_responsibility(index, start, split.start(), attack_named=True))
            start = split.end()
        claims.extend(self._clause_responsibility(index, start, len(text), attack_named=True))
        return claims

    def _clause_responsibility(self, index: int, clause_start: int, clause_end: int, attack_named: bool) -> list[Claim]:
        """At most one responsibility claim per clause: the strongest stance its cues express."""
        vocabulary = self.vocabulary
        sentence = self.sentences[index]
        text, lower = sentence.text, self.lower_text[sentence.start:sentence.end]
        pattern, stance_of = vocabulary.responsibility
        cues: dict[str, list[re.Match[str]]] = {"declines": [], "denies": [], "hedges": [], "asserts": []}
        for match in pattern.finditer(lower, clause_start, clause_end):
            stance = stance_of[" ".join(match.group(0).split())]
            if stance == "asserts" and vocabulary.negation_before.search(lower, clause_start, match.start()):
                stance = "declines"  # "did not blame Iran": no assertion, a refusal to make one
            cues[stance].append(match)
        if not any(cues.values()) or (not attack_named and not cues["denies"] and not cues["declines"]):
            return []
        # the strongest reading wins: a denial or a refusal over an assertion in the same clause
        stance = next(s for s in ("declines", "denies", "hedges", "asserts") if cues[s])
        cue = cues[stance][0]
        matcher = self.grammars.matcher
        actors = [(m.start(), matcher.normalise("actor", m.group(0)))
                  for m in vocabulary.actor_pattern.finditer(text, clause_start, clause_end)]
        named = [(offset, entity.name) for offset, entity in actors if entity is not None]
        anchor = cues["asserts"][0] if stance == "hedges" and cues["asserts"] else cue
        after = [a for a in named if a[0] >= anchor.start()]
        actor = (after[0] if after else (named[-1] if named else (0, None)))[1]
        if actor is None and stance in ("asserts", "hedges"):
            return []
        speaker, in_quote = self.speaker_at(index, cue.start())
        if speaker.kind == "outlet" and not in_quote and stance in ("denies", "declines"):
            subject = self.grammars.speakers.subject_before(text, cue.start())  # "Iran's foreign minister dismissed"
            if subject:
                speaker = self.grammars.speakers.resolve(subject)
        return [self.make_claim(index, "responsibility", cue.start(), cue.end(), speaker, in_quote,
                                actor=actor, stance=stance, value_text=cue.group(0))]


def number_keys(numbers: NumberGrammar) -> frozenset[str]:
    """The sentence prefilter's words: one word of each number phrase (same test as the grammar's candidate)."""
    return key_words(numbers.candidate_words())


_STATES_AT_THE_SCENE = ("killed", "killed_or_missing", "missing")  # where the event was: never one hospital's part


def _district_name(phrase: str) -> str:
    """"in Travis County" -> "Travis County"; "across three counties" -> "three counties"."""
    words = phrase.split()
    return " ".join(words[1:] if words[0].lower() in ("in", "across", "of") else words)


def _quantity(claim: Claim) -> tuple[str | None, str | None, str | None]:
    return claim.subject, claim.predicate, claim.population


def _share_revision_cues(claims: list[Claim]) -> None:
    """A figure the article says was revised ("the toll increased to 278") is revised wherever the article gives it
    again ("apart from 278 deaths")."""
    revised = {(c.predicate, c.value_low, c.value_high) for c in claims if c.kind == "count" and c.revision_cue}
    for claim in claims:
        if claim.kind == "count" and (claim.predicate, claim.value_low, claim.value_high) in revised:
            claim.revision_cue = True


def _mark_between(claims: list[Claim], offset: int, start: int, end: int) -> None:
    """Mark as another event's the claims whose figures start between ``start`` and ``end`` of their sentence (which
    starts at ``offset`` in the article)."""
    for claim in claims:
        if start <= claim.start - offset < end:
            claim.other_event = True


def _carried_sources(claims: list[Claim], presumed: dict[int, Claim], strict: Callable[[Claim], bool]) -> None:
    """A figure the article gives in its own voice ("At least 79 dead", a headline) that it credits to one source
    elsewhere ("the coast guard said 79 people died") is that source's figure, carried by the outlet, whatever
    quantifier the outlet puts before the number ("at least 79" is the coast guard's 79 carried); a source that
    gave the very interval comes first, and a number two sources gave (an unnamed one too) is carried from neither.
    So is a figure credited only by presumption (``presumed``: the ids of the claims "the official toll" credits to
    the authorities) when a source is named for it. An outlet never carries its own name ("tallied by the
    Associated Press" in a copy of AP's story), and a figure whose quantifier leaves its number out (``strict``:
    "More than 120 killed") carries only a source that said as much, never a source's 120."""
    numbers = CreditedNumbers(c for c in claims if id(c) not in presumed)
    for claim in claims:
        if claim.kind != "count" or claim.in_quote or not (claim.speaker_kind == "outlet" or id(claim) in presumed):
            continue
        sources = numbers.sources(claim, strict=strict)
        if len(sources) == 1:
            (name, kind), = sources
            if claim.speaker_kind != "outlet" or name not in (claim.speaker or ""):
                claim.speaker, claim.speaker_kind = name, kind


CREDITED_KINDS = ("named_official", "organisation", "document", "anonymous")  # sources an outlet's figure can carry


class CreditedNumbers:
    """The figures of ``claims`` that a source gave (``CREDITED_KINDS``), found by the number they were written with,
    within a ``group`` (an article, an event; all one group by default): which sources gave an outlet's figure of
    the same quantity."""

    def __init__(self, claims: Iterable[Claim], group: Callable[[Claim], object] = lambda claim: None) -> None:
        self.group = group
        self._by_number: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in claims:
            if claim.kind == "count" and claim.speaker and claim.speaker_kind in CREDITED_KINDS:
                for number in {(claim.value_low, claim.value_high), *claim.written_numbers()}:
                    self._by_number[(group(claim), claim.predicate, number)].append(claim)

    def sources(self, claim: Claim, among: Callable[[Claim], bool] = lambda c: True,
                strict: Callable[[Claim], bool] = lambda c: False) -> set[tuple[str, str | None]]:
        """(speaker, kind) of the figures ``among`` of the same quantity as ``claim`` that gave its very interval, or
        else the number it was written with ("79" for "at least 79"), unless its quantifier leaves that number out
        (``strict``, asked only then: "more than 79"). Quantities are the same when
        their state and unit are, and their subjects and peoples are, or one is the general one ("79 migrants", "79
        people"; never "13 civilians" for "13 troops")."""
        def fits(source: Claim) -> bool:
            return (source.predicate == claim.predicate and source.unit == claim.unit and source is not claim
                    and (source.subject == claim.subject or _GENERAL_SUBJECT in (source.subject, claim.subject))
                    and (source.population == claim.population or None in (source.population, claim.population))
                    and among(source))

        group, interval = self.group(claim), (claim.value_low, claim.value_high)
        exact = {(c.speaker or "", c.speaker_kind) for c in self._by_number.get((group, claim.predicate, interval), ())
                 if (c.value_low, c.value_high) == interval and fits(c)}
        if exact:
            return exact
        written = {(c.speaker or "", c.speaker_kind) for number in claim.written_numbers()
                   for c in self._by_number.get((group, claim.predicate, number), ()) if fits(c)}
        return written if written and not strict(claim) else set()


_GENERAL_SUBJECT = "person"  # the subject every count of people falls under (the taxonomy's root of people)


def torn_quantities(claims: Iterable[Claim], quantity: Callable[[Claim], tuple]) -> set[tuple]:
    """The quantities (as ``quantity`` keys them) an outlet gives two figures of in its own voice, on two lines, that
    do not overlap ("eight rockets", then "21 rockets"): an article that contradicts itself, as the IC rules read
    it. Parts, other events' figures, and figures whose clause says they changed or names the phase they stood at
    ("rose to 934 from 863") are left out."""
    figures: dict[tuple, list[tuple[int, float, float]]] = defaultdict(list)
    for claim in claims:
        figure = claim.compared() if claim.kind == "count" and claim.speaker_kind == "outlet" else None
        if (figure is not None and not claim.partial and not claim.other_event and not claim.superseded
                and not claim.revision_cue and not claim.moment_cue):
            figures[quantity(claim)].append((claim.line, *figure))
    return {key for key, found in figures.items()
            if any(a[0] != b[0] and not (a[1] <= b[2] and b[1] <= a[2]) for a in found for b in found)}


def _date_reports(claims: list[Claim], mentions: list[EventMention], published: date | None) -> None:
    """A figure whose sentence dates its report to one day ("the ministry said on Friday", "officials said
    yesterday", a dateline) was given that day (``stated_on``), not on the day its article appeared."""
    reported: dict[int, date] = {}
    for mention in mentions:
        day = mention.date_low
        if (mention.kind == "date" and mention.role == "reported" and day is not None and day == mention.date_high
                and (published is None or day <= published)):
            reported.setdefault(mention.sentence, day)
    for claim in claims:
        claim.stated_on = reported.get(claim.sentence_index)
