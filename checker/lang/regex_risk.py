"""Regular expressions from packs that could backtrack catastrophically, found when the pack is loaded.

Python's ``re`` backtracks: a repeated group that can itself match the same text in more than one way
(``(\\w+\\s?)+``, ``(a|a)+``) takes time exponential in the length of a text it fails on. A pack pattern comes
from a file a pull request can change (``lexicon-paths`` in ``checker.toml``), so such a pattern is refused when
the pack is loaded, with its file and line, rather than left to hang a run.

The rule is on the parsed pattern: a group repeated without a small bound (``+``, ``*``, ``{0,20}``) must match
one way only: no repeat of varying length and no alternation inside it. A repeat bounded by at most
``SMALL_BOUND`` ("up to four words", ``{0,4}``) is allowed: its worst case is polynomial in a short window.
"""

from __future__ import annotations

import importlib
from typing import Any

# the parser of the re module (private, stable since Python 3.11; its old public name is deprecated)
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

SMALL_BOUND = 5  # a repeat of at most this many times may hold a varying group

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None))


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack catastrophically, or None when it cannot (by the rule above)."""
    return _risk(sre_parse.parse(pattern))


def _risk(items: Any) -> str | None:
    for op, value in items:
        if op in _REPEATS and op is not None:
            low, high, body = value
            if (high == sre_constants.MAXREPEAT or high > SMALL_BOUND) and _varies(body):
                bound = "unbounded" if high == sre_constants.MAXREPEAT else f"up to {high} times"
                return (f"a group repeated {bound} that can itself match in more than one way (a repeat or an "
                        "alternation inside a repeat): it can take exponential time")
            found = _risk(body)
        elif op is sre_constants.BRANCH:
            found = next((r for r in (_risk(branch) for branch in value[1]) if r), None)
        elif op is sre_constants.SUBPATTERN:
            found = _risk(value[-1])
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found = _risk(value[1])
        else:
            found = None
        if found:
            return found
    return None


def _varies(items: Any) -> bool:
    """Whether a group can match in more than one way: it holds a repeat of varying count or an alternation."""
    for op, value in items:
        if op in _REPEATS and op is not None:
            low, high, body = value
            if low != high or _varies(body):
                return True
        elif op is sre_constants.BRANCH:
            return True
        elif op is sre_constants.SUBPATTERN:
            if _varies(value[-1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _varies(value[1]):
                return True
    return False
