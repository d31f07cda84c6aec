"""Place roles read the words right before a place; the quick backward reading finds what a search would."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.places import _REVERSED_WORD, _REVERSED_WORDS, _words_before


@settings(max_examples=2000, deadline=None)  # a busy machine is no defect (issue 21)
@given(st.text(alphabet="ab’'- \n\t,.", max_size=80), st.sampled_from([1, 3]), st.integers(5, 70))
def test_words_before_a_place_are_those_a_search_for_words_then_the_end_finds(text, most, reach):
    forward = re.compile(r"(?:[\w'’-]+\s+){1," + str(most) + r"}$").search(text, max(0, len(text) - reach), len(text))
    start, words = _words_before(text, len(text), reach, _REVERSED_WORD if most == 1 else _REVERSED_WORDS)
    assert words == (forward.group(0).rstrip() if forward else "")
    assert start == (forward.start() if forward else len(text))
