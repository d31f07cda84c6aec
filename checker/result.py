"""What one run produced: the records every renderer reads (no pandas here, so importing a renderer stays light)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from checker.model import Article, Claim, Dispute, Event, EventMention, Finding, SkippedInput, SourceScore

if TYPE_CHECKING:
    from checker.rulebook import Rule

__all__ = ["DraftSummary", "RunResult"]


@dataclass(frozen=True)
class DraftSummary:
    """What ``checker check`` compared in one draft: its figures, and how many of them the findings flag.

    Attributes:
        published: the date the draft was checked as of.
        dated_by: where that date came from: ``given`` (front matter, or a plain-text date line), ``text`` (the
            latest date its text states) or ``today`` (it states none).
        figures: the draft's figures the check looks at (totals with what they count and its state).
        compared: those that figures on record were compared with (the rest have no record).
        conflicts, disputed, outdated, no_record: the figures each kind of finding flags (CC201 and CC202,
            CC203, CC204, CC205), after selection and the editor's suppressions.
    """

    path: str
    published: date | None
    dated_by: str
    figures: int
    compared: int
    conflicts: int = 0
    disputed: int = 0
    outdated: int = 0
    no_record: int = 0

    def to_dict(self) -> dict[str, object]:
        found = asdict(self)
        found["published"] = self.published.isoformat() if self.published else None
        return found


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
    drafts: list[DraftSummary] = field(default_factory=list)  # checker check: what was compared in each draft
