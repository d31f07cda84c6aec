"""Case-file tests for checker.extract.extract_claims: counts, speakers, events and responsibility.

The cases live in ``tests/cases/claims.yaml`` (see its header for the format). Each case
runs the extractor the way the pipeline does (``with_publication_date`` first) and checks
only the Claim fields the case lists. Cases the extractor gets wrong today carry an
``xfail`` reason and run as strict xfails.
"""

from __future__ import annotations

import math
import re
from dataclasses import fields
from datetime import date

import pytest

from checker.model import Article, Claim
from tests.case_files import case_param, load_cases
from tests.english import extract_claims, with_publication_date

TOPICS = ("subjects", "traps", "quotes", "statement", "nested", "anonymous", "pronouns", "events", "responsibility")
CASE_KEYS = {"id", "topic", "trap", "text", "published", "outlet", "expect", "expect_none", "forbid", "xfail"}
CLAIM_FIELDS = {f.name for f in fields(Claim)}
DATE_FIELDS = {"event_date_low", "event_date_high"}
DEFAULT_OUTLET = "Test Wire"
# claims the brief defines; helper kinds (e.g. "attribution") are only looked at when a case names them
DEFAULT_KINDS = ("count", "responsibility")
SHOWN_FIELDS = (
    "kind", "surface", "value_low", "value_high", "value_text", "subject", "predicate", "population",
    "event_type", "place", "event_date_low", "event_date_high", "speaker", "speaker_kind", "speaker_text",
    "attribution", "actor", "stance", "in_quote",
)


_CASES = load_cases("claims")


def _article(case: dict) -> Article:
    published = case.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    article = Article(
        article_id=case["id"],
        source_path="x",
        text=case["text"],
        sha256="0" * 64,
        outlet=case.get("outlet", DEFAULT_OUTLET),
        published=published,
        title=None,
    )
    return with_publication_date(article)


# --- comparing claims ---------------------------------------------------------------------

def _expected_value(key: str, value: object) -> object:
    if key in DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _actual(claim: Claim, key: str) -> object:
    if key == "value":
        return [claim.value_low, claim.value_high]
    return getattr(claim, key)


def _same(key: str, expected: object, actual: object) -> bool:
    if key == "value":
        if actual[0] is None or actual[1] is None or not isinstance(expected, list) or len(expected) != 2:
            return False
        return all(
            (math.isinf(float(e)) and math.isinf(float(a)) and (float(e) > 0) == (float(a) > 0))
            or float(e) == float(a)
            for e, a in zip(expected, actual)
        )
    if key == "attribution":
        return list(expected or []) == list(actual or [])
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float)):
        return float(expected) == float(actual)
    return _expected_value(key, expected) == actual


def _mismatches(claim: Claim, expected: dict) -> list[str]:
    return [
        f"{key}: expected {expected[key]!r}, got {_actual(claim, key)!r}"
        for key in expected
        if not _same(key, expected[key], _actual(claim, key))
    ]


def _show(claims: list[Claim]) -> str:
    if not claims:
        return "  (no claims)"
    lines = []
    for claim in claims:
        shown = {}
        for name in SHOWN_FIELDS:
            value = getattr(claim, name)
            if value in (None, [], False, ""):
                continue
            shown[name] = value.isoformat() if isinstance(value, date) else value
        lines.append(f"  - {shown}")
    return "\n".join(lines)


def _candidates(claims: list[Claim], expected: dict) -> list[Claim]:
    kinds = (expected["kind"],) if "kind" in expected else DEFAULT_KINDS
    found = [c for c in claims if c.kind in kinds]
    if "surface" in expected:
        found = [c for c in found if c.surface == expected["surface"]]
    return found


def _validate(case: dict) -> None:
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown keys {sorted(unknown)} in case {case.get('id')}"
    assert case.get("topic") in TOPICS, f"case {case['id']}: topic must be one of {TOPICS}"
    assert case.get("expect") or case.get("expect_none") or case.get("forbid"), (
        f"case {case['id']} checks nothing: give expect, expect_none or forbid"
    )
    for spec in (case.get("expect") or []) + (case.get("forbid") or []):
        unknown_fields = set(spec) - CLAIM_FIELDS - {"value"}
        assert not unknown_fields, f"case {case['id']}: {sorted(unknown_fields)} are not Claim fields"
    for surface in case.get("expect_none") or []:
        assert str(surface) in case["text"], f"case {case['id']}: expect_none surface {surface!r} is not in the text"
    for spec in case.get("expect") or []:
        if "surface" in spec:
            assert str(spec["surface"]) in case["text"], (
                f"case {case['id']}: expected surface {spec['surface']!r} is not in the text"
            )


# --- the tests ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", [case_param(c) for c in _CASES])
def test_claims_case(case: dict) -> None:
    _validate(case)
    claims = extract_claims(_article(case))
    produced = f"text: {case['text']}\nclaims produced:\n{_show(claims)}"
    problems: list[str] = []

    for expected in case.get("expect") or []:
        candidates = _candidates(claims, expected)
        if not candidates:
            where = f"surface {expected['surface']!r}" if "surface" in expected else "any surface"
            problems.append(f"no {expected.get('kind', '/'.join(DEFAULT_KINDS))} claim with {where}; wanted {expected}")
            continue
        wrong = _mismatches(candidates[0], expected)
        if wrong:
            problems.append(f"claim {candidates[0].surface!r} differs from {expected}:\n    " + "\n    ".join(wrong))

    text = case["text"]
    counts = [c for c in claims if c.kind == "count"]
    for surface in case.get("expect_none") or []:
        for match in re.finditer(re.escape(str(surface)), text):
            overlapping = [c for c in counts if c.start < match.end() and match.start() < c.end]
            for claim in overlapping:
                problems.append(
                    f"{surface!r} (offset {match.start()}) must not give a count claim, "
                    f"but gave {claim.surface!r} = [{claim.value_low}, {claim.value_high}] {claim.subject}"
                )

    for forbidden in case.get("forbid") or []:
        for claim in claims:
            if not _mismatches(claim, forbidden):
                problems.append(f"claim {claim.surface!r} ({claim.kind}) matches the forbidden {forbidden}")

    assert not problems, f"case {case['id']}:\n" + "\n".join(problems) + f"\n{produced}"


def test_case_ids_are_unique() -> None:
    ids = [case.get("id") for case in _CASES]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate case ids: {duplicates}"


def test_every_topic_has_a_pass_case_and_a_trap() -> None:
    missing = []
    for topic in TOPICS:
        cases = [c for c in _CASES if c.get("topic") == topic]
        if not any(not c.get("trap") for c in cases):
            missing.append(f"{topic}: no case where a claim must be found")
        if not any(c.get("trap") for c in cases):
            missing.append(f"{topic}: no trap case")
    assert not missing, "\n".join(missing)
