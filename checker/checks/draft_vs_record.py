"""Check types for the pre-publication check: a draft's figures against the record, and unused suppressions.

They read ``CheckData.drafts`` (the article ids of drafts being checked); in a report over
a corpus there are no drafts, and they find nothing.
"""

from __future__ import annotations

from typing import Literal

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    describe_place_and_date,
    describe_quantity,
    format_value,
    overlaps,
    quantity_key,
    speaker_label,
)
from checker.model import Claim


class Params(CheckParams):
    """``verdict``: which standing of a draft figure against the record the rule reports (see ``verdict``)."""

    verdict: Literal["conflicts", "misquotes", "disputed"] = "conflicts"


FIELDS = {"quantity", "at", "value", "speaker", "record", "record_speaker", "record_value", "record_article"}


def verdict(claim: Claim, figures: list[Claim]) -> tuple[str, list[Claim]] | None:
    """How a draft figure stands against the figures on record for the same event and quantity.

    ``misquotes``: attributed to a speaker whose own figure on record differs; ``conflicts``: it
    matches no figure on record; ``disputed``: it matches one side of a disputed figure and is
    attributed to that side or to no one; None: it agrees with the record.
    """
    attributed = claim.speaker_kind not in ("outlet", None)
    # two unnamed officials are not the same person: only a named speaker can be misquoted
    named = attributed and claim.speaker_kind != "anonymous"
    same_speaker = [f for f in figures if named and f.speaker == claim.speaker]
    if same_speaker and not any(overlaps(claim, f) for f in same_speaker):
        return "misquotes", same_speaker
    agreeing = [f for f in figures if overlaps(claim, f)]
    if not agreeing:
        return "conflicts", figures
    disagreeing = [f for f in figures if not overlaps(claim, f)]
    if disagreeing and (not attributed or same_speaker):
        return "disputed", agreeing[:1] + disagreeing
    return None


def run(data: CheckData, params: Params) -> Drafts:
    if not data.drafts:
        return
    on_record = data.memo.get("figures_on_record")
    if on_record is None:  # shared by the three draft rules
        on_record = data.memo["figures_on_record"] = {}
        for claim in data.claims:
            if (claim.article_id not in data.drafts and claim.kind == "count" and claim.event_id and claim.predicate
                    and not claim.partial and claim.value_kind != "vague"):
                on_record.setdefault(quantity_key(claim), []).append(claim)
    for claim in data.claims:
        if claim.article_id not in data.drafts or claim.kind != "count" or not claim.event_id or claim.partial:
            continue
        figures = on_record.get(quantity_key(claim), [])
        result = verdict(claim, figures) if figures and claim.predicate else None
        if result is not None and result[0] == params.verdict:
            yield _draft(claim, result[1], data)


def _draft(claim: Claim, figures: list[Claim], data: CheckData) -> Draft:
    event = data.event.get(claim.event_id)
    seen: set[tuple] = set()
    said = []
    for figure in figures:
        key = (figure.speaker, figure.value_low, figure.value_high)
        if key not in seen:
            seen.add(key)
            said.append(f"{speaker_label(figure, data)} said {format_value(figure)} (article {figure.article_id})")
    first = figures[0]
    return Draft(
        values={
            "quantity": describe_quantity(claim, data.taxonomy),
            "at": describe_place_and_date(event),
            "value": format_value(claim),
            "speaker": claim.speaker if claim.speaker_kind != "outlet" else "no one",
            "record": "; ".join(said),
            "record_speaker": speaker_label(first, data),
            "record_value": format_value(first),
            "record_article": first.article_id,
        },
        claims=[claim, *figures],
        event_id=claim.event_id,
    )


FIELDS_UNUSED = {"code", "line"}


def unused_suppression(data: CheckData, params: CheckParams) -> Drafts:
    for article_id, start, end, code, line in data.unused_suppressions:
        yield Draft(values={"code": code, "line": line}, claims=[], key=f"{article_id}:{start}:{code}",
                    spans=[(article_id, start, end)])
