"""Language packs: loaded from rules/lexicon/<lang>/ and lexicon-paths, validated with file:line, one per language."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from checker.config import Settings
from checker.knowledge import Knowledge
from checker.lang import DataFileError, load_pack
from checker.model import Article
from checker.pipeline import analyse
from tests.english import EXTRACTOR, extract_claims

FIXTURES = Path(__file__).parent / "fixtures" / "lexicon"


def _article(text: str, lang: str = "en", article_id: str = "a") -> Article:
    return Article(article_id=article_id, source_path=f"{article_id}.txt", text=text, sha256="0" * 64,
                   outlet="Test Wire", lang=lang)


def test_lang_french_pack_from_lexicon_paths_extracts_a_claim() -> None:
    settings = Settings(lexicon_paths=(str(FIXTURES),))
    text = "Huit roquettes ont été tirées sur Bagdad, a déclaré l'armée irakienne."
    result = analyse([_article(text, lang="fr")], settings)
    (claim,) = [c for c in result.claims if c.kind == "count"]
    assert (claim.value_low, claim.value_high, claim.surface) == (8, 8, "Huit")
    assert (claim.subject, claim.predicate) == ("rocket", "fired")
    assert "armée irakienne" in (claim.speaker or "") and claim.speaker_kind == "organisation"
    assert claim.place == "Baghdad"  # the user's gazetteer adds the French name to the shipped place


def test_lang_user_pack_extends_the_shipped_english_one(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "quantities.yaml").write_text("subjects:\n  rocket: [grad, grads]\n", encoding="utf-8")
    pack = load_pack("en", [tmp_path])
    assert "grad" in pack.quantities.subjects["rocket"] and "rockets" in pack.quantities.subjects["rocket"]
    result = analyse([_article("Militants fired six grads at the base on Monday.")],
                     Settings(lexicon_paths=(str(tmp_path),)))
    assert [(c.value_low, c.subject) for c in result.claims if c.kind == "count"] == [(6, "rocket")]


def test_lang_article_in_a_language_without_a_pack_is_skipped_with_the_reason() -> None:
    result = analyse([_article("Acht Raketen wurden abgefeuert.", lang="de", article_id="de-1")])
    assert not result.articles and not result.claims
    assert any("no language pack for 'de'" in s.reason for s in result.skipped)


@pytest.mark.parametrize("content, line, words", [
    ("words:\n  units:\n    eight: lots\n", 3, "units.eight"),
    ("quantifiers:\n  prefix:\n    sorta: [about]\n", 3, "sorta"),
    ("rangeconnectors: [to]\n", 1, "rangeconnectors"),
    ("vague:\n  - {phrase: a few, band: [6, 2]}\n", 2, "band"),
])
def test_lang_pack_mistake_is_reported_with_file_and_line(tmp_path: Path, content: str, line: int, words: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "numbers.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_pack("en", [tmp_path])
    assert raised.value.line == line and raised.value.path.endswith("numbers.yaml") and words in str(raised.value)


def test_lang_pack_pattern_with_an_unknown_list_is_reported(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "events.yaml").write_text("patterns:\n  later: '{nonsense} later'\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"events.yaml:2: .*nonsense"):
        load_pack("en", [tmp_path])


@pytest.mark.parametrize("pattern", ["(a|a)+!", "(\\w+\\s?)+later!", "(?:{hypothetical_markers}\\s*)+x"])
def test_lang_pack_pattern_that_can_backtrack_catastrophically_is_refused_with_file_and_line(
        tmp_path: Path, pattern: str) -> None:
    """A pull request can point lexicon-paths at its own pack: '(a|a)+!' took 45 s on 27 letters and
    '(\\w+\\s?)+later!' did not end on an ordinary sentence. Such a pattern is refused when the pack loads."""
    (tmp_path / "en").mkdir()
    file = "speakers.yaml" if "hypothetical" not in pattern else "quantities.yaml"
    name = "anonymity_clause" if file == "speakers.yaml" else "rest_follows"
    (tmp_path / "en" / file).write_text(f"patterns:\n  {name}: '{pattern}'\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{file}:2: patterns.{name}: refused: .*exponential"):
        load_pack("en", [tmp_path])


def test_lang_shipped_patterns_with_small_bounded_repeats_still_load() -> None:
    pack = load_pack("en")
    assert pack.quantities.patterns["coordinated"].count("{0,4}") == 1  # "up to four words": allowed


def test_lang_unknown_pack_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "numbrs.yaml").write_text("words: {}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown pack file 'numbrs.yaml'"):
        load_pack("en", [tmp_path])


def test_sentences_title_abbreviations_do_not_end_a_sentence() -> None:
    text = "Brig. Gen. Yahya Rasool said eight rockets were fired at the base."
    assert [s.text for s in EXTRACTOR.grammars.sentences.split(text)] == [text]
    (claim,) = extract_claims(_article(text))
    assert claim.speaker == "Yahya Rasool" and claim.value_low == 8


def test_dates_count_words_are_read_by_the_number_grammar() -> None:
    from datetime import date

    (mention,) = EXTRACTOR.dates.find("It happened twenty-one days ago.", date(2021, 1, 22))
    assert mention.text == "twenty-one days ago" and mention.low == mention.high == date(2021, 1, 1)


_CORPUS = [
    "Iraq's military said eight rockets were fired at the Green Zone in Baghdad on Sunday.",
    "U.S. Central Command called it a 21 rocket attack. Two officials, speaking on condition of anonymity, "
    "said three rockets failed to launch.",
    "Iran denied it was behind the attack, but U.S. officials blamed Iran-backed militias.",
]


def _extract_in_worker(article: Article):
    knowledge = Knowledge.load()
    extractor = knowledge.extractor(article.lang)
    assert extractor is not None
    return extractor.extract(article)


def test_extract_in_a_process_pool_gives_the_same_claims_as_in_process() -> None:
    articles = [_article(text, article_id=f"a{i}") for i, text in enumerate(_CORPUS)]
    in_process = [EXTRACTOR.extract(article) for article in articles]
    with ProcessPoolExecutor(max_workers=2) as pool:
        in_pool = list(pool.map(_extract_in_worker, articles))
    assert [e.claims for e in in_pool] == [e.claims for e in in_process]
    assert [e.mentions for e in in_pool] == [e.mentions for e in in_process]
    assert sum(len(e.claims) for e in in_pool) >= 5
