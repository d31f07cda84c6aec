"""Compiled word lists from rules/lexicon/claims.yaml and entities.yaml: subjects, predicates, events, places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.resources import load_lexicon


_TOKEN = re.compile(r"\w+")


def sentence_words(text: str) -> frozenset[str]:
    """The lower-case words of a text, for cheap prefilters: a phrase can only match if its key word is here."""
    return frozenset(_TOKEN.findall(text if text.islower() else text.lower()))


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character, so offsets into it are offsets into ``text``."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)  # "İ" lowers to two


def key_words(phrases) -> frozenset[str]:
    """One word of each phrase, its longest (the rarest, as a rule): a phrase matches only if it is present."""
    return frozenset(max(tokens, key=len) for tokens in (_TOKEN.findall(p.lower()) for p in phrases) if tokens)


def phrase_alternation(phrases) -> str:
    """A regex matching any of the phrases (words separated by any whitespace), longest first.

    Written as a trie of shared prefixes ("rocket attack|rocket barrage" -> "rocket\\s+(?:attack|barrage)"):
    Python's regex engine then tries one branch per character instead of every phrase at every
    position, which makes these patterns about twice as fast.
    """
    trie: dict = {}
    for phrase in {" ".join(p.split()) for p in phrases if p.strip()}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(node[char])
                for char in sorted(key for key in node if key)]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


def _lower_pattern(phrases) -> re.Pattern[str]:
    """Whole-phrase matches in lower-cased text: callers search ``text.lower()``, which has the same offsets
    for the text this project reads, and is twice as fast as a case-insensitive alternation."""
    return re.compile(rf"(?<![\w-])(?:{phrase_alternation([p.lower() for p in phrases])})(?![\w-])")


@dataclass(frozen=True)
class ClaimLexicon:
    subject_of: dict[str, str]  # surface form -> canonical subject
    subject_pattern: re.Pattern[str]  # a subject noun at the start of the text
    subject_anywhere: re.Pattern[str]
    weapon_attack_nouns: frozenset[str]
    weapon_subjects: frozenset[str]
    population_of: dict[str, str]
    predicates_after: tuple[re.Pattern[str], dict[str, str]]  # one alternation, and each phrase's role
    predicates_before: tuple[re.Pattern[str], dict[str, str]]
    weapon_predicate_map: dict[str, str]
    not_modifiers: frozenset[str]
    back_reference: re.Pattern[str]
    hypothetical: re.Pattern[str]
    event_type_of: dict[str, str]
    event_type_from_subject: dict[str, str]
    place_or_trigger: re.Pattern[str]  # places and event triggers in one pattern, on lower-cased text
    responsibility: tuple[re.Pattern[str], dict[str, str]]  # one alternation of cues, and each cue's stance
    actor_pattern: re.Pattern[str]
    predicate_subjects: dict[str, frozenset[str]]
    partial_before: re.Pattern[str]
    partial_after: re.Pattern[str]
    not_the_place: re.Pattern[str]  # words before a place name that make it a landmark or a patron
    responsibility_keys: frozenset[str]
    anonymous_keys: frozenset[str]
    actor_keys: frozenset[str]
    disavowal_keys: frozenset[str]  # denials and refusals: a responsibility claim even with no actor named


@cache
def claim_lexicon() -> ClaimLexicon:
    data = load_lexicon("claims")
    subject_of = {form.lower(): canonical for canonical, forms in data["subjects"].items() for form in forms}
    # keys without a final full stop: tokens are compared that way ("U.S." -> "u.s")
    population_of = {form.lower().rstrip("."): canonical for canonical, forms in data["populations"].items()
                     for form in forms}

    def predicate_patterns(position: str) -> tuple[re.Pattern[str], dict[str, str]]:
        role_of: dict[str, str] = {}
        for role, forms in data["predicates"].items():  # a phrase listed twice keeps its first role
            for phrase in forms.get(position) or []:
                role_of.setdefault(" ".join(phrase.lower().split()), role)
        return re.compile(rf"\b(?:{phrase_alternation(list(role_of))})\b", re.IGNORECASE), role_of

    event_type_of = {t.lower(): canonical for canonical, triggers in data["event_types"].items() for t in triggers}
    place_surface = [a for entry in load_lexicon("entities")["places"] for a in [entry["name"], *entry.get("aliases", [])]]
    actor_surface = [a for entry in load_lexicon("entities")["actors"] for a in [entry["name"], *entry.get("aliases", [])]]
    stance_of: dict[str, str] = {}
    for stance, cues in data["responsibility"].items():
        for cue in cues:
            stance_of.setdefault(" ".join(cue.lower().split()), stance)
    return ClaimLexicon(
        subject_of=subject_of,
        subject_pattern=re.compile(rf"(?P<noun>{phrase_alternation(list(subject_of))})\b", re.IGNORECASE),
        subject_anywhere=re.compile(rf"\b(?P<noun>{phrase_alternation(list(subject_of))})\b", re.IGNORECASE),
        weapon_attack_nouns=frozenset(data["weapon_attack_nouns"]),
        weapon_subjects=frozenset(data["weapon_subjects"]),
        population_of=population_of,
        predicates_after=predicate_patterns("after"),
        predicates_before=predicate_patterns("before"),
        weapon_predicate_map=dict(data.get("weapon_predicate_map", {})),
        not_modifiers=frozenset(data["not_modifiers"]),
        back_reference=re.compile(rf"(?P<noun>{phrase_alternation(data['back_reference_nouns'])})\b", re.IGNORECASE),
        hypothetical=re.compile(rf"\b(?:{phrase_alternation(data['hypothetical_markers'])})\b", re.IGNORECASE),
        event_type_of=event_type_of,
        event_type_from_subject=dict(data["event_type_from_subject"]),
        place_or_trigger=_lower_pattern(place_surface + list(event_type_of)),
        responsibility=(
            _lower_pattern(stance_of),
            stance_of,
        ),
        actor_pattern=re.compile(rf"(?<![\w-])(?:{phrase_alternation(actor_surface)})(?![\w-])"),
        predicate_subjects={k: frozenset(v) for k, v in data["predicate_subjects"].items()},
        partial_before=re.compile(rf"\b(?:{phrase_alternation(data['partial_before'])})\s+$", re.IGNORECASE),
        partial_after=re.compile(rf"\s+(?:{phrase_alternation(data['partial_after'])})\b", re.IGNORECASE),
        not_the_place=re.compile(
            rf"\b(?:(?:{phrase_alternation(data['near_place_words'])})\s+(?:the\s+)?"
            rf"|(?:{phrase_alternation(data['patron_words'])})\s+)$",
            re.IGNORECASE,
        ),
        responsibility_keys=key_words(stance_of),
        anonymous_keys=key_words(data["anonymous_markers"]),
        actor_keys=key_words(actor_surface),
        disavowal_keys=key_words(data["responsibility"]["denies"] + data["responsibility"]["declines"]),
    )


def canonical_event_type(trigger: str) -> str | None:
    return claim_lexicon().event_type_of.get(" ".join(trigger.lower().split()))


def canonical_subject(noun: str) -> str | None:
    return claim_lexicon().subject_of.get(" ".join(noun.lower().split()))
