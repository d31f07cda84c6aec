"""The shape of each language-pack file (rules/lexicon/<lang>/*.yaml), validated when a pack is loaded.

Every field has an empty default, so a small pack (a few number words and reporting verbs
of another language) is valid; a key that is not listed here is a mistake, reported with
its line. ``patterns`` hold regular expressions in which ``{name}`` stands for a word list
of the same file.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, field_validator, model_validator

from checker.lang.loader import DataModel

Words = tuple[str, ...]
Stance = Literal["asserts", "hedges", "denies", "declines"]
PrefixKind = Literal["lower", "lower_strict", "upper", "upper_strict", "approx", "approx_below",
                     "approx_below_strict", "approx_above_strict", "between", "from"]
SuffixKind = Literal["lower", "upper", "approx"]
DayPick = Literal["latest", "before", "week", "after"]


class PackFile(DataModel):
    """What every pack file may hold besides its own keys: the keys a user's file replaces instead of extending."""

    replace: Words = ()


# --- numbers.yaml ------------------------------------------------------------------------------

class NumberWords(DataModel):
    units: dict[str, float] = {}
    teens: dict[str, float] = {}
    tens: dict[str, float] = {}
    hundred: dict[str, float] = {}
    scales: dict[str, float] = {}
    dozen: dict[str, float] = {}


class Joiners(DataModel):
    compound: Words = ()
    indefinite: Words = ()
    of: Words = ()


class Tolerance(DataModel):
    relative: float = Field(0.10, ge=0)
    absolute_min: float = Field(1.0, ge=0)
    last_digits: float | None = Field(None, gt=0)  # at most this many units of the last digit written


class Quantifiers(DataModel):
    prefix: dict[PrefixKind, Words] = {}
    suffix: dict[SuffixKind, Words] = {}
    # words right before a prefix that make it no quantifier: "risen up to 154" is 154
    prefix_not_after: Words = ()


class VagueAmount(DataModel):
    phrase: str = Field(min_length=1)
    band: tuple[float, float]
    scalable: bool = False
    needs_of: bool = False
    not_after: Words = ()
    not_before: Words = ()

    @field_validator("band")
    @classmethod
    def band_is_an_interval(cls, band: tuple[float, float]) -> tuple[float, float]:
        low, high = band
        if math.isnan(low) or math.isnan(high) or low < 0 or low > high:
            raise ValueError("band must be [low, high] with 0 <= low <= high")
        return band


class NonCount(DataModel):
    units: Words = ()
    furniture_following: Words = ()
    furniture_preceding: Words = ()
    ordinal_fraction: Words = ()
    currency_prefixes: Words = ()
    age_prefixes: Words = ()
    designator_prefixes: Words = ()
    idioms: Words = ()
    year_range: tuple[int, int] = (1800, 2100)
    year_preceders: Words = ()
    plural_suffixes: Words = ()
    not_plural_suffixes: Words = ()
    plural_irregular: Words = ()
    not_plural: Words = ()
    event_nouns: Words = ()


class NumbersFile(PackFile):
    words: NumberWords = NumberWords()
    joiners: Joiners = Joiners()
    phrases: dict[str, float] = {}
    dot_thousands: bool = False
    tolerance: Tolerance = Tolerance()
    quantifiers: Quantifiers = Quantifiers()
    range_connectors: Words = ()
    between_only_connectors: Words = ()
    between_connectors: Words = ()
    change_connectors: Words = ()
    vague: tuple[VagueAmount, ...] = ()
    non_count: NonCount = NonCount()


# --- dates.yaml --------------------------------------------------------------------------------

class RelativeDate(DataModel):
    unit: Literal["day", "week", "weekend", "month", "year"]
    offset: int | Literal["recent"] = 0
    through: int | None = None
    to_date: bool = False
    from_date: bool = False


class AgoUnit(DataModel):
    band: int = Field(0, ge=0)


class DateGrammarWords(DataModel):
    the: Words = ()
    of: Words = ()
    ago: Words = ()
    past_n: Words = ()
    weekday_date_modifiers: Words = ()
    units: dict[Literal["day", "week", "month", "year"], Words] = {}
    hours: Words = ()
    the_year: Words = ()
    ordinal_suffixes: Words = ()
    range_words: Words = ()
    day_range_words: Words = ()
    and_ranges_after: Words = ()
    and_words: Words = ()
    count_after_month_prepositions: Words = ()
    clock_suffixes: Words = ()


class DatesFile(PackFile):
    months: dict[str, int] = {}
    month_abbreviations: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    weekday_abbreviations: dict[str, int] = {}
    weekday_name_before: Words = ()
    weekday_name_after: Words = ()
    weekday_modifiers: dict[str, DayPick] = {}
    month_modifiers: dict[str, DayPick] = {}
    month_prepositions: Words = ()
    year_prepositions: Words = ()
    month_parts: dict[str, tuple[int, int]] = {}
    year_parts: dict[str, tuple[int, int]] = {}
    decade_parts: dict[str, tuple[int, int]] = {}
    seasons: dict[str, tuple[int, int]] = {}
    relative: dict[str, RelativeDate] = {}
    ago_units: dict[Literal["day", "week", "month", "year"], AgoUnit] = {}
    grammar: DateGrammarWords = DateGrammarWords()

    @model_validator(mode="after")
    def calendar_numbers_in_range(self) -> DatesFile:
        for name, month in {**self.months, **self.month_abbreviations}.items():
            if not 1 <= month <= 12:
                raise ValueError(f"month {name!r} must be 1..12")
        for name, day in {**self.weekdays, **self.weekday_abbreviations}.items():
            if not 0 <= day <= 6:
                raise ValueError(f"weekday {name!r} must be 0 (Monday)..6 (Sunday)")
        return self


# --- sentences.yaml ----------------------------------------------------------------------------

class SentencesFile(PackFile):
    abbreviations: Words = ()
    titles: Words = ()


# --- quantities.yaml ---------------------------------------------------------------------------

class PredicateForms(DataModel):
    before: Words = ()
    after: Words = ()


class QuantityPhrase(DataModel):
    phrases: Words
    subject: str | None = None
    state: str | None = None


class MeasureDimension(DataModel):
    """A dimension figures are measured in: the unit they are compared in (pint's notation) and how a report
    writes it."""

    unit: str
    say: str
    needs_aspect: bool = False  # a figure of it is read only when its words say what it is (money: damage, aid)


class QuantitiesFile(PackFile):
    subjects: dict[str, Words] = {}
    subject_states: dict[str, str] = {}
    default_subject_states: dict[str, str] = {}
    state_words: dict[str, str] = {}
    person_states: Words = ()
    zero_words: Words = ()
    zero_people: Words = ()
    duration_units: Words = ()
    multiplier_words: Words = ()
    states_becoming: Words = ()
    zero_recent_units: Words = ()
    zero_report_words: Words = ()
    zero_group_verbs: Words = ()
    quantity_phrases: tuple[QuantityPhrase, ...] = ()
    topic_phrases: Words = ()
    topic_determiners: Words = ()
    topic_modifiers: Words = ()
    topic_nouns: Words = ()
    superseded_markers: Words = ()
    not_the_figure: Words = ()
    denied_markers: Words = ()
    denied_followers: Words = ()
    inclusion_words: Words = ()
    zero_scope_words: Words = ()
    head_only_nouns: Words = ()
    object_prepositions: Words = ()
    worst_adverbs: Words = ()
    worst_state: str | None = None
    others_states: Words = ()
    compound_subjects: Words = ()
    weapon_attack_nouns: Words = ()
    weapon_attack_nouns_plural: Words = ()
    populations: dict[str, Words] = {}
    singular_words: Words = ()
    relative_pronouns: Words = ()
    population_countries: dict[str, str] = {}
    set_after: Words = ()
    singular_numbers: Words = ()
    single_prepositions: Words = ()
    still_states: dict[str, str] = {}
    still_before: Words = ()
    infinitive_markers: Words = ()
    predicates: dict[str, PredicateForms] = {}
    not_modifiers: Words = ()
    back_reference_nouns: Words = ()
    hypothetical_markers: Words = ()
    measure_forecast_markers: Words = ()
    denial_markers: Words = ()
    revision_cues: Words = ()
    moment_cues: Words = ()
    ordinal_words: Words = ()
    estimate_cues: Words = ()
    estimate_after: Words = ()
    official_cues: Words = ()
    group_complements: Words = ()
    verbs_reporting_that: Words = ()
    partial_before: Words = ()
    partial_after: Words = ()
    increment_before: Words = ()
    naming_words: Words = ()
    negation_after: Words = ()
    sub_area_words: Words = ()
    facility_words: Words = ()  # the last word of a named place that holds some of an event's people ("Hospital")
    district_verbs: Words = ()
    rate_before: Words = ()
    rate_after: Words = ()
    zero_modal_words: Words = ()
    measure_dimensions: dict[str, MeasureDimension] = {}
    measure_units: dict[str, str] = {}
    measure_rate_units: dict[str, str] = {}
    measure_rate_words: Words = ()
    volume_states: dict[str, Words] = {}
    measure_prefix_units: dict[str, str] = {}
    scale_abbreviations: dict[str, float] = {}
    measure_definitions: Words = ()
    measure_place_words: Words = ()
    distance_points: Words = ()
    measure_phrase_ends: Words = ()
    measure_matter_dimensions: Words = ()
    measure_matter_words: Words = ()
    matter_verb_suffixes: Words = ()
    matter_not_verbs: Words = ()
    matter_pronouns: Words = ()
    delivered_matters: Words = ()
    distance_place_nouns: Words = ()
    distance_event_words: Words = ()
    distance_site_words: Words = ()
    distance_site_verbs: Words = ()
    distance_breaks: Words = ()
    distance_centre_verbs: Words = ()
    distance_quake_words: Words = ()
    measure_aspects: dict[str, Words] = {}
    coordinators: Words = ()
    rest_openers: Words = ()
    group_nouns: Words = ()
    state_breakers: Words = ()
    rank_openers: Words = ()
    superlatives: Words = ()
    earlier_words: Words = ()
    earlier_saying: Words = ()
    earlier_saying_verbs: Words = ()
    figure_nouns: Words = ()
    numbering_verbs: Words = ()
    complement_participles: Words = ()
    numbering_adverbs: Words = ()
    population_nouns: Words = ()
    population_holders: Words = ()
    breakdown_links: Words = ()
    level_verbs: Words = ()
    patterns: dict[Literal["rest_follows", "singular_subject", "change_from", "change_to", "share_of",
                           "share_of_whole", "ratio_before", "ordinal_series", "estimate_study",
                           "estimate_study_before",
                           "coordinated", "of_group", "state_break", "own_verb_after", "own_verb_before",
                           "of_whole_opener", "sub_area", "ranking", "earlier_figure", "population_before",
                           "population_after", "strong_population", "breakdown_before", "place_of_figure",
                           "landform_name", "zero_group", "zero_group_pair", "zero_scope", "among_whole",
                           "elsewhere", "at_facility", "level_after_increment", "counted_by_verb",
                           "increment_after_phrase", "agent_after_verb", "place_before_figure", "denied",
                           "denied_after", "topic_phrase", "topic_noun_after", "counted_of",
                           "topic_qualifier", "topic_link", "listed_place_end",
                           "preposition_before", "topic_figure_before",
                           "whole_figure_opener", "whole_figure_end",
                           "place_where_figure", "district_named", "subjects_joined", "clause_opener",
                           "denied_one", "from_country", "among_before",
                           "zero_partitive", "group_complement", "group_whole_before", "inclusion_whole",
                           "denied_before",
                           "default_state_before", "default_state_after"], str] = {}


# --- events.yaml -------------------------------------------------------------------------------

class EventsFile(PackFile):
    event_types: dict[str, Words] = {}
    recap_event_words: Words = ()
    recap_followers: Words = ()
    near_place_words: Words = ()
    patron_words: Words = ()
    venue_words: Words = ()
    institution_words: Words = ()
    owned_nouns: Words = ()
    date_boundary_words: Words = ()
    date_reported_words: Words = ()
    other_event_words: Words = ()
    comparison_openers: Words = ()
    continuing_participles: Words = ()
    later_words: Words = ()
    place_cues: Words = ()
    origin_words: Words = ()
    locative_words: Words = ()
    target_verbs: Words = ()
    place_designators: Words = ()
    not_places: Words = ()
    dateline_marks: Words = ()
    clause_words: Words = ()
    patterns: dict[Literal["later", "possessive_owner", "date_boundary", "date_reported", "dateline_date",
                           "leading_date", "not_the_place", "venue_place", "place_list_joint", "clause_boundary",
                           "year_when", "year_relative", "year_event", "year_event_end", "year_event_before",
                           "year_event_opening", "year_event_turn"], str] = {}


# --- speakers.yaml -----------------------------------------------------------------------------

class SpeakersFile(PackFile):
    reporting_verbs: Words = ()
    reporting_verbs_before_that: Words = ()
    count_verbs: Words = ()
    count_nouns: Words = ()
    count_modifiers: Words = ()
    data_nouns: Words = ()
    work_nouns: Words = ()
    official_words: dict[str, str] = {}
    noun_determiners: Words = ()
    colon_labels: Words = ()
    relative_pronouns: Words = ()
    speaker_words: Words = ()
    reporting_prepositions: Words = ()
    citing_prepositions: Words = ()
    citing_verbs: Words = ()
    statement_verbs: Words = ()
    statement_followers: Words = ()
    citing_as: Words = ()
    anonymous_markers: Words = ()
    organisation_words: Words = ()
    document_words: Words = ()
    statement_words: Words = ()
    outlet_bound_nouns: Words = ()
    state_after_verb: Words = ()
    copy_markers: Words = ()
    wire_agencies: dict[str, Words] = {}
    participle_determiners: Words = ()
    participle_nouns: Words = ()
    person_pronouns: Words = ()
    group_pronouns: Words = ()
    articles: Words = ()
    phrase_joiners: Words = ()
    indefinite_words: Words = ()
    not_speakers: Words = ()
    edge_words: Words = ()
    opposed_words: Words = ()
    negative_openers: Words = ()
    adverbs: Words = ()
    asides: Words = ()
    role_words: Words = ()
    role_abbreviations: dict[str, str] = {}
    office_roles: dict[str, str] = {}  # a body named bare -> the role of the person who heads it ("ministry": minister)
    out_of_office_words: Words = ()  # before a title: its holder does not speak for the body ("former", "shadow")
    role_bodies: dict[str, Words] = {}
    ministry_topics: Words = ()
    government_words: Words = ()
    place_prepositions: Words = ()
    home_government_words: Words = ()
    spelling_variants: dict[str, str] = {}
    clause_verbs: Words = ()
    content_openers: Words = ()
    not_aside_participles: Words = ()
    descriptor_words: Words = ()
    spokesperson_words: Words = ()
    local_bodies: Words = ()
    contrast_openers: Words = ()
    adverb_suffixes: Words = ()
    adverb_pair_heads: Words = ()
    possessive_suffixes: Words = ()
    not_name_words: Words = ()
    name_particles: Words = ()
    name_prefixes: Words = ()
    head_titles: Words = ()
    listener_verbs: Words = ()
    inverted_verbs: Words = ()
    patterns: dict[Literal["anonymity_clause", "trailing_anonymity", "count_report", "count_source", "work_source",
                           "same_speaker_between", "statement_report",
                           "work_relative",
                           "count_owner", "speaker_qualifier", "lives_claimed"],
                   str] = {}


# --- responsibility.yaml -----------------------------------------------------------------------

class ResponsibilityFile(PackFile):
    responsibility: dict[Stance, Words] = {}
    attack_words: Words = ()
    patterns: dict[Literal["clause_split", "negation_before"], str] = {}


PACK_FILES: dict[str, type[PackFile]] = {
    "numbers": NumbersFile,
    "dates": DatesFile,
    "sentences": SentencesFile,
    "quantities": QuantitiesFile,
    "events": EventsFile,
    "speakers": SpeakersFile,
    "responsibility": ResponsibilityFile,
}
