"""Triage: narrow a run's findings to what a desk asks about (events, outlets, dates, a minimum severity),
and count them per rule.

Only findings (and, for event and date filters, events) are narrowed: the articles and claims
stay, since a finding's evidence may come from an outlet or an event the filter leaves out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from checker.model import SEVERITY_RANK, Article, Event, Finding
from checker.result import RunResult

__all__ = ["RuleCount", "Triage", "rule_counts"]


@dataclass(frozen=True)
class Triage:
    """What to keep. Every filter given must hold; within one filter, any of its values may match.

    Attributes:
        events: event ids, or words of an event's id or description ("green-zone", "2020-12-20").
        outlets: outlet names, or a part of one, any case ("Ashgrove").
        since: keep findings about events on or after this date (or, with no event, in articles
            published on or after it).
        until: the same, on or before this date.
        min_severity: the least severe findings kept (info, warning, error).
    """

    events: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_severity: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.events or self.outlets or self.since or self.until or self.min_severity)

    def describe(self) -> str:
        """The filters in words, for the report's summary: "event green-zone; outlet Ashgrove"."""
        parts = [f"event {' or '.join(self.events)}" if self.events else "",
                 f"outlet {' or '.join(self.outlets)}" if self.outlets else "",
                 f"since {self.since}" if self.since else "", f"until {self.until}" if self.until else "",
                 f"{self.min_severity} and above" if self.min_severity and self.min_severity != "info" else ""]
        return "; ".join(part for part in parts if part)

    def narrow(self, result: RunResult) -> RunResult:
        """The run with only the findings (and events) these filters keep."""
        if not self.active:
            return result
        events = {event.event_id: event for event in result.events}
        articles = {article.article_id: article for article in result.articles}
        findings = [f for f in result.findings if self._keeps(f, events.get(f.event_id or ""), articles)]
        kept_events = [e for e in result.events if self._event_matches(e) and self._event_in_window(e)]
        disputed = {f.dispute_id for f in findings if f.dispute_id}
        disputes = [d for d in result.disputes if d.dispute_id in disputed]
        return replace(result, findings=findings, events=kept_events, disputes=disputes)

    def _keeps(self, finding: Finding, event: Event | None, articles: dict[str, Article]) -> bool:
        if self.min_severity and SEVERITY_RANK[finding.severity] < SEVERITY_RANK[self.min_severity]:
            return False
        if self.events and (event is None or not self._event_matches(event)):
            return False
        own = [articles[i] for i in finding.article_ids if i in articles]
        if self.outlets and not any(self._outlet_matches(article.outlet) for article in own):
            return False
        if self.since or self.until:
            if event is not None and event.date_low and event.date_high:
                return self._event_in_window(event)
            return any(a.published and self._date_in_window(a.published) for a in own)
        return True

    def _event_matches(self, event: Event) -> bool:
        if not self.events:
            return True
        words = f"{event.event_id} {event.describe()}".casefold()
        return any(wanted == event.event_id or wanted.casefold() in words for wanted in self.events)

    def _outlet_matches(self, outlet: str | None) -> bool:
        return bool(outlet) and any(wanted.casefold() in outlet.casefold() for wanted in self.outlets)  # type: ignore[union-attr]

    def _event_in_window(self, event: Event) -> bool:
        """The event's dates overlap the window (an event with open dates is kept only without a window)."""
        if not (self.since or self.until):
            return True
        if not (event.date_low and event.date_high):
            return False
        after_start = self.since is None or event.date_high >= self.since
        return after_start and (self.until is None or event.date_low <= self.until)

    def _date_in_window(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class RuleCount:
    """How many findings one rule gave, at which severity."""

    code: str
    rule: str
    severity: str
    count: int


def rule_counts(findings: list[Finding]) -> list[RuleCount]:
    """Findings counted per rule (and severity), the most frequent first, like ``ruff --statistics``."""
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], -SEVERITY_RANK[item[0][2]], item[0][0]))
    return [RuleCount(code, rule, severity, count) for (code, rule, severity), count in ordered]
