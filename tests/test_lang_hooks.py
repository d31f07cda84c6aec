"""Per-language code hooks (checker.lang.hooks): what a pack's word lists cannot say, and which language gets them."""

from __future__ import annotations

import pytest

from checker.knowledge import Knowledge
from checker.lang.hooks import HOOKS, EnglishHooks, LanguageHooks, hooks_for
from tests.test_lang import FIXTURES


@pytest.mark.parametrize("phrase, name", [
    ("the southern coastal town of Pylos", "Pylos"),
    ("Greece's Pylos", "Pylos"),
    ("Kathmandu rocked Nepal with devastating force", "Kathmandu"),  # a name right after "from"
    ("the capital Istanbul", "Istanbul"),
    ("the base", "base"),
])
def test_lang_hooks_english_names_a_place_phrase_by_its_name(phrase: str, name: str) -> None:
    assert hooks_for("en", ["'s", "’s"]).name_in(phrase) == name


def test_lang_hooks_a_language_without_its_own_gets_the_defaults() -> None:
    """The defaults assume no English word order: a phrase's name is its last run of name words."""
    hooks = hooks_for("xx", ["'s"])
    assert type(hooks) is LanguageHooks
    assert hooks.name_in("Kathmandu rocked Nepal with devastating force") == "Nepal"
    assert hooks.name_in("the town of Pylos") == "Pylos" and hooks.name_in("the base") == "base"
    assert hooks.is_name_word("Pylos") and not hooks.is_name_word("pylos")


def test_lang_hooks_each_language_reads_with_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """English reads with its hooks; the French test pack, which has none, with the defaults, and with a class
    registered for French once there is one, in every reader that needs it."""
    knowledge = Knowledge.load((FIXTURES,))
    english, french = knowledge.extractor("en"), knowledge.extractor("fr")
    assert english is not None and french is not None
    assert isinstance(english.grammars.hooks, EnglishHooks)
    assert type(french.grammars.hooks) is LanguageHooks

    class FrenchHooks(LanguageHooks):
        pass

    monkeypatch.setitem(HOOKS, "fr", FrenchHooks)
    french = Knowledge.load((FIXTURES,)).extractor("fr")
    assert french is not None
    grammars = french.grammars
    assert isinstance(grammars.hooks, FrenchHooks)
    assert grammars.measures.hooks is grammars.hooks and grammars.speakers.hooks is grammars.hooks


def test_lang_hooks_a_name_written_in_capitals_is_written_as_a_name() -> None:
    hooks = hooks_for("en", ["'s"])
    assert hooks.name_in("PYLOS") == "Pylos" and hooks.name_in("the NATO base") == "NATO"
    assert hooks.name_in("Nepal's capital Kathmandu") == "Kathmandu"
