"""Split article text into sentences and paragraphs, keeping character offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# A sentence ends at . ! ? (plus closing quotes or brackets) followed by space and an upper-case
# letter, a digit or an opening quote. The run of marks is taken whole, once, from its first mark
# (possessive), so a long run of full stops costs linear time, not quadratic.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: offsets into the article text, and the paragraph it belongs to (counted from 0)."""

    start: int
    end: int
    text: str
    paragraph: int


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: separated by blank lines; in text without blank lines, by line breaks after a full stop."""
    spans, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    result = []
    for start, end in spans:
        block = text[start:end]
        lines = block.split("\n")
        wrapped = len(lines) > 1 and sum(map(len, lines)) / len(lines) < 100
        if wrapped:
            result.append((start, end))
            continue
        offset = start
        for line in lines:  # one paragraph a line, as in pages saved as text
            result.append((offset, offset + len(line)))
            offset += len(line) + 1
    return [(s, e) for s, e in result if text[s:e].strip()]


class SentenceSplitter:
    """Sentences of a language: its abbreviations and titles never end one ("U.S.", "Brig. Gen.", "Jan.")."""

    def __init__(self, abbreviations: Iterable[str], titles: Iterable[str] = ()) -> None:
        self.abbreviations = frozenset(word.lower().rstrip(".") for word in [*abbreviations, *titles])

    def split(self, text: str) -> list[Sentence]:
        """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text``, trimmed of surrounding space."""
        sentences: list[Sentence] = []
        for number, (start, end) in enumerate(_paragraph_spans(text)):
            cursor = start
            for match in _BOUNDARY.finditer(text, start, end):
                word = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start())
                if word and (word.group(1).lower().rstrip(".") in self.abbreviations or len(word.group(1)) == 1):
                    continue  # "U.S.", "Gen.", "Jan.", an initial
                _append(sentences, text, cursor, match.end(), number)
                cursor = match.end()
            _append(sentences, text, cursor, end, number)
        return sentences


MAX_SENTENCE = 1500  # characters: a longer "sentence" (a table, a list, junk) is read in pieces of at most this


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # the extractor's work per sentence stays bounded, so an article's is linear
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(sentences, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end], paragraph))
