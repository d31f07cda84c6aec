"""The compiled word lists and patterns claim extraction reads: built once per language pack.

Everything here comes from the pack (``quantities``, ``events``, ``responsibility``), the
taxonomy and the gazetteer; nothing is a word of any language written in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.gazetteer import Gazetteer
from checker.lang import LanguagePack, expand_pattern
from checker.lang.compiled import compiled
from checker.lang.patterns import key_words, norm, phrase_pattern, phrase_regex, right_after
from checker.taxonomy import Taxonomy

__all__ = ["ClaimVocabulary"]


def _role_patterns(forms: dict[str, tuple[str, ...]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every phrase, and each phrase's role (a phrase listed twice keeps its first role)."""
    role_of: dict[str, str] = {}
    for role, phrases in forms.items():
        for phrase in phrases:
            role_of.setdefault(norm(phrase), role)
    return compiled(rf"\b(?:{phrase_pattern(role_of)})\b", re.IGNORECASE), role_of


@dataclass(frozen=True)
class ClaimVocabulary:
    """What counts, places, event words and responsibility cues look like in one language."""

    subject_of: dict[str, str]  # surface form -> canonical subject
    subject_pattern: re.Pattern[str]  # a subject noun at the start of the text
    subject_state: dict[str, str]  # surface form -> the state the noun implies ("deaths": killed)
    subject_default_state: dict[str, str]  # ... unless a verb says otherwise ("14 lives": killed; "saved 40 lives")
    state_words: dict[str, str]  # "injured" -> wounded
    state_word_pattern: re.Pattern[str]  # a state word at the start of the text
    person_states: frozenset[str]
    set_after: re.Pattern[str]  # right after a figure named one of a set: "(one) of several"
    singular_numbers: frozenset[str]  # "a single": one, except after a preposition ("the death of a single person")
    single_preposition_before: re.Pattern[str]  # right before "a single": "of", "over"
    still_states: dict[str, str]  # a state said to hold still -> the state of those it still holds
    still_before: re.Pattern[str]  # right before a figure: "there were still (680,000 in camps)"
    infinitive_after: re.Pattern[str]  # "reported to have died": a state, not a report
    zero_pattern: re.Pattern[str]  # "no", "none of the": a zero count of what follows
    zero_people_pattern: re.Pattern[str]  # "no one", "nobody": zero people
    zero_group_after: re.Pattern[str]  # "[no casualties] among [coalition troops]": the group a zero counts
    zero_group_pair: re.Pattern[str]  # "among the [US or] coalition forces": a group of two
    duration_after: re.Pattern[str]  # "[three] days": a duration, never a count
    multiplier_after: re.Pattern[str]  # "[five] times as many": a multiplier, never a count
    share_of_whole: re.Pattern[str]  # right before a whole's figure: "(twenty) of the (80 missing)"
    states_becoming: frozenset[str]  # what a verb says became of those a state describes ("injured ... discharged")
    quantity_phrase: re.Pattern[str]  # "death toll", "number of": a quantity whose figure follows
    quantity_phrase_of: dict[str, tuple[str | None, str | None]]  # phrase -> (subject, state)
    topic_phrases: frozenset[str]  # "the total": the quantity the paragraph is about
    preposition_before: re.Pattern[str]  # "(killed) in the (two provinces)": the figure is no verb's object
    topic_figure_before: re.Pattern[str]  # "the (769 tally)": a determiner before a figure named as one
    counted_of: re.Pattern[str]  # "(the number) of (dead)": what a topic phrase counts follows
    topic_noun_after: re.Pattern[str]  # "(the 2,975) number": a figure of the quantity the text is about
    topic_qualifier: re.Pattern[str]  # right after a carried topic phrase: "for the neighbouring province"
    topic_link: re.Pattern[str]  # right before a carried topic's figure: "is", "to", "at", "read"
    listed_place_end: re.Pattern[str]  # after a listed figure's town: the list goes on or its clause ends
    superseded_marker: re.Pattern[str]  # "from" right before a figure: the figure a revision replaced
    not_the_figure: re.Pattern[str]  # words right before a figure that make it not the phrase's figure
    denied: re.Pattern[str]  # between a figure and one its speaker rejects: "275 [and not] 288", "40 [died, not] 44"
    denied_after: re.Pattern[str]  # right after a rejected figure: its clause ends ("and not 288.")
    inclusion: re.Pattern[str]  # words right before a figure that make it part of the count before it
    zero_keys: frozenset[str]
    singular_keys: frozenset[str]  # the sentence prefilter of one thing as a subject: "a", "an"
    state_after_keys: frozenset[str]  # ... and a word of a state after a noun ("killed", "landed")
    zero_scope: re.Pattern[str]  # words that make a zero a part ("no other casualties", "no survivors found since")
    compound_subjects: frozenset[str]  # nouns a figure may stand hyphenated before ("a 12-storey building")
    head_only_nouns: frozenset[str]  # nouns that count only as the last word of their phrase ("one British national")
    object_preposition_before: re.Pattern[str]  # right before a figure that is a preposition's object ("from 13")
    worst_after: re.Pattern[str]  # right after a figure of the worst hurt: "(40 were hurt,) 12 seriously,"
    weapon_attack_nouns: frozenset[str]
    weapon_attack_nouns_plural: frozenset[str]
    population_of: dict[str, str]
    predicates_after: tuple[re.Pattern[str], dict[str, str]]  # one alternation, and each phrase's role
    predicates_before: tuple[re.Pattern[str], dict[str, str]]
    not_modifiers: frozenset[str]
    back_reference: re.Pattern[str]
    hypothetical: re.Pattern[str]
    measure_forecast: re.Pattern[str]  # "expected to grow by", "could double to": a measure not yet reached
    revision_cue: re.Pattern[str]
    moment_cue: re.Pattern[str]  # "at the beginning of the spill": the moment a figure stood at
    ordinal_event: re.Pattern[str]  # "the second blast": one of several events of a kind
    ordinal_series: re.Pattern[str]  # right after one: "(the first attack) on the base since January": of a series
    estimate_cue: re.Pattern[str]  # "the study estimated that": a figure after it given as an estimate
    estimate_study: re.Pattern[str]  # "study": an estimate's work when `estimate_study_before` holds right before it
    estimate_study_before: re.Pattern[str]  # "a new (study)", "the Harvard (study)"; not "students who (study)"
    estimate_after: re.Pattern[str]  # "(30 people are) feared dead", "excess deaths": one before it given so
    official_cue: re.Pattern[str]  # "the official toll of 64": a count, whatever estimate its clause names
    singular_subject: re.Pattern[str]  # "a"/"an" opening a clause: "A rocket fell", "but an American was killed"
    relative_opener: re.Pattern[str]  # right after a noun: "who", "whose", "which": a clause about it
    change_from: re.Pattern[str]  # right before the first figure of a change: "from" (90 to 170)
    change_to: re.Pattern[str]  # between the two figures of a change: "to", "dead to"
    share_of: re.Pattern[str]  # right after a figure that is a share of a population: "of" (Hong Kong's ...)
    partial_before: re.Pattern[str]
    partial_after: re.Pattern[str]
    increment_before: re.Pattern[str]  # matched on the text right before a figure: "an additional", "rose by"
    level_after_increment: re.Pattern[str]  # right before the level a count moved to: "rose by 30 to"
    counted_by_verb: re.Pattern[str]  # right before a figure: "the dead [may] number", "marchers numbered"
    own_verb_after: re.Pattern[str]  # right after a counted noun: "had been affected", a verb of no known state
    own_verb_before: re.Pattern[str]  # right before a figure: "and affected", a verb of no known state
    increment_after_phrase: re.Pattern[str]  # between a count's phrase and its figure: "the toll by"
    agent_after_verb: re.Pattern[str]  # after a verb of state, before its agents: "killed by (12 gunmen)"
    place_before_figure: re.Pattern[str]  # a place opening a figure's clause: "In Kathmandu, (71 ...)"
    place_where_figure: re.Pattern[str]  # "the Kathmandu Valley, where (1,400 have died)"
    naming_before: re.Pattern[str]  # matched on the text right before a number: "Type", "Flight", "sections"
    negation_after: re.Pattern[str]  # matched right after a counted noun: "did not", "were not"
    zero_modal: re.Pattern[str]  # matched after a zero, within its clause: "would have"
    sub_area: re.Pattern[str]  # a sentence placing its figures in a named district: "in Travis County"
    district_named: re.Pattern[str]  # a one-word name written as a district's: "Korvan County"
    district_verbs: str  # an alternation: the verbs a district named bare counts with ("Korvan reported")
    landform_name: re.Pattern[str]  # "Mount Everest", "Korvana Valley": a place whether or not the gazetteer has it
    among_whole: re.Pattern[str]  # "[two police officers] were among the dead": a part of the dead
    at_facility: re.Pattern[str]  # "[six patients] lie in Riverside General Hospital": that hospital's
    group_complement: re.Pattern[str]  # "[97] were women": some of a count, said to be of a group
    group_whole_before: re.Pattern[str]  # "the [153 dead] were women": a whole, not some of one
    denied_before: re.Pattern[str]  # "denied reports that [two soldiers were killed]": a figure its speaker denies
    inclusion_whole: re.Pattern[str]  # "the dead included [26 foreigners]": a whole named by its state's word
    default_state_before: re.Pattern[str]  # "claimed [14 lives]": its noun's default state holds
    default_state_after: re.Pattern[str]  # "[14 lives] were lost": so it does
    rate_before: re.Pattern[str]  # right before a figure: "an average of"
    ratio_before: re.Pattern[str]  # right before a proportion's second figure: "one in" (40 had died)
    rate_after: re.Pattern[str]  # searched in the few words after a counted noun: "per year", "a day"
    whole_figure_opener: re.Pattern[str]  # "Out of (275), 88 bodies": a whole counting what its part counts
    whole_figure_end: re.Pattern[str]
    of_whole_opener: re.Pattern[str]  # the sentence up to a figure opens with its whole: "Of the 30 wounded, "
    ranking: re.Pattern[str]  # matched right after a figure that ranks, counting nothing: "(one) of the highest"
    measure_aspect_before: re.Pattern[str]  # right before a measure, naming what it measures: "a depth of"
    measure_aspect_after: re.Pattern[str]  # ... or right after it: "$1.5 million in donations", "$5.5bn pledged"
    measure_aspect_of: dict[str, str]  # those words -> what is measured ("deep" -> "depth")
    earlier_figure: re.Pattern[str]  # matched right before a figure named as replaced: "its last estimate of"
    population_before: re.Pattern[str]  # right before a place's population: "Hong Kong's", "a city of"
    population_after: re.Pattern[str]  # right after it: "people", "-strong population"
    strong_population: re.Pattern[str]  # right after a figure that is a population anyway: "-strong population"
    breakdown_before: re.Pattern[str]  # right before a figure of a list by country: "Egypt lost", "India with"
    level_verb_before: re.Pattern[str]  # right before a count's figure: "has increased to", "stands at"
    place_of_figure: re.Pattern[str]  # right after a figure's counted words: "(53 deaths) were reported in Minxian"
    elsewhere: re.Pattern[str]  # right after a figure's counted words, scoping it away: "(170 people) elsewhere"
    year_when: re.Pattern[str]  # a year and the clause it opens: "in 1989, when", with the year as ``year``
    year_relative: re.Pattern[str]  # a relative clause a year dates: ", which killed 85 people in 2018"
    year_event: re.Pattern[str]  # a year naming an event: "a 1989 crush", "the 2004 tsunami"
    year_event_end: re.Pattern[str]  # where a clause turns back from such an event to the news: "; but"
    year_event_before: re.Pattern[str]  # between a figure and the event it is of: "8,500 [killed in] a 1934 quake"
    year_event_opening: re.Pattern[str]  # before such an event that opens its sentence: "In the 2015 earthquake"
    year_event_turn: re.Pattern[str]  # where a sentence opened by such an event turns to the news: "and now"
    rest_follows: re.Pattern[str]
    coordinated: re.Pattern[str]
    subjects_joined: re.Pattern[str]  # between two subjects sharing the verb after the second: "and"
    clause_opener: re.Pattern[str]  # a clause's words before a figure that is its subject ("said", "and")
    denied_one: re.Pattern[str]  # right before a "one" that is a zero: "not"
    from_country: re.Pattern[str]  # right after a figure of people: the country they are from ("one from Britain")
    among_before: re.Pattern[str]  # right before the whole a part is among ("Three Brits among 176 dead")
    zero_partitive: re.Pattern[str]  # right after "none": "[None] of the [injured is in critical condition]"
    population_of_country: dict[str, str]  # a country's name as the gazetteer has it, lower case -> its people
    worst_state: str | None  # the state of "(40 hurt,) 12 seriously"
    others_states: frozenset[str]  # states whose count after people of a country is of other people ("aboard")
    state_break: re.Pattern[str]  # where a state word stops belonging to the figure before it
    of_group: re.Pattern[str]
    event_type_of: dict[str, str]  # event word -> canonical event type
    event_words: re.Pattern[str]  # every event word, on lower-cased text
    event_word_at: re.Pattern[str]  # ... matched where a quantity phrase starts ("[crowd crush]", "[crowd surge]")
    other_event: re.Pattern[str]  # on lower-cased text: "another accident", "a separate blast"
    comparison_opener: re.Pattern[str]  # at a sentence's start: "By comparison, "
    continuing: re.Pattern[str]  # right after a comma: a participle going on with its clause (", killing two")
    date_boundary: re.Pattern[str]
    date_reported: re.Pattern[str]  # right before a date: the date of a report ("released on Tuesday")
    dateline_date: re.Pattern[str]  # right after a date that opens a paragraph: a dateline ("Sept. 13 (UPI) —")
    leading_date: re.Pattern[str]  # the whole text before a date that opens its sentence ("On Tuesday, ...")
    clause_boundary: re.Pattern[str]
    later: re.Pattern[str]
    later_keys: frozenset[str]
    responsibility: tuple[re.Pattern[str], dict[str, str]]  # one alternation of cues, and each cue's stance
    actor_pattern: re.Pattern[str]
    attack_words: re.Pattern[str]
    clause_split: re.Pattern[str]
    negation_before: re.Pattern[str]
    responsibility_keys: frozenset[str]
    anonymous_keys: frozenset[str]
    actor_keys: frozenset[str]
    disavowal_keys: frozenset[str]  # denials and refusals: a responsibility claim even with no actor named

    @classmethod
    def build(cls, pack: LanguagePack, gazetteer: Gazetteer, taxonomy: Taxonomy) -> ClaimVocabulary:
        quantities, events, responsibility = pack.quantities, pack.events, pack.responsibility
        subject_of = {form.lower(): canonical for canonical, forms in quantities.subjects.items() for form in forms}
        # keys without a final full stop: tokens are compared that way ("U.S." -> "u.s")
        population_of = {form.lower().rstrip("."): canonical for canonical, forms in quantities.populations.items()
                         for form in forms}
        for form in population_of:  # a plural nationality noun counts people and says whose ("six Bangladeshis")
            if form.endswith("s") and " " not in form and "." not in form and form not in ("us",):
                subject_of.setdefault(form, "person")
        event_type_of = {norm(t): canonical for canonical, triggers in events.event_types.items() for t in triggers}
        event_alternation = phrase_pattern(list(event_type_of))  # for the patterns that name an event
        actor_surface = [a for actor in gazetteer.actors.values() for a in (actor.name, *actor.aliases)]
        stance_of: dict[str, str] = {}
        for stance, cues in responsibility.responsibility.items():
            for cue in cues:
                stance_of.setdefault(norm(cue), stance)
        stances = responsibility.responsibility
        aspect_words = phrase_pattern([w for ws in quantities.measure_aspects.values() for w in ws])
        disavowals = [*stances.get("denies", ()), *stances.get("declines", ())]

        def words(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
            return phrase_regex(phrases, ignore_case=True)

        def on_lower(phrases: list[str]) -> re.Pattern[str]:
            # whole phrases in lower-cased text: twice as fast as a case-insensitive alternation
            return compiled(rf"(?<![\w-])(?:{phrase_pattern(phrases, lower=True)})(?![\w-])")

        phrase_of = {norm(p): (entry.subject, entry.state)
                     for entry in quantities.quantity_phrases for p in entry.phrases}
        topic_phrases = frozenset(norm(p) for p in quantities.topic_phrases)
        phrase_of.update({p: (None, None) for p in topic_phrases if p not in phrase_of})
        return cls(
            subject_of=subject_of,
            subject_pattern=compiled(rf"(?P<noun>{phrase_pattern(subject_of)})\b", re.IGNORECASE),
            subject_state={norm(k): v for k, v in quantities.subject_states.items()},
            subject_default_state={norm(k): v for k, v in quantities.default_subject_states.items()},
            state_words={norm(k): v for k, v in quantities.state_words.items()},
            state_word_pattern=compiled(rf"(?P<word>{phrase_pattern(quantities.state_words)})\b", re.IGNORECASE),
            person_states=frozenset(quantities.person_states),
            set_after=right_after(quantities.set_after),
            singular_numbers=frozenset(" ".join(w.lower().split()) for w in quantities.singular_numbers),
            single_preposition_before=_before(quantities.single_prepositions),
            still_states=dict(quantities.still_states),
            still_before=_before(quantities.still_before),
            infinitive_after=right_after(quantities.infinitive_markers),
            zero_pattern=compiled(rf"\b(?P<zero>{phrase_pattern(quantities.zero_words)})\s+"
                                  rf"(?:(?:{phrase_pattern(quantities.zero_report_words)})\s+)?", re.IGNORECASE),
            zero_group_after=expand_pattern(quantities, "zero_group"),
            zero_group_pair=expand_pattern(quantities, "zero_group_pair"),
            duration_after=compiled(rf"(?:\s+|\s*-\s*)(?:{phrase_pattern(quantities.duration_units)})\b",
                                    re.IGNORECASE),
            states_becoming=frozenset(quantities.states_becoming),
            share_of_whole=expand_pattern(quantities, "share_of_whole"),
            multiplier_after=compiled(rf"(?:\s+|\s*-\s*)?(?:{phrase_pattern(quantities.multiplier_words)})\b",
                                      re.IGNORECASE) if quantities.multiplier_words else compiled("(?!)"),
            zero_people_pattern=words(quantities.zero_people),
            quantity_phrase=compiled(rf"{words(list(phrase_of)).pattern}|(?P<topic>"
                                     rf"{expand_pattern(quantities, 'topic_phrase').pattern})", re.IGNORECASE),
            quantity_phrase_of=phrase_of,
            topic_phrases=topic_phrases,
            preposition_before=expand_pattern(quantities, "preposition_before"),
            topic_figure_before=expand_pattern(quantities, "topic_figure_before"),
            counted_of=expand_pattern(quantities, "counted_of"),
            topic_noun_after=expand_pattern(quantities, "topic_noun_after"),
            topic_qualifier=expand_pattern(quantities, "topic_qualifier"),
            topic_link=expand_pattern(quantities, "topic_link"),
            listed_place_end=expand_pattern(quantities, "listed_place_end"),
            superseded_marker=compiled(rf"\b(?:{phrase_pattern(quantities.superseded_markers)})\s+$", re.IGNORECASE)
            if quantities.superseded_markers else compiled("(?!)"),
            not_the_figure=compiled(rf"\b(?:{phrase_pattern(quantities.not_the_figure)})\s+$", re.IGNORECASE),
            denied=expand_pattern(quantities, "denied"),
            denied_after=expand_pattern(quantities, "denied_after"),
            inclusion=compiled(rf"\b(?:{phrase_pattern(quantities.inclusion_words)})\s+$", re.IGNORECASE),
            zero_keys=key_words([*quantities.zero_words, *quantities.zero_people]),
            singular_keys=frozenset(quantities.singular_words),
            state_after_keys=key_words(form for forms in quantities.predicates.values() for form in forms.after),
            zero_scope=expand_pattern(quantities, "zero_scope"),
            compound_subjects=frozenset(norm(w) for w in quantities.compound_subjects),
            head_only_nouns=frozenset(norm(w) for w in quantities.head_only_nouns),
            object_preposition_before=_before(quantities.object_prepositions),
            worst_after=compiled(rf"\s+(?:{phrase_pattern(quantities.worst_adverbs)})(?=\s*(?:[,;.)]|and\b|$))",
                                 re.IGNORECASE) if quantities.worst_adverbs else compiled("(?!)"),
            weapon_attack_nouns=frozenset(w.lower() for w in quantities.weapon_attack_nouns),
            weapon_attack_nouns_plural=frozenset(w.lower() for w in quantities.weapon_attack_nouns_plural),
            population_of=population_of,
            predicates_after=_role_patterns({role: forms.after for role, forms in quantities.predicates.items()}),
            predicates_before=_role_patterns({role: forms.before for role, forms in quantities.predicates.items()}),
            not_modifiers=frozenset(w.lower() for w in quantities.not_modifiers),
            back_reference=compiled(rf"(?P<noun>{phrase_pattern(quantities.back_reference_nouns)})\b", re.IGNORECASE),
            hypothetical=words(quantities.hypothetical_markers),
            measure_forecast=words(quantities.measure_forecast_markers),
            revision_cue=words(quantities.revision_cues),
            moment_cue=words(quantities.moment_cues),
            estimate_cue=words(quantities.estimate_cues),
            estimate_study=expand_pattern(quantities, "estimate_study"),
            estimate_study_before=expand_pattern(quantities, "estimate_study_before"),
            estimate_after=words(quantities.estimate_after),
            official_cue=words(quantities.official_cues),
            singular_subject=expand_pattern(quantities, "singular_subject"),
            change_from=expand_pattern(quantities, "change_from"),
            change_to=expand_pattern(quantities, "change_to"),
            share_of=expand_pattern(quantities, "share_of"),
            relative_opener=words(quantities.relative_pronouns),
            partial_before=compiled(rf"\b(?:{phrase_pattern(quantities.partial_before)})\s+$", re.IGNORECASE),
            partial_after=compiled(rf"\s+(?:{phrase_pattern(quantities.partial_after)})\b", re.IGNORECASE),
            increment_before=_before(quantities.increment_before),
            level_after_increment=expand_pattern(quantities, "level_after_increment"),
            counted_by_verb=expand_pattern(quantities, "counted_by_verb"),
            own_verb_after=expand_pattern(quantities, "own_verb_after"),
            own_verb_before=expand_pattern(quantities, "own_verb_before"),
            increment_after_phrase=expand_pattern(quantities, "increment_after_phrase"),
            agent_after_verb=expand_pattern(quantities, "agent_after_verb"),
            place_before_figure=expand_pattern(quantities, "place_before_figure"),
            place_where_figure=expand_pattern(quantities, "place_where_figure"),
            naming_before=_before(quantities.naming_words),
            negation_after=compiled(rf"\s+(?:{phrase_pattern(quantities.negation_after)})(?!\w)", re.IGNORECASE)
            if quantities.negation_after else compiled("(?!)"),
            zero_modal=compiled(rf"(?<!\w)(?:{phrase_pattern(quantities.zero_modal_words)})(?!\w)", re.IGNORECASE)
            if quantities.zero_modal_words else compiled("(?!)"),
            of_whole_opener=expand_pattern(quantities, "of_whole_opener"),
            whole_figure_opener=expand_pattern(quantities, "whole_figure_opener"),
            whole_figure_end=expand_pattern(quantities, "whole_figure_end"),
            sub_area=expand_pattern(quantities, "sub_area"),
            district_named=expand_pattern(quantities, "district_named"),
            district_verbs=phrase_pattern(quantities.district_verbs),
            landform_name=expand_pattern(quantities, "landform_name"),
            among_whole=expand_pattern(quantities, "among_whole"),
            at_facility=expand_pattern(quantities, "at_facility"),
            group_complement=expand_pattern(quantities, "group_complement"),
            group_whole_before=expand_pattern(quantities, "group_whole_before"),
            denied_before=expand_pattern(quantities, "denied_before"),
            inclusion_whole=expand_pattern(quantities, "inclusion_whole"),
            default_state_before=expand_pattern(quantities, "default_state_before"),
            default_state_after=expand_pattern(quantities, "default_state_after"),
            ranking=expand_pattern(quantities, "ranking"),
            measure_aspect_before=compiled(
                rf"\b(?P<aspect>{aspect_words}),?\s+(?:(?:of|at|was|is|were|are|estimated|put|valued|worth|about|"
                r"just|some|nearly|around|roughly|more|than|over|totalling|totaling|amounting|to)\s+){0,4}$",
                re.IGNORECASE)
            if quantities.measure_aspects else compiled("(?!)"),
            measure_aspect_after=compiled(
                rf"\s*\)?\s*(?:\([^()]{{0,40}}\)\s*)?(?:(?:in|of|for|was|were|has|have|had|been)\s+){{0,3}}"
                rf"(?P<aspect>{aspect_words})\b", re.IGNORECASE)
            if quantities.measure_aspects else compiled("(?!)"),
            measure_aspect_of={w.lower(): aspect for aspect, ws in quantities.measure_aspects.items() for w in ws},
            earlier_figure=expand_pattern(quantities, "earlier_figure"),
            population_before=expand_pattern(quantities, "population_before"),
            population_after=expand_pattern(quantities, "population_after"),
            strong_population=expand_pattern(quantities, "strong_population"),
            breakdown_before=expand_pattern(quantities, "breakdown_before"),
            level_verb_before=_before(quantities.level_verbs),
            place_of_figure=expand_pattern(quantities, "place_of_figure", flags=0),
            elsewhere=expand_pattern(quantities, "elsewhere"),
            year_when=expand_pattern(events, "year_when"),
            year_relative=expand_pattern(events, "year_relative"),
            year_event=expand_pattern(events, "year_event"),
            year_event_end=expand_pattern(events, "year_event_end"),
            year_event_before=expand_pattern(events, "year_event_before"),
            year_event_opening=expand_pattern(events, "year_event_opening"),
            year_event_turn=expand_pattern(events, "year_event_turn"),
            rate_before=_before(quantities.rate_before),
            ratio_before=expand_pattern(quantities, "ratio_before"),
            rate_after=compiled(rf"(?<!\w)(?:{phrase_pattern(quantities.rate_after)})(?!\w)"
                                  r"(?!\s+(?:after|before|later|earlier|ago|of|into)\b)", re.IGNORECASE)
            if quantities.rate_after else compiled("(?!)"),
            rest_follows=expand_pattern(quantities, "rest_follows"),
            coordinated=expand_pattern(quantities, "coordinated"),
            subjects_joined=expand_pattern(quantities, "subjects_joined"),
            clause_opener=expand_pattern(quantities, "clause_opener"),
            denied_one=expand_pattern(quantities, "denied_one"),
            from_country=expand_pattern(quantities, "from_country"),
            among_before=expand_pattern(quantities, "among_before"),
            zero_partitive=expand_pattern(quantities, "zero_partitive"),
            population_of_country={country.lower(): people for people, country
                                   in quantities.population_countries.items()},
            worst_state=quantities.worst_state,
            others_states=frozenset(quantities.others_states),
            state_break=expand_pattern(quantities, "state_break"),
            of_group=expand_pattern(quantities, "of_group"),
            event_type_of=event_type_of,
            event_words=on_lower(list(event_type_of)),
            ordinal_event=compiled(rf"\b(?:{phrase_pattern(quantities.ordinal_words)})\s+(?:{event_alternation})"
                                   r"(?![\w-])", re.IGNORECASE) if quantities.ordinal_words else compiled("(?!)"),
            ordinal_series=expand_pattern(quantities, "ordinal_series"),
            event_word_at=compiled(rf"(?:{event_alternation})(?![\w-])", re.IGNORECASE),
            continuing=compiled(rf"(?:{phrase_pattern(events.continuing_participles)})\b", re.IGNORECASE)
            if events.continuing_participles else compiled("(?!)"),
            other_event=compiled(rf"(?<![\w'’])(?:{phrase_pattern([w.lower() for w in events.other_event_words])})"
                                 rf"\s+(?:[\w-]+\s+){{0,2}}(?:{phrase_pattern([w.lower() for w in event_type_of])})\b")
            if events.other_event_words and event_type_of else compiled("(?!)"),
            comparison_opener=compiled(rf"\W*(?:{phrase_pattern(events.comparison_openers)})\b", re.IGNORECASE)
            if events.comparison_openers else compiled("(?!)"),
            date_boundary=expand_pattern(events, "date_boundary"),
            date_reported=expand_pattern(events, "date_reported"),
            dateline_date=expand_pattern(events, "dateline_date"),
            leading_date=expand_pattern(events, "leading_date"),
            clause_boundary=expand_pattern(events, "clause_boundary"),
            later=expand_pattern(events, "later"),
            later_keys=key_words(events.later_words),
            responsibility=(on_lower(list(stance_of)), stance_of),
            actor_pattern=compiled(rf"(?<![\w-])(?:{phrase_pattern(actor_surface)})(?![\w-])"),
            attack_words=words(responsibility.attack_words),
            clause_split=expand_pattern(responsibility, "clause_split"),
            negation_before=expand_pattern(responsibility, "negation_before"),
            responsibility_keys=key_words(stance_of),
            anonymous_keys=key_words(pack.speakers.anonymous_markers),
            actor_keys=key_words(actor_surface),
            disavowal_keys=key_words(disavowals),
        )

    def canonical_subject(self, noun: str) -> str | None:
        return self.subject_of.get(" ".join(noun.lower().split()))

    def is_population(self, text: str, start: int, end: int) -> bool:
        """Whether the figure at ``text[start:end]`` says how many live somewhere ("Hong Kong's seven million people",
        "a 7.5 million-strong population"): never a count of an event."""
        if self.strong_population.match(text, end):
            return True
        return bool(self.population_before.search(text, max(0, start - 40), start)
                    and self.population_after.match(text, end))

    def canonical_event_type(self, trigger: str) -> str | None:
        return self.event_type_of.get(" ".join(trigger.lower().split()))


def _before(phrases: Sequence[str]) -> re.Pattern[str]:
    """Matched on the text right before a figure: one of ``phrases``, then spaces, then the end."""
    if not phrases:
        return compiled("(?!)")
    return compiled(rf"(?<![\w.])(?:{phrase_pattern(phrases)})\s+$", re.IGNORECASE)
