"""The terminal report, drawn with rich: a summary, the findings, the articles and the skipped inputs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from checker.render import RenderOptions
from checker.render.escape import strip_terminal_controls
from checker.render.evidence import event_groups, split_at_claim
from checker.render.json_report import summary
from checker.result import RunResult

THEME = Theme(
    {
        "checker.severity.error": "bold red",
        "checker.severity.warning": "yellow",
        "checker.severity.info": "cyan",
        "checker.code": "bold",
        "checker.dim": "dim",
        "checker.number": "bold magenta",
    }
)

# rich spends about 0.7 ms drawing a table row: tables are capped, and the rest is counted.
TABLE_ROW_CAP = 50


def make_console(file: TextIO | None = None, width: int | None = None, color: bool | None = None) -> Console:
    """A console with the report theme; colour follows NO_COLOR and whether the output is a terminal.

    Markup and emoji codes are off: a string printed by mistake as a string, not as ``Text``, still
    shows as written ("[link=...]" or ":warning:" from an article stays text).
    """
    return Console(file=file, width=width, theme=THEME, no_color=None if color is None else not color,
                   highlight=False, soft_wrap=False, markup=False, emoji=False)


def plain(text: object, style: str | None = None) -> Text:
    """Text from input as Rich ``Text``: never parsed as markup, terminal controls stripped."""
    return Text(strip_terminal_controls("" if text is None else str(text)), style=style or "")


def console_for(options: RenderOptions, out: TextIO) -> Console:
    return make_console(file=out, width=options.width, color=options.color)


def capped(table: Table, rows: Sequence[Sequence[RenderableType]], what: str,
           total: int | None = None) -> RenderableType:
    """The table with at most TABLE_ROW_CAP rows, and a line counting the rest (of ``total``, or of ``rows``)."""
    for row in rows[:TABLE_ROW_CAP]:
        table.add_row(*row)
    total = len(rows) if total is None else total
    if total <= TABLE_ROW_CAP:
        return table
    more = Text(f"… and {total - TABLE_ROW_CAP} more {what}; use --format json to get them all.",
                style="checker.dim")
    return Group(table, more)


def summary_panel(result: RunResult) -> Panel:
    counts = summary(result)
    findings = counts["findings"]
    line = Text()
    line.append(f"{counts['articles']} articles read, {counts['skipped']} skipped · ")
    line.append(f"{counts['claims']} claims · {counts['events']} events · ")
    for level in ("error", "warning", "info"):
        line.append(f"{findings[level]} {level}{'s' if findings[level] != 1 else ''}",
                    style=f"checker.severity.{level}" if findings[level] else None)
        line.append(" · " if level != "info" else "")
    return Panel(line, title="checker report", expand=False)


QUOTED_FINDINGS = 20  # findings shown with their quotes; the rest are listed one line each


def _quote_panel(claim, result: RunResult) -> Panel:
    """One piece of evidence: the sentence with the claim's words highlighted, and who says so where."""
    article = next((a for a in result.articles if a.article_id == claim.article_id), None)
    parts = split_at_claim(claim, article.text) if article else None
    if parts is None:
        text = plain(" ".join(claim.sentence.split()))
    else:
        before, surface, after = parts
        text = plain(" ".join(before.split()) + (" " if before[-1:].isspace() else ""))
        text.append_text(plain(surface, style="checker.number"))
        text.append_text(plain((" " if after[:1].isspace() else "") + " ".join(after.split())))
    outlet = (article.outlet if article else None) or claim.article_id
    title = plain(f"{claim.speaker or 'the outlet'} · {outlet}")
    return Panel(text, title=title, title_align="left", subtitle=plain(f"{claim.article_id}:{claim.line}"),
                 subtitle_align="right", expand=True)


def _side_by_side(panels: list[Panel]) -> RenderableType:
    """Quotes two to a row, side by side."""
    if len(panels) < 2:
        return panels[0] if panels else Text("")
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    for index in range(0, len(panels), 2):
        grid.add_row(*panels[index:index + 2], *([Text("")] if index + 1 >= len(panels) else []))
    return grid


def findings_by_event(result: RunResult) -> RenderableType:
    """Findings grouped by event, most severe first; the first ones with their quotes side by side."""
    claims = {c.claim_id: c for c in result.claims}
    parts: list[RenderableType] = []
    quoted = 0
    listed: list = []
    for event, group in event_groups(result):
        heading = plain(event.describe() if event else "Not tied to one event", style="bold")
        shown = []
        for finding in group:
            if quoted >= QUOTED_FINDINGS:
                listed.append(finding)
                continue
            quoted += 1
            line = Text.assemble(plain(f"{finding.severity} ", f"checker.severity.{finding.severity}"),
                                 plain(finding.code, "checker.code"), " ", plain(finding.message))
            evidence = [_quote_panel(claims[i], result) for i in finding.claim_ids[:4] if i in claims]
            shown += [line, _side_by_side(evidence)]
        if shown:
            parts += [heading, *shown, Text("")]
    if listed:
        rows = [(plain(f.severity, f"checker.severity.{f.severity}"), plain(f.code, "checker.code"), plain(f.message))
                for f in listed]
        table = Table(title=f"{len(listed)} more findings", show_lines=False, expand=False)
        for column in ("severity", "code", "message"):
            table.add_column(column, overflow="fold")
        parts.append(capped(table, rows, "findings"))
    return Group(*parts)


def articles_table(result: RunResult) -> RenderableType:
    table = Table(title="Articles read", expand=False)
    table.add_column("article")
    table.add_column("outlet")
    table.add_column("published")
    table.add_column("headline", overflow="fold")
    rows = []
    for article in result.articles:
        published = article.published.isoformat() if article.published else "—"
        if article.published and article.published_inferred:
            published += " (inferred)"
        rows.append((plain(article.article_id), plain(article.outlet or "—"), plain(published),
                     plain(article.title or "—")))
    return capped(table, rows, "articles")


def skipped_table(result: RunResult) -> RenderableType:
    table = Table(title="Inputs skipped", expand=False)
    table.add_column("input", overflow="fold")
    table.add_column("reason", overflow="fold")
    rows = [(plain(f"{s.path}:{s.line}" if s.line else s.path), plain(s.reason)) for s in result.skipped]
    return capped(table, rows, "skipped inputs")


def sources_table(result: RunResult) -> RenderableType:
    """Outlets and speakers with their scores; thin evidence shows a range and no number."""
    table = Table(title="Sources", expand=False)
    for column in ("source", "level", "score", "range", "compared"):
        table.add_column(column, no_wrap=column != "source")
    table.add_column("why", overflow="fold")
    rows = []
    for source in result.sources:
        score = (Text("not enough evidence", style="checker.dim") if source.score is None
                 else Text(f"{source.score:.2f}", style="checker.number"))
        rows.append((plain(source.source), plain(source.level), score,
                     Text(f"{source.score_low:.2f}-{source.score_high:.2f}"), Text(str(source.n_compared)),
                     plain(source.reasons)))
    return capped(table, rows, "sources")


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The report of ``checker report``, drawn for a terminal (plain text on a file)."""
    render_terminal(result, console_for(options, out))


def write_sources(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The table of ``checker sources``."""
    console_for(options, out).print(sources_table(result))


def render_terminal(result: RunResult, console: Console) -> None:
    """Print the report on ``console``."""
    console.print(summary_panel(result))
    if result.findings:
        console.print(findings_by_event(result))
    else:
        console.print(Text("No findings.", style="checker.dim"))
    if result.sources:
        console.print(sources_table(result))
    console.print(articles_table(result))
    if result.skipped:
        console.print(skipped_table(result))
