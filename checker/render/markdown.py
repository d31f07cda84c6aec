"""The Markdown report: what a fact-checker pastes into a wiki or a ticket."""

from __future__ import annotations

import re
from typing import TextIO

from checker.model import Claim
from checker.render import RenderOptions
from checker.render.escape import strip_terminal_controls
from checker.render.evidence import event_groups, split_at_claim
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


def _quote(claim: Claim, article_text: str, outlet: str) -> str:
    """The sentence, with the claim's own words in bold, then who says so and where."""
    parts = split_at_claim(claim, article_text)
    if parts is None:
        marked = escape(claim.sentence)
    else:
        before, surface, after = parts
        marked = f"{escape(before)}**{escape(surface)}**{escape(after)}"
    return (f"> {marked.strip()}\n>\n> — {escape(claim.speaker or 'outlet')}, in {escape(outlet)} "
            f"({code(claim.article_id)}, line {claim.line})")


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The report of ``checker report --format markdown``."""
    out.write(render_markdown(result))


def render_markdown(result: RunResult) -> str:
    counts = summary(result)
    findings = counts["findings"]
    lines = ["# checker report", "",
             f"{counts['articles']} articles read, {counts['skipped']} skipped; {counts['claims']} claims in "
             f"{counts['events']} events; {findings['error']} errors, {findings['warning']} warnings, "
             f"{findings['info']} notes.", ""]
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    lines += ["## Findings", ""] if result.findings else ["No findings.", ""]
    for event, group in event_groups(result):
        lines += [f"### {escape(event.describe()) if event else 'Not tied to one event'}", ""]
        for finding in group:
            lines += [f"**{escape(finding.code)}** ({escape(finding.severity)}, {code(finding.rule)}): "
                      f"{escape(finding.message)}", ""]
            for claim_id in finding.claim_ids[:4]:
                claim = claims.get(claim_id)
                article = articles.get(claim.article_id) if claim is not None else None
                if claim is not None and article is not None:
                    lines += [_quote(claim, article.text, article.outlet or article.article_id), ""]
    if result.sources:
        lines += ["## Sources", "", "| source | level | score | range | compared | why |", "|---|---|---|---|---|---|"]
        for source in result.sources:
            score = "not enough evidence" if source.score is None else f"{source.score:.2f}"
            lines.append(f"| {escape(source.source)} | {escape(source.level)} | {score} | "
                         f"{source.score_low:.2f}-{source.score_high:.2f} | {source.n_compared} | {escape(source.reasons)} |")
        lines.append("")
    lines += ["## Articles", "", "| article | outlet | published | headline |", "|---|---|---|---|"]
    for article in result.articles:
        published = article.published.isoformat() if article.published else "unknown"
        if article.published and article.published_inferred:
            published += " (inferred)"
        lines.append(f"| {code(article.article_id)} | {escape(article.outlet or '')} | {published} | "
                     f"{escape(article.title or '')} |")
    lines.append("")
    if result.skipped:
        lines += ["## Inputs skipped", ""]
        lines += [f"- {code(s.path + (f':{s.line}' if s.line else ''))}: {escape(s.reason)}" for s in result.skipped]
        lines.append("")
    return "\n".join(lines)
