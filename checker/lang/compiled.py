"""Regular expressions compiled once and kept: an extractor's patterns, read back from the cache on the next run.

Compiling the large word-list patterns of a language pack is most of the time it takes to build an
extractor: the ``re`` module parses each pattern and generates its code in Python. A pickled pattern
is compiled again when it is loaded, so what is kept is the output of that compilation, the list of
numbers the regex engine runs (``re._compiler``), with the pattern it came from; ``_sre.compile``
checks such code before it accepts it, so a damaged entry is refused, never run. The code depends on
the Python version only, so an entry is keyed by that version and the pattern's text and flags.

``compiled(source, flags)`` is ``re.compile`` everywhere; while ``PatternStore.active()`` is in force
(as ``Knowledge`` builds an extractor), it takes the code from the store when the store has it.
Anything unexpected (another Python whose engine differs, a damaged entry) falls back to
``re.compile``. ``remembered(parts, build)`` does the same for the text of a pattern: the word-list
tries of ``checker.lang.patterns``, kept under a hash of the words they were built from.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from checker.cache import Cache, digest

__all__ = ["PatternStore", "compiled", "remembered"]

try:  # the engine behind ``re``: private, so every use is guarded and falls back to ``re.compile``
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: tuple[object, ...] | None = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _ENGINE = None

_active: PatternStore | None = None


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the active store's code when it has it."""
    store = _active
    return store.compile(source, int(flags)) if store is not None else re.compile(source, flags)


def remembered(parts: object, build: Callable[[], str]) -> str:
    """``build()``, the text of a pattern made from ``parts`` (JSON-able, and all it depends on), from the active
    store when it has it."""
    store = _active
    if store is None:
        return build()
    key = digest(parts)
    source = store.sources.get(key)
    if not isinstance(source, str):
        source = build()
        store._missed = True
    store._used_sources[key] = source
    return source


class PatternStore:
    """The code of compiled patterns, by (pattern, flags), for one extractor: read from ``cache`` entry ``name``
    and written back when a pattern was missing from it."""

    def __init__(self, cache: Cache, name: str) -> None:
        self.cache, self.name = cache, f"patterns-{digest(name)}.json"
        self.key = digest(_ENGINE)
        self._entries: dict[tuple[str, int], list[Any]] = {}
        self._used: dict[tuple[str, int], list[Any]] = {}
        self.sources: dict[str, Any] = {}  # the text of patterns by a hash of what they were made from
        self._used_sources: dict[str, str] = {}
        self._missed = False
        stored = cache.read(self.name, self.key) if _ENGINE is not None else None
        stored = stored if isinstance(stored, dict) else {}
        if isinstance(stored.get("code"), list) and isinstance(stored.get("sources"), dict):
            self.sources = stored["sources"]
            for entry in stored["code"]:
                if isinstance(entry, list) and len(entry) == 7 and isinstance(entry[0], str):
                    self._entries[entry[0], entry[1]] = entry

    @contextmanager
    def active(self) -> Iterator[PatternStore]:
        """Route ``compiled`` through this store for the duration, then write the entry if it grew."""
        global _active
        previous, _active = _active, self
        try:
            yield self
        finally:
            _active = previous
        if self._missed:
            self.cache.write(self.name, self.key, {"code": list(self._used.values()), "sources": self._used_sources})

    def compile(self, source: str, flags: int) -> re.Pattern[str]:
        if _ENGINE is None:
            return re.compile(source, flags)
        entry = self._entries.get((source, flags))
        if entry is not None:
            try:
                _, _, final_flags, code, groups, groupindex, indexgroup = entry
                pattern = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
                self._used[source, flags] = entry
                return pattern
            except (TypeError, ValueError, RuntimeError, OverflowError):  # damaged: compile it again
                pass
        self._missed = True
        try:
            entry = _compile(source, flags)
            pattern = _sre.compile(source, entry[2], entry[3], entry[4], entry[5], tuple(entry[6]))
        except (AttributeError, TypeError, ValueError, RuntimeError):  # the engine differs: the ordinary way
            return re.compile(source, flags)
        self._used[source, flags] = entry
        return pattern


def _compile(source: str, flags: int) -> list[Any]:
    """What ``re._compiler.compile`` hands the engine for ``source``, as a JSON-able entry: the pattern, the flags
    asked for, the flags in force, the code, the number of groups, the named groups and the group names."""
    if flags & re.DEBUG or not isinstance(source, str):
        raise ValueError("not kept")
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [source, flags, flags | parsed.state.flags, list(code), parsed.state.groups - 1, groupindex, indexgroup]
