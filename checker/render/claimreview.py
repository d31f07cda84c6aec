"""schema.org ClaimReview (JSON-LD): one review per finding an editor may publish (of a rule marked
``claimreview: true``), rated Conflicting."""

from __future__ import annotations

import json
from typing import TextIO

from checker.render import RenderOptions
from checker.render.escape import json_text
from checker.render.html import safe_url
from checker.result import RunResult

PERSON_KINDS = ("named_official",)


def write_reviews(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The reviews as one JSON-LD array."""
    out.write(render_claimreview(result))


def render_claimreview(result: RunResult, reviewer: str = "checker") -> str:
    claims = {c.claim_id: c for c in result.claims}
    articles = {a.article_id: a for a in result.articles}
    publishable = {rule.code for rule in result.rules if rule.claimreview}  # a desk confirms before publishing
    reviews = []
    for finding in result.findings:
        if finding.code not in publishable:
            continue
        evidence = [claims[i] for i in finding.claim_ids if i in claims]
        if not evidence:
            continue
        first = evidence[0]
        dates = [published for c in evidence if c.article_id in articles
                 for published in [articles[c.article_id].published] if published is not None]
        appearances = []
        for claim in evidence:
            article = articles.get(claim.article_id)
            if article is None:
                continue
            work: dict[str, object] = {"@type": "CreativeWork", "headline": article.title or article.article_id,
                    "publisher": {"@type": "Organization", "name": article.outlet or article.article_id}}
            if safe_url(article.url):
                work["url"] = safe_url(article.url)
            if article.published:
                work["datePublished"] = article.published.isoformat()
            appearances.append(work)
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": finding.finding_id,
            "datePublished": max(dates).isoformat() if dates else None,
            "author": {"@type": "Organization", "name": reviewer},
            "claimReviewed": " ".join(first.sentence.split()),
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person" if first.speaker_kind in PERSON_KINDS else "Organization",
                           "name": first.speaker or (articles[first.article_id].outlet if first.article_id in articles
                                                     else first.article_id)},
                "appearance": appearances,
            },
            "reviewRating": {"@type": "Rating", "alternateName": "Conflicting",
                             "ratingExplanation": finding.message},
            "reviewBody": finding.message,
        })
    return json_text(json.dumps(reviews, ensure_ascii=False, indent=2)) + "\n"
