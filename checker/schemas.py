"""Pandera models for the tables of a run, and lazy validation that reports bad rows instead of dropping them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class ArticleSchema(pa.DataFrameModel):
    """Articles: one row per input article, with its normalised text."""

    article_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    source_path: Series[str]
    outlet: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True)
    published: Series[pa.DateTime] = pa.Field(nullable=True)
    published_inferred: Series[bool]
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    lang: Series[str]

    class Config:
        coerce = True


@dataclass(frozen=True)
class RowFailure:
    """One failed check on one row: which table, which row (by id), which column and check, and the bad value."""

    table: str
    row_id: str | None
    column: str | None
    check: str
    value: str

    @property
    def reason(self) -> str:
        if self.column is None:
            return f"{self.table} {self.row_id or '?'}: {self.check}"
        return f"{self.table} {self.row_id or '?'}: column {self.column!r} failed {self.check} (value {self.value})"


def validate_rows(
    schema: type[pa.DataFrameModel], frame: pd.DataFrame, table: str, id_column: str
) -> tuple[pd.DataFrame, list[RowFailure]]:
    """Validate ``frame`` lazily; return the valid rows and one ``RowFailure`` per failed check.

    Rows that fail are removed from the returned frame but never lost: each
    failure names the row, and the caller turns it into an SV finding.
    """
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    failures: list[RowFailure] = []
    bad_index: set[object] = set()
    seen: set[tuple] = set()
    for case in cases.itertuples(index=False):
        index = case.index
        whole_row = case.schema_context == "DataFrameSchema"  # a check across columns: one failure per row
        key = (index, str(case.check)) if whole_row else (index, case.column, str(case.check))
        if key in seen:
            continue
        seen.add(key)
        row_id = None
        if index is not None and not pd.isna(index) and index in frame.index:
            bad_index.add(index)
            row_id = str(frame.at[index, id_column]) if id_column in frame.columns else str(index)
        column = None if whole_row else (case.column if isinstance(case.column, str) and case.column in frame.columns else None)
        value = "" if whole_row else str(case.failure_case)
        failures.append(RowFailure(table, row_id, column, str(case.check), value))
    remaining = frame.drop(index=list(bad_index))
    if any(failure.row_id is None for failure in failures):
        return remaining, failures  # a table-wide failure (e.g. a missing column): keep what passes row checks
    return schema.validate(remaining, lazy=False) if len(remaining) else remaining, failures


class ClaimSchema(pa.DataFrameModel):
    """Claims: one row per assertion, with its value interval, event, speaker and exact span."""

    claim_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str]
    kind: Series[str] = pa.Field(isin=["count", "responsibility", "attribution"])
    value_low: Series[float] = pa.Field(nullable=True, ge=0)
    value_high: Series[float] = pa.Field(nullable=True, ge=0)
    approximate: Series[bool]
    subject: Series[str] = pa.Field(nullable=True)
    predicate: Series[str] = pa.Field(nullable=True)
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_kind: Series[str] = pa.Field(
        nullable=True, isin=["named_official", "organisation", "anonymous", "outlet", "document"]
    )
    stance: Series[str] = pa.Field(nullable=True, isin=["asserts", "denies", "hedges", "declines"])
    event_date_low: Series[pa.DateTime] = pa.Field(nullable=True)
    event_date_high: Series[pa.DateTime] = pa.Field(nullable=True)
    published: Series[pa.DateTime] = pa.Field(nullable=True)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=0)
    text_length: Series[int] = pa.Field(ge=0)
    surface: Series[str]
    span_text: Series[str]

    class Config:
        coerce = True

    @pa.dataframe_check(error="value_low is greater than value_high")
    def interval_is_ordered(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame["value_low"].isna() | frame["value_high"].isna() | (frame["value_low"] <= frame["value_high"])

    @pa.dataframe_check(error="event date is after the publication date")
    def event_not_after_publication(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame["event_date_low"].isna() | frame["published"].isna() | (
            frame["event_date_low"] <= frame["published"]
        )

    @pa.dataframe_check(error="span lies outside the article text")
    def span_inside_text(cls, frame: pd.DataFrame) -> Series[bool]:
        return (frame["start"] < frame["end"]) & (frame["end"] <= frame["text_length"])

    @pa.dataframe_check(error="text at [start:end] is not the claim's surface form")
    def span_matches_surface(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame["span_text"] == frame["surface"]


class SourceScoreSchema(pa.DataFrameModel):
    """Source scores: one row per outlet or speaker, a score in [0, 1] (or none, for thin evidence)."""

    source: Series[str] = pa.Field(str_length={"min_value": 1})
    level: Series[str] = pa.Field(isin=["outlet", "speaker"])
    score: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    score_low: Series[float] = pa.Field(ge=0, le=1)
    score_high: Series[float] = pa.Field(ge=0, le=1)
    n_claims: Series[int] = pa.Field(ge=0)
    n_compared: Series[int] = pa.Field(ge=0)
    agreement: Series[float] = pa.Field(nullable=True, ge=0, le=1)
    anonymous_share: Series[float] = pa.Field(ge=0, le=1)
    findings: Series[int] = pa.Field(ge=0)
    row_id: Series[str]

    class Config:
        coerce = True

    @pa.dataframe_check(error="score_low is above score_high")
    def range_is_ordered(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame["score_low"] <= frame["score_high"]
