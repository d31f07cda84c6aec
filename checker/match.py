"""Entity normalisation: speakers, actors and places to canonical names (alias tables, then guarded fuzzy matching)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from checker.resources import load_lexicon

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCTUATION = re.compile(r"[^\w\s-]")

# Fuzzy matching compares names word by word, in order, with the same number of words:
# every word must be close (Qasem/Qassem, Hezbollah/Hizbullah) and the whole closer still.
# This avoids the known traps: token_set_ratio scores 100 when one name's words are a subset
# of the other's, WRatio scores high on unrelated strings, and two people with different
# given names (John Kirby / John Kerry; Frank / Kenneth McKenzie) must stay apart.
WORD_THRESHOLD = 75.0
NAME_THRESHOLD = {"speaker": 85.0, "actor": 85.0, "place": 85.0}


@lru_cache(maxsize=65536)
def entity_key(text: str) -> str:
    """The form names are compared in: lower case, no leading article, possessive or punctuation."""
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _PUNCTUATION.sub("", text.replace(".", ""))
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Entity:
    """A canonical entity from the alias tables."""

    name: str
    kind: str  # for speakers: named_official, organisation, outlet ...; for places: the level as text
    level: int = 0
    part_of: str | None = None


@dataclass(frozen=True)
class AliasTable:
    by_key: dict[str, Entity]

    def lookup(self, text: str) -> Entity | None:
        return self.by_key.get(entity_key(text))


@cache
def alias_table(entity_type: str) -> AliasTable:
    """The alias table for ``speaker``, ``actor`` or ``place`` from rules/lexicon/entities.yaml."""
    section = {"speaker": "speakers", "actor": "actors", "place": "places"}[entity_type]
    by_key: dict[str, Entity] = {}
    for entry in load_lexicon("entities")[section]:
        entity = Entity(
            name=entry["name"],
            kind=entry.get("kind", entity_type),
            level=int(entry.get("level", 0)),
            part_of=entry.get("part_of") or entry.get("within"),
        )
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_key.setdefault(entity_key(alias), entity)
    return AliasTable(by_key)


def names_match(left: str, right: str, threshold: float) -> bool:
    """Guarded fuzzy equality of two names (already keyed): same word count, every word close."""
    left_words, right_words = left.split(), right.split()
    if len(left_words) != len(right_words) or not left_words:
        return False
    scores = [fuzz.ratio(a, b) for a, b in zip(left_words, right_words)]
    return min(scores) >= WORD_THRESHOLD and fuzz.ratio(left, right) >= threshold


@lru_cache(maxsize=65536)
def normalise(entity_type: str, text: str) -> Entity | None:
    """The canonical entity for ``text``: an exact alias first, then a guarded fuzzy match, else None."""
    table = alias_table(entity_type)
    key = entity_key(text)
    if key in table.by_key:
        return table.by_key[key]
    threshold = NAME_THRESHOLD[entity_type]
    for alias_key, entity in table.by_key.items():
        if names_match(key, alias_key, threshold):
            return entity
    return None
