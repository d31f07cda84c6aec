"""Check types for the pre-publication check: a draft's figures against the record, and unused suppressions.

They read ``CheckData.drafts`` (the article ids of drafts being checked); in a report over
a corpus there are no drafts, and they find nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from checker.checks.base import (
    AS_OF_DAYS,
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    apart_in_time,
    as_of,
    describe_place_and_date,
    describe_quantity,
    format_value,
    moved_with_time,
    overlaps,
    published_order,
    quantity_key,
    speaker_label,
)
from checker.model import Claim


class Params(CheckParams):
    """``verdict``: which standing of a draft figure against the record the rule reports (see ``verdict``)."""

    verdict: Literal["conflicts", "misquotes", "disputed"] = "conflicts"


LOOSE = ("lower", "upper")  # a bound fits many figures: alone, it bears out none of them
FIELDS = {"quantity", "at", "value", "speaker", "record", "record_speaker", "record_value", "record_article"}


def verdict(claim: Claim, figures: list[Claim], data: CheckData) -> tuple[str, list[Claim]] | None:
    """How a draft figure stands against the figures on record for the same event and quantity.

    ``misquotes``: attributed to a speaker whose own figure on record contradicts it, and no figure of
    that speaker's supports it; ``conflicts``: figures on record contradict it and none supports it;
    ``disputed``: figures on record support it and others contradict it, and it is attributed to a
    supporting speaker or to no one; None: it agrees with the record, or nothing on record can tell.
    A running count is compared with the record as it stood when the draft was written (``_current``).
    """
    said = figures
    figures = _current(figures, claim, data)
    contradicting = [f for f in figures if _contradicts(claim, f, data)]
    against = list({(f.value_low, f.value_high): f for f in contradicting}.values())  # one per figure given
    supporting = [f for f in figures if _supports(f, claim, against)]
    contradicting_ids, supporting_ids = {id(f) for f in contradicting}, {id(f) for f in supporting}
    attributed = claim.speaker_kind not in ("outlet", None)
    # two unnamed officials are not the same person: only a named speaker can be misquoted
    named = attributed and claim.speaker_kind != "anonymous"
    same_speaker = [f for f in figures if named and f.speaker == claim.speaker]
    # a figure the speaker did give is no misquote, even when the count has moved on since
    ever_said = any(overlaps(claim, f) for f in said if named and f.speaker == claim.speaker)
    if any(id(f) in contradicting_ids for f in same_speaker) and not ever_said:
        own = [f for f in said if f.speaker == claim.speaker and not overlaps(claim, f)]
        return "misquotes", sorted(own, key=lambda f: not f.revision_cue)  # the figure it revised to first
    if not contradicting:
        return None
    if ever_said:  # a faithful quote of a figure the record has since moved on from, or that others dispute
        own = [f for f in said if f.speaker == claim.speaker and overlaps(claim, f)]
        return "disputed", own[:1] + contradicting
    if not supporting:
        return "conflicts", contradicting
    if not attributed or any(id(f) in supporting_ids for f in same_speaker):
        return "disputed", supporting[:1] + contradicting
    return None


def _contradicts(claim: Claim, figure: Claim, data: CheckData) -> bool:
    """Whether a figure on record contradicts a draft's figure: their intervals do not overlap, and time does not
    explain it. Time explains a running count that moved on after the draft's date; a draft figure above the
    record's of its day, even one that says the count rose, is news the record lacks: the editor checks it."""
    if overlaps(claim, figure):
        return False
    drafted, given = as_of(claim, data), as_of(figure, data)
    later_on_record = drafted is not None and given is not None and given > drafted
    return not (later_on_record and moved_with_time(claim, figure, data))


def _supports(figure: Claim, claim: Claim, contradicting: list[Claim]) -> bool:
    """Whether a figure on record bears out a draft's figure. A bound ("at least 10") bears out an exact figure
    only when it takes the draft's side against every figure that contradicts the draft (at least 18 against
    15, for 18): one that fits a contradicting figure too tells "14" from "10" no better than nothing."""
    if not overlaps(claim, figure):
        return False
    if figure.value_kind not in LOOSE or claim.value_kind in LOOSE:
        return True
    return not any(overlaps(figure, other) for other in contradicting)


def _current(figures: list[Claim], claim: Claim, data: CheckData) -> list[Claim]:
    """The figures on record as they stood when the draft was written: of a running count (the dead, the
    missing), a figure that a later one given by then bears out or moved on from ("the toll rose to 98") is
    left out. A fall is a correction, not news of the count: both figures stay."""
    if data.taxonomy.tallies.get(claim.predicate or "") is None:
        return figures
    drafted = as_of(claim, data)
    horizon = None if drafted is None else drafted + timedelta(days=AS_OF_DAYS)
    # what _moved_on reads of a figure is when it was given, its interval and whether it says it changed: each
    # such kind of figure is compared once with each kind known by then (two of one kind never move on)
    known = list({_kind(f, data): f for f in figures
                  if horizon is None or (as_of(f, data) or date.min) <= horizon}.values())
    moved: dict[tuple, bool] = {}
    for figure in figures:
        kind = _kind(figure, data)
        if kind not in moved:
            moved[kind] = any(_moved_on(figure, later, data) for later in known)
    return [f for f in figures if not moved[_kind(f, data)]]


def _kind(figure: Claim, data: CheckData) -> tuple:
    return as_of(figure, data), figure.value_low, figure.value_high, figure.value_kind, figure.revision_cue


def _moved_on(earlier: Claim, later: Claim, data: CheckData) -> bool:
    first, second = as_of(earlier, data), as_of(later, data)
    if first is None or second is None or second < first or later is earlier:
        return False
    if overlaps(earlier, later):  # "at least 11" on Monday, 98 a month later
        return apart_in_time(earlier, later, data)
    return (second > first or later.revision_cue) and moved_with_time(earlier, later, data)


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
        for figures in on_record.values():  # in the order they were published, however the record was read
            figures.sort(key=lambda c: published_order(c, data))
    for claim in data.claims:
        if claim.article_id not in data.drafts or claim.kind != "count" or not claim.event_id or claim.partial:
            continue
        figures = on_record.get(quantity_key(claim), [])
        result = verdict(claim, figures, data) if figures and claim.predicate else None
        if result is not None and result[0] == params.verdict:
            yield _draft(claim, result[1], data)


def _draft(claim: Claim, figures: list[Claim], data: CheckData) -> Draft:
    event = data.event.get(claim.event_id or "")
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
