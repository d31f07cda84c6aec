"""The Markdown report: what a fact-checker pastes into a wiki or a ticket."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from checker.model import Article, Claim
from checker.render import RenderOptions
from checker.render.escape import strip_terminal_controls
from checker.render.evidence import (
    event_groups,
    event_line,
    file_and_row,
    location,
    plural,
    quoted_evidence,
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


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The report of ``checker report --format markdown``."""
    out.write(render_markdown(result))


def render_markdown(result: RunResult) -> str:
    counts = summary(result)
    findings = counts["findings"]
    lines = ["# checker report", "",
             f"{plural(counts['articles'], 'article')} read, {counts['skipped']} skipped; "
             f"{plural(counts['claims'], 'claim')} in {plural(counts['events'], 'event')}; "
             f"{plural(findings['error'], 'error')}, {plural(findings['warning'], 'warning')}, "
             f"{plural(findings['info'], 'info')}.", ""]
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    lines += ["## Findings", ""] if result.findings else ["No findings.", ""]
    for event, group in event_groups(result):
        lines += [f"### {escape(event.describe()) if event else 'Not tied to one event'}", ""]
        if event is not None:  # why its claims were compared: type, place, dates, articles
            lines += [escape(event_line(event, articles)), ""]
        for finding in group:
            lines += [f"**{escape(finding.code)}** ({escape(finding.severity)}, {code(finding.rule)}): "
                      f"{escape(finding.message)}", ""]
            for claim in quoted_evidence([claims[i] for i in finding.claim_ids if i in claims]):
                article = articles.get(claim.article_id)
                if article is not None:
                    lines += [_quote(claim, article), ""]
    if result.sources:
        lines += ["## Sources", "", "| source | level | score | range | compared | why |", "|---|---|---|---|---|---|"]
        for source in result.sources:
            score = "not enough evidence" if source.score is None else f"{source.score:.2f}"
            lines.append(f"| {escape(source.source)} | {escape(source.level)} | {score} | "
                         f"{source.score_low:.2f}-{source.score_high:.2f} | {source.n_compared} | "
                         f"{escape(source.reasons)} |")
        lines.append("")
    lines += ["## Articles", "", "| file | outlet | published | headline |", "|---|---|---|---|"]
    for article in result.articles:
        published = article.published.isoformat() if article.published else "unknown"
        if article.published and article.published_inferred:
            published += " (inferred)"
        lines.append(f"| {code(location(article.source_path, None))} | {escape(article.outlet or '')} | {published} | "
                     f"{escape(article.title or '')} |")
    lines.append("")
    if result.skipped:
        lines += ["## Inputs skipped", ""]
        lines += [f"- {code(s.path + (f':{s.line}' if s.line else ''))}: {escape(s.reason)}" for s in result.skipped]
        lines.append("")
    return "\n".join(lines)
