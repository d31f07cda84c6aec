"""An article as its readers see it, built once: the text and its lower-case twin, the sentences with their
offsets and words, and where its lines start.

Every reader of an article (numbers, quantities and units, speakers, dates, places and event words) reads
the same ``Document``: nothing of it is worked out twice.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.extract.sentences import Sentence, SentenceSplitter
from checker.lang.patterns import lower_same_length, sentence_words
from checker.lines import LineIndex
from checker.model import Article

__all__ = ["Document"]


@dataclass(frozen=True)
class Document:
    """One article, split once for all its readers."""

    article: Article
    text: str
    lower_text: str  # the same length as ``text``: offsets are shared
    sentences: list[Sentence]
    sentence_starts: list[int]
    words: list[frozenset[str]]  # each sentence's lower-case words, for the readers' quick "does it say" tests
    lines: LineIndex

    @classmethod
    def read(cls, article: Article, splitter: SentenceSplitter) -> Document:
        text = article.text
        lower = lower_same_length(text)
        sentences = splitter.split(text)
        return cls(article=article, text=text, lower_text=lower, sentences=sentences,
                   sentence_starts=[s.start for s in sentences],
                   words=[sentence_words(lower[s.start:s.end]) for s in sentences],
                   lines=LineIndex(text, article.line_offset))

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``, or None between sentences."""
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return index if index >= 0 and offset < self.sentences[index].end else None
