"""A record kept between runs: each article's extraction, and the whole record's events, findings and scores.

``checker check`` reads the same record (``--against archive/``) on every run, so what it makes of it is kept in
the cache (``checker.cache``), one JSON entry per set of record paths:

- each article's extraction (the article with its date settled, its claims and event mentions), under a hash of
  the article as read: an article that changes, or appears, is extracted again, the others are not;
- the assessed record (claims with their events, events, findings, disputes, source scores, skipped inputs),
  under a hash of every article's, the skipped inputs, the settings, the rule packs and the priors.

The entry is keyed by what extraction depends on (``Knowledge.key``: checker's version and code, the packs, the
gazetteer, the taxonomy, the world data), so a change to any of them builds it again. Records are stored as
rows of plain values (dates as ISO text) and rebuilt through their dataclasses; a row of the wrong width makes
the whole entry count as missing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from checker.cache import Cache, digest, files_digest
from checker.config import Settings
from checker.extract import Extraction
from checker.model import (
    Article,
    Claim,
    Dispute,
    Event,
    EventMention,
    Finding,
    SkippedInput,
    SourceScore,
    table_columns,
)
from checker.result import RunResult

if TYPE_CHECKING:
    from checker.knowledge import Knowledge

__all__ = ["RecordCache"]

R = TypeVar("R")
_TABLES: dict[str, type] = {"claims": Claim, "events": Event, "findings": Finding, "disputes": Dispute,
                            "sources": SourceScore, "skipped": SkippedInput}


class RecordCache:
    """The cached extraction and assessment of the record read from ``paths`` (one cache entry)."""

    def __init__(self, cache: Cache, paths: Sequence[Path | str], knowledge: Knowledge) -> None:
        self.cache = cache
        self.name = f"record-{digest(sorted(str(Path(path).absolute()) for path in paths))}.json"
        self.key = knowledge.key()
        stored = cache.read(self.name, self.key)
        entry: dict[str, Any] = stored if isinstance(stored, dict) else {}
        articles = entry.get("articles")
        self._articles: dict[str, Any] = articles if isinstance(articles, dict) else {}
        self._assessed: Any = entry.get("assessed")
        self._kept: dict[str, Any] = {}  # what this run read or made: what the entry holds when written
        self._keys: dict[int, str] = {}  # the hash of each article read, by id
        self._changed = False

    def _article_key(self, article: Article) -> str:
        """A hash of the article as read: every field, its text included."""
        known = self._keys.get(id(article))
        if known is None:
            row = json.dumps(_row(article), ensure_ascii=False).encode("utf-8", "surrogatepass")
            known = self._keys[id(article)] = hashlib.sha256(row).hexdigest()
        return known

    # --- extraction, article by article -------------------------------------------------------------------------
    def extraction(self, article: Article) -> Extraction | SkippedInput | None:
        """What extraction gave for this article before, or None."""
        article_key = self._article_key(article)
        stored = self._articles.get(article_key)
        if stored is None:
            return None
        try:
            if "skipped" in stored:
                item: Extraction | SkippedInput = _record(SkippedInput, stored["skipped"])
            else:
                item = Extraction(_record(Article, stored["article"]), _records(Claim, stored["claims"]),
                                  _records(EventMention, stored["mentions"]))
        except (TypeError, ValueError, KeyError):
            return None
        self._kept[article_key] = stored
        return item

    def keep_extraction(self, article: Article, item: Extraction | SkippedInput) -> None:
        if isinstance(item, SkippedInput):
            stored: dict[str, Any] = {"skipped": _row(item)}
        else:
            stored = {"article": _row(item.article), "claims": _rows(item.claims), "mentions": _rows(item.mentions)}
        self._kept[self._article_key(article)] = stored
        self._changed = True

    # --- the assessed record -------------------------------------------------------------------------------------
    def assessed(self, read: list[Article], articles: list[Article], mentions: list[EventMention],
                 skipped: list[SkippedInput], settings: Settings, priors: dict | None,
                 assess: Callable[[], RunResult]) -> RunResult:
        """The record assessed: as it was kept, when the articles ``read``, the skipped inputs, the settings, the
        rule packs and the priors are those it was kept for; else ``assess()``, kept. ``articles`` and
        ``mentions`` are those extraction gave (the assessment keeps them as they are)."""
        from checker.rulebook import load_rules, pack_files, selected_rules

        key = digest([self._article_key(article) for article in read], _rows(skipped), asdict(settings),
                     files_digest(pack_files(settings)), sorted((priors or {}).items()))
        stored = self._assessed
        if isinstance(stored, dict) and stored.get("key") == key:
            try:
                tables: dict[str, list[Any]] = {name: _records(record, stored[name])
                                                for name, record in _TABLES.items()}
                result = RunResult(articles=articles, mentions=mentions, **tables)
                result.rules = selected_rules(load_rules(settings), settings)
                return result
            except (TypeError, ValueError, KeyError):
                pass
        result = assess()
        self._assessed = {"key": key, **{name: _rows(getattr(result, name)) for name in _TABLES}}
        self._changed = True
        return result

    def save(self) -> None:
        """Write the entry when this run added to it or left some of it unused (the record changed)."""
        if self._changed or set(self._kept) != set(self._articles):
            self.cache.write(self.name, self.key, {"articles": self._kept, "assessed": self._assessed})


_LAYOUTS: dict[type, tuple[Callable[[Any], tuple], tuple[int, ...], int]] = {}


def _layout(record: type) -> tuple[Callable[[Any], tuple], tuple[int, ...], int]:
    """How to take a record apart: a getter of its fields in order, the positions of its date fields, its width."""
    if record not in _LAYOUTS:
        names = [field.name for field in fields(record)]
        dates = tuple(i for i, column in enumerate(table_columns(record)) if column.kind == "date")
        getter = attrgetter(*names)
        _LAYOUTS[record] = (getter if len(names) > 1 else lambda one: (getter(one),)), dates, len(names)
    return _LAYOUTS[record]


def _row(record: Any) -> list:
    getter, dates, _ = _layout(type(record))
    row = list(getter(record))
    for index in dates:
        if row[index] is not None:
            row[index] = row[index].isoformat()
    return row


def _rows(records: Sequence[Any]) -> list[list]:
    return [_row(record) for record in records]


def _record(record: type[R], row: Any) -> R:
    _, dates, width = _layout(record)
    if not isinstance(row, list) or len(row) != width:
        raise ValueError(f"not a {record.__name__} row")
    row = list(row)  # the stored row stays as it was, to be written again
    for index in dates:
        if row[index] is not None:
            row[index] = date.fromisoformat(row[index])
    return record(*row)


def _records(record: type[R], rows: Any) -> list[R]:
    if not isinstance(rows, list):
        raise ValueError(f"not {record.__name__} rows")
    return [_record(record, row) for row in rows]
