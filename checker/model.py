"""The records that flow through a run: articles, skipped inputs, claims, events and findings.

Each record type has a pandera model of the same name in ``checker.schemas``; the
dataclasses are what the pipeline passes around, the frames are what gets validated
and exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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


@dataclass(slots=True)
class Article(_Record):
    """One article as read from disk or a manifest, with normalised text."""

    article_id: str
    source_path: str
    text: str
    sha256: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False
    lang: str = "en"
    format: str = "text"
    line_offset: int = 0  # lines of the source file before ``text`` starts (front matter, date marker)


@dataclass(slots=True)
class SkippedInput(_Record):
    """An input that could not be read, and why. Every skipped input is listed in the report."""

    path: str
    reason: str
    line: int | None = None


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def at_or_above(findings: list[Finding], level: str) -> list[Finding]:
    """The findings at ``level`` or more severe."""
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]]


@dataclass(slots=True)
class Finding(_Record):
    """One problem found by a rule, pointing at the claims and articles behind it."""

    finding_id: str
    code: str
    rule: str
    severity: str
    message: str
    event_id: str | None = None
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    path: str | None = None
    line: int | None = None
    column: int | None = None
    spans: list[dict] = field(default_factory=list)  # the evidence: article, path, offsets, line, column, words


@dataclass(slots=True)
class Claim(_Record):
    """One assertion found in an article: a count (value as an interval) or a responsibility claim."""

    claim_id: str
    article_id: str
    kind: str  # count | responsibility | attribution (an anonymous source, with or without a figure)
    value_low: float | None = None
    value_high: float | None = None
    value_text: str | None = None  # the phrase as written, quantifier included ("at least 25")
    approximate: bool = False
    value_kind: str | None = None  # exact | lower | upper | range | approximate | vague
    partial: bool = False  # a part of a larger count ("two others hit houses"), never compared as a total
    subject: str | None = None
    predicate: str | None = None
    population: str | None = None
    event_type: str | None = None
    place: str | None = None
    event_date_low: date | None = None
    event_date_high: date | None = None
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_text: str | None = None
    attribution: list[str] = field(default_factory=list)
    actor: str | None = None
    stance: str | None = None
    in_quote: bool = False
    sentence: str = ""
    start: int = 0  # offsets of the number (or of the responsibility cue) in the article text
    end: int = 0
    surface: str = ""  # text[start:end]
    line: int = 1
    column: int = 1
    in_headline: bool = False
    event_id: str | None = None  # set by event clustering


@dataclass(slots=True)
class Event(_Record):
    """One real-world event (an attack on a place on a date) that claims from many articles are about."""

    event_id: str
    event_type: str | None
    place: str | None
    date_low: date | None
    date_high: date | None
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """"the rocket attack on the Green Zone, 2020-12-20" (parts that are unknown are left out)."""
        words = f"the {self.event_type}" if self.event_type else "the event"
        if self.place:
            words += f" on the {self.place}" if self.place in _ZONE_LIKE else f" in {self.place}"
        if self.date_low and self.date_high:
            words += f", {self.date_low}" if self.date_low == self.date_high else f", {self.date_low}..{self.date_high}"
        return words


_ZONE_LIKE = {"Green Zone"}


@dataclass(slots=True)
class SourceScore(_Record):
    """How far a source (an outlet, or a speaker) can be trusted, with the evidence and the reasons."""

    source: str
    level: str  # outlet | speaker
    score: float | None  # None: not enough evidence for a number
    score_low: float  # the plausible range of the score (a Wilson interval on the agreement)
    score_high: float
    n_claims: int
    n_compared: int  # figures that could be compared with independent sources
    agreement: float | None  # share of compared figures that agreed with the weighted consensus
    anonymous_share: float  # outlets: share of their figures with no named source
    findings: int  # internal contradictions and headline overstatements in the source's articles
    copies_of: list[str] = field(default_factory=list)  # sources this one copied passages from
    prior: float | None = None  # a user-supplied rating, shown apart and blended in
    reasons: str = ""
