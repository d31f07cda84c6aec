"""Case-file tests for the rules: each rule fires on its FAIL corpora and stays silent on its PASS corpora.

The cases live in ``tests/cases/rules.yaml`` (see its header for the format). Each case
builds in-memory articles, runs ``checker.pipeline.analyse`` on them (extraction, event
clustering and every rule) and looks only at the findings of the case's rule. A case with
a ``draft`` checks that draft against the articles, as ``checker check`` does. A failing
case prints every finding and every extracted claim, so the cause can be read off the
test output. Cases the checker gets wrong today carry an ``xfail`` reason and run as
strict xfails.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from checker.model import Article, Finding
from checker.pipeline import RunResult, analyse, assess, extract
from checker.prepublication import check_draft, draft_article
from checker.rulebook import load_rules
from tests.case_files import case_param, load_cases
from tests.english import KNOWLEDGE

CASE_KEYS = {"id", "rule", "articles", "draft", "priors", "fires", "message_contains", "spans_contain", "findings", "xfail"}
ARTICLE_KEYS = {"id", "outlet", "published", "title", "text"}
CLAIM_COLUMNS = ("claim_id", "kind", "surface", "value_low", "value_high", "subject", "predicate", "population",
                 "speaker", "speaker_kind", "actor", "stance", "event_id", "in_headline")


_CASES = load_cases("rules")


def _article(case_id: str, spec: dict) -> Article:
    """An Article as the readers would give it: the headline at the top of the text, sha256 of the text."""
    text = spec["text"]
    title = spec.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = spec.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(
        article_id=str(spec["id"]),
        source_path=f"cases/{case_id}/{spec['id']}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        outlet=spec.get("outlet"),
        title=title,
        published=published,
    )


def _report(case: dict, result: RunResult, findings: list[Finding]) -> str:
    """Everything needed to see why a case failed: the rule's findings, all findings, and the claims."""
    lines = [f"case {case['id']}: rule {case['rule']} gave {len(findings)} finding(s)"]
    lines.append("all findings:" if result.findings else "all findings: none")
    for finding in result.findings:
        spans = [span["text"] for span in finding.spans]
        marker = ">>" if finding.code == case["rule"] else "  "
        lines.append(f"  {marker} {finding.code} {finding.message!r} spans={spans}")
    lines.append("claims:" if result.claims else "claims: none extracted")
    for claim in result.claims:
        lines.append("   " + " | ".join(f"{name}={getattr(claim, name)!r}" for name in CLAIM_COLUMNS))
    return "\n".join(lines)


def _matches(finding: Finding, case: dict) -> bool:
    spans = [span["text"] for span in finding.spans]
    return all(part in finding.message for part in case.get("message_contains", [])) and all(
        any(wanted in text for text in spans) for wanted in case.get("spans_contain", [])
    )


@pytest.mark.parametrize("case", [case_param(case) for case in _CASES])
def test_rule_case(case: dict) -> None:
    articles = [_article(case["id"], spec) for spec in case["articles"]]
    if "priors" in case:  # outlet ratings handed in through the API, as a CMS would
        found = extract(articles, KNOWLEDGE)
        priors = {outlet: (float(value), "") for outlet, value in case["priors"].items()}
        result = assess(found.articles, found.claims, found.mentions, failures=found.failures, priors=priors,
                        knowledge=KNOWLEDGE)
    else:
        result = analyse(articles, knowledge=KNOWLEDGE)
    if "draft" in case:  # a pre-publication check: the draft against the articles as the record
        draft = draft_article(case["draft"], f"cases/{case['id']}/draft.md", knowledge=KNOWLEDGE)
        checked = check_draft(draft, result, knowledge=KNOWLEDGE)
        result = RunResult(articles=result.articles + [checked.article], claims=result.claims + checked.claims,
                           findings=checked.findings)
    findings = [f for f in result.findings if f.code == case["rule"]]
    report = _report(case, result, findings)
    if not case["fires"]:
        assert not findings, f"{case['rule']} must not fire, but did\n{report}"
        return
    assert findings, f"{case['rule']} must fire, but did not\n{report}"
    if "message_contains" in case or "spans_contain" in case:
        assert any(_matches(f, case) for f in findings), (
            f"no {case['rule']} finding has a message with {case.get('message_contains', [])} "
            f"and spans with {case.get('spans_contain', [])}\n{report}"
        )
    if "findings" in case:
        assert len(findings) == case["findings"], (
            f"{case['rule']} must give exactly {case['findings']} finding(s), gave {len(findings)}\n{report}"
        )


def test_rule_cases_are_well_formed() -> None:
    codes = {rule.code for rule in load_rules().rules}
    ids = [case["id"] for case in _CASES]
    assert len(ids) == len(set(ids)), f"duplicate case ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    for case in _CASES:
        assert set(case) <= CASE_KEYS, f"{case['id']}: unknown keys {sorted(set(case) - CASE_KEYS)}"
        assert case["rule"] in codes, f"{case['id']}: unknown rule {case['rule']}"
        assert isinstance(case["fires"], bool), f"{case['id']}: fires must be true or false"
        assert case["articles"], f"{case['id']}: no articles"
        for spec in case["articles"]:
            assert set(spec) <= ARTICLE_KEYS and {"id", "text"} <= set(spec), f"{case['id']}: bad article {spec}"
        if not case["fires"]:
            assert not {"message_contains", "spans_contain"} & set(case), f"{case['id']}: a pass case has no message"
            assert case.get("findings", 0) == 0, f"{case['id']}: a pass case has no findings"


def test_every_rule_has_a_pass_and_a_fail_case() -> None:
    missing = []
    for rule in load_rules().rules:
        cases = [case for case in _CASES if case["rule"] == rule.code]
        for fires in (True, False):
            if not any(case["fires"] is fires for case in cases):
                missing.append(f"{rule.code} has no {'fires: true' if fires else 'fires: false'} case")
    assert not missing, "\n".join(missing)
