"""Validation of a run's tables: the plain-Python screen sends only doubtful rows to pandera, and the failures
reported are the ones pandera gives for the whole table."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import checker
from checker.model import Article, Claim, SourceScore
from checker.pandera_schemas import validate_rows
from checker.schemas import RowFailure, article_failures, claim_failures, doubtful_rows, source_failures

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


@pytest.fixture(scope="module")
def example() -> Any:
    return checker.scan([EXAMPLES])


def _claim_columns(claims: list[Claim], articles: list[Article]) -> dict[str, list[object]]:
    by_id = {article.article_id: article for article in articles}
    return {"published": [by_id[c.article_id].published for c in claims],
            "text_length": [len(by_id[c.article_id].text) for c in claims],
            "span_text": [by_id[c.article_id].text[c.start:c.end] for c in claims]}


def _same(screened: list[RowFailure], whole_table: list[RowFailure]) -> bool:
    return Counter(screened) == Counter(whole_table)


def test_schemas_a_clean_scan_passes_the_screen_without_pandera(example) -> None:
    claims, articles = list(example.claims), list(example.articles)
    assert doubtful_rows(Claim, claims, _claim_columns(claims, articles)) == []
    assert doubtful_rows(Article, articles) == []
    assert claim_failures(claims, articles) == article_failures(articles) == source_failures(example.sources) == []


def test_schemas_bad_claims_give_the_failures_pandera_gives_for_the_whole_table(example) -> None:
    articles = list(example.articles)
    claims = list(example.claims)
    broken = {
        0: {"value_kind": "roughly"},  # not one of the kinds
        1: {"line": 0},  # below its bound
        2: {"value_low": math.nan},  # NaN where a number is allowed
        3: {"value_low": 5.0, "value_high": 2.0},  # an interval the wrong way round
        4: {"event_date_low": date(2030, 1, 1)},  # after publication
        5: {"start": 10**7, "end": 10**7 + 2},  # outside the text
        6: {"surface": "zzz"},  # not the text at its span
        7: {"claim_id": claims[8].claim_id},  # a shared id: both rows fail
        9: {"value_low": -1.0, "value_high": -1.0},
        10: {"kind": None},  # null where none is allowed
        11: {"event_date_low": date(1066, 10, 14)},  # outside pandas' dates
        12: {"value_high": math.inf},  # an open bound: fine
        13: {"column": "seven"},  # a word where a number belongs
        14: {"attribution": None},
        15: {"approximate": 1},  # an int where a bool belongs
        16: {"speaker_kind": "nobody"},
    }
    for position, changes in broken.items():
        claims[position] = replace(claims[position], **changes)
    failures = claim_failures(claims, articles)
    assert _same(failures, validate_rows(Claim, claims, _claim_columns(claims, articles), "claim", "claim_id"))
    failed = {f.row_id for f in failures}
    assert {claims[i].claim_id for i in (0, 1, 3, 4, 5, 6, 7, 9, 10, 16)} <= failed
    assert claims[12].claim_id not in failed  # the open bound passes pandera too
    reasons = " | ".join(f.reason for f in failures)
    assert "failed isin" in reasons and "roughly" in reasons and "value_low is greater than value_high" in reasons
    assert "event date is after the publication date" in reasons and "field_uniqueness" in reasons


def test_schemas_rows_failing_only_checks_across_columns_are_reported_without_pandera(example, monkeypatch) -> None:
    claims, articles = list(example.claims), list(example.articles)
    claims[3] = replace(claims[3], value_low=9.0, value_high=1.0)
    claims[5] = replace(claims[5], event_date_low=date(2030, 1, 1), surface="zzz")
    assert doubtful_rows(Claim, claims, _claim_columns(claims, articles)) == [3, 5]
    whole_table = validate_rows(Claim, claims, _claim_columns(claims, articles), "claim", "claim_id")

    def no_pandera(*args: object, **kwargs: object) -> list[RowFailure]:
        raise AssertionError("pandera was asked")

    monkeypatch.setattr("checker.pandera_schemas.validate_rows", no_pandera)
    failures = claim_failures(claims, articles)
    assert _same(failures, whole_table)
    assert {(f.row_id, f.check) for f in failures} == {
        (claims[3].claim_id, "value_low is greater than value_high"),
        (claims[5].claim_id, "event date is after the publication date"),
        (claims[5].claim_id, "text at [start:end] is not the claim's surface form")}


def test_schemas_one_bad_value_sends_only_its_row_to_pandera(example) -> None:
    claims, articles = list(example.claims), list(example.articles)
    claims[3] = replace(claims[3], line=0)
    assert doubtful_rows(Claim, claims, _claim_columns(claims, articles)) == [3]
    (failure,) = claim_failures(claims, articles)
    assert (failure.row_id, failure.column, failure.value) == (claims[3].claim_id, "line", "0")


def test_schemas_bad_articles_give_the_failures_pandera_gives_for_the_whole_table(example) -> None:
    articles = list(example.articles)
    articles[0] = replace(articles[0], sha256="not a digest")
    articles[1] = replace(articles[1], article_id=articles[2].article_id)
    articles[3] = replace(articles[3], text="", line_offset=-2)
    articles[4] = replace(articles[4], published=date(9999, 12, 31))
    failures = article_failures(articles)
    assert _same(failures, validate_rows(Article, articles, {}, "article", "article_id"))
    assert {(f.row_id, f.column) for f in failures} >= {(articles[0].article_id, "sha256"),
                                                      (articles[2].article_id, "article_id"),
                                                      (articles[3].article_id, "text"),
                                                      (articles[3].article_id, "line_offset")}


def test_schemas_bad_source_scores_give_the_failures_pandera_gives_for_the_whole_table(example) -> None:
    sources = list(example.sources)
    sources[0] = replace(sources[0], score_low=0.9, score_high=0.2)
    sources[1] = replace(sources[1], score=1.5, n_claims=-1)
    sources[2] = replace(sources[2], level="network")
    failures = source_failures(sources)
    row_ids = {"row_id": [f"{s.level}:{s.source}" for s in sources]}
    assert _same(failures, validate_rows(SourceScore, sources, row_ids, "source", "row_id"))
    assert {f.check for f in failures} >= {"score_low is above score_high", "less_than_or_equal_to(1)",
                                           "greater_than_or_equal_to(0)"}
