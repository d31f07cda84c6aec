"""What a run knows about language and the world: language packs, the gazetteer and the taxonomy.

Loaded once per run (and once per worker process), from the shipped ``rules/`` and the
folders of the ``lexicon-paths`` setting; a mistake in any of them raises
``DataFileError`` naming the file and line. What is slow to build (the gazetteer's indexes,
a validated pack) is kept in the user's cache folder (``checker.cache``) between runs; only the
packs of the languages a run meets are loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.cache import Cache, code_fingerprint, digest, files_digest
from checker.events import EventResolver
from checker.extract import Extractor
from checker.gazetteer import Gazetteer
from checker.lang import LanguagePacks
from checker.lang.compiled import PatternStore
from checker.resources import rules_dir
from checker.taxonomy import Taxonomy
from checker.world import world_key

__all__ = ["Knowledge"]


@dataclass
class Knowledge:
    """Language packs (each loaded on first use), the gazetteer and the taxonomy, with an extractor per language."""

    packs: LanguagePacks
    gazetteer: Gazetteer
    taxonomy: Taxonomy
    lexicon_paths: tuple[Path, ...] = ()
    cache: Cache = field(default_factory=Cache)  # where what was built is kept (the default: nowhere)
    _extractors: dict[str, Extractor | None] = field(default_factory=dict)

    @classmethod
    def load(cls, lexicon_paths: Sequence[Path] = (), cache: Cache | None = None) -> Knowledge:
        """The knowledge of the shipped ``rules/`` and ``lexicon_paths``, kept in ``cache`` (by default the user's
        cache folder: see ``checker.cache``)."""
        paths = tuple(Path(p) for p in lexicon_paths)
        cache = cache if cache is not None else Cache.from_environment()
        return cls(LanguagePacks(paths, cache), Gazetteer.load(paths, cache=cache), Taxonomy.load(paths), paths, cache)

    def key(self) -> str:
        """What extraction depends on besides the article: checker's version and code, every file of the packs,
        the gazetteer and the taxonomy (shipped and the user's), and the world data."""
        folders = [*(rules_dir() / part for part in ("lexicon", "gazetteer", "taxonomy")), *self.lexicon_paths]
        files = [file for folder in folders if folder.is_dir() for file in sorted(folder.rglob("*.y*ml"))]
        return digest(code_fingerprint(), world_key(), files_digest(files))

    def extractor(self, lang: str) -> Extractor | None:
        """The extractor for articles in ``lang``, or None when there is no pack for it."""
        if lang not in self._extractors:
            pack = self.packs.get(lang)
            if pack is None:
                self._extractors[lang] = None
            else:  # its patterns' code read from the cache, where it was kept when they were first compiled
                with PatternStore(self.cache, f"{lang} {[str(p) for p in self.lexicon_paths]}").active():
                    self._extractors[lang] = Extractor(pack, self.gazetteer, self.taxonomy)
        return self._extractors[lang]

    def resolver(self) -> EventResolver:
        return EventResolver(self.gazetteer, self.taxonomy)
