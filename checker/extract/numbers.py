"""Turn numbers in news text into count intervals, with the words of a language pack.

``NumberGrammar(pack.numbers, months).find(text)`` finds every number that can be a count
("eight", "21", "3,000", "two dozen", "at least 25", "between 15 and 30", "dozens of") and
gives it a closed interval ``[low, high]`` (``high`` may be ``math.inf``). Numbers that are
not counts -- years, days of the month, clock times, ages, ordinals, calibres and other
units, money, percentages, model names and page furniture -- are skipped.

All vocabulary (number words, quantifiers, tolerance, vague amounts, non-count context
words) comes from the pack's ``numbers.yaml``; month names from its ``dates.yaml``.

How it works, in four passes over one sentence:

1. One compiled regex (run on the lower-cased text) finds the *cores*: vague phrases
   ("a barrage of", "several hundred"), fixed phrases ("a single", "half a dozen") and runs
   of number tokens ("one hundred and ten", "1.5 million", "15 and 30"). Runs are split into
   numbers by a small grammar (``_NumberRun``).
2. Each core gets its prefix quantifier, its suffix quantifier, and a non-count verdict from
   the context rules. Everything that must sit right before a number (quantifiers, currency,
   designators, months, year prepositions) is matched with one anchored ``match`` on the
   reversed text, so no pattern scans backwards; a prefix quantifier never reaches back past
   the previous core.
3. Non-count verdicts spread across range connectors ("May 7-9", "18 to 25 years old").
4. Adjacent numbers joined by a connector become ranges; quantifiers are applied;
   ``Quantity`` objects are built.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from checker.lang.compiled import compiled
from checker.lang.models import NumbersFile, VagueAmount
from checker.lang.patterns import lower_same_length, norm, phrase_pattern, trie_pattern

__all__ = ["NumberGrammar", "Quantity"]

INF = math.inf
MAX_VALUE = 1e15  # larger numbers are not counts (and would overflow the arithmetic)
MULTIPLIER_CLASSES = ("hundred", "big", "dozen")

# Digits: "21", "3,000", "1.5"; not glued to letters ("107mm", "K1", "63rd") and not the tail of a
# decimal (".50"). Written digit-first so the regex engine can reject other positions on the first character.
_DIGITS = r"[0-9](?<!\.[0-9])(?>[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)(?!\w)"
_TOKEN = re.compile(r"[0-9][0-9.,]*|[^\W\d_]+")
_PLAIN_DIGITS = re.compile(r"[0-9][0-9.,]*")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SUFFIX_KEY = re.compile(r"[^\w+]+")
_DOT_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count found in text, with its interval."""

    start: int  # offset in `text` of the number's surface form
    end: int  # text[start:end] == number_text
    number_text: str
    phrase_start: int  # offset of the whole phrase including its quantifier
    phrase_end: int
    value_text: str  # text[phrase_start:phrase_end]
    low: float
    high: float  # math.inf when open above
    approximate: bool
    kind: str  # "exact" | "lower" | "upper" | "range" | "approximate" | "vague"
    strict: bool = False  # its quantifier leaves its number out ("more than 120", "fewer than 10", "nearly 80")


class _Core:
    """A number found in pass 1, with what the later passes learn about it."""

    __slots__ = ("start", "end", "low", "high", "vague", "digits", "digits_text", "token_count", "scale",
                 "spelled", "rejected", "prefix_kind", "phrase_start", "suffix_kind", "phrase_end")

    def __init__(self, start: int, end: int, low: float, high: float, vague: bool = False) -> None:
        self.start, self.end, self.low, self.high, self.vague = start, end, low, high, vague
        self.digits = False  # the first token is digits
        self.digits_text = ""  # that token, as written
        self.token_count = 0
        self.scale = 0.0  # the multiplier word closing a two-token number ("2 million"), else 0
        self.spelled = False  # written in words
        self.rejected = False  # not a count (a year, a time, an age ...)
        self.prefix_kind = ""  # the quantifier before it ("at least": lower)
        self.phrase_start = start
        self.suffix_kind = ""  # the quantifier after it ("or more": lower)
        self.phrase_end = end


class _NumberRun:
    """The number being read from a run of number tokens ("one hundred and ten")."""

    __slots__ = ("start", "end", "total", "current", "last", "min_big", "token_count", "digits", "digits_text",
                 "last_multiplier")

    def __init__(self, start: int) -> None:
        self.start = self.end = start
        self.total = 0.0
        self.current = 0.0
        self.last = ""  # class of the last token: unit, teen, ten, hundred, big, dozen, digit, or "a"
        self.min_big = INF
        self.token_count = 0
        self.digits = False
        self.digits_text = ""
        self.last_multiplier = 0.0

    def can_take(self, word_class: str, value: float, after_and: bool) -> bool:
        """Whether a token of ``word_class`` continues this number (the grammar of spelled-out numbers)."""
        last = self.last
        if after_and:
            return last in ("hundred", "big") and word_class in ("unit", "teen", "ten") and value > 0
        if word_class in ("unit", "teen", "ten"):
            if last in ("hundred", "big"):
                return value > 0
            return last == "ten" and word_class == "unit" and value > 0
        if word_class == "hundred":
            return last in ("a", "unit", "teen", "ten", "digit") and 0 < self.current < 100 or last == "a"
        if word_class == "big":
            if value >= self.min_big:
                return False
            return last == "a" or (last in ("unit", "teen", "ten", "digit", "hundred") and self.current > 0)
        if word_class == "dozen":
            return last in ("a", "unit", "teen", "ten", "digit") and self.current > 0
        return False

    def take(self, word_class: str, value: float, end: int) -> None:
        if word_class in ("unit", "teen", "ten", "digit"):
            self.current += value
            self.last_multiplier = 0.0
        elif word_class == "hundred":
            self.current = (self.current or 1.0) * value
            self.last_multiplier = value
        elif word_class == "big":
            self.total += (self.current or 1.0) * value
            self.current = 0.0
            self.min_big = value
            self.last_multiplier = value
        else:  # dozen
            self.current *= value
            self.last_multiplier = value
        self.last = word_class
        self.token_count += 1
        self.end = end

    def core(self) -> _Core | None:
        """The finished number, or None when nothing countable was read."""
        if self.last == "a" or self.token_count == 0:
            return None
        value = self.total + self.current
        if not 0 <= value <= MAX_VALUE:
            return None
        core = _Core(self.start, self.end, value, value)
        core.digits, core.digits_text, core.token_count = self.digits, self.digits_text, self.token_count
        core.spelled = not self.digits
        if self.last_multiplier and self.token_count == 2:
            core.scale = self.last_multiplier
        return core


@dataclass(frozen=True)
class _Vague:
    low: float
    high: float
    scalable: bool
    needs_of: bool
    not_after: re.Pattern[str] | None  # matched on the reversed text at the phrase start
    not_before: re.Pattern[str] | None  # matched at its end


_STRICT_QUANTIFIERS = frozenset({"lower_strict", "upper_strict", "approx_below_strict", "approx_above_strict"})
_KIND_OF_QUANTIFIER = {
    "lower": "lower", "lower_strict": "lower", "upper": "upper", "upper_strict": "upper",
    "approx": "approximate", "approx_below": "approximate", "approx_below_strict": "approximate",
    "approx_above_strict": "approximate",
}


class NumberGrammar:
    """Counts in the text of one language: ``find(text)`` gives every count with its interval."""

    def __init__(self, lexicon: NumbersFile, months: Iterable[str]) -> None:
        self.lexicon = lexicon
        self._build_words(lexicon)
        self._build_quantifiers(lexicon)
        self._build_non_count(lexicon, list(months))
        #: A cheap prefilter: matches if a text holds a digit or any number word or vague-amount word;
        #: everything ``find`` finds contains a match. Case-insensitive through [xX] classes: re.IGNORECASE
        #: would disable the engine's fast literal checks.
        self.candidate = compiled(r"[0-9]|\b" + self._words(self.candidate_words(), case="classes"))

    # --- building the patterns -------------------------------------------------------------------
    @staticmethod
    def _words(phrases: Iterable[str], *, reverse: bool = False, boundary: bool = True, case: str = "exact") -> str:
        return phrase_pattern(phrases, lower=True, hyphens=True, reverse=reverse, boundary=boundary,
                              case=case)  # type: ignore[arg-type]

    def _build_words(self, lexicon: NumbersFile) -> None:
        words = lexicon.words
        self.word_class: dict[str, tuple[str, float]] = {}
        for word_class, table in (("unit", words.units), ("teen", words.teens), ("ten", words.tens),
                                  ("hundred", words.hundred), ("big", words.scales), ("dozen", words.dozen)):
            for word, value in table.items():
                self.word_class[word.lower()] = (word_class, float(value))
        self.multiplier_words = sorted(w for w, (c, _) in self.word_class.items() if c in MULTIPLIER_CLASSES)
        self.compound_words = frozenset(w.lower() for w in lexicon.joiners.compound)
        self.indefinite_words = frozenset(w.lower() for w in lexicon.joiners.indefinite)
        self.of_words = tuple(w.lower() for w in lexicon.joiners.of)
        self.tolerance_relative = lexicon.tolerance.relative
        self.tolerance_min = lexicon.tolerance.absolute_min
        self.tolerance_digits = lexicon.tolerance.last_digits
        self.phrases = {norm(k, hyphens=True): float(v) for k, v in lexicon.phrases.items()}
        self.vague = {norm(entry.phrase, hyphens=True): self._vague_entry(entry) for entry in lexicon.vague}
        word_pattern = self._words(self.word_class)
        multiplier_pattern = self._words(self.multiplier_words)
        of = self._words(self.of_words) if self.of_words else "(?!)"
        compound = rf"\s+{self._words(self.compound_words)}\s+|" if self.compound_words else ""
        continuation = rf"(?:(?:{compound}\s*-\s*|\s+){word_pattern})*"  # "-one", " hundred", " and ten"
        vague_tail = rf"\b(?:(?:\s+{of})?(?:\s+{multiplier_pattern}){{1,2}})?(?:\s+{of}\b)?"
        entries: dict[str, str] = {}
        for word, (word_class, _) in self.word_class.items():
            if word_class not in MULTIPLIER_CLASSES:
                entries[word] = r"\b" + continuation
        for word in self.multiplier_words:
            for article in self.indefinite_words:
                entries[f"{article} {word}"] = r"\b" + continuation
        for phrase in self.phrases:
            entries[phrase] = r"\b"
        for phrase in self.vague:
            entries[phrase] = vague_tail
        # run on lower-cased text: one leading \b, then digits or the trie of every number word and phrase
        self.master = compiled(rf"\b(?:{_DIGITS}{continuation}|{trie_pattern(entries, hyphens=True)})")
        self.scale_end = compiled(rf"(?:\s+{of})?\s+({multiplier_pattern})\Z")
        self.scale_after = compiled(rf"\s+{multiplier_pattern}")
        self.trailing_of = compiled(rf"\s+{of}\Z")
        self.phrase_first_words = {p.split()[0] for p in list(self.phrases) + list(self.vague)}

    def _vague_entry(self, entry: VagueAmount) -> _Vague:
        return _Vague(
            low=entry.band[0], high=entry.band[1], scalable=entry.scalable, needs_of=entry.needs_of,
            not_after=compiled(r"\s+" + self._words(entry.not_after, reverse=True)) if entry.not_after else None,
            not_before=compiled(r"\s+" + self._words(entry.not_before)) if entry.not_before else None,
        )

    def _build_quantifiers(self, lexicon: NumbersFile) -> None:
        quantifiers = lexicon.quantifiers
        self.prefix_kind = {norm(p, hyphens=True): kind for kind, phrases in quantifiers.prefix.items()
                            for p in phrases}
        self.prefix_reversed = compiled(
            r"\s+" + self._words([p for p in self.prefix_kind if p[-1].isalnum()], reverse=True)
            + r"|\s*" + self._words([p for p in self.prefix_kind if not p[-1].isalnum()], reverse=True)
        )
        self.prefix_not_after = (compiled(r"\s+" + self._words(list(quantifiers.prefix_not_after), reverse=True))
                                 if quantifiers.prefix_not_after else None)
        self.suffix_kind = {norm(p, hyphens=True).strip() or "+": kind for kind, phrases in quantifiers.suffix.items()
                            for p in phrases}
        suffixes = [p for phrases in quantifiers.suffix.values() for p in phrases]
        self.suffix = compiled(
            r"\s+" + self._words([p for p in suffixes if p[:1].isalnum()])
            + r"|\s*(?:\s*-\s*|\s+)" + self._words([p[1:] for p in suffixes if p[:1] == "-"])
            + r"|\s*\+(?![0-9])"
        )
        self.connectors = {c.lower().strip() for c in lexicon.range_connectors if c.strip()}
        symbols = [c for c in self.connectors if not c[0].isalnum()]
        words = [c for c in self.connectors if c[0].isalnum()]
        self.connect = compiled(
            rf"\s*(?P<symbol>{phrase_pattern(symbols)})\s*|\s+(?P<word>{phrase_pattern(words)})\s+")
        self.between_only = {c.lower() for c in lexicon.between_only_connectors}
        self.between_connectors = {c.lower() for c in lexicon.between_connectors}
        self.change_connectors = {c.lower() for c in lexicon.change_connectors}
        self.range_partner = (rf"(?:\s*(?:{phrase_pattern(symbols)}|\b(?:{phrase_pattern(words)})\b)\s*"
                              r"[0-9][0-9,.]*)?")

    def _build_non_count(self, lexicon: NumbersFile, months: list[str]) -> None:
        context = lexicon.non_count

        def units(phrases: Iterable[str]) -> str:  # a unit must not run on into a longer word: "5 amid" is not "5 am"
            return trie_pattern({" ".join(p.lower().split()): r"(?![^\W\d_])" if p.strip()[-1:].isalnum() else ""
                                 for p in phrases if p.strip()}, hyphens=True)

        self.after_non_count = compiled(  # right after a number: units, times, ages, money, "/", ":30", ".62"
            rf"\s*(?:-\s*)?{units(context.units)}|\s*{units(context.furniture_following)}"
            r"|\s*/|:[0-9]|[.,][0-9]|\s*[-–]\s*[0-9][0-9.,]*(?:[^\W\d_]|%)"
        )
        self.ordinal_after = compiled(rf"(?:\s*-\s*|\s+){self._words(context.ordinal_fraction)}")
        before_any = (  # right before a number or its quantifier, on the reversed text
            rf"\s*{self._words(context.currency_prefixes, reverse=True)}"
            rf"|\s+{self._words(context.age_prefixes, reverse=True)}"
            rf"|\s*[(:\[]?\s*{self._words(context.furniture_preceding, reverse=True)}"
            r"|-[^\W\d_]|[+±−]|:\s*[0-9]|\s*/"  # ("3:30"; not "Oct 29: At least 59")
        )
        self.before_quantifier_non_count_reversed = compiled(before_any)
        # a designator stands right before its number ("Flight 17"), never before a quantifier ("the number tops 900")
        self.before_non_count_reversed = compiled(
            rf"{before_any}|\s*{self._words(context.designator_prefixes, reverse=True)}")
        self.idiom = compiled(rf"\b{self._words(context.idioms)}")
        idiom_words = {w for p in context.idioms for w in norm(p, hyphens=True).split() if w in self.word_class}
        self.idiom_words = compiled(rf"\b(?:{phrase_pattern(idiom_words)})\b") if idiom_words else None
        cased_months = set(months) | {m.upper() for m in months}  # case-sensitive: "may" the verb is no month
        month_reversed = trie_pattern({m[::-1]: r"\b" for m in cased_months})
        month_forward = trie_pattern({m: r"\b" for m in cased_months})
        self.month_before_reversed = compiled(rf"\s+,?\.?{month_reversed}")
        # a day of the month follows its month with no comma between ("March 10"; in "On 3 March, 10 rockets were
        # fired" the comma ends the date)
        self.month_of_day_reversed = compiled(rf"\s+\.?{month_reversed}")
        self.month_after = compiled(rf"\s+(?:(?:{phrase_pattern(self.of_words)})\s+)?{month_forward}")
        self.year_low, self.year_high = context.year_range
        preceders = list(context.year_preceders) + [m.lower() for m in months]
        self.year_before_reversed = compiled(rf"\s+\.?{self._words(preceders, reverse=True)}")
        self.next_word = compiled(rf"{self.range_partner}\s+([^\W\d_]+)\b(?!['’])")
        self.plural_irregular = {w.lower() for w in context.plural_irregular}
        self.not_plural = {w.lower() for w in context.not_plural} | {w.lower() for w in context.event_nouns}
        self.plural_suffixes = tuple(context.plural_suffixes)
        self.not_plural_suffixes = tuple(context.not_plural_suffixes)

    def candidate_words(self) -> list[str]:
        """Every number word, plus one word of each number phrase that has none (the prefilter's words)."""
        words = set(self.word_class)
        for phrase in list(self.phrases) + list(self.vague):
            parts = phrase.split()
            if not any(w in words for w in parts):
                words.add(max(parts, key=len))
        return sorted(words)

    # --- finding counts -----------------------------------------------------------------------------
    def leaves_its_number_out(self, value_text: str) -> bool:
        """Whether a figure as written ("more than 120", "fewer than 10") has a quantifier that leaves its number
        out: it claims another figure than a source's 120 or 10 (``Quantity.strict``)."""
        found = self.find(value_text)
        return bool(found) and found[0].strict

    def find(self, text: str) -> list[Quantity]:
        """Every count in ``text``, in order of appearance."""
        if not text:
            return []
        lower = lower_same_length(text)
        reversed_lower = lower[::-1]
        cores = self._cores(lower, reversed_lower)
        if not cores:
            return []
        self._read_context(cores, text, lower, reversed_lower)
        connectors = self._connectors(cores, lower)
        self._spread_rejections(cores, connectors)
        return self._quantities(cores, connectors, text)

    def parse_count(self, phrase: str) -> tuple[float, float, bool] | None:
        """Interval of a whole phrase: ``"at least 25"`` -> ``(25, inf, False)``; None when it holds no count."""
        found = self.find(phrase)
        return (found[0].low, found[0].high, found[0].approximate) if found else None

    # pass 1: cores -------------------------------------------------------------------------------
    def _cores(self, lower: str, reversed_lower: str) -> list[_Core]:
        cores: list[_Core] = []
        for match in self.master.finditer(lower):
            start, end = match.span()
            found = match.group()
            if found[0].isdigit():
                self._digit_core(found, start, end, lower, cores)
            elif found in self.word_class:  # fast path: a lone number word such as "eight"
                core = _Core(start, end, self.word_class[found][1], self.word_class[found][1])
                core.spelled, core.token_count = True, 1
                cores.append(core)
            else:
                self._phrase_core(found, start, end, lower, reversed_lower, cores)
        return cores

    def _digit_core(self, found: str, start: int, end: int, lower: str, cores: list[_Core]) -> None:
        if not _PLAIN_DIGITS.fullmatch(found):
            self._read_run(lower, start, end, cores)  # "2 million", "15 and 30"
            return
        if self.lexicon.dot_thousands and _DOT_THOUSANDS.fullmatch(found) and not self.scale_after.match(lower, end):
            found = found.replace(".", ",")  # "5.000 injured": five thousand
        value = float(found.replace(",", "")) if len(found) <= 20 else INF  # fast path: "21", "3,000"
        if value <= MAX_VALUE:
            core = _Core(start, end, value, value)
            core.digits, core.digits_text, core.token_count = True, found, 1
            cores.append(core)

    def _phrase_core(self, found: str, start: int, end: int, lower: str, reversed_lower: str,
                     cores: list[_Core]) -> None:
        """A core that starts with a word: a run of number words, a fixed phrase or a vague amount."""
        first = _FIRST_WORD.match(found)
        if first is not None and first.group() in self.word_class and first.group() not in self.phrase_first_words:
            self._read_run(lower, start, end, cores)  # "two dozen", "one hundred and ten"
            return
        value = self.phrases.get(norm(found, hyphens=True))
        if value is not None:
            core = _Core(start, end, value, value)
            core.spelled, core.token_count = True, 1
            cores.append(core)
            return
        self._vague_core(found, start, end, lower, reversed_lower, cores)

    def _vague_core(self, found: str, start: int, end: int, lower: str, reversed_lower: str,
                    cores: list[_Core]) -> None:
        """A vague amount ("several hundred", "dozens of"): strip its tail (of, scale words) to find the entry."""
        base, has_of = found, False
        trailing = self.trailing_of.search(base)
        if trailing:
            base, has_of = base[:trailing.start()], True
        number_end = start + len(base)
        factor = 1.0
        scale = self.scale_end.search(base)
        while scale is not None:  # "several hundred", "a couple of hundred"
            factor *= self.word_class[scale.group(1)][1]
            has_of = has_of or scale.group().split()[0] in self.of_words
            base = base[:scale.start()]
            scale = self.scale_end.search(base)
        key = norm(base, hyphens=True)
        entry = self.vague.get(key)
        if entry is None and has_of:
            entry = next((self.vague[f"{key} {of}"] for of in self.of_words if f"{key} {of}" in self.vague), None)
        if entry is None:
            self._read_run(lower, start, end, cores)  # "one hundred", "a dozen", ...
            return
        if (factor != 1.0 and not entry.scalable) or (entry.needs_of and not (has_of or factor != 1.0)):
            return
        if entry.not_after is not None and entry.not_after.match(reversed_lower, len(lower) - start):
            return
        if entry.not_before is not None and entry.not_before.match(lower, end):
            return
        core = _Core(start, number_end, entry.low * factor, entry.high * factor, vague=True)
        core.phrase_end = end  # the "of" belongs to the phrase, not to the number
        if cores and cores[-1].vague and not lower[cores[-1].phrase_end:start].strip():
            cores.pop()  # "many thousands of": the first vague word only intensifies the second
        cores.append(core)

    def _read_run(self, lower: str, start: int, end: int, cores: list[_Core]) -> None:
        """Split a run of number tokens into numbers (the grammar is ``_NumberRun.can_take``)."""
        run: _NumberRun | None = None
        after_and = False

        def close() -> None:
            core = run.core() if run is not None else None
            if core is not None:
                cores.append(core)

        for token in _TOKEN.finditer(lower, start, end):
            word = token.group()
            if word in self.compound_words:
                if run is not None and run.last in ("hundred", "big"):
                    after_and = True
                else:
                    close()
                    run = None
                continue
            if word in self.indefinite_words:
                close()
                run = _NumberRun(token.start())
                run.last, run.current, run.end = "a", 1.0, token.end()
                after_and = False
                continue
            word_class, value = self._token_value(word)
            if not word_class:
                close()
                run, after_and = None, False
                continue
            if run is None or not run.can_take(word_class, value, after_and):
                close()
                run = None
                if word_class in MULTIPLIER_CLASSES:
                    after_and = False
                    continue
                run = _NumberRun(token.start())
                if word_class == "digit":
                    run.digits, run.digits_text = True, word
            after_and = False
            run.take(word_class, value, token.end())
            if word_class == "dozen":
                close()
                run = None
        close()

    def _token_value(self, word: str) -> tuple[str, float]:
        known = self.word_class.get(word)
        if known is not None:
            return known
        if len(word) > 20:  # an absurdly long digit string: not a count
            return "", 0.0
        try:
            return "digit", float(word.replace(",", ""))
        except ValueError:
            return "", 0.0

    # pass 2: context -----------------------------------------------------------------------------
    def _read_context(self, cores: list[_Core], text: str, lower: str, reversed_lower: str) -> None:
        reversed_text = text[::-1]
        previous_end = 0
        for core in cores:
            self._prefix(core, lower, reversed_lower, previous_end)
            self._suffix(core, lower)
            if not core.vague:
                core.rejected = self._is_not_a_count(core, text, lower, reversed_lower, reversed_text)
            previous_end = core.phrase_end

    def _prefix(self, core: _Core, lower: str, reversed_lower: str, floor: int) -> None:
        start = core.start
        if start == 0 or lower[start - 1].isalnum():
            return
        length = len(lower)
        match = self.prefix_reversed.match(reversed_lower, length - start, length - floor)
        if match is None:
            return
        phrase_start = length - match.end()
        kind = self.prefix_kind.get(norm(lower[phrase_start:start], hyphens=True))
        if kind == "upper" and self.prefix_not_after is not None and self.prefix_not_after.match(
                reversed_lower, match.end()):
            return  # "has risen up to 154": the level, no bound ("has risen above 100" is still more than 100)
        if kind is not None:
            core.prefix_kind, core.phrase_start = kind, phrase_start

    def _suffix(self, core: _Core, lower: str) -> None:
        match = self.suffix.match(lower, core.phrase_end)
        if match is None:
            return
        kind = self.suffix_kind.get(norm(_SUFFIX_KEY.sub(" ", match.group()), hyphens=True) or "+")
        if kind is not None:
            core.suffix_kind, core.phrase_end = kind, match.end()

    def _is_plural_noun(self, word: str) -> bool:
        if word in self.plural_irregular:
            return True
        if word in self.not_plural or len(word) < 3 or not word.endswith(self.plural_suffixes):
            return False
        return not word.endswith(self.not_plural_suffixes)

    def _is_year(self, core: _Core, lower: str, reversed_lower: str, reversed_text: str) -> bool:
        """A bare four-digit number that reads as a year (the rules are in numbers.yaml)."""
        raw = core.digits_text
        if not core.digits or core.token_count != 1 or len(raw) != 4 or not raw.isdigit():
            return False
        value = int(raw)
        if not 1000 <= value <= self.year_high:
            return False
        length = len(lower)
        for position in {core.start, core.phrase_start}:
            if (self.year_before_reversed.match(reversed_lower, length - position)
                    or self.month_before_reversed.match(reversed_text, length - position)):
                return True
        if value < self.year_low:
            return False
        following = self.next_word.match(lower, core.end)
        return not (following and self._is_plural_noun(following.group(1)))

    def _is_not_a_count(self, core: _Core, text: str, lower: str, reversed_lower: str, reversed_text: str) -> bool:
        """A date, a time, an age, a unit, money ... (the context words are in numbers.yaml)."""
        start, end, length = core.start, core.end, len(lower)
        if self.after_non_count.match(lower, end):
            return True
        if core.spelled and self.ordinal_after.match(lower, end):
            return True
        if self.before_non_count_reversed.match(reversed_lower, length - start):  # right before the number
            return True
        if core.phrase_start != start and self.before_quantifier_non_count_reversed.match(
                reversed_lower, length - core.phrase_start):  # and before its quantifier ("aged over 60")
            return True
        if core.digits:
            raw = core.digits_text
            if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
                return True  # "07", "0700": clock times, codes
            if (core.token_count == 1 and "," not in raw and "." not in raw and 1 <= core.low <= 31
                    and (self.month_of_day_reversed.match(reversed_text, length - start)
                         or self.month_after.match(text, end))):
                return True
            if self._is_year(core, lower, reversed_lower, reversed_text):
                return True
        return core.spelled and self._in_idiom(lower, start, end)

    def _in_idiom(self, lower: str, start: int, end: int) -> bool:
        if self.idiom_words is None or not self.idiom_words.search(lower, start, end):
            return False
        limit = min(len(lower), end + 24)
        idiom = self.idiom.search(lower, max(0, start - 16), limit)
        while idiom is not None:
            if idiom.start() < end and idiom.end() > start:
                return True
            idiom = self.idiom.search(lower, idiom.start() + 1, limit)
        return False

    # pass 3: ranges and spreading non-counts ---------------------------------------------------
    def _connectors(self, cores: list[_Core], lower: str) -> list[str]:
        """The connector joining each core to the next ("" where none does)."""
        connectors = [""] * len(cores)
        for index in range(len(cores) - 1):
            first, second = cores[index], cores[index + 1]
            if first.vague or second.vague or first.suffix_kind or second.prefix_kind:
                continue
            match = self.connect.fullmatch(lower, first.end, second.start)
            if match is None:
                continue
            word = match.group("symbol") or match.group("word")
            if word not in self.connectors or (word in self.between_only and first.prefix_kind != "between"):
                continue
            connectors[index] = word
        return connectors

    @staticmethod
    def _spread_rejections(cores: list[_Core], connectors: list[str]) -> None:
        """A non-count spreads over its range partner ("May 7-9", "5-10%")."""
        for index in range(len(cores) - 1):
            if connectors[index] and cores[index].rejected:
                cores[index + 1].rejected = True
        for index in range(len(cores) - 2, -1, -1):
            if connectors[index] and cores[index + 1].rejected:
                cores[index].rejected = True

    # pass 4: intervals -----------------------------------------------------------------------------
    def _quantities(self, cores: list[_Core], connectors: list[str], text: str) -> list[Quantity]:
        found: list[Quantity] = []
        index = 0
        while index < len(cores):
            core = cores[index]
            if core.rejected:
                index += 1
                continue
            if index + 1 < len(cores) and connectors[index] and not cores[index + 1].rejected:
                ranged = self._range(core, cores[index + 1], connectors[index], text)
                if ranged is not None:
                    found.append(ranged)
                    index += 2
                    continue
            found.append(self._single(core, text))
            index += 1
        return found

    def _range(self, first: _Core, second: _Core, connector: str, text: str) -> Quantity | None:
        """Two numbers joined by a connector, as one range; None when they are not a range."""
        quantifier = first.prefix_kind
        first_low, first_high = first.low, first.high
        if second.scale and not first.scale and first.low < second.low / second.scale:
            first_low, first_high = first.low * second.scale, first.high * second.scale  # "1 to 2 million"
        if quantifier == "between" and connector in self.between_connectors:
            is_range = True
        elif quantifier == "from" and connector in self.change_connectors:
            is_range = False  # a change, "from 3,000 to 2,500"
        else:
            is_range = first_low < second.low
        if not is_range:
            return None
        low, high = min(first_low, second.low), max(first_high, second.high)
        approximate, kind = False, "range"
        phrase_start = first.phrase_start if quantifier and quantifier != "from" else first.start
        if quantifier in _KIND_OF_QUANTIFIER:
            low, high, approximate = self._apply(quantifier, low, high)
            if quantifier in ("lower", "lower_strict", "upper", "upper_strict"):
                kind = _KIND_OF_QUANTIFIER[quantifier]
        elif second.suffix_kind:
            low, high, approximate = self._apply(second.suffix_kind, low, high)
            if second.suffix_kind in ("lower", "upper"):
                kind = second.suffix_kind
        return _quantity(text, first.start, second.end, phrase_start, second.phrase_end, low, high, approximate, kind,
                         strict=quantifier in _STRICT_QUANTIFIERS)

    def _single(self, core: _Core, text: str) -> Quantity:
        low, high, approximate = core.low, core.high, core.vague
        kind = "vague" if core.vague else "exact"
        phrase_start = core.start
        quantifier = core.prefix_kind if core.prefix_kind in _KIND_OF_QUANTIFIER else core.suffix_kind
        if quantifier:
            low, high, applied = self._apply(quantifier, low, high)
            approximate = approximate or applied
            kind = _KIND_OF_QUANTIFIER[quantifier]
            if quantifier == core.prefix_kind:
                phrase_start = core.phrase_start
        if core.vague and kind == "approximate":
            kind = "vague"
        return _quantity(text, core.start, core.end, phrase_start, core.phrase_end, low, high, approximate, kind,
                         strict=quantifier in _STRICT_QUANTIFIERS)

    def _tolerance(self, value: float) -> float:
        relative = self.tolerance_relative * value
        if self.tolerance_digits is not None:  # "about 11.46 million" is no rougher than its last digits
            relative = min(relative, self.tolerance_digits * _last_place(value))
        return max(self.tolerance_min, relative)

    def _apply(self, kind: str, low: float, high: float) -> tuple[float, float, bool]:
        """The interval for quantifier ``kind`` applied to the base interval [low, high]."""
        whole = _integral(low) and (high == INF or _integral(high))
        one = 1.0 if whole else 0.0
        approximate = kind.startswith("approx")
        if kind == "lower":
            high = INF
        elif kind == "lower_strict":  # "more than 30": read as 30 or more, as fact-checkers do (30 is no lie)
            high = INF
        elif kind == "upper":
            low = 0.0
        elif kind == "upper_strict":  # "fewer than 10": read as up to 10
            low = 0.0
        elif kind == "approx":
            low, high = low - self._tolerance(low), high + self._tolerance(high)
        elif kind == "approx_below":
            low = low - self._tolerance(low)
        elif kind == "approx_below_strict":
            low, high = low - self._tolerance(low), high - one
        elif kind == "approx_above_strict":
            low, high = low + one, high + self._tolerance(high)
        if approximate and whole:
            low = math.ceil(low - 1e-9)
            if high != INF:
                high = math.floor(high + 1e-9)
        low, high = max(0.0, float(low)), max(0.0, float(high))
        return low, max(low, high), approximate


def _last_place(value: float) -> float:
    """The place of a number's last non-zero digit: 11,460,000 -> 10,000; 30 -> 10; 2.5 -> 0.1 (inf for 0)."""
    if not 0 < value < INF:
        return INF
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return 10.0 ** exponent if isinstance(exponent, int) else INF


def _integral(value: float) -> bool:
    return value != INF and value == int(value)


def _quantity(text: str, start: int, end: int, phrase_start: int, phrase_end: int, low: float, high: float,
              approximate: bool, kind: str, strict: bool = False) -> Quantity:
    if not low >= 0:  # also catches NaN
        low = 0.0
    if not high >= low:
        high = low
    return Quantity(start, end, text[start:end], phrase_start, phrase_end, text[phrase_start:phrase_end],
                    float(low), float(high), approximate, kind, strict)
