"""Every count claim listed in the gold file for the real seed articles is extracted with the listed fields."""

from __future__ import annotations

import math
from datetime import date
from functools import cache

import pytest

from checker.ingest.decode import normalise_text
from checker.model import Claim
from checker.pipeline import RunResult, run
from tests.shared_data import SEEDS, gold_entries, require_seeds


@cache
def seed_run() -> RunResult:
    return run([SEEDS])


def _alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


def _speaker_ok(claim: Claim, wanted) -> bool:
    for option in _alternatives(wanted):
        if option == "outlet" and claim.speaker_kind == "outlet":
            return True
        if claim.speaker and claim.speaker.lower() == str(option).lower():
            return True
    return False


def _date_ok(claim: Claim, wanted) -> bool:
    low, high = claim.event_date_low, claim.event_date_high
    if isinstance(wanted, list):  # [date, open]: that date, or open when the publication date is unknown
        return (low, high) == (None, None) or (low == wanted[0] == high)
    if isinstance(wanted, str) and ".." in wanted:
        first, last = (date.fromisoformat(part) for part in wanted.split(".."))
        return low is not None and high is not None and low <= last and high >= first
    return low == wanted == high


def _strict_bound(quote: str) -> bool:
    """A bound in words that the checker reads inclusively ("more than 30" is [30, inf), not [31, inf)): the
    devset's fact-checker labels "more than 30 rockets" as the figure 30, and 30 does not contradict it."""
    return any(words in quote.lower() for words in ("more than", "fewer than", "less than"))


def _matches(claim: Claim, entry: dict) -> list[str]:
    """The fields of a gold entry that ``claim`` gets wrong (empty: a match)."""
    wrong = []
    low, high = entry["value"]
    if _strict_bound(entry["quote"]):  # "more than two dozen": gold [25, inf), read here as [24, inf) on purpose
        low, high = (low - 1, high) if math.isinf(high) else (low, high + 1)
    if (claim.value_low, claim.value_high) != (float(low), float(high) if not math.isinf(high) else math.inf):
        wrong.append(f"value {claim.value_low}..{claim.value_high}")
    checks = {
        "subject": lambda w: claim.subject in _alternatives(w),
        "predicate": lambda w: claim.predicate in _alternatives(w),
        "population": lambda w: claim.population in _alternatives(w),
        "speaker": lambda w: _speaker_ok(claim, w),
        "speaker_kind": lambda w: claim.speaker_kind == w,
    }
    for field, check in checks.items():
        if field in entry and not check(entry[field]):
            wrong.append(f"{field} {getattr(claim, field)!r}")
    event = entry.get("event", {})
    if "type" in event and claim.event_type != event["type"]:
        wrong.append(f"event type {claim.event_type!r}")
    if "place" in event and claim.place != event["place"]:
        wrong.append(f"place {claim.place!r}")
    if "date" in event and not _date_ok(claim, event["date"]):
        wrong.append(f"date {claim.event_date_low}..{claim.event_date_high}")
    return wrong


@pytest.mark.parametrize(
    "entry", gold_entries("count_claims"), ids=lambda e: f"{e['article'][:3]}-{e['quote'][:30]}"
)
def test_extract_finds_gold_count_claim(entry: dict) -> None:
    require_seeds()
    result = seed_run()
    article = next(a for a in result.articles if a.article_id == entry["article"])
    quote = normalise_text(entry["quote"])
    start = article.text.find(quote)
    assert start >= 0, f"gold quote not found in {article.article_id}: {quote!r}"
    end = start + len(quote)
    inside = [c for c in result.claims if c.article_id == article.article_id and c.kind == "count"
              and start <= c.start and c.end <= end]
    assert inside, f"no count claim inside {quote!r}"
    verdicts = {c.claim_id: _matches(c, entry) for c in inside}
    assert any(not wrong for wrong in verdicts.values()), f"claims inside {quote!r} differ from gold: {verdicts}"


def test_extract_gold_second_casualty_claim_of_coordination() -> None:
    """'killed two American troops and one British service member' is two claims: 2 US and 1 British."""
    require_seeds()
    claims = [c for c in seed_run().claims if c.article_id == "001_2d05eb0f090309be" and c.predicate == "killed"]
    assert {(c.value_low, c.population) for c in claims} >= {(2.0, "US"), (1.0, "British")}


def test_extract_seed_publication_dates_inferred_only_where_the_text_dates_itself() -> None:
    require_seeds()
    articles = {a.article_id: a for a in seed_run().articles}
    assert articles["000_eb269a8838bae08c"].published == date(2019, 5, 20)
    assert not articles["000_eb269a8838bae08c"].published_inferred
    inferred = articles["004_c31d4bc7025f9123"]
    assert inferred.published_inferred and inferred.published == date(2020, 12, 23)
