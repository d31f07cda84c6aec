"""What reading one language needs, built once per language, and the protocol of the readers of one article.

``Grammars`` holds a language's grammars (numbers, dates, sentences, speakers, places, measures), its claim
vocabulary, its name matcher and its code hooks (``checker.lang.hooks``); ``checker.extract.Extractor`` builds them
from the language's pack. Each article is read by components that share one ``Document`` and these grammars
(``ArticleComponent``): its speakers
(``checker.extract.article_speakers``), its event mentions (``checker.extract.mentions``) and its claims
(``checker.extract.claims``), each working out what it reads once.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.dates import DateGrammar
from checker.extract.document import Document
from checker.extract.measures import MeasureReader
from checker.extract.numbers import NumberGrammar
from checker.extract.places import PlaceFinder
from checker.extract.sentences import SentenceSplitter
from checker.extract.speakers import SpeakerReader
from checker.extract.vocabulary import ClaimVocabulary
from checker.lang.hooks import LanguageHooks
from checker.match import EntityMatcher
from checker.taxonomy import Taxonomy

__all__ = ["ArticleComponent", "Grammars"]


@dataclass(frozen=True)
class Grammars:
    """Everything extraction of one language needs, built once: the grammars, vocabulary and matcher."""

    numbers: NumberGrammar
    dates: DateGrammar
    sentences: SentenceSplitter
    speakers: SpeakerReader
    vocabulary: ClaimVocabulary
    places: PlaceFinder
    matcher: EntityMatcher
    taxonomy: Taxonomy
    number_keys: frozenset[str]  # the sentence prefilter: a digit, or a word of a number phrase
    measures: MeasureReader  # figures with a unit ("5,000 barrels a day")
    hooks: LanguageHooks  # what the pack's data cannot say: which words make a name (``checker.lang.hooks``)


class ArticleComponent:
    """A reader of one article: built from the article's ``Document`` (split once) and its language's
    ``Grammars``; it reads one thing of the article, lazily, and keeps what it worked out for the article's other
    components to ask. The article's text, sentences and words are the document's, shared by every component."""

    def __init__(self, document: Document, grammars: Grammars) -> None:
        self.document = document
        self.grammars = grammars
        self.vocabulary = grammars.vocabulary
        self.article = document.article
        self.text = document.text
        self.lower_text = document.lower_text
        self.sentences = document.sentences
        self.words = document.words
