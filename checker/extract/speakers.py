"""Who says so: quotations, reporting clauses, statements referred back to, and speaker canonical names.

``SpeakerReader`` reads a language's reporting verbs, speaker words and anonymity markers
from its pack (``speakers.yaml``) and canonical names from the gazetteer (through an
``EntityMatcher``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.lang import LanguagePack, expand_pattern
from checker.lang.compiled import compiled
from checker.lang.hooks import LanguageHooks
from checker.lang.patterns import (
    CLAUSE_BREAK,
    key_words,
    letter_shape,
    phrase_pattern,
    phrase_regex,
    right_after,
    sentence_words,
)
from checker.match import EntityMatcher

__all__ = ["Attribution", "Quotation", "Speaker", "SpeakerReader"]


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name, kind, the words as written, and the chain when nested."""

    name: str
    kind: str  # named_official | organisation | anonymous | outlet | document
    text: str
    chain: tuple[str, ...] = ()
    is_statement: bool = False
    presumed: bool = False  # named by a count's words alone ("the official toll": the authorities'), no source named


@dataclass(frozen=True)
class Attribution:
    """A reporting clause found in the text: where it is and who it names."""

    start: int  # offsets in the text searched
    end: int
    speaker_text: str
    chain: tuple[str, ...] = ()
    reach: int | None = None  # a count's owner credits only the figures up to here ("Saudi Arabia's official tally");
    # None: a reporting clause, whose speaker gives every figure after it
    presumed: bool = False  # an official count whose owner is not named: the authorities' by presumption


@dataclass(frozen=True)
class Quotation:
    start: int
    end: int
    speaker_text: str | None


def _noun_phrase(most_words: int) -> str:
    """A noun phrase naming a speaker, as group ``np``: up to ``most_words`` words, none of them clause punctuation."""
    return rf"(?P<np>(?:[\w.'’()&-]+\s+){{0,{most_words - 1}}}?[\w.'’()&-]+)"


_NP = _noun_phrase(8)
_LONG_NP = _noun_phrase(14)  # after "according to": "the Korva Union of Red Cross and Red Crescent Groups"
# Where such a phrase ends: clause punctuation, or a full stop that is not one of an abbreviation's ("U.S. officials")
# nor an initial's before a name ("according to K. S. Anand, ..."; "Sector K. Others" ends at "K")
_NP_END = (r"(?=\s*(?:\.(?:\s*$|(?<![A-Z]\.[A-Z]\.)(?!(?<=\b[A-Z]\.)\s+(?:[A-Z]\.|[A-Z][\w'’-]+[,;:.]))(?=\s))"
           r"|[,;:”\"]|$))")
_PHRASE_BREAK = re.compile(r"[,;:“”\"—–]|\s-\s")  # brackets stay: "Central Command (CENTCOM) said"
# Quotations: curly pairs (closed by a straight quote too, as copy mixes them), or straight double quotes in order.
_QUOTE = re.compile(r"“[^”\"]*[”\"]?|\"[^\"]*\"?")  # a curly quotation may close straight: “...,\" he said
_INITIALS = re.compile(r"\b[A-Z]\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.")  # the full stops of "U.S.", "U.K."
# initials that open a name ("said K. S. Anand"; not "Group K." before a capitalised word)
_OPENING_INITIALS = re.compile(r"(?<!\S)(?:[A-Z]\.\s?){1,3}(?=[A-Z][a-z])")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
_BRACKETED = re.compile(r"\([^()]*\)")  # words in brackets: "(DRM)"
_COLON_HEAD = re.compile(r"\W*(?P<np>[A-Z][\w.'’&-]*(?:\s+[\w.'’&()-]+){0,5}?):\s")  # "Lebanese Red Cross: ..."
_RELATIVE_SUBJECT = re.compile(r",\s*(?P<pronoun>\w+)\s*$")  # ", which" right before a verb
_BRACKETED_ASIDE = re.compile(r"\s*\([^()]{1,60}\)\s*$")  # "(KF, once the KLF)" right before the verb
# an aside set off by two dashes right before a verb ("the front – a coalition of 50 groups – said"), with no
# punctuation of a clause inside
_DASHED_ASIDE = re.compile(r"\s*(?:[—–]|\s-\s)(?:(?!\s-\s)[^—–,;:“”\"]|(?<=\d),(?=\d))+?(?:[—–]|\s-)\s*$")
_HEAD_VERB_AT_END = 40  # characters before an opening quotation searched for "X said:"
OWNER_REACH = 60  # characters after an official count's words within which its figure stands ("tally of 769")


def _name_pattern(particles: Sequence[str], prefixes: Sequence[str]) -> re.Pattern[str]:
    """A name: two or more capitalised words (an initial may stand between them; a name's particles before a word,
    "bin", and its prefixes joined by a hyphen, "al-"), or initials before one or more ("K. S. Anand")."""
    particle = rf"(?:(?:{phrase_pattern(particles)})\s+)*" if particles else ""
    prefix = rf"(?:(?:{phrase_pattern(prefixes)})-)?" if prefixes else ""
    word = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
    initials = r"(?:[A-Z]\.\s){1,3}"  # "K. S. Anand", "J. Smith" (not "U.S. Army")
    return compiled(rf"\b((?:{initials})?{word}(?:(?:\s+[A-Z]\.)?\s+{particle}{prefix}{word})+|{initials}{word})\b")


def _bodies_of_titles(role_bodies: dict[str, tuple[str, ...]], topics: tuple[str, ...]) -> dict[str, str]:
    """Each title (lower case) -> the body it speaks for, "{topic}" spelled out with each topic; the first body
    listed keeps a title that two bodies list."""
    bodies: dict[str, str] = {}
    for body, titles in role_bodies.items():
        for title in titles:
            for topic in (topics if "{topic}" in title else ("",)):
                bodies.setdefault(title.replace("{topic}", topic).lower(), body.replace("{topic}", topic))
    return bodies


class SpeakerReader:
    """Speakers in the sentences of one language."""

    def __init__(self, pack: LanguagePack, matcher: EntityMatcher,
                 governs: Callable[[str], bool] = lambda name: False, hooks: LanguageHooks | None = None) -> None:
        words = pack.speakers
        self.matcher = matcher
        self.hooks = hooks or LanguageHooks(words.possessive_suffixes)  # which words make a name, own what follows
        self.governs = governs  # whether a name is a country's or a region's ("Puerto Rico")
        # verbs that are nouns too ("estimates", "reports") report only before "that" ("the study estimates that"),
        # or ending a sentence after a comma (", the engineers estimate.")
        nouns_too = phrase_pattern(words.reporting_verbs_before_that) if words.reporting_verbs_before_that else ""
        # ... a verb right before "that", at the sentence's end (", the engineers estimate."), or after a comma with
        # a short phrase that ends the sentence after it (", reports the BBC.")
        before_that = (rf"|\b(?:{nouns_too})(?=\s+that\b|\s*[.!?]?[\"”’]?\s*$)"
                       rf"|(?<=,\s)(?:{nouns_too})(?=\s+[^,;:.!?\d]{{2,60}}[.!?]?[\"”’]?\s*$)" if nouns_too else "")
        # verbs whose object is a count ("raised its estimate of the death toll")
        count_report = "count_report" in words.patterns and words.count_verbs and words.count_nouns
        count_verb = f"|{expand_pattern(words, 'count_report', 0).pattern}" if count_report else ""
        statement = (f"|{expand_pattern(words, 'statement_report', 0).pattern}"
                     if "statement_report" in words.patterns and words.statement_verbs else "")
        self.verb = compiled(rf"\b(?:{phrase_pattern(words.reporting_verbs)})\b{before_that}{count_verb}{statement}")
        self.cue_keys = key_words(words.reporting_verbs + words.reporting_verbs_before_that + words.count_verbs
                                  + words.reporting_prepositions + words.citing_prepositions + words.citing_verbs
                                  + words.statement_verbs)
        # counts named as a body's ("Saudi Arabia's official tally", "estimates from Haitian authorities")
        nouns = phrase_pattern(words.count_nouns) if words.count_nouns else "(?!)"
        officials = phrase_pattern(tuple(words.official_words)) if words.official_words else "(?!)"
        # "official" written so, or opening a sentence; its count noun in lower case ("Official Says Death Toll Hits
        # 64", a headline in title case, names no official count)
        capitalised = (phrase_pattern([w[:1].upper() + w[1:] for w in words.official_words])
                       if words.official_words else "(?!)")
        self.official_count = compiled(rf"\b(?:{officials}|{capitalised})\s+(?P<between>(?:[\w'’.-]+\s+){{0,3}}?)"
                                       rf"(?:{nouns})\b")
        self.count_noun = compiled(rf"\b(?:{nouns})\b", re.IGNORECASE)
        self.trailing_count_noun = compiled(rf"\s+(?:{nouns})$", re.IGNORECASE)
        self.count_source = expand_pattern(words, "count_source")
        self.work_source = expand_pattern(words, "work_source")
        self.work_relative = expand_pattern(words, "work_relative")
        self.same_speaker_between = expand_pattern(words, "same_speaker_between")
        self.count_owner = expand_pattern(words, "count_owner", 0)
        self.count_modifiers = frozenset(w.lower() for w in words.count_modifiers)
        self.official_body = {w.lower(): body for w, body in words.official_words.items()}
        self.owner_keys = key_words(tuple(words.official_words) + words.data_nouns)
        self.government = words.government_words[0] if words.government_words else ""
        self.possessive = words.possessive_suffixes[0] if words.possessive_suffixes else ""
        self.countries = frozenset(country.lower() for country in pack.quantities.population_countries.values())
        self.nationalities = frozenset(population.lower() for population in pack.quantities.population_countries)
        self.demonym = {population.lower(): population for population in pack.quantities.population_countries}
        demonyms = phrase_pattern(tuple(pack.quantities.population_countries))
        self.head_of_country = compiled(rf"\b(?P<nationality>{demonyms})\s+(?:{phrase_pattern(words.head_titles)})\b",
                                        re.IGNORECASE) if words.head_titles else compiled("(?!)")
        self.preposition = compiled(rf"\b(?:{phrase_pattern(words.reporting_prepositions)})\s+{_LONG_NP}{_NP_END}",
                                    re.IGNORECASE)
        self.qualifier = expand_pattern(words, "speaker_qualifier")
        self.citing = compiled(rf"\b(?:{phrase_pattern(words.citing_prepositions)})\s+{_NP}{_NP_END}", re.IGNORECASE)
        self.cited_as = compiled(  # "the agency cited the minister as saying"
            rf"\b(?:{phrase_pattern(words.citing_verbs)})\s+{_NP}\s+(?:{phrase_pattern(words.citing_as)})\b",
            re.IGNORECASE) if words.citing_verbs and words.citing_as else compiled("(?!)")

        def any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
            return phrase_regex(phrases, ignore_case=True)

        self.anonymous = any_of(words.anonymous_markers)
        self.organisation = any_of(words.organisation_words)
        self.document = any_of(words.document_words)
        self.statement_words = frozenset(w.lower() for w in words.statement_words)
        self.outlet_bound = frozenset(w.lower() for w in words.outlet_bound_nouns)
        self.copy_of = compiled(rf"^(?P<origin>.+?)\s*\((?:[^)]*?\b)?(?:{phrase_pattern(words.copy_markers)})\s",
                                re.IGNORECASE) if words.copy_markers else compiled("(?!)")
        self.agency_of = {alias: agency for agency, aliases in words.wire_agencies.items() for alias in aliases}
        names = phrase_pattern(list(self.agency_of)) if self.agency_of else "(?!)"
        # an article's opening credited to a wire agency: "BAGHDAD (AP) —", "(Reuters) -", "By The Associated Press"
        self.wire_credit = compiled(rf"\((?P<dateline>{names})\)\s*[—–-]|\bBy\s+(?P<byline>{names})\b")
        self.participle_before = compiled(rf"\b(?:{phrase_pattern(words.participle_determiners)})\s+(?:\w+\s+)?$",
                                          re.IGNORECASE) if words.participle_determiners else compiled("(?!)")
        self.participle_after = right_after(words.participle_nouns)
        number_words = [*pack.numbers.words.units, *pack.numbers.words.teens, *pack.numbers.words.tens]
        word = phrase_pattern(number_words) if number_words else ""
        counted = rf"|(?:{word})(?:-(?:{word}))?" if number_words else ""
        # "three confirmed deaths": a figure before the participle makes it an adjective too
        self.figure_before = compiled(rf"(?:^|\s)(?:\d[\d,.]*{counted})\s+$", re.IGNORECASE)
        self.state_after_verb = right_after(words.state_after_verb)
        self.relative_pronouns = frozenset(w.lower() for w in words.relative_pronouns)
        self.clause_verbs = frozenset(w.lower() for w in words.clause_verbs)
        self.content_openers = frozenset(w.lower() for w in words.content_openers)
        # what happened, never who says it ("Maui fire: 96 killed")
        events = pack.events
        self.event_words = frozenset(w.lower() for words_of_type in events.event_types.values() for w in words_of_type)
        self.event_words |= frozenset(w.lower() for w in events.recap_event_words)
        self.not_aside_participles = frozenset(w.lower() for w in words.not_aside_participles)
        self.descriptors = frozenset(w.lower() for w in words.descriptor_words)
        self.before_that = frozenset(w.lower() for w in words.reporting_verbs_before_that)
        self.colon_labels = frozenset(self.matcher.key(w) for w in words.colon_labels)
        self.noun_determiners = frozenset(w.lower() for w in words.noun_determiners)
        self.person_pronouns = frozenset(w.lower() for w in words.person_pronouns)
        self.pronouns = self.person_pronouns | frozenset(w.lower() for w in words.group_pronouns)
        self.speaker_words = frozenset(w.lower() for w in words.speaker_words)
        self.edge_words = frozenset(w.lower() for w in words.edge_words)
        self.opposed_words = frozenset(w.lower() for w in words.opposed_words)
        self.negative_openers = frozenset(w.lower() for w in words.negative_openers)
        self.articles = frozenset(w.lower() for w in words.articles)
        self.joiners = frozenset(w.lower() for w in words.phrase_joiners)
        calendar = (*pack.dates.weekdays, *pack.dates.months)  # "said on Sunday": a day is never who said it
        self.calendar = frozenset(w.lower() for w in calendar)
        self.not_speakers = frozenset(w.lower() for w in (*words.not_speakers, *calendar))
        self.adverbs = frozenset(words.adverbs)
        self.asides = frozenset(w.lower() for w in words.asides)
        self.role_words = frozenset(w.lower() for w in words.role_words)
        self.role_abbreviations = {k.lower(): v.lower() for k, v in words.role_abbreviations.items()}
        self.office_roles = {k.lower(): v.lower() for k, v in words.office_roles.items()}
        self.out_of_office = frozenset(w.lower() for w in words.out_of_office_words)
        self.body_of_title = _bodies_of_titles(words.role_bodies, words.ministry_topics)
        self.body_title = any_of(tuple(self.body_of_title))
        self.spokesperson_of = compiled(rf"\b(?:{phrase_pattern(words.spokesperson_words)})\s+(?:for|of)\s+(?:the\s+)?"
                                        rf"(?P<body>[A-Z][^,]*)")  # (up to an appositive: ", John Kirby")
        self.contrast = compiled(rf"\b(?:{phrase_pattern(words.contrast_openers)})\b", re.IGNORECASE)
        # a rival's clause opened right before its speaker: "..., while a militia spokesman cited 40 dead"
        self.contrast_before = compiled(rf"\b(?:{phrase_pattern(words.contrast_openers)})\s+$", re.IGNORECASE)
        # "Pentagon spokesman John Kirby", "Coast Guard spokesperson Armand Balilo": the body named before the title
        self.body_spokesperson = compiled(rf"^(?:(?:{phrase_pattern(words.articles)})\s+)?(?P<body>.+?)\s+"
                                          rf"(?:{phrase_pattern(words.spokesperson_words)})\b", re.IGNORECASE)
        self.adverb_suffixes = tuple(words.adverb_suffixes)
        self.adverb_pair_heads = frozenset(words.adverb_pair_heads)
        self.not_name_words = frozenset(words.not_name_words)
        self.name = _name_pattern(words.name_particles, words.name_prefixes)  # "Khalid al-Falih", "Jan van Elm"
        # a name after a title whose first names are initials in capitals ("Chief Secretary PK Jena")
        self.initialled_name = compiled(
            rf"\b(?i:{phrase_pattern(words.role_words)})\s+(?P<name>(?:[A-Z]{{1,3}}\.?\s+){{1,2}}[A-Z][a-z]+"
            r"(?:[-'][A-Z]?[a-z]+)?)\b") if words.role_words else compiled("(?!)")
        self.name_particles = frozenset(words.name_particles)
        self.name_prefixes = frozenset(words.name_prefixes)
        self.listener_verbs = frozenset(w.lower() for w in words.listener_verbs)  # "told (Reuters)": who heard it
        self.inverted_verbs = frozenset(w.lower() for w in words.inverted_verbs) - self.listener_verbs
        self.leading_article = compiled(rf"^(?:{phrase_pattern(words.articles)})\s+", re.IGNORECASE)
        self.indefinite = compiled(rf"(?:{phrase_pattern(words.indefinite_words)})\s", re.IGNORECASE)
        self.possessive_end = compiled(rf"(?:{phrase_pattern(words.possessive_suffixes)})$")
        self.anonymity_clause = expand_pattern(words, "anonymity_clause")
        self.trailing_anonymity = expand_pattern(words, "trailing_anonymity")
        self.lives_claimed = expand_pattern(words, "lives_claimed")
        titles = pack.sentences.titles
        self.title_abbreviation = compiled(rf"\b(?:{phrase_pattern(titles)})\.") if titles else compiled("(?!)")
        self._resolved: dict[tuple[str, tuple[str, ...]], Speaker] = {}

    # --- speaker phrases ------------------------------------------------------------------------
    def clean_np(self, np: str) -> str:
        """Trim a phrase before a reporting verb to the speaker it names, reading backwards from the verb.

        Capitalised words and the speaker words of the pack are kept; the first other word ends
        the phrase: "The fact that the Pentagon" -> "the Pentagon"; "later does not seem to match
        U.S. government" -> "U.S. government".
        """
        np = self.anonymity_clause.sub(" anonymous ", np)  # "two officials who asked not to be named"
        words = np.strip(" ,;:").split()
        kept: list[str] = []
        index = len(words) - 1
        while index >= 0:
            word = words[index]
            bare = word.strip("()\"“”‘’,;:").rstrip(".")
            lower = bare.lower()
            possessive = self.possessive_end.sub("", lower)
            if lower in self.joiners and kept and kept[-1].lower() in self.articles:
                break  # "... in September 2018 and the U.S. government": the speaker is what follows "and"
            if (kept and possessive in self.calendar and not self.hooks.is_name_word(kept[-1])
                    and not (index > 0 and self.possessive_end.search(words[index - 1]))):
                break  # "on Thursday it said", "on Thursday the army said": a day before words that are no name
                # is no part of who speaks (a name may open with one, "Sunday Okoro"; "the ministry's Tuesday
                # statement" is the ministry's)
            if (bare.islower() and lower in self.speaker_words and lower not in self.role_words
                    and lower not in self.edge_words and len(kept) >= (1 if lower in self.descriptors else 2)
                    and all(self._name_word(w) and not w.endswith(",") for w in kept)):
                break  # "the eastern administration Jan Elm": a person's name after a body's word, not its title;
                # "broadcaster RTHK": the broadcaster's name
            if bare and (self.hooks.is_name_word(bare) or lower in self.speaker_words or lower in self.pronouns
                         or possessive in self.speaker_words or self._inside_name(bare, kept)):
                kept.append(word)
                index -= 1
                continue
            if lower in self.opposed_words and kept and index > 0:
                kept = []  # "the coalition against Islamic State": the coalition speaks, not its enemy
                index -= 1
                continue
            head = kept[0].lower() if kept else ""  # the body's own noun ("agency"), never "the" or "he"
            owner = (self._owner_before(words, index) if head in self.speaker_words and head not in self.edge_words
                     and head not in self.pronouns and not any(w.lower() in self.joiners for w in kept) else None)
            if owner is None:
                break
            kept.extend(reversed(words[owner:index + 1]))  # "Turkey's disaster management agency"
            index = owner - 1
        kept.reverse()
        leading = (self.edge_words - self.articles) | self.adverbs
        while kept:
            if kept[0].lower().strip("(") in leading and not (kept[0].isupper() and len(kept[0]) > 1):
                # "of the", "Later the minister", "As the ministry"; never a name in capitals ("AS Roma")
                if kept[0].lower() in self.edge_words and any(self._prefixed(w) for w in kept):
                    return ""  # "... were killed in Ras al-Ain said": a place after a preposition, never a speaker
                del kept[0]
            elif len(kept) > 1 and kept[0].lower() in self.adverb_pair_heads and kept[1].lower() in self.calendar:
                del kept[:2]  # "On Monday police"
            else:
                break
        while kept and kept[-1].lower() in self.edge_words:
            kept.pop()
        if kept and kept[0].lower() in self.negative_openers:
            return ""  # "No group has claimed ...": nobody speaks
        phrase = " ".join(kept).strip(" ,;:(").rstrip(".")
        if phrase.count("(") > phrase.count(")"):
            phrase += ")"
        return phrase

    def _prefixed(self, word: str) -> bool:
        """Whether a lower-case word is a capitalised word with its name's prefix ("al-Falih", "el-Sayed")."""
        head, hyphen, rest = word.partition("-")
        return bool(hyphen) and head in self.name_prefixes and self.hooks.is_name_word(rest)

    def _name_word(self, word: str) -> bool:
        """Whether a word can be part of a person's name: capitalised, or prefixed ("el-Sayed")."""
        return self.hooks.is_name_word(word) or self._prefixed(word)

    def _inside_name(self, word: str, after: list[str]) -> bool:
        """Whether a lower-case word belongs to a person's name: a prefix joined to a capitalised word ("al-Falih"),
        or a particle before the name word that follows it ("bin" in "Mohammed bin Salman")."""
        if self._prefixed(word):
            return True
        return word in self.name_particles and bool(after) and (self.hooks.is_name_word(after[-1])
                                                                or after[-1] in self.name_particles)  # "von der"

    def _place_after_preposition(self, text: str, match: re.Match[str]) -> bool:
        """Whether a name with a prefixed word ("Ain al-Asad") follows a preposition ("at", "in", "of"): a place's
        name, not a person's."""
        if not any(self._prefixed(w) for w in match.group(1).split()):
            return False
        before = text[:match.start(1)].split()[-1:]
        return bool(before) and before[0].lower() in self.edge_words - self.articles - self.joiners

    def _owner_before(self, words: list[str], index: int) -> int | None:
        """Where a capitalised possessive stands at most four words before ``words[index]``, with only lower-case
        words between it and the body it names ("Turkey's disaster management agency"), else None."""
        for owner in range(index - 1, index - 5, -1):
            if owner < 0 or not all(w.isalpha() and w.islower() and w not in self.edge_words
                                    for w in words[owner + 1:index + 1]):
                return None  # ("the storm hit Haiti's capital and officials said": "and" joins two phrases)
            if self.hooks.is_name_word(words[owner]) and self.hooks.is_possessive(words[owner]):
                return owner
        return None

    def is_plausible(self, np: str) -> bool:
        key = self.matcher.key(np)
        return bool(key) and key not in self.not_speakers and len(key.split()) <= 9

    def _strip_adverbials(self, before: str) -> str:
        """``before`` without the adverbials that may stand between a speaker and its verb ("later", "on Monday")."""
        while True:
            head, _, last = before.rstrip().rpartition(" ")
            if not last:
                return before
            if last in self.adverbs or (last.endswith(self.adverb_suffixes) and last.isalpha() and last.islower()):
                before = head
                continue
            previous = head.rpartition(" ")[2]
            if previous in self.adverb_pair_heads and last.isalpha():
                before = head.rpartition(" ")[0]
                continue
            return before

    def _phrase_before(self, text: str, position: int) -> tuple[str, int]:
        """The words before ``position`` back to clause punctuation (at most 140 characters), minus adverbials."""
        window_start = max(0, position - 140)
        before = self._strip_adverbials(text[window_start:position])
        head = before.rstrip()
        if head.endswith(","):  # "Police, however, said"; "the health minister, Hamad Hassan, said"
            head = head[:-1]
            comma = head.rfind(",")
            aside = head[comma + 1:].strip() if comma >= 0 else ""
            opening = aside.split()[0].lower() if aside else ""
            participle = opening.endswith(("ing", "ed")) and aside[:1].islower() \
                and opening not in self.not_aside_participles \
                and not self.trailing_anonymity.search(before)  # (not "speaking on condition of anonymity")
            named_before = head[:comma].split()[-1:] if comma >= 0 else []
            described = opening in self.articles and aside.split()[-1].lower() not in self.speaker_words \
                and bool(named_before) and self.hooks.is_name_word(named_before[0])  # "Lima, the capital,"
            if aside.lower() in self.asides or opening in self.relative_pronouns or participle or described:
                before = head[:comma]  # ("Police, however, said"; "the agency, which is close to the army, said";
                # "the governor, speaking from Sacramento, said"; "the outlet, affiliated with the militias, said";
                # "officials in Lima, the capital, said")
            elif aside and self.proper_name(aside):  # the role stays with the name, for later "the minister said"
                role = _PHRASE_BREAK.split(head[:comma])[-1].strip()
                start = window_start + comma + 1 + (len(head[comma + 1:]) - len(head[comma + 1:].lstrip()))
                # ("the mayor of Korva, Jan Elm": the comma keeps the place out of the name)
                joined = f"{role}, {aside}" if role.split()[-1:] and self.hooks.is_name_word(role.split()[-1]) else \
                    f"{role} {aside}"
                return (joined if role and not self.proper_name(role) else aside), start
            elif aside and (self.role_of(aside) or (opening in self.articles
                                                    and aside.split()[-1].lower() in self.speaker_words)):
                # "Anil Marandi, the relief commissioner, said", "Jan Elm, a coast guard official, said": the name
                # speaks
                named = _PHRASE_BREAK.split(head[:comma])[-1].strip()
                if named and self.proper_name(named) == named:
                    return f"{aside} {named}", window_start + head.rfind(named, 0, comma)
        bracketed = _BRACKETED_ASIDE.search(before)
        if bracketed:
            inner = before[bracketed.start():].strip(" ()")
            last_word = before[:bracketed.start()].split()[-1:]
            if last_word and last_word[0].islower() and self.proper_name(inner) == inner:
                # "a spokesperson (Jan Elm) said": the person the bracket names speaks
                return inner, window_start + before.index(inner, bracketed.start())
        set_off = _DASHED_ASIDE.search(before) or bracketed
        if set_off:  # "The front – a coalition of 50 groups – said", "the alliance against the Korva Front (KF, once
            # the KLF) said": the speaker stands before the aside
            return self._phrase_before(text, window_start + set_off.start())
        relative = _RELATIVE_SUBJECT.search(before)
        if relative and relative.group("pronoun").lower() in self.relative_pronouns:
            # "the UN migration agency, which says": the speaker is what the pronoun stands for, before the comma
            return self._phrase_before(text, window_start + relative.start())
        anonymity = self.trailing_anonymity.search(before)  # "officials, speaking on condition of anonymity, said"
        if anonymity:
            phrase, start = self._phrase_before(text, window_start + anonymity.start())
            return f"{phrase} anonymous", start
        breaks = list(_PHRASE_BREAK.finditer(before))
        cut = breaks[-1].end() if breaks else 0
        return before[cut:], window_start + cut

    def find_attributions(self, text: str, skip: list[tuple[int, int]] | tuple = (),
                          words: frozenset[str] | None = None) -> list[Attribution]:
        """Reporting clauses in ``text`` (a sentence), outside the spans in ``skip`` (quotations).

        Verb first: each reporting verb is found with one regex, then the phrase before it
        ("Kirby said") or, after a comma or quotation, the phrase after it ("said Kirby") is read.
        """
        words = sentence_words(text) if words is None else words
        headed = self._colon_source(text)  # "Lebanese Red Cross: over 100 dead"
        if not words & self.cue_keys:
            return [headed] if headed else []
        found: list[Attribution] = [headed] if headed else []

        def outside(start: int) -> bool:
            return not any(a <= start < b for a, b in skip)

        for match in self.verb.finditer(text):
            if match.group(0).lower() in self.before_that and self._noun_before(text, match.start()):
                continue  # "other claims that", "media reports that": nouns, not verbs
            if not outside(match.start()) or self.state_after_verb.match(text, match.end()) or \
                    self.lives_claimed.match(text, match.start()) or (
                    self.participle_after.match(text, match.end())
                    and (self.participle_before.search(text, max(0, match.start() - 40), match.start())
                         or self.figure_before.search(text, max(0, match.start() - 40), match.start()))):
                continue  # (in a quotation; "three were reported missing"; "the other confirmed deaths", "three
                # confirmed deaths"; "the fire claimed 14 lives")
            work = self.work_relative.search(text, max(0, match.start() - 40), match.start())
            if work:  # "dismissed a study which estimated that ...": the study's figure, not the one dismissing it
                named = self.clean_np(self._phrase_before(text, work.end("work"))[0])
                found.append(Attribution(work.start("work"), match.end(), named or work.group("work")))
                continue
            phrase, phrase_start = self._phrase_before(text, match.start())
            np = self.clean_np(phrase)
            if match.group(0).lower() in self.before_that and not text[match.end():].lstrip().startswith("that") \
                    and not (text[:phrase_start].rstrip().endswith(",") and len(np.split()) >= len(
                        self.leading_article.sub("", phrase.strip()).split())):
                continue  # "... according to official estimates", "well above government estimates": a noun; ",
                # the engineers estimate.": a verb, after a comma, its phrase all speaker
            source = self.count_source.match(np)  # "Data from the Kenya Red Cross put the number of dead at 250"
            if source and self.is_plausible(np[source.end():]):
                np = np[source.end():]
            if self.is_plausible(np):
                at = phrase.rfind(np)
                found.append(Attribution(phrase_start + max(at, 0), match.end(), np))
                continue
            lead = text[: match.start()].rstrip()
            first_after = text[match.end():].split(maxsplit=1)[:1]
            named_after = (not np and lead[-1:].isalpha() and match.group(0).lower() in self.inverted_verbs
                           and bool(first_after) and self.hooks.is_name_word(first_after[0])
                           and self.possessive_end.sub("", first_after[0].strip(".,")).lower() not in self.calendar)
            # (not "confirmed Monday in Korva", "confirmed Monday's report")
            if not lead or lead[-1] in ",”\"" or named_after:  # the verb opens the sentence or follows a comma or
                # quotation, or no speaker stands before it and a name follows right after it ("... have been
                # identified informed Chief Secretary Jan Elm"; not "the so-called Green Zone")
                after = self._phrase_after(text[match.end():])
                np = self.clean_np(after)
                if named_after and not after.lstrip().startswith(np.split(" ")[0]):
                    continue  # "confirmed Monday's attack via Twitter": the name ends the clause, no speaker opens it
                words_after = after.lower().split()
                if (self.is_plausible(np) and not self.clause_verbs & set(words_after)
                        and words_after and words_after[0] not in self.content_openers):
                    # ("said 10 were fired from Iran", "said that the number of people ...": what was said, not who)
                    found.append(Attribution(match.start(), match.end() + 1 + len(after), np))
        authors = set()
        for match in self.work_source.finditer(text):  # "according to a study by X's school of public health"
            written = self._phrase_forward(text[match.end():])
            np = self.possessive_end.sub("", written)  # "Milton University's school": the university
            if outside(match.start()) and written and self.hooks.is_name_word(written.split()[0]) \
                    and self.is_plausible(np):  # (a lower-case author is read back from the clause's end below)
                found.append(Attribution(match.start(), text.find(written, match.end()) + len(written), np))
                authors.add(match.start())
        for match in self.preposition.finditer(text):
            if match.start() in authors or not outside(match.start()):
                continue
            np = self._source_after_preposition(match.group("np"))
            if self.is_plausible(np):
                found.append(Attribution(match.start(), match.end(), np))
        citing = sorted((m for pattern in (self.citing, self.cited_as) for m in pattern.finditer(text)
                         if outside(m.start())), key=lambda m: m.start())  # ("citing X", "cited X as saying")
        # the cited source, read back from the clause's end, else forwards ("citing health officials at the mine")
        inner = (self.clean_np(citing[-1].group("np")) or self._phrase_forward(citing[-1].group("np"))
                 if citing else "")
        if self.is_plausible(inner):
            # "according to Reuters, citing unnamed Iraqi officials": the cited source speaks, through the reporter
            found.sort(key=lambda a: a.start)
            outer = found[-1].speaker_text if found else None
            chain = (outer, inner) if outer else (inner,)
            found = [a for a in found if a.speaker_text != outer]  # the reporter speaks through the cited source
            found.append(Attribution(citing[-1].start(), citing[-1].end(), inner, chain))
        found.sort(key=lambda a: a.start)
        return found

    def _source_after_preposition(self, phrase: str) -> str:
        """The source a reporting preposition's phrase names: the data's source ("the newest figures from [the relief
        department]"), a person without the words that qualify them ("interior minister Jan Elm [of the region's
        eastern government]"), never the day ("the ministry [on Tuesday]"); "according to government estimates" is
        the government's (``_source_of_count``)."""
        data = self.count_source.match(phrase)
        phrase = phrase[data.end():] if data else phrase
        qualified = self.qualifier.search(phrase)
        if qualified and not self.proper_name(phrase[:qualified.start()]):
            qualified = None  # ("the spokesman for the provincial police" names the police, not a person)
        named = (phrase[:qualified.start()] if qualified else phrase).split()
        if len(named) > 2 and named[-2].lower() in self.adverb_pair_heads and named[-1].lower().rstrip(".") in \
                self.calendar:
            del named[-2:]
        return self._source_of_count(" ".join(named))

    def _source_of_count(self, phrase: str) -> str:
        """The speaker a phrase names, a count's noun after it left out ("government estimates" -> "government"; an
        official count, "official figures", is the authorities')."""
        phrase = phrase.strip().rstrip(".")
        without = self.trailing_count_noun.sub("", phrase)
        np = self.clean_np(without)
        return self.official_body.get(np.lower(), np) if without != phrase else np

    def count_owners(self, text: str, skip: list[tuple[int, int]] | tuple = (),
                     words: frozenset[str] | None = None) -> list[Attribution]:
        """Counts a sentence names as a body's, each crediting only the figures its words lead to (up to ``reach``):
        "Saudi Arabia's official tally of 769" and "the official Saudi toll" (the Saudi government's), "the official
        death toll of 64" (an official count whose owner is not named is the authorities'), "Previous estimates from
        Haitian authorities put ..." (a count that opens the sentence, its source named after it)."""
        words = sentence_words(text) if words is None else words
        if not words & self.owner_keys:
            return []
        found = []
        source = self.count_source.match(text)
        if source:
            np = self._phrase_forward(text[source.end():])
            if np and self.is_plausible(np) and (self.organisation.search(np) or self.anonymous.search(np)
                                                 or self.matcher.lookup("speaker", np) is not None):
                at = text.find(np, source.end())
                end = (at if at >= 0 else source.end()) + len(np)
                found.append(Attribution(source.start(), end, np, reach=self._clause_end(text, end)))
        for match in self.official_count.finditer(text):
            between = match.group("between").split()
            if any(a <= match.start() < b for a, b in skip) or not all(
                    word.lower() in self.count_modifiers or self._names_a_country(word) for word in between):
                continue  # (in a quotation; "an official said the toll": no count of officials)
            named = [word for word in between if word.lower() not in self.count_modifiers]
            start, owner = match.start(), " ".join(named)
            if not named:
                before = self.count_owner.search(text, 0, match.start())  # "Saudi Arabia's official tally"
                if before:
                    start, owner = before.start("owner"), before.group("owner")
            end = match.end()
            following = self.count_noun.search(text, end)  # "... of 64, far below their estimate of 4,645"
            reach = min(end + OWNER_REACH, self._clause_end(text, end), following.start() if following else len(text))
            official = match.group(0).split()[0].lower()  # (the word as the pack lists it)
            name = self._owner_name(owner, official)
            found.append(Attribution(start, end, name, reach=reach, presumed=name == self.official_body.get(official)))
        return found

    def _names_a_country(self, word: str) -> bool:
        """Whether a capitalised word names a country or its people ("Saudi", "Haitian", "Haiti's")."""
        name = self.possessive_end.sub("", word)
        return self.hooks.is_name_word(word) and (name.lower() in self.nationalities or name.lower() in self.countries
                                       or self.governs(name))

    def _owner_name(self, owner: str, official: str) -> str:
        """The body an official count is credited to: the government of a country or region named as its owner
        ("Saudi" -> "Saudi government"), a body named ("the Health Ministry"), else the body official counts are
        credited to ("authorities")."""
        owner = self.possessive_end.sub("", owner.strip())
        if owner.lower() in self.nationalities:
            return f"{owner} {self.government}".strip()  # "Saudi government"
        if owner and (owner.lower() in self.countries or self.governs(owner)):
            return f"{owner}{self.possessive} {self.government}".strip()  # "Saudi Arabia's government"
        if owner and (self.organisation.search(owner) or self.matcher.lookup("speaker", owner) is not None):
            return owner
        return self.official_body.get(official, owner)

    def _phrase_forward(self, text: str) -> str:
        """The speaker phrase that opens ``text``, read forwards: capitalised words and speaker words ("Haitian
        authorities had put ..." -> "Haitian authorities")."""
        kept: list[str] = []
        for word in text[:140].split():
            bare = word.strip("()\"“”‘’,;:").rstrip(".")
            if not bare or not (self.hooks.is_name_word(bare) or bare.lower() in self.speaker_words):
                break
            kept.append(bare)
            if bare != word.rstrip("."):  # punctuation after the word ends the phrase
                break
        while kept and kept[-1].lower() in self.edge_words:
            kept.pop()
        return self.clean_np(" ".join(kept))

    @staticmethod
    def _clause_end(text: str, position: int) -> int:
        found = CLAUSE_BREAK.search(text, position)
        return found.start() if found else len(text)

    def _colon_source(self, text: str) -> Attribution | None:
        """A source named before a colon that opens a sentence, as headlines credit one ("Police: 3 killed in
        shooting"): only a body (a word of an organisation or a speaker, or a listed name), never a label
        ("Update:", "Watch:"), a dateline or the event ("Maui fire:")."""
        head = _COLON_HEAD.match(text)
        if head is None:
            return None
        np = head.group("np").strip()
        key, listed = self.matcher.key(np), self.matcher.lookup("speaker", np) is not None
        if key in self.colon_labels:
            return None  # "Source: ...", "Report: ...": a label, not a body
        if np.isupper() and " " not in np and not listed:
            return None  # "BEIRUT:": a dateline
        if key and key.split()[-1] in self.event_words and not listed:
            return None  # "Maui fire: 96 killed": what happened, not who says so
        if not (listed or self.organisation.search(np) or (key and key.split()[-1] in self.speaker_words)):
            return None
        return Attribution(head.start("np"), head.end("np"), np) if self.is_plausible(np) else None

    def _noun_before(self, text: str, position: int) -> bool:
        """Whether the word before ``position`` makes the next word a noun ("other claims", "the reports")."""
        previous = text[max(0, position - 30):position].split()
        return bool(previous) and (previous[-1].lower() in self.noun_determiners
                                   or self.hooks.is_possessive(previous[-1].lower()))  # "the agency's estimate"

    def subject_before(self, text: str, position: int) -> str | None:
        """The speaker-like noun phrase ending just before ``position`` (the subject of a verb there)."""
        phrase, _ = self._phrase_before(text, position)
        np = self.clean_np(phrase)
        return np if self.is_plausible(np) else None

    # --- quotations -----------------------------------------------------------------------------
    def _speaker_after_quote(self, paragraph: str, end: int) -> str | None:
        """The speaker named right after a closing quotation: '..., ” Trump wrote' or '..., ” said Smyth'."""
        tail = paragraph[end:end + 100]
        verb = self.verb.search(tail)
        if verb is None or re.search(r"[.!?;:“\"]", self.title_abbreviation.sub("", tail[: verb.start()])):
            return None
        closes_sentence = paragraph[end - 2:end - 1] in (".", "!", "?")
        lead = tail[: verb.start()]
        if lead.strip(" ,"):
            if closes_sentence and not re.match(r"\s*[.,;]|\s*$", tail[verb.end():verb.end() + 2]):
                return None  # "... forces.” A second official told reporters that ...": a new sentence
            return self.clean_np(lead)
        return self.clean_np(self._phrase_after(tail[verb.end():]))

    def _phrase_after(self, text: str) -> str:
        """The words after a verb up to the clause's end; full stops of titles ("Brig. Gen.") and of initials
        ("U.S.", "K. S. Anand") do not end it."""
        hidden = self.title_abbreviation.sub(lambda m: m.group(0).replace(".", "\x00"), text[:100])
        hidden = _INITIALS.sub(lambda m: m.group(0).replace(".", "\x00"), hidden)  # "U.S." ends nothing
        hidden = _OPENING_INITIALS.sub(lambda m: m.group(0) if _CAPITALISED_BEFORE.search(hidden, 0, m.start())
                                       else m.group(0).replace(".", "\x00"), hidden)  # nor "K. S. Anand"
        phrase = re.match(r"\s*([^.,;:“”\"]*)", hidden)
        return phrase.group(1).replace("\x00", ".") if phrase else ""

    def _subject_before_colon(self, paragraph: str, start: int) -> str | None:
        """For a quotation after a colon with no reporting verb ('Lassegue cut in, giving a lower number: “...'),
        the named subject that opens its sentence; none when the sentence opens with other words ("In Lima", "It",
        "Officials' figures")."""
        lead = paragraph[:start].rstrip()
        if not lead.endswith(":"):
            return None
        opening = max(lead.rfind(". "), lead.rfind("! "), lead.rfind("? "), lead.rfind("\n"))
        words = lead[opening + 1:].split()
        if not words or words[0].lower() in self.edge_words - self.articles:
            return None  # ("In Lima, ...:", "At the port, ...:")
        kept = []
        for word in words:
            bare = word.strip("“”\"'‘’")
            if not bare or not (self.hooks.is_name_word(bare) or bare.lower() in self.speaker_words):
                break
            kept.append(bare)
        speaker = self.clean_np(" ".join(kept)) if kept and len(kept) < len(words) else ""
        return (speaker if speaker and self.is_plausible(speaker) and not speaker.islower()
                and not self.is_pronoun(speaker) else None)  # ("It was a grim day: ...")

    def _speaker_before_quote(self, paragraph: str, start: int) -> str | None:
        """The speaker named right before an opening quotation: 'Kirby said: “...'."""
        window_start = max(0, start - _HEAD_VERB_AT_END)
        verbs = list(self.verb.finditer(paragraph, window_start, start))
        if not verbs or not re.fullmatch(r"(?:\s+\w+)?\s*[:,]?\s*", paragraph[verbs[-1].end():start]):
            return None
        phrase, _ = self._phrase_before(paragraph, verbs[-1].start())
        return self.clean_np(phrase)

    def find_quotations(self, paragraph: str) -> list[Quotation]:
        """Quotations in a paragraph, each with the speaker named right after or right before it."""
        quotes: list[Quotation] = []
        for match in _QUOTE.finditer(paragraph):
            start, end = match.span()
            if end - start < 3:
                continue
            speaker = None
            if len(match.group(0).split()) >= 4:  # a word or two in quotation marks belongs to the sentence's speaker
                speaker = (self._speaker_after_quote(paragraph, end) or self._speaker_before_quote(paragraph, start)
                           or self._subject_before_colon(paragraph, start))
                if speaker is None and quotes and quotes[-1].speaker_text:
                    speaker = quotes[-1].speaker_text  # '“...,” Kirby said. “More ...”': the quotation goes on
            quotes.append(Quotation(start, end, speaker if speaker and self.is_plausible(speaker) else None))
        return quotes

    # --- canonical speakers ---------------------------------------------------------------------
    def resolve(self, text: str, chain: tuple[str, ...] = ()) -> Speaker:
        """Canonical name and kind of a speaker phrase: alias tables, then guarded fuzzy match, then its own words."""
        known = self._resolved.get((text, chain))
        if known is None:
            known = self._resolve(text, chain)
            if len(self._resolved) < 65536:
                self._resolved[(text, chain)] = known
        return known

    def _resolve(self, text: str, chain: tuple[str, ...]) -> Speaker:
        entity = self.matcher.normalise("speaker", text) or self.matcher.contained_alias("speaker", text)
        is_statement = bool(self.document.search(text))
        if entity is not None:
            return Speaker(entity.name, entity.kind, text, chain, is_statement)
        cleaned = self.leading_article.sub("", " ".join(text.split()))
        if cleaned.isalpha() and cleaned[1:].islower() and cleaned.lower() in self.speaker_words:
            cleaned = cleaned.lower()  # "Police said" and "police said": one speaker
        name = self.proper_name(text)
        if (self.anonymous.search(text) or self.indefinite.match(text.strip())) and not name:
            kind = "anonymous"
        elif name and (not self.organisation.search(text) or self._titled(text, name)) and not self.governs(name):
            # ("Puerto Rico said"; "Divisional Railway Manager Rinkesh Ray" is a person, titled by a body's word)
            kind, cleaned = "named_official", name
        elif is_statement:
            kind = "document"
        else:
            kind = "organisation"
        return Speaker(cleaned, kind, text, chain, is_statement)

    def _titled(self, text: str, name: str) -> bool:
        """Whether a title stands right before ``name`` in ``text`` ("Railway Manager Rinkesh Ray"; "Divisional
        Railway Manager (DRM) Rinkesh Ray")."""
        at = text.find(name)
        before = _BRACKETED.sub(" ", text[:at]).split() if at > 0 else []
        return bool(before) and before[-1].strip(".,").lower() in self.role_words

    def proper_name(self, text: str) -> str | None:
        """A person's name in the phrase (two or more capitalised words that are not titles or nationalities; after a
        title, initials in capitals and a capitalised word: "Chief Secretary PK Jena")."""
        for match in self.name.finditer(letter_shape(text)):  # (any letters: "Taner Yıldız")
            if self._place_after_preposition(text, match):
                continue  # "officials at Ain al-Asad", "residents of Deir el-Balah": a place, never a person
            runs: list[list[str]] = [[]]  # names between titles: "Odisha Chief | Secretary | Pradeep Jena"
            for word in text[match.start(1):match.end(1)].split():
                if word.strip(".") in self.not_name_words or word.lower() in self.articles:
                    runs.append([])  # ("An al-Shabaab spokesman": no person)
                else:
                    runs[-1].append(word)
            # after a title comes the person ("Odisha Chief Secretary Pradeep Jena"); before one, what the title is
            # of ("The Lebanese Minister of Health", "Miami-Dade County Mayor ...")
            named = [run for run in (runs[1:] if len(runs) > 1 else runs) if len(run) >= 2]
            if named:
                return " ".join(named[-1])
        initialled = self.initialled_name.search(text)
        return " ".join(initialled.group("name").split()) if initialled else None

    def role_of(self, text: str) -> str | None:
        """The role a speaker phrase names ("the health minister" -> "minister"), if it names one."""
        words = [w.strip(",.").lower() for w in text.split()]
        words = [self.role_abbreviations.get(w, w) for w in words]
        return next((w for w in reversed(words) if w in self.role_words), None)

    def words_before_title(self, text: str) -> list[str] | None:
        """The words before the title of a body (``body_of_title``) a speaker phrase names, its article left out
        ("Ugandan Health Minister Joan Okello" -> ["Ugandan"], "the health minister" -> []); None with no such
        title."""
        title = self.body_title.search(text)
        return self.leading_article.sub("", text[:title.start()]).split() if title else None

    def body_spoken_for(self, text: str) -> str | None:
        """The body a speaker's title speaks for, named bare ("Prime Minister Jean-Max Bellerive" -> "government",
        "the Lebanese Minister of Health" -> "health ministry"), or named as the text names it ("a spokesperson for
        Lebanon's Health Ministry" -> "Lebanon's Health Ministry", "Pentagon spokesman John Kirby" -> "Pentagon");
        None when its words name no such title."""
        spokesperson = self.spokesperson_of.search(text)
        if spokesperson:
            return spokesperson.group("body")
        title = self.body_title.search(text)
        named = self.body_spokesperson.match(text) if title is None else None
        if named and (self.organisation.search(named.group("body"))
                      or self.matcher.lookup("speaker", named.group("body")) is not None):
            return named.group("body")  # "Pentagon spokesman John Kirby": the Pentagon's
        return self.body_of_title[" ".join(title.group(0).lower().split())] if title else None

    def government_headed(self, text: str) -> str | None:
        """The government a head of state or government named with the country's adjective speaks for ("Haitian
        President Jan Elm" -> "Haitian government"), or None: the title must open the phrase (not "Former ...", "the
        wife of ...") and be no title-to-be ("President-elect")."""
        head = self.head_of_country.search(text)
        if head is None or self.leading_article.sub("", text[:head.start()]).strip() or text[head.end():][:1] == "-":
            return None  # not "Former Haitian President ...", "the wife of the Haitian president", "President-elect"
        return f"{self.demonym[head.group('nationality').lower()]} {self.government}".strip()

    def person_titled(self, text: str) -> str | None:
        """The person a titled speaker phrase names ("Coast Guard spokesperson Armand Balilo" -> "Armand Balilo",
        "Prime Minister Jean-Max Bellerive" -> "Jean-Max Bellerive")."""
        titled = self.body_spokesperson.match(text)
        return self.proper_name(text[titled.end():] if titled else text)

    def role_spellings(self, role: str) -> frozenset[str]:
        """The words a role is written with: itself and its abbreviations ("general", "gen")."""
        return frozenset([role, *(short for short, full in self.role_abbreviations.items() if full == role)])

    def voice_of(self, outlet: str | None, opening: str) -> str | None:
        """Whose own voice an article speaks in, when it is a copy: the origin an outlet's name gives ("Associated
        Press (copy on AL.com)"), else the wire agency its opening credits ("BAGHDAD (AP) —"); None otherwise."""
        copy = self.copy_of.match(outlet or "")
        if copy:
            origin = copy.group("origin").strip()
            return self.agency_of.get(origin, origin)
        credit = self.wire_credit.search(opening)
        if credit:  # "By The\nAssociated Press": the name as the list writes it
            written = " ".join((credit.group("dateline") or credit.group("byline")).split())
            return self.agency_of.get(written, written)
        return None

    def known_through_outlet(self, name: str) -> bool:
        """Whether an unnamed speaker is known only through the outlet quoting it ("the source")."""
        words = name.lower().split()
        return bool(words) and words[-1] in self.outlet_bound

    def is_pronoun(self, text: str) -> bool:
        return self.matcher.key(text) in self.pronouns

    def is_person_pronoun(self, text: str) -> bool:
        return text.strip().lower() in self.person_pronouns

    def mentions_statement(self, sentence: str) -> bool:
        """Whether a sentence says it introduces a statement ("... said in a statement")."""
        lower = sentence.lower()
        return any(word in lower for word in self.statement_words)
