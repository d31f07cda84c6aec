"""Check type ``date_conflict``: the same figure, from the same speaker, for the same kind of event at the
same place, dated a few days apart by different articles: one of the dates is probably wrong."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import cast

from pydantic import Field

from checker.checks.base import CheckData, CheckParams, Draft, Drafts, describe_quantity, format_value
from checker.model import Claim


class Params(CheckParams):
    """``max_days``: the largest gap between two dates of one figure that is reported (a larger one is
    more likely two events)."""

    max_days: int = Field(default=3, ge=1)


FIELDS = {"quantity", "value", "speaker", "place", "date_a", "date_b", "article_a", "article_b"}


def run(data: CheckData, params: Params) -> Drafts:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in data.claims:
        if (claim.kind == "count" and claim.event_id and claim.place and claim.event_type
                and claim.event_date_low is not None and claim.event_date_low == claim.event_date_high
                and claim.speaker_kind != "outlet"):
            groups[(claim.event_type, claim.place, claim.subject, claim.predicate, claim.population,
                    claim.value_low, claim.value_high, claim.speaker)].append(claim)
    for claims in groups.values():
        yield from _dated_apart(claims, params.max_days, data)


def _dated_apart(claims: list[Claim], max_days: int, data: CheckData) -> Drafts:
    """One finding per pair of dates at most ``max_days`` apart: the first pair of claims of different articles,
    in date and article order. Dates are taken in order and compared only with the next ``max_days`` days."""
    by_date: dict[date, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.event_date_low, c.article_id)):
        by_date[cast(date, claim.event_date_low)].append(claim)
    dates = list(by_date)  # in order
    for index, first in enumerate(dates):
        for second in dates[index + 1:]:
            if (second - first).days > max_days:
                break
            pair = _first_pair(by_date[first], by_date[second])
            if pair is not None:
                yield _draft(*pair, data)


def _first_pair(earlier: list[Claim], later: list[Claim]) -> tuple[Claim, Claim] | None:
    """The first claim of ``earlier`` and the first of ``later`` from another article, if any."""
    other = next((c for c in later if c.article_id != later[0].article_id), None)  # later's second article
    for a in earlier:
        if a.article_id != later[0].article_id:
            return a, later[0]
        if other is not None:
            return a, other
    return None


def _draft(a: Claim, b: Claim, data: CheckData) -> Draft:
    assert a.event_date_low is not None and b.event_date_low is not None
    return Draft(
        values={
            "quantity": describe_quantity(a, data.taxonomy),
            "value": format_value(a),
            "speaker": a.speaker,
            "place": a.place,
            "date_a": a.event_date_low.isoformat(),
            "date_b": b.event_date_low.isoformat(),
            "article_a": a.article_id,
            "article_b": b.article_id,
        },
        claims=[a, b],
        event_id=a.event_id,
    )
