"""The main job: read inputs, extract claims, validate, and gather what a report needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checker.config import Settings
from checker.ingest import read_inputs
from checker.model import Article, Finding, SkippedInput
from checker.schemas import ArticleSchema, validate_rows
from checker.validation_findings import findings_from_failures


@dataclass
class RunResult:
    """Everything one run produced, ready for any renderer."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    claims: list = field(default_factory=list)
    events: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: list = field(default_factory=list)

    def findings_at_or_above(self, level: str) -> list[Finding]:
        order = {"info": 0, "warning": 1, "error": 2}
        return [f for f in self.findings if order[f.severity] >= order[level]]


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """The Article table as a DataFrame with the columns of ``ArticleSchema``."""
    columns = list(ArticleSchema.to_schema().columns)
    return pd.DataFrame([{name: getattr(a, name) for name in columns} for a in articles], columns=columns)


def run(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> RunResult:
    """Run the pipeline over ``paths``. Bad input is skipped with a reason, never raised."""
    settings = settings or Settings()
    ingested = read_inputs(paths, settings, on_file=on_file)
    result = RunResult(articles=ingested.articles, skipped=ingested.skipped)
    _, failures = validate_rows(ArticleSchema, articles_frame(result.articles), "article", "article_id")
    result.findings.extend(findings_from_failures(failures))
    return result
