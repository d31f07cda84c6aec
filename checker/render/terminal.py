"""The terminal report, drawn with rich: a summary, the findings, the articles and the skipped inputs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from checker.model import SEVERITY_RANK, Article, Claim, Finding
from checker.render import RenderOptions
from checker.render.escape import escape_controls, strip_terminal_controls
from checker.render.evidence import (
    disputes_by_event,
    event_groups,
    event_line,
    file_and_row,
    from_here,
    location,
    plural,
    position_cells,
    quoted_evidence,
    revisions_line,
    split_at_claim,
    stance_label,
)
from checker.render.json_report import SEVERITY_ORDER, summary
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
    """Text from input as Rich ``Text`` on one line: never parsed as markup, terminal controls stripped, and a
    newline or other control character in it shown as an escape (``\n``), so that no field (a file name, an
    outlet, a headline) can start a line of its own: a line of output a CI runner reads as a command."""
    return Text(escape_controls(strip_terminal_controls("" if text is None else str(text))), style=style or "")


def whole(text: object, style: str | None = None) -> Text:
    """Text from input (as ``plain``) that is never broken across lines: a location (``path:line``) that a reader
    copies or clicks. Longer than the line, it runs past the width (the terminal folds it, the text has no break)."""
    line = plain(text, style)
    line.no_wrap, line.overflow = True, "ignore"
    return line


def new_line(text: Text) -> Text:
    """A newline, then ``text``: the one way a line break of the report's own enters a field."""
    return Text("\n", style=text.style).append_text(text)


def console_for(options: RenderOptions, out: TextIO) -> Console:
    return make_console(file=out, width=options.width, color=options.color)


def capped(table: RenderableType, rows: Sequence[Sequence[RenderableType]], what: str,
           total: int | None = None) -> RenderableType:
    """The table (holding at most TABLE_ROW_CAP rows) and a line counting the rest (of ``total``, or of ``rows``)."""
    total = len(rows) if total is None else total
    if total <= TABLE_ROW_CAP:
        return table
    more = Text(f"… and {total - TABLE_ROW_CAP} more {what}; use --format json to get them all.",
                style="checker.dim")
    return Group(table, more)


def _longest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _longest_word(text: Text) -> int:
    if text.no_wrap:  # a location is one word, spaces and all
        return _longest_line(text)
    return max((cell_len(word) for word in text.plain.split()), default=0)


TABLE_BORDERS = 4  # "│ " before the first column and " │" after the last
COLUMN_GAP = 3  # " │ " between two columns


def fitted_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Text]], width: int,
                 what: str, total: int | None = None) -> RenderableType:
    """A table whose columns are wide enough for their longest word, so no word is broken across lines.

    When the columns cannot all be that wide at ``width``, each row is shown as a short block
    instead ("column: value" lines), which wraps between words at any width. At most
    TABLE_ROW_CAP rows are drawn; the rest are counted.
    """
    shown = [list(row) for row in rows[:TABLE_ROW_CAP]]
    longest = [max([len(header), *(_longest_line(row[i]) for row in shown)]) for i, header in enumerate(headers)]
    shortest = [max([len(header), *(_longest_word(row[i]) for row in shown)]) for i, header in enumerate(headers)]
    frame = TABLE_BORDERS + COLUMN_GAP * (len(headers) - 1)
    if sum(shortest) + frame > width:
        return capped(_records(title, headers, shown), rows, what, total)
    widths = list(longest)
    excess = sum(widths) + frame - width
    if excess > 0:  # take the excess from the columns that can wrap, in proportion to the room each has
        room = [long - short for long, short in zip(longest, shortest, strict=True)]
        total_room = sum(room)
        cuts = [excess * r // total_room for r in room]
        for index in sorted(range(len(room)), key=lambda i: -room[i]):
            if sum(cuts) >= excess:
                break
            if cuts[index] < room[index]:
                cuts[index] += 1
        widths = [w - c for w, c in zip(widths, cuts, strict=True)]
    if any(long > PROSE_WIDTH > w for long, w in zip(longest, widths, strict=True)):  # prose squeezed into a strip
        return capped(_records(title, headers, shown), rows, what, total)
    table = Table(title=title, expand=False)
    for header, column_width in zip(headers, widths, strict=True):
        table.add_column(header, width=column_width, overflow="fold")
    for row in shown:
        table.add_row(*row)
    return capped(table, rows, what, total)


PROSE_WIDTH = 30  # a column of sentences narrower than this reads badly: the rows become blocks instead
SHORT_FIELD = 32  # fields up to this long share a line in the block layout; empty ones (—) are left out


def _records(title: str, headers: Sequence[str], rows: Sequence[Sequence[Text]]) -> RenderableType:
    """Each row as a block: its first cell in bold, then the short fields on one line and each long one on its own."""
    parts: list[RenderableType] = [Text(title, style="bold")]
    for row in rows:
        first = row[0].copy()  # a copy keeps a location whole
        first.stylize("bold")
        parts.append(first)
        short, long = Text(), []
        for header, cell in zip(headers[1:], row[1:], strict=True):
            if cell.plain in ("", "—"):
                continue
            field = Text.assemble((f"{header}: ", "checker.dim"), cell.copy())
            if cell_len(cell.plain) <= SHORT_FIELD and "\n" not in cell.plain:
                short.append_text(Text(" · ", style="checker.dim") if short else Text())
                short.append_text(field)
            elif cell.no_wrap:  # a location on a line of its own, whole (Padding would cut it at the width)
                long.append(Text.assemble("  ", field, no_wrap=True, overflow="ignore"))
            else:
                long.append(field)
        for line in ([short] if short else []) + long:
            parts.append(line if line.no_wrap else Padding(line, (0, 0, 0, 2), expand=False))
    return Group(*parts)


def summary_panel(result: RunResult, options: RenderOptions | None = None) -> Panel:
    counts = summary(result)
    findings = counts["findings"]
    line = Text()
    line.append(f"{plural(counts['articles'], 'article')} read, {counts['skipped']} skipped · ")
    line.append(f"{plural(counts['claims'], 'claim')} · {plural(counts['events'], 'event')} · ")
    line.append(f"{plural(counts['disputes'], 'disputed figure')}\n")
    for level in ("error", "warning", "info"):
        line.append(plural(findings[level], level), style=f"checker.severity.{level}" if findings[level] else None)
        line.append(" · " if level != "info" else "")
    if options is not None and options.filters:
        total = options.total_findings
        line.append_text(new_line(plain(f"filtered ({options.filters}): {len(result.findings)} of "
                                        f"{plural(total if total is not None else len(result.findings), 'finding')}",
                                        style="checker.dim")))
    return Panel(line, title="checker report", expand=False)


QUOTED_FINDINGS = 20  # findings shown with their quotes; the rest are listed one line each
SIDE_BY_SIDE_WIDTH = 100  # below this, quotes are stacked: a panel needs room for its location


def _quote_panel(claim: Claim, articles: dict[str, Article], panel_width: int) -> tuple[Panel, Text | None]:
    """One piece of evidence: the sentence with the claim's words highlighted, and who says so where.

    The location (file and line) is the panel's footer when it fits there whole, else the panel's last line
    when it fits on one; else it is returned to be printed under the panel, on a line of its own: it is never
    broken.
    """
    article = articles.get(claim.article_id)
    parts = split_at_claim(claim, article.text) if article else None
    if parts is None:
        text = plain(" ".join(claim.sentence.split()))
    else:
        before, surface, after = parts
        text = plain(" ".join(before.split()) + (" " if before[-1:].isspace() else ""))
        text.append_text(plain(surface, style="checker.number"))
        text.append_text(plain((" " if after[:1].isspace() else "") + " ".join(after.split())))
    outlet = (article.outlet if article else None) or (Path(file_and_row(article.source_path)[0]).name
                                                        if article else claim.article_id)
    stance = stance_label(claim)
    title = plain(f"{claim.speaker or 'the outlet'}{' (' + stance + ')' if stance else ''} · {outlet}")
    where = location(article.source_path, claim.line) if article else f"{claim.article_id}:{claim.line}"
    if cell_len(where) + 6 <= panel_width:
        return (Panel(text, title=title, title_align="left", subtitle=plain(where), subtitle_align="right",
                      expand=True), None)
    if cell_len(where) + 4 <= panel_width:  # inside the borders, "│ " and " │"
        text.append_text(new_line(plain(where, style="checker.dim")))
        return Panel(text, title=title, title_align="left", expand=True), None
    return Panel(text, title=title, title_align="left", expand=True), whole(where, style="checker.dim")


def _quotes(claims: list[Claim], articles: dict[str, Article], width: int) -> RenderableType:
    """Quotes two to a row, side by side, on a wide terminal; one under the other on a narrow one, or when a
    location does not fit in a half-width panel (it goes under its quote, whole, if it does not fit in one)."""
    if width >= SIDE_BY_SIDE_WIDTH and len(claims) > 1:
        quotes = [_quote_panel(claim, articles, (width - 1) // 2) for claim in claims]
        if all(where is None for _, where in quotes):
            return _side_by_side([panel for panel, _ in quotes])
    quotes = [_quote_panel(claim, articles, width) for claim in claims]
    return Group(*(part for quote in quotes for part in quote if part is not None)) if quotes else Text("")


def _side_by_side(panels: list[Panel]) -> RenderableType:
    """Quotes two to a row."""
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    for index in range(0, len(panels), 2):
        grid.add_row(*panels[index:index + 2], *([Text("")] if index + 1 >= len(panels) else []))
    return grid


def _finding_line(finding: Finding) -> Text:
    return Text.assemble(plain(f"{finding.severity} ", f"checker.severity.{finding.severity}"),
                         plain(finding.code, "checker.code"), " ", plain(finding.message))


def finding_location(finding: Finding, articles: dict[str, Article]) -> str:
    """Where a finding points: the file and line of its first piece of evidence."""
    if finding.spans:
        return location(finding.spans[0]["path"], finding.spans[0]["line"])
    return location(finding.path, finding.line) if finding.path else "—"


def findings_by_severity(result: RunResult, width: int, min_severity: str = "warning") -> RenderableType:
    """Errors first, then warnings (then infos, when asked), across all events; within a level, by event.

    The first QUOTED_FINDINGS are shown with their quotes; the rest one line each, with their file
    and line. Findings below ``min_severity`` are only counted.
    """
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    parts: list[RenderableType] = []
    quoted = 0
    listed: list[Finding] = []
    for level in SEVERITY_ORDER:
        at_level = [f for f in result.findings if f.severity == level]
        if not at_level or SEVERITY_RANK[level] < SEVERITY_RANK[min_severity]:
            continue
        heading = len(parts)  # the level's heading goes here, if any of its findings is quoted below it
        for event, group in event_groups(result, at_level):
            shown: list[RenderableType] = []
            for finding in group:
                if quoted >= QUOTED_FINDINGS:
                    listed.append(finding)
                    continue
                quoted += 1
                chosen = quoted_evidence([claims[i] for i in finding.claim_ids if i in claims])
                shown += [_finding_line(finding), _quotes(chosen, articles, width)]
            if shown:
                parts.append(plain(event.describe() if event else "Not tied to one event", style="bold"))
                if event is not None:  # why its claims were compared: type, place, dates, articles
                    parts.append(plain(event_line(event, articles), style="checker.dim"))
                parts += shown
        if len(parts) > heading:  # no heading over nothing: findings past the quoted ones are in the table below
            parts.insert(heading, Text(plural(len(at_level), level).capitalize(),
                                       style=f"bold checker.severity.{level}"))
            parts.append(Text(""))
    if listed:
        rows = [(plain(f.severity, f"checker.severity.{f.severity}"), plain(f.code, "checker.code"),
                 whole(finding_location(f, articles)), plain(f.message)) for f in listed]
        parts.append(fitted_table(f"{plural(len(listed), 'more finding')}", ("severity", "code", "where", "message"),
                                  rows, width, "findings"))
    hidden = [f for f in result.findings if SEVERITY_RANK[f.severity] < SEVERITY_RANK[min_severity]]
    if hidden:
        counted = ", ".join(plural(len([f for f in hidden if f.severity == level]), level)
                            for level in SEVERITY_ORDER if any(f.severity == level for f in hidden))
        parts.append(Text(f"{counted} not listed; --show-info (or --min-severity info) lists them.",
                          style="checker.dim"))
    return Group(*parts)


def disputes_section(result: RunResult, width: int) -> RenderableType:
    """Per event, a table of its disputes: each quantity, then each position (figure, who, when, carried by how
    many outlets), and the bodies that revised their figure."""
    articles = {a.article_id: a for a in result.articles}
    parts: list[RenderableType] = [Text(plural(len(result.disputes), "disputed figure").capitalize(), style="bold")]
    for event, disputes in disputes_by_event(result):
        parts.append(plain(event.describe() if event else "Not tied to one event", style="bold"))
        if event is not None:
            parts.append(plain(event_line(event, articles), style="checker.dim"))
        rows = []
        for dispute in disputes:
            for index, (figure, who, when, carried) in enumerate(position_cells(dispute)):
                quantity = plain(dispute.quantity, f"checker.severity.{dispute.severity}") if index == 0 else plain("")
                rows.append((quantity, plain(figure, "checker.number"), plain(who), plain(when), plain(carried)))
        parts.append(fitted_table("", ("quantity", "figure", "who", "when", "carried by"), rows, width,
                                  "positions"))
        for dispute in disputes:
            if dispute.timeline:
                parts.append(plain(f"Revised ({dispute.quantity}): {revisions_line(dispute)}", style="checker.dim"))
    parts.append(Text(""))
    return Group(*parts)


def articles_table(result: RunResult, width: int) -> RenderableType:
    rows = []
    for article in result.articles[:TABLE_ROW_CAP]:
        published = article.published.isoformat() if article.published else "—"
        if article.published and article.published_inferred:
            published += " (inferred)"
        rows.append((whole(location(article.source_path, None)), plain(article.outlet or "—"), plain(published),
                     plain(article.title or "—")))
    return fitted_table("Articles read", ("file", "outlet", "published", "headline"), rows, width, "articles",
                        total=len(result.articles))


def skipped_table(result: RunResult, width: int) -> RenderableType:
    rows = [(whole(f"{from_here(s.path)}:{s.line}" if s.line else from_here(s.path)), plain(s.reason))
            for s in result.skipped[:TABLE_ROW_CAP]]
    return fitted_table("Inputs skipped", ("input", "reason"), rows, width, "skipped inputs", total=len(result.skipped))


def sources_table(result: RunResult, width: int) -> RenderableType:
    """Outlets and speakers with their scores; thin evidence shows a range and no number."""
    rows = []
    for source in result.sources[:TABLE_ROW_CAP]:
        score = (Text("not enough evidence", style="checker.dim") if source.score is None
                 else Text(f"{source.score:.2f}", style="checker.number"))
        rows.append((plain(source.source), plain(source.level), score,
                     Text(f"{source.score_low:.2f}-{source.score_high:.2f}"), Text(str(source.n_compared)),
                     plain(source.reasons)))
    return fitted_table("Sources", ("source", "level", "score", "range", "compared", "why"), rows, width, "sources",
                        total=len(result.sources))


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The report of ``checker report``, drawn for a terminal (plain text on a file)."""
    render_terminal(result, console_for(options, out), options)


def write_sources(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The table of ``checker sources``."""
    console = console_for(options, out)
    console.print(sources_table(result, console.width))


def render_terminal(result: RunResult, console: Console, options: RenderOptions | None = None) -> None:
    """Print the report on ``console``: the summary, errors then warnings (infos counted; listed when asked),
    the sources, the articles and the skipped inputs."""
    options = options or RenderOptions()
    width = console.width
    console.print(summary_panel(result, options))
    if result.disputes:
        console.print(disputes_section(result, width))
    # the parts with locations are not cut at the width: a location longer than the line runs past it, whole
    # (everything else is laid out within the width)
    if result.findings:
        console.print(findings_by_severity(result, width, options.min_severity or "warning"), crop=False)
    else:
        console.print(Text("No findings.", style="checker.dim"))
    if result.sources:
        console.print(sources_table(result, width))
    console.print(articles_table(result, width), crop=False)
    if result.skipped:
        console.print(skipped_table(result, width), crop=False)
    if not options.quiet:
        console.print(closing_line(result))


def closing_line(result: RunResult) -> Text:
    """The report's last line, as ruff ends its output: "Found 1 error, 1 warning, 5 infos in 7 articles." or
    "No findings in 7 articles." (the findings the report holds, after any filters)."""
    counts = {level: sum(f.severity == level for f in result.findings) for level in SEVERITY_ORDER}
    read = plural(len(result.articles), "article")
    if not result.findings:
        return Text(f"No findings in {read}.")
    line = Text("Found ")
    found = [level for level in SEVERITY_ORDER if counts[level]]
    for index, level in enumerate(found):
        line.append(", " if index else "")
        line.append(plural(counts[level], level), style=f"checker.severity.{level}")
    return line.append(f" in {read}.")
