"""Tests for checker.extract.dates: date mentions resolved to intervals."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.dates import DateMention
from tests.case_files import load_cases
from tests.english import find_dates, infer_published


def _as_date(value: object) -> date | None:
    """YAML gives unquoted ISO dates as ``date``; quoted ones as ``str``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))




def _case_id(index: int, case: dict) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", case["text"].lower()).strip("-")[:40].rstrip("-")
    published = case.get("published")
    return f"{index:02d}-{slug}-{published or 'nopub'}"


_CASES = load_cases("dates")


@pytest.mark.parametrize("case", _CASES, ids=[_case_id(i, c) for i, c in enumerate(_CASES)])
def test_case(case: dict) -> None:
    text = case["text"]
    published = _as_date(case.get("published"))
    mentions = find_dates(text, published)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    got = [[m.low, m.high] for m in mentions]
    expected = [[_as_date(low), _as_date(high)] for low, high in case["expect"]]
    assert got == expected, [m.text for m in mentions]


def test_case_file_covers_pass_and_trap_cases() -> None:
    with_mentions = [c for c in _CASES if c["expect"]]
    traps = [c for c in _CASES if not c["expect"]]
    assert len(with_mentions) >= 30 and len(traps) >= 10


# --- spans and flags ------------------------------------------------------------------


def test_span_excludes_preposition_but_keeps_modifiers() -> None:
    text = "Prices rose since 2015, fell last Sunday and recovered in late November."
    mentions = find_dates(text, date(2021, 2, 22))
    assert [m.text for m in mentions] == ["2015", "last Sunday", "late November"]


def test_explicit_and_relative_flags() -> None:
    pub = date(2021, 2, 22)
    (full,) = find_dates("It happened on Dec. 20, 2020.", pub)
    assert full.explicit and not full.relative
    (year,) = find_dates("It happened in 2011.", pub)
    assert year.explicit and not year.relative
    (month_day,) = find_dates("It happened on December 20.", pub)
    assert not month_day.explicit and month_day.relative
    (weekday,) = find_dates("It happened on Sunday.", pub)
    assert not weekday.explicit and weekday.relative
    (open_mention,) = find_dates("It happened last week.", None)
    assert open_mention.relative and open_mention.low is None and open_mention.high is None


def test_results_are_in_order_and_do_not_overlap() -> None:
    text = "On Dec. 20, 2020, a week after the vote on December 13, officials said on Monday that in 2021 ..."
    mentions = find_dates(text, date(2020, 12, 23))
    assert len(mentions) == 4
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


def test_datetime_publication_is_accepted() -> None:
    (m,) = find_dates("It happened yesterday.", datetime(2021, 2, 22, 18, 30))
    assert m.low == m.high == date(2021, 2, 21)


# --- weekday field -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "weekday", "day"),
    [
        ("Voting ended on Sunday, December 20, 2020.", None, 6, date(2020, 12, 20)),
        ("The rally was held on Sunday, Dec. 20, downtown.", date(2020, 12, 23), 6, date(2020, 12, 20)),
        ("The hearing is set for Tues., Dec. 22, 2020.", None, 1, date(2020, 12, 22)),
        ("The rally was on Monday (Dec. 21) downtown.", date(2020, 12, 23), 0, date(2020, 12, 21)),
        ("It ended Saturday 19 December 2020.", None, 5, date(2020, 12, 19)),
    ],
)
def test_weekday_with_explicit_day_is_one_mention(
    text: str, published: date | None, weekday: int, day: date
) -> None:
    (m,) = find_dates(text, published)
    assert m.weekday == weekday
    assert m.low == m.high == day
    assert m.text.split()[0].rstrip(".,").lower()[:3] in {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}


def test_weekday_field_can_disagree_with_the_date() -> None:
    # 2020-12-20 is a Sunday; the extractor reports what was stated, a later rule checks it.
    (m,) = find_dates("The vote took place on Friday, December 20, 2020.", None)
    assert m.weekday == 4 and m.low == date(2020, 12, 20) and m.low.weekday() == 6


def test_weekday_without_publication_date_is_open_but_keeps_weekday() -> None:
    (m,) = find_dates("The rally was held on Sunday, Dec. 20, downtown.", None)
    assert m.weekday == 6 and m.low is None and m.high is None


def test_bare_weekday_has_no_weekday_field() -> None:
    (m,) = find_dates("The rally was held on Sunday.", date(2020, 12, 23))
    assert m.weekday is None and m.low == date(2020, 12, 20)


# --- infer_published ---------------------------------------------------------------------


def test_infer_published_takes_the_latest_full_date() -> None:
    text = (
        "The agency first reported the leak on Jan. 7, 2020. "
        "A follow-up inspection on Nov. 27, 2020 found no damage."
    )
    assert infer_published(text) == date(2020, 11, 27)


def test_infer_published_counts_iso_and_day_first_dates() -> None:
    text = "Filed 2020-12-01. Hearing on 3 December 2020. Earlier ruling: Nov. 27, 2020."
    assert infer_published(text) == date(2020, 12, 3)


def test_infer_published_ignores_partial_dates() -> None:
    text = "The plant opened in September 2018, expanded in 2021 and closed on December 20."
    assert infer_published(text) is None


def test_infer_published_none_without_dates() -> None:
    assert infer_published("No dates here, just 14 people and 3 cars.") is None
    assert infer_published("") is None


# --- robustness --------------------------------------------------------------------------

_TOKENS = [
    "in", "on", "since", "by", "the", "of", "last", "next", "this", "past", "late", "early", "mid-",
    "end", "January", "Feb.", "March", "May", "Sept.", "December", "Dec", "Sunday", "Monday,", "Sun.",
    "Tues.", "2020", "2021-02-29", "1999", "2020-21", "1990s", "20", "31", "29th", "0", "99", "3",
    "days", "weeks", "ago", "a", "few", "two", "week", "month", "year", "weekend", "today", "yesterday",
    "hours", ",", ".", "-", "–", "(", ")", "/", ":", "7:30", "p.m.", "COVID-19", "summer", "winter",
    "between", "and", "to", "Black", "Times", "night", "\n", "",
]


def _check_invariants(text: str, published: date | None) -> None:
    mentions = find_dates(text, published)
    assert isinstance(mentions, list)
    last_end = 0
    for m in mentions:
        assert isinstance(m, DateMention)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
        if published is None and m.relative:
            assert m.low is None and m.high is None
        assert m.weekday is None or 0 <= m.weekday <= 6
    inferred = infer_published(text)
    assert inferred is None or isinstance(inferred, date)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=st.none() | st.dates())
def test_never_raises_on_arbitrary_text(text: str, published: date | None) -> None:
    _check_invariants(text, published)


@settings(max_examples=600, deadline=None)
@given(
    tokens=st.lists(st.sampled_from(_TOKENS), max_size=14),
    separators=st.lists(st.sampled_from([" ", " ", "", ", ", "-", "  "]), min_size=14, max_size=14),
    published=st.none() | st.dates(),
)
def test_never_raises_on_date_like_text(tokens: list[str], separators: list[str], published: date | None) -> None:
    text = "".join(tok + sep for tok, sep in zip(tokens, separators))
    _check_invariants(text, published)


@pytest.mark.parametrize("published", [None, date.min, date.max, date(1, 1, 7), date(9999, 12, 25)])
def test_extreme_publication_dates(published: date | None) -> None:
    text = (
        "On Sunday, Dec. 20, last week, next year, three years ago, in January, late December, "
        "the past 24 hours, over the weekend, on Feb. 29 and next Monday."
    )
    _check_invariants(text, published)
