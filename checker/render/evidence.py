"""What every renderer shows the same way: findings grouped by event, and a claim's words within its sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.model import SEVERITY_RANK, Article, Claim, Dispute, Event, Finding, carried_by, file_and_row
from checker.result import RunResult


def from_here(path: str) -> str:
    """A file's path as ruff prints it: relative to the working directory when the file is inside it (an absolute
    path given on the command line), else as it was given."""
    if not Path(path).is_absolute():
        return path
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside the working directory (or it is gone): the path as given
        return path


def location(source_path: str, line: int | None) -> str:
    """Where a line of an article is, as a reader opens it from the working directory: ``file.md:16``, or
    ``wire.jsonl:3 (text line 7)``."""
    path, row = file_and_row(source_path)
    path = from_here(path)
    if row is not None:
        return f"{path}:{row}" + (f" (text line {line})" if line else "")
    return f"{path}:{line}" if line else path


def most_severe_first(finding: Finding) -> tuple:
    return (-SEVERITY_RANK[finding.severity], finding.code)


def plural(count: int, word: str) -> str:
    """"1 error", "2 errors", "0 infos": a count and its word."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def event_groups(result: RunResult, findings: list[Finding] | None = None) -> list[tuple[Event | None, list[Finding]]]:
    """Findings (default: the run's) grouped by event: the groups with the most severe findings first, each group
    in that order too."""
    events = {event.event_id: event for event in result.events}
    groups: dict[str, list[Finding]] = {}
    for finding in result.findings if findings is None else findings:
        groups.setdefault(finding.event_id or "", []).append(finding)
    ordered = sorted(groups.items(), key=lambda item: (min(-SEVERITY_RANK[f.severity] for f in item[1]), item[0]))
    return [(events.get(event_id), sorted(group, key=most_severe_first)) for event_id, group in ordered]


ARTICLES_NAMED = 5  # an event line names this many articles and counts the rest


def article_label(article: Article | None, article_id: str) -> str:
    """How a report names an article: its outlet, else the name of its file, else its id."""
    if article is None:
        return article_id
    return article.outlet or Path(file_and_row(article.source_path)[0]).name


def event_line(event: Event, articles: dict[str, Article]) -> str:
    """Why an event's claims were compared with each other, in one line: its type, its place and where that
    lies, its dates, and the articles it joins, earliest first ("rocket attack · Green Zone (Baghdad, Iraq) ·
    2020-12-20 · 3 articles: Kestrel Valley Herald, Ashgrove Tribune (2)")."""
    place = event.place or "place unknown"
    if event.place and event.place_within:  # the place it lies in and the country, enough to tell where it is
        around = dict.fromkeys((event.place_within[0], event.place_within[-1]))
        place += f" ({', '.join(around)})"
    if event.date_low and event.date_high:
        dates = str(event.date_low) if event.date_low == event.date_high else f"{event.date_low} to {event.date_high}"
    else:
        dates = "undated"
    ordered = sorted(event.article_ids, key=lambda a: (_published(articles.get(a)), a))
    counts: dict[str, int] = {}
    for article_id in ordered:
        label = article_label(articles.get(article_id), article_id)
        counts[label] = counts.get(label, 0) + 1
    names = [f"{label} ({count})" if count > 1 else label for label, count in counts.items()]
    if len(names) > ARTICLES_NAMED:
        names = names[:ARTICLES_NAMED] + [f"{len(names) - ARTICLES_NAMED} more"]
    joined = f"{plural(len(ordered), 'article')}: {', '.join(names)}" if names else "no articles"
    return " · ".join((event.event_type or "type unknown", place, dates, joined))


def _published(article: Article | None) -> date:
    return article.published if article and article.published else date.max


QUOTES_SHOWN = 4
STANCE_LABELS = {"asserts": "blames", "hedges": "suspects", "denies": "denies", "declines": "declines to blame"}


def stance_label(claim: Claim) -> str:
    """What a responsibility quote does: "blames Iran", "suspects Iran", "denies Iran"; "" for other claims."""
    if claim.kind != "responsibility" or not claim.stance:
        return ""
    actor = claim.actor if claim.actor and claim.actor != claim.speaker else ""  # Iran "denies", not "denies Iran"
    return f"{STANCE_LABELS.get(claim.stance, claim.stance)} {actor}".strip()



def quoted_evidence(evidence: list[Claim], limit: int = QUOTES_SHOWN) -> list[Claim]:
    """The claims to quote for a finding: the first ``limit``, or for a dispute over blame, both sides (those
    that blame or suspect, and those that deny or decline), half each."""
    blaming = [c for c in evidence if c.stance in ("asserts", "hedges")]
    clearing = [c for c in evidence if c.stance in ("denies", "declines")]
    if not (blaming and clearing):
        return evidence[:limit]
    half = limit // 2
    chosen = blaming[:max(half, limit - len(clearing))] + clearing[:max(half, limit - len(blaming))]
    return [c for c in evidence if c in chosen][:limit]


def split_at_claim(claim: Claim, article_text: str) -> tuple[str, str, str] | None:
    """The claim's sentence as (before, the claim's own words, after); None when they cannot be placed."""
    sentence = claim.sentence
    start = article_text.find(sentence, max(0, claim.start - len(sentence)))
    offset = claim.start - start
    if start < 0 or sentence[offset:offset + len(claim.surface)] != claim.surface:
        return None
    return sentence[:offset], claim.surface, sentence[offset + len(claim.surface):]


def disputes_by_event(result: RunResult) -> list[tuple[Event | None, list[Dispute]]]:
    """The run's disputes grouped by event, the events with the most severe disputes first."""
    events = {event.event_id: event for event in result.events}
    groups: dict[str, list[Dispute]] = {}
    for dispute in result.disputes:
        groups.setdefault(dispute.event_id, []).append(dispute)
    ordered = sorted(groups.items(), key=lambda item: (min(-SEVERITY_RANK[d.severity] for d in item[1]), item[0]))
    return [(events.get(event_id), group) for event_id, group in ordered]


def stated_when(first: str | None, last: str | None = None) -> str:
    """"2020-12-20", or "2020-12-20 to 2020-12-24" when a figure was stated over several days."""
    if not first:
        return "undated"
    return first if last in (None, first) else f"{first} to {last}"


def position_cells(dispute: Dispute) -> list[tuple[str, str, str, str]]:
    """Each position of a dispute as (figure, who, when, carried by); a figure given as an estimate is marked so,
    and one that contradicts no other as agreeing."""
    return [(position["value_text"] + (" estimated" if position.get("estimate") else "")
             + ("" if position["conflicts_with"] else " (agrees)"),
             ", ".join(position["speakers"]), stated_when(position["first_stated"], position["last_stated"]),
             carried_by(position))
            for position in dispute.positions]


def revisions_line(dispute: Dispute) -> str:
    """Each body's figures in order: "Saudi health ministry: 717 (2015-09-24) → 769 (2015-09-26)"."""
    by_body: dict[str, list[str]] = {}
    for step in dispute.timeline:
        by_body.setdefault(step["speaker"], []).append(f"{step['value_text']} ({stated_when(step['stated'])})")
    return "; ".join(f"{body}: {' → '.join(steps)}" for body, steps in by_body.items())
