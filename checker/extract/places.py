"""Places named in an article: runs of capitalised words looked up in the gazetteer, with what they are there for.

Every place the gazetteer knows by a name (the world's countries, regions and cities, and
the landmarks of ``rules/gazetteer``) is found by looking up the words that start with a
capital letter, longest run first, so no pattern of a hundred thousand names is ever
compiled. A name several places share is settled by the article: the place in a country
the article names elsewhere wins, else the most prominent one. Each place gets a role:
"" (where something happened), "landmark" ("north of Baghdad", "a militia loyal to Iran"),
"owner" ("Iraq's military", "Tehran denied"), "venue" ("speaking in Miami": where someone spoke) or
"dateline" ("BAGHDAD (Reuters) -").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.gazetteer import CITY_LEVEL, MAX_NAME_WORDS, Gazetteer, PlaceEntry
from checker.lang import LanguagePack, expand_pattern
from checker.lang.compiled import compiled
from checker.lang.patterns import phrase_pattern

__all__ = ["PlaceFinder", "PlaceMatch"]

PROMINENCE_GAP = 20  # a place this many times less prominent than another of its name wins only by the article
BIG_CITY = 1_000_000  # a city this large is a place wherever its name stands
_TOKEN = re.compile(r"\w(?:[\w'’.-]*\w)?")
_NEWLINE = re.compile("\n")
# where a word may start a name: a capital (or any non-ASCII letter, tested further) that starts a _TOKEN
_NAME_START = re.compile(r"(?<![\w'’.-])[.'’-]*[A-Z\u0080-\U0010ffff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_INITIAL = re.compile(r"(?<!\S)[^\W\d_]")
_JOIN = re.compile(r"\.?[ \t]+|[ \t]*-[ \t]*|")  # what may stand between the words of one name ("U.S. Embassy")
_WORD_AFTER = re.compile(r"\s+([\w'’-]+)")
# words right before a place, matched on the reversed text before it (a search for "words, then the end" would try
# every position of the window)
_REVERSED_WORD = re.compile(r"\s+[\w'’-]+")
_REVERSED_WORDS = re.compile(r"(?:\s+[\w'’-]+){1,3}")
_POSSESSIVE_NAME = re.compile(r"['’]s\s+([A-Z][\w-]*)")  # "Iran's Islamic ..."
_POSSESSIVE_END = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in the text: offsets, the candidates sharing the name (best first), and its role."""

    start: int
    end: int
    candidates: tuple[PlaceEntry, ...]
    role: str
    alone: bool  # one word naming only cities: taken only where the context reads as a place


class PlaceFinder:
    """Places in the texts of one language (its cue words) from one gazetteer."""

    def __init__(self, pack: LanguagePack, gazetteer: Gazetteer, event_words: re.Pattern[str] | None = None) -> None:
        words = pack.events
        self.gazetteer = gazetteer
        self.event_words = event_words or compiled("(?!)")  # on lower-cased text
        self.cues = frozenset(w.lower() for w in words.place_cues)
        self.origin_words = frozenset(w.lower() for w in words.origin_words)
        self.targets = frozenset(w.lower() for w in words.target_verbs)
        self.locatives = self.cues | self.targets | frozenset(w.lower() for w in words.locative_words)
        self.function_words = frozenset(w.lower() for w in pack.quantities.not_modifiers)
        self.designators = frozenset(w.lower() for w in words.place_designators)
        # a day or a month after a place dates what happened there ("in Hong Kong Sunday"), it names nothing
        self.calendar_words = frozenset(w.lower() for w in (*pack.dates.weekdays, *pack.dates.months))
        self.not_places = frozenset(w.lower() for w in words.not_places)
        self.articles = frozenset(w.lower() for w in pack.speakers.articles)
        marks = phrase_pattern(words.dateline_marks) if words.dateline_marks else "(?!)"
        self.dateline_tail = compiled(rf"(?:\s*,\s*[A-Z][\w .'-]{{0,40}}?)?(?:\s*\([^)]{{1,40}}\))?\s*(?:{marks})\s")
        self.possessive_owner = expand_pattern(words, "possessive_owner")
        self.not_the_place = expand_pattern(words, "not_the_place")
        self.venue_place = expand_pattern(words, "venue_place")
        self.place_list_joint = expand_pattern(words, "place_list_joint")
        self._lines: tuple[str, list[int], dict[int, tuple[bool, bool]]] | None = None  # the last text's lines
        self.reporting_verb = compiled(rf"(?:\s+\w+)?\s+(?:{phrase_pattern(pack.speakers.reporting_verbs)})\b")

    def find(self, text: str, lower_text: str) -> list[PlaceMatch]:
        """Every place named in ``text`` (``lower_text`` is its lower-case twin, same offsets), in order."""
        found: list[PlaceMatch] = []
        after = 0  # where the last place found ends: the words inside it start no other
        for start in _NAME_START.finditer(text):
            position = start.end() - 1
            if position < after or not text[position].isupper():
                continue
            match = self._longest_at(text, position)
            if match is not None:
                place, after = match
                found.append(place)
        return self._settle(found, text, lower_text)

    def _longest_at(self, text: str, position: int) -> tuple[PlaceMatch, int] | None:
        """The longest place name starting with the capitalised word at ``position``, and where its last word
        ends."""
        first_token = _TOKEN.match(text, position)
        if first_token is None:
            return None
        first = first_token.group()
        most_words = min(MAX_NAME_WORDS, self.gazetteer.longest_name_from(first))
        if not most_words:
            return None
        acronym = first.isalpha() and first.isupper() and len(first) <= 5
        if acronym and not self._in_capitals(text, position):
            return None  # an acronym (IRNA, ISIS), not a place, unless the whole line is in capitals
        tokens = [first_token]
        while len(tokens) < most_words:  # the words of one name: spaces only between them
            following = _TOKEN.search(text, tokens[-1].end())
            if following is None or not _JOIN.fullmatch(text, tokens[-1].end(), following.start()):
                break
            tokens.append(following)
        for end_index in range(len(tokens) - 1, -1, -1):
            end_token = tokens[end_index].group()
            if not (end_token[0].isupper() or end_token[0].isdigit() or end_token.lower() in self.designators
                    or end_token.rpartition("-")[2][:1].isupper() or end_index == 0):  # "Ain al-Assad"
                continue
            end = tokens[end_index].end()
            name = text[position:end]
            if name.endswith(_POSSESSIVE_END):
                name = name.rstrip("'’").removesuffix("'s").removesuffix("’s")
            candidates = self.gazetteer.candidates(name)
            if candidates and name.lower() not in self.not_places and name.lower() not in self.function_words:
                # (never a function word a title-case headline capitalises: "Higher Than County Says")
                alone = end_index == 0 and all(c.level == CITY_LEVEL for c in candidates)
                return PlaceMatch(position, position + len(name), candidates, "", alone), end
        return None

    def _settle(self, found: list[PlaceMatch], text: str, lower_text: str) -> list[PlaceMatch]:
        """Roles, lone city names kept only where they read as places, and shared names settled by the article."""
        kept: list[PlaceMatch] = []
        origin = False  # whether the place kept last is one something came from ("from Iran")
        for place in found:
            role = self._role(place, text, lower_text)
            if role is None:
                continue
            listed = bool(kept) and self.place_list_joint.fullmatch(text, kept[-1].end, place.start) is not None
            if role in ("", "mention") and origin and listed:
                role = "landmark"  # "from Iran, China and Russia": where all of them came from (not "west of
                # Aleppo and Idlib": villages of both)
            origin = role == "landmark" and ((origin and listed) or bool(self.origin_words & set(
                _words_before(text, place.start, 60, _REVERSED_WORDS)[1].lower().split())))
            kept.append(PlaceMatch(place.start, place.end, place.candidates, role, place.alone))
        countries = {self.gazetteer.country_of(p.candidates[0].name) for p in kept if len(p.candidates) == 1}
        settled = []
        for place in kept:
            if len(place.candidates) > 1:
                top = place.candidates[0]
                local = [c for c in place.candidates if self.gazetteer.country_of(c.name) in countries
                         and c.prominence * PROMINENCE_GAP >= top.prominence]
                if local:
                    place = PlaceMatch(place.start, place.end, tuple(local), place.role, place.alone)
            settled.append(place)
        return settled

    def _locative(self, place: PlaceMatch, text: str, lower_text: str, words_before: str,
                  after: re.Match[str] | None) -> bool:
        """Whether a place reads as where something is: a site or a town, or a name after a locative word ("in
        northern Iraq", "the capital of Afghanistan"), owning a place ("Iraq's Kirkuk province"), or before an
        event word or a designator ("the Beirut explosion", "Kirkuk province"). "Trump blames Iran" names Iran
        as no place."""
        if place.candidates[0].level < CITY_LEVEL:
            return True
        before = set(words_before.lower().split())
        if before & self.locatives:
            return True
        if text.startswith(_POSSESSIVE_END, place.end) or self._in_capitals(text, place.start):
            return True
        if after and after.group(1).lower() in self.designators:
            return True
        return self._before_event_word(place.end, lower_text, after)

    def _before_event_word(self, end: int, lower_text: str, after: re.Match[str] | None) -> bool:
        """Whether an event word follows the place, right after it or after one more noun ("the Beirut port
        explosion"), never across a function word ("Trump warns Iran over rocket attacks")."""
        if self.event_words.match(lower_text, end + 1):
            return True
        return bool(after and after.group(1).lower() not in self.function_words
                    and self.event_words.match(lower_text, after.end() + 1))

    def _in_capitals(self, text: str, position: int) -> bool:
        return self._line_style(text, position)[0]

    def _line_style(self, text: str, position: int) -> tuple[bool, bool]:
        """Whether the line holding ``position`` is in capitals, and whether it is in title case (a headline),
        worked out once per line: a long line read once, not once per name in it."""
        lines = self._lines
        if lines is None or lines[0] is not text:
            lines = self._lines = (text, [m.start() for m in _NEWLINE.finditer(text)], {})
        _, breaks, styles = lines
        number = bisect.bisect_left(breaks, position)
        style = styles.get(number)
        if style is None:
            line_start = breaks[number - 1] + 1 if number else 0
            line_end = breaks[number] if number < len(breaks) else len(text)
            line = text[line_start:line_end]
            letters = "".join(_LETTER.findall(line))
            capitals = bool(letters) and sum(map(str.isupper, letters)) >= 0.8 * len(letters)
            initials = "".join(_WORD_INITIAL.findall(line))  # the first letter of each word that starts with one
            title = len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)
            style = styles[number] = (capitals, title)
        return style

    def _role(self, place: PlaceMatch, text: str, lower_text: str) -> str | None:
        """What the place is there for, or None when a lone city name does not read as a place here."""
        start, end = place.start, place.end
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and self.dateline_tail.match(text, end):
            return "dateline"
        if self.possessive_owner.match(lower_text, end) or self.reporting_verb.match(text, end, end + 40):
            return "owner"  # "Iraq's military said", "Tehran denied"
        owned = _POSSESSIVE_NAME.match(text, end)
        if owned and not self.gazetteer.candidates(owned.group(1)):
            return "owner"  # "Iran's Islamic Revolutionary Guard Corps": a possessive naming an organisation
        after = _WORD_AFTER.match(text, end)
        if (after and after.group(1)[0].isupper() and after.group(1).lower() not in self.designators
                and after.group(1).lower() not in self.calendar_words and not self.gazetteer.candidates(after.group(1))
                and not self._in_capitals(text, start) and not self._line_style(text, start)[1]):
            return "owner"  # part of a name: "Baghdad Operations Command", "the Washington Post"
        # (not before a day, a month or another place: "in Hong Kong Sunday", "in Hong Kong China")
        if self.not_the_place.search(lower_text, max(0, start - 25), start):
            return "landmark"  # "north of Baghdad", "loyal to Iran"
        if self.venue_place.search(lower_text, max(0, start - 40), start):
            return "venue"  # "speaking in Miami", "told reporters in Geneva": where someone spoke
        words_before = _words_before(text, start, 60, _REVERSED_WORDS)[1]
        if self.origin_words & set(words_before.lower().split()):
            return "landmark"  # "fired from northwestern Iran": where it came from
        before_start, word_before = _words_before(text, start, 30, _REVERSED_WORD)
        if word_before.lower() in self.articles:
            word_before = _words_before(text, before_start, 30, _REVERSED_WORD)[1]
        if not place.alone or place.candidates[0].population >= BIG_CITY:
            return "" if self._locative(place, text, lower_text, words_before, after) else "mention"
        if word_before and (word_before.lower() in self.cues | self.targets or word_before.endswith(_POSSESSIVE_END)):
            return ""  # "in Balasore", "Odisha's Balasore", "rockets hit Kirkuk"
        if text.startswith(_POSSESSIVE_END, end):
            return ""
        if after and after.group(1).lower() in self.designators:
            return ""
        if self._before_event_word(end, lower_text, after):
            return ""  # "the Balasore train crash", "the Beirut explosion"
        if self._in_capitals(text, start):
            return ""  # an all-capitals heading or dateline word
        return None


def _words_before(text: str, end: int, reach: int, reversed_words: re.Pattern[str]) -> tuple[int, str]:
    """The words (each followed by a space) that end right at ``end``, within ``reach`` characters: where they start
    and what they are, stripped ("" when a word does not end right before ``end``)."""
    match = reversed_words.match(text[max(0, end - reach):end][::-1])
    if match is None:
        return end, ""
    return end - match.end(), text[end - match.end():end].rstrip()
