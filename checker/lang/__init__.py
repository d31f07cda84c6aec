"""Language packs: every word and pattern of a language as validated data, and the one phrase-pattern builder."""

from checker.lang.loader import DataFileError
from checker.lang.pack import LanguagePack, LanguagePacks, expand_pattern, load_pack

__all__ = ["DataFileError", "LanguagePack", "LanguagePacks", "expand_pattern", "load_pack"]
