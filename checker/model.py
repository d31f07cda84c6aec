"""The records that flow through a run: articles, skipped inputs, claims, events, findings and source scores.

Each dataclass is the one description of its table. A field's type gives the column's type
and whether it may be null (``X | None``); ``Annotated[X, Column(...)]`` adds what the values
must satisfy (unique, one of a set, bounds, a pattern). From that description follow the
pandera schema that validates the table (``checker.schemas``), the ledger's DuckDB columns
(``checker.ledger``) and the analysts' DataFrames (``checker.frames``); ``table_columns``
reads it. Adding a field to a record is a one-place change.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Annotated, Literal, TypedDict

ColumnKind = Literal["str", "int", "float", "bool", "date", "str_list", "records"]
"""What a column holds: a scalar of a Python type, a list of strings, or a list of records (JSON in the ledger)."""


@dataclass(frozen=True)
class Column:
    """What a column's values must satisfy besides their type (checked by pandera, row by row).

    Attributes:
        unique: no two rows share a value.
        isin: the values allowed.
        ge: lower bound (inclusive).
        le: upper bound (inclusive).
        matches: a regular expression every value matches (from its start).
        min_length: the shortest string allowed.
    """

    unique: bool = False
    isin: tuple[str, ...] | None = None
    ge: float | None = None
    le: float | None = None
    matches: str | None = None
    min_length: int | None = None


@dataclass(frozen=True)
class TableColumn:
    """One column of a table, as read from its record's field: name, kind, nullability, constraints."""

    name: str
    kind: ColumnKind
    nullable: bool
    rules: Column
    record: type | None = None  # for ``records`` columns: the TypedDict of one item (its keys and types)


_SCALARS: dict[object, ColumnKind] = {str: "str", int: "int", float: "float", bool: "bool", date: "date"}


@cache
def table_columns(record: type) -> tuple[TableColumn, ...]:
    """The columns of a record type's table, in field order, read from its annotations."""
    hints = typing.get_type_hints(record, include_extras=True)
    return tuple(_column(f.name, hints[f.name]) for f in fields(record))


def _column(name: str, hint: object) -> TableColumn:
    rules = Column()
    if typing.get_origin(hint) is Annotated:
        hint, *extras = typing.get_args(hint)
        rules = next((extra for extra in extras if isinstance(extra, Column)), rules)
    nullable = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        if len(members) != 1:
            raise TypeError(f"column {name}: a union other than X | None has no column type")
        hint = members[0]
    if hint in _SCALARS:
        return TableColumn(name, _SCALARS[hint], nullable, rules)
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        if item is str:
            return TableColumn(name, "str_list", nullable, rules)
        if typing.is_typeddict(item):
            return TableColumn(name, "records", nullable, rules, item)
    raise TypeError(f"column {name}: no column type for {hint!r}")


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return None  # JSON has no infinity: an open bound is null
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: dates as ISO strings, open (infinite) bounds as null.

        Shallow: lists are new lists, but the dicts inside them (a finding's spans) are the record's
        own, not deep copies as ``dataclasses.asdict`` makes (a report of many records copied them all).
        """
        return {name: _plain(getattr(self, name)) for name in self.__dataclass_fields__}  # type: ignore[attr-defined]


CLAIM_KINDS = ("count", "responsibility", "attribution")
VALUE_KINDS = ("exact", "lower", "upper", "range", "approximate", "vague")
SPEAKER_KINDS = ("named_official", "organisation", "anonymous", "outlet", "document")
STANCES = ("asserts", "denies", "hedges", "declines")
SOURCE_LEVELS = ("outlet", "speaker")
SHA256 = r"^[0-9a-f]{64}$"
RULE_CODE = r"^[A-Z]{2}\d{3}$"

Unique = Column(unique=True)
NonNegative = Column(ge=0)
Share = Column(ge=0, le=1)  # a proportion or a score in [0, 1]


class Span(TypedDict):
    """A piece of a finding's evidence: where it is (article, file, offsets, line, column) and its words."""

    article_id: str
    path: str
    start: int
    end: int
    line: int
    column: int
    text: str


@dataclass(slots=True)
class Article(_Record):
    """One article as read from disk or a manifest, with normalised text."""

    article_id: Annotated[str, Column(unique=True, min_length=1)]
    source_path: str
    text: Annotated[str, Column(min_length=1)]
    sha256: Annotated[str, Column(matches=SHA256)]
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False
    lang: str = "en"
    format: str = "text"
    line_offset: Annotated[int, NonNegative] = 0  # source lines before ``text`` starts (front matter, date marker)


@dataclass(slots=True)
class SkippedInput(_Record):
    """An input that could not be read, and why. Every skipped input is listed in the report."""

    path: str
    reason: str
    line: Annotated[int | None, Column(ge=1)] = None


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# An article read from a row of a manifest has the source path "wire.jsonl:3" (the manifest and its line).
_MANIFEST_ROW = re.compile(r"^(?P<path>.+\.(?:jsonl|json|csv)):(?P<row>[1-9]\d*)$", re.IGNORECASE)


def file_and_row(source_path: str) -> tuple[str, int | None]:
    """The file an article was read from, and the manifest row when it is a row of a manifest."""
    match = _MANIFEST_ROW.match(source_path)
    return (match["path"], int(match["row"])) if match else (source_path, None)


def at_or_above(findings: list[Finding], level: str) -> list[Finding]:
    """The findings at ``level`` or more severe."""
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]]


@dataclass(slots=True)
class Finding(_Record):
    """One problem found by a rule, pointing at the claims and articles behind it."""

    finding_id: Annotated[str, Unique]
    code: Annotated[str, Column(matches=RULE_CODE)]
    rule: str
    severity: Annotated[str, Column(isin=tuple(SEVERITY_RANK))]
    message: str
    event_id: str | None = None
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    path: str | None = None
    line: Annotated[int | None, Column(ge=1)] = None
    column: Annotated[int | None, Column(ge=1)] = None
    spans: list[Span] = field(default_factory=list)  # the evidence: article, path, offsets, line, column, words
    dispute_id: str | None = None  # the dispute a figure conflict belongs to (one quantity of one event)


class Position(TypedDict):
    """One figure given for a disputed quantity: who stated it, which articles and outlets carried it, and when."""

    value_low: float
    value_high: float | None  # None: open above ("at least 25")
    value_text: str  # as a report writes it: 8, at least 25, about 30
    speakers: list[str]  # the bodies that stated it
    claim_ids: list[str]
    article_ids: list[str]
    outlets: list[str]
    independent: int  # the outlets that carried it, copies of one wire story counted once
    first_stated: str | None  # ISO dates
    last_stated: str | None
    conflicts_with: list[int]  # the positions (indexes in the dispute's list) that contradict it at one time
    estimate: bool  # a source gave the figure as an estimate ("the study estimated"), not as a count


def carried_by(position: Position) -> str:
    """"3 outlets, 2 independent": how many outlets carried a figure (copies of one wire story count once)."""
    outlets, independent = len(position["outlets"]), position["independent"]
    said = f"{outlets} outlet{'' if outlets == 1 else 's'}"
    return said + (f", {independent} independent" if independent < outlets else "")


class TimelineStep(TypedDict):
    """One figure in one body's timeline of a quantity; a step after the first revises the one before it."""

    speaker: str
    value_text: str
    stated: str | None
    claim_ids: list[str]
    revises: str | None  # the figure it replaced, if it differs from the body's figure before it


@dataclass(slots=True)
class Dispute(_Record):
    """One quantity of one event whose figures cannot all be right at one time, with every position given for it.

    The id is derived from the event and the quantity, so it survives a rerun (and a desk's suppressions and
    confirmations with it)."""

    dispute_id: Annotated[str, Unique]
    event_id: str
    quantity: str  # in words: "rockets fired", "people killed"
    subject: str | None
    predicate: str | None
    population: str | None
    running: bool  # a count that changes as days pass: positions compared as they stood at one time
    between_sources: bool  # different bodies contradict each other (else: one article contradicts itself)
    positions: list[Position] = field(default_factory=list)
    timeline: list[TimelineStep] = field(default_factory=list)  # the bodies that changed their figure
    unreconciled: list[str] = field(default_factory=list)  # articles that give one speaker's differing figures
    spread: Annotated[float, NonNegative] = 0.0  # the highest conflicting figure over the lowest, less one
    estimate_against_count: bool = False  # its figures conflict only as estimates against counts (a study's excess
    # deaths against an official toll), a dispute of its own kind
    severity: Annotated[str, Column(isin=tuple(SEVERITY_RANK))] = "error"


@dataclass(slots=True)
class Claim(_Record):
    """One assertion found in an article: a count (value as an interval) or a responsibility claim."""

    claim_id: Annotated[str, Unique]
    article_id: str
    kind: Annotated[str, Column(isin=CLAIM_KINDS)]  # count | responsibility | attribution (an anonymous source)
    value_low: Annotated[float | None, NonNegative] = None
    value_high: Annotated[float | None, NonNegative] = None
    value_text: str | None = None  # the phrase as written, quantifier included ("at least 25")
    approximate: bool = False
    value_kind: Annotated[str | None, Column(isin=VALUE_KINDS)] = None  # exact, lower, upper, range, approximate, vague
    partial: bool = False  # a part of a larger count ("two others hit houses"), never compared as a total
    subject: str | None = None
    predicate: str | None = None
    population: str | None = None
    event_type: str | None = None
    place: str | None = None
    event_date_low: date | None = None
    event_date_high: date | None = None
    speaker: str | None = None
    speaker_kind: Annotated[str | None, Column(isin=SPEAKER_KINDS)] = None
    speaker_text: str | None = None
    attribution: list[str] = field(default_factory=list)
    actor: str | None = None
    stance: Annotated[str | None, Column(isin=STANCES)] = None
    in_quote: bool = False
    sentence: str = ""
    start: Annotated[int, NonNegative] = 0  # offsets of the number (or of the responsibility cue) in the article text
    end: Annotated[int, NonNegative] = 0
    surface: str = ""  # text[start:end]
    line: Annotated[int, Column(ge=1)] = 1
    column: Annotated[int, Column(ge=1)] = 1
    in_headline: bool = False
    sentence_index: int = 0  # the sentence of the article it stands in (counted from 0)
    paragraph: int = 0  # the paragraph of that sentence (counted from 0)
    revision_cue: bool = False  # its clause says a figure was revised ("rose to", "updated")
    moment_cue: bool = False  # its clause names the phase of the event it stood at ("at the beginning of the spill")
    estimate: bool = False  # its clause gives it as an estimate ("the study estimated", "excess deaths", "feared dead")
    superseded: bool = False  # the text says this figure was replaced by another ("rose to 934 from 863")
    scope: str | None = None  # a named district its sentence places the figure in ("in Travis County")
    other_event: bool = False  # its sentence is about another event than the article's ("another accident left ...")
    stated_on: date | None = None  # the day its source gave it, when its sentence says ("the ministry said on Friday")
    unit: str | None = None  # a measure's dimension's unit ("barrels a day"), the unit of measure_low and measure_high
    measure_low: Annotated[float | None, NonNegative] = None  # a measure in its dimension's unit (the value_* are
    measure_high: Annotated[float | None, NonNegative] = None  # as written: "155" of "155 mph")
    event_id: str | None = None  # set by event resolution

    def compared(self) -> tuple[float, float] | None:
        """The figure as it is compared with others: a measure in its dimension's unit, a count as it is."""
        if self.unit is not None and self.measure_low is not None and self.measure_high is not None:
            return self.measure_low, self.measure_high
        if self.value_low is None or self.value_high is None:
            return None
        return self.value_low, self.value_high

    def written_numbers(self) -> tuple[float | tuple[float, float], ...]:
        """What the text may have written for the figure, its quantifier left out: 79 of "79" and "at least 79";
        80 of "up to 80" and "about 80" (an approximate figure's middle: "nearly 80" is none of these); a range as
        both its ends. None for a vague figure ("dozens")."""
        low, high = self.value_low, self.value_high
        if self.value_kind in ("exact", "lower") and low is not None:
            return (low,)
        if self.value_kind == "upper" and high is not None:
            return (high,)
        if self.value_kind == "approximate" and low is not None and high is not None:
            return (round((low + high) / 2),)
        if self.value_kind == "range" and low is not None and high is not None:
            return ((low, high),)
        return ()


@dataclass(slots=True)
class EventMention(_Record):
    """A word or phrase that says which event a passage is about: an event word (``type``), a ``place``, a
    ``date``, or a ``later`` marker ("a week later"). Extraction finds them; event resolution reads them."""

    article_id: str
    kind: str  # type | place | date | later | revision (a count revised) | clause (where a clause of a sentence
    # with dates begins)
    start: int  # offsets in the article text
    end: int
    text: str
    sentence: int  # index of the sentence in the article
    paragraph: int
    value: str | None = None  # the canonical event type or place
    level: int | None = None  # a place's level (smaller is more specific)
    role: str = ""  # a place: "" where it happened, "landmark" (north of ...), "owner" (Iraq's army), "dateline",
    # "venue" (speaking in Miami: where someone spoke);
    # a date: "", "boundary" (since 2010, until January) or "reported" (the ministry said Monday);
    # an event word: "" or "other" (another event's: "a separate blast", "By comparison, the 2005 storm ...")
    date_low: date | None = None
    date_high: date | None = None
    explicit: bool = False  # a date that states its year
    relative: bool = False  # a date resolved against the publication date
    weekday: int | None = None  # the weekday stated with an explicit day (0 = Monday)


@dataclass(slots=True)
class Event(_Record):
    """One real-world event (an attack on a place on a date) that claims from many articles are about."""

    event_id: Annotated[str, Unique]
    event_type: str | None
    place: str | None
    date_low: date | None
    date_high: date | None
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    place_within: list[str] = field(default_factory=list)  # the places the place lies in, innermost first

    def describe(self) -> str:
        """"the rocket attack on the Green Zone, 2020-12-20" (parts that are unknown are left out)."""
        words = f"the {self.event_type}" if self.event_type else "the event"
        if self.place:
            words += f" {place_phrase(self.place, on=True)}"
        if self.date_low and self.date_high:
            words += f", {self.date_low}" if self.date_low == self.date_high else f", {self.date_low}..{self.date_high}"
        return words


# How a report names where something happened, in English: "at" a site, "the" before a zone or a strait.
_DEFINITE_LAST_WORDS = frozenset({"Zone", "Strait", "Gulf", "Sea", "Canal", "River", "Channel", "Bay", "Valley",
                                  "Desert", "Peninsula", "Islands", "Mountains", "Ocean", "Corridor", "Strip"})
_DEFINITE_FIRST_WORDS = frozenset({"Strait", "Gulf", "Sea", "Bay", "Isle", "Republic", "Kingdom"})
_SITE_LAST_WORDS = frozenset({"Airport", "Base", "Airbase", "Gate", "Camp", "Station", "Square", "Tower", "Towers",
                              "Bridge", "Stadium", "Hospital", "Embassy", "Port", "Compound", "Building", "Market",
                              "Mosque", "Church", "Temple", "Hotel", "Mall", "School", "University", "Palace",
                              "Plant", "Refinery", "Field", "Bazar", "Bazaar", "Barracks", "Prison", "Zone"})


def place_phrase(place: str, on: bool = False) -> str:
    """"at the Green Zone", "at Abbey Gate", "in the Strait of Hormuz", "in Baghdad" (``on``: "on the Green Zone",
    as an attack is on a place)."""
    words = place.split()
    definite = words[-1] in _DEFINITE_LAST_WORDS or words[0] in _DEFINITE_FIRST_WORDS
    name = f"the {place}" if definite and words[0].lower() != "the" else place
    if words[-1] in _SITE_LAST_WORDS:
        return f"{'on' if on and definite else 'at'} {name}"
    return f"in {name}"


@dataclass(slots=True)
class SourceScore(_Record):
    """How far a source (an outlet, or a speaker) can be trusted, with the evidence and the reasons."""

    source: Annotated[str, Column(min_length=1)]
    level: Annotated[str, Column(isin=SOURCE_LEVELS)]
    score: Annotated[float | None, Share]  # None: not enough evidence for a number
    score_low: Annotated[float, Share]  # the plausible range of the score (a Wilson interval on the agreement)
    score_high: Annotated[float, Share]
    n_claims: Annotated[int, NonNegative]
    n_compared: Annotated[int, NonNegative]  # figures that could be compared with independent sources
    agreement: Annotated[float | None, Share]  # share of compared figures that agreed with the weighted consensus
    anonymous_share: Annotated[float, Share]  # outlets: share of their figures with no named source
    findings: Annotated[int, NonNegative]  # internal contradictions and headline overstatements in its articles
    copies_of: list[str] = field(default_factory=list)  # sources this one copied passages from
    prior: Annotated[float | None, Share] = None  # a user-supplied rating, shown apart and blended in
    reasons: str = ""
