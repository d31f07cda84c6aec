"""What every renderer shows the same way: findings grouped by event, and a claim's words within its sentence."""

from __future__ import annotations

from checker.model import SEVERITY_RANK, Claim, Event, Finding
from checker.result import RunResult


def most_severe_first(finding: Finding) -> tuple:
    return (-SEVERITY_RANK[finding.severity], finding.code)


def event_groups(result: RunResult) -> list[tuple[Event | None, list[Finding]]]:
    """Findings grouped by event: the groups with the most severe findings first, each group in that order too."""
    events = {event.event_id: event for event in result.events}
    groups: dict[str, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.event_id or "", []).append(finding)
    ordered = sorted(groups.items(), key=lambda item: (min(-SEVERITY_RANK[f.severity] for f in item[1]), item[0]))
    return [(events.get(event_id), sorted(group, key=most_severe_first)) for event_id, group in ordered]


def split_at_claim(claim: Claim, article_text: str) -> tuple[str, str, str] | None:
    """The claim's sentence as (before, the claim's own words, after); None when they cannot be placed."""
    sentence = claim.sentence
    start = article_text.find(sentence, max(0, claim.start - len(sentence)))
    offset = claim.start - start
    if start < 0 or sentence[offset:offset + len(claim.surface)] != claim.surface:
        return None
    return sentence[:offset], claim.surface, sentence[offset + len(claim.surface):]
