"""Renderers: one findings model, many output formats, chosen from one registry. The core never imports this package.

Every renderer is a writer with one signature, ``write(result, options, out)``: it reads a
``RunResult``, takes the ``RenderOptions`` it needs, and writes text to the stream ``out``
(record by record where the output can be large). A renderer is named by what a command shows
(its ``View``) and a format name; the same writer may serve several views (SARIF and GitHub
annotations read only the findings, so ``report`` and ``check`` share them). A renderer's module
is imported only when it is used, so choosing JSON does not import rich, and no renderer imports
pandas.

Use::

    from checker.render import RenderOptions, View, renderer_for

    renderer_for(View.report, "json").write(result, RenderOptions(), sys.stdout)
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from datetime import date

    from checker.config import Settings
    from checker.confirmations import Confirmation
    from checker.result import RunResult

__all__ = [
    "ALIASES",
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "UnknownFormat",
    "View",
    "format_names",
    "renderer_for",
]


class View(StrEnum):
    """What a command shows: the data its renderers read from the ``RunResult``."""

    report = "report"  # checker report: everything a run produced
    check = "check"  # checker check: the findings of the drafts (path, line, column)
    sources = "sources"  # checker sources: the source scores
    claims = "claims"  # checker claims: every claim
    statistics = "statistics"  # checker report/check --statistics: findings counted per rule
    claimreview = "claimreview"  # checker claimreview: the reviews an editor confirmed


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need besides the result; the command line fills it, the defaults suit an API caller.

    Attributes:
        width: Columns for the terminal formats; None takes the terminal's (or 80 off a terminal).
        color: Colour in the terminal formats; None follows the terminal and ``NO_COLOR``.
        settings: The settings of the run, for renderers that describe the rules (SARIF) or name the
            reviewing organisation (ClaimReview).
        min_severity: The least severe findings the text report lists (the others are counted in its
            summary); None lists errors and warnings. Other formats list the findings they are given.
        filters: The triage filters in force, in words ("outlet Ashgrove"), for the text report's summary.
        total_findings: How many findings the run had before the filters, for that summary.
        confirmed: The findings an editor confirmed for ClaimReview, with the desk's choices.
        review_date: The ClaimReview ``datePublished`` (None: today).
        full: The Markdown report with everything (every finding quoted, every source and article); by default
            it is a summary sized for a ticket or a pull-request comment.
        quiet: Leave out what is not a finding (the text report's closing summary line), as ``-q`` asks.
    """

    width: int | None = None
    color: bool | None = None
    settings: Settings | None = None
    min_severity: str | None = None
    filters: str = ""
    total_findings: int | None = None
    confirmed: tuple[Confirmation, ...] = ()
    full: bool = False
    review_date: date | None = None
    quiet: bool = False


Writer = Callable[["RunResult", RenderOptions, TextIO], None]


@dataclass(frozen=True)
class Renderer:
    """One output format of one view: ``target`` is the writer as ``"module:function"``, imported when used."""

    view: View
    name: str
    target: str
    help: str

    def write(self, result: RunResult, options: RenderOptions, out: TextIO) -> None:
        """Write ``result`` in this format to ``out``."""
        module, function = self.target.split(":")
        writer: Writer = getattr(import_module(module), function)
        writer(result, options, out)

    def render(self, result: RunResult, options: RenderOptions | None = None) -> str:
        """The whole output as one string (for tests and small results; ``write`` streams)."""
        buffer = io.StringIO()
        self.write(result, options or RenderOptions(), buffer)
        return buffer.getvalue()


_R = "checker.render."
RENDERERS: tuple[Renderer, ...] = (
    Renderer(View.report, "text", _R + "terminal:write_report",
             "a summary, the findings by event with their quotes side by side, the sources, the articles (rich)"),
    Renderer(View.report, "json", _R + "json_report:write_report", "the full data model, stable keys"),
    Renderer(View.report, "jsonl", _R + "json_report:write_report_lines",
             "one record per line, each with a 'type' (summary, article, claim, event, finding, source, skipped)"),
    Renderer(View.report, "markdown", _R + "markdown:write_report", "for a wiki or a ticket"),
    Renderer(View.report, "html", _R + "html:write_report", "one self-contained page"),
    Renderer(View.report, "sarif", _R + "sarif:write_sarif", "SARIF 2.1.0, for code scanning"),
    Renderer(View.report, "github", _R + "lint:write_github", "GitHub Actions annotations"),
    Renderer(View.check, "text", _R + "lint:write_lines", "path:line:col: CODE message, one finding a line"),
    Renderer(View.check, "json", _R + "json_report:write_findings", '{"findings": [...]}'),
    Renderer(View.check, "sarif", _R + "sarif:write_sarif", "SARIF 2.1.0, for code scanning"),
    Renderer(View.check, "github", _R + "lint:write_github", "GitHub Actions annotations"),
    Renderer(View.sources, "text", _R + "terminal:write_sources", "a table of the scores (rich)"),
    Renderer(View.sources, "json", _R + "json_report:write_sources", '{"sources": [...]}'),
    Renderer(View.sources, "csv", _R + "csv_tables:write_sources", "one row per source"),
    Renderer(View.claims, "text", _R + "claims_table:write_table", "a table, capped at 50 rows (rich)"),
    Renderer(View.claims, "csv", _R + "csv_tables:write_claims", "every claim, one row each"),
    Renderer(View.claims, "jsonl", _R + "json_report:write_claims_lines", "every claim, one JSON object a line"),
    Renderer(View.statistics, "text", _R + "statistics:write_text", "one line per rule: count, code, severity, name"),
    Renderer(View.statistics, "json", _R + "statistics:write_json", '[{"code", "rule", "severity", "count"}, ...]'),
    Renderer(View.claimreview, "json", _R + "claimreview:write_reviews",
             "schema.org ClaimReview JSON-LD of the confirmed findings, ready to publish"),
    Renderer(View.claimreview, "text", _R + "claimreview:write_candidates",
             "the findings a desk may confirm for ClaimReview, one line each"),
)

# Older names that keep working: `report` and `sources` called their terminal view "terminal",
# `claims` called its table "table"; every command now calls its human-readable format "text".
ALIASES: dict[str, str] = {"terminal": "text", "table": "text"}
# Formats that moved to a command of their own.
MOVED: dict[tuple[View, str], str] = {
    (View.report, "claimreview"): "ClaimReview is written by 'checker claimreview --confirm FINDING_ID', for the "
                                  "findings an editor confirms",
}


class UnknownFormat(ValueError):
    """A format name that the view has no renderer for; the message lists the ones it has."""


def format_names(view: View) -> list[str]:
    """The formats of ``view``, in the registry's order (aliases not included)."""
    return [renderer.name for renderer in RENDERERS if renderer.view is view]


def renderer_for(view: View, name: str) -> Renderer:
    """The renderer of ``view`` called ``name`` (or an alias of it, any case); raise ``UnknownFormat`` otherwise."""
    wanted = name.strip().lower()
    wanted = ALIASES.get(wanted, wanted)
    for renderer in RENDERERS:
        if renderer.view is view and renderer.name == wanted:
            return renderer
    moved = MOVED.get((view, wanted))
    raise UnknownFormat(f"{name!r} is not a format of 'checker {view.value}'"
                        + (f": {moved}" if moved else f"; choose from {', '.join(format_names(view))}"))
