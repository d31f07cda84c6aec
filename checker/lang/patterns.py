"""The one phrase-pattern builder: word lists from a language pack become trie-shaped regular expressions.

A list of phrases ("rocket attack", "rocket barrage", "rockets") is merged into a character
trie, so the regex engine tries one branch per character instead of every phrase at every
position, and longer phrases are tried before their prefixes. Every pattern in the extractor
that matches a word list is built here; nothing else writes alternations of words.

Phrase notation (used by every word list in ``rules/lexicon/<lang>/``):

* a space matches any run of whitespace;
* with ``hyphens=True``, a hyphen matches a hyphen with optional spaces, or whitespace, so
  "year-old" also matches "year old";
* with ``case="classes"``, each letter matches either case (``[aA]``), which keeps the
  engine's literal prefix checks that ``re.IGNORECASE`` would disable;
* with ``case="capitalised"``, a phrase also matches with its first letter in upper case
  ("In", "Last week").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

from checker.lang.compiled import compiled, remembered

__all__ = ["key_words", "lower_same_length", "norm", "phrase_pattern", "phrase_regex", "sentence_words", "trie_pattern"]

Case = Literal["exact", "classes", "capitalised"]
NEVER = "(?!)"  # a pattern that matches nothing: an empty word list
_TOKEN = re.compile(r"\w+")


def norm(phrase: str, hyphens: bool = False) -> str:
    """A word-list key: lower case, whitespace collapsed (and hyphens as spaces, when asked)."""
    phrase = phrase.lower()
    if hyphens:
        phrase = phrase.replace("-", " ")
    return " ".join(phrase.split())


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character, so offsets into it are offsets into ``text``."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)  # "İ" lowers to two


# Where a clause ends, for searches kept inside one: its punctuation, brackets and dashes, or a full stop before a
# space ("U.S." ends nothing); a quotation mark does not ("could amount to "short of 70,000 barrels").
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\.(?:\s|$)")


def letter_shape(text: str) -> str:
    """``text`` with each letter outside ASCII written "A" or "a" by its case, character for character, so an ASCII
    pattern of capitalised words finds "Taner Yıldız" and "René Préval" (offsets into it are offsets into ``text``)."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() or not c.isalpha() else ("A" if c.isupper() else "a") for c in text)


def sentence_words(text: str) -> frozenset[str]:
    """The lower-case words of a text, for cheap prefilters: a phrase can only match if its key word is here."""
    return frozenset(_TOKEN.findall(text if text.islower() else text.lower()))


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """One word of each phrase, its longest (the rarest, as a rule): a phrase matches only if it is present."""
    return frozenset(max(tokens, key=len) for tokens in (_TOKEN.findall(p.lower()) for p in phrases) if tokens)


def _char_pattern(char: str, hyphens: bool, classes: bool) -> str:
    if char == " ":
        return r"\s+"
    if char == "-" and hyphens:
        return r"(?:\s*-\s*|\s+)"
    if classes and char.lower() != char.upper() and len(char.lower()) == 1 and len(char.upper()) == 1:
        return f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
    return re.escape(char)


def trie_pattern(entries: Mapping[str, str], *, hyphens: bool = False, classes: bool = False) -> str:
    """Regex source matching any phrase of ``entries``, each followed by its own tail pattern.

    ``entries`` maps a phrase (in the notation above) to the pattern that must follow it
    ("" for none). Longer phrases are tried before their prefixes; a phrase's tail is tried
    after every longer phrase that continues it.
    """
    tails: dict[str, str] = {}
    for phrase, tail in entries.items():
        if tails.setdefault(" ".join(phrase.split()), tail) != tail:  # the later one wins: the order matters
            return _build_trie(entries, hyphens, classes)
    return remembered(("trie", sorted(tails.items()), hyphens, classes), lambda: _build_trie(entries, hyphens, classes))


def _build_trie(entries: Mapping[str, str], hyphens: bool, classes: bool) -> str:
    root: dict = {}
    for phrase, tail in entries.items():
        node = root
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = tail
    return _emit(root, hyphens, classes) if root else NEVER


def _emit(node: dict, hyphens: bool, classes: bool) -> str:
    branches = [_char_pattern(char, hyphens, classes) + _emit(node[char], hyphens, classes)
                for char in sorted(key for key in node if key)]
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    tail = node[""]
    if not branches:
        return f"(?:{tail})" if "|" in tail else tail
    if not tail:  # a phrase ends here: what continues it is optional (greedy: longest first)
        return "(?:" + "|".join(branches) + ")?"
    return "(?:" + "|".join(branches + [f"(?:{tail})" if "|" in tail else tail]) + ")"


def phrase_pattern(
    phrases: Iterable[str],
    *,
    case: Case = "exact",
    hyphens: bool = False,
    reverse: bool = False,
    boundary: bool = False,
    lower: bool = False,
) -> str:
    """Regex source matching any of ``phrases`` (longest first).

    Args:
        phrases: the word list.
        case: ``exact`` as written, ``classes`` either case for every letter, ``capitalised``
            as written, in lower case, and with a capital first letter.
        hyphens: a hyphen in a phrase also matches a spaced hyphen or whitespace.
        reverse: the pattern matches the phrases written backwards (for matching reversed
            text leftwards from a position).
        boundary: a word boundary after the end of each phrase that ends in a word character
            (after its first character, when reversed).
        lower: the phrases are lower-cased first (for matching lower-cased text).
    """
    variants: set[str] = set()
    for phrase in phrases:
        phrase = " ".join(str(phrase).split())
        if not phrase:
            continue
        if lower:
            phrase = phrase.lower()
        forms = {phrase}
        if case == "capitalised":
            forms |= {phrase.lower(), phrase[0].upper() + phrase[1:].lower()}
        variants |= forms
    entries: dict[str, str] = {}
    for phrase in variants:
        edge = phrase[0] if reverse else phrase[-1]
        tail = r"\b" if boundary and (edge.isalnum() or edge == "_") else ""
        entries[phrase[::-1] if reverse else phrase] = tail
    return trie_pattern(entries, hyphens=hyphens, classes=case == "classes")


def right_after(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matched right after a word: spaces, then one of ``phrases``, whatever its case (nothing, when there are
    none): "one [of several]", "five were [reported] to"."""
    return compiled(rf"\s+(?:{phrase_pattern(phrases)})\b", re.IGNORECASE)


def phrase_regex(phrases: Iterable[str], *, ignore_case: bool = False, edges: str = "words",
                 lower: bool = False, hyphens: bool = False) -> re.Pattern[str]:
    """A compiled pattern matching whole phrases of the list.

    ``edges="words"`` puts ``\\b`` around the alternation; ``edges="tokens"`` also refuses a
    hyphen next to the phrase ("Iran" is not found in "Iran-backed"); ``edges="none"`` leaves
    the edges to the caller. ``lower=True`` lower-cases the phrases for matching lower-cased
    text, which is about twice as fast as ``ignore_case``.
    """
    body = phrase_pattern(phrases, lower=lower, hyphens=hyphens)
    if edges == "tokens":
        source = rf"(?<![\w-])(?:{body})(?![\w-])"
    elif edges == "words":
        source = rf"\b(?:{body})\b"
    else:
        source = f"(?:{body})"
    return compiled(source, re.IGNORECASE if ignore_case else 0)
