"""Turn numbers in English news text into count intervals.

``find_quantities(text)`` finds every number that can be a count ("eight",
"21", "3,000", "two dozen", "at least 25", "between 15 and 30", "dozens of")
and gives it a closed interval ``[low, high]`` (``high`` may be ``math.inf``).
Numbers that are not counts -- years, days of the month, clock times, ages,
ordinals, calibres and other units, money, percentages, model names and page
furniture -- are skipped.

All vocabulary (number words, quantifiers, tolerance, vague amounts, non-count
context words) is read from ``rules/lexicon/numbers.yaml``; the regular
expressions are compiled once, at import.

How it works, in four passes over one sentence:

1. One compiled regex (``_MASTER``, run on the lower-cased text) finds the
   *cores*: vague phrases ("a barrage of", "several hundred"), fixed phrases
   ("a single", "half a dozen") and runs of number tokens ("one hundred and
   ten", "1.5 million", "15 and 30").  Runs are split into numbers by a small
   grammar (``_parse_run``).
2. Each core gets its prefix quantifier, its suffix quantifier, and a
   non-count verdict from the context rules.  Everything that must sit right
   before a number (quantifiers, currency, designators, months, year
   prepositions) is matched with one anchored ``match`` on the reversed text,
   so no pattern scans backwards; a prefix quantifier never reaches back past
   the previous core.
3. Non-count verdicts spread across range connectors ("May 7-9", "18 to 25
   years old", "5-10%").
4. Adjacent numbers joined by a connector become ranges; quantifiers are
   applied; ``Quantity`` objects are built.

Public API: ``Quantity``, ``find_quantities``, ``parse_count``, ``CANDIDATE``
(the sentence prefilter) and ``candidate_words`` (the words behind it).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable

from checker.resources import load_lexicon

__all__ = ["CANDIDATE", "Quantity", "candidate_words", "find_quantities", "parse_count"]

INF = math.inf

# Numbers larger than this are not counts (and would overflow the arithmetic).
_MAX_VALUE = 1e15


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


# ---------------------------------------------------------------------------
# Lexicon -> compiled patterns
# ---------------------------------------------------------------------------


def _norm(s: str) -> str:
    """Lexicon/lookup key: lower case, hyphens as spaces, whitespace collapsed."""
    return " ".join(s.lower().replace("-", " ").split())


def _char_re(ch: str, ci: bool) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "-":
        return r"(?:\s*-\s*|\s+)"
    if ci and ch.lower() != ch.upper():
        return f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]"
    return re.escape(ch)


def _trie(entries: dict[str, str], ci: bool = False) -> str:
    """Regex source matching any phrase in `entries`, each followed by its own tail regex.

    Phrases are in lexicon notation (a space matches any whitespace run, a
    hyphen an optionally spaced hyphen or whitespace).  The phrases are merged
    into a character trie, so every alternation starts with distinct literals
    (fast to reject), and longer phrases are tried before their prefixes.
    """
    root: dict[str, Any] = {}
    for phrase, tail in entries.items():
        node = root
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = tail

    def emit(node: dict[str, Any]) -> str:
        alts = [_char_re(ch, ci) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            tail = node[""]
            alts.append(f"(?:{tail})" if "|" in tail else tail)
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(root) if root else "(?!)"


def _words_trie(phrases: Iterable[str], *, rev: bool = False, boundary: bool = True, ci: bool = False) -> str:
    """Trie over lexicon phrases; with `rev`, over the reversed phrases (for matching reversed text).

    `boundary` adds a word boundary on the side of the phrase away from the number
    (its end, or its start when reversed) where that side is a word character.
    """
    entries: dict[str, str] = {}
    for p in phrases:
        p = " ".join(str(p).lower().split())
        if not p:
            continue
        edge = p[0] if rev else p[-1]
        tail = r"\b" if boundary and edge.isalnum() else ""
        entries[p[::-1] if rev else p] = tail
    return _trie(entries, ci)


def _num(x: Any) -> float:
    v = float(x)
    if math.isnan(v) or v < 0:
        raise ValueError(f"numbers.yaml: bad band value {x!r}")
    return v


_LEX: dict[str, Any] = load_lexicon("numbers")

_W = _LEX["words"]
# word -> (class, value); classes: unit (incl. zero), teen, ten, hundred, big, dozen
_WORDCLASS: dict[str, tuple[str, float]] = {}
for _cls, _key in (("unit", "units"), ("teen", "teens"), ("ten", "tens"), ("hundred", "hundred"),
                   ("big", "scales"), ("dozen", "dozen")):
    for _w, _v in _W[_key].items():
        _WORDCLASS[str(_w).lower()] = (_cls, float(_v))
_MULT_WORDS = sorted(w for w, (c, _) in _WORDCLASS.items() if c in ("hundred", "big", "dozen"))

_TOL_REL = float(_LEX["tolerance"]["relative"])
_TOL_ABS = float(_LEX["tolerance"]["absolute_min"])

# Fixed phrases with an exact value.
_PHRASES: dict[str, float] = {_norm(k): float(v) for k, v in _LEX["phrases"].items()}

# Vague entries, by normalised phrase.
_VAGUE: dict[str, dict[str, Any]] = {}
for _e in _LEX["vague"]:
    _lo, _hi = (_num(x) for x in _e["band"])
    if _lo > _hi:
        raise ValueError(f"numbers.yaml: band low > high for {_e['phrase']!r}")
    _after = [str(w).lower() for w in _e.get("not_after", []) or []]
    _before = [str(w).lower() for w in _e.get("not_before", []) or []]
    _VAGUE[_norm(_e["phrase"])] = {
        "low": _lo,
        "high": _hi,
        "scalable": bool(_e.get("scalable", False)),
        "needs_of": bool(_e.get("needs_of", False)),
        # matched on the reversed text at the phrase start / forward at its end
        "not_after": re.compile(r"\s+" + _words_trie(_after, rev=True)) if _after else None,
        "not_before": re.compile(r"\s+" + _words_trie(_before)) if _before else None,
    }

# Digits: "21", "3,000", "1.5"; not glued to letters ("107mm", "K1", "63rd")
# and not the tail of a decimal (".50").
# Written digit-first so the regex engine can reject other positions on the first character.
_DIG = r"[0-9](?<!\.[0-9])(?>[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)(?!\w)"
_WORD_TRIE = _words_trie(_WORDCLASS)
_MULT_TRIE = _words_trie(_MULT_WORDS)
# continuation of a number run: "-one", " hundred", " and ten", " million"
_CONT = rf"(?:(?:\s+and\s+|\s*-\s*|\s+){_WORD_TRIE})*"
_VTAIL = rf"\b(?:(?:\s+of)?(?:\s+{_MULT_TRIE}){{1,2}})?(?:\s+of\b)?"

_master: dict[str, str] = {}
for _w in _WORDCLASS:
    if _WORDCLASS[_w][0] not in ("hundred", "big", "dozen"):
        _master[_w] = r"\b" + _CONT
for _w in _MULT_WORDS:
    _master[f"a {_w}"] = r"\b" + _CONT
    _master[f"an {_w}"] = r"\b" + _CONT
for _p in _PHRASES:
    _master[_p] = r"\b"
for _p in _VAGUE:
    _master[_p] = _VTAIL
# Run on lower-cased text.  One leading \b, then digits or the trie of every
# number word, fixed phrase and vague phrase.
_MASTER = re.compile(rf"\b(?:{_DIG}{_CONT}|{_trie(_master)})")

_TOKEN = re.compile(r"[0-9][0-9.,]*|[a-z]+")
_PLAIN_DIGITS = re.compile(r"[0-9][0-9.,]*")
_SCALE_END = re.compile(rf"(?:\s+of)?\s+({_MULT_TRIE})\Z")
_TRAILING_OF = re.compile(r"\s+of\Z")
_FIRST_WORD = re.compile(r"[a-z]+")
_PHRASE_FIRST = {p.split()[0] for p in list(_PHRASES) + list(_VAGUE)}

# Quantifiers.  Prefixes are matched on the reversed text, leftwards from the number.
_Q = _LEX["quantifiers"]
_PREFIX_TYPE: dict[str, str] = {}
for _kind, _words in _Q["prefix"].items():
    for _p in _words:
        _PREFIX_TYPE[_norm(_p)] = _kind
_PREFIX_REV = re.compile(
    r"\s+"
    + _words_trie([p for p in _PREFIX_TYPE if p[-1].isalnum()], rev=True)
    + "|"
    + r"\s*"
    + _words_trie([p for p in _PREFIX_TYPE if not p[-1].isalnum()], rev=True)
)

_SUFFIX_TYPE: dict[str, str] = {}
for _kind, _words in _Q["suffix"].items():
    for _p in _words:
        _SUFFIX_TYPE[_norm(_p).strip() or "+"] = _kind
_SUFFIX = re.compile(
    r"\s+" + _words_trie([p for ps in _Q["suffix"].values() for p in ps if str(p)[:1].isalnum()])
    + r"|\s*(?:\s*-\s*|\s+)" + _words_trie([str(p)[1:] for ps in _Q["suffix"].values() for p in ps
                                               if str(p)[:1] == "-"])
    + r"|\s*\+(?![0-9])"
)
_SUFFIX_KEY = re.compile(r"[^\w+]+")

# Range connectors between two numbers: symbols ("-", "–") with optional
# spaces, words ("to", "or", "and") with spaces around them.
_CONNECTORS = {str(c).lower().strip() for c in _LEX.get("range_connectors", []) if str(c).strip()}
_CONNECT = re.compile(
    r"\s*(?P<d>" + ("|".join(re.escape(c) for c in sorted(_CONNECTORS) if not c[0].isalnum()) or "(?!)") + r")\s*"
    r"|\s+(?P<w>" + ("|".join(re.escape(c) for c in sorted(_CONNECTORS) if c[0].isalnum()) or "(?!)") + r")\s+"
)

# Non-count context.
_NC = _LEX["non_count"]


def _unit_trie(phrases: Iterable[str]) -> str:
    # a unit must not run on into a longer word: "5 amid" is not "5 am"
    entries = {}
    for p in phrases:
        p = " ".join(str(p).lower().split())
        entries[p] = r"(?![a-z])" if p[-1].isalnum() else ""
    return _trie(entries)


# Right after a number: unit/time/age/money words, "/", ":30", ".62", "-20km", page furniture.
_AFTER_NONCOUNT = re.compile(
    rf"\s*(?:-\s*)?{_unit_trie(_NC['units'])}"
    rf"|\s*{_unit_trie(_NC['furniture_following'])}"
    r"|\s*/|:[0-9]|[.,][0-9]|\s*[-–]\s*[0-9][0-9.,]*(?:[^\W\d_]|%)"
)
_ORDINAL_AFTER = re.compile(rf"(?:\s*-\s*|\s+){_words_trie(_NC['ordinal_fraction'])}")

# Right before a number (matched on the reversed text): currency, designator,
# age, page furniture, letter+hyphen ("B-52"), sign ("+1"), "7:" and "24/".
_BEFORE_NONCOUNT_REV = re.compile(
    rf"\s*{_words_trie(_NC['currency_prefixes'], rev=True)}"
    rf"|\s*{_words_trie(_NC['designator_prefixes'], rev=True)}"
    rf"|\s+{_words_trie(_NC['age_prefixes'], rev=True)}"
    rf"|\s*[(:\[]?\s*{_words_trie(_NC['furniture_preceding'], rev=True)}"
    r"|-[^\W\d_]|[+±−]|\s*:\s*[0-9]|\s*/"
)
_IDIOM = re.compile(rf"\b{_words_trie(_NC['idioms'])}")
# number words that occur in an idiom (only numbers containing one are checked)
_IDIOM_WORDS = {w for p in _NC["idioms"] for w in _norm(str(p)).split() if w in _WORDCLASS}
_IDIOM_WORDS_RE = re.compile(r"\b(?:" + "|".join(sorted(_IDIOM_WORDS)) + r")\b") if _IDIOM_WORDS else None

_MONTHS = [str(m) for m in _NC["months"]]
_MONTH_TRIE_REV = _trie({m[::-1]: r"\b" for m in set(_MONTHS) | {m.upper() for m in _MONTHS}})
_MONTH_TRIE = _trie({m: r"\b" for m in set(_MONTHS) | {m.upper() for m in _MONTHS}})
_MONTH_BEFORE_REV = re.compile(rf"\s+,?\.?{_MONTH_TRIE_REV}")  # case-sensitive, on the raw text
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH_TRIE}")

_YEAR_LO, _YEAR_HI = (int(x) for x in _NC["year_range"])
_YEAR_PRECEDERS = [str(p) for p in _NC["year_preceders"]] + [m.lower() for m in _MONTHS]
_YEAR_BEFORE_REV = re.compile(rf"\s+\.?{_words_trie(_YEAR_PRECEDERS, rev=True)}")
# The word after a number, skipping a range partner ("2000 to 3000 troops").
_NEXT_WORD = re.compile(r"(?:\s*(?:[-–—]|\bto\b|\band\b|\bor\b)\s*[0-9][0-9,.]*)?\s+([a-z]+)\b(?!['’])")
_PLURAL_IRREGULAR = {str(w).lower() for w in _NC["plural_irregular"]}
_NOT_PLURAL = {str(w).lower() for w in _NC["not_plural"]} | {str(w).lower() for w in _NC["event_nouns"]}


def candidate_words() -> list[str]:
    """Every number word, plus one word of each number phrase that has none (the prefilter's words)."""
    words = set(_WORDCLASS)
    for p in list(_PHRASES) + list(_VAGUE):
        parts = p.split()
        if not any(w in words for w in parts):
            words.add(max(parts, key=len))
    return sorted(words)


#: Cheap case-insensitive prefilter: matches if the text contains a digit or
#: any number word / vague-amount word.  Everything ``find_quantities`` finds
#: contains a match.  (Case-insensitive through [xX] classes rather than
#: re.IGNORECASE, which would disable the engine's fast literal checks.)
CANDIDATE = re.compile(r"[0-9]|\b" + _words_trie(candidate_words(), ci=True))


# ---------------------------------------------------------------------------
# Pass 1: cores
# ---------------------------------------------------------------------------


class _Core:
    __slots__ = (
        "start", "end", "low", "high", "vague", "digit", "raw", "ntok", "scale",
        "words", "rejected", "q", "qstart", "sq", "send",
    )

    def __init__(self, start: int, end: int, low: float, high: float, vague: bool = False) -> None:
        self.start = start
        self.end = end
        self.low = low
        self.high = high
        self.vague = vague
        self.digit = False  # first token is digits
        self.raw = ""  # the digit token, as written
        self.ntok = 0
        self.scale = 0.0  # multiplier word closing a two-token number ("2 million"), else 0
        self.words = False  # spelled-out number
        self.rejected = False
        self.q = ""  # prefix quantifier type
        self.qstart = start
        self.sq = ""  # suffix quantifier type
        self.send = end


class _Acc:
    __slots__ = ("start", "end", "total", "current", "last", "min_big", "ntok", "digit", "raw", "lastmult")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.total = 0.0
        self.current = 0.0
        self.last = ""
        self.min_big = INF
        self.ntok = 0
        self.digit = False
        self.raw = ""
        self.lastmult = 0.0


def _can_extend(acc: _Acc, cls: str, val: float, after_and: bool) -> bool:
    last = acc.last
    if after_and:
        return last in ("hundred", "big") and cls in ("unit", "teen", "ten") and val > 0
    if cls in ("unit", "teen", "ten"):
        if last in ("hundred", "big"):
            return val > 0
        return last == "ten" and cls == "unit" and val > 0
    if cls == "hundred":
        return last in ("a", "unit", "teen", "ten", "digit") and 0 < acc.current < 100 or last == "a"
    if cls == "big":
        if val >= acc.min_big:
            return False
        if last == "a":
            return True
        return last in ("unit", "teen", "ten", "digit", "hundred") and acc.current > 0
    if cls == "dozen":
        return last in ("a", "unit", "teen", "ten", "digit") and acc.current > 0
    return False


def _finish(acc: _Acc | None, out: list[_Core]) -> None:
    if acc is None or acc.last == "a" or acc.ntok == 0:
        return
    value = acc.total + acc.current
    if not (0 <= value <= _MAX_VALUE):
        return
    c = _Core(acc.start, acc.end, value, value)
    c.digit = acc.digit
    c.raw = acc.raw
    c.ntok = acc.ntok
    c.words = not acc.digit
    if acc.lastmult and acc.ntok == 2:
        c.scale = acc.lastmult
    out.append(c)


def _parse_run(low: str, s: int, e: int, out: list[_Core]) -> None:
    """Split a run of number tokens into numbers (grammar in ``_can_extend``)."""
    acc: _Acc | None = None
    after_and = False
    for m in _TOKEN.finditer(low, s, e):
        w = m.group()
        if w == "and":
            if acc is not None and acc.last in ("hundred", "big"):
                after_and = True
            else:
                _finish(acc, out)
                acc = None
            continue
        if w == "a" or w == "an":
            _finish(acc, out)
            acc = _Acc(m.start())
            acc.last = "a"
            acc.current = 1.0
            acc.end = m.end()
            after_and = False
            continue
        wc = _WORDCLASS.get(w)
        if wc is None:
            if len(w) > 20:  # absurdly long digit string: not a count
                _finish(acc, out)
                acc = None
                after_and = False
                continue
            try:
                val = float(w.replace(",", ""))
            except ValueError:
                _finish(acc, out)
                acc = None
                after_and = False
                continue
            cls = "digit"
        else:
            cls, val = wc
        if acc is not None and _can_extend(acc, cls, val, after_and):
            pass
        else:
            if after_and:
                # "and" did not continue the number: close it before the "and"
                after_and = False
            _finish(acc, out)
            acc = None
            if cls in ("hundred", "big", "dozen"):
                continue
            acc = _Acc(m.start())
            if cls == "digit":
                acc.digit = True
                acc.raw = w
        after_and = False
        if cls in ("unit", "teen", "ten", "digit"):
            acc.current += val
            acc.last = cls
            acc.lastmult = 0.0
        elif cls == "hundred":
            acc.current = (acc.current or 1.0) * val
            acc.last = "hundred"
            acc.lastmult = val
        elif cls == "big":
            acc.total += (acc.current or 1.0) * val
            acc.current = 0.0
            acc.min_big = val
            acc.last = "big"
            acc.lastmult = val
        else:  # dozen
            acc.current *= val
            acc.last = "dozen"
            acc.lastmult = val
        acc.ntok += 1
        acc.end = m.end()
        if cls == "dozen":
            _finish(acc, out)
            acc = None
    _finish(acc, out)


def _cores(low: str, rev: str) -> list[_Core]:
    out: list[_Core] = []
    n = len(low)
    for m in _MASTER.finditer(low):
        s, end = m.span()
        txt = m.group()
        if txt[0] in "0123456789":
            if _PLAIN_DIGITS.fullmatch(txt):  # fast path: a lone number such as "21" or "3,000"
                v = float(txt.replace(",", "")) if len(txt) <= 20 else INF
                if v <= _MAX_VALUE:
                    c = _Core(s, end, v, v)
                    c.digit = True
                    c.raw = txt
                    c.ntok = 1
                    out.append(c)
            else:
                _parse_run(low, s, end, out)
            continue
        wc = _WORDCLASS.get(txt)
        if wc is not None:  # fast path: a lone number word such as "eight"
            c = _Core(s, end, wc[1], wc[1])
            c.words = True
            c.ntok = 1
            out.append(c)
            continue
        first = _FIRST_WORD.match(txt)
        if first is not None and first.group() in _WORDCLASS and first.group() not in _PHRASE_FIRST:
            _parse_run(low, s, end, out)  # "two dozen", "one hundred and ten"
            continue
        key = _norm(txt)
        v = _PHRASES.get(key)
        if v is not None:
            c = _Core(s, end, v, v)
            c.words = True
            c.ntok = 1
            out.append(c)
            continue
        # vague: strip the tail (" of", scale words) to find the entry
        base = txt
        has_of = False
        tm = _TRAILING_OF.search(base)
        if tm:
            base = base[: tm.start()]
            has_of = True
        num_end = s + len(base)
        f = 1.0
        sm = _SCALE_END.search(base)
        while sm is not None:  # "several hundred", "a couple of hundred"
            f *= _WORDCLASS[sm.group(1)][1]
            has_of = has_of or sm.group().lstrip().startswith("of")
            base = base[: sm.start()]
            sm = _SCALE_END.search(base)
        nb = _norm(base)
        e = _VAGUE.get(nb) or (_VAGUE.get(nb + " of") if has_of else None)
        if e is None:
            _parse_run(low, s, end, out)  # "one hundred", "a dozen", ...
            continue
        if f != 1.0 and not e["scalable"]:
            continue
        if e["needs_of"] and not (has_of or f != 1.0):
            continue
        if e["not_after"] is not None and e["not_after"].match(rev, n - s):
            continue
        if e["not_before"] is not None and e["not_before"].match(low, end):
            continue
        c = _Core(s, num_end, e["low"] * f, e["high"] * f, vague=True)
        c.send = end  # the "of" belongs to the phrase, not to the number
        # "many thousands of": the first vague word only intensifies the second
        if out and out[-1].vague and not low[out[-1].send : s].strip():
            out.pop()
        out.append(c)
    return out


# ---------------------------------------------------------------------------
# Pass 2: context
# ---------------------------------------------------------------------------


def _is_plural_noun(word: str) -> bool:
    if word in _PLURAL_IRREGULAR:
        return True
    if word in _NOT_PLURAL or len(word) < 3 or not word.endswith("s"):
        return False
    return not word.endswith(("ss", "us", "is"))


def _is_year(c: _Core, low: str, rev: str, rawrev: str) -> bool:
    """A bare four-digit number that reads as a year (rules in numbers.yaml)."""
    raw = c.raw
    if not c.digit or c.ntok != 1 or len(raw) != 4 or not raw.isdigit():
        return False
    v = int(raw)
    if not (1000 <= v <= _YEAR_HI):
        return False
    n = len(low)
    for b in (c.start, c.qstart) if c.qstart != c.start else (c.start,):
        if _YEAR_BEFORE_REV.match(rev, n - b) or _MONTH_BEFORE_REV.match(rawrev, n - b):
            return True
    if v < _YEAR_LO:
        return False
    m = _NEXT_WORD.match(low, c.end)
    return not (m and _is_plural_noun(m.group(1)))


def _reject(c: _Core, text: str, low: str, rev: str, rawrev: str) -> bool:
    """True when the number is not a count (date, time, age, unit, money, ...)."""
    s, e = c.start, c.end
    n = len(low)
    # right after the number
    if _AFTER_NONCOUNT.match(low, e):
        return True
    if c.words and _ORDINAL_AFTER.match(low, e):
        return True
    # right before the number, and before its quantifier ("aged over 65")
    if _BEFORE_NONCOUNT_REV.match(rev, n - s):
        return True
    if c.qstart != s and _BEFORE_NONCOUNT_REV.match(rev, n - c.qstart):
        return True
    if c.digit:
        raw = c.raw
        if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
            return True  # "07", "0700": clock times, codes
        if c.ntok == 1 and "," not in raw and "." not in raw and 1 <= c.low <= 31:
            if _MONTH_BEFORE_REV.match(rawrev, n - s) or _MONTH_AFTER.match(text, e):
                return True
        if _is_year(c, low, rev, rawrev):
            return True
    if c.words and _IDIOM_WORDS_RE is not None and _IDIOM_WORDS_RE.search(low, s, e):
        hi = min(n, e + 24)
        i = _IDIOM.search(low, max(0, s - 16), hi)
        while i is not None:
            if i.start() < e and i.end() > s:
                return True
            i = _IDIOM.search(low, i.start() + 1, hi)
    return False


def _prefix(c: _Core, low: str, rev: str, lo_win: int) -> None:
    s = c.start
    if s == 0 or low[s - 1].isalnum():
        return
    n = len(low)
    m = _PREFIX_REV.match(rev, n - s, n - lo_win)
    if m is None:
        return
    qstart = n - m.end()
    kind = _PREFIX_TYPE.get(_norm(low[qstart:s]))
    if kind is None:
        return
    c.q = kind
    c.qstart = qstart


def _suffix(c: _Core, low: str) -> None:
    m = _SUFFIX.match(low, c.send)
    if m is None:
        return
    kind = _SUFFIX_TYPE.get(_norm(_SUFFIX_KEY.sub(" ", m.group())) or "+")
    if kind is None:
        return
    c.sq = kind
    c.send = m.end()


# ---------------------------------------------------------------------------
# Pass 4: intervals
# ---------------------------------------------------------------------------


def _tol(v: float) -> float:
    return max(_TOL_ABS, _TOL_REL * v)


def _integral(v: float) -> bool:
    return v != INF and v == int(v)


def _apply(kind: str, lo: float, hi: float) -> tuple[float, float, bool]:
    """Interval for quantifier `kind` applied to the base interval [lo, hi]."""
    whole = _integral(lo) and (hi == INF or _integral(hi))
    one = 1.0 if whole else 0.0
    approx = False
    if kind == "lower":
        lo, hi = lo, INF
    elif kind == "lower_strict":
        lo, hi = lo + one, INF
    elif kind == "upper":
        lo = 0.0
    elif kind == "upper_strict":
        lo, hi = 0.0, hi - one
    elif kind == "approx":
        lo, hi, approx = lo - _tol(lo), hi + _tol(hi), True
    elif kind == "approx_below":
        lo, approx = lo - _tol(lo), True
    elif kind == "approx_below_strict":
        lo, hi, approx = lo - _tol(lo), hi - one, True
    elif kind == "approx_above_strict":
        lo, hi, approx = lo + one, hi + _tol(hi), True
    if approx and whole:
        lo = math.ceil(lo - 1e-9)
        if hi != INF:
            hi = math.floor(hi + 1e-9)
    lo = max(0.0, float(lo))
    hi = max(0.0, float(hi))
    if hi < lo:
        hi = lo
    return lo, hi, approx


_KIND_OF_Q = {
    "lower": "lower",
    "lower_strict": "lower",
    "upper": "upper",
    "upper_strict": "upper",
    "approx": "approximate",
    "approx_below": "approximate",
    "approx_below_strict": "approximate",
    "approx_above_strict": "approximate",
}


def _make(text: str, s: int, e: int, ps: int, pe: int, lo: float, hi: float, approx: bool, kind: str) -> Quantity:
    if not (lo >= 0):  # also catches NaN
        lo = 0.0
    if not (hi >= lo):
        hi = lo
    return Quantity(s, e, text[s:e], ps, pe, text[ps:pe], float(lo), float(hi), approx, kind)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low


def find_quantities(text: str) -> list[Quantity]:
    """Every count in `text`, in order of appearance (never raises)."""
    try:
        return _find(text)
    except Exception:  # pragma: no cover - defensive: a bad sentence must not stop a corpus run
        return []


def _find(text: str) -> list[Quantity]:
    if not text or not isinstance(text, str):
        return []
    low = _lower(text)
    rev = low[::-1]
    cores = _cores(low, rev)
    if not cores:
        return []
    n = len(cores)
    rawrev = text[::-1]

    # pass 2: quantifiers and context
    prev_end = 0
    for c in cores:
        _prefix(c, low, rev, prev_end)
        _suffix(c, low)
        if not c.vague:
            c.rejected = _reject(c, text, low, rev, rawrev)
        prev_end = c.send

    # connectors between neighbours (index i joins i and i+1)
    conn: list[str] = [""] * n
    for i in range(n - 1):
        a, b = cores[i], cores[i + 1]
        if a.vague or b.vague or a.sq or b.q:
            continue
        m = _CONNECT.fullmatch(low, a.end, b.start)
        if m is None:
            continue
        w = m.group("d") or m.group("w")
        if w not in _CONNECTORS:
            continue
        if w == "and" and a.q != "between":
            continue
        conn[i] = w

    # pass 3: a non-count spreads over its range partner ("May 7-9", "5-10%")
    for i in range(n - 1):
        if conn[i] and cores[i].rejected:
            cores[i + 1].rejected = True
    for i in range(n - 2, -1, -1):
        if conn[i] and cores[i + 1].rejected:
            cores[i].rejected = True

    # pass 4: build
    out: list[Quantity] = []
    i = 0
    while i < n:
        c = cores[i]
        if c.rejected:
            i += 1
            continue
        q = c.q
        if i + 1 < n and conn[i] and not cores[i + 1].rejected:
            d = cores[i + 1]
            w = conn[i]
            a_lo, a_hi = c.low, c.high
            if d.scale and not c.scale and c.low < d.low / d.scale:
                # "1 to 2 million", "two to three dozen"
                a_lo, a_hi = c.low * d.scale, c.high * d.scale
            is_range = False
            if q == "between" and w in ("and", "to", "-", "–", "—"):
                is_range = True
            elif q == "from" and w == "to":
                is_range = False  # a change, "from 3,000 to 2,500"
            elif a_lo < d.low:
                is_range = True
            if is_range:
                lo, hi = min(a_lo, d.low), max(a_hi, d.high)
                approx = False
                kind = "range"
                ps = c.qstart if q and q not in ("from",) else c.start
                pe = d.send
                if q in _KIND_OF_Q:
                    lo, hi, approx = _apply(q, lo, hi)
                    if q in ("lower", "lower_strict", "upper", "upper_strict"):
                        kind = _KIND_OF_Q[q]
                elif d.sq:
                    lo, hi, approx = _apply(d.sq, lo, hi)
                    if d.sq in ("lower", "upper"):
                        kind = d.sq
                out.append(_make(text, c.start, d.end, ps, pe, lo, hi, approx, kind))
                i += 2
                continue
        lo, hi = c.low, c.high
        approx = c.vague
        kind = "vague" if c.vague else "exact"
        ps, pe = c.start, c.send
        if q in _KIND_OF_Q:
            lo, hi, ap = _apply(q, lo, hi)
            approx = approx or ap
            kind = _KIND_OF_Q[q]
            ps = c.qstart
        elif c.sq:
            lo, hi, ap = _apply(c.sq, lo, hi)
            approx = approx or ap
            kind = _KIND_OF_Q[c.sq]
        if c.vague and kind == "approximate":
            kind = "vague"
        out.append(_make(text, c.start, c.end, ps, pe, lo, hi, approx, kind))
        i += 1
    return out


def parse_count(phrase: str) -> tuple[float, float, bool] | None:
    """Interval of a whole phrase: ``"at least 25"`` -> ``(25, inf, False)``.

    Returns the first quantity found in `phrase`, or None when it holds no count.
    """
    qs = find_quantities(phrase)
    if not qs:
        return None
    q = qs[0]
    return (q.low, q.high, q.approximate)
