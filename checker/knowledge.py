"""What a run knows about language and the world: language packs, the gazetteer and the taxonomy.

Loaded once per run (and once per worker process), from the shipped ``rules/`` and the
folders of the ``lexicon-paths`` setting; a mistake in any of them raises
``DataFileError`` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.events import EventResolver
from checker.extract import Extractor
from checker.gazetteer import Gazetteer
from checker.lang import LanguagePacks
from checker.taxonomy import Taxonomy

__all__ = ["Knowledge"]


@dataclass
class Knowledge:
    """Language packs (each loaded on first use), the gazetteer and the taxonomy, with an extractor per language."""

    packs: LanguagePacks
    gazetteer: Gazetteer
    taxonomy: Taxonomy
    _extractors: dict[str, Extractor | None] = field(default_factory=dict)

    @classmethod
    def load(cls, lexicon_paths: Sequence[Path] = ()) -> Knowledge:
        paths = tuple(Path(p) for p in lexicon_paths)
        return cls(LanguagePacks(paths), Gazetteer.load(paths), Taxonomy.load(paths))

    def extractor(self, lang: str) -> Extractor | None:
        """The extractor for articles in ``lang``, or None when there is no pack for it."""
        if lang not in self._extractors:
            pack = self.packs.get(lang)
            self._extractors[lang] = Extractor(pack, self.gazetteer, self.taxonomy) if pack else None
        return self._extractors[lang]

    def resolver(self) -> EventResolver:
        return EventResolver(self.gazetteer, self.taxonomy)
