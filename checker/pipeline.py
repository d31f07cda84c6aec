"""The main job: read inputs, extract claims, resolve events, validate, and gather what a report needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checker.checks import CheckData
from checker.config import Settings
from checker.ingest import read_inputs
from checker.knowledge import Knowledge
from checker.model import Article, Claim, Event, EventMention, Finding, SkippedInput, SourceScore
from checker.reliability import score_sources
from checker.rulebook import load_rules, run_rules, selected_rules
from checker.schemas import ArticleSchema, ClaimSchema, RowFailure, SourceScoreSchema, validate_rows


@dataclass
class RunResult:
    """Everything one run produced, ready for any renderer."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: list[SourceScore] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)


@dataclass
class Extracted:
    """What extraction gave for a set of articles: the articles it read, their claims and event mentions, the
    rows that failed validation, and the articles it could not read (no language pack)."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """The Article table as a DataFrame with the columns of ``ArticleSchema``."""
    columns = list(ArticleSchema.to_schema().columns)
    return pd.DataFrame([{name: getattr(a, name) for name in columns} for a in articles], columns=columns)


def run(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
    knowledge: Knowledge | None = None,
) -> RunResult:
    """Run the pipeline over ``paths``. Bad input is skipped with a reason, never raised."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    ingested = read_inputs(paths, settings, on_file=on_file)
    found = extract(ingested.articles, knowledge)
    return assess(found.articles, found.claims, found.mentions, settings, skipped=ingested.skipped + found.skipped,
                  failures=found.failures, priors=priors, knowledge=knowledge)


def analyse(articles: list[Article], settings: Settings | None = None, skipped: list[SkippedInput] | None = None,
            knowledge: Knowledge | None = None) -> RunResult:
    """Everything after reading: publication dates, claims, validation, events and the rules' findings."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    found = extract(articles, knowledge)
    return assess(found.articles, found.claims, found.mentions, settings,
                  skipped=list(skipped or []) + found.skipped, failures=found.failures, knowledge=knowledge)


def extract(articles: list[Article], knowledge: Knowledge) -> Extracted:
    """Each article's claims, framed by its own mentions (publication dates settled), and the rows that failed
    validation. An article in a language with no pack is skipped with that reason, never half-read.
    """
    found = Extracted()
    resolver = knowledge.resolver()
    for article in articles:
        extractor = knowledge.extractor(article.lang)
        if extractor is None:
            found.skipped.append(SkippedInput(article.source_path, f"no language pack for {article.lang!r} "
                                                                   "(add one under lexicon-paths)"))
            continue
        extraction = extractor.extract(article)
        found.articles.append(extraction.article)
        found.claims.extend(resolver.frame_claims(extraction.claims, extraction.mentions, [extraction.article]))
        found.mentions.extend(extraction.mentions)
    _, found.failures = validate_rows(ArticleSchema, articles_frame(found.articles), "article", "article_id")
    found.failures += validate_claims(found.claims, found.articles)
    return found


def assess(
    articles: list[Article],
    claims: list[Claim],
    mentions: list[EventMention],
    settings: Settings | None = None,
    skipped: list[SkippedInput] | None = None,
    failures: list[RowFailure] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
    knowledge: Knowledge | None = None,
) -> RunResult:
    """Events, findings and source scores for claims already extracted and framed (from a run, or a ledger)."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    resolution = knowledge.resolver().cluster(claims)
    result = RunResult(articles=articles, claims=resolution.apply(claims), skipped=list(skipped or []),
                       events=resolution.events, mentions=mentions)
    book = load_rules(settings)
    result.skipped.extend(SkippedInput(p.path, f"rule pack problem, rule left out: {p.reason}", p.line)
                          for p in book.problems)
    data = CheckData(result.articles, result.claims, result.events, list(failures or []), mentions=mentions,
                     gazetteer=knowledge.gazetteer, taxonomy=knowledge.taxonomy)
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


def validate_claims(claims: list[Claim], articles: list[Article]) -> list[RowFailure]:
    """Validate claims; each failure becomes an SV finding (the claim stays in the report)."""
    if not claims:
        return []
    _, failures = validate_rows(ClaimSchema, claims_frame(claims, articles), "claim", "claim_id")
    return failures
