"""What one run produced: the records every renderer reads (no pandas here, so importing a renderer stays light)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.model import Article, Claim, Dispute, Event, EventMention, Finding, SkippedInput, SourceScore

if TYPE_CHECKING:
    from checker.rulebook import Rule

__all__ = ["RunResult"]


@dataclass
class RunResult:
    """Everything one run produced, ready for any renderer."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)  # the disputed quantities the findings belong to
    sources: list[SourceScore] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)  # event words, places and dates of the articles
    rules: list[Rule] = field(default_factory=list)  # the rules that ran: renderers read their properties
