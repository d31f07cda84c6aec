"""The gazetteer: places, speakers and actors by canonical name, with their aliases and what contains what.

Shared by every language: ``rules/gazetteer/*.yaml``, extended by ``<path>/gazetteer/*.yaml``
for every folder in the ``lexicon-paths`` setting (a user's landmarks, speakers, actors).
An entry whose canonical name is already known adds its aliases to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from checker.lang.loader import DataFileError, DataModel, read_data_file, validate_data
from checker.resources import rules_dir

__all__ = ["EntityEntry", "Gazetteer", "PlaceEntry"]

COUNTRY_LEVEL = 4  # places at this level or above are countries (or larger)


class EntityEntry(DataModel):
    """A speaker or an actor: its canonical name, its kind, its aliases, and what it is part of."""

    name: str = Field(min_length=1)
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    part_of: str | None = None


class PlaceEntry(DataModel):
    """A place: its canonical name, level (smaller is more specific), aliases and the place it lies in."""

    name: str = Field(min_length=1)
    level: int = Field(3, ge=0, le=9)
    aliases: tuple[str, ...] = ()
    within: str | None = None


class GazetteerFile(DataModel):
    places: tuple[PlaceEntry, ...] = ()
    speakers: tuple[EntityEntry, ...] = ()
    actors: tuple[EntityEntry, ...] = ()


@dataclass
class Gazetteer:
    """Every known place, speaker and actor, by canonical name."""

    places: dict[str, PlaceEntry] = field(default_factory=dict)
    speakers: dict[str, EntityEntry] = field(default_factory=dict)
    actors: dict[str, EntityEntry] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    @classmethod
    def load(cls, lexicon_paths: Sequence[Path] = ()) -> Gazetteer:
        """The shipped gazetteer plus the user's folders; a mistake raises DataFileError with file and line."""
        folders = [rules_dir() / "gazetteer", *(Path(p) / "gazetteer" for p in lexicon_paths)]
        gazetteer = cls()
        files = []
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
                part = validate_data(GazetteerFile, read_data_file(path), path)
                gazetteer._add(part)
                files.append(str(path))
        gazetteer.files = tuple(files)
        gazetteer._check_links(files[-1] if files else str(folders[0]))
        return gazetteer

    def _add(self, part: GazetteerFile) -> None:
        for table, entries in ((self.places, part.places), (self.speakers, part.speakers), (self.actors, part.actors)):
            for entry in entries:
                known = table.get(entry.name)
                if known is not None:  # a user's entry extends a shipped one: more aliases, and what it states
                    update = {key: getattr(entry, key) for key in entry.model_fields_set if key != "aliases"}
                    update["aliases"] = known.aliases + tuple(a for a in entry.aliases if a not in known.aliases)
                    entry = known.model_copy(update=update)
                table[entry.name] = entry  # type: ignore[assignment]

    def _check_links(self, where: str) -> None:
        for place in self.places.values():
            if place.within and place.within not in self.places:
                raise DataFileError(where, None, f"place {place.name!r} lies within {place.within!r}, "
                                                 "which the gazetteer does not list")

    def level(self, place: str) -> int:
        """How specific a place is (countries are COUNTRY_LEVEL); an unknown place counts as a country."""
        entry = self.places.get(place)
        return entry.level if entry else COUNTRY_LEVEL

    def within(self, place: str, region: str) -> bool:
        """Whether ``place`` lies inside ``region`` by the ``within`` links."""
        seen = set()
        while place in self.places and place not in seen:
            seen.add(place)
            parent = self.places[place].within
            if parent == region:
                return True
            if parent is None:
                return False
            place = parent
        return False

    def root_actor(self, actor: str) -> str:
        """The actor at the top of the ``part_of`` chain (Iran for an Iran-backed militia)."""
        seen = set()
        while actor in self.actors and self.actors[actor].part_of and actor not in seen:
            seen.add(actor)
            actor = self.actors[actor].part_of or actor
        return actor
