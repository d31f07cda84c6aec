"""The example corpus in claims/ (what `make demo` shows): the 8 vs 21 contradiction, and none of its look-alikes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from checker.pipeline import RunResult, run

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


@cache
def example_run() -> RunResult:
    return run([EXAMPLES])


def test_example_corpus_reads_every_article() -> None:
    result = example_run()
    assert len(result.articles) == 7 and not result.skipped


def test_example_corpus_shows_the_rocket_count_contradiction() -> None:
    conflicts = [f for f in example_run().findings if f.code == "CC101"]
    assert len(conflicts) == 1
    message = conflicts[0].message
    for words in ("rockets fired", "Green Zone", "2020-12-20", "8 (Iraqi military", "21 (U.S. Central Command)"):
        assert words in message


def test_example_corpus_shows_the_responsibility_dispute() -> None:
    disputes = [f for f in example_run().findings if f.code == "CC102"]
    assert disputes and "U.S. Central Command" in disputes[0].message and "Khatibzadeh" in disputes[0].message


def test_example_corpus_look_alikes_are_not_conflicts() -> None:
    result = example_run()
    by_id = {c.claim_id: c for c in result.claims}
    numeric = [f for f in result.findings if f.code in ("CC101", "IC101", "CC103")]
    involved = [by_id[i] for f in numeric for i in f.claim_ids]
    assert all(c.predicate == "fired" and c.event_date_low and c.event_date_low.isoformat() == "2020-12-20"
               for c in involved), [(c.surface, c.predicate, c.event_id) for c in involved]
    failed = [c for c in result.claims if c.predicate == "failed_to_launch"]
    assert failed and failed[0].value_low == 3  # extracted, and kept apart from the rockets fired
    later = [c for c in result.claims if c.event_date_low and c.event_date_low.isoformat() == "2021-02-22"
             and c.subject == "rocket"]
    assert later and all(c.event_id != involved[0].event_id for c in later)
