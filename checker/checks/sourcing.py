"""Check types ``anonymous_source`` and ``unattributed_figure``: how a figure is sourced."""

from __future__ import annotations

from pydantic import Field

from checker.checks.base import CheckData, CheckParams, Draft, Drafts, describe_quantity, format_value

FIELDS_ANONYMOUS = {"speaker", "words", "article", "chain"}
FIELDS_UNATTRIBUTED = {"quantity", "value", "article", "outlet"}


class UnattributedParams(CheckParams):
    """``predicates``: what happened to the counted things that makes a figure key (killed, fired ...)."""

    predicates: tuple[str, ...] = Field(
        default=("killed", "wounded", "fired", "landed", "intercepted", "failed_to_launch"), strict=False)


def anonymous_source(data: CheckData, params: CheckParams) -> Drafts:
    for claim in data.claims:
        if claim.kind == "attribution" and claim.speaker_kind == "anonymous":
            yield Draft(
                values={"speaker": claim.speaker, "words": claim.surface.strip(), "article": claim.article_id,
                        "chain": " via ".join(reversed(claim.attribution)) if claim.attribution else claim.speaker},
                claims=[claim],
                event_id=claim.event_id,
            )


def unattributed_figure(data: CheckData, params: UnattributedParams) -> Drafts:
    key_predicates = set(params.predicates)
    for claim in data.claims:
        if (claim.kind == "count" and claim.speaker_kind == "outlet" and claim.predicate in key_predicates
                and not claim.in_headline and claim.value_kind != "vague"):
            article = data.article.get(claim.article_id)
            yield Draft(
                values={"quantity": describe_quantity(claim, data.taxonomy), "value": format_value(claim),
                        "article": claim.article_id, "outlet": (article.outlet if article else None) or "the outlet"},
                claims=[claim],
                event_id=claim.event_id,
            )
