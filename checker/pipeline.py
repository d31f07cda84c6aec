"""The main job: read inputs, extract claims, validate, and gather what a report needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from checker.config import Settings
from checker.ingest import read_inputs
from checker.model import Article, SkippedInput, SourceScore
from checker.extract import extract_claims, with_publication_date
from checker.model import Claim
from checker.reliability import score_sources
from checker.schemas import ArticleSchema, ClaimSchema, RowFailure, SourceScoreSchema, validate_rows
from checker.checks import CheckData
from checker.events import cluster_events
from checker.result import RunResult
from checker.rulebook import load_rules, run_rules, selected_rules


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """The Article table as a DataFrame with the columns of ``ArticleSchema``."""
    columns = list(ArticleSchema.to_schema().columns)
    return pd.DataFrame([{name: getattr(a, name) for name in columns} for a in articles], columns=columns)


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
    _, failures = validate_rows(ArticleSchema, articles_frame(articles), "article", "article_id")
    claims = [claim for article in articles for claim in extract_claims(article)]
    failures += validate_claims(claims, articles)
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
    rules = selected_rules(book, settings)
    result.findings = run_rules([r for r in rules if r.code != "SV003"], data)
    result.sources = score_sources(result.claims, result.articles, result.findings, priors=priors)
    data.validation_failures = validate_sources(result.sources)
    result.findings += run_rules([r for r in rules if r.code == "SV003"], data)
    return result


def validate_sources(sources: list[SourceScore]) -> list[RowFailure]:
    """Validate the source table; each failure becomes an SV003 finding."""
    if not sources:
        return []
    columns = [name for name in SourceScoreSchema.to_schema().columns if name != "row_id"]
    frame = pd.DataFrame([{name: getattr(s, name) for name in columns} | {"row_id": f"{s.level}:{s.source}"}
                          for s in sources])
    _, failures = validate_rows(SourceScoreSchema, frame, "source", "row_id")
    return failures


def claims_frame(claims: list[Claim], articles: list[Article]) -> pd.DataFrame:
    """The Claim table with the article facts its checks need (text length, span text, publication date)."""
    by_id = {article.article_id: article for article in articles}
    columns = list(ClaimSchema.to_schema().columns)
    rows = []
    for claim in claims:
        article = by_id[claim.article_id]
        row = {name: getattr(claim, name, None) for name in columns}
        row.update(
            published=article.published,
            text_length=len(article.text),
            span_text=article.text[claim.start:claim.end],
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def validate_claims(claims: list[Claim], articles: list[Article]):
    """Validate claims; each failure becomes an SV finding (the claim stays in the report)."""
    if not claims:
        return []
    _, failures = validate_rows(ClaimSchema, claims_frame(claims, articles), "claim", "claim_id")
    return failures
