"""The five real seed articles, read through ``checker report --format json`` and compared with the gold file.

Skipped when the shared data (``../shared`` beside the repository) is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

PAGE_FURNITURE = ("Accessibility links", "ADVERTISEMENT", "You are commenting using")


def fold_spaces(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.fixture(scope="module")
def seed_report(seeds_dir: Path) -> dict:
    result = CliRunner().invoke(app, ["report", str(seeds_dir), "--format", "json", "--exit-zero"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seed_articles(seed_report: dict) -> dict[str, dict]:
    return {article["article_id"]: article for article in seed_report["articles"]}


def test_ingest_seeds_report_lists_five_articles(seed_report: dict, seeds_gold: dict) -> None:
    assert seed_report["summary"]["articles"] == 5
    assert seed_report["skipped"] == []
    assert sorted(a["article_id"] for a in seed_report["articles"]) == sorted(seeds_gold["articles"])


def test_ingest_seeds_headline_matches_gold(seed_articles: dict, seeds_gold: dict) -> None:
    for article_id, gold in seeds_gold["articles"].items():
        expected = gold["headline"]
        found = seed_articles[article_id]["title"]
        if expected is None:
            assert found is None, article_id
        else:
            assert found is not None, article_id
            assert fold_spaces(found) == fold_spaces(expected), article_id


def test_ingest_seeds_published_from_date_marker(seed_articles: dict, seeds_gold: dict) -> None:
    gold = seeds_gold["articles"]["000_eb269a8838bae08c"]["published"]
    article = seed_articles["000_eb269a8838bae08c"]
    assert article["published"] == gold.isoformat() == "2019-05-20"
    assert article["published_inferred"] is False
    assert "date 2019-05-20" not in article["text"]


def test_ingest_seeds_undated_articles_null_or_inferred(seed_articles: dict, seeds_gold: dict) -> None:
    undated = [article_id for article_id, gold in seeds_gold["articles"].items() if gold["published"] is None]
    assert undated
    for article_id in undated:
        article = seed_articles[article_id]
        assert article["published"] is None or article["published_inferred"] is True, article_id


def test_ingest_seeds_no_page_furniture_left(seed_articles: dict, seeds_gold: dict) -> None:
    for article_id, gold in seeds_gold["articles"].items():
        text = seed_articles[article_id]["text"]
        junk = list(PAGE_FURNITURE)
        if gold.get("page_junk_from"):
            junk.append(gold["page_junk_from"])
        for marker in junk:
            assert marker not in text, (article_id, marker)


def test_ingest_seeds_every_gold_quote_kept(seed_articles: dict, seeds_gold: dict) -> None:
    # removing furniture must not eat article text: every gold quote is still in its article
    for claim in seeds_gold["count_claims"]:
        text = seed_articles[claim["article"]]["text"]
        assert fold_spaces(claim["quote"]) in text, (claim["article"], claim["quote"])
    all_text = "\n".join(article["text"] for article in seed_articles.values())
    for finding in seeds_gold["findings"]["must"]:
        for quote in finding["quotes"]:
            assert fold_spaces(quote) in all_text, quote

