"""The shipped English language pack, gazetteer and taxonomy, loaded once for the tests, with the extraction
functions the tests call (the pipeline calls the same objects)."""

from __future__ import annotations

from datetime import date

from checker.extract import DateMention, Quantity
from checker.knowledge import Knowledge
from checker.model import Article, Claim

KNOWLEDGE = Knowledge.load()
EXTRACTOR = KNOWLEDGE.extractor("en")
assert EXTRACTOR is not None
NUMBERS = EXTRACTOR.numbers
DATES = EXTRACTOR.dates
MATCHER = EXTRACTOR.grammars.matcher


def find_quantities(text: str) -> list[Quantity]:
    return NUMBERS.find(text)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    return DATES.find(text, published)


def infer_published(text: str) -> date | None:
    return DATES.infer_published(text)


def with_publication_date(article: Article) -> Article:
    return EXTRACTOR.with_publication_date(article)


def extract_claims(article: Article) -> list[Claim]:
    """The article's claims as the pipeline makes them: extracted, then framed by the article's own mentions."""
    extraction = EXTRACTOR.extract(article)
    return KNOWLEDGE.resolver().frame_claims(extraction.claims, extraction.mentions, [extraction.article])
