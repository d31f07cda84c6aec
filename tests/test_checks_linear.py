"""No rule, copy detection or clustering grows faster than the corpus (issue 12), even when every article is about
the same few events: the example corpus copied 8 and 80 times (each copy other articles of other outlets), so one
event holds ten times the figures. Before these fixes CC101, IC101, CC103 and copy detection compared every pair
of figures of an event and grew about a hundredfold.
"""

from __future__ import annotations

import hashlib
import random
import time
from dataclasses import replace
from datetime import date
from functools import partial

import pytest

from checker.checks import CheckData
from checker.config import Settings
from checker.knowledge import Knowledge
from checker.model import Article, Claim
from checker.pipeline import analyse, run
from checker.reliability import detect_copies
from checker.rulebook import load_rules, run_rules, selected_rules
from tests.test_ingest_linear import MAX_GROWTH, measured_growth

SMALL, LARGE = 8, 80  # copies of the example corpus
_KNOWLEDGE = Knowledge.load()
_EXAMPLE = run(["claims/corpus"], knowledge=_KNOWLEDGE)
_RULES = {rule.code: rule for rule in selected_rules(load_rules(Settings()), Settings())}


def _copies(times: int) -> tuple[list[Article], list[Claim]]:
    articles, claims = [], []
    for copy in range(times):
        articles += [replace(a, article_id=f"{a.article_id}~{copy}", outlet=f"{a.outlet} {copy}")
                     for a in _EXAMPLE.articles]
        claims += [replace(c, article_id=f"{c.article_id}~{copy}", claim_id=f"{c.claim_id}~{copy}", event_id=None)
                   for c in _EXAMPLE.claims]
    return articles, claims


def _data(times: int) -> CheckData:
    articles, claims = _copies(times)
    resolution = _KNOWLEDGE.resolver().cluster(claims, articles)
    return CheckData(articles, resolution.apply(claims), resolution.events, gazetteer=_KNOWLEDGE.gazetteer,
                     taxonomy=_KNOWLEDGE.taxonomy)


def _rule(code: str, data: CheckData) -> None:
    run_rules([_RULES[code]], data)


def _cluster(copies: tuple[list[Article], list[Claim]]) -> None:
    _KNOWLEDGE.resolver().cluster(copies[1], copies[0])


def _copies_found(data: CheckData) -> None:
    detect_copies(data.claims, data.article)


def test_checks_linear_copies_share_their_events() -> None:
    small, large = _data(SMALL), _data(LARGE)
    biggest = [max(len(event.claim_ids) for event in data.events) for data in (small, large)]
    assert biggest[1] == biggest[0] * LARGE // SMALL  # the worst case: ten times the figures per event
    assert len(run_rules([_RULES["CC101"]], large)) == len(run_rules([_RULES["CC101"]], small)) > 0


@pytest.mark.parametrize("code", ["CC101", "IC101", "CC103", "CC104", "CC105", "CC102"])
def test_checks_linear_rule_grows_with_the_figures(code: str) -> None:
    growth = measured_growth(partial(_rule, code), _data(SMALL), _data(LARGE))
    assert growth < MAX_GROWTH, f"{code}: 10 times the figures of an event took {growth:.0f} times as long"


def test_checks_linear_copy_detection() -> None:
    growth = measured_growth(_copies_found, _data(SMALL), _data(LARGE))
    assert growth < MAX_GROWTH, f"copy detection: 10 times the figures took {growth:.0f} times as long"


def test_checks_linear_clustering() -> None:
    growth = measured_growth(_cluster, _copies(SMALL), _copies(LARGE))
    assert growth < MAX_GROWTH, f"clustering: 10 times the claims took {growth:.0f} times as long"


def _hostile_article(kilobytes: int, one_sentence: bool) -> Article:
    """Generated copy of ``kilobytes`` KB: one run-on sentence of many counts ("Officials said 412 rockets, 77
    rockets, ... were fired"), or one sentence repeated with a new figure ("Baghdad police said N people were
    killed in a rocket attack"), each from one speaker."""
    rng = random.Random(kilobytes)
    parts: list[str] = ["Officials said "] if one_sentence else []
    while sum(map(len, parts)) < kilobytes * 1024:
        parts.append(f"{rng.randint(2, 99_999)} rockets, " if one_sentence else
                     f"Baghdad police said {rng.randint(2, 99_999)} people were killed in a rocket attack on the "
                     "Green Zone on Sunday.\n\n")
    text = "Rockets hit the Green Zone\n\n" + "".join(parts) + ("were fired at the Green Zone." if one_sentence else "")
    return Article(article_id=f"gen-{kilobytes}-{one_sentence}", source_path="gen.md", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), outlet="Gen", title="Rockets hit the Green Zone",
                   published=date(2020, 12, 21))


@pytest.mark.parametrize("one_sentence", [True, False], ids=["one-sentence", "repeated-sentence"])
def test_checks_linear_findings_per_article_are_bounded_and_time_grows_linearly(one_sentence: bool) -> None:
    """Issue 20: one sentence holding hundreds of counts gave a CC101 finding for every pair (49,700 findings for
    10.8 KB; 100 KB did not finish in 10 minutes). The bound on findings per article: at most one per figure (the
    SR rules), one per article and quantity (IC101) and one per disputed quantity (CC101, CC105)."""
    sizes, results, seconds = (10, 100), [], []
    for kilobytes in sizes:
        article = _hostile_article(kilobytes, one_sentence)
        started = time.process_time()  # CPU time: a busy machine's waits for a core are not counted (issue 21)
        results.append(analyse([article], knowledge=_KNOWLEDGE))
        seconds.append(time.process_time() - started)
    for result in results:
        figures = sum(claim.kind == "count" for claim in result.claims)
        quantities = len({(c.event_id, c.subject, c.predicate, c.population) for c in result.claims})
        assert len(result.findings) <= figures + 2 * quantities + len(result.claims) // 10 + 5
        assert len([f for f in result.findings if f.code == "CC101"]) <= quantities
    assert seconds[1] <= 25 * max(seconds[0], 0.05), seconds  # 10x the text: linear is 10x, pairs were 100x
