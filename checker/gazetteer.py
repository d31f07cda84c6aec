"""The gazetteer: places, speakers and actors by canonical name, with their aliases and what contains what.

Shared by every language. Places are the world's countries, first-level regions and cities
(``checker.world``, from maintained data packages) plus the landmarks of
``rules/gazetteer/*.yaml`` (a zone, a base, an airport, a town too small for the world
data), each with a level (1 a site, 2 a district or town, 3 a city, 4 a region, 5 a
country) and the place it lies ``within``. Speakers and actors come from the same YAML
files. Every folder of the ``lexicon-paths`` setting may add ``gazetteer/*.yaml``: an entry
whose name is already known adds its aliases (and whatever else it states) to it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import Field

from checker.cache import Cache, code_fingerprint, digest, files_digest
from checker.lang.loader import DataFileError, DataModel, read_data_file, validate_data
from checker.resources import rules_dir
from checker.stored_tables import AVAILABLE as STORED_TABLES
from checker.stored_tables import StoredDatabase, StoredTable, store_tables
from checker.world import name_key, world_key, world_places

__all__ = ["COUNTRY_LEVEL", "EntityEntry", "Gazetteer", "PlaceEntry", "PlaceSpec", "place_key"]

COUNTRY_LEVEL = 5  # places at this level are countries
REGION_LEVEL = 4
CITY_LEVEL = 3
MEMO_SIZE = 100_000  # names looked up remembered at most, per gazetteer
K = TypeVar("K")
V = TypeVar("V")
MAX_NAME_WORDS = 6  # the longest place name looked up in text, in words (also after a prefix: "Al ...")


def place_key(name: str) -> str:
    """The form place names are looked up in: folded to plain letters, lower case, single spaces, no dots."""
    return name_key(name)


class EntityEntry(DataModel):
    """A speaker or an actor: its canonical name, its kind, its aliases, and what it is part of."""

    name: str = Field(min_length=1)
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    part_of: str | None = None


class PlaceSpec(DataModel):
    """A place as a gazetteer file states it: its canonical name, level, aliases and the place it lies in."""

    name: str = Field(min_length=1)
    level: int = Field(2, ge=1, le=5)
    aliases: tuple[str, ...] = ()
    within: str | None = None


class PlaceEntry(NamedTuple):
    """A place: its canonical name, level (smaller is more specific), the place it lies in, its country code
    and population (for world places), the lookup keys of its names, and its aliases as a file wrote them."""

    name: str
    level: int
    within: str | None = None
    country: str | None = None
    population: int = 0
    keys: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def prominence(self) -> float:
        """Countries first, then places by population (a region counts as a city of a million)."""
        if self.level == COUNTRY_LEVEL:
            return 1e10 + self.population
        if self.level == REGION_LEVEL:
            return 1e6
        return float(self.population) if self.level == CITY_LEVEL else 5e5


class GazetteerFile(DataModel):
    places: tuple[PlaceSpec, ...] = ()
    speakers: tuple[EntityEntry, ...] = ()
    actors: tuple[EntityEntry, ...] = ()
    # words that stand before a place name and may be left out ("Al Anbar" is also "Anbar")
    optional_prefixes: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Every known place, speaker and actor, by canonical name, and places by every name they go by."""

    places: dict[str, PlaceEntry] = field(default_factory=dict)
    speakers: dict[str, EntityEntry] = field(default_factory=dict)
    actors: dict[str, EntityEntry] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    optional_prefixes: tuple[str, ...] = ()
    _by_key: dict[str, list[str]] = field(default_factory=dict)
    _prefixes: tuple[str, ...] = ()
    _country: dict[str, str | None] = field(default_factory=dict)
    _first_words: dict[str, int] = field(default_factory=dict)  # first word of a key -> most words of such keys
    _found: dict[str, tuple[PlaceEntry, ...]] = field(default_factory=dict)  # names already looked up
    _starts: dict[str, int] = field(default_factory=dict)  # words already tested by longest_name_from
    _compatible: dict[tuple[str, str], bool] = field(default_factory=dict)  # pairs of places already compared

    @classmethod
    def load(cls, lexicon_paths: Sequence[Path] = (), world: bool = True, cache: Cache | None = None) -> Gazetteer:
        """The world's places (unless ``world`` is False), the shipped YAML and the user's folders; a mistake in
        a YAML file raises DataFileError with its file and line. Kept in ``cache`` (by default the user's cache
        folder) once built, keyed by the files, the world data and checker's own version."""
        cache = cache if cache is not None else Cache.from_environment()
        folders = [rules_dir() / "gazetteer", *(Path(p) / "gazetteer" for p in lexicon_paths)]
        files = [path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.yaml"))]
        key = digest(code_fingerprint(), world_key() if world else None, files_digest(files))
        name = f"gazetteer-{digest([str(folder) for folder in folders], world)}.sqlite"
        stored = cache.read(name, key, "bytes") if STORED_TABLES else None
        if stored is not None:
            with suppress(sqlite3.Error, TypeError, ValueError, KeyError, IndexError):
                return cls._from_stored(stored)
        gazetteer = cls()
        if world:
            rows, index = world_places(cache)
            gazetteer.places = {row[0]: PlaceEntry(*row) for row in rows}
            gazetteer._by_key = index
        for path in files:
            gazetteer._add(validate_data(GazetteerFile, read_data_file(path), path))
        gazetteer.files = tuple(str(path) for path in files)
        gazetteer._check_links(str(files[-1]) if files else str(folders[0]))
        gazetteer._index()
        if cache.enabled and STORED_TABLES:
            with suppress(ValueError):  # a name holding the separator: this gazetteer is not kept
                cache.write(name, key, gazetteer._stored(), "bytes")
        return gazetteer

    def _stored(self) -> bytes:
        """This gazetteer as the database ``_from_stored`` reads: its places, the names under each key and the
        first words of names (the indexes too: building them takes longer than reading them), and the rest
        (prefixes, files, speakers, actors) as one JSON row."""
        rest = {"prefixes": self._prefixes, "optional_prefixes": self.optional_prefixes, "files": self.files,
                "speakers": [entry.model_dump(exclude_unset=True) for entry in self.speakers.values()],
                "actors": [entry.model_dump(exclude_unset=True) for entry in self.actors.values()]}
        return store_tables({
            "places": (len(PlaceEntry._fields), ((*place[:5], _joined(place.keys), _joined(place.aliases))
                                                 for place in self.places.values())),
            "by_key": (2, ((key, _joined(names)) for key, names in self._by_key.items())),
            "first_words": (2, self._first_words.items()),
            "rest": (2, [("rest", json.dumps(rest))]),
        })

    @classmethod
    def _from_stored(cls, data: bytes) -> Gazetteer:
        """The gazetteer ``_stored`` wrote, its tables read row by row as they are asked for; bytes that are not
        such a database raise sqlite3.Error (or TypeError, ValueError, KeyError, IndexError)."""
        database = StoredDatabase(data)
        rest = json.loads(database.rows("SELECT c1 FROM rest WHERE k = 'rest'")[0][0])
        return cls(places=StoredTable(database, "places", _place_row),
                   _by_key=StoredTable(database, "by_key", _names_row),
                   _first_words=StoredTable(database, "first_words", _count_row),
                   _prefixes=tuple(rest["prefixes"]), optional_prefixes=tuple(rest["optional_prefixes"]),
                   files=tuple(rest["files"]),
                   speakers={e["name"]: EntityEntry.model_validate(e) for e in rest["speakers"]},
                   actors={e["name"]: EntityEntry.model_validate(e) for e in rest["actors"]})

    def _add(self, part: GazetteerFile) -> None:
        self.optional_prefixes += tuple(p for p in part.optional_prefixes if p not in self.optional_prefixes)
        for spec in part.places:
            known = self.places.get(spec.name)
            keys = tuple({place_key(name) for name in (spec.name, *spec.aliases)})
            if known is None:
                place = PlaceEntry(spec.name, spec.level, spec.within, keys=keys, aliases=spec.aliases)
            else:  # a user's entry extends a known place: more aliases, and whatever else it states
                stated = {key: getattr(spec, key) for key in spec.model_fields_set if key not in ("aliases", "name")}
                place = known._replace(aliases=known.aliases + tuple(a for a in spec.aliases if a not in known.aliases),
                                       keys=tuple(k for k in keys if k not in known.keys), **stated)
            self.places[spec.name] = place
            for key in place.keys:
                names = self._by_key.setdefault(key, [])
                if spec.name not in names:
                    names.append(spec.name)
        for table, entries in ((self.speakers, part.speakers), (self.actors, part.actors)):
            for entry in entries:
                known_entity = table.get(entry.name)
                if known_entity is not None:
                    update = {key: getattr(entry, key) for key in entry.model_fields_set if key != "aliases"}
                    update["aliases"] = known_entity.aliases + tuple(a for a in entry.aliases
                                                                     if a not in known_entity.aliases)
                    entry = known_entity.model_copy(update=update)
                table[entry.name] = entry

    def _check_links(self, where: str) -> None:
        for place in (p for p in self.places.values() if p.country is None):  # the world's links hold by construction
            if place.within and place.within not in self.places:
                raise DataFileError(where, None, f"place {place.name!r} lies within {place.within!r}, "
                                                 "which the gazetteer does not list")

    def _index(self) -> None:
        self._prefixes = tuple(place_key(p) for p in self.optional_prefixes)
        self._link_cities_to_regions()
        longest: dict[str, int] = dict.fromkeys(self._prefixes, MAX_NAME_WORDS)  # "Al ..." may go on
        for key in self._by_key:
            words = key.split(" ")
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
            if words[0] in self._prefixes and len(words) > 1:  # "Al Anbar" is also looked up as "Anbar"
                longest[words[1]] = max(longest.get(words[1], 0), len(words) - 1)
        self._first_words = longest
        self._found, self._starts, self._compatible = {}, {}, {}

    def _keys_for(self, name: str) -> list[str]:
        """The keys a name may be indexed under: as written, and with or without an optional prefix
        ("Anbar", "al-Anbar" and "Al Anbar" are one name)."""
        key = place_key(name)
        keys = [key]
        for prefix in self._prefixes:
            for joined in (f"{prefix}-", f"{prefix} "):
                if key.startswith(joined):
                    keys += [f"{prefix} {key[len(joined):]}", key[len(joined):]]
            keys.append(f"{prefix} {key}")
        return keys

    def _link_cities_to_regions(self) -> None:
        """A city that shares a name with a region of its country lies in it (Kirkuk in Kirkuk Governorate)."""
        for names in self._by_key.values():
            if len(names) < 2:
                continue
            entries = [self.places[n] for n in names]
            regions = [e for e in entries if e.level == REGION_LEVEL and e.country]
            for city in entries:
                parent = self.places.get(city.within or "")
                in_a_country = parent is None or parent.level == COUNTRY_LEVEL
                if city.level != CITY_LEVEL or not city.country or not in_a_country:
                    continue
                region = next((r for r in regions if r.country == city.country), None)
                if region is not None:
                    self.places[city.name] = city._replace(within=region.name)

    # --- looking places up -------------------------------------------------------------------------
    def longest_name_from(self, word: str) -> int:
        """The most words a place name beginning with ``word`` may have; 0 when no name begins with it (a cheap
        test before looking runs of words up)."""
        known = self._starts.get(word)
        return _remember(self._starts, word, self._longest_name_from) if known is None else known

    def _longest_name_from(self, word: str) -> int:
        key = place_key(word).removesuffix("'s").rstrip("'")  # "Iraq's"
        longest = self._first_words.get(key, 0)
        head, dash, rest = key.partition("-")
        if dash and head in self._prefixes:  # "al-Anbar"
            longest = max(longest, self._first_words.get(rest, 0))
        return longest

    def candidates(self, name: str) -> tuple[PlaceEntry, ...]:
        """Every place that goes by ``name``: the places whose own name it is first, then the most prominent."""
        found = self._found.get(name)
        return _remember(self._found, name, self._look_up) if found is None else found

    def _look_up(self, name: str) -> tuple[PlaceEntry, ...]:
        keys = self._keys_for(name)
        names = dict.fromkeys(n for key in keys for n in self._by_key.get(key, ()))
        found = [self.places[n] for n in names]
        return tuple(sorted(found, key=lambda p: (place_key(p.name) != keys[0], -p.prominence)))

    def governs(self, name: str) -> bool:
        """Whether ``name`` is the own name of a place with a government of its own: a country or a region ("Haiti",
        "Puerto Rico", "Odisha"; not the town of Police)."""
        found = self.candidates(name)
        return bool(found) and found[0].level >= REGION_LEVEL and place_key(found[0].name) == place_key(name)

    def level(self, place: str) -> int:
        """How specific a place is (countries are COUNTRY_LEVEL); an unknown place counts as a country."""
        try:
            return self.places[place].level  # a lookup, not .get: as quick in a StoredTable as in a dict
        except KeyError:
            return COUNTRY_LEVEL

    def chain(self, place: str) -> list[str]:
        """The place and every place it lies within, innermost first."""
        names, seen = [], set()
        while place not in seen:
            try:
                entry = self.places[place]
            except KeyError:
                break
            seen.add(place)
            names.append(place)
            place = entry.within or ""
        return names

    def within(self, place: str, region: str) -> bool:
        """Whether ``place`` lies inside ``region`` by the ``within`` links."""
        return region in self.chain(place)[1:]

    def country_of(self, place: str | None) -> str | None:
        """The country a place lies in (its name), or None when the gazetteer cannot tell."""
        if place is None:
            return None
        if place not in self._country:
            chain = self.chain(place)
            self._country[place] = next((p for p in chain if self.places[p].level == COUNTRY_LEVEL), None)
        return self._country[place]

    def compatible(self, first: str | None, second: str | None) -> bool:
        """Whether two places can be where one event happened: the same, one inside the other, or a city and a
        region of the same country whose link the gazetteer does not know. An unknown place fits any."""
        if first is None or second is None or first == second:
            return True
        known = self._compatible.get((first, second))  # clustering asks for every candidate event
        return _remember(self._compatible, (first, second), self._compatible_places) if known is None else known

    def _compatible_places(self, pair: tuple[str, str]) -> bool:
        first, second = pair
        if self.within(first, second) or self.within(second, first):
            return True
        first_country, second_country = self.country_of(first), self.country_of(second)
        if first_country is None or second_country is None or first_country != second_country:
            return False
        finer, broader = sorted((self.level(first), self.level(second)))
        return broader == REGION_LEVEL and finer < REGION_LEVEL and not self._both_placed(first, second)

    def region_of(self, place: str | None) -> str | None:
        """The region (a province, a state) a place lies in or is, or None when the gazetteer cannot tell."""
        if place is None:
            return None
        return next((p for p in self.chain(place) if self.level(p) == REGION_LEVEL), None)

    def _both_placed(self, first: str, second: str) -> bool:
        """Whether each of two places is known to lie in a region (so a missing link means they are apart)."""
        return all(any(self.level(p) == REGION_LEVEL for p in self.chain(place)) for place in (first, second))

    def root_actor(self, actor: str) -> str:
        """The actor at the top of the ``part_of`` chain (Iran for an Iran-backed militia)."""
        seen = set()
        while actor in self.actors and self.actors[actor].part_of and actor not in seen:
            seen.add(actor)
            actor = self.actors[actor].part_of or actor
        return actor

    def aliases_of(self, names: Iterable[str]) -> list[str]:
        return [alias for name in names if name in self.places for alias in self.places[name].aliases]


def _remember(memo: dict[K, V], key: K, work_out: Callable[[K], V]) -> V:
    """``work_out(key)``, kept in ``memo`` (emptied when it holds MEMO_SIZE answers, so it stays bounded)."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = answer = work_out(key)
    return answer


_SEPARATOR = "\x1f"  # before each name of a list, in the stored gazetteer (quicker than JSON, to write and read)


def _joined(names: Sequence[str]) -> str:
    """The names as one text, each after the separator; ValueError when a name holds the separator itself."""
    text = _SEPARATOR + _SEPARATOR.join(names) if names else ""
    if text.count(_SEPARATOR) != len(names):
        raise ValueError("a name holds the separator")
    return text


def _split(text: str) -> list[str]:
    return text.split(_SEPARATOR)[1:]


def _place_row(row: tuple) -> PlaceEntry:
    name, level, within, country, population, keys, aliases = row
    return PlaceEntry(name, level, within, country, population, tuple(_split(keys)), tuple(_split(aliases)))


def _names_row(row: tuple) -> list[str]:
    return _split(row[1])


def _count_row(row: tuple) -> int:
    return row[1]
