"""The findings the gold file says a good checker must report on the seeds, and the look-alikes it must not."""

from __future__ import annotations

from functools import cache

import pytest

from checker.ingest.decode import normalise_text
from checker.model import Claim, Finding
from checker.pipeline import RunResult, run
from tests.shared_data import SEEDS, gold_entries, require_seeds

NUMERIC = {"CC101", "IC101", "CC103", "CC104"}


@cache
def seed_run() -> RunResult:
    return run([SEEDS])


def quote_spans(result: RunResult, quote: str) -> list[tuple[str, int, int]]:
    """Every place a gold quote occurs: (article id, start, end)."""
    quote = normalise_text(quote)
    found = []
    for article in result.articles:
        start = article.text.find(quote)
        if start >= 0:
            found.append((article.article_id, start, start + len(quote)))
    assert found, f"gold quote not in any seed article: {quote!r}"
    return found


def points_at(finding: Finding, places: list[tuple[str, int, int]]) -> bool:
    return any(span["article_id"] == a and span["start"] < end and span["end"] > start
               for span in finding.spans for a, start, end in places)


@pytest.mark.parametrize("item", (gold_entries("findings") or {}).get("must", []),
                         ids=lambda item: item["what"][:40])
def test_checks_gold_must_finding_is_reported(item: dict) -> None:
    require_seeds()
    result = seed_run()
    families = item["family"] if isinstance(item["family"], list) else [item["family"]]
    candidates = [f for f in result.findings if f.code[:2] in families]
    quotes = item["quotes"]
    if item["what"] == "anonymous sourcing":  # one finding per anonymous source
        for quote in quotes:
            assert any(points_at(f, quote_spans(result, quote)) for f in candidates), f"no SR finding at {quote!r}"
        return
    matching = [f for f in candidates if all(points_at(f, quote_spans(result, q)) for q in quotes)]
    assert matching, f"no {families} finding points at all of {quotes}: {[f.message for f in candidates]}"


def test_checks_gold_conflict_names_both_speakers_and_the_event() -> None:
    require_seeds()
    conflict = next(f for f in seed_run().findings if f.code == "CC101")
    for words in ("Iraqi military", "U.S. Central Command", "Green Zone", "2020-12-20", "8", "21"):
        assert words in conflict.message


def _claims(result: RunResult, finding: Finding) -> list[Claim]:
    by_id = {c.claim_id: c for c in result.claims}
    return [by_id[i] for i in finding.claim_ids]


def test_checks_gold_must_not_compare_different_predicates() -> None:
    require_seeds()
    result = seed_run()
    for finding in (f for f in result.findings if f.code in NUMERIC):
        claims = _claims(result, finding)
        assert len({(c.subject, c.predicate, c.population) for c in claims}) == 1, finding.message


def test_checks_gold_must_not_compare_different_events() -> None:
    require_seeds()
    result = seed_run()
    for finding in (f for f in result.findings if f.code in NUMERIC):
        events = {c.event_id for c in _claims(result, finding)}
        assert len(events) == 1, finding.message


@pytest.mark.parametrize("article_id, surface", [
    ("002_57fbcdd92307802e", "three"),      # 3 rockets on 2021-02-22
    ("001_2d05eb0f090309be", "three"),      # 3 katyusha rockets in March 2020
    ("000_eb269a8838bae08c", "a single"),   # 1 rocket in May 2019
    ("004_c31d4bc7025f9123", "154"),        # Tomahawk missiles carried
    ("004_c31d4bc7025f9123", "Three"),      # rockets that failed to launch
])
def test_checks_gold_look_alike_figure_is_in_no_conflict(article_id: str, surface: str) -> None:
    require_seeds()
    result = seed_run()
    claim_ids = {c.claim_id for c in result.claims if c.article_id == article_id and c.surface == surface
                 and c.kind == "count"}
    assert claim_ids, f"the look-alike figure {surface!r} of {article_id} was not extracted"
    conflicts = [f for f in result.findings if f.code in NUMERIC and claim_ids & set(f.claim_ids)]
    assert not conflicts, [f.message for f in conflicts]


def test_checks_gold_no_weekday_finding_for_a_correct_sunday() -> None:
    require_seeds()
    assert not [f for f in seed_run().findings if f.code == "IC102"]
