"""Who says what in one article: its quotations, reporting clauses and counts named as a body's, each sentence's
speakers resolved (a pronoun or "the statement" to the speaker named before, "the minister" to the person named
with that role), and the article's own voice.

Speakers are worked out lazily: only for the sentences a claim or an event mention asks about, and for the
sentences before one when "the statement said" or "he said" has to be resolved.
"""

from __future__ import annotations

from dataclasses import replace

from checker.extract.document import Document
from checker.extract.grammars import ArticleComponent, Grammars
from checker.extract.speakers import Attribution, Quotation, Speaker

__all__ = ["ArticleSpeakers"]

OPENING = 400  # characters of an article's opening read for a wire agency's dateline or byline
LOOK_BACK = 30  # sentences searched back for the speaker a statement or a pronoun refers to


class ArticleSpeakers(ArticleComponent):
    """The speakers of one article."""

    def __init__(self, document: Document, grammars: Grammars) -> None:
        super().__init__(document, grammars)
        # the article's own voice: its outlet, or the origin of a copy ("Associated Press (copy on AL.com)")
        self.voice = (grammars.speakers.voice_of(self.article.outlet, self.text[:OPENING])
                      or self.article.outlet or "outlet")
        self._quotations: dict[int, list[Quotation]] = {}
        self._speakers: dict[int, tuple[list[Quotation], dict[int, Speaker], list[tuple[Attribution, Speaker]],
                                        list[tuple[Attribution, Speaker]]]] = {}

    def _paragraph_quotations(self, paragraph: int) -> list[Quotation]:
        if paragraph not in self._quotations:
            members = [s for s in self.sentences if s.paragraph == paragraph]
            start, end = members[0].start, members[-1].end
            self._quotations[paragraph] = [
                Quotation(q.start + start, q.end + start, q.speaker_text)
                for q in self.grammars.speakers.find_quotations(self.text[start:end])
            ]
        return self._quotations[paragraph]

    def of_sentence(self, index: int):
        """(quotations, speaker of each attributed quotation, reporting clauses with their speakers, counts named as a
        body's with their owners) of a sentence."""
        if index not in self._speakers:
            sentence = self.sentences[index]
            quotes = [q for q in self._paragraph_quotations(sentence.paragraph)
                      if q.start < sentence.end and q.end > sentence.start]
            spans = [(q.start - sentence.start, q.end - sentence.start) for q in quotes]
            reader = self.grammars.speakers
            attributions = reader.find_attributions(sentence.text, spans, self.words[index])
            clauses: list[tuple[Attribution, Speaker]] = []
            for attribution in attributions:
                clauses.append((attribution, self._speaker_named_before(sentence.text, clauses, attribution)
                                or self.resolve(index, attribution.speaker_text, attribution.chain)))
            quoted = {id(q): self.resolve(index, q.speaker_text) for q in quotes if q.speaker_text}
            owners = []
            for owned in reader.count_owners(sentence.text, spans, self.words[index]):
                if any(c.start <= owned.start < c.end for c, _ in clauses):
                    continue  # the words of a reporting clause ("raised the official toll")
                owner = self.resolve(index, owned.speaker_text)  # presumed: shown with the count's words
                owners.append((owned, replace(owner, presumed=True, text=sentence.text[owned.start:owned.end])
                               if owned.presumed else owner))
            self._speakers[index] = (quotes, quoted, clauses, owners)
        return self._speakers[index]

    def _speaker_named_before(self, text: str, clauses: list[tuple[Attribution, Speaker]],
                              attribution: Attribution) -> Speaker | None:
        """For "she estimated" right after "President Ana Ruiz said on Tuesday that" in one sentence: the speaker of
        that clause (a person for "he" or "she", a body for "it" or "they"); None when it is no pronoun, the clause
        before it is another's, or other words stand between ("said that when the minister phoned, he ...")."""
        reader = self.grammars.speakers
        if not clauses or not reader.is_pronoun(attribution.speaker_text):
            return None
        before, named = clauses[-1]
        kinds = ("named_official",) if reader.is_person_pronoun(attribution.speaker_text) else ("organisation",)
        if (named.kind not in kinds or reader.is_pronoun(named.text)
                or not reader.same_speaker_between.fullmatch(text, before.end, attribution.start)):
            return None
        return replace(named, text=attribution.speaker_text, chain=attribution.chain)

    def _is_statement_source(self, speaker: Speaker, index: int) -> bool:
        """Whether a sentence introduces a statement by this speaker ("CENTCOM said in a statement ...")."""
        return speaker.kind in ("organisation", "named_official") and (
            speaker.is_statement or self.grammars.speakers.mentions_statement(self.sentences[index].text)
        )

    def _recall(self, index: int, kinds: tuple[str, ...] = (), statement: bool = False) -> Speaker | None:
        """The speaker that "the statement" (or "he", "they") refers back to: the nearest earlier one that fits."""
        reader = self.grammars.speakers
        for earlier in range(index - 1, max(-1, index - LOOK_BACK), -1):
            _, quoted, clauses, _ = self.of_sentence(earlier)
            for speaker in [s for _, s in reversed(clauses)] + list(quoted.values()):
                if statement and self._is_statement_source(speaker, earlier):
                    return speaker
                if not statement and len(speaker.chain) > 1:  # "OCHA had said, citing the Red Crescent, ...":
                    speaker = reader.resolve(speaker.chain[0])  # "it" after it is OCHA, who spoke, not whom it cited
                if not statement and speaker.kind in kinds and not reader.is_pronoun(speaker.text):
                    return speaker
        return None

    def _recall_surname(self, index: int) -> Speaker | None:
        """For "he said": the nearest earlier speaker read as a body that is one capitalised word ("Jena said"),
        a person's surname (``pipeline`` names the person in full when the run names them once)."""
        speaker = self._recall(index, kinds=("organisation",))
        reader = self.grammars.speakers
        if (speaker is not None and " " not in speaker.name and self.grammars.hooks.is_name_word(speaker.name)
                and not reader.organisation.search(speaker.name)
                and reader.matcher.lookup("speaker", speaker.name) is None
                and not self.grammars.places.gazetteer.governs(speaker.name)):
            return speaker  # (the Pentagon, Hamas, Jordan are bodies and countries, never a "he"; Jena may be)
        return None

    def _named_with_role(self, index: int, role: str) -> Speaker | None:
        """The person named before, anywhere earlier in the article, with this role ("Minister Hamad Hassan")."""
        reader = self.grammars.speakers
        spellings = reader.role_spellings(role)
        for earlier in range(index - 1, -1, -1):
            if not self.words[earlier] & spellings:
                continue  # only sentences that name the role are read for their speakers
            _, quoted, clauses, _ = self.of_sentence(earlier)
            for speaker in [s for _, s in reversed(clauses)] + list(quoted.values()):
                if speaker.kind == "named_official" and reader.role_of(speaker.text) == role:
                    return speaker
        return None

    def _named_by_head(self, index: int, head: str) -> Speaker | None:
        """The body named before, at most LOOK_BACK sentences earlier, whose name ends with ``head`` ("the cell"
        after "Iraq's Security Media Cell"); none when two different bodies end so."""
        found: set[str] = set()
        kept: Speaker | None = None
        for earlier in range(index - 1, max(-1, index - LOOK_BACK), -1):
            _, quoted, clauses, _ = self.of_sentence(earlier)
            for speaker in [s for _, s in reversed(clauses)] + list(quoted.values()):
                # as named and as written ("Iraqi military" is the matcher's name for "Iraq's Security Media Cell")
                written = [name.split() for name in (speaker.name, speaker.text) if name]
                if (speaker.kind == "organisation" and any(len(w) > 1 and w[-1].lower() == head for w in written)
                        and speaker.name not in found):
                    found.add(speaker.name)
                    kept = kept or speaker
        return kept if len(found) == 1 else None

    def resolve(self, index: int, phrase: str | None, chain: tuple[str, ...] = ()) -> Speaker:
        reader = self.grammars.speakers
        if not phrase:
            return Speaker(self.voice, "outlet", "", ())
        outlet = self.article.outlet or self.article.article_id
        if reader.is_pronoun(phrase):
            named = (self._recall(index, kinds=("named_official",)) or self._recall(index, kinds=("anonymous",))
                     or self._recall_surname(index)
                     if reader.is_person_pronoun(phrase) else self._recall(index, kinds=("organisation", "anonymous")))
            if named is not None:
                return Speaker(named.name, named.kind, phrase, chain)
            # a speaker the article never names: known only through it (two articles' "he" are two people)
            return Speaker(f"a speaker {outlet} does not name", "anonymous", phrase, chain)
        speaker = reader.resolve(phrase, chain)
        if speaker.kind == "anonymous" and reader.known_through_outlet(speaker.name):
            return Speaker(f"{speaker.name} (unnamed, quoted by {outlet})", "anonymous", speaker.text, speaker.chain)
        if speaker.kind != "named_official":
            role = reader.role_of(phrase)
            named = self._named_with_role(index, role) if role else None
            if named is not None:  # "the minister said" after "Health Minister Hamad Hassan said"
                return Speaker(named.name, named.kind, phrase, chain)
        if speaker.kind == "organisation" and " " not in speaker.name and speaker.name.islower():
            named = self._named_by_head(index, speaker.name)
            if named is None and speaker.name in reader.office_roles:
                named = self._named_with_role(index, reader.office_roles[speaker.name])
            if named is not None:  # "the ministry said" after "Iraq's Defence Ministry confirmed"; after
                # "Communications Minister Jan Elm raised the toll", when no ministry is named
                return Speaker(named.name, named.kind, phrase, chain)
        if speaker.is_statement and speaker.kind == "document":
            source = self._recall(index, statement=True)
            if source is not None:
                return Speaker(source.name, source.kind, phrase, chain, True)
        return speaker

    def speaker_at(self, index: int, position: int) -> tuple[Speaker, bool]:
        """Who says what stands at ``position`` of sentence ``index``, and whether it is inside a quotation.

        A count named as a body's gives its figures ("Saudi Arabia's official tally of 769"); so does an official
        count whose owner is not named ("Researchers said the official toll of 64 was too low"), unless a source is
        named as giving it after its words ("the official toll rose to 94, the news agency said") or quoted."""
        quotes, quoted, clauses, owners = self.of_sentence(index)
        absolute = self.sentences[index].start + position
        inside = any(q.start <= absolute < q.end for q in quotes)
        quote = next((q for q in quotes if q.start <= absolute < q.end and id(q) in quoted), None)
        for counted, owner in owners:
            if counted.start <= position <= (counted.reach or 0):
                if not owner.presumed or not (quote or any(a.start > counted.start for a, _ in clauses)):
                    return owner, inside
        if quote is not None:
            return quoted[id(quote)], True
        if clauses:
            before = [speaker for attribution, speaker in clauses if attribution.start <= position]
            if before:
                return before[-1], inside
            first = clauses[0][0].start
            if not self.grammars.speakers.contrast_before.search(self.sentences[index].text, position, first):
                return clauses[0][1], inside  # "80,000 marched, police said"; not "..., but police said 30,000"
        return self.resolve(index, None), inside
