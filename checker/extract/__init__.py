"""Extraction: a pure per-article function of (language pack, article) -> claims and event mentions.

``Extractor(pack, gazetteer, taxonomy).extract(article)`` settles the article's publication
date, splits it into sentences, and returns every count, responsibility and anonymous-source
claim with its exact span, plus the event words, places and dates of every sentence
(``EventMention``), which ``checker.events`` resolves. An ``Extractor`` holds no state that
one article leaves for the next, so it runs the same in a worker process.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from checker.extract.claims import ArticleReader, Extraction, number_keys
from checker.extract.dates import DateGrammar, DateMention
from checker.extract.document import Document
from checker.extract.grammars import Grammars
from checker.extract.measures import MeasureReader
from checker.extract.numbers import NumberGrammar, Quantity
from checker.extract.places import PlaceFinder
from checker.extract.sentences import SentenceSplitter
from checker.extract.speakers import SpeakerReader
from checker.extract.vocabulary import ClaimVocabulary
from checker.gazetteer import Gazetteer
from checker.lang import LanguagePack
from checker.lang.compiled import compiled
from checker.lang.hooks import hooks_for
from checker.lang.patterns import phrase_pattern
from checker.match import EntityKey, EntityMatcher
from checker.model import Article
from checker.taxonomy import Taxonomy

__all__ = ["DateMention", "Extraction", "Extractor", "Quantity"]

_YEAR = re.compile(r"(?<![\d,.])(?:1[89]|20|21)\d\d(?!\d)")
_DIGIT = re.compile(r"\d")
_ISO_TAIL = re.compile(r"[-/]\d\d?[-/]\d\d?")


class Extractor:
    """Claims and event mentions of articles in one language."""

    def __init__(self, pack: LanguagePack, gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
        self.pack = pack
        months = [*pack.dates.months, *pack.dates.month_abbreviations]
        numbers = NumberGrammar(pack.numbers, months)
        matcher = EntityMatcher(gazetteer, EntityKey(pack.speakers.articles, pack.speakers.possessive_suffixes))
        vocabulary = ClaimVocabulary.build(pack, gazetteer, taxonomy)
        hooks = hooks_for(pack.lang, pack.speakers.possessive_suffixes)
        self.grammars = Grammars(
            numbers=numbers,
            dates=DateGrammar(pack.dates, numbers),
            sentences=SentenceSplitter(pack.sentences.abbreviations, pack.sentences.titles),
            speakers=SpeakerReader(pack, matcher, governs=gazetteer.governs, hooks=hooks),
            vocabulary=vocabulary,
            places=PlaceFinder(pack, gazetteer, vocabulary.event_words),
            matcher=matcher,
            taxonomy=taxonomy,
            number_keys=number_keys(numbers),
            measures=MeasureReader(numbers, pack.quantities, hooks),
            hooks=hooks,
        )
        self._month_name = compiled(rf"\b(?:{phrase_pattern(months)})\b") if months else compiled("(?!)")

    @property
    def numbers(self) -> NumberGrammar:
        return self.grammars.numbers

    @property
    def dates(self) -> DateGrammar:
        return self.grammars.dates

    def extract(self, article: Article) -> Extraction:
        """The article (with its publication date settled), its claims in text order, and its event mentions."""
        document = Document.read(self.with_publication_date(article), self.grammars.sentences)
        return ArticleReader(document, self.grammars).read()

    def with_publication_date(self, article: Article) -> Article:
        """The article with its publication date inferred from the text when it has none (marked inferred)."""
        if article.published is not None:
            return article
        inferred = self.infer_publication_date(article.text)
        return replace(article, published=inferred, published_inferred=True) if inferred else article

    def infer_publication_date(self, text: str) -> date | None:
        """The latest date the text states: the latest full date, moved later by day-and-month dates of that year.

        An article that says "Nov. 27, 2020" and then "on December 23" was written on or
        after 2020-12-23. Day-and-month dates are placed in the year of the latest full
        date; none is placed in a later year, which would be a guess.
        """
        dates = self.grammars.dates
        latest = None
        for year in _YEAR.finditer(text):  # a full date holds a four-digit year: read only the words around one
            if not (_DIGIT.search(text, max(0, year.start() - 12), year.start()) or _ISO_TAIL.match(text, year.end())):
                continue  # a full date has its day before the year ("Nov. 27, 2020") or after it (2020-11-27)
            found = dates.infer_published(text[max(0, year.start() - 40):year.end() + 2])
            if found is not None and (latest is None or found > latest):
                latest = found
        if latest is None:
            return None
        end_of_year = date(latest.year, 12, 31)
        for month in self._month_name.finditer(text):  # only the words around a month name can hold "December 23"
            for mention in dates.find(text[month.start():month.end() + 12], end_of_year):
                if (mention.start == 0 and mention.relative and mention.low is not None
                        and mention.low == mention.high and mention.low > latest):
                    latest = mention.low
        return latest
