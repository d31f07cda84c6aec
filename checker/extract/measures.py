"""Measures: a figure with a unit ("5,000 barrels a day", "11 million hectares", "62 miles") measures a dimension.

The units and dimensions are data (``measures`` in the language pack's quantities.yaml): each unit phrase names a
unit in pint's notation, and each dimension names the unit its figures are compared in. A figure is converted to
its dimension's unit with pint (a maintained unit library), so "100 km" and "62 miles" agree while "160 km" and
"62 miles" do not. A figure is read to the precision it was written with ("62 miles" is 61.5 to just under
62.5 miles): a converted round figure is never more exact than it was, "10 km" holds a depth of 9.8 km, and two
figures written to one precision ("62 miles", "63 miles") still never overlap.

pint is imported, and its registry built, only when an article holds a measure (it costs about 0.4 s once per
process); each unit's factor is worked out once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from checker.extract.numbers import NumberGrammar, Quantity
from checker.lang.compiled import compiled
from checker.lang.hooks import LanguageHooks
from checker.lang.models import QuantitiesFile
from checker.lang.patterns import CLAUSE_BREAK, phrase_pattern, phrase_regex, right_after

NUMBER_REACH = 60  # characters before a unit searched for its figure ("more than 11 million hectares")
# a figure's conversion in brackets after its unit ("3,600 km (2,240 miles) above"), or the bracket closing around it
PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)|\s*\)")
HALF = 0.499  # of the last digit written: the precision of a figure converted from another unit
VOLUME_RATE_REACH = 120  # characters around a volume searched, within its clause, for its rate ("each day")
RANGE_JOIN = re.compile(r"\s*(?:and|to|or|-|–|—)\s*$", re.IGNORECASE)  # "9,000 to 14,000 barrels a day"
CONVERSION = re.compile(r"\s*\(\s*")  # between a figure and its conversion in brackets: "50 miles (80 km)"
CLAUSE_OPENING = re.compile(r"[,;:(—–](?!\d)|\s-\s")  # where a clause (or an aside) opens; not a thousands comma


@dataclass(frozen=True)
class Measure:
    """A figure with a unit, converted to its dimension's unit."""

    start: int  # where the figure (the first number of a range) begins in the sentence, its quantifier included
    end: int  # where the unit ends
    number_start: int  # the (first) number as written: text[number_start:number_end]
    number_end: int
    dimension: str  # "flow rate", "area" ...
    unit: str  # the dimension's unit as a report writes it: "barrels a day", "hectares"
    written_low: float  # the figure in the unit it was written in
    written_high: float
    low: float  # in the dimension's unit (read to the precision it was written with)
    high: float
    kind: str  # exact, lower, upper, range, approximate (as written)
    value_text: str  # the figure and its unit as written
    point: str = ""  # the named point a distance is measured from: "Pylos", "base"
    point_end: int = 0  # where the words naming that point end
    places_event: bool = True  # a distance from a point places the event (not a town: "Derna, 290 km east of")
    matter: str = ""  # what a mass is of: "ammonium nitrate"
    state: str = ""  # what happened to a volume given with no rate: "spilled", "recovered"


class MeasureReader:
    """Finds the measures of a sentence: a unit phrase, and the figure right before it."""

    def __init__(self, numbers: NumberGrammar, quantities: QuantitiesFile, hooks: LanguageHooks) -> None:
        self.numbers = numbers
        self.hooks = hooks  # the name a distance's point goes by ("the town of Pylos": Pylos)
        # units whose rate the clause gives apart from them ("42,000 gallons ... each day"): read only with it
        self.rate_units = {" ".join(phrase.lower().split()): unit for phrase, unit
                           in quantities.measure_rate_units.items()} if quantities.measure_rate_words else {}
        # what happened to a volume given with no rate: a word right before its figure ("spilled 126,000 gallons",
        # "a spill of 3,000 barrels") or a few words after its unit ("126,000 gallons of crude oil had leaked")
        self.volume_state_of = state_words = {" ".join(w.lower().split()): state
                                              for state, words in quantities.volume_states.items() for w in words}
        self.volume_state_before = (compiled(  # right before the figure ("leaked an estimated"; not "a leaking
            # tanker carried")
            rf"(?<![^\W\d_])(?P<state>{phrase_pattern(state_words)})(?:\s+(?:an?|the|some|estimated))?\s+$",
            re.IGNORECASE) if state_words else compiled("(?!)"))
        self.volume_state_after = (compiled(  # the matter's words never run past its clause ("of fuel that leaked")
            r"(?:\s*\([^()]{0,40}\))?"
            r"(?:\s+of\s+(?:(?!(?:that|which|who|when|and|but)\b)[^\W\d][\w-]*\s+){1,3}?|\s+)"
            r"(?:(?:had|has|have|been|was|were|is|are|already|reportedly|now)\s+){0,3}"
            rf"(?P<state>{phrase_pattern(state_words)})(?![^\W\d_])", re.IGNORECASE)
            if state_words else compiled("(?!)"))
        self.rate_word = (compiled(rf"(?<![^\W\d_])(?:{phrase_pattern(quantities.measure_rate_words)})(?![^\W\d_])",
                                   re.IGNORECASE) if quantities.measure_rate_words else compiled("(?!)"))
        self.units = {" ".join(phrase.lower().split()): unit for phrase, unit in quantities.measure_units.items()}
        self.units.update({phrase: unit for phrase, unit in self.rate_units.items() if phrase not in self.units})
        self.prefix_units = {phrase.lower(): unit for phrase, unit in quantities.measure_prefix_units.items()}
        self.dimensions = quantities.measure_dimensions
        self.definitions = tuple(quantities.measure_definitions)
        self.unit_pattern = (compiled(rf"(?<![^\W\d_])(?:{phrase_pattern(self.units)})(?![^\W\d_])",
                                        re.IGNORECASE) if self.units else None)
        # a currency mark right before a figure: "$5.5 billion", "Rs 15.6 crore", "€3.8bn"
        self.prefix_pattern = (compiled(rf"(?<![^\W\d_])(?:{phrase_pattern(self.prefix_units)})(?=\s?\d)",
                                          re.IGNORECASE) if self.prefix_units else None)
        self.scales = {abbreviation.lower(): scale for abbreviation, scale in quantities.scale_abbreviations.items()}
        self.abbreviated = compiled(rf"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<scale>{phrase_pattern(self.scales)})\b",
                                    re.IGNORECASE)
        place_words = quantities.measure_place_words
        self.places_after = right_after(place_words)
        # past a distance's direction, the point it is measured from: "80 km southwest of [the town of Pylos]"
        phrase_end = (rf"(?=\s+(?:{phrase_pattern(quantities.measure_phrase_ends)})\b|\s*[,;:.()\"“”—–]|\s*$)"
                      if quantities.measure_phrase_ends else r"(?=\s*[,;:.()\"“”—–]|\s*$)")
        self.point_after = (compiled(
            rf"(?:\s+(?:{phrase_pattern(place_words)}))*?\s+(?:{phrase_pattern(quantities.distance_points)})\s+"
            rf"(?!(?:{phrase_pattern(quantities.measure_phrase_ends)})\b)(?P<point>[^,;:.()\"“”—–]{{1,60}}?){phrase_end}",
            re.IGNORECASE)
            if place_words and quantities.distance_points else None)
        # what a mass is of: "2,750 tonnes of [ammonium nitrate]" (up to three lower-case words)
        self.matter_dimensions = frozenset(quantities.measure_matter_dimensions)
        self.verb_suffixes = tuple(quantities.matter_verb_suffixes)
        self.not_verbs = frozenset(quantities.matter_not_verbs)
        self.matter_pronouns = frozenset(quantities.matter_pronouns)
        self.delivered = frozenset(" ".join(m.lower().split()) for m in quantities.delivered_matters)
        self.phrase_ends = frozenset(w.lower() for w in quantities.measure_phrase_ends)
        self.matter_after = (compiled(  # up to three words, cut where the name ends (``_matter``)
            rf"\s+(?:{phrase_pattern(quantities.measure_matter_words)})\s+(?P<matter>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){{0,2}})",
            re.IGNORECASE) if quantities.measure_matter_words else compiled("(?!)"))
        # whether a distance places the event (``_places_event``): a town or an area it places instead ("a county
        # 277 miles northeast of"), a verb of the event ("sank"), its site ("the epicentre"), "located" once the
        # site is named, "centred" once a quake is named, and the words that join another predicate on ("hit Cuba
        # and was 200 miles south of")
        self.place_noun = phrase_regex(quantities.distance_place_nouns, ignore_case=True)
        self.event_word = phrase_regex(quantities.distance_event_words, ignore_case=True)
        self.site_word = phrase_regex(quantities.distance_site_words, ignore_case=True)
        self.site_verb = phrase_regex(quantities.distance_site_verbs, ignore_case=True)
        self.centre_verb = phrase_regex(quantities.distance_centre_verbs, ignore_case=True)
        self.quake_word = phrase_regex(quantities.distance_quake_words, ignore_case=True)
        self.predicate_break = phrase_regex(quantities.distance_breaks, ignore_case=True)
        # a distance joined to the one before it: "250 km south of Kolkata [and] 170 km north of Bhubaneswar"
        self.joined = (compiled(rf"\s*(?:{phrase_pattern(quantities.distance_breaks)})\s*$", re.IGNORECASE)
                       if quantities.distance_breaks else compiled("(?!)"))

    def find(self, text: str) -> list[Measure]:
        """Every measure in ``text`` (a sentence), in order."""
        found = []
        if self.unit_pattern is not None:
            previous: Measure | None = None
            for unit in self.unit_pattern.finditer(text):
                measure = self._measure(text, unit)
                if measure is None or (previous is not None and _converts(text, previous, measure)):
                    continue  # a conversion in brackets is the figure before it ("about 50 miles (80 km)")
                if measure.point and previous is not None and previous.point and self.joined.fullmatch(
                        text, previous.point_end, measure.start):  # "250 km south of Kolkata and 170 km north of"
                    measure = replace(measure, places_event=previous.places_event)
                previous = measure
                if measure.places_event:
                    found.append(measure)
        marks = list(self.prefix_pattern.finditer(text)) if self.prefix_pattern is not None else []
        if marks:
            found.extend(self._prefixed(text, marks))
            found.sort(key=lambda m: m.start)
        return found

    def _prefixed(self, text: str, marks: list[re.Match[str]]) -> list[Measure]:
        """The figures the currency ``marks`` stand before ("more than $100 billion", "$3 billion to $5 billion"):
        the marks are blanked out, so the number grammar reads the figures with their quantifiers and ranges."""
        blanked = list(text)
        for mark in marks:
            blanked[mark.start():mark.end()] = " " * (mark.end() - mark.start())
        quantities = [q for q in self.numbers.find("".join(blanked)) if q.kind != "vague"]
        measures = []
        for mark in marks:
            digits = mark.end() + (1 if text[mark.end():mark.end() + 1].isspace() else 0)
            figure = next((q for q in quantities if q.start == digits), None) or self._abbreviated(text, digits)
            if figure is None:
                continue
            converted = self._convert(self.prefix_units[" ".join(mark.group(0).lower().split())])
            if converted is None:
                continue
            dimension, factor, _ = converted
            start = min(figure.phrase_start, mark.start())
            measures.append(Measure(start=start, end=figure.phrase_end, number_start=mark.start(),
                                    number_end=figure.end, dimension=dimension, unit=self.dimensions[dimension].say,
                                    written_low=figure.low, written_high=figure.high, low=figure.low * factor,
                                    high=figure.high * factor, kind=figure.kind,
                                    value_text=text[start:figure.phrase_end]))
        return measures

    def _abbreviated(self, text: str, start: int) -> Quantity | None:
        """A sum written with its scale's abbreviation joined on ("5.5bn", "30m"), as an exact figure."""
        written = self.abbreviated.match(text, start)
        if written is None:
            return None
        value = float(written.group("number").replace(",", "")) * self.scales[written.group("scale").lower()]
        return Quantity(start, written.end(), written.group(0), start, written.end(), written.group(0), value, value,
                        False, "exact")

    def _measure(self, text: str, unit: re.Match[str]) -> Measure | None:
        """The measure a unit ends, if a figure stands right before it."""
        before = text[:unit.start()].rstrip(" -")
        window_start = max(0, len(before) - NUMBER_REACH)
        quantities = [q for q in self.numbers.find(before[window_start:]) if q.kind != "vague"]
        if not quantities or window_start + quantities[-1].phrase_end != len(before):
            return None  # no figure right before the unit
        figure = quantities[-1]
        low, high, kind, start = figure.low, figure.high, figure.kind, window_start + figure.phrase_start
        number = (window_start + figure.start, window_start + figure.end)
        if len(quantities) > 1:  # "somewhere between 9,000 and 14,000 barrels a day": one range
            first = quantities[-2]
            if RANGE_JOIN.match(before[window_start + first.phrase_end: window_start + figure.phrase_start] + " "):
                low, kind, start = first.low, "range", window_start + first.phrase_start
                number = (window_start + first.start, window_start + first.end)
        written = " ".join(unit.group(0).lower().split())
        pint_unit, state = self.units[written], ""
        if written in self.rate_units and not self._rate_in_clause(text, start, unit.end()):
            state = self._volume_state(text, start, unit.end())
            if not state:
                return None  # "a tanker carrying 5 million gallons": a volume with no rate nor state is read as nothing
            pint_unit = self.rate_units[written].partition("/")[0].strip()  # the volume the rate counts per day
        converted = self._convert(pint_unit)
        if converted is None:
            return None
        dimension, factor, exact = converted
        point, point_end, places_event = "", 0, True
        if dimension == "distance":
            aside = PARENTHESIS.match(text, unit.end())  # "3,600 km (2,240 miles) above sea level"
            after = aside.end() if aside else unit.end()
            if self.places_after.match(text, after):
                found = self.point_after.match(text, after) if self.point_after is not None else None
                if found is None:
                    return None  # "60 km to the south", "700 miles away": where something is, no point to compare
                point, point_end = self.hooks.name_in(found.group("point")), found.end("point")
                places_event = self._places_event(text, start)
        matter = ""
        if dimension in self.matter_dimensions:
            aside = PARENTHESIS.match(text, unit.end())  # "2,750 tonnes (3,031 tons) of ammonium nitrate"
            matter = self._matter(text, aside.end() if aside else unit.end())
            if not matter:
                return None  # "a 20-tonne truck", "tonnes of it", "tonnes of aid": compared with no other mass
        # every measure is read to the precision it was written with ("10 km" of a depth of 9.8 km); two figures
        # written to one precision still never overlap ("62 miles" against "63 miles")
        # a bound is the figure itself ("over 12 million hectares" is 12 million or more)
        spread = _half_last_digit(figure.number_text)
        low_spread = 0.0 if figure.kind == "lower" else spread * _scale(low, figure)
        high_spread = 0.0 if figure.kind == "upper" else spread * _scale(high, figure)
        low_converted = max(0.0, (low - low_spread) * factor)
        high_converted = math.inf if math.isinf(high) else (high + high_spread) * factor
        return Measure(start=start, end=unit.end(), number_start=number[0], number_end=number[1], dimension=dimension,
                       unit=self.dimensions[dimension].say, written_low=low, written_high=high, low=low_converted,
                       high=high_converted, kind=kind, value_text=text[start:unit.end()], point=point,
                       point_end=point_end, places_event=places_event, matter=matter, state=state)

    def _volume_state(self, text: str, start: int, end: int) -> str:
        """What happened to a volume with no rate: the word of a state right before its figure, else right after
        its unit; "" for none."""
        found = self.volume_state_before.search(text, max(0, start - 40), start) or self.volume_state_after.match(
            text, end)
        return self.volume_state_of[" ".join(found.group("state").lower().split())] if found else ""

    def _matter(self, text: str, after: int) -> str:
        """What a mass right before ``after`` is of, lower case ("of Ammonium Nitrate exploded" -> "ammonium
        nitrate"); "" for none, for a word that stands for one named elsewhere ("of it", "of the chemical") and for
        a matter sent in many shipments ("of aid")."""
        of = self.matter_after.match(text, after)
        words: list[str] = []
        for word in of.group("matter").lower().split() if of else ():
            if word in self.phrase_ends or (words and self._is_verb(word)):
                break  # "of oil over the weekend", "of ammonium nitrate exploded"
            words.append(word)
        matter = " ".join(words)
        delivered = matter in self.delivered or words[-1] in self.delivered if words else False
        return "" if not words or words[0] in self.matter_pronouns or delivered else matter  # ("medical aid")

    def _is_verb(self, word: str) -> bool:
        """Whether a word after a matter's first is a verb, which ends its name ("exploded"; not "seabed")."""
        return bool(self.verb_suffixes) and word.endswith(self.verb_suffixes) and word not in self.not_verbs

    def _places_event(self, text: str, start: int) -> bool:
        """Whether a distance starting at ``start`` places the event: its clause says the event happened there (by
        the last verb of the event before it or by naming its site), and names no town or area it places instead."""
        openings = list(CLAUSE_OPENING.finditer(text, 0, start))
        clause_start = openings[-1].end() if openings else 0
        if self.place_noun.search(text, clause_start, start):
            return False  # "a county 277 miles northeast of Kunming"
        if self.site_word.search(text, clause_start, start):
            return True  # "the epicentre was 80 km northwest of"
        verbs = list(self.event_word.finditer(text, clause_start, start))
        if verbs and not self.predicate_break.search(text, verbs[-1].end(), start):
            return True  # "sank in open seas about 80 km southwest of"; not "hit Cuba and was 200 miles south of"
        if self.site_verb.search(text, clause_start, start):
            return bool(self.site_word.search(text, 0, start))  # "the point of origin ..., located 19 km east of"
        return bool(self.centre_verb.search(text, clause_start, start) and self.quake_word.search(text, 0, start))

    def _rate_in_clause(self, text: str, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` gives a rate ("each day", "the daily spill"), at most
        VOLUME_RATE_REACH characters away."""
        breaks_before = list(CLAUSE_BREAK.finditer(text, max(0, start - VOLUME_RATE_REACH), start))
        clause_start = breaks_before[-1].end() if breaks_before else max(0, start - VOLUME_RATE_REACH)
        break_after = CLAUSE_BREAK.search(text, end, end + VOLUME_RATE_REACH)
        clause_end = break_after.start() if break_after else min(len(text), end + VOLUME_RATE_REACH)
        return bool(self.rate_word.search(text, clause_start, clause_end))

    def _convert(self, pint_unit: str) -> tuple[str, float, bool] | None:
        """(dimension, factor to its unit, whether the unit is the dimension's own) for a unit; None when pint does
        not know it or no dimension takes it."""
        for name, dimension in self.dimensions.items():
            factor = conversion_factor(pint_unit, dimension.unit, self.definitions)
            if factor is not None:
                return name, factor, pint_unit == dimension.unit
        return None


def _converts(text: str, measure: Measure, then: Measure) -> bool:
    """Whether ``then`` is ``measure`` converted, in brackets right after it ("about 50 miles (80 km)"): the same
    figure, as approximate as the first, never a figure of its own."""
    return then.dimension == measure.dimension and bool(CONVERSION.fullmatch(text, measure.end, then.start))


def _half_last_digit(number_text: str) -> float:
    """Just under half the place of the last digit of the number as written: "62" -> 0.499, "11.46 million" ->
    0.00499 (of a million); a number word ("five") is read to the unit. Just under: the values that round to 62
    run from 61.5 up to, not including, 62.5, so two different figures written in one unit never overlap."""
    first = number_text.replace(",", "").split()[0] if number_text.split() else ""
    try:
        exponent = Decimal(first).as_tuple().exponent
    except InvalidOperation:
        return HALF
    return HALF * 10.0 ** int(exponent) if isinstance(exponent, int) else HALF


def _scale(value: float, figure: Quantity) -> float:
    """What one written unit of the figure's number is worth: "11 million" -> 1,000,000."""
    first = figure.number_text.replace(",", "").split()[0] if figure.number_text.split() else ""
    try:
        written = float(first)
    except ValueError:
        return 1.0
    return value / written if written and value and not math.isinf(value) else 1.0


@cache
def _registry(definitions: tuple[str, ...] = ()) -> Any:
    """pint's registry, with the units a language pack defines (each currency a dimension of its own)."""
    import pint

    registry: Any = pint.UnitRegistry()
    for definition in definitions:
        registry.define(definition)
    return registry


@cache
def conversion_factor(unit: str, target: str, definitions: tuple[str, ...] = ()) -> float | None:
    """How many ``target`` one ``unit`` is (pint's notation, with ``definitions`` of units it does not know), or
    None when they measure different dimensions."""
    registry = _registry(definitions)
    try:
        return float((1 * registry(unit)).to(target).magnitude)
    except Exception:  # pint raises its own errors for an unknown unit and for different dimensions
        return None
