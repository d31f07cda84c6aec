"""The Markdown report: what a fact-checker pastes into a wiki or a ticket."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from checker.model import Article, Claim, Dispute, Event
from checker.render import RenderOptions
from checker.render.escape import strip_terminal_controls
from checker.render.evidence import (
    disputes_by_event,
    event_groups,
    event_line,
    file_and_row,
    location,
    plural,
    position_cells,
    quoted_evidence,
    revisions_line,
    split_at_claim,
    stance_label,
)
from checker.render.json_report import summary
from checker.result import RunResult

# Characters that start Markdown (or GFM) syntax anywhere in a line: a backslash escape makes each literal.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
# A list item's marker at the start of a line ("- ", "+ ", "1. ", "1) "): escaped, so it is text.
_LIST_MARKER = re.compile(r"^(\s*)(?:([-+])|(\d+)(?=[.)]))")
# GitHub links bare URLs (a scheme, or www.) and e-mail addresses. An escaped colon or dot ends a
# URL's recognition; an address needs an invisible word joiner before its @ (escapes do not stop it).
_URL_COLON = re.compile(r"(?<=[A-Za-z]):(?=\S)")
_WWW_DOT = re.compile(r"(?i)(?<=www)\.")
_ADDRESS_AT = re.compile(r"(?<=[\w.+-])@")
WORD_JOINER = "\u2060"


def _escaped_marker(match: re.Match[str]) -> str:
    space, bullet, digits = match.groups()
    return f"{space}\\{bullet}" if bullet else f"{space}{digits}\\"  # "\-" or "1\."


def escape(text: str) -> str:
    """Words from input as plain Markdown text on one line: no emphasis, links, HTML, lists or table breaks.

    Runs of white space become one space (kept at the ends, where the text joins other text).
    """
    text = _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", strip_terminal_controls(text)))
    text = _LIST_MARKER.sub(_escaped_marker, text)
    text = _WWW_DOT.sub(r"\\.", _URL_COLON.sub(r"\\:", text))
    return _ADDRESS_AT.sub(WORD_JOINER + "@", text)


def code(text: str) -> str:
    """An id, a path or a rule name in a code span, where Markdown reads nothing but the closing backtick.

    Text that could end the span or a table cell (a backtick, a pipe), or that is empty once put
    on one line, is escaped as plain text instead.
    """
    text = " ".join(strip_terminal_controls(text).split())
    return f"`{text}`" if text and "`" not in text and "|" not in text else escape(text)


def _quote(claim: Claim, article: Article) -> str:
    """The sentence, with the claim's own words in bold, then who says so (and whom it blames) and where."""
    parts = split_at_claim(claim, article.text)
    if parts is None:
        marked = escape(claim.sentence)
    else:
        before, surface, after = parts
        marked = f"{escape(before)}**{escape(surface)}**{escape(after)}"
    stance = stance_label(claim)
    outlet = article.outlet or Path(file_and_row(article.source_path)[0]).name
    does = f" ({escape(stance)})" if stance else ""
    where = code(location(article.source_path, claim.line))
    return f"> {marked.strip()}\n>\n> — {escape(claim.speaker or 'outlet')}{does}, in {escape(outlet)} ({where})"


SUMMARY_LIMIT = 60_000  # characters: GitHub's comment limit is 65,536, with room for what a desk adds
QUOTED_IN_SUMMARY = 10  # findings quoted in the summary; the rest are listed one line each


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The report of ``checker report --format markdown``: a ticket-sized summary, or everything with ``full``."""
    out.write(render_markdown(result, full=options.full))


class _Budget:
    """Lines of a report that stop at a size: what does not fit is counted, and the report says how to see it."""

    def __init__(self, limit: float) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.limit = limit
        self.left_out: dict[str, int] = {}

    def add(self, block: list[str], what: str = "") -> bool:
        """Add ``block`` if it fits; else count it as one more ``what`` left out."""
        size = sum(len(line) + 1 for line in block)
        if self.size + size > self.limit and what:
            self.left_out[what] = self.left_out.get(what, 0) + 1
            return False
        self.lines += block
        self.size += size
        return True

    def note_left_out(self, what: str) -> None:
        count = self.left_out.pop(what, 0)
        if count:
            self.add([f"{plural(count, what)} not shown here: `--full` gives everything.", ""])


def render_markdown(result: RunResult, full: bool = False) -> str:
    """The Markdown report: the disputes per event, then the findings, sources and articles.

    By default a summary under SUMMARY_LIMIT characters: the first QUOTED_IN_SUMMARY findings quoted, the
    other errors and warnings one line each, infos counted; anything past the limit is counted with how to
    see it. ``full`` gives every finding with its quotes and every source and article."""
    counts = summary(result)
    findings = counts["findings"]
    report = _Budget(float("inf") if full else SUMMARY_LIMIT - 2_000)  # room for the closing notes
    report.add(["# checker report", "",
                f"{plural(counts['articles'], 'article')} read, {counts['skipped']} skipped; "
                f"{plural(counts['claims'], 'claim')} in {plural(counts['events'], 'event')}; "
                f"{plural(counts['disputes'], 'disputed figure')}; "
                f"{plural(findings['error'], 'error')}, {plural(findings['warning'], 'warning')}, "
                f"{plural(findings['info'], 'info')}.", ""])
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    if result.disputes:
        report.add(["## Disputes", ""])
        for event, disputes in disputes_by_event(result):
            report.add(_dispute_table(event, disputes, articles), "disputed event")
        report.note_left_out("disputed event")
    report.add(["## Findings", ""] if result.findings else ["No findings.", ""])
    quoted = 0
    for event, group in event_groups(result):
        block = [f"### {escape(event.describe()) if event else 'Not tied to one event'}", ""]
        if event is not None:  # why its claims were compared: type, place, dates, articles
            block += [escape(event_line(event, articles)), ""]
        listed = 0
        for finding in group:
            if not full and finding.severity == "info":
                continue  # counted below
            listed += 1
            line = (f"**{escape(finding.code)}** ({escape(finding.severity)}, {code(finding.rule)}): "
                    f"{escape(finding.message)}")
            if not full and quoted >= QUOTED_IN_SUMMARY:
                where = f" ({code(location(finding.path, finding.line))})" if finding.path else ""
                block += [f"- {line}{where}"]
                continue
            quoted += 1
            block += [line, ""]
            for claim in quoted_evidence([claims[i] for i in finding.claim_ids if i in claims]):
                article = articles.get(claim.article_id)
                if article is not None:
                    block += [_quote(claim, article), ""]
        if listed:
            report.add([*block, ""], "event with findings")
    report.note_left_out("event with findings")
    if not full and findings["info"]:
        report.add([f"{plural(findings['info'], 'info')} not listed: `--full` lists them.", ""])
    if result.sources:
        report.add(["## Sources", "", "| source | level | score | range | compared | why |",
                    "|---|---|---|---|---|---|"])
        for source in result.sources:
            score = "not enough evidence" if source.score is None else f"{source.score:.2f}"
            report.add([f"| {escape(source.source)} | {escape(source.level)} | {score} | "
                        f"{source.score_low:.2f}-{source.score_high:.2f} | {source.n_compared} | "
                        f"{escape(source.reasons)} |"], "source")
        report.add([""])
        report.note_left_out("source")
    report.add(["## Articles", "", "| file | outlet | published | headline |", "|---|---|---|---|"])
    for article in result.articles:
        published = article.published.isoformat() if article.published else "unknown"
        if article.published and article.published_inferred:
            published += " (inferred)"
        report.add([f"| {code(location(article.source_path, None))} | {escape(article.outlet or '')} | "
                    f"{published} | {escape(article.title or '')} |"], "article")
    report.add([""])
    report.note_left_out("article")
    if result.skipped:
        report.add(["## Inputs skipped", ""])
        for s in result.skipped:
            report.add([f"- {code(s.path + (f':{s.line}' if s.line else ''))}: {escape(s.reason)}"], "skipped input")
        report.add([""])
        report.note_left_out("skipped input")
    return "\n".join(report.lines)


def _dispute_table(event: Event | None, disputes: list[Dispute], articles: dict[str, Article]) -> list[str]:
    """An event's disputes as a table: each quantity, then each position (figure, who, when, carried by)."""
    block = [f"### {escape(event.describe()) if event else 'Not tied to one event'}", ""]
    if event is not None:
        block += [escape(event_line(event, articles)), ""]
    block += ["| quantity | figure | who | when | carried by |", "|---|---|---|---|---|"]
    for dispute in disputes:
        for index, (figure, who, when, carried) in enumerate(position_cells(dispute)):
            quantity = f"**{escape(dispute.quantity)}** ({dispute.severity})" if index == 0 else ""
            block.append(f"| {quantity} | {escape(figure)} | {escape(who)} | {escape(when)} | {escape(carried)} |")
    block.append("")
    for dispute in disputes:
        if dispute.timeline:
            block += [f"Revised ({escape(dispute.quantity)}): {escape(revisions_line(dispute))}", ""]
    return block
