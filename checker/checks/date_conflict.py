"""Check type ``date_conflict``: the same figure, from the same speaker, for the same kind of event at the
same place, dated a few days apart by different articles: one of the dates is probably wrong."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from pydantic import Field

from checker.checks.base import CheckData, CheckParams, Draft, Drafts, describe_quantity, format_value


class Params(CheckParams):
    """``max_days``: the largest gap between two dates of one figure that is reported (a larger one is
    more likely two events)."""

    max_days: int = Field(default=3, ge=1)


FIELDS = {"quantity", "value", "speaker", "place", "date_a", "date_b", "article_a", "article_b"}


def run(data: CheckData, params: Params) -> Drafts:
    max_days = params.max_days
    groups: dict[tuple, list] = defaultdict(list)
    for claim in data.claims:
        if (claim.kind == "count" and claim.event_id and claim.place and claim.event_type
                and claim.event_date_low is not None and claim.event_date_low == claim.event_date_high
                and claim.speaker_kind != "outlet"):
            groups[(claim.event_type, claim.place, claim.subject, claim.predicate, claim.population,
                    claim.value_low, claim.value_high, claim.speaker)].append(claim)
    for claims in groups.values():
        reported: set[tuple] = set()
        for a, b in combinations(sorted(claims, key=lambda c: (c.event_date_low, c.article_id)), 2):
            gap = abs((b.event_date_low - a.event_date_low).days)
            if a.article_id == b.article_id or not 0 < gap <= max_days:
                continue
            pair = (a.event_date_low, b.event_date_low)
            if pair in reported:
                continue
            reported.add(pair)
            yield Draft(
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
