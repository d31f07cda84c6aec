"""Find date mentions in English news sentences and resolve them to intervals.

``find_dates(text, published)`` returns every date mention in *text*, in order,
each resolved to a closed interval ``[low, high]`` of calendar days.  Forms that
depend on when the article was written ("on Sunday", "last week", "December 20",
"in January") are resolved against *published*; without a publication date they
come back open (``low = high = None``).

All word lists (month and weekday names, prepositions, parts of months, relative
phrases, ...) live in ``rules/lexicon/dates.yaml``.  Everything is plain regex
and ``datetime`` arithmetic.  The patterns are compiled once (on first use), and
results are memoised per ``(text, published)``.  Speed comes from "core" words:
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
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any, Callable

from checker.resources import load_lexicon

__all__ = ["DateMention", "find_dates", "infer_published"]


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


def _alt(words: Any, ci: bool = False) -> str:
    """A trie-shaped regex alternation of *words* (a space matches any whitespace).

    With *ci*, a word also matches with its first letter capitalised ("In", "Last
    week").  Every branch starts with a literal, so ``re`` rejects it on the
    first character; that keeps the big pattern cheap.
    """
    variants: set[str] = set()
    for w in words:
        w = " ".join(str(w).split())
        if not w:
            continue
        variants.add(w)
        if ci:
            variants.add(w.lower())
            variants.add(w[0].upper() + w[1:].lower())
    trie: dict[str, Any] = {}
    for w in variants:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are optional (greedy)
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_WORD_NEXT = re.compile(r"\s*[\w(]")
_MAX_GAP = 4  # most separator characters between two words of one mention ("Sun., Dec. 20")


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


# --------------------------------------------------------------------------- lexicon + pattern

_Found = tuple[int, int, "date | None", "date | None", bool, "int | None", bool, bool]
# (start, end, low, high, explicit, weekday, relative, full-day-with-year)


class _Grammar:
    """The lexicon, the compiled patterns and the per-form handlers (built once)."""

    def __init__(self, lex: dict[str, Any]) -> None:
        self.months: dict[str, int] = {**lex["month_abbreviations"], **lex["months"]}
        self.month_abbr = frozenset(lex["month_abbreviations"])
        self.weekdays: dict[str, int] = dict(lex["weekdays"])
        self.weekday_abbr: dict[str, int] = dict(lex["weekday_abbreviations"])
        self.wd_name_before = frozenset(lex["weekday_name_before"])
        self.wd_name_after = frozenset(lex["weekday_name_after"])
        self.wd_mods = {_norm(k): v for k, v in lex["weekday_modifiers"].items()}
        self.month_mods = {_norm(k): v for k, v in lex["month_modifiers"].items()}
        self.month_parts = {_norm(k): tuple(v) for k, v in lex["month_parts"].items()}
        self.year_parts = {_norm(k): tuple(v) for k, v in lex["year_parts"].items()}
        self.decade_parts = {_norm(k): tuple(v) for k, v in lex["decade_parts"].items()}
        self.seasons = {_norm(k): tuple(v) for k, v in lex["seasons"].items()}
        self.relative = {_norm(k): v for k, v in lex["relative"].items()}
        self.numbers = {_norm(k): (int(v), int(v)) for k, v in lex["numbers"].items()}
        self.numbers.update({_norm(k): (int(v[0]), int(v[1])) for k, v in lex["vague_numbers"].items()})
        self.ago_band = {k: int(v["band"]) for k, v in lex["ago_units"].items()}
        self.ago_band.setdefault("hour", 0)
        unit_words = ["day", "week", "month", "year"]

        month_re = _alt(self.months)
        full_month_re = _alt(lex["months"])
        wd_re = _alt(self.weekdays)
        wd_abbr_re = _alt(self.weekday_abbr)
        m_prep = _alt(lex["month_prepositions"], ci=True)
        y_prep = _alt(lex["year_prepositions"], ci=True)
        m_mod = _alt(self.month_mods, ci=True)
        wd_mod = _alt(self.wd_mods, ci=True)
        parts = _alt(set(self.month_parts) | set(self.year_parts) | set(self.decade_parts), ci=True)
        seasons = _alt(self.seasons, ci=True)
        rel = _alt(self.relative, ci=True)
        nums = _alt(self.numbers, ci=True)
        units = _alt(unit_words)
        the = "(?:[Tt]he)"
        range_word = _alt(["to", "and", "through", "until", "till"])
        day_range_word = _alt(["to", "through", "until", "till"])  # "March 3 and 5" are two days

        year = r"(?:1[7-9]|20|21)\d\d(?!\d)"  # 1700..2199
        year_end = r"(?![\w]|[,.]\d|[-–]\d)"  # not "2011-12", "2,011", "2011th"

        def month(p: str) -> str:
            return rf"(?P<{p}mon>{month_re})\b(?P<{p}dot>\.)?"

        def day(p: str, name: str = "day") -> str:
            return rf"(?P<{p}{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"

        def day_range(p: str) -> str:
            return (
                rf"{day(p)}(?:(?:\s*[-–]\s*|\s+{day_range_word}\s+){day(p, 'day2')}(?![.:]\d|\s*[ap]\.?m\b))?"
                rf"(?![.:]\d)"
            )

        def opt_year(p: str) -> str:
            return rf"(?:(?:,\s*|\s+)(?P<{p}year>{year}){year_end})?"

        alts = {
            # weekday stated with an explicit day: "Sunday, December 20, 2020", "Sun. (Dec. 20)"
            "X": (
                rf"(?:{_alt(['last', 'this', 'next', 'past'], ci=True)}\s+)?"
                rf"(?:(?P<Xwd>{wd_re})\b|(?P<Xwa>{wd_abbr_re})\.)\s*,?\s*(?P<Xpar>\()?\s*(?:the\s+)?"
                rf"(?:{month('Xa')}\s+{day_range('Xa')}{opt_year('Xa')}"
                rf"|{day_range('Xb')}\s+(?:of\s+)?{month('Xb')}{opt_year('Xb')})"
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
                rf"(?:(?P<Mmod>{m_mod})\s+|(?:{the}\s+)?(?P<Mpart>{parts})(?:\s*-\s*|\s+)(?:of\s+)?)?"
                + month("M")
                + rf"(?:\s+{day_range('M')}{opt_year('M')}"
                rf"|(?:,\s*|\s+)(?:of\s+)?(?P<Myr>{year}){year_end}"
                rf"|(?P<Mtail>\s*[-–]\s*|\s+{range_word}\s+)(?P<Mmon2>{full_month_re})\b(?!\.?\s*\d)"
                rf")?"
            ),
            # day-first forms: "20 December 2020", "the 20th of December"
            "D": rf"(?<![\d.,:/\-–]){day_range('D')}\s+(?:of\s+)?{month('D')}{opt_year('D')}",
            # years: "in 2011", "in late 2019", "mid-2020", "summer of 2019", "the 1990s", "2011-2015"
            "Y": (
                rf"(?:(?P<Yprep>{y_prep})\s+)?(?:{the}\s+)?"
                rf"(?:(?P<Ypart>{parts})(?:\s*-\s*|\s+)(?:the\s+)?"
                rf"|(?P<Yseason>{seasons})\s+(?:of\s+)?|(?P<Ythe_year>[Yy]ear)\s+)?"
                rf"(?P<Yyear>{year})"
                rf"(?:(?P<Ydec>s)\b|(?:(?P<Ysep>\s*[-–]\s*|\s+{range_word}\s+)"
                rf"(?P<Yyear2>{year})|[-–/](?P<Yshort>\d\d)(?!\d))?{year_end})"
            ),
            # weekdays: "on Sunday", "Wednesday night", "last Sunday", "Monday's attack"
            "W": rf"(?:(?P<Wmod>{wd_mod})\s+)?(?P<Wwd>{wd_re})\b",
            # "three days ago", "a week ago", "a few months ago"
            "A": rf"(?<![\d,.])(?P<Anum>\d{{1,3}}|{nums})[\s-]+(?P<Aunit>{units})s?\s+ago\b",
            # "the past two weeks", "the last 24 hours"
            "P": (
                rf"(?:{the}\s+)?{_alt(['past', 'last', 'previous'], ci=True)}\s+(?P<Pnum>\d{{1,3}}|{nums})\s+"
                rf"(?P<Punit>{units}|hour)s?\b(?!\s+of\b)"
            ),
            # fixed phrases: "today", "last week", "this month", "over the weekend"
            "R": rf"(?P<Rphrase>{rel})\b(?!\s+of\b)",
        }
        self.pattern = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in alts.items()) + ")")

        # Core words: every mention contains a month name, a digit, or a keyword
        # ("day" covers weekdays, today, yesterday and "days ago"; the others come
        # from the last word of each relative phrase).  Mentions are looked for only
        # in a short window before each core, which keeps date-free sentences cheap.
        keys = set(unit_words) | {"hour"}
        for phrase in self.relative:
            words = phrase.split()
            # a one-word phrase may be capitalised ("Today"): key on its tail
            keys.add(words[-1] if len(words) > 1 else words[0][1:])
        keys = {k for k in keys if not any(o != k and o in k for o in keys)}
        self.core = re.compile(_alt(set(self.months) | keys))
        self.any_digit = re.compile(r"[0-9]")
        # A number is a core only as a possible year or before a month or a unit
        # ("20 December", "3 days ago", "the past 24 hours"); counts are not.
        self.digit_core = re.compile(
            # one leading character class lets ``re`` skip non-digits fast
            rf"[0-9](?<![0-9][0-9])(?:(?<=[12])[0-9]{{3}}(?![0-9])|[0-9]{{0,2}}"
            rf"(?=(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]{{1,2}}(?:st|nd|rd|th)?)?"
            rf"[\s-]+(?:of\s+)?(?:{month_re}|{units}|hour)))"
        )
        # Words that may precede the word holding the core inside a mention
        # ("as early as the summer of 2019"): all words of the prefix lists.
        inner: set[str] = {"the", "of", "past", "last", "previous", "year"}
        for group in (
            lex["month_prepositions"], lex["year_prepositions"], self.month_mods, self.wd_mods,
            self.month_parts, self.year_parts, self.decade_parts, self.seasons, self.relative, self.numbers,
            self.weekday_abbr, self.weekdays,
        ):
            for w in group:
                inner.update(str(w).lower().split())
        self.inner_words = frozenset(inner)

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
            return [(start, end, low, high, True, weekday, False, True)]
        if pub is None:
            return [(start, end, None, None, False, weekday, True, False)]
        low = _latest_month_day(month, d1, pub)
        if low is None:
            return []
        high = date(low.year, month, min(d2, calendar.monthrange(low.year, month)[1])) if d2 else low
        return [(start, end, low, high, False, weekday, True, False)]

    def _month_alone(
        self, month: int, mode: str, days: tuple[int, int] | None, pub: date | None, start: int, end: int
    ) -> tuple[_Found, int | None]:
        if pub is None:
            return (start, end, None, None, False, None, True, False), None
        y = _month_year(month, pub, mode)
        low, high = _month_interval(y, month, days)
        return (start, end, low, high, False, None, True, False), y

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
        return [(m.start("I"), m.end("I"), d, d, True, None, False, True)]

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
                and _norm(prep) in ("in", "during")
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
            days = self.month_parts.get(_norm(part)) if part else None
            low, high = _month_interval(y, month, days)
            return [(start, m.end("M"), low, high, True, None, False, False)]
        else:
            end = month_end
        # month with neither day nor year
        if not (prep or mod or part):
            return []
        if abbreviated and not m["Mdot"]:
            return []
        days = None
        if part:
            days = self.month_parts.get(_norm(part))
            if days is None:
                return []
        mode = self.month_mods.get(_norm(mod), "latest") if mod else "latest"
        first, y = self._month_alone(month, mode, days, pub, start, end)
        out = [first]
        if m["Mmon2"]:
            sep = _norm(m["Mtail"])
            if sep != "and" or (prep and _norm(prep) == "between"):
                month2 = self.months[m["Mmon2"]]
                s2, e2 = m.start("Mmon2"), m.end("Mmon2")
                if y is None:
                    out.append((s2, e2, None, None, False, None, True, False))
                else:
                    y2 = y if month2 >= month else y + 1
                    low, high = _month_interval(y2, month2)
                    out.append((s2, e2, low, high, False, None, True, False))
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
            a, b = self.decade_parts.get(_norm(part), (0, 9)) if part else (0, 9)
            if y % 100 == 0:  # "the 1800s" may be the decade or the century: take the century
                a, b = 10 * a, 10 * b + 9
            return [(start, end, date(y + a, 1, 1), date(y + b, 12, 31), True, None, False, False)]
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
            a, b = self.year_parts.get(_norm(part), (1, 12))
            low, high = date(y, a, 1), _month_end(y, b)
        elif season:
            a, b = self.seasons[_norm(season)]
            low = date(*_add_months(y, a, 0), 1)
            high = _month_end(*_add_months(y, b, 0))
        else:
            low, high = date(y, 1, 1), date(y_last, 12, 31)
        out: list[_Found] = [(start, end, low, high, True, None, False, False)]
        if m["Yyear2"]:
            y2 = int(m["Yyear2"])
            out.append((m.start("Yyear2"), m.end("Yyear2"), date(y2, 1, 1), date(y2, 12, 31), True, None, False, False))
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
            return [(start, e, None, None, False, None, True, False)]
        mode = self.wd_mods.get(_norm(mod), "latest") if mod else "latest"
        d = _weekday_date(self.weekdays[m["Wwd"]], pub, mode)
        return [(start, e, d, d, False, None, True, False)]

    def _count(self, raw: str) -> tuple[int, int]:
        return (int(raw), int(raw)) if raw.isdigit() else self.numbers[_norm(raw)]

    def _ago(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("A"), m.end("A")
        if pub is None:
            return [(s, e, None, None, False, None, True, False)]
        lo_n, hi_n = self._count(m["Anum"])
        unit = m["Aunit"].lower()
        band = timedelta(days=self.ago_band.get(unit, 0))
        low = _shift(pub, unit, -hi_n) - band
        high = min(_shift(pub, unit, -lo_n) + band, pub)
        return [(s, e, min(low, high), high, False, None, True, False)]

    def _past_n(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("P"), m.end("P")
        if pub is None:
            return [(s, e, None, None, False, None, True, False)]
        _, hi_n = self._count(m["Pnum"])
        return [(s, e, min(_shift(pub, m["Punit"].lower(), -hi_n), pub), pub, False, None, True, False)]

    def _relative(self, m: re.Match[str], text: str, pub: date | None) -> list[_Found]:
        s, e = m.start("R"), m.end("R")
        if pub is None:
            return [(s, e, None, None, False, None, True, False)]
        spec = self.relative[_norm(m["Rphrase"])]
        unit = spec["unit"]
        offset = spec.get("offset", 0)
        if unit == "day":
            low = pub + timedelta(days=int(offset))
            high = pub + timedelta(days=int(spec.get("through", offset)))
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
        if spec.get("to_date"):
            high = min(high, pub)
        if spec.get("from_date"):
            low = max(low, pub)
        if low > high:
            low, high = high, low
        return [(s, e, low, high, False, None, True, False)]


@cache
def _grammar() -> _Grammar:
    return _Grammar(load_lexicon("dates"))


@lru_cache(maxsize=8192)
def _scan(text: str, published: date | None) -> tuple[tuple[DateMention, bool], ...]:
    g = _grammar()
    out: list[tuple[DateMention, bool]] = []
    for m in g.matches(text):
        try:
            found = g.handlers[m.lastgroup or ""](m, text, published)
        except (ValueError, OverflowError, KeyError):
            continue  # impossible dates (Feb 30, 2021-02-29) and out-of-range arithmetic
        for start, end, low, high, explicit, weekday, relative, full in found:
            if low is not None and high is not None and low > high:
                low, high = high, low
            out.append((DateMention(start, end, text[start:end], low, high, explicit, weekday, relative), full))
    return tuple(out)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date mention in *text*, in order, resolved against *published*."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(published, datetime):
        published = published.date()
    elif not isinstance(published, date):
        published = None
    return [mention for mention, _ in _scan(text, published)]


def infer_published(text: str) -> date | None:
    """The latest fully dated mention (day, month and year) in *text*, or None."""
    if not isinstance(text, str) or not text:
        return None
    best: date | None = None
    for mention, full in _scan(text, None):
        if full and mention.high is not None and (best is None or mention.high > best):
            best = mention.high
    return best
