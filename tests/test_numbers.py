"""Tests for checker.extract.numbers: numbers in text as count intervals."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.numbers import Quantity
from tests.case_files import load_cases
from tests.english import NUMBERS, find_quantities

CANDIDATE = NUMBERS.candidate
parse_count = NUMBERS.parse_count

KINDS = {"exact", "lower", "upper", "range", "approximate", "vague"}




def _case_id(index: int, case: dict) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", case["text"].lower()).strip("-")[:48].rstrip("-")
    return f"{index:03d}-{slug}"


_CASES = load_cases("numbers")


def _check_invariants(text: str, quantities: list[Quantity]) -> None:
    previous_start = -1
    for q in quantities:
        assert text[q.start : q.end] == q.number_text
        assert text[q.phrase_start : q.phrase_end] == q.value_text
        assert q.phrase_start <= q.start <= q.end <= q.phrase_end
        assert not math.isnan(q.low) and not math.isnan(q.high)
        assert 0 <= q.low <= q.high
        assert q.kind in KINDS
        assert q.start > previous_start, "quantities must come in order of appearance"
        previous_start = q.start


@pytest.mark.parametrize("case", _CASES, ids=[_case_id(i, c) for i, c in enumerate(_CASES)])
def test_case(case: dict) -> None:
    text = case["text"]
    found = find_quantities(text)
    _check_invariants(text, found)
    got = [[q.low, q.high] for q in found]
    expect = [[float(lo), float(hi)] for lo, hi in case["expect"]]
    detail = [(q.value_text, q.low, q.high, q.kind) for q in found]
    assert got == expect, detail
    if "kinds" in case:
        assert [q.kind for q in found] == case["kinds"], detail
    if "numbers" in case:
        assert [q.number_text for q in found] == [str(n) for n in case["numbers"]], detail
    if "values" in case:
        assert [q.value_text for q in found] == [str(v) for v in case["values"]], detail
    if "approximate" in case:
        assert [q.approximate for q in found] == case["approximate"], detail
    if found:
        assert CANDIDATE.search(text), "the prefilter must let every sentence with a count through"


def test_case_file_covers_both_ways() -> None:
    assert sum(1 for c in _CASES if c["expect"]) >= 60
    assert sum(1 for c in _CASES if not c["expect"]) >= 50


# --- API details -------------------------------------------------------------------


def test_quantity_is_frozen() -> None:
    (q,) = find_quantities("Eight rockets.")
    with pytest.raises(AttributeError):
        q.low = 3  # type: ignore[misc]


def test_offsets_point_into_the_text() -> None:
    text = "Officials said more than two dozen rockets landed."
    (q,) = find_quantities(text)
    assert (q.number_text, q.value_text) == ("two dozen", "more than two dozen")
    assert (q.start, q.end) == (text.index("two"), text.index(" rockets"))
    assert (q.phrase_start, q.phrase_end) == (text.index("more"), text.index(" rockets"))
    assert (q.low, q.high, q.approximate, q.kind) == (24, math.inf, False, "lower")


@pytest.mark.parametrize(
    ("phrase", "expect"),
    [
        ("at least 25", (25, math.inf, False)),
        ("more than a dozen", (12, math.inf, False)),
        ("up to 110", (0, 110, False)),
        ("fewer than 10", (0, 10, False)),
        ("between 15 and 30", (15, 30, False)),
        ("about 30", (27, 33, True)),
        ("nearly 30", (27, 30, True)),
        ("several", (3, 9, True)),
        ("eight", (8, 8, False)),
        ("2018", None),
        ("a", None),
        ("", None),
    ],
)
def test_parse_count(phrase: str, expect: tuple | None) -> None:
    assert parse_count(phrase) == expect


@pytest.mark.parametrize(
    "text",
    [
        "there were 5 of them",
        "Twenty-one",
        "A SINGLE ROCKET",
        "dozens",
        "several hundred",
        "a barrage of rockets",
        "tens of thousands",
    ],
)
def test_candidate_matches(text: str) -> None:
    assert CANDIDATE.search(text)


@pytest.mark.parametrize("text", ["The statement named no group.", "An official spoke to reporters.", ""])
def test_candidate_rejects(text: str) -> None:
    assert CANDIDATE.search(text) is None


def test_never_raises_on_odd_input() -> None:
    for text in ["", " ", "9" * 500, "1," * 200, "one " * 300, "and " * 50, "İİİ 5 İ", "\x00 7 \ud7ff"]:
        _check_invariants(text, find_quantities(text))


# --- properties ----------------------------------------------------------------------

_TOKENS = [
    "a", "an", "one", "two", "three", "eleven", "twenty", "twenty-one", "ninety", "hundred", "thousand",
    "million", "dozen", "dozens", "hundreds", "thousands", "of", "and", "or", "to", "-", "–", "at least",
    "more than", "fewer than", "less than", "up to", "as many as", "about", "nearly", "almost", "some",
    "an estimated", "between", "from", "just over", "just under", "or more", "or so", "odd", "plus", "+",
    "several", "a few", "a couple", "a barrage of", "many", "scores of", "tens of", "single", "half",
    "May", "December", "Jan.", "p.m.", "a.m.", "GMT", "%", "percent", "per cent", "$", "€", "£", "mm",
    "km", "year-old", "aged", "No.", "Flight", "B-", "COVID-", "-year", "th", "rd", "/", ":", ",", ".",
    "the", "in", "rockets", "troops", "people", "elections", "no one", "comment(s)", "\n", "  ",
]
_DIGITS = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=0, max_value=10**7).map("{:,}".format),
    st.integers(min_value=1800, max_value=2100).map(str),
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.1f}"),
    st.text(alphabet="0123456789.,-/:", min_size=1, max_size=12),
)
_MIXED = st.lists(st.one_of(st.sampled_from(_TOKENS), _DIGITS), max_size=25).map(" ".join)
_GLUED = st.lists(st.one_of(st.sampled_from(_TOKENS), _DIGITS, st.sampled_from([" ", "", "-"])), max_size=25).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _check_invariants(text, find_quantities(text))  # no safety net: an exception fails the test


@settings(max_examples=600, deadline=None)
@given(st.one_of(_MIXED, _GLUED))
def test_number_soup(text: str) -> None:
    found = find_quantities(text)
    _check_invariants(text, found)
    if found:
        assert CANDIDATE.search(text)
