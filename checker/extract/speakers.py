"""Who says so: quotations, reporting clauses, statements referred back to, and speaker canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.extract.lexicon import key_words, phrase_alternation, sentence_words
from checker.match import Entity, alias_table, entity_key, normalise
from checker.resources import load_lexicon

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name, kind, the words as written, and the chain when nested."""

    name: str
    kind: str  # named_official | organisation | anonymous | outlet | document
    text: str
    chain: tuple[str, ...] = ()
    is_statement: bool = False


@dataclass(frozen=True)
class Attribution:
    """A reporting clause found in the text: where it is and who it names."""

    start: int  # offsets in the text searched
    end: int
    speaker_text: str
    chain: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern[str]
    cue_keys: frozenset[str]  # first words of every reporting verb and preposition, for a cheap prefilter
    preposition: re.Pattern[str]
    citing: re.Pattern[str]
    anonymous: re.Pattern[str]
    organisation: re.Pattern[str]
    document: re.Pattern[str]


# A noun phrase naming a speaker: up to eight words, none of them clause punctuation.
_NP = r"(?P<np>(?:[\w.'’()&-]+\s+){0,7}?[\w.'’()&-]+)"
# Adverbials allowed between a speaker and the verb: "the Pentagon later admitted", "Kirby on Monday said".


@cache
def _patterns() -> _Patterns:
    lexicon = load_lexicon("claims")
    verbs = phrase_alternation(lexicon["reporting_verbs"])
    prepositions = phrase_alternation([p for p in lexicon["reporting_prepositions"] if p not in ("citing", "quoting")])

    def words(key: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{phrase_alternation(lexicon[key])})\b", re.IGNORECASE)

    return _Patterns(
        verb=re.compile(rf"\b(?:{verbs})\b"),
        cue_keys=key_words(lexicon["reporting_verbs"] + lexicon["reporting_prepositions"]),
        preposition=re.compile(rf"\b(?:{prepositions})\s+{_NP}(?=\s*(?:[.,;:”\"]|$))", re.IGNORECASE),
        citing=re.compile(rf"\b(?:citing|quoting)\s+{_NP}(?=\s*(?:[.,;:”\"]|$))", re.IGNORECASE),
        anonymous=words("anonymous_markers"),
        organisation=words("organisation_words"),
        document=words("document_words"),
    )


@cache
def _speaker_words() -> frozenset[str]:
    return frozenset(word.lower() for word in load_lexicon("claims")["speaker_words"])


_EDGE_WORDS = {"the", "a", "an", "of", "in", "for", "from", "at", "with", "and"}


_ANONYMITY_CLAUSE = re.compile(
    r",?\s*(?:who|which)\s+(?:asked|spoke|declined|requested|were|was)\s+[^,]*?(?:named|identified|anonymity|"
    r"anonymously|publicly)|,?\s*(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity,?|,?\s*speaking\s+anonymously,?",
    re.IGNORECASE,
)


_TRAILING_ANONYMITY = re.compile(
    r",?\s*(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity\s*,?\s*$|,?\s*speaking\s+anonymously\s*,?\s*$",
    re.IGNORECASE,
)


def _clean_np(np: str) -> str:
    """Trim a phrase before a reporting verb to the speaker it names, reading backwards from the verb.

    Capitalised words and the speaker words of the lexicon are kept; the first other
    word ends the phrase: "The fact that the Pentagon" -> "the Pentagon";
    "later does not seem to match U.S. government" -> "U.S. government".
    """
    np = _ANONYMITY_CLAUSE.sub(" anonymous ", np)  # "two officials who asked not to be named"
    words = np.strip(" ,;:").split()
    allowed = _speaker_words()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.strip("()\"“”‘’,;:").rstrip(".")
        lower = bare.lower()
        possessive = re.sub(r"['’]s$", "", lower)
        if lower == "and" and kept and kept[-1].lower() in ("the", "a", "an"):
            break  # "... in September 2018 and the U.S. government": the speaker is what follows "and"
        if bare and (bare[0].isupper() or lower in allowed or lower in _PRONOUNS or possessive in allowed):
            kept.append(word)
            continue
        break
    kept.reverse()
    while kept and kept[0].lower().strip("(") in _EDGE_WORDS - {"the", "a", "an"}:
        kept.pop(0)
    while kept and kept[-1].lower() in _EDGE_WORDS:
        kept.pop()
    phrase = " ".join(kept).strip(" ,;:(").rstrip(".")
    if phrase.count("(") > phrase.count(")"):
        phrase += ")"
    return phrase


def _is_plausible(np: str) -> bool:
    key = entity_key(np)
    if not key or key in {"this", "that", "there", "which", "what", "who", "the", "a", "an"}:
        return False
    return len(key.split()) <= 9


_PHRASE_BREAK = re.compile(r"[,;:“”\"—–]|\s-\s")  # brackets stay: "Central Command (CENTCOM) said"


_ADVERBS = frozenset({"later", "also", "earlier", "previously", "then", "again", "repeatedly", "separately",
                      "privately", "publicly", "already", "have", "has", "had"})
_ADVERB_PAIRS = frozenset({"on", "last", "this"})  # "Kirby on Monday said", "the Pentagon last week said"


def _strip_adverbials(before: str) -> str:
    """``before`` without the adverbials that may stand between a speaker and its verb ("later", "on Monday")."""
    while True:
        head, _, last = before.rstrip().rpartition(" ")
        if not last:
            return before
        if last in _ADVERBS or (last.endswith("ly") and last.isalpha() and last.islower()):
            before = head
            continue
        previous = head.rpartition(" ")[2]
        if previous in _ADVERB_PAIRS and last.isalpha():
            before = head.rpartition(" ")[0]
            continue
        return before


def _phrase_before(text: str, position: int) -> tuple[str, int]:
    """The words before ``position`` back to clause punctuation (at most 100 characters), minus adverbials."""
    window_start = max(0, position - 140)
    before = _strip_adverbials(text[window_start:position])
    anonymity = "anonym" in before and _TRAILING_ANONYMITY.search(before)  # "officials, speaking on condition
    if anonymity:                                                          # of anonymity, said"
        phrase, start = _phrase_before(text, window_start + anonymity.start())
        return f"{phrase} anonymous", start
    breaks = list(_PHRASE_BREAK.finditer(before))
    cut = breaks[-1].end() if breaks else 0
    return before[cut:], window_start + cut


def find_attributions(
    text: str, skip: list[tuple[int, int]] = (), words: frozenset[str] | None = None
) -> list[Attribution]:
    """Reporting clauses in ``text`` (a sentence), outside the spans in ``skip`` (quotations).

    Verb first: each reporting verb is found with one regex, then the phrase before it
    ("Kirby said") or, after a comma or quotation, the phrase after it ("said Kirby") is read.
    """
    patterns = _patterns()
    words = sentence_words(text) if words is None else words
    if not words & patterns.cue_keys:
        return []
    found: list[Attribution] = []

    def outside(start: int) -> bool:
        return not any(a <= start < b for a, b in skip)

    for match in patterns.verb.finditer(text):
        if not outside(match.start()):
            continue
        phrase, phrase_start = _phrase_before(text, match.start())
        np = _clean_np(phrase)
        if _is_plausible(np):
            at = phrase.rfind(np)
            found.append(Attribution(phrase_start + max(at, 0), match.end(), np))
            continue
        if re.search(r"(?:^|[,”\"])\s*$", text[: match.start()]):
            after = _phrase_after(text[match.end():])
            np = _clean_np(after)
            if _is_plausible(np):
                found.append(Attribution(match.start(), match.end() + 1 + len(after), np))
    for match in patterns.preposition.finditer(text):
        np = _clean_np(match.group("np"))
        if outside(match.start()) and _is_plausible(np):
            found.append(Attribution(match.start(), match.end(), np))
    citing = [m for m in patterns.citing.finditer(text) if outside(m.start())]
    if citing:
        # "according to Reuters, citing unnamed Iraqi officials": the cited source speaks, through the reporter
        inner = _clean_np(citing[-1].group("np"))
        found.sort(key=lambda a: a.start)
        outer = found[-1].speaker_text if found else None
        chain = (outer, inner) if outer else (inner,)
        found = [a for a in found if a.speaker_text != outer]  # the reporter speaks through the cited source
        found.append(Attribution(citing[-1].start(), citing[-1].end(), inner, chain))
    found.sort(key=lambda a: a.start)
    return found


def subject_before(text: str, position: int) -> str | None:
    """The speaker-like noun phrase ending just before ``position`` (the subject of a verb there)."""
    phrase, _ = _phrase_before(text, position)
    np = _clean_np(phrase)
    return np if _is_plausible(np) else None


def _starts_inside_quote(text: str, position: int, skip) -> bool:
    return any(a <= position < b for a, b in skip)


# Quotations: curly pairs, or straight double quotes paired in order.
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


@dataclass(frozen=True)
class Quotation:
    start: int
    end: int
    speaker_text: str | None


_TITLE_ABBREVIATION = re.compile(
    r"\b(?:Col|Gen|Brig|Lt|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|St|Pres|Amb|Insp|Supt|Jr|Sr)\.")
_HEAD_VERB_AT_END = 40  # characters before an opening quotation searched for "X said:"


def _speaker_after_quote(paragraph: str, end: int) -> str | None:
    """The speaker named right after a closing quotation: '..., ” Trump wrote' or '..., ” said Smyth'."""
    patterns = _patterns()
    tail = paragraph[end:end + 100]
    verb = patterns.verb.search(tail)
    if verb is None or re.search(r"[.!?;:“\"]", _TITLE_ABBREVIATION.sub("", tail[: verb.start()])):
        return None
    closes_sentence = paragraph[end - 2:end - 1] in (".", "!", "?")
    lead = tail[: verb.start()]
    if lead.strip(" ,"):
        if closes_sentence and not re.match(r"\s*[.,;]|\s*$", tail[verb.end():verb.end() + 2]):
            return None  # "... forces.” A second official told reporters that ...": a new sentence
        return _clean_np(lead)
    return _clean_np(_phrase_after(tail[verb.end():]))


def _phrase_after(text: str) -> str:
    """The words after a verb up to the clause's end; full stops of titles ("Brig. Gen.") do not end it."""
    hidden = _TITLE_ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x00"), text[:100])
    phrase = re.match(r"\s*([^.,;:“”\"]*)", hidden).group(1)
    return phrase.replace("\x00", ".")


def _speaker_before_quote(paragraph: str, start: int) -> str | None:
    """The speaker named right before an opening quotation: 'Kirby said: “...'."""
    patterns = _patterns()
    window_start = max(0, start - _HEAD_VERB_AT_END)
    verbs = list(patterns.verb.finditer(paragraph, window_start, start))
    if not verbs or not re.fullmatch(r"(?:\s+\w+)?\s*[:,]?\s*", paragraph[verbs[-1].end():start]):
        return None
    phrase, _ = _phrase_before(paragraph, verbs[-1].start())
    return _clean_np(phrase)


def find_quotations(paragraph: str) -> list[Quotation]:
    """Quotations in a paragraph, each with the speaker named right after or right before it."""
    quotes = []
    for match in _QUOTE.finditer(paragraph):
        start, end = match.span()
        if end - start < 3:
            continue
        speaker = None
        if len(match.group(0).split()) >= 4:  # a word or two in quotation marks belongs to the sentence's speaker
            speaker = _speaker_after_quote(paragraph, end) or _speaker_before_quote(paragraph, start)
            if speaker is None and quotes and quotes[-1].speaker_text:
                speaker = quotes[-1].speaker_text  # '“...,” Kirby said. “More ...”': the quotation goes on
        quotes.append(Quotation(start, end, speaker if speaker and _is_plausible(speaker) else None))
    return quotes


@lru_cache(maxsize=65536)
def resolve_speaker(text: str, chain: tuple[str, ...] = ()) -> Speaker:
    """Canonical name and kind of a speaker phrase: alias tables, then guarded fuzzy match, then its own words."""
    patterns = _patterns()
    entity = normalise("speaker", text) or _contained_alias(text)
    is_statement = bool(patterns.document.search(text))
    if entity is not None:
        return Speaker(entity.name, entity.kind, text, chain, is_statement)
    cleaned = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    indefinite = re.match(r"(?:a|an|one|two|three|several|some)\s", text.strip(), re.IGNORECASE)
    if (patterns.anonymous.search(text) or indefinite) and not _proper_name(text):
        kind = "anonymous"
    elif _proper_name(text) and not patterns.organisation.search(text):
        kind = "named_official"
        cleaned = _proper_name(text) or cleaned
    elif is_statement:
        kind = "document"
    else:
        kind = "organisation"
    return Speaker(cleaned, kind, text, chain, is_statement)


_NAME = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)+)\b")
_NOT_NAME_WORDS = {"Iraqi", "Iranian", "American", "British", "Local", "Defense", "Department", "Foreign", "Ministry",
                   "State", "Army", "Col", "Gen", "General", "President", "Secretary", "Western", "Middle", "East",
                   "Security", "Central", "Command", "Islamic", "Republic", "White", "House", "Pentagon", "Top",
                   "Senior", "Two", "One", "Three", "Several", "News", "Policy", "Center", "Institute"}


def _proper_name(text: str) -> str | None:
    """A person's name in the phrase (two or more capitalised words that are not titles or nationalities)."""
    for match in _NAME.finditer(text):
        words = [w for w in match.group(1).split() if w.strip(".") not in _NOT_NAME_WORDS]
        if len(words) >= 2:
            return " ".join(words)
    return None


def _contained_alias(text: str) -> Entity | None:
    """The best alias found inside a longer phrase ("Defense Department spokesman John Kirby" -> John Kirby)."""
    key = f" {entity_key(text)} "
    best: tuple[int, int, Entity] | None = None
    for alias_key, entity in alias_table("speaker").by_key.items():
        if f" {alias_key} " in key:
            rank = (entity.kind == "named_official", len(alias_key))
            if best is None or rank > best[:2]:
                best = (*rank, entity)
    return best[2] if best else None


def is_pronoun(text: str) -> bool:
    return entity_key(text) in _PRONOUNS
