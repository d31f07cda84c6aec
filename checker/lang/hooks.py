"""Per-language code: what a language pack's word lists cannot say, as spaCy's ``lang/xx/lex_attrs.py`` does.

A pack (``rules/lexicon/<lang>/``) is data: words, phrases and patterns. Some reading is not a list of words but a
rule of the language's writing: which words can be part of a proper name, and where in a phrase its name stands
("the southern coastal town of Pylos" ends with it, "Greece's Pylos" names it after its owner). Each language may
give a ``LanguageHooks`` subclass, registered in ``HOOKS`` under its code; a language without one gets the base
class, whose defaults assume little: a capital letter starts a name word (as in the Latin, Greek and Cyrillic
scripts), and a phrase's name is its last run of name words.

The readers of one language receive its hooks with its grammars (``checker.extract.grammars.Grammars``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

__all__ = ["EnglishHooks", "HOOKS", "LanguageHooks", "hooks_for"]


class LanguageHooks:
    """The defaults of a language with no hooks of its own."""

    def __init__(self, possessive_suffixes: Iterable[str] = ()) -> None:
        # the endings of a possessive ("'s"), from the pack's speakers.yaml: "Greece's" owns what follows it
        self.possessive_suffixes = tuple(sorted(possessive_suffixes, key=len, reverse=True))

    def is_name_word(self, word: str) -> bool:
        """Whether a word can be part of a proper name: it starts with a capital letter."""
        return word[:1].isupper()

    def is_possessive(self, word: str) -> bool:
        """Whether a word owns what follows it ("Greece's")."""
        return bool(self.possessive_suffixes) and word.endswith(self.possessive_suffixes)

    def name_in(self, phrase: str) -> str:
        """The name a place phrase goes by, or its last word in lower case when it has none: its last run of name
        words that owns nothing ("the town of Pylos" -> "Pylos", "the base" -> "base")."""
        words = phrase.split()
        if not words:
            return ""
        run: list[str] = []
        for word in reversed(words):
            if self.is_name_word(word) and not self.is_possessive(word):
                run.insert(0, word)
            elif run:
                break
        return _cased(" ".join(run)) if run else words[-1].lower()


class EnglishHooks(LanguageHooks):
    """English: a phrase that opens with a name is named by it, past its owner ("Kathmandu rocked Nepal" ->
    "Kathmandu", "Greece's Pylos" -> "Pylos"); one that opens with a determiner keeps its name at its end ("the
    southern Greek coastal town of Pylos" -> "Pylos")."""

    def name_in(self, phrase: str) -> str:
        words = phrase.split()
        if not words or not self.is_name_word(words[0]):
            return super().name_in(phrase)
        run = list(itertools.takewhile(self.is_name_word, words))
        owned = [i for i, word in enumerate(run) if self.is_possessive(word)]
        if owned and owned[-1] + 1 == len(run):  # "Nepal's capital Kathmandu": the owner names no point
            return super().name_in(phrase)
        return _cased(" ".join(run[owned[-1] + 1:] if owned else run))


def _cased(name: str) -> str:
    """A name written all in capitals as a name is written ("PYLOS" is Pylos; an acronym, "NATO", stays)."""
    return name.title() if name.isupper() and len(name) > 4 else name


HOOKS: dict[str, type[LanguageHooks]] = {"en": EnglishHooks}


def hooks_for(lang: str, possessive_suffixes: Iterable[str] = ()) -> LanguageHooks:
    """The hooks of ``lang`` (the base class's defaults when it has none of its own)."""
    return HOOKS.get(lang.lower(), LanguageHooks)(possessive_suffixes)
