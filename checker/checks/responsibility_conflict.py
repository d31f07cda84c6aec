"""Check type ``responsibility_conflict``: some speakers say an actor was behind an attack, others deny it.

One finding per event and actor (an actor and the groups that are part of it count
as one: an Iran-backed militia and Iran), naming every speaker on each side.
"""

from __future__ import annotations

from checker.checks.base import CheckData, CheckParams, Draft, Drafts, speaker_label

FIELDS = {"event", "actor", "asserters", "deniers"}
ASSERTING = ("asserts", "hedges")


def _names(claims, data: CheckData) -> str:
    names: list[str] = []
    for claim in claims:
        label = speaker_label(claim, data) + (" (hedged)" if claim.stance == "hedges" else "")
        if label not in names:
            names.append(label)
    return ", ".join(names)


def run(data: CheckData, params: CheckParams) -> Drafts:
    for event_id, claims in data.claims_by_event.items():
        by_actor: dict[str, list] = {}
        for claim in claims:
            if claim.kind == "responsibility" and claim.actor and claim.stance in (*ASSERTING, "denies"):
                by_actor.setdefault(data.gazetteer.root_actor(claim.actor), []).append(claim)
        # "called the accusations baseless": a denial that names no actor answers every accusation
        unnamed_denials = [c for c in claims if c.kind == "responsibility" and not c.actor and c.stance == "denies"]
        for group in by_actor.values():
            group.extend(unnamed_denials)
        for actor, group in sorted(by_actor.items()):
            asserted = [c for c in group if c.stance in ASSERTING]
            denied = [c for c in group if c.stance == "denies"]
            if not asserted or not denied:
                continue
            if {c.speaker for c in asserted} <= {c.speaker for c in denied}:
                continue  # a speaker contradicting only itself is not a conflict between sources
            event = data.event.get(event_id)
            yield Draft(
                values={
                    "event": event.describe() if event else "the event",
                    "actor": actor,
                    "asserters": _names(asserted, data),
                    "deniers": _names(denied, data),
                },
                claims=asserted + denied,
                event_id=event_id,
                key=actor,
            )
