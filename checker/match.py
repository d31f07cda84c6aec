"""Entity normalisation: speakers and actors to canonical names (alias tables, then guarded fuzzy matching).

Places are looked up in the gazetteer itself (``Gazetteer.candidates``), by every name they go by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from checker.gazetteer import Gazetteer
from checker.lang.patterns import phrase_pattern
from checker.world import without_marks

__all__ = ["AliasTable", "BodyWords", "bodies_named_elsewhere", "Entity", "EntityKey", "EntityMatcher", "names_match",
           "one_name_per_person"]

_PUNCTUATION = re.compile(r"[^\w\s-]")
# letters whose marks no decomposition drops ("ı" of "Yıldız")
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                                                "ħ": "h", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


def folded(text: str) -> str:
    """``text`` without diacritics, for comparing names: "Yıldız" is "Yildiz", "Préval" is "Preval"."""
    return text if text.isascii() else without_marks(text.translate(_LETTERS_WITHOUT_DECOMPOSITION))


# Fuzzy matching compares names word by word, in order, with the same number of words:
# every word must be close (Qasem/Qassem, Hezbollah/Hizbullah) and the whole closer still.
# This avoids the known traps: token_set_ratio scores 100 when one name's words are a subset
# of the other's, WRatio scores high on unrelated strings, and two people with different
# given names (John Kirby / John Kerry; Frank / Kenneth McKenzie) must stay apart.
WORD_THRESHOLD = 75.0
NAME_THRESHOLD = {"speaker": 85.0, "actor": 85.0}


class EntityKey:
    """The form names are compared in: lower case, without a leading article, possessive ending, punctuation or
    diacritics.

    The articles and possessive endings are a language's (its pack's ``speakers`` file).
    """

    def __init__(self, articles: Iterable[str] = (), possessive_suffixes: Iterable[str] = ()) -> None:
        articles, possessives = list(articles), list(possessive_suffixes)
        self._article = re.compile(rf"^(?:{phrase_pattern(articles)})\s+", re.IGNORECASE) if articles else None
        self._possessive = re.compile(rf"(?:{phrase_pattern(possessives)})\b") if possessives else None
        self._cache: dict[str, str] = {}

    def is_written_as_name(self, text: str) -> bool:
        """Whether a phrase is written with a capital past its leading article ("the Defense Department", not "The
        defence department")."""
        bare = self._article.sub("", text.strip()) if self._article is not None else text
        return bare != bare.lower()

    def __call__(self, text: str) -> str:
        key = self._cache.get(text)
        if key is None:
            key = " ".join(text.split())
            if self._article is not None:
                key = self._article.sub("", key)
            if self._possessive is not None:
                key = self._possessive.sub("", key)
            key = " ".join(_PUNCTUATION.sub("", folded(key).replace(".", "")).lower().split())
            if len(self._cache) < 65536:
                self._cache[text] = key
        return key


@dataclass(frozen=True)
class Entity:
    """A canonical entity from the alias tables."""

    name: str
    kind: str  # for speakers: named_official, organisation, outlet ...; for actors: "actor"
    level: int = 0
    part_of: str | None = None


@dataclass(frozen=True)
class AliasTable:
    """Canonical entities by the key of each of their names and aliases."""

    by_key: dict[str, Entity]


def names_match(left: str, right: str, threshold: float) -> bool:
    """Guarded fuzzy equality of two names (already keyed): same word count, every word close."""
    left_words, right_words = left.split(), right.split()
    if len(left_words) != len(right_words) or not left_words:
        return False
    scores = [fuzz.ratio(a, b) for a, b in zip(left_words, right_words, strict=False)]
    return min(scores) >= WORD_THRESHOLD and fuzz.ratio(left, right) >= threshold


class EntityMatcher:
    """Speakers and actors of the gazetteer, looked up by alias and then by guarded fuzzy matching."""

    def __init__(self, gazetteer: Gazetteer, key: EntityKey) -> None:
        self.key = key
        self.tables: dict[str, AliasTable] = {
            "speaker": self._table((e.name, e.kind or "speaker", 0, e.part_of, e.aliases)
                                   for e in gazetteer.speakers.values()),
            "actor": self._table((e.name, e.kind or "actor", 0, e.part_of, e.aliases)
                                 for e in gazetteer.actors.values()),
        }
        self._found: dict[tuple[str, str], Entity | None] = {}

    def _table(self, entries: Iterable[tuple[str, str, int, str | None, tuple[str, ...]]]) -> AliasTable:
        by_key: dict[str, Entity] = {}
        for name, kind, level, part_of, aliases in entries:
            entity = Entity(name=name, kind=kind, level=level, part_of=part_of)
            for alias in (name, *aliases):
                by_key.setdefault(self.key(alias), entity)
        return AliasTable(by_key)

    def lookup(self, entity_type: str, text: str) -> Entity | None:
        """The entity one of whose names is ``text`` exactly (after keying), else None."""
        return self.tables[entity_type].by_key.get(self.key(text))

    def normalise(self, entity_type: str, text: str) -> Entity | None:
        """The canonical entity for ``text``: an exact alias first, then a guarded fuzzy match of a name written with
        a capital, else None."""
        cached = self._found.get((entity_type, text), False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        table = self.tables[entity_type]
        key = self.key(text)
        found = table.by_key.get(key)
        if found is None and self.key.is_written_as_name(text):  # a name misspelled, never words a body shares
            # with one named ("the defence department" of a civil defence is not the Defense Department)
            threshold = NAME_THRESHOLD[entity_type]
            found = next((entity for alias_key, entity in table.by_key.items()
                          if names_match(key, alias_key, threshold)), None)
        if len(self._found) < 65536:
            self._found[(entity_type, text)] = found
        return found

    def contained_alias(self, entity_type: str, text: str) -> Entity | None:
        """The best alias found inside a longer phrase ("Defense Department spokesman John Kirby" -> John Kirby):
        a named official first, then the longest alias."""
        key = f" {self.key(text)} "
        best: tuple[bool, int, Entity] | None = None
        for alias_key, entity in self.tables[entity_type].by_key.items():
            if f" {alias_key} " in key:
                rank = (entity.kind == "named_official", len(alias_key))
                if best is None or rank > best[:2]:
                    best = (*rank, entity)
        return best[2] if best else None


def one_name_per_person(names: Iterable[str], titles: Iterable[str] = ()) -> dict[str, str]:
    """Each person's name as a run gives it, to the one name the run uses for that person.

    - A title before a name is not part of it ("Mr Bellerive" is Bellerive).
    - A surname alone is the person of the one full name in the run that ends with it ("Jena" is Pradeep Jena,
      "Levine Cava" is Daniella Levine Cava); when two full names end with it, it stays as it is.
    - A name whose given names are initials ("PK Jena", "K. S. Anand") is the one full name of the run with that
      surname whose given names those initials open ("Pradeep Jena", "Pradeep Kumar Jena"); spellings of the same
      initials are one person ("KS Anand", "K. S. Anand").
    - Two names of as many words whose every word is close ("Hamad Hasan", "Hamad Hassan") are one person,
      named by the spelling the run uses most (then the longer, then the first in order), as ``names_match``
      guards them (different given names stay apart). Names are compared within blocks of one word count and
      one start of the surname, so the work grows with the names, not their pairs.

    Returns name -> canonical name, for every name given (a name maps to itself when nothing applies).
    """
    title_pattern = re.compile(rf"^(?:{phrase_pattern(titles)})\.?\s+", re.IGNORECASE) if titles else None
    counts: dict[str, int] = {}
    stripped: dict[str, str] = {}
    for name in names:
        bare = title_pattern.sub("", name).strip() if title_pattern else name
        stripped[name] = bare or name
        counts[stripped[name]] = counts.get(stripped[name], 0) + 1
    full = [n for n in counts if len(n.split()) > 1]
    canonical: dict[str, str] = {}
    kept_in_block: dict[tuple[int, str], list[tuple[str, str]]] = {}  # names kept, by word count and surname start
    for name in sorted(full, key=lambda n: (-counts[n], -len(n), n)):  # the most used spelling first
        key = _PUNCTUATION.sub("", folded(name).lower())  # ("Taner Yıldız" is Taner Yildiz)
        block = kept_in_block.setdefault((len(key.split()), key.split()[-1][:2]), [])
        match = next((kept for kept, kept_key in block if names_match(key, kept_key, NAME_THRESHOLD["speaker"])), None)
        canonical[name] = match or name
        if match is None:
            block.append((name, key))
    _initialled_names(full, canonical)
    # the last words of a full name ("jena"; "levine cava", "cava") -> names
    by_ending = _by_ending({folded(name).lower(): canonical[name] for name in full})
    for name in counts:
        matches = by_ending.get(folded(name).lower(), set())
        if len(matches) == 1 and (len(name.split()) == 1 or canonical.get(name, name) == name):
            canonical[name] = next(iter(matches))
        else:
            canonical.setdefault(name, name)
    return {name: canonical.get(bare, bare) for name, bare in stripped.items()}


_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$")  # "PK", "K.", "R.K."


def _initials_of(name: str) -> tuple[str, str] | None:
    """(the initials, the surname folded) of a name whose given names are initials: "P K Jena" -> ("PK", "jena")."""
    words = name.split()
    if len(words) < 2 or not all(_INITIAL.match(word) for word in words[:-1]):
        return None
    return "".join(words[:-1]).replace(".", ""), folded(words[-1]).lower()


def _initialled_names(full: list[str], canonical: dict[str, str]) -> None:
    """Each name in ``full`` whose given names are initials, in ``canonical`` as the one name of the run they stand
    for (``one_name_per_person``)."""
    initialled = {name: found for name in full if (found := _initials_of(name)) is not None}
    if not initialled:
        return
    spelled: dict[tuple[str, str], str] = {}  # one spelling of each set of initials and surname
    for name in sorted(initialled, key=len, reverse=True):
        spelled.setdefault(initialled[name], name)
    for name, (letters, surname) in initialled.items():
        given = {canonical[other] for other in full if other not in initialled
                 and folded(other.split()[-1]).lower() == surname
                 and "".join(word[0] for word in other.split()[:-1]).startswith(letters[0])
                 and letters.startswith("".join(word[0] for word in other.split()[:-1])[:len(letters)])}
        canonical[name] = next(iter(given)) if len(given) == 1 else spelled[(letters, surname)]


_BRITISH_ENDING = re.compile(r"(?<=[a-z])is(e|es|ed|er|ers|ing|ation|ations)\b")


@dataclass(frozen=True)
class BodyWords:
    """What tells two names of one body apart from two bodies: the words for each country (its name and its
    people's adjective, lower case: "lebanese" -> "lebanon") and the words for a country's government as a whole
    ("authorities", "officials")."""

    countries: dict[str, str] = field(default_factory=dict)
    government: frozenset[str] = frozenset()
    possessives: tuple[str, ...] = ()  # the endings of a possessive ("'s"): "Lebanon's" names Lebanon
    place_words: frozenset[str] = frozenset()  # "authorities in Puerto Rico" names Puerto Rico's
    home_words: frozenset[str] = frozenset()  # bare, the government of the event's country ("the government")
    variants: dict[str, str] = field(default_factory=dict)  # a word written as two: "coastguard" -> "coast guard"
    local_bodies: frozenset[str] = frozenset()  # keyed: bodies that serve where they are ("police")
    _possessive: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a possessive within a name's first three words: "saudi arabia's health ministry"
        endings = phrase_pattern(self.possessives)
        object.__setattr__(self, "_possessive", re.compile(rf"^((?:\S+\s+){{0,2}}?\S+?)(?:{endings})(?=\s)"))

    def place_named(self, words: list[str]) -> list[str]:
        """The words of the place a body of its government is named after, lower case ("authorities in the Dominican
        Republic" -> "dominican republic"); none when the name is not so made."""
        if len(words) > 2 and words[0] in self.government and words[1] in self.place_words:
            return words[3:] if words[2] == "the" else words[2:]
        return []

    def key(self, name: str) -> str:
        """A body's name as compared: lower case, British -ise spellings as -ize ("organisers" = "organizers"), a word
        written as two as the two ("coastguard" = "coast guard"), a country named first by its name ("Lebanese",
        "Lebanon's" -> "lebanon"), and a country's authorities, officials and government as one ("Saudi officials" =
        "Saudi Arabian authorities"), and a country named alone as its government ("Haiti" = "Haiti's government")."""
        key = _BRITISH_ENDING.sub(r"iz\1", " ".join(self.variants.get(w, w) for w in name.lower().split()))
        key = key.removeprefix("the ")
        words = self._possessive.sub(r"\1", key).split()
        place = self.place_named(words)
        if place:
            words = [*place, words[0]]  # "authorities in Puerto Rico": Puerto Rico's authorities
        if self.countries.get(" ".join(words)) == " ".join(words):  # a country speaks through its government
            words = [*words, "government"]  # ("Haiti raised the toll"; "Afghans" are its people, not its government)
        for length in (3, 2, 1):
            country = self.countries.get(" ".join(words[:length])) if len(words) > length else None
            if country:
                words = [country, *words[length:]]
                break
        if words and words[-1] in self.government:
            words[-1] = "government"
        return " ".join(words) or key


def one_name_per_body(names: Iterable[str], words: BodyWords | None = None, home: str | None = None) -> dict[str, str]:
    """The bodies one event's figures come from, each under one name (name -> the name to use).

    - Names that ``BodyWords.key`` makes one are one body ("organisers", "organizers"; "the Lebanese Health
      Ministry", "Lebanon's health ministry"), named as the event's figures name it most.
    - An acronym is the one body named in full whose capitalised words it is the initials of ("IOM",
      "International Organization for Migration"; "WWF", "World Wide Fund for Nature").
    - A body named bare, with no capital ("police", "the health ministry", "authorities"), is the one body of the
      event named in full that ends with it ("Hong Kong police", "Lebanese Health Ministry"); when two do ("U.S.
      officials", "Iraqi officials"), the one of ``home`` (the event's country, lower case: "authorities" of a
      stampede in Mina are Saudi Arabia's), else it stays as it is.
    """
    words = words or BodyWords()
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    key = {name: words.key(name) for name in counts}  # every canonical name below is one of these names
    by_key: dict[str, list[str]] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        by_key.setdefault(key[name], []).append(name)
    canonical = {name: spellings[0] for spellings in by_key.values() for name in spellings}
    _acronyms_as_named_in_full(canonical, counts)
    # the last words of a body named in full, up to three words left out ("police" of "hong kong police")
    by_ending = _by_ending({key[name]: name for name in canonical.values() if any(c.isupper() for c in name)},
                           most_left_out=3)
    for name in list(canonical):
        bare = key[canonical[name]]
        if any(c.isupper() for c in canonical[name]) or not bare:
            continue
        wider = by_ending.get(bare, set())
        if len(wider) > 1 and home:
            wider = {body for body in wider if key[body] == f"{home} {bare}"}
        if len(wider) == 1:
            canonical[name] = next(iter(wider))
    return canonical


def bodies_named_elsewhere(canonical: dict[str, dict[str, str]], words: BodyWords, homes: dict[str, str]) -> None:
    """In place, in each event's names from ``one_name_per_body``: a body that serves where it is
    (``BodyWords.local_bodies``: "police", "coast guard") and that an event names only bare is the body of the
    event's country (``homes``) that another event of the run names in full ("police" at a march in Hong Kong are
    the "Hong Kong Police" of the march the week before). Never another country's, nor an army, a ministry or a
    government named bare, which another country's may be ("the army said" near Tyre), nor an acronym across events
    ("RSF", "SDF": two bodies in two places)."""
    in_full: dict[str, str] = {}  # key -> the name
    for name in sorted({name for names in canonical.values() for name in names.values()}):
        if any(c.isupper() for c in name) and not _ACRONYM.match(name):
            in_full.setdefault(words.key(name), name)
    for event_id, names in canonical.items():
        home = homes.get(event_id)
        for name, body in names.items():
            bare = words.key(body) if body.islower() and home else ""
            if bare in words.local_bodies and f"{home} {bare}" in in_full:
                names[name] = in_full[f"{home} {bare}"]


_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


def _acronyms_as_named_in_full(canonical: dict[str, str], counts: dict[str, int]) -> None:
    """Each acronym that stands for one body named in full, and that body, under the name used most (in place). An
    acronym of three letters or more may leave the last words out ("WWF", "World Wide Fund for Nature")."""
    in_full: dict[str, set[str]] = {}
    for name in set(canonical.values()):
        capitals = [word[0] for word in name.removeprefix("The ").replace("-", " ").split() if word[0].isupper()]
        if len(capitals) >= 2 and not _ACRONYM.match(name):
            in_full.setdefault("".join(capitals), set()).add(name)
    for acronym in {name for name in canonical.values() if _ACRONYM.match(name)}:
        letters = acronym.replace(".", "")
        named = in_full.get(letters, set()) or ({name for initials, names in in_full.items() for name in names
                                                  if len(letters) >= 3 and initials.startswith(letters)})
        if len(named) != 1:
            continue
        full = next(iter(named))
        used = {name: sum(counts[n] for n, c in canonical.items() if c == name) for name in (acronym, full)}
        chosen = max((acronym, full), key=lambda name: (used[name], len(name)))
        for name, current in canonical.items():
            if current in (acronym, full):
                canonical[name] = chosen


def _by_ending(names: dict[str, str], most_left_out: int | None = None) -> dict[str, set[str]]:
    """The names under each run of their keys' last words, the first word at least left out ("levine cava" and
    "cava" for "daniella levine cava"), at most ``most_left_out`` words: key -> name, to ending -> names. One pass
    over the names, so a lookup by a surname or a bare body costs one step, not a scan."""
    ending: dict[str, set[str]] = {}
    for key, name in names.items():
        words = key.split()
        last = len(words) if most_left_out is None else min(len(words), most_left_out + 1)
        for first in range(1, last):
            ending.setdefault(" ".join(words[first:]), set()).add(name)
    return ending
