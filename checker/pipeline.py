"""The main job: read inputs, extract claims, validate, and gather what a report needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import Settings
from checker.ingest import read_inputs
from checker.model import Article, Event, Finding, SkippedInput, SourceScore
from checker.extract import extract_claims, with_publication_date
from checker.model import Claim
from checker.reliability import score_sources
from checker.schemas import RowFailure, article_failures, claim_failures, source_failures
from checker.checks import CheckData
from checker.events import cluster_events
from checker.rulebook import Rule, load_rules, run_rules, selected_rules


@dataclass
class RunResult:
    """Everything one run produced, ready for any renderer."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: list[SourceScore] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # the rules that ran: renderers read their properties



def run(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
) -> RunResult:
    """Run the pipeline over ``paths``. Bad input is skipped with a reason, never raised."""
    settings = settings or Settings()
    ingested = read_inputs(paths, settings, on_file=on_file)
    articles, claims, failures = extract(ingested.articles)
    return assess(articles, claims, settings, skipped=ingested.skipped, failures=failures, priors=priors)


def analyse(
    articles: list[Article], settings: Settings | None = None, skipped: list[SkippedInput] | None = None
) -> RunResult:
    """Everything after reading: publication dates, claims, validation, events and the rules' findings."""
    articles, claims, failures = extract(articles)
    return assess(articles, claims, settings, skipped=skipped, failures=failures)


def extract(articles: list[Article]) -> tuple[list[Article], list[Claim], list[RowFailure]]:
    """Articles with publication dates settled, their claims, and the rows that failed validation."""
    articles = [with_publication_date(a) for a in articles]
    failures = article_failures(articles)
    claims = [claim for article in articles for claim in extract_claims(article)]
    failures += claim_failures(claims, articles)
    return articles, claims, failures


def assess(
    articles: list[Article],
    claims: list[Claim],
    settings: Settings | None = None,
    skipped: list[SkippedInput] | None = None,
    failures: list[RowFailure] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
) -> RunResult:
    """Events, findings and source scores for claims already extracted (from a run, or from a ledger)."""
    settings = settings or Settings()
    result = RunResult(articles=articles, claims=claims, skipped=list(skipped or []))
    result.events = cluster_events(result.claims)
    book = load_rules(settings)
    result.skipped.extend(SkippedInput(p.path, f"rule pack problem, rule left out: {p.reason}", p.line)
                          for p in book.problems)
    data = CheckData(result.articles, result.claims, result.events, list(failures or []))
    result.rules = rules = selected_rules(book, settings)
    result.findings = run_rules([r for r in rules if not r.runs_after_scoring], data)
    against_outlet = {r.code for r in rules if r.counts_against_outlet}
    result.sources = score_sources(result.claims, result.articles,
                                   [f for f in result.findings if f.code in against_outlet], priors=priors)
    data.validation_failures = source_failures(result.sources)
    result.findings += run_rules([r for r in rules if r.runs_after_scoring], data)
    return result
