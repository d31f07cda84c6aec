"""Extraction: sentences, numbers as intervals, dates, places, speakers, and the claims built from them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from checker.extract.claims import extract_claims
from checker.extract.dates import find_dates, infer_published
from checker.model import Article
from checker.resources import load_lexicon

__all__ = ["extract_claims", "infer_publication_date", "with_publication_date"]


_YEAR = re.compile(r"(?<![\d,.])(?:1[89]|20|21)\d\d(?!\d)")
_DIGIT = re.compile(r"\d")
_ISO_TAIL = re.compile(r"[-/]\d\d?[-/]\d\d?")


@cache
def _month_name() -> re.Pattern[str]:
    lexicon = load_lexicon("dates")
    names = list(lexicon["months"]) + list(lexicon.get("month_abbreviations", {}))
    return re.compile(r"\b(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")


def infer_publication_date(text: str) -> date | None:
    """The latest date the text states: the latest full date, moved later by day-and-month dates of that year.

    An article that says "Nov. 27, 2020" and then "on December 23" was written on or
    after 2020-12-23. Day-and-month dates are placed in the year of the latest full
    date; none is placed in a later year, which would be a guess.
    """
    # a full date holds a four-digit year: read only the words around each one, not the whole text
    latest = None
    for year in _YEAR.finditer(text):
        if not (_DIGIT.search(text, max(0, year.start() - 12), year.start()) or _ISO_TAIL.match(text, year.end())):
            continue  # a full date has its day before the year ("Nov. 27, 2020") or after it (2020-11-27)
        window = text[max(0, year.start() - 40):year.end() + 2]
        found = infer_published(window)
        if found is not None and (latest is None or found > latest):
            latest = found
    if latest is None:
        return None
    end_of_year = date(latest.year, 12, 31)
    for month in _month_name().finditer(text):  # only the words around a month name can hold "December 23"
        for mention in find_dates(text[month.start():month.end() + 12], end_of_year):
            if (
                mention.start == 0
                and mention.relative
                and mention.low is not None
                and mention.low == mention.high
                and mention.low > latest
            ):
                latest = mention.low
    return latest


def with_publication_date(article: Article) -> Article:
    """The article with its publication date inferred from the text when it has none (marked inferred)."""
    if article.published is not None:
        return article
    inferred = infer_publication_date(article.text)
    return replace(article, published=inferred, published_inferred=inferred is not None) if inferred else article
