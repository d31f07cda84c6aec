"""Check types for the pre-publication check: a draft's figures against the record, and unused suppressions.

They read ``CheckData.drafts`` (the article ids of drafts being checked); in a report over
a corpus there are no drafts, and they find nothing.

Each figure of a draft has one *standing* against the record as it stood on the draft's date
(``standings``): it agrees, conflicts, misquotes its speaker, takes one side of a dispute, is out of
date (its source has since revised it), or has no record to be compared with. Each draft rule reports
one standing; the summary of ``checker check`` counts them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from checker.checks.base import (
    CheckData,
    CheckParams,
    Draft,
    Drafts,
    apart_in_time,
    as_of,
    describe_place_and_date,
    describe_quantity,
    format_value,
    interval,
    moved_with_time,
    overlaps,
    quantity_key,
    speaker_label,
)
from checker.checks.disputes import WINDOW_DAYS, bodies, comparable_counts
from checker.model import Claim

Verdict = Literal["conflicts", "misquotes", "disputed", "outdated", "no_record"]
VERDICTS: tuple[str, ...] = ("conflicts", "misquotes", "disputed", "outdated", "no_record")


class Params(CheckParams):
    """``verdict``: which standing of a draft figure against the record the rule reports (see ``Standing``)."""

    verdict: Verdict = "conflicts"


LOOSE = ("lower", "upper")  # a bound fits many figures: alone, it bears out none of them
FIELDS = {"quantity", "at", "value", "speaker", "record", "record_speaker", "record_value", "record_article",
          "record_date", "reason"}


@dataclass(frozen=True)
class Standing:
    """How one draft figure stands against the record as it stood on the draft's date.

    ``verdict``: ``agrees``; ``conflicts`` (figures on record contradict it, none bears it out); ``misquotes``
    (its speaker's own figure on record differs); ``disputed`` (it takes one side of figures that differ on
    record); ``outdated`` (it is a figure its source has since revised: ``figures`` are the revisions);
    ``no_record`` (nothing on record to compare it with: ``reason`` says why). ``figures`` are the figures on
    record behind the verdict, the one to name first; ``revised`` maps a figure's claim id to the earlier figure
    of its body that it replaced, for the message.
    """

    verdict: str
    figures: tuple[Claim, ...] = ()
    reason: str = ""
    revised: tuple[tuple[str, Claim], ...] = ()

    @property
    def compared(self) -> bool:
        """Whether the figure was compared with figures on record."""
        return self.verdict != "no_record"


def considered(claim: Claim, data: CheckData) -> bool:
    """Whether a figure of a draft is one the check compares: a total count with what it counts and its state
    (not a part, not a figure of another event, not one the draft itself says was replaced)."""
    return (claim.article_id in data.drafts and claim.kind == "count" and claim.predicate is not None
            and not claim.partial and not claim.other_event and not claim.superseded)


def standings(data: CheckData) -> dict[str, Standing]:
    """Every compared figure of the drafts: claim id -> its standing (worked out once per run, shared by the draft
    rules and the summary of ``checker check``)."""
    found = data.memo.get("draft_standings")
    if found is not None:
        return found
    on_record: dict[tuple, list[Claim]] = {}
    for key, claims in comparable_counts(data, include_vague=False).items():
        figures = [c for c in claims if c.article_id not in data.drafts]  # in the order they were stated
        if figures:
            on_record[key] = figures
    found = {}
    for claim in data.claims:
        if considered(claim, data):
            found[claim.claim_id] = standing(claim, on_record.get(quantity_key(claim), []), data)
    data.memo["draft_standings"] = found
    return found


def standing(claim: Claim, figures: list[Claim], data: CheckData) -> Standing:
    """How a draft figure stands against ``figures``, the figures on record for its event and quantity.

    Each body (who gave a figure) stands by its latest figure: an earlier one it has since replaced is *revised*,
    and a draft that gives it is out of date. A fixed count (rockets fired) is compared with every figure on
    record, whenever stated. A running count (the dead, the missing) is compared with the record as it stood on
    the draft's date (figures stated later are not on record yet; when the date was read off the draft's text,
    which the draft cannot precede, up to ``WINDOW_DAYS`` after it): with the figures of the draft's days
    (within ``WINDOW_DAYS``), and, for a count that only grows, with any earlier figure above it (a toll cannot
    fall); a figure that a later one of the record moved on from ("the toll rose to 98") is left out.
    """
    if not figures:
        return Standing("no_record", reason=_why_no_record(claim, data))
    drafted = as_of(claim, data)
    running = claim.predicate in data.taxonomy.tallies
    horizon = drafted
    if drafted is not None and data.article[claim.article_id].published_inferred:
        horizon = drafted + timedelta(days=WINDOW_DAYS)  # a date read off the text: the draft is of that day or after
    known = [f for f in figures if not running or horizon is None or (as_of(f, data) or date.min) <= horizon]
    if not known:
        return Standing("no_record", reason=f"nothing on record for it by {horizon}")
    body = bodies(known)
    revised_by = _revised(known, body, data)
    # a figure its own sentence says was replaced ("earlier put at 140", "to 131 from 140") is no one's figure now
    standing_by = [f for f in known if not f.superseded and f.claim_id not in revised_by
                   and _comparable(claim, f, drafted, data)]
    compared = _not_moved_on(standing_by, claim, data)
    by_id = {f.claim_id: f for f in known}
    revisions = tuple((newer.claim_id, by_id[old_id]) for old_id, newer in revised_by.items())

    def outdated(candidates: list[Claim]) -> Standing | None:
        old = [f for f in candidates if f.claim_id in revised_by and overlaps(claim, f)]
        if not old:
            return None
        newer = list({id(revised_by[f.claim_id]): revised_by[f.claim_id] for f in old}.values())
        return Standing("outdated", tuple(newer), revised=revisions)

    speaker = _key(claim.speaker) if claim.speaker_kind not in ("outlet", "anonymous", None) else ""
    said = []  # the figures of the draft's speaker on record that bear it out
    if speaker:  # a named speaker: held to the figures they stand by (whatever others said since), then others'
        own = [f for f in known if _key(body[f.claim_id]) == speaker]
        own_now = [f for f in standing_by if _key(body[f.claim_id]) == speaker]
        said = [f for f in own_now if overlaps(claim, f) and _bound_said(f, claim)]
        if not said:
            found = outdated(own)
            if found is not None:
                return found
            if own_now:
                return Standing("misquotes", tuple(own_now), revised=revisions)
    if not compared:
        latest = max(known, key=lambda f: as_of(f, data) or date.min)
        return Standing("no_record", reason=f"the latest figure on record, {format_value(latest)} on "
                                            f"{as_of(latest, data)}, is more than {WINDOW_DAYS} days older")
    contradicting = [f for f in compared if not overlaps(claim, f)]
    if not contradicting:
        return Standing("agrees")
    against = list({interval(f): f for f in contradicting}.values())  # one per figure given
    if said:  # a faithful quote of a figure others dispute, or that the count has moved on from since
        return Standing("disputed", (said[0], *contradicting), revised=revisions)
    supporting = [f for f in compared if _supports(f, claim, against)]
    if not supporting:
        return outdated(known) or Standing("conflicts", tuple(contradicting), revised=revisions)
    if claim.speaker_kind in ("outlet", None):  # one side of a dispute, in the draft's own voice
        return Standing("disputed", (supporting[0], *contradicting), revised=revisions)
    return Standing("agrees")  # a figure of someone the record does not quote, on one side of a dispute


def _bound_said(figure: Claim, claim: Claim) -> bool:
    """Whether a speaker's figure on record bears out the draft's as a quote: a bound ("at least 13", as an outlet
    words their 13) only when the draft's figure holds the bound's number; "said 18" misquotes a speaker whose
    figure is 13, however an outlet worded it."""
    if figure.value_kind not in ("lower", "upper") or figure.unit or claim.unit:
        return True  # (a measure's bound is written in its own unit)
    low, high = interval(claim)
    return any(isinstance(number, float | int) and low <= number <= high for number in figure.written_numbers())


def _why_no_record(claim: Claim, data: CheckData) -> str:
    event = data.event.get(claim.event_id or "")
    if event is None or all(article_id in data.drafts for article_id in event.article_ids):
        return "no event on record"
    return f"no figure on record for {describe_quantity(claim, data.taxonomy)} at this event"


def _key(speaker: str | None) -> str:
    """A body's name as it is compared: "the Odisha government" and "Odisha Government" are one body."""
    words = (speaker or "").casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _revised(known: list[Claim], body: dict[str, str], data: CheckData) -> dict[str, Claim]:
    """Claim id of a figure on record -> the later figure of the same body that replaced it.

    A body's latest figures are those of its latest day (of them, the ones a sentence says are the revision, when
    there are such: "the number of deaths has been revised to 275"); a figure of the body that none of them bears
    out, stated on an earlier day, or said to be replaced ("to 275 from 288"), or not said to be the revision on
    that day, was revised. An undated figure is never known to be older."""
    by_body: dict[str, list[Claim]] = defaultdict(list)
    for figure in known:
        by_body[_key(body[figure.claim_id])].append(figure)
    revised: dict[str, Claim] = {}
    for figures in by_body.values():
        days = [d for d in (as_of(f, data) for f in figures) if d is not None]
        if not days:
            continue
        last = max(days)
        latest = [f for f in figures if as_of(f, data) == last and not f.superseded]
        cued = [f for f in latest if f.revision_cue]
        latest = sorted(cued or latest, key=lambda f: f.speaker_kind == "outlet")  # the body's own words first
        if not latest:
            continue
        for figure in figures:
            if figure in latest or any(overlaps(figure, f) for f in latest):
                continue
            stated = as_of(figure, data)
            newer = _first_stated(latest[0], figures, stated, data)
            if _fell_unsaid(figure, newer, data):
                continue  # a count that only grows, lower later with no word of a revision: both stand (a mis-copy?)
            if figure.superseded or (stated is not None and stated < last) or (stated == last and cued):
                revised[figure.claim_id] = newer
    return revised


def _first_stated(latest: Claim, figures: list[Claim], since: date | None, data: CheckData) -> Claim:
    """The first of a body's figures that agree with its latest one, stated on or after ``since``: when the body
    revised to it (its 275 of 4 June, not the 275 an article of 5 June quotes again)."""
    agreeing = [f for f in figures if not f.superseded and overlaps(f, latest) and (day := as_of(f, data)) is not None
                and (since is None or day >= since)]
    return min(agreeing, key=lambda f: (as_of(f, data) or date.max, f.speaker_kind == "outlet",
                                        f is not latest), default=latest)


def _fell_unsaid(earlier: Claim, later: Claim, data: CheckData) -> bool:
    """Whether a count that only grows (the dead) stands lower in a body's later figure that no sentence calls a
    revision ("these 90 angels" in one copy of a quote, "these 98 angels" in another): that does not replace the
    earlier figure; "revised to 275 from 288" does."""
    if data.taxonomy.tallies.get(earlier.predicate or "") != "cumulative" or later.revision_cue or earlier.superseded:
        return False
    return interval(later)[1] < interval(earlier)[0]


def _comparable(claim: Claim, figure: Claim, drafted: date | None, data: CheckData) -> bool:
    """Whether a figure on record is compared with a draft's figure: any figure of a fixed count; of a running
    count, one of the draft's days (within ``WINDOW_DAYS``), or an earlier one that bears it out or, for a count
    that only grows, lies above it."""
    tally = data.taxonomy.tallies.get(claim.predicate or "")
    stated = as_of(figure, data)
    if tally is None or drafted is None or stated is None or abs((drafted - stated).days) <= WINDOW_DAYS:
        return True
    if overlaps(claim, figure):
        return True
    return tally == "cumulative" and interval(figure)[0] > interval(claim)[1]


def _supports(figure: Claim, claim: Claim, contradicting: list[Claim]) -> bool:
    """Whether a figure on record bears out a draft's figure. A bound ("at least 10") bears out an exact figure
    only when it takes the draft's side against every figure that contradicts the draft (at least 18 against
    15, for 18): one that fits a contradicting figure too tells "14" from "10" no better than nothing."""
    if not overlaps(claim, figure):
        return False
    if figure.value_kind not in LOOSE or claim.value_kind in LOOSE:
        return True
    return not any(overlaps(figure, other) for other in contradicting)


def _not_moved_on(figures: list[Claim], claim: Claim, data: CheckData) -> list[Claim]:
    """Of a running count (the dead, the missing), the figures on record without one that a later figure moved on
    from ("the toll rose to 98" after "11 dead"). A fall is a correction, not news of the count: both stay."""
    if data.taxonomy.tallies.get(claim.predicate or "") is None:
        return figures
    # what _moved_on reads of a figure is when it was given, its interval and whether it says it changed: each
    # such kind of figure is compared once with each other kind (two of one kind never move on)
    kinds = list({_kind(f, data): f for f in figures}.values())
    moved: dict[tuple, bool] = {}
    for figure in figures:
        kind = _kind(figure, data)
        if kind not in moved:
            moved[kind] = any(_moved_on(figure, later, data) for later in kinds)
    return [f for f in figures if not moved[_kind(f, data)]]


def _kind(figure: Claim, data: CheckData) -> tuple:
    return as_of(figure, data), figure.value_low, figure.value_high, figure.value_kind, figure.revision_cue


def _moved_on(earlier: Claim, later: Claim, data: CheckData) -> bool:
    """Whether ``later`` is a later state of the count than ``earlier``: it bears it out days later, or it moved
    from it with time (higher, for a count that only grows)."""
    first, second = as_of(earlier, data), as_of(later, data)
    if first is None or second is None or second < first or later is earlier:
        return False
    if overlaps(earlier, later):  # "at least 11" on Monday, 98 a month later
        return apart_in_time(earlier, later, data)
    if data.taxonomy.tallies.get(earlier.predicate or "") == "cumulative" and interval(later)[0] < interval(earlier)[0]:
        return False  # a toll that fell later was corrected, and the correction is disputed: it did not move on
    return (second > first or later.revision_cue) and moved_with_time(earlier, later, data)


def run(data: CheckData, params: Params) -> Drafts:
    if not data.drafts:
        return
    for claim_id, found in standings(data).items():
        if found.verdict == params.verdict:
            yield _draft(data.claim_by_id[claim_id], found, data)


def _said(figure: Claim, found: Standing, data: CheckData) -> str:
    """"KS Anand said 288 on 2023-06-03 (article ...)": who gave a figure on record, when (for a running count),
    and the earlier figure of theirs it replaced."""
    running = figure.predicate in data.taxonomy.tallies
    when = f" on {as_of(figure, data)}" if running and as_of(figure, data) else ""
    earlier = [format_value(old) for new_id, old in found.revised if new_id == figure.claim_id]
    revised = f", revised from {', '.join(dict.fromkeys(earlier))}" if earlier else ""
    return f"{speaker_label(figure, data)} said {format_value(figure)}{when}{revised} (article {figure.article_id})"


def _revision(figure: Claim, data: CheckData) -> str:
    """"revised to 275 by Pradeep Jena on 2023-06-04 (article ...)"."""
    when = f" on {as_of(figure, data)}" if as_of(figure, data) else ""
    return f"revised to {format_value(figure)} by {speaker_label(figure, data)}{when} (article {figure.article_id})"


def _draft(claim: Claim, found: Standing, data: CheckData) -> Draft:
    event = data.event.get(claim.event_id or "")
    figures = list(found.figures)
    body = bodies(figures)
    named: dict[tuple, Claim] = {}  # one figure of each body and value, the body's own words before an outlet's
    for figure in figures:
        key = (_key(body[figure.claim_id]), figure.value_low, figure.value_high)
        if key not in named or (named[key].speaker_kind == "outlet" and figure.speaker_kind != "outlet"):
            named[key] = figure
    show = _revision if found.verdict == "outdated" else lambda f, d: _said(f, found, d)
    said = [show(figure, data) for figure in named.values()]
    first = figures[0] if figures else None
    return Draft(
        values={
            "quantity": describe_quantity(claim, data.taxonomy),
            "at": describe_place_and_date(event),
            "value": format_value(claim),
            "speaker": claim.speaker if claim.speaker_kind != "outlet" else "no one",
            "record": "; ".join(said),
            "record_speaker": speaker_label(first, data) if first else "",
            "record_value": format_value(first) if first else "",
            "record_article": first.article_id if first else "",
            "record_date": str(as_of(first, data) or "") if first else "",
            "reason": found.reason,
        },
        claims=[claim, *figures],
        event_id=claim.event_id,
    )


FIELDS_UNUSED = {"code", "line"}


def unused_suppression(data: CheckData, params: CheckParams) -> Drafts:
    for article_id, start, end, code, line in data.unused_suppressions:
        yield Draft(values={"code": code, "line": line}, claims=[], key=f"{article_id}:{start}:{code}",
                    spans=[(article_id, start, end)])
