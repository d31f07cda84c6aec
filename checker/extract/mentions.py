"""The event mentions of one article: its event words, places, dates, clause boundaries, revision cues and
"later" markers, each with its sentence, for ``checker.events`` to resolve.
"""

from __future__ import annotations

from dataclasses import replace

from checker.extract.article_speakers import ArticleSpeakers
from checker.extract.dates import DateMention
from checker.extract.document import Document
from checker.extract.grammars import ArticleComponent, Grammars
from checker.model import EventMention

__all__ = ["EventMentions"]

REPORTING_TAIL = 30  # characters after a reporting verb that still belong to its clause ("said on Tuesday")


class EventMentions(ArticleComponent):
    """The event mentions of one article; a place in a speaker's words and a date of a reporting clause are told
    apart with the article's speakers."""

    def __init__(self, document: Document, grammars: Grammars, speakers: ArticleSpeakers) -> None:
        super().__init__(document, grammars)
        self.speakers = speakers

    def read(self, places_and_event_words: list[EventMention]) -> list[EventMention]:
        """Event words, places, dates and 'later' markers of every sentence, in text order."""
        mentions = [self._speaker_place(m) for m in places_and_event_words]
        published = self.article.published
        vocabulary = self.vocabulary
        for index, sentence in enumerate(self.sentences):
            dates = self.grammars.dates.find(sentence.text, published)
            if dates:
                mentions += self._dates_and_clauses(index, dates)
            revision = vocabulary.revision_cue.search(sentence.text)
            if revision:  # "the toll rose to 64 on Tuesday": a date here may be the count's, not the event's
                mentions.append(self._mention(index, "revision", sentence.start + revision.start(),
                                              sentence.start + revision.end()))
            if self.words[index] & vocabulary.later_keys:
                later = vocabulary.later.search(sentence.text)
                if later:
                    mentions.append(self._mention(index, "later", sentence.start + later.start(),
                                                  sentence.start + later.end()))
        mentions.sort(key=lambda m: (m.start, m.end, m.kind))
        return mentions

    def _tells_other_event(self, index: int, position: int) -> bool:
        """Whether the event word at ``position`` names another event than the article's: right after "another",
        "a separate" ..., or in a sentence that compares ("By comparison, the 2005 storm ...")."""
        sentence = self.sentences[index]
        if self.vocabulary.comparison_opener.match(sentence.text):
            return True
        found = self.vocabulary.other_event.search(self.lower_text, max(sentence.start, position - 40), sentence.end)
        return found is not None and found.start() < position < found.end()

    def _sentence_at(self, position: int) -> int | None:
        return self.document.sentence_at(position)

    def places_and_event_words(self) -> list[EventMention]:
        """Event words (one regex over the whole article) and places (the gazetteer's names among the
        capitalised words), handed to their sentences by offset."""
        mentions = []
        for match in self.vocabulary.event_words.finditer(self.lower_text):
            index = self._sentence_at(match.start())
            event_type = self.vocabulary.canonical_event_type(match.group(0))
            if index is not None and event_type:
                mentions.append(self._mention(index, "type", match.start(), match.end(), value=event_type,
                                              role="other" if self._tells_other_event(index, match.start()) else ""))
        for place in self.grammars.places.find(self.text, self.lower_text):
            index = self._sentence_at(place.start)
            if index is not None:
                best = place.candidates[0]
                mentions.append(self._mention(index, "place", place.start, place.end, value=best.name,
                                              level=best.level, role=place.role))
        return mentions

    def _speaker_place(self, mention: EventMention) -> EventMention:
        """A place inside a speaker's words ("an Iraqi official in Baghdad said") says where the speaker is."""
        if mention.kind != "place" or mention.role:
            return mention
        offset = mention.start - self.sentences[mention.sentence].start
        for attribution, _ in self.speakers.of_sentence(mention.sentence)[2]:
            if attribution.start <= offset < attribution.end:
                return replace(mention, role="speaker")
        return mention

    def _dates_and_clauses(self, index: int, dates: list[DateMention]) -> list[EventMention]:
        """A sentence's dates, each with its role ("boundary": "since 2010"; "reported": the date of a reporting
        clause, "the ministry said Monday"), and where its clauses begin (a date counts only in its clause)."""
        sentence, vocabulary = self.sentences[index], self.vocabulary
        reporting = self._reporting_regions(index)
        # a date that opens the sentence ("On Tuesday, 17 people were killed") dates all of it: no clause at its comma;
        # unless what follows is a report ("On Monday, the ministry said ...") or a running figure stated
        # ("In August, a study put the toll at 2,975"): then it is when that was said
        stated = bool(vocabulary.quantity_phrase.search(sentence.text))
        leading = {found.end for found in dates if vocabulary.leading_date.fullmatch(sentence.text, 0, found.start)
                   and not stated and not any(found.end <= start <= found.end + 3 for start, _ in reporting)}
        mentions = [self._mention(index, "clause", sentence.start + m.start(), sentence.start + m.end())
                    for m in vocabulary.clause_boundary.finditer(sentence.text)
                    if not (m.group(0).startswith(",") and (m.start() in leading  # "On Tuesday, 17 people ..."
                                                            or vocabulary.continuing.match(sentence.text, m.end())))]
        # (", killing two": the participle goes on with the clause before the comma)
        for found in dates:
            if vocabulary.date_boundary.search(sentence.text, max(0, found.start - 20), found.start):
                role = "boundary"
            elif (any(start <= found.start < end for start, end in reporting)
                  or vocabulary.date_reported.search(sentence.text, max(0, found.start - 30), found.start)
                  or self._is_dateline(sentence.start + found.start, sentence.text, found.end)):
                role = "reported"
            else:
                role = ""
            mentions.append(self._mention(index, "date", sentence.start + found.start, sentence.start + found.end,
                                          role=role, date_low=found.low, date_high=found.high,
                                          explicit=found.explicit, relative=found.relative, weekday=found.weekday))
        return mentions

    def _is_dateline(self, start: int, sentence: str, end_in_sentence: int) -> bool:
        """Whether a date opens its paragraph as a dateline ("Sept. 13 (UPI) — ..."): the day the story was filed."""
        line_start = self.text.rfind("\n", 0, start) + 1
        return not self.text[line_start:start].strip() and bool(
            self.vocabulary.dateline_date.match(sentence, end_in_sentence))

    def _reporting_regions(self, index: int) -> list[tuple[int, int]]:
        """Where the reporting clauses of a sentence are (offsets in the sentence): from the speaker to the end of
        the words right after the verb ("the health ministry said Monday", "told Efe Friday")."""
        text = self.sentences[index].text
        regions = []
        for attribution, _ in self.speakers.of_sentence(index)[2]:
            boundary = self.vocabulary.clause_boundary.search(text, attribution.end)
            end = min(boundary.start() if boundary else len(text), attribution.end + REPORTING_TAIL)
            regions.append((attribution.start, end))
        return regions

    def _mention(self, index: int, kind: str, start: int, end: int, **values) -> EventMention:
        return EventMention(article_id=self.article.article_id, kind=kind, start=start, end=end,
                            text=self.text[start:end], sentence=index, paragraph=self.sentences[index].paragraph,
                            **values)
