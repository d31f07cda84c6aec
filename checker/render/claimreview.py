"""schema.org ClaimReview (JSON-LD) that a fact-checker can publish, for the findings an editor confirmed.

Only findings of a rule marked ``claimreview: true`` can be confirmed, and only confirmed ones
are written (``checker claimreview --confirm ID``). Each review names the reviewing organisation
from the configuration (``publisher``, ``author``), its own ``url`` and ``datePublished``; the
claim under review is stated shortly (``claimReviewed``), attributed to its real claimant (the
speaker, or the outlet for its own figure), with every article it appears in, once each.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, TextIO

from checker.confirmations import Confirmation
from checker.model import Article, Claim, Event
from checker.render import RenderOptions
from checker.render.escape import escape_controls, json_for_html
from checker.render.evidence import location
from checker.render.html import safe_url
from checker.result import RunResult

PERSON_KINDS = ("named_official", "anonymous")
SHORT_CLAIM = 75  # characters: Google's advice for claimReviewed
STANCE_WORDS = {"asserts": "was behind", "hedges": "was probably behind", "denies": "was not behind",
                "declines": "may have been behind"}


def write_reviews(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The confirmed reviews as one JSON-LD array (``options.confirmed``; nothing else is published)."""
    settings = options.settings
    publisher = settings.publisher if settings else None
    author = (settings.author if settings else None) or publisher
    out.write(render_claimreview(result, list(options.confirmed), publisher or "", author or "",
                                 options.review_date or date.today(), _taxonomy(options)))


def write_candidates(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The findings a desk may confirm, one line each: id, location, message."""
    rules = result.rules
    if not rules:  # a result made without the rulebook (an API caller's): the rule packs say what is publishable
        from checker.rulebook import load_rules

        rules = load_rules(options.settings).rules
    publishable = {rule.code for rule in rules if rule.claimreview}
    for finding in result.findings:
        if finding.code in publishable:
            where = location(finding.spans[0]["path"], finding.spans[0]["line"]) if finding.spans else "—"
            out.write(escape_controls(f"{finding.finding_id}  {where}  {finding.message}") + "\n")


def _taxonomy(options: RenderOptions) -> Any:
    from checker.taxonomy import Taxonomy

    return Taxonomy.load(options.settings.lexicon_folders() if options.settings else ())


def render_claimreview(result: RunResult, confirmed: list[Confirmation], publisher: str, author: str,
                       today: date, taxonomy: Any) -> str:
    """One ClaimReview per confirmation (the confirmations were checked against ``result`` before)."""
    findings = {f.finding_id: f for f in result.findings}
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    events = {e.event_id: e for e in result.events}
    reviews = []
    for confirmation in confirmed:
        finding = findings[confirmation.finding_id]
        evidence = [claims[i] for i in finding.claim_ids if i in claims]
        if not evidence:
            continue
        reviewed = claims.get(confirmation.reviewed or "", evidence[0])
        event = events.get(reviewed.event_id or finding.event_id or "")
        appearances = _appearances(reviewed, result.claims, articles)
        item: dict[str, Any] = {"@type": "Claim", "author": _claimant(reviewed, articles)}
        if appearances:
            first = appearances[0]
            if "datePublished" in first:
                item["datePublished"] = first["datePublished"]
            item["firstAppearance"] = first
            item["appearance"] = appearances
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": finding.finding_id,
            "url": confirmation.url,
            "datePublished": (confirmation.date or today).isoformat(),
            "author": {"@type": "Organization", "name": author},
            "publisher": {"@type": "Organization", "name": publisher},
            "claimReviewed": confirmation.claim or short_claim(reviewed, event, taxonomy),
            "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "alternateName": "Conflicting", "ratingExplanation": finding.message},
            "reviewBody": finding.message,
        })
    return json_for_html(json.dumps(reviews, ensure_ascii=False, indent=2)) + "\n"


def _claimant(claim: Claim, articles: dict[str, Article]) -> dict[str, str]:
    """Who made the claim: the speaker, or for the outlet's own figure (or an unnamed speaker) the outlet."""
    article = articles.get(claim.article_id)
    if claim.speaker and claim.speaker_kind != "outlet":
        kind = "Person" if claim.speaker_kind in PERSON_KINDS else "Organization"
        return {"@type": kind, "name": claim.speaker}
    return {"@type": "Organization", "name": (article.outlet if article else None) or claim.speaker or "unknown"}


def _same_claim(a: Claim, b: Claim) -> bool:
    """The same speaker saying the same thing about the same event (a wire copy, a repeat)."""
    return (a.event_id == b.event_id and a.kind == b.kind and a.speaker == b.speaker
            and (a.subject, a.predicate, a.population, a.value_low, a.value_high, a.actor, a.stance)
            == (b.subject, b.predicate, b.population, b.value_low, b.value_high, b.actor, b.stance))


def _appearances(reviewed: Claim, claims: list[Claim], articles: dict[str, Article]) -> list[dict[str, Any]]:
    """Every article where the claim appears, once each, earliest first, with its URL and publisher."""
    carrying = [c.article_id for c in claims if c.claim_id == reviewed.claim_id or _same_claim(c, reviewed)]
    own = [articles[i] for i in dict.fromkeys(carrying) if i in articles]
    own.sort(key=lambda a: (a.published or date.max, a.article_id))
    works = []
    for article in own:
        work: dict[str, Any] = {"@type": "CreativeWork"}
        url = safe_url(article.url)
        if url:
            work["url"] = url
        if article.title:
            work["headline"] = article.title
        if article.published:
            work["datePublished"] = article.published.isoformat()
        if article.outlet:
            work["publisher"] = {"@type": "Organization", "name": article.outlet}
        works.append(work)
    return works


def short_claim(claim: Claim, event: Event | None, taxonomy: Any) -> str:
    """The claim in a few words, under SHORT_CLAIM characters where possible: "8 rockets fired at the Green
    Zone on 2020-12-20"; "Iran was behind the rocket attack on the Green Zone". The claimant is the review's
    ``itemReviewed.author``, so it is not repeated here."""
    from checker.checks.base import describe_place_and_date, describe_quantity, format_value

    if claim.kind == "responsibility" and claim.actor:
        what = event.describe() if event else "the attack"
        options = [f"{claim.actor} {STANCE_WORDS.get(claim.stance or '', 'was behind')} {what}"]
        if event:
            options.append(options[0].rsplit(", ", 1)[0])  # without the date
    elif claim.kind == "count" and claim.value_low is not None:
        figure = f"{format_value(claim)} {describe_quantity(claim, taxonomy)}"
        where = describe_place_and_date(event)
        options = [f"{figure} {where}".strip(), f"{figure} {where.split(' on ')[0]}".strip(), figure]
    else:
        options = []
    options.append(" ".join(claim.sentence.split()))
    return next((text for text in options if text and len(text) <= SHORT_CLAIM), options[0])
