"""The Markdown report: what a fact-checker pastes into a wiki or a ticket."""

from __future__ import annotations

import re
from checker.model import Claim
from checker.result import RunResult
from checker.render.evidence import event_groups, split_at_claim
from checker.render.json_report import summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Article words as plain text in Markdown: no emphasis, links, HTML or table breaks from them."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _quote(claim: Claim, article_text: str, outlet: str) -> str:
    """The sentence, with the claim's own words in bold, then who says so and where."""
    parts = split_at_claim(claim, article_text)
    if parts is None:
        marked = escape(claim.sentence)
    else:
        before, surface, after = parts
        marked = f"{escape(before)}**{escape(surface)}**{escape(after)}"
    return (f"> {marked.strip()}\n>\n> — {escape(claim.speaker or 'outlet')}, in {escape(outlet)} "
            f"(`{claim.article_id}`, line {claim.line})")


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
            lines += [f"**{finding.code}** ({finding.severity}, `{finding.rule}`): {escape(finding.message)}", ""]
            for claim_id in finding.claim_ids[:4]:
                claim = claims.get(claim_id)
                article = articles.get(claim.article_id) if claim is not None else None
                if claim is not None and article is not None:
                    lines += [_quote(claim, article.text, article.outlet or article.article_id), ""]
    if result.sources:
        lines += ["## Sources", "", "| source | level | score | range | compared | why |", "|---|---|---|---|---|---|"]
        for source in result.sources:
            score = "not enough evidence" if source.score is None else f"{source.score:.2f}"
            lines.append(f"| {escape(source.source)} | {source.level} | {score} | "
                         f"{source.score_low:.2f}-{source.score_high:.2f} | {source.n_compared} | {escape(source.reasons)} |")
        lines.append("")
    lines += ["## Articles", "", "| article | outlet | published | headline |", "|---|---|---|---|"]
    for article in result.articles:
        published = article.published.isoformat() if article.published else "unknown"
        if article.published and article.published_inferred:
            published += " (inferred)"
        lines.append(f"| `{article.article_id}` | {escape(article.outlet or '')} | {published} | "
                     f"{escape(article.title or '')} |")
    lines.append("")
    if result.skipped:
        lines += ["## Inputs skipped", ""]
        lines += [f"- `{escape(s.path)}{':' + str(s.line) if s.line else ''}`: {escape(s.reason)}" for s in result.skipped]
        lines.append("")
    return "\n".join(lines)
