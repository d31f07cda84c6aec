"""Claims of one article: who said which figure, who is said to be behind an attack, and the event mentions.

Deterministic and explainable: each claim records the exact span of its number (or
responsibility cue) in the article text. Only sentences that pass a cheap prefilter (a
digit, a number word, a responsibility cue) are looked at closely. Which event a claim is
about is not decided here: the event words, places and dates of every sentence are emitted
as mentions, and ``checker.events`` resolves them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.extract.dates import DateGrammar
from checker.extract.numbers import NumberGrammar, Quantity
from checker.extract.sentences import SentenceSplitter
from checker.extract.speakers import Attribution, Quotation, Speaker, SpeakerReader
from checker.extract.vocabulary import ClaimVocabulary
from checker.lang.patterns import key_words, lower_same_length, sentence_words
from checker.match import EntityMatcher
from checker.model import Article, Claim, EventMention
from checker.taxonomy import Taxonomy

__all__ = ["ArticleReader", "Extraction", "Grammars", "number_keys"]

_WORD = re.compile(r"[\w.'’-]+")
_NEWLINE = re.compile("\n")
_DIGIT = re.compile("[0-9]")
_CLAUSE_BEFORE = re.compile(r"[;:]|,\s+(?=\w)")
LOOK_BACK = 30  # sentences searched back for the speaker a statement or a pronoun refers to
PLACE_CONTEXT = 25  # characters before a place name searched for words that make it a landmark


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one article: the article (publication date settled), claims and event mentions."""

    article: Article
    claims: list[Claim]
    mentions: list[EventMention]


@dataclass(frozen=True)
class Grammars:
    """Everything extraction of one language needs, built once: the grammars, vocabulary and matcher."""

    numbers: NumberGrammar
    dates: DateGrammar
    sentences: SentenceSplitter
    speakers: SpeakerReader
    vocabulary: ClaimVocabulary
    matcher: EntityMatcher
    taxonomy: Taxonomy
    number_keys: frozenset[str]  # the sentence prefilter: a digit, or a word of a number phrase


class ArticleReader:
    """Claims and mentions of one article. Speakers are worked out lazily: only for sentences with a claim, and
    for the sentences before one when "the statement said" or "he said" has to be resolved."""

    def __init__(self, article: Article, grammars: Grammars) -> None:
        self.article = article
        self.grammars = grammars
        self.vocabulary = grammars.vocabulary
        self.text = article.text
        self.lower_text = lower_same_length(self.text)
        self.sentences = grammars.sentences.split(self.text)
        self.words = [sentence_words(self.lower_text[s.start:s.end]) for s in self.sentences]
        self.line_starts = [0] + [match.end() for match in _NEWLINE.finditer(self.text)]
        self.headline = (article.title or "").strip()
        self._quotations: dict[int, list[Quotation]] = {}
        self._speakers: dict[int, tuple[list[Quotation], dict[int, Speaker], list[tuple[Attribution, Speaker]]]] = {}

    def read(self) -> Extraction:
        claims: list[Claim] = []
        vocabulary = self.vocabulary
        places_and_event_words = self._places_and_event_words()
        self.names_event = {m.sentence for m in places_and_event_words if m.kind == "type"}
        for index, sentence in enumerate(self.sentences):
            words = self.words[index]
            if words & self.grammars.number_keys or _DIGIT.search(sentence.text):
                claims.extend(self._count_claims(index))
            if words & vocabulary.responsibility_keys and (
                words & vocabulary.actor_keys or words & vocabulary.disavowal_keys
            ):
                claims.extend(self._responsibility_claims(index))
            if words & vocabulary.anonymous_keys:
                claims.extend(self._anonymous_sources(index))
        for number, claim in enumerate(claims, start=1):
            claim.claim_id = f"{self.article.article_id}:{number}"
        return Extraction(self.article, claims, self._mentions(places_and_event_words))

    # --- event mentions -------------------------------------------------------------------------
    def _mentions(self, places_and_event_words: list[EventMention]) -> list[EventMention]:
        """Event words, places, dates and 'later' markers of every sentence, in text order."""
        mentions = list(places_and_event_words)
        published = self.article.published
        vocabulary = self.vocabulary
        for index, sentence in enumerate(self.sentences):
            for found in self.grammars.dates.find(sentence.text, published):
                boundary = vocabulary.date_boundary.search(sentence.text, max(0, found.start - 20), found.start)
                mentions.append(self._mention(index, "date", sentence.start + found.start, sentence.start + found.end,
                                              role="boundary" if boundary else "", date_low=found.low,
                                              date_high=found.high, explicit=found.explicit,
                                              relative=found.relative, weekday=found.weekday))
            if self.words[index] & vocabulary.later_keys:
                later = vocabulary.later.search(sentence.text)
                if later:
                    mentions.append(self._mention(index, "later", sentence.start + later.start(),
                                                  sentence.start + later.end()))
        mentions.sort(key=lambda m: (m.start, m.end, m.kind))
        return mentions

    def _places_and_event_words(self) -> list[EventMention]:
        """Places and event words are found in one pass over the whole article (one regex for both lists,
        not one per sentence) and handed to their sentences by offset."""
        vocabulary, matcher, lower_text = self.vocabulary, self.grammars.matcher, self.lower_text
        starts = [sentence.start for sentence in self.sentences]
        mentions = []
        for match in vocabulary.place_or_trigger.finditer(lower_text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0 or match.start() >= self.sentences[index].end:
                continue
            words = match.group(0)
            event_type = vocabulary.canonical_event_type(words)
            if event_type:
                mentions.append(self._mention(index, "type", match.start(), match.end(), value=event_type))
                continue
            entity = matcher.lookup("place", words)
            if entity is None:
                continue
            sentence_start = self.sentences[index].start
            before = lower_text[max(sentence_start, match.start() - PLACE_CONTEXT):match.start()]
            if vocabulary.possessive_owner.match(lower_text, match.end()):
                role = "owner"  # "Iraq's military": an owner, not where
            elif vocabulary.not_the_place.search(before):
                role = "landmark"  # "north of Baghdad", "a militia loyal to Iran"
            else:
                role = ""
            mentions.append(self._mention(index, "place", match.start(), match.end(), value=entity.name,
                                          level=entity.level, role=role))
        return mentions

    def _mention(self, index: int, kind: str, start: int, end: int, **values) -> EventMention:
        return EventMention(article_id=self.article.article_id, kind=kind, start=start, end=end,
                            text=self.text[start:end], sentence=index, paragraph=self.sentences[index].paragraph,
                            **values)

    # --- speakers -------------------------------------------------------------------------------
    def _paragraph_quotations(self, paragraph: int) -> list[Quotation]:
        if paragraph not in self._quotations:
            members = [s for s in self.sentences if s.paragraph == paragraph]
            start, end = members[0].start, members[-1].end
            self._quotations[paragraph] = [
                Quotation(q.start + start, q.end + start, q.speaker_text)
                for q in self.grammars.speakers.find_quotations(self.text[start:end])
            ]
        return self._quotations[paragraph]

    def _speakers_of(self, index: int):
        """(quotations, speaker of each attributed quotation, reporting clauses with their speakers) of a sentence."""
        if index not in self._speakers:
            sentence = self.sentences[index]
            quotes = [q for q in self._paragraph_quotations(sentence.paragraph)
                      if q.start < sentence.end and q.end > sentence.start]
            spans = [(q.start - sentence.start, q.end - sentence.start) for q in quotes]
            attributions = self.grammars.speakers.find_attributions(sentence.text, spans, self.words[index])
            clauses = [(a, self._resolve(index, a.speaker_text, a.chain)) for a in attributions]
            quoted = {id(q): self._resolve(index, q.speaker_text) for q in quotes if q.speaker_text}
            self._speakers[index] = (quotes, quoted, clauses)
        return self._speakers[index]

    def _is_statement_source(self, speaker: Speaker, index: int) -> bool:
        """Whether a sentence introduces a statement by this speaker ("CENTCOM said in a statement ...")."""
        return speaker.kind in ("organisation", "named_official") and (
            speaker.is_statement or self.grammars.speakers.mentions_statement(self.sentences[index].text)
        )

    def _recall(self, index: int, kinds: tuple[str, ...] = (), statement: bool = False) -> Speaker | None:
        """The speaker that "the statement" (or "he", "they") refers back to: the nearest earlier one that fits."""
        reader = self.grammars.speakers
        for earlier in range(index - 1, max(-1, index - LOOK_BACK), -1):
            _, quoted, clauses = self._speakers_of(earlier)
            for speaker in [s for _, s in reversed(clauses)] + list(quoted.values()):
                if statement and self._is_statement_source(speaker, earlier):
                    return speaker
                if not statement and speaker.kind in kinds and not reader.is_pronoun(speaker.text):
                    return speaker
        return None

    def _resolve(self, index: int, phrase: str | None, chain: tuple[str, ...] = ()) -> Speaker:
        reader = self.grammars.speakers
        if not phrase:
            return Speaker(self.article.outlet or "outlet", "outlet", "", ())
        if reader.is_pronoun(phrase):
            named = (self._recall(index, kinds=("named_official",)) or self._recall(index, kinds=("anonymous",))
                     if reader.is_person_pronoun(phrase) else self._recall(index, kinds=("organisation", "anonymous")))
            if named is not None:
                return Speaker(named.name, named.kind, phrase, chain)
            return Speaker(f"unidentified speaker ({phrase.strip()})", "anonymous", phrase, chain)
        speaker = reader.resolve(phrase, chain)
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
            sentence_index=index,
            paragraph=sentence.paragraph,
            **values,
        )

    def _anonymous_sources(self, index: int) -> list[Claim]:
        """Anonymous sources named in a sentence ("citing unnamed officials"), figure or not: the SR rules' input."""
        sentence = self.sentences[index]
        found = []
        for attribution, speaker in self._speakers_of(index)[2]:
            if speaker.kind == "anonymous" and not self.grammars.speakers.is_pronoun(attribution.speaker_text):
                end = len(sentence.text[:attribution.end].rstrip(" .,;:"))
                found.append(self.make_claim(index, "attribution", attribution.start, end, speaker, False,
                                             value_text=sentence.text[attribution.start:end]))
        return found

    def _subject_after(self, text: str, position: int) -> tuple[str | None, str | None, int, bool] | None:
        """The counted noun after a number: (subject, population, end offset, weapon-attack form)."""
        vocabulary = self.vocabulary
        population = None
        cursor = position
        for _ in range(4):
            while cursor < len(text) and text[cursor] in " \t\n":
                cursor += 1
            noun = vocabulary.subject_pattern.match(text, cursor)
            if noun and (noun.end() == len(text) or not text[noun.end()].isalnum()):
                subject = vocabulary.canonical_subject(noun.group("noun"))
                if subject == "person" and population is None:  # "two Americans": the noun says whose
                    population = vocabulary.population_of.get(noun.group("noun").lower())
                end = noun.end()
                following = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
                following_word = following.group(0).lower().rstrip(".,") if following else ""
                weapon_attack = False
                if following and following_word in vocabulary.weapon_attack_nouns \
                        and subject in self.grammars.taxonomy.weapon_subjects:
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
                return subject, population, end, weapon_attack
            word = _WORD.match(text, cursor)
            if word is None:
                return None
            token = word.group(0).lower().rstrip(".,")
            if token in vocabulary.not_modifiers or not token or text[word.end():word.end() + 1] in (",", ";", ":"):
                return None
            population = vocabulary.population_of.get(token, population)
            cursor = word.end()
        return None

    def _predicate(self, text: str, phrase_start: int, noun_end: int) -> str | None:
        """The role of the counted thing: a verb just after the noun phrase wins, else the nearest verb before the
        number. One alternation per position, longest phrase first, so "failed to launch" is never "launch"."""
        after_pattern, after_roles = self.vocabulary.predicates_after
        after = text[noun_end: noun_end + 48]
        match = after_pattern.search(after)
        if match and len(after[: match.start()].split()) <= 3:
            return after_roles[" ".join(match.group(0).lower().split())]
        before_pattern, before_roles = self.vocabulary.predicates_before
        before = text[max(0, phrase_start - 60):phrase_start]
        clause = _CLAUSE_BEFORE.split(before)[-1] if before else ""
        nearest = None
        for match in before_pattern.finditer(before, len(before) - len(clause)):
            if len(before[match.end():].split()) <= 4:
                nearest = match
        return before_roles[" ".join(nearest.group(0).lower().split())] if nearest else None

    def _count_claims(self, index: int) -> list[Claim]:
        """Count claims of one sentence: each number with a counted noun becomes a claim."""
        text, vocabulary, taxonomy = self.sentences[index].text, self.vocabulary, self.grammars.taxonomy
        claims: list[Claim] = []
        previous: tuple[Quantity, str | None, str | None, str | None] | None = None
        revision_cue = bool(vocabulary.revision_cue.search(text))
        for quantity in self.grammars.numbers.find(text):
            found = self._subject_after(text, quantity.phrase_end)
            weapon_attack = False
            if found is None:
                back = vocabulary.back_reference.match(text, quantity.phrase_end + 1) if previous else None
                elided = previous and vocabulary.predicates_after[0].match(text, quantity.phrase_end + 1)
                if previous is None or (back is None and not elided):
                    previous = None
                    continue
                # "12 others" or "but three failed to launch": what is counted is what was counted just before
                subject, population = previous[1], previous[3]
                noun_end = back.end() if back is not None else quantity.phrase_end
            else:
                subject, population, noun_end, weapon_attack = found
            clause_start = max(text.rfind(",", 0, quantity.phrase_start), text.rfind(";", 0, quantity.phrase_start), 0)
            if vocabulary.hypothetical.search(text, clause_start, quantity.phrase_start):
                continue  # "if one American is killed", "threatened to fire 100 rockets": not a claim
            predicate = self._count_predicate(text, quantity, previous, noun_end, weapon_attack)
            if subject in taxonomy.weapon_subjects:
                predicate = taxonomy.weapon_predicate_map.get(predicate or "", predicate)
            if predicate in taxonomy.predicate_subjects and subject not in taxonomy.predicate_subjects[predicate]:
                predicate = None  # "21 missiles that killed a civilian": the missiles were not killed
            partial = bool(
                found is None
                or vocabulary.partial_before.search(text, max(0, quantity.phrase_start - 20), quantity.phrase_start)
                or vocabulary.partial_after.match(text, quantity.phrase_end)
                or vocabulary.rest_follows.search(text, quantity.phrase_end)  # "one hit ... while two others landed"
            )
            speaker, in_quote = self.speaker_at(index, quantity.start)
            claims.append(self.make_claim(
                index, "count", quantity.start, quantity.end, speaker, in_quote,
                value_low=float(quantity.low), value_high=float(quantity.high), value_text=quantity.value_text,
                approximate=quantity.approximate, value_kind=quantity.kind, partial=partial, subject=subject,
                predicate=predicate, population=population, revision_cue=revision_cue,
            ))
            previous = (quantity, subject, predicate, population)
        return claims

    def _count_predicate(self, text: str, quantity: Quantity, previous, noun_end: int, weapon_attack: bool) -> str | None:
        vocabulary = self.vocabulary
        between = text[previous[0].phrase_end: quantity.phrase_start] if previous is not None else ""
        coordinated = (previous is not None and vocabulary.coordinated.fullmatch(between)
                       and not vocabulary.predicates_after[0].search(between)
                       and not vocabulary.predicates_before[0].search(between))
        if coordinated and previous[2] is not None:
            return previous[2]  # "killed two American troops and one British service member"
        if weapon_attack:
            return "fired"
        return self._predicate(text, quantity.phrase_start, noun_end)

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

