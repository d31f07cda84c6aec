"""Find date mentions in news sentences and resolve them to intervals, with the words of a language pack.

``DateGrammar(pack.dates, numbers).find(text, published)`` returns every date mention in *text*, in order,
each resolved to a closed interval ``[low, high]`` of calendar days.  Forms that
depend on when the article was written ("on Sunday", "last week", "December 20",
"in January") are resolved against *published*; without a publication date they
come back open (``low = high = None``).

All word lists (month and weekday names, prepositions, parts of months, relative
phrases, ...) live in the pack's ``dates.yaml``; counts in "N days ago" are read by the
number grammar. Everything is plain regex and ``datetime`` arithmetic. The patterns are
compiled once per grammar, and results are memoised per ``(text, published)``.  Speed comes from "core" words:
every mention holds a month name, a year-like or month/unit-bound number, or a
keyword ("day", "week", "month", ...); the combined pattern is only tried at the
word holding a core and at the run of prefix words right before it, so a
sentence without a core costs a couple of ``re`` scans (a few microseconds).

Conventions worth knowing:

* A mention's span never includes a leading preposition: for "since 2011" the
  mention is "2011" (the interval is the year 2011); look at ``text[:start]``
  if the preposition matters.  Modifiers that change the meaning are included
  ("last Sunday", "late November", "end of 2019").
* Bare weekdays and months resolve to the latest one on or before publication,
  so future references ("will meet on Thursday") come out a week early.
* "N weeks/months/years ago" is the day N units before publication widened by
  a band (3 / 15 / 183 days either side, from the lexicon), never past the
  publication date; "N days ago" is exact.
* A bare year is a mention only after a preposition ("in 2011"), a part word
  ("late 2019"), a season ("summer of 2019"), "the year", or as a decade
  ("the 1990s"; "the 1800s" spans the century).  Years run 1700..2199.
* Month and weekday names are matched case-sensitively; other words match in
  lower case or with a capital first letter (not ALL CAPS).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from checker.extract.numbers import NumberGrammar
from checker.lang.compiled import compiled
from checker.lang.models import DatesFile
from checker.lang.patterns import norm, phrase_pattern

__all__ = ["DateGrammar", "DateMention"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text passed in; text[start:end] == text
    end: int
    text: str
    low: date | None  # None = open (unknown) bound
    high: date | None
    explicit: bool  # the mention carries its own year
    weekday: int | None  # 0=Monday..6=Sunday when a weekday is stated with an explicit day
    relative: bool  # resolved against the publication date


# --------------------------------------------------------------------------- helpers

_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # Feb 29 is a valid month-day


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    y, m0 = divmod(year * 12 + (month - 1) + k, 12)
    return y, m0 + 1


def _shift(d: date, unit: str, n: int) -> date:
    """*d* moved by *n* units (day, week, month, year); month/year clip the day."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "hour":  # whole days covering the hours
        days = math.ceil(abs(n) / 24)
        return d + timedelta(days=days if n >= 0 else -days)
    months = n if unit == "month" else 12 * n
    y, m = _add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_interval(year: int, month: int, days: tuple[int, int] | None = None) -> tuple[date, date]:
    end = calendar.monthrange(year, month)[1]
    if days is None:
        return date(year, month, 1), date(year, month, end)
    lo, hi = days
    hi = min(hi, end)
    lo = min(max(lo, 1), hi)
    return date(year, month, lo), date(year, month, hi)


def _month_year(month: int, pub: date, mode: str) -> int:
    """The year of the *month* meant relative to the publication month."""
    if mode == "before":
        return pub.year if month < pub.month else pub.year - 1
    if mode == "after":
        return pub.year if month > pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1  # latest, not after


def _latest_month_day(month: int, day: int, pub: date) -> date | None:
    """The latest *month*/*day* on or before *pub* (Feb 29 looks back up to 8 years)."""
    for back in range(9):
        try:
            d = date(pub.year - back, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def _weekday_date(wd: int, pub: date, mode: str) -> date:
    if mode == "week":
        return pub + timedelta(days=wd - pub.weekday())
    if mode == "after":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    delta = (pub.weekday() - wd) % 7
    if mode == "before" and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_WORD_NEXT = re.compile(r"\s*[\w(]")
_MAX_GAP = 4  # most separator characters between two words of one mention ("Sun., Dec. 20")


# --------------------------------------------------------------------------- the grammar


class _Found(NamedTuple):
    """A date mention as a form's handler reads it (offsets into the text searched)."""

    start: int
    end: int
    low: date | None
    high: date | None
    explicit: bool  # carries its own year
    weekday: int | None  # the weekday stated with an explicit day
    relative: bool  # resolved against the publication date
    full: bool  # a full date: day, month and year


def _open(start: int, end: int, weekday: int | None = None) -> _Found:
    """A mention that needs a publication date to resolve, when there is none."""
    return _Found(start, end, None, None, False, weekday, True, False)


class DateGrammar:
    """Date mentions of one language: the pack's word lists, compiled patterns and a handler per form.

    Built once per language pack; ``find(text, published)`` gives the mentions of a text.
    """

    def __init__(self, lexicon: DatesFile, numbers: NumberGrammar) -> None:
        self.numbers = numbers
        self._read_vocabulary(lexicon)
        self.pattern = compiled(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in self._forms(lexicon).items()) + ")")
        self._build_cores(lexicon)
        self.handlers: dict[str, Callable[[re.Match[str], str, date | None], list[_Found]]] = {
            "X": self._weekday_date,
            "I": self._iso,
            "M": self._month_first,
            "D": self._day_first,
            "Y": self._year,
            "W": self._weekday,
            "A": self._ago,
            "P": self._past_n,
            "R": self._relative,
        }
        self._cache: dict[tuple[str, date | None], tuple[tuple[DateMention, bool], ...]] = {}

    def _read_vocabulary(self, lexicon: DatesFile) -> None:
        grammar = lexicon.grammar
        self.months: dict[str, int] = {**lexicon.month_abbreviations, **lexicon.months}
        self.month_abbr = frozenset(lexicon.month_abbreviations)
        self.weekdays: dict[str, int] = dict(lexicon.weekdays)
        self.weekday_abbr: dict[str, int] = dict(lexicon.weekday_abbreviations)
        self.wd_name_before = frozenset(lexicon.weekday_name_before)
        self.wd_name_after = frozenset(lexicon.weekday_name_after)
        self.wd_mods = {norm(k): v for k, v in lexicon.weekday_modifiers.items()}
        self.month_mods = {norm(k): v for k, v in lexicon.month_modifiers.items()}
        self.month_parts = {norm(k): (v[0], v[1]) for k, v in lexicon.month_parts.items()}
        self.year_parts = {norm(k): (v[0], v[1]) for k, v in lexicon.year_parts.items()}
        self.decade_parts = {norm(k): (v[0], v[1]) for k, v in lexicon.decade_parts.items()}
        self.seasons = {norm(k): (v[0], v[1]) for k, v in lexicon.seasons.items()}
        self.relative = {norm(k): v for k, v in lexicon.relative.items()}
        self.ago_band: dict[str, int] = {unit: spec.band for unit, spec in lexicon.ago_units.items()}
        self.ago_band.setdefault("hour", 0)
        self.unit_of: dict[str, str] = {form.lower(): unit for unit, forms in grammar.units.items() for form in forms}
        self.unit_of.update({form.lower(): "hour" for form in grammar.hours})
        self.indefinite = frozenset(w.lower() for w in self.numbers.indefinite_words)
        self.demoting_prepositions = frozenset(norm(w) for w in grammar.count_after_month_prepositions)
        self.and_ranges_after = frozenset(norm(w) for w in grammar.and_ranges_after)
        self.and_words = frozenset(norm(w) for w in grammar.and_words)

    def _forms(self, lexicon: DatesFile) -> dict[str, str]:
        """The regex of each date form, by the letter its handler is registered under."""
        grammar = lexicon.grammar

        def words(phrases: Iterable[str], capitalised: bool = False) -> str:
            return "(?:" + phrase_pattern(phrases, case="capitalised" if capitalised else "exact") + ")"

        month_re, full_month_re = words(self.months), words(lexicon.months)
        wd_re, wd_abbr_re = words(self.weekdays), words(self.weekday_abbr)
        m_prep, y_prep = words(lexicon.month_prepositions, True), words(lexicon.year_prepositions, True)
        m_mod, wd_mod = words(self.month_mods, True), words(self.wd_mods, True)
        parts = words(set(self.month_parts) | set(self.year_parts) | set(self.decade_parts), True)
        seasons, rel = words(self.seasons, True), words(self.relative, True)
        the, of, ordinal = words(grammar.the, True), words(grammar.of), words(grammar.ordinal_suffixes)
        units = words([form for forms in grammar.units.values() for form in forms])
        hour_units = words([form for forms in grammar.units.values() for form in forms] + list(grammar.hours))
        range_word, day_range_word = words(grammar.range_words), words(grammar.day_range_words)
        count = self._count_pattern()
        year = r"(?:1[7-9]|20|21)\d\d(?!\d)"  # 1700..2199
        year_end = r"(?![\w]|[,.]\d|[-–]\d)"  # not "2011-12", "2,011", "2011th"

        def month(p: str) -> str:
            return rf"(?P<{p}mon>{month_re})\b(?P<{p}dot>\.)?"

        def day(p: str, name: str = "day") -> str:
            return rf"(?P<{p}{name}>[12]\d|3[01]|0?[1-9])(?:{ordinal})?\b"

        def day_range(p: str) -> str:
            return (rf"{day(p)}(?:(?:\s*[-–]\s*|\s+{day_range_word}\s+){day(p, 'day2')}"
                    rf"(?![.:]\d|\s*{words(grammar.clock_suffixes)}\b))?(?![.:]\d)")

        def opt_year(p: str) -> str:
            return rf"(?:(?:,\s*|\s+)(?P<{p}year>{year}){year_end})?"

        return {
            # weekday stated with an explicit day: "Sunday, December 20, 2020", "Sun. (Dec. 20)"
            "X": (
                rf"(?:{words(grammar.weekday_date_modifiers, True)}\s+)?"
                rf"(?:(?P<Xwd>{wd_re})\b|(?P<Xwa>{wd_abbr_re})\.)\s*,?\s*(?P<Xpar>\()?\s*(?:{words(grammar.the)}\s+)?"
                rf"(?:{month('Xa')}\s+{day_range('Xa')}{opt_year('Xa')}"
                rf"|{day_range('Xb')}\s+(?:{of}\s+)?{month('Xb')}{opt_year('Xb')})"
                rf"(?(Xpar)\s*\))"
            ),
            # ISO dates: 2020-12-20, 2020/12/20
            "I": (
                rf"(?<![\d\-/.])(?P<Iy>{year})(?P<Isep>[-/])(?P<Im>0[1-9]|1[0-2])(?P=Isep)"
                rf"(?P<Id>0[1-9]|[12]\d|3[01])(?!\d)"
            ),
            # month-first forms: "Dec. 20, 2020", "March 29th", "September 2018",
            # "in January", "late November", "last December", "between May and July"
            "M": (
                rf"(?:(?P<Mprep>{m_prep})\s+)?"
                rf"(?:(?P<Mmod>{m_mod})\s+|(?:{the}\s+)?(?P<Mpart>{parts})(?:\s*-\s*|\s+)(?:{of}\s+)?)?"
                + month("M")
                + rf"(?:\s+{day_range('M')}{opt_year('M')}"
                rf"|(?:,\s*|\s+)(?:{of}\s+)?(?P<Myr>{year}){year_end}"
                rf"|(?P<Mtail>\s*[-–]\s*|\s+{range_word}\s+)(?P<Mmon2>{full_month_re})\b(?!\.?\s*\d)"
                rf")?"
            ),
            # day-first forms: "20 December 2020", "the 20th of December"
            "D": rf"(?<![\d.,:/\-–]){day_range('D')}\s+(?:{of}\s+)?{month('D')}{opt_year('D')}",
            # years: "in 2011", "in late 2019", "mid-2020", "summer of 2019", "the 1990s", "2011-2015"
            "Y": (
                rf"(?:(?P<Yprep>{y_prep})\s+)?(?:{the}\s+)?"
                rf"(?:(?P<Ypart>{parts})(?:\s*-\s*|\s+)(?:{words(grammar.the)}\s+)?"
                rf"|(?P<Yseason>{seasons})\s+(?:{of}\s+)?|(?P<Ythe_year>{words(grammar.the_year, True)})\s+)?"
                rf"(?P<Yyear>{year})"
                rf"(?:(?P<Ydec>s)\b|(?:(?P<Ysep>\s*[-–]\s*|\s+{range_word}\s+)"
                rf"(?P<Yyear2>{year})|[-–/](?P<Yshort>\d\d)(?!\d))?{year_end})"
            ),
            # weekdays: "on Sunday", "Wednesday night", "last Sunday", "Monday's attack"
            "W": rf"(?:(?P<Wmod>{wd_mod})\s+)?(?P<Wwd>{wd_re})\b",
            # "three days ago", "a week ago", "twenty-one days ago", "a few months ago"
            "A": rf"(?<![\d,.])(?P<Anum>\d{{1,3}}|{count})[\s-]+(?P<Aunit>{units})\s+{words(grammar.ago)}\b",
            # "the past two weeks", "the last 24 hours"
            "P": (
                rf"(?:{the}\s+)?{words(grammar.past_n, True)}\s+(?P<Pnum>\d{{1,3}}|{count})\s+"
                rf"(?P<Punit>{hour_units})\b(?!\s+{of}\b)"
            ),
            # fixed phrases: "today", "last week", "this month", "over the weekend"
            "R": rf"(?P<Rphrase>{rel})\b(?!\s+{of}\b)",
        }

    def _count_pattern(self) -> str:
        """A count in words, as the number grammar reads it: "two", "twenty-one", "a few", "a"."""
        number_words = phrase_pattern(self.numbers.word_class, case="capitalised")
        phrases = list(self.numbers.vague) + list(self.numbers.phrases) + list(self.numbers.indefinite_words)
        return (rf"(?:{phrase_pattern(phrases, case='capitalised')}"
                rf"|{number_words}(?:(?:\s*-\s*|\s+){number_words})*)")

    def _build_cores(self, lexicon: DatesFile) -> None:
        """Core words: every mention contains a month name, a weekday, a digit, or a keyword ("day" covers
        weekdays, today, yesterday and "days ago"; the others come from the last word of each relative
        phrase). Mentions are looked for only in a short window before each core, which keeps date-free
        sentences cheap."""
        grammar = lexicon.grammar
        keys = set(self.unit_of) | set(self.weekdays)
        for phrase in self.relative:
            words = phrase.split()
            # a one-word phrase may be capitalised ("Today"): key on its tail
            keys.add(words[-1] if len(words) > 1 else words[0][1:])
        keys = {k for k in keys if k and not any(o != k and o in k for o in keys)}
        self.core = compiled("(?:" + phrase_pattern(set(self.months) | keys) + ")")
        self.any_digit = compiled(r"[0-9]")
        units = phrase_pattern(list(self.unit_of))
        # A number is a core only as a possible year or before a month or a unit
        # ("20 December", "3 days ago", "the past 24 hours"); counts are not.
        ordinal = phrase_pattern(grammar.ordinal_suffixes)
        self.digit_core = compiled(
            # one leading character class lets ``re`` skip non-digits fast
            rf"[0-9](?<![0-9][0-9])(?:(?<=[12])[0-9]{{3}}(?![0-9])|[0-9]{{0,2}}"
            rf"(?=(?:{ordinal})?(?:\s*[-–]\s*[0-9]{{1,2}}(?:{ordinal})?)?"
            rf"[\s-]+(?:(?:{phrase_pattern(grammar.of)})\s+)?(?:{phrase_pattern(self.months)}|{units})))"
        )
        # Words that may precede the word holding the core inside a mention
        # ("as early as the summer of 2019"): all words of the prefix lists.
        inner: set[str] = set()
        for group in (
            grammar.the, grammar.of, grammar.past_n, grammar.the_year, lexicon.month_prepositions,
            lexicon.year_prepositions, self.month_mods, self.wd_mods, self.month_parts, self.year_parts,
            self.decade_parts, self.seasons, self.relative, self.weekday_abbr, self.weekdays,
            self.numbers.word_class, self.numbers.vague, self.numbers.phrases, self.numbers.indefinite_words,
        ):
            for w in group:
                inner.update(str(w).lower().split())
        self.inner_words = frozenset(inner)

    def find(self, text: str, published: date | None) -> list[DateMention]:
        """Every date mention in ``text``, in order, resolved against ``published``."""
        if not isinstance(text, str) or not text:
            return []
        if isinstance(published, datetime):
            published = published.date()
        elif not isinstance(published, date):
            published = None
        return [mention for mention, _ in self._scan(text, published)]

    def infer_published(self, text: str) -> date | None:
        """The latest fully dated mention (day, month and year) in ``text``, or None."""
        if not isinstance(text, str) or not text:
            return None
        best: date | None = None
        for mention, full in self._scan(text, None):
            if full and mention.high is not None and (best is None or mention.high > best):
                best = mention.high
        return best

    def _scan(self, text: str, published: date | None) -> tuple[tuple[DateMention, bool], ...]:
        key = (text, published)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: list[tuple[DateMention, bool]] = []
        for match in self.matches(text):
            try:
                mentions = self.handlers[match.lastgroup or ""](match, text, published)
            except (ValueError, OverflowError, KeyError):
                continue  # impossible dates (Feb 30, 2021-02-29) and out-of-range arithmetic
            for m in mentions:
                low, high = (m.high, m.low) if m.low is not None and m.high is not None and m.low > m.high \
                    else (m.low, m.high)
                found.append((DateMention(m.start, m.end, text[m.start:m.end], low, high, m.explicit, m.weekday,
                                          m.relative), m.full))
        result = tuple(found)
        if len(self._cache) >= 8192:
            self._cache.clear()
        self._cache[key] = result
        return result

    def matches(self, text: str) -> list[re.Match[str]]:
        """The pattern's matches, as ``finditer`` would give them, tried only near core words.

        For each core, the pattern is tried at the start of the word holding it and
        at the starts of the run of prefix words (prepositions, modifiers, "the",
        ...) right before it, leftmost first.
        """
        cores = [c.start() for c in self.core.finditer(text)]
        if self.any_digit.search(text) is not None:
            cores += [c.start() for c in self.digit_core.finditer(text)]
            cores.sort()
        out: list[re.Match[str]] = []
        if not cores:
            return out
        pos = 0  # end of the last match
        tried = -1  # last start position tried (a match at a position does not depend on the core)
        match, inner = self.pattern.match, self.inner_words
        for cs in cores:
            if cs < pos:
                continue
            ws = cs  # start of the word holding the core
            while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] == "_"):
                ws -= 1
            floor = max(pos, tried + 1)
            if ws < floor:
                continue
            candidates = [ws]
            i = ws
            while i > floor:  # walk back over prefix words
                j = i
                while j > floor and not text[j - 1].isalnum() and i - j < _MAX_GAP:
                    j -= 1
                k = j
                while k > floor and text[k - 1].isalnum():
                    k -= 1
                if k == j or (k > 0 and text[k - 1] == "_") or text[k:j].lower() not in inner:
                    break
                candidates.append(k)
                i = k
            for p in reversed(candidates):
                if p < pos:
                    continue
                tried = p
                m = match(text, p)
                if m is not None:
                    out.append(m)
                    pos = m.end()
                    if pos > cs:
                        break
        return out

    # ------------------------------------------------------------------ shared

    def _month_day(
        self, month: int, d1: int, d2: int | None, year: int | None, pub: date | None,
        start: int, end: int, weekday: int | None = None,
    ) -> list[_Found]:
        """Month + day (+ optional range end, + optional year)."""
        max_day = _MAX_DAYS[month - 1]
        if d1 > max_day:
            return []
        if d2 is not None and (d2 <= d1 or d2 > max_day):
            d2 = None  # "December 22-20" / "June 20-31": keep the first day only
        if year is not None:
            low = date(year, month, d1)  # ValueError for Feb 29 of a common year -> dropped
            high = date(year, month, min(d2, calendar.monthrange(year, month)[1])) if d2 else low
            return [_Found(start, end, low, high, True, weekday, False, True)]
        if pub is None:
            return [_open(start, end, weekday)]
        latest = _latest_month_day(month, d1, pub)
        if latest is None:
            return []
        high = date(latest.year, month, min(d2, calendar.monthrange(latest.year, month)[1])) if d2 else latest
        return [_Found(start, end, latest, high, False, weekday, True, False)]

    def _month_alone(
        self, month: int, mode: str, days: tuple[int, int] | None, pub: date | None, start: int, end: int
    ) -> tuple[_Found, int | None]:
        if pub is None:
            return _open(start, end), None
        y = _month_year(month, pub, mode)
        low, high = _month_interval(y, month, days)
        return _Found(start, end, low, high, False, None, True, False), y

    # ------------------------------------------------------------------ forms

    def _weekday_date(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        wd = self.weekdays[m["Xwd"]] if m["Xwd"] else self.weekday_abbr[m["Xwa"]]
        p = "Xa" if m["Xamon"] else "Xb"
        return self._month_day(
            self.months[m[p + "mon"]], int(m[p + "day"]), int(m[p + "day2"]) if m[p + "day2"] else None,
            int(m[p + "year"]) if m[p + "year"] else None, pub, m.start("X"), m.end("X"), wd,
        )

    def _iso(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        d = date(int(m["Iy"]), int(m["Im"]), int(m["Id"]))
        return [_Found(m.start("I"), m.end("I"), d, d, True, None, False, True)]

    def _month_first(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        month = self.months[m["Mmon"]]
        prep, mod, part = m["Mprep"], m["Mmod"], m["Mpart"]
        start = m.start("Mmod") if mod else m.start("Mpart") if part else m.start("Mmon")
        abbreviated = m["Mmon"] in self.month_abbr
        month_end = m.end("Mdot") if m["Mdot"] and abbreviated else m.end("Mmon")  # "November." ends a sentence
        if m["Mday"]:
            day_end = m.end("Mday2") if m["Mday2"] else m.end("Mday")
            demote = (
                m["Myear"] is None
                and prep is not None
                and norm(prep) in self.demoting_prepositions
                and _WORD_NEXT.match(text, day_end) is not None
            )  # "in December 20 people died" is a month and a count, not a day
            if not demote:
                return self._month_day(
                    month, int(m["Mday"]), int(m["Mday2"]) if m["Mday2"] else None,
                    int(m["Myear"]) if m["Myear"] else None, pub, start, m.end("M"),
                )
            end = month_end
        elif m["Myr"]:
            y = int(m["Myr"])
            days = self.month_parts.get(norm(part)) if part else None
            low, high = _month_interval(y, month, days)
            return [_Found(start, m.end("M"), low, high, True, None, False, False)]
        else:
            end = month_end
        # month with neither day nor year
        if not (prep or mod or part):
            return []
        if abbreviated and not m["Mdot"]:
            return []
        days = None
        if part:
            days = self.month_parts.get(norm(part))
            if days is None:
                return []
        mode = self.month_mods.get(norm(mod), "latest") if mod else "latest"
        first, first_year = self._month_alone(month, mode, days, pub, start, end)
        out = [first]
        if m["Mmon2"]:
            sep = norm(m["Mtail"])
            if sep not in self.and_words or (prep and norm(prep) in self.and_ranges_after):
                month2 = self.months[m["Mmon2"]]
                s2, e2 = m.start("Mmon2"), m.end("Mmon2")
                if first_year is None:
                    out.append(_open(s2, e2))
                else:
                    y2 = first_year if month2 >= month else first_year + 1
                    low, high = _month_interval(y2, month2)
                    out.append(_Found(s2, e2, low, high, False, None, True, False))
        return out

    def _day_first(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        return self._month_day(
            self.months[m["Dmon"]], int(m["Dday"]), int(m["Dday2"]) if m["Dday2"] else None,
            int(m["Dyear"]) if m["Dyear"] else None, pub, m.start("D"), m.end("D"),
        )

    def _year(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        y = int(m["Yyear"])
        part, season = m["Ypart"], m["Yseason"]
        start = m.start("Ypart") if part else m.start("Yseason") if season else m.start("Yyear")
        end = m.end("Y")
        if m["Ydec"]:
            if y % 10:
                return []
            a, b = self.decade_parts.get(norm(part), (0, 9)) if part else (0, 9)
            if y % 100 == 0:  # "the 1800s" may be the decade or the century: take the century
                a, b = 10 * a, 10 * b + 9
            return [_Found(start, end, date(y + a, 1, 1), date(y + b, 12, 31), True, None, False, False)]
        if not (m["Yprep"] or part or season or m["Ythe_year"]):
            return []  # a bare year ("the 2015 accord") is not a mention
        y_last = y
        if m["Yshort"]:  # "2020-21": the two years; anything else ("2020-12") is not taken
            if int(m["Yshort"]) != (y + 1) % 100:
                return []
            y_last = y + 1
        if m["Yyear2"]:
            end = m.end("Yyear")
        if part:
            a, b = self.year_parts.get(norm(part), (1, 12))
            low, high = date(y, a, 1), _month_end(y, b)
        elif season:
            a, b = self.seasons[norm(season)]
            low = date(*_add_months(y, a, 0), 1)
            high = _month_end(*_add_months(y, b, 0))
        else:
            low, high = date(y, 1, 1), date(y_last, 12, 31)
        out: list[_Found] = [_Found(start, end, low, high, True, None, False, False)]
        if m["Yyear2"]:
            y2 = int(m["Yyear2"])
            out.append(_Found(m.start("Yyear2"), m.end("Yyear2"), date(y2, 1, 1), date(y2, 12, 31), True, None, False,
                              False))
        return out

    def _weekday(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        mod = m["Wmod"]
        s, e = m.start("Wwd"), m.end("Wwd")
        if not mod:
            before = _WORD_BEFORE.search(text, max(0, s - 20), s)
            after = _WORD_AFTER.match(text, e, e + 20)
            if (before and before[1] in self.wd_name_before) or (after and after[1] in self.wd_name_after):
                return []
        start = m.start("Wmod") if mod else s
        if pub is None:
            return [_open(start, e)]
        mode = self.wd_mods.get(norm(mod), "latest") if mod else "latest"
        d = _weekday_date(self.weekdays[m["Wwd"]], pub, mode)
        return [_Found(start, e, d, d, False, None, True, False)]

    def _count(self, raw: str) -> tuple[int, int]:
        """The count of "N days ago" as an interval: digits, or words read by the number grammar."""
        if raw.isdigit():
            return int(raw), int(raw)
        if norm(raw) in self.indefinite:
            return 1, 1  # "a week ago"
        found = self.numbers.parse_count(raw)
        if found is None:
            raise ValueError(f"not a count: {raw!r}")
        return int(found[0]), int(found[1])  # an open bound ("many") overflows and the mention is dropped

    def _ago(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("A"), m.end("A")
        if pub is None:
            return [_open(s, e)]
        lo_n, hi_n = self._count(m["Anum"])
        unit = self.unit_of[m["Aunit"].lower()]
        band = timedelta(days=self.ago_band.get(unit, 0))
        low = _shift(pub, unit, -hi_n) - band
        high = min(_shift(pub, unit, -lo_n) + band, pub)
        return [_Found(s, e, min(low, high), high, False, None, True, False)]

    def _past_n(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("P"), m.end("P")
        if pub is None:
            return [_open(s, e)]
        _, hi_n = self._count(m["Pnum"])
        earliest = min(_shift(pub, self.unit_of[m["Punit"].lower()], -hi_n), pub)
        return [_Found(s, e, earliest, pub, False, None, True, False)]

    def _relative(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("R"), m.end("R")
        if pub is None:
            return [_open(s, e)]
        spec = self.relative[norm(m["Rphrase"])]
        unit = spec.unit
        offset = spec.offset
        if unit == "day":
            low = pub + timedelta(days=int(offset))
            high = pub + timedelta(days=int(offset if spec.through is None else spec.through))
        elif unit in ("week", "weekend"):
            if offset == "recent":
                offset = 0 if pub.weekday() >= 5 else -1
            monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * int(offset))
            low, high = (monday, monday + timedelta(days=6)) if unit == "week" else (
                monday + timedelta(days=5), monday + timedelta(days=6))
        elif unit == "month":
            y, mo = _add_months(pub.year, pub.month, int(offset))
            low, high = _month_interval(y, mo)
        else:  # year
            y = pub.year + int(offset)
            low, high = date(y, 1, 1), date(y, 12, 31)
        if spec.to_date:
            high = min(high, pub)
        if spec.from_date:
            low = max(low, pub)
        if low > high:
            low, high = high, low
        return [_Found(s, e, low, high, False, None, True, False)]
