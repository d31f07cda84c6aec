"""An article's language: front matter or a manifest row says it, else the configuration's `lang`, else English.

An article in a language with no pack is skipped with that reason, never read as English.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.config import ConfigError, Settings, load_settings
from checker.ingest import read_inputs
from checker.prepublication import DraftError, draft_article

ENGLISH = "Eight rockets hit the Green Zone in Baghdad on Sunday, police said.\n"


def test_lang_front_matter_says_the_language_and_a_region_is_its_pack(tmp_path: Path) -> None:
    (tmp_path / "gb.md").write_text(f"---\nlang: en-GB\n---\n\n{ENGLISH}", encoding="utf-8")
    (tmp_path / "fr.md").write_text("---\nlang: FR\n---\n\nHuit roquettes ont frappé la zone verte.\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text(ENGLISH, encoding="utf-8")
    read = read_inputs([tmp_path])
    assert {a.article_id: a.lang for a in read.articles} == {"gb": "en", "fr": "fr", "plain": "en"}


def test_lang_a_manifest_row_says_its_language(tmp_path: Path) -> None:
    rows = [{"id": "one", "text": ENGLISH, "lang": "de"}, {"id": "two", "text": ENGLISH}]
    (tmp_path / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    read = read_inputs([tmp_path / "corpus.jsonl"])
    assert {a.article_id: a.lang for a in read.articles} == {"one": "de", "two": "en"}


def test_lang_the_configuration_sets_the_language_of_articles_that_state_none(tmp_path: Path) -> None:
    (tmp_path / "checker.toml").write_text('lang = "pt-BR"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\nlang: en\n---\n\n{ENGLISH}", encoding="utf-8")
    settings = load_settings(tmp_path / "checker.toml")
    read = read_inputs([tmp_path / "a.md", tmp_path / "b.md"], settings)
    assert {a.article_id: a.lang for a in read.articles} == {"a": "pt", "b": "en"}


def test_lang_that_is_no_language_code_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "checker.toml").write_text('fail-on = "error"\nlang = "english please"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"checker\.toml:2: lang must be"):
        load_settings(tmp_path / "checker.toml")


def test_lang_a_draft_in_a_language_with_no_pack_is_refused_by_name() -> None:
    with pytest.raises(DraftError, match="no language pack for 'fr'"):
        draft_article(f"---\nlang: fr\n---\n\n{ENGLISH}", "draft.md")
    assert draft_article(ENGLISH, "draft.md", lang=Settings().lang).lang == "en"
