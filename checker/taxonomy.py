"""The taxonomy: event types and quantities by their canonical names, whatever the language.

``rules/taxonomy/*.yaml``, extended by ``<path>/taxonomy/*.yaml`` for every folder in the
``lexicon-paths`` setting. Language packs map words onto these names; checks and reports
read the names (and how a quantity reads in a message) from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from checker.lang.loader import DataFileError, DataModel, merge_data, read_data_file, validate_data
from checker.resources import rules_dir

__all__ = ["Taxonomy"]


class EventTypeSpec(DataModel):
    parent: str | None = None
    compatible: tuple[str, ...] = ()
    wide: bool = False  # it strikes a whole region at once (a quake, a storm): towns of one region are one event's


class SubjectSpec(DataModel):
    parent: str | None = None
    default_state: str | None = None


class StateRelation(DataModel):
    part: str
    whole: str


class TaxonomyFile(DataModel):
    replace: tuple[str, ...] = ()
    types: dict[str, EventTypeSpec] = {}
    from_subject: dict[str, str] = {}
    subjects: dict[str, SubjectSpec] = {}
    states: dict[str, tuple[str, ...]] = {}
    relations: tuple[StateRelation, ...] = ()
    zero_relations: tuple[StateRelation, ...] = ()
    tallies: dict[str, Literal["cumulative", "changing", "diminishing"]] = {}
    running_measures: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    weapon_subjects: tuple[str, ...] = ()
    weapon_predicate_map: dict[str, str] = {}
    person_predicate_map: dict[str, str] = {}
    plurals: dict[str, str] = {}
    predicate_phrases: dict[str, str] = {}


@dataclass(frozen=True)
class Taxonomy:
    """Event types and quantities: which states fit which things, what a weapon count says, message words."""

    event_types: dict[str, EventTypeSpec] = field(default_factory=dict)
    event_type_from_subject: dict[str, str] = field(default_factory=dict)
    subjects: dict[str, SubjectSpec] = field(default_factory=dict)
    states: dict[str, frozenset[str]] = field(default_factory=dict)  # state -> the things it can be said of
    relations: tuple[StateRelation, ...] = ()
    zero_relations: tuple[StateRelation, ...] = ()  # a zero whole is a zero part ("no casualties": none killed)
    tallies: dict[str, str] = field(default_factory=dict)  # state -> cumulative | changing
    running_measures: frozenset[str] = frozenset()  # dimensions an event's later articles keep giving ("flow rate")
    dimensions: frozenset[str] = frozenset()  # states of a thing's size ("12 storeys tall"), not of what happened
    weapon_subjects: frozenset[str] = frozenset()
    weapon_predicate_map: dict[str, str] = field(default_factory=dict)
    person_predicate_map: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, str] = field(default_factory=dict)
    predicate_phrases: dict[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    @classmethod
    def load(cls, lexicon_paths: Sequence[Path] = ()) -> Taxonomy:
        """The shipped taxonomy plus the user's folders; a mistake raises DataFileError with file and line."""
        folders = [rules_dir() / "taxonomy", *(Path(p) / "taxonomy" for p in lexicon_paths)]
        merged: dict[str, Any] = {}
        files = []
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
                part = read_data_file(path)
                validate_data(TaxonomyFile, part, path)
                merged = merge_data(merged, part)
                files.append(str(path))
        where = files[-1] if files else str(folders[0])
        data = validate_data(TaxonomyFile, merged, where)
        for name, spec in data.types.items():
            for other in (spec.parent, *spec.compatible):
                if other is not None and other not in data.types:
                    raise DataFileError(where, None, f"event type {name!r} names {other!r}, which is not an event type")
        for name, subject in data.subjects.items():
            if subject.parent is not None and subject.parent not in data.subjects:
                raise DataFileError(where, None,
                                    f"subject {name!r} is a kind of {subject.parent!r}, which is not a subject")
        for relation in (*data.relations, *data.zero_relations):
            for state in (relation.part, relation.whole):
                if state not in data.states:
                    raise DataFileError(where, None, f"relation names {state!r}, which is not a state")
        for state in data.dimensions:
            if state not in data.states:
                raise DataFileError(where, None, f"dimensions name {state!r}, which is not a state")
        return cls(
            event_types=dict(data.types),
            event_type_from_subject=dict(data.from_subject),
            subjects=dict(data.subjects),
            states={state: frozenset(things) for state, things in data.states.items()},
            relations=tuple(data.relations),
            zero_relations=tuple(data.zero_relations),
            tallies=dict(data.tallies),
            running_measures=frozenset(data.running_measures),
            dimensions=frozenset(data.dimensions),
            weapon_subjects=frozenset(data.weapon_subjects),
            weapon_predicate_map=dict(data.weapon_predicate_map),
            person_predicate_map=dict(data.person_predicate_map),
            plurals=dict(data.plurals),
            predicate_phrases=dict(data.predicate_phrases),
            files=tuple(files),
        )

    def type_line(self, event_type: str) -> list[str]:
        """The type and its broader types, narrowest first."""
        return _line(event_type, self.event_types)

    def spans_region(self, event_type: str | None) -> bool:
        """Whether an event of this type strikes a whole region at once, so that reports from two towns of one
        region on the same days are of one event (a quake felt in two counties, one storm's floods)."""
        return event_type is not None and any(self.event_types[t].wide for t in self.type_line(event_type)
                                               if t in self.event_types)

    def compatible_types(self, first: str | None, second: str | None) -> bool:
        """Whether one event can be reported as both types: the same, one broader than the other, or listed as
        compatible; an unknown type fits any."""
        if first is None or second is None or first == second:
            return True
        known = self._compatible_pairs.get((first, second))
        if known is None:  # worked out once per pair of types: clustering asks for every candidate event
            known = self._compatible_pairs[(first, second)] = (
                first in self.type_line(second) or second in self.type_line(first)
                or self._listed_compatible(first, second) or self._listed_compatible(second, first))
        return known

    @cached_property
    def _compatible_pairs(self) -> dict[tuple[str, str], bool]:
        return {}

    def _listed_compatible(self, first: str, second: str) -> bool:
        """Whether ``first`` is listed compatible with ``second`` or with a narrower type of it (an explosion may
        be a bombing, so it may be the attack a bombing is)."""
        spec = self.event_types.get(first)
        return spec is not None and any(second in self.type_line(other) for other in spec.compatible)

    def broadest_common(self, first: str | None, second: str | None) -> str | None:
        """The narrower of two compatible types (the more informative name for the event)."""
        if first is None:
            return second
        if second is None:
            return first
        return first if second in self.type_line(first) else second if first in self.type_line(second) else first

    @cached_property
    def state_parts(self) -> frozenset[tuple[str, str]]:
        """(part, whole) pairs of states: what is said of a part of what the whole counts (landed, fired)."""
        return frozenset((relation.part, relation.whole) for relation in self.relations)

    @cached_property
    def zero_state_parts(self) -> frozenset[tuple[str, str]]:
        """(part, whole) pairs of states where only a whole of zero says something of the part: none of the
        casualties means none killed, whatever "casualties" counts."""
        return frozenset((relation.part, relation.whole) for relation in self.zero_relations)

    def subject_line(self, subject: str | None) -> list[str]:
        """The subject and the broader things it is a kind of, narrowest first (marine, troop, person)."""
        return _line(subject, self.subjects)

    def state_fits(self, state: str | None, subject: str | None) -> bool:
        """Whether a state can be said of a thing (or of something broader it is a kind of). Unknown fits."""
        if state is None or subject is None or state not in self.states:
            return True
        return bool(self.states[state] & set(self.subject_line(subject)))

    def default_state(self, subject: str | None) -> str | None:
        for name in self.subject_line(subject):
            spec = self.subjects.get(name)
            if spec and spec.default_state:
                return spec.default_state
        return None


def _line(name: str | None, specs: Mapping[str, EventTypeSpec | SubjectSpec]) -> list[str]:
    """A name and the broader ones above it by their ``parent`` links, narrowest first (a loop stops the walk)."""
    line: list[str] = []
    while name and name not in line:
        line.append(name)
        spec = specs.get(name)
        name = spec.parent if spec and spec.parent else ""
    return line
