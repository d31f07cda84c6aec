"""The HTML report: one self-contained page (no network requests), every piece of article text escaped."""

from __future__ import annotations

import html
import math
import re
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import urlparse

from checker.model import Claim, Dispute, Finding
from checker.render import RenderOptions
from checker.render.escape import strip_terminal_controls
from checker.render.evidence import (
    event_groups,
    event_line,
    file_and_row,
    location,
    plural,
    position_cells,
    quoted_evidence,
    split_at_claim,
    stance_label,
)
from checker.render.json_report import summary
from checker.result import RunResult

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#1d1d1f;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}h3{margin-top:1.5em}
.summary{background:#f4f4f6;padding:.8em 1em;border-radius:6px}
.finding{border-left:4px solid #999;padding:.2em 1em;margin:1em 0}
.error{border-color:#c62828}.warning{border-color:#ef8f00}.info{border-color:#1565c0}
.code{font-weight:bold;font-family:monospace}
.quotes{display:flex;gap:1em;flex-wrap:wrap}
blockquote{flex:1 1 20em;margin:.5em 0;padding:.5em 1em;background:#fafafa;border:1px solid #eee;border-radius:6px}
mark{background:#ffe082;font-weight:bold}
.who{color:#555;font-size:.9em}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
.dim{color:#777}
nav.contents ol{padding-left:1.4em}nav.contents li{margin:.2em 0}
.count-error{color:#c62828;font-weight:bold}.count-warning{color:#a86500}.count-info{color:#1565c0}
details{margin:1em 0}summary{cursor:pointer;color:#1565c0}
.stance{font-weight:bold;padding:0 .3em;border-radius:3px}
.stance-asserts,.stance-hedges{background:#fde0dc}.stance-denies{background:#dcefdc}.stance-declines{background:#eee}
svg text{font:12px system-ui,sans-serif}
.positions td:first-child{white-space:nowrap}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em}
"""

_LINE_BREAKS = re.compile("\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
PALETTE = ("#c62828", "#1565c0", "#2e7d32", "#ef8f00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457")


def e(text: object) -> str:
    """Escape anything that came from an article (or anywhere) for HTML text and attributes; no control characters,
    and line breaks as spaces (a browser shows them so), so that nothing from input starts a line of the file."""
    return html.escape(_LINE_BREAKS.sub(" ", strip_terminal_controls("" if text is None else str(text))), quote=True)


def safe_url(url: str | None) -> str | None:
    """Only well-formed http(s) links become links; anything else (javascript:, data:, ``http://[::1``) stays text."""
    if not url:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:  # urlparse refuses a malformed host ("Invalid IPv6 URL")
        return None
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def _stance(claim: Claim) -> str:
    """For a responsibility quote: who it blames, suspects or clears ("blames Iran", "denies Iran")."""
    label = stance_label(claim)
    return f' <span class="stance stance-{e(claim.stance)}">{e(label)}</span>' if label else ""


def _quote(claim: Claim, result: RunResult) -> str:
    article = next((a for a in result.articles if a.article_id == claim.article_id), None)
    parts = split_at_claim(claim, article.text) if article else None
    if parts is None:
        body = e(claim.sentence)
    else:
        before, surface, after = parts
        body = f"{e(before)}<mark>{e(surface)}</mark>{e(after)}"
    outlet = (article.outlet if article else None) or (Path(file_and_row(article.source_path)[0]).name if article
                                                        else claim.article_id)
    url = safe_url(article.url if article else None)
    where = f'<a href="{e(url)}" rel="noopener noreferrer">{e(outlet)}</a>' if url else e(outlet)
    place = location(article.source_path, claim.line) if article else f"{claim.article_id}:{claim.line}"
    return (f"<blockquote><div>{body}</div><div class=\"who\">— {e(claim.speaker or 'the outlet')}{_stance(claim)}, "
            f"in {where} (<code>{e(place)}</code>)</div></blockquote>")


def _chart(claims: list[Claim]) -> str:
    """Each source's figure for one quantity on one axis: a bar for a range, a dot for a number."""
    counts = [(claim, claim.value_low, claim.value_high) for claim in claims
              if claim.kind == "count" and claim.value_low is not None and claim.value_high is not None]
    if len(counts) < 2:
        return ""
    finite_highs = [high for _, _, high in counts if math.isfinite(high)]
    top = max(max(low for _, low, _ in counts), max(finite_highs) if finite_highs else 0) * 1.15 or 1
    width, left, row = 560, 190, 26
    height = row * len(counts) + 30

    def scale(value: float) -> float:
        return left + (width - left - 20) * min(value, top) / top

    parts = [f'<svg role="img" aria-label="figures by source" width="{width}" height="{height}">']
    for index, (claim, low, value_high) in enumerate(counts):
        y = 20 + index * row
        label = f"{claim.speaker or 'outlet'}"
        parts.append(f'<text x="4" y="{y + 4}">{e(label[:28])}</text>')
        high = value_high if math.isfinite(value_high) else top
        if low == high:
            parts.append(f'<circle cx="{scale(low):.1f}" cy="{y}" r="5" fill="#c62828"/>')
        else:
            parts.append(f'<rect x="{scale(low):.1f}" y="{y - 5}" width="{max(2, scale(high) - scale(low)):.1f}" '
                         f'height="10" fill="#ef8f00"/>')
        upper = f"{value_high:g}" if math.isfinite(value_high) else "∞"
        shown = f"{low:g}" if low == value_high else f"{low:g}–{upper}"
        parts.append(f'<text x="{scale(high) + 8:.1f}" y="{y + 4}">{e(shown)}</text>')
    parts.append(f'<line x1="{left}" y1="{height - 8}" x2="{width - 20}" y2="{height - 8}" stroke="#999"/>')
    parts.append(f'<text x="{left}" y="{height}">0</text><text x="{width - 40}" y="{height}">{top:.0f}</text></svg>')
    return "".join(parts)


def _dispute_card(dispute: Dispute, claims: dict[str, Claim], published: dict[str, date | None]) -> str:
    """A dispute's positions on a time axis (when each figure was stated, how large it is), each body's revisions
    drawn as a line, and the table of positions: figure, who, when, carried by."""
    points = []  # (position index, day, low, high)
    for index, position in enumerate(dispute.positions):
        for claim_id in position["claim_ids"]:
            day = published.get(claims[claim_id].article_id) if claim_id in claims else None
            high = position["value_high"]
            points.append((index, day, position["value_low"], math.inf if high is None else high))
    chart = _time_axis(dispute, points, claims, published) if points else ""
    rows = "".join(f"<tr><td><span class=\"swatch\" style=\"background:{PALETTE[i % len(PALETTE)]}\"></span>"
                   f"{e(figure)}</td><td>{e(who)}</td><td>{e(when)}</td><td>{e(carried)}</td></tr>"
                   for i, (figure, who, when, carried) in enumerate(position_cells(dispute)))
    return (f"{chart}<table class=\"positions\"><tr><th>figure</th><th>who</th><th>when</th><th>carried by</th></tr>"
            f"{rows}</table>")


def _time_axis(dispute: Dispute, points: list[tuple[int, date | None, float, float]], claims: dict[str, Claim],
               published: dict[str, date | None]) -> str:
    """The SVG: x is the day a figure was stated (undated figures at the left edge), y its size (a log scale
    when the figures span more than twentyfold); a range is a bar, an open bound an arrow upwards."""
    width, height, left, right, top_pad, bottom = 640, 220, 70, 20, 15, 35
    days = [day.toordinal() for _, day, _, _ in points if day is not None]
    first, last = (min(days), max(days)) if days else (0, 0)
    if first == last:
        first, last = first - 1, last + 1
    finite = [v for _, _, low, high in points for v in (low, high) if math.isfinite(v)]
    ceiling = max(finite) * 1.15 or 1
    floor = min(v for v in finite if v > 0) if any(v > 0 for v in finite) else 1
    logarithmic = ceiling / floor > 20

    def x(day: date | None) -> float:
        ordinal = day.toordinal() if day is not None else first
        return left + (width - left - right) * (ordinal - first) / (last - first)

    def y(value: float) -> float:
        value = min(value, ceiling)
        if logarithmic:
            share = (math.log10(max(value, floor / 2)) - math.log10(floor / 2)) / (
                math.log10(ceiling) - math.log10(floor / 2))
        else:
            share = value / ceiling
        return height - bottom - (height - bottom - top_pad) * share

    parts = [f'<svg role="img" aria-label="{e(dispute.quantity)}: figures by when they were stated" '
             f'width="{width}" height="{height}">',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#999"/>',
             f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{height - bottom}" stroke="#999"/>']
    for step_body in dict.fromkeys(step["speaker"] for step in dispute.timeline):  # each body's revisions: a line
        steps = [step for step in dispute.timeline if step["speaker"] == step_body]
        line = []
        for step in steps:
            claim = claims.get(step["claim_ids"][0])
            if claim is not None and claim.value_low is not None:
                line.append(f"{x(published.get(claim.article_id)):.1f},{y(claim.value_low):.1f}")
        if len(line) > 1:
            parts.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="#777" stroke-dasharray="4 3">'
                         f'<title>{e(step_body)} revised its figure</title></polyline>')
    spread = len(dispute.positions)
    for index, day, low, high in points:
        colour = PALETTE[index % len(PALETTE)]
        cx = x(day) + 7 * (index - (spread - 1) / 2)  # positions stated on one day stand side by side
        if low == high:
            parts.append(f'<circle cx="{cx:.1f}" cy="{y(low):.1f}" r="5" fill="{colour}"/>')
        else:
            parts.append(f'<line x1="{cx:.1f}" y1="{y(low):.1f}" x2="{cx:.1f}" y2="{y(high):.1f}" stroke="{colour}" '
                         f'stroke-width="6"/>')
            if not math.isfinite(high):
                parts.append(f'<path d="M{cx - 6:.1f},{top_pad + 8} L{cx:.1f},{top_pad} L{cx + 6:.1f},{top_pad + 8}" '
                             f'fill="{colour}"/>')
    parts.append(f'<text x="4" y="{y(ceiling) + 4:.1f}">{e(_short(ceiling))}</text>'
                 f'<text x="4" y="{height - bottom + 4}">{e(_short(floor / 2 if logarithmic else 0))}</text>')
    if days:
        parts.append(f'<text x="{left}" y="{height - 10}">{e(date.fromordinal(min(days)))}</text>'
                     f'<text x="{width - right - 75}" y="{height - 10}">{e(date.fromordinal(max(days)))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == 0 else f"{value:.2g}"


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The page of ``checker report --format html``."""
    out.write(render_html(result))


def _counts(findings: list[Finding]) -> str:
    """"1 error, 2 warnings", most severe first, each in its colour."""
    return ", ".join(f'<span class="count-{level}">{plural(n, level)}</span>'
                     for level in ("error", "warning", "info")
                     for n in [sum(f.severity == level for f in findings)] if n)


def _finding(finding: Finding, result: RunResult, claims: dict[str, Claim], charted: set[str],
             cards: dict[str, Dispute]) -> str:
    """A finding's card; a dispute's card shows its positions on a time axis and in a table."""
    evidence = [claims[i] for i in finding.claim_ids if i in claims]
    parts = [f"<div class=\"finding {e(finding.severity)}\"><p><span class=\"code\">{e(finding.code)}</span> "
             f"<span class=\"dim\">{e(finding.severity)} · {e(finding.rule)}</span><br>{e(finding.message)}</p>"]
    dispute = cards.get(finding.dispute_id or "") if finding.code in charted else None
    if dispute is not None:
        parts.append(_dispute_card(dispute, claims, {a.article_id: a.published for a in result.articles}))
    elif finding.code in charted:
        parts.append(_chart(evidence))
    quotes = "".join(_quote(c, result) for c in quoted_evidence(evidence))
    parts.append(f"<div class=\"quotes\">{quotes}</div></div>")
    return "".join(parts)


def render_html(result: RunResult) -> str:
    counts = summary(result)
    findings = counts["findings"]
    claims = {c.claim_id: c for c in result.claims}
    charted = {rule.code for rule in result.rules if rule.compares_figures}
    # the findings of disputes between sources are drawn as a dispute's card (not CC104's steps, not IC101's article)
    dispute_rules = {rule.code for rule in result.rules if rule.check == "numeric_conflict"
                     and getattr(rule.params, "scope", "") == "cross_speaker"}
    by_id = {d.dispute_id: d for d in result.disputes}
    cards = {f.dispute_id: by_id[f.dispute_id] for f in result.findings
             if f.code in dispute_rules and f.dispute_id in by_id}
    out = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
           "<meta http-equiv=\"Content-Security-Policy\" "
           "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
           f"<title>checker report</title><style>{STYLE}</style></head><body>",
           "<h1>checker report</h1>",
           f"<p class=\"summary\">{plural(counts['articles'], 'article')} read, {counts['skipped']} skipped · "
           f"{plural(counts['claims'], 'claim')} · {plural(counts['events'], 'event')} · "
           f"{plural(counts['disputes'], 'disputed figure')} · {plural(findings['error'], 'error')} · "
           f"{plural(findings['warning'], 'warning')} · {plural(findings['info'], 'info')}</p>"]
    articles = {a.article_id: a for a in result.articles}
    groups = event_groups(result)
    if groups:  # the contents: each event with its counts, the events with errors first
        out.append("<h2>Findings</h2><nav class=\"contents\" aria-label=\"findings by event\"><ol>")
        for index, (event, group) in enumerate(groups, start=1):
            out.append(f"<li><a href=\"#event-{index}\">{e(event.describe() if event else 'Not tied to one event')}</a>"
                       f" — {_counts(group)}</li>")
        out.append("</ol></nav>")
    else:
        out.append("<p>No findings.</p>")
    for index, (event, group) in enumerate(groups, start=1):
        heading = e(event.describe() if event else "Not tied to one event")
        out.append(f"<section id=\"event-{index}\"><h3>{heading}</h3>")
        if event is not None:  # why its claims were compared: type, place, dates, articles
            out.append(f"<p class=\"event dim\">{e(event_line(event, articles))}</p>")
        out += [_finding(f, result, claims, charted, cards) for f in group if f.severity != "info"]
        infos = [f for f in group if f.severity == "info"]
        if infos:  # folded: open them when needed, no script
            out.append(f"<details><summary>{plural(len(infos), 'info')}</summary>"
                       + "".join(_finding(f, result, claims, charted, cards) for f in infos) + "</details>")
        out.append("</section>")
    if result.sources:
        out.append("<h2>Sources</h2><table><tr><th>source</th><th>level</th><th>score</th><th>range</th>"
                   "<th>compared</th><th>why</th></tr>")
        for s in result.sources:
            score = "not enough evidence" if s.score is None else f"{s.score:.2f}"
            out.append(f"<tr><td>{e(s.source)}</td><td>{e(s.level)}</td><td>{e(score)}</td>"
                       f"<td>{s.score_low:.2f}–{s.score_high:.2f}</td><td>{s.n_compared}</td><td>{e(s.reasons)}</td></tr>")
        out.append("</table>")
    out.append("<h2>Articles</h2><table><tr><th>file</th><th>outlet</th><th>published</th><th>headline</th></tr>")
    for a in result.articles:
        url = safe_url(a.url)
        title = (f'<a href="{e(url)}" rel="noopener noreferrer">{e(a.title or a.article_id)}</a>' if url
                 else e(a.title or ""))
        out.append(f"<tr><td><code>{e(location(a.source_path, None))}</code></td><td>{e(a.outlet or '')}</td>"
                   f"<td>{e(a.published or 'unknown')}</td><td>{title}</td></tr>")
    out.append("</table>")
    if result.skipped:
        out.append("<h2>Inputs skipped</h2><ul>" + "".join(
            f"<li><code>{e(s.path)}{':' + str(s.line) if s.line else ''}</code>: {e(s.reason)}</li>"
            for s in result.skipped)
            + "</ul>")
    out.append("</body></html>\n")
    return "\n".join(out)
