"""Language packs: the words and patterns of one language, loaded once, validated, extendable by users.

A pack is the folder ``rules/lexicon/<lang>/`` (one YAML file per part: numbers, dates,
sentences, quantities, events, speakers, responsibility), plus the same files from every
folder in the ``lexicon-paths`` setting (``<path>/<lang>/<part>.yaml``), which extend it:
mappings merge, lists extend, other values replace; a file's ``replace: [key, ...]`` makes
those keys replace the shipped ones. A language no shipped or user folder has is not a
pack: its articles are skipped with that reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.cache import Cache, code_fingerprint, digest, files_digest
from checker.lang.compiled import compiled
from checker.lang.loader import PLACEHOLDER, DataFileError, merge_data, read_data_file, validate_data
from checker.lang.models import (
    PACK_FILES,
    DatesFile,
    EventsFile,
    NumbersFile,
    PackFile,
    QuantitiesFile,
    ResponsibilityFile,
    SentencesFile,
    SpeakersFile,
)
from checker.lang.patterns import phrase_pattern
from checker.resources import rules_dir

__all__ = ["LanguagePack", "LanguagePacks", "expand_pattern", "load_pack", "pack_folders"]

LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class LanguagePack:
    """The validated word lists and patterns of one language."""

    lang: str
    numbers: NumbersFile
    dates: DatesFile
    sentences: SentencesFile
    quantities: QuantitiesFile
    events: EventsFile
    speakers: SpeakersFile
    responsibility: ResponsibilityFile
    files: tuple[str, ...] = ()  # the files it was read from, shipped first


def pack_folders(lang: str, lexicon_paths: Sequence[Path] = ()) -> list[Path]:
    """The folders that hold files of ``lang``'s pack: the shipped one first, then the user's, in order."""
    candidates = [rules_dir() / "lexicon" / lang, *(Path(p) / lang for p in lexicon_paths)]
    return [folder for folder in candidates if folder.is_dir()]


def load_pack(lang: str, lexicon_paths: Sequence[Path] = (), cache: Cache | None = None) -> LanguagePack:
    """Load and validate the pack of ``lang``; a mistake raises ``DataFileError`` with its file and line.

    A pack once validated is kept in ``cache`` (by default the user's cache folder), keyed by its files'
    names and contents and checker's own version, and read from there while none of them changes."""
    cache = cache if cache is not None else Cache.from_environment()
    folders = pack_folders(lang, lexicon_paths)
    if not folders:
        raise DataFileError(rules_dir() / "lexicon", None, f"no language pack for {lang!r}")
    present = [path for folder in folders for path in sorted(folder.glob("*.y*ml"))]
    key = digest(code_fingerprint(), files_digest(present))
    name = f"pack-{digest(lang, [str(folder) for folder in folders])}.json"
    stored = cache.read(name, key)
    if isinstance(stored, dict):
        with suppress(TypeError, ValueError, KeyError):
            return LanguagePack(lang=lang, files=tuple(stored["files"]),
                                **{part: model.model_validate(stored["parts"][part])  # type: ignore[arg-type]
                                   for part, model in PACK_FILES.items()})
    pack = _read_pack(lang, folders, present)
    cache.write(name, key, {"files": pack.files, "parts": {part: getattr(pack, part).model_dump(exclude_unset=True)
                                                           for part in PACK_FILES}})
    return pack


def _read_pack(lang: str, folders: list[Path], present: list[Path]) -> LanguagePack:
    for path in present:
        if path.stem not in PACK_FILES:
            raise DataFileError(path, None, f"unknown pack file {path.name!r} "
                                            f"(a pack has {', '.join(f'{n}.yaml' for n in PACK_FILES)})")
    parts: dict[str, PackFile] = {}
    files: list[str] = []
    merged: dict[str, dict[str, Any]] = {}
    for folder in folders:
        for name, model in PACK_FILES.items():
            path = folder / f"{name}.yaml"
            if not path.is_file():
                continue
            data = read_data_file(path)
            validate_data(model, data, path)  # each file alone, so a mistake is reported with its line
            merged[name] = merge_data(merged.get(name, {}), data)
            files.append(str(path))
    for name, model in PACK_FILES.items():
        parts[name] = validate_data(model, merged.get(name, {}), folders[-1] / f"{name}.yaml")
    return LanguagePack(lang=lang, files=tuple(files), **parts)  # type: ignore[arg-type]


def expand_pattern(part: PackFile, name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The compiled pattern ``name`` of a pack file, its ``{list}`` placeholders filled with the lists'
    alternations (longest first; a mapping of lists gives all of its words); a pattern the pack does not have
    matches nothing."""
    template = getattr(part, "patterns", {}).get(name)
    if template is None:
        return compiled("(?!)")

    def fill(match: re.Match[str]) -> str:
        words: Iterable[str] = getattr(part, match.group(1))
        if isinstance(words, Mapping):  # "event_types": every trigger of every type
            words = [word for listed in words.values() for word in listed]
        return f"(?:{phrase_pattern(words)})"

    return compiled(PLACEHOLDER.sub(fill, template), flags)


@dataclass
class LanguagePacks:
    """The packs of one run, each loaded on first use; a language with no pack is remembered as missing."""

    lexicon_paths: tuple[Path, ...] = ()
    cache: Cache | None = None  # where validated packs are kept (None: the user's cache folder)
    _loaded: dict[str, LanguagePack | None] = field(default_factory=dict)

    def get(self, lang: str) -> LanguagePack | None:
        """The pack of ``lang``, or None when there is none (a broken pack raises ``DataFileError``)."""
        lang = (lang or "").strip().lower()
        if lang not in self._loaded:
            if not LANG_CODE.match(lang) or not pack_folders(lang, self.lexicon_paths):
                self._loaded[lang] = None
            else:
                self._loaded[lang] = load_pack(lang, self.lexicon_paths, self.cache)
        return self._loaded[lang]
