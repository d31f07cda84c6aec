"""The taxonomy: event types and quantities by their canonical names, whatever the language.

``rules/taxonomy/*.yaml``, extended by ``<path>/taxonomy/*.yaml`` for every folder in the
``lexicon-paths`` setting. Language packs map words onto these names; checks and reports
read the names (and how a quantity reads in a message) from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.lang.loader import DataModel, merge_data, read_data_file, validate_data
from checker.resources import rules_dir

__all__ = ["Taxonomy"]


class TaxonomyFile(DataModel):
    replace: tuple[str, ...] = ()
    from_subject: dict[str, str] = {}
    predicate_subjects: dict[str, tuple[str, ...]] = {}
    weapon_subjects: tuple[str, ...] = ()
    weapon_predicate_map: dict[str, str] = {}
    plurals: dict[str, str] = {}
    predicate_phrases: dict[str, str] = {}


@dataclass(frozen=True)
class Taxonomy:
    """Event types and quantities: which states fit which things, what a weapon count says, message words."""

    event_type_from_subject: dict[str, str] = field(default_factory=dict)
    predicate_subjects: dict[str, frozenset[str]] = field(default_factory=dict)
    weapon_subjects: frozenset[str] = frozenset()
    weapon_predicate_map: dict[str, str] = field(default_factory=dict)
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
                data = read_data_file(path)
                validate_data(TaxonomyFile, data, path)
                merged = merge_data(merged, data)
                files.append(str(path))
        data = validate_data(TaxonomyFile, merged, files[-1] if files else str(folders[0]))
        return cls(
            event_type_from_subject=dict(data.from_subject),
            predicate_subjects={k: frozenset(v) for k, v in data.predicate_subjects.items()},
            weapon_subjects=frozenset(data.weapon_subjects),
            weapon_predicate_map=dict(data.weapon_predicate_map),
            plurals=dict(data.plurals),
            predicate_phrases=dict(data.predicate_phrases),
            files=tuple(files),
        )
