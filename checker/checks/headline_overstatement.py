"""Check type ``headline_overstatement``: a headline that says more than its article's body.

A headline that asserts or denies responsibility where the body only hedges, declines
to attribute or says the opposite; or a headline figure above every figure the body
gives for the same quantity, unless that quantity is disputed between sources and the dispute names the
article as giving differing figures (CC101 says it there: one finding per dispute).
"""

from __future__ import annotations

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    describe_quantity,
    format_value,
    interval,
    quantity_key,
)
from checker.checks.disputes import WINDOW_DAYS, district_part, find_disputes

FIELDS = {"headline", "headline_says", "body", "body_says", "article"}
_WEAKER = {"denies": ("declines", "hedges", "asserts"), "asserts": ("declines", "denies")}
_SAYS = {"asserts": "asserts responsibility", "denies": "denies responsibility", "hedges": "only suspects",
         "declines": "declines to attribute"}


def run(data: CheckData, params: CheckParams) -> Drafts:
    disputes = find_disputes(data, WINDOW_DAYS, include_vague=False)
    for article_id, claims in data.claims_by_article.items():
        headline = [c for c in claims if c.in_headline]
        if not headline:
            continue
        body = [c for c in claims if not c.in_headline]
        for claim in headline:
            if claim.kind == "responsibility" and claim.actor and claim.stance in _WEAKER:
                actor = data.gazetteer.root_actor(claim.actor)
                # the same speaker says less in the body (or anyone does, when the headline speaks for the outlet)
                against = [c for c in body if c.kind == "responsibility" and c.stance in _WEAKER[claim.stance]
                           and (c.actor is None or data.gazetteer.root_actor(c.actor) == actor)
                           and (claim.speaker_kind == "outlet" or c.speaker == claim.speaker)]
                if against:
                    first = against[0]
                    yield Draft(
                        values={"headline": claim.sentence, "headline_says": f"{_SAYS[claim.stance or '']} of {actor}",
                                "body": first.sentence, "body_says": _SAYS[first.stance or ""], "article": article_id},
                        claims=[claim, *against],
                        event_id=claim.event_id,
                    )
            elif claim.kind == "count" and claim.predicate:
                disputed = disputes.get(quantity_key(claim))
                if disputed is not None and disputed.between_sources and article_id in disputed.unreconciled:
                    continue  # CC101 lists this article's differing figures inside the dispute between sources
                same = [c for c in body if c.kind == "count" and not c.partial and not district_part(c, data)
                        and c.event_id == claim.event_id
                        and (c.subject, c.predicate, c.population)
                        == (claim.subject, claim.predicate, claim.population)]
                if same and all(interval(claim)[0] > interval(c)[1] for c in same):
                    top = max(same, key=lambda c: interval(c)[1])
                    yield Draft(
                        values={"headline": f"{format_value(claim)} {describe_quantity(claim, data.taxonomy)}",
                                "headline_says": format_value(claim), "body": f"{format_value(top)} at most",
                                "body_says": format_value(top), "article": article_id},
                        claims=[claim, top],
                        event_id=claim.event_id,
                    )
