"""The terminal report, drawn with rich: a summary, the findings, the articles and the skipped inputs."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from checker.pipeline import RunResult
from checker.render.json_report import summary

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


def make_console(file=None, width: int | None = None, color: bool | None = None) -> Console:
    """A console with the report theme; colour follows NO_COLOR and whether the output is a terminal."""
    return Console(file=file, width=width, theme=THEME, no_color=None if color is None else not color,
                   highlight=False, soft_wrap=False)


def _capped(table: Table, rows: list[tuple[RenderableType, ...]], what: str) -> RenderableType:
    for row in rows[:TABLE_ROW_CAP]:
        table.add_row(*row)
    if len(rows) <= TABLE_ROW_CAP:
        return table
    more = Text(f"… and {len(rows) - TABLE_ROW_CAP} more {what}; use --format json to get them all.",
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


def findings_table(result: RunResult) -> RenderableType:
    table = Table(title="Findings", show_lines=False, expand=False)
    table.add_column("severity")
    table.add_column("code")
    table.add_column("message", overflow="fold")
    order = {"error": 0, "warning": 1, "info": 2}
    rows = [
        (Text(f.severity, style=f"checker.severity.{f.severity}"), Text(f.code, style="checker.code"), f.message)
        for f in sorted(result.findings, key=lambda f: (order[f.severity], f.code, f.finding_id))
    ]
    return _capped(table, rows, "findings")


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
        rows.append((article.article_id, article.outlet or "—", published, article.title or "—"))
    return _capped(table, rows, "articles")


def skipped_table(result: RunResult) -> RenderableType:
    table = Table(title="Inputs skipped", expand=False)
    table.add_column("input", overflow="fold")
    table.add_column("reason", overflow="fold")
    rows = [(f"{s.path}:{s.line}" if s.line else s.path, s.reason) for s in result.skipped]
    return _capped(table, rows, "skipped inputs")


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
        rows.append((source.source, source.level, score, f"{source.score_low:.2f}-{source.score_high:.2f}",
                     str(source.n_compared), source.reasons))
    return _capped(table, rows, "sources")


def render_terminal(result: RunResult, console: Console) -> None:
    console.print(summary_panel(result))
    if result.findings:
        console.print(findings_table(result))
    else:
        console.print(Text("No findings.", style="checker.dim"))
    if result.sources:
        console.print(sources_table(result))
    console.print(articles_table(result))
    if result.skipped:
        console.print(skipped_table(result))
