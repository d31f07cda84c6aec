"""The Markdown report: what a fact-checker pastes into a wiki or a ticket."""

from __future__ import annotations

import re
from collections import defaultdict

from checker.model import Claim, Finding
from checker.pipeline import RunResult
from checker.render.json_report import summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def escape(text: str) -> str:
    """Article words as plain text in Markdown: no emphasis, links, HTML or table breaks from them."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _quote(claim: Claim, article_text: str, outlet: str) -> str:
    """The sentence, with the claim's own words in bold, then who says so and where."""
    sentence = claim.sentence
    sentence_start = article_text.find(sentence, max(0, claim.start - len(sentence)))
    offset = claim.start - sentence_start
    if sentence_start >= 0 and sentence[offset:offset + len(claim.surface)] == claim.surface:
        before, after = sentence[:offset], sentence[offset + len(claim.surface):]
        marked = f"{escape(before)}**{escape(claim.surface)}**{escape(after)}"
    else:
        marked = escape(sentence)
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
    events = {e.event_id: e for e in result.events}
    by_event: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_event[finding.event_id or ""].append(finding)
    lines += ["## Findings", ""] if result.findings else ["No findings.", ""]
    ordered = sorted(by_event.items(), key=lambda item: (min(SEVERITY_ORDER[f.severity] for f in item[1]), item[0]))
    for event_id, group in ordered:
        event = events.get(event_id)
        lines += [f"### {escape(event.describe()) if event else 'Not tied to one event'}", ""]
        for finding in sorted(group, key=lambda f: (SEVERITY_ORDER[f.severity], f.code)):
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
