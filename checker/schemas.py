"""Pandera schemas for the tables of a run, built from the record types in ``checker.model``, and lazy
validation that reports bad rows instead of dropping them.

A table's columns, types, nullability and per-value checks come from its dataclass (see
``checker.model.table_columns``); this module adds only what a row cannot say about itself:
the article facts a claim is checked against (``published``, ``text_length``, ``span_text``),
an id for source rows, and the checks across columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa

from checker.model import Article, Claim, ColumnKind, SourceScore, TableColumn, table_columns

_DTYPES: dict[ColumnKind, Any] = {"str": str, "int": "int64", "float": "float64", "bool": bool, "date": pa.DateTime}
_NULLABLE_DTYPES: dict[ColumnKind, Any] = {**_DTYPES, "int": "Int64"}  # numpy ints have no null


def _column_schema(column: TableColumn) -> pa.Column:
    rules = column.rules
    checks: list[pa.Check] = []
    if rules.isin is not None:
        checks.append(pa.Check.isin(list(rules.isin)))
    if rules.ge is not None:
        checks.append(pa.Check.ge(rules.ge))
    if rules.le is not None:
        checks.append(pa.Check.le(rules.le))
    if rules.matches is not None:
        checks.append(pa.Check.str_matches(rules.matches))
    if rules.min_length is not None:
        checks.append(pa.Check.str_length(min_value=rules.min_length))
    scalar = column.kind not in ("str_list", "records")  # lists are stored as they are, not coerced
    dtype = (_NULLABLE_DTYPES if column.nullable else _DTYPES).get(column.kind) if scalar else None
    return pa.Column(dtype, checks=checks, nullable=column.nullable, unique=rules.unique, coerce=scalar,
                     name=column.name)


def _interval_is_ordered(frame: pd.DataFrame) -> pd.Series:
    return frame["value_low"].isna() | frame["value_high"].isna() | (frame["value_low"] <= frame["value_high"])


def _event_not_after_publication(frame: pd.DataFrame) -> pd.Series:
    return frame["event_date_low"].isna() | frame["published"].isna() | (frame["event_date_low"] <= frame["published"])


def _span_inside_text(frame: pd.DataFrame) -> pd.Series:
    return (frame["start"] < frame["end"]) & (frame["end"] <= frame["text_length"])


def _span_matches_surface(frame: pd.DataFrame) -> pd.Series:
    return frame["span_text"] == frame["surface"]


def _range_is_ordered(frame: pd.DataFrame) -> pd.Series:
    return frame["score_low"] <= frame["score_high"]


@dataclass(frozen=True)
class _TableExtras:
    """What a table's schema adds to its record's columns: derived columns and checks across columns."""

    derived: tuple[pa.Column, ...] = ()
    checks: tuple[tuple[Callable[[pd.DataFrame], pd.Series], str], ...] = ()  # (check, the failure in words)


_EXTRAS: dict[type, _TableExtras] = {
    Claim: _TableExtras(
        derived=(pa.Column(pa.DateTime, nullable=True, coerce=True, name="published"),
                 pa.Column("int64", checks=[pa.Check.ge(0)], coerce=True, name="text_length"),
                 pa.Column(str, coerce=True, name="span_text")),
        checks=((_interval_is_ordered, "value_low is greater than value_high"),
                (_event_not_after_publication, "event date is after the publication date"),
                (_span_inside_text, "span lies outside the article text"),
                (_span_matches_surface, "text at [start:end] is not the claim's surface form")),
    ),
    SourceScore: _TableExtras(
        derived=(pa.Column(str, name="row_id"),),
        checks=((_range_is_ordered, "score_low is above score_high"),),
    ),
}


@cache
def table_schema(record: type) -> pa.DataFrameSchema:
    """The pandera schema of a record type's table (strict: no column the record does not describe)."""
    extras = _EXTRAS.get(record, _TableExtras())
    columns = [_column_schema(column) for column in table_columns(record)] + list(extras.derived)
    return pa.DataFrameSchema(
        {column.name: column for column in columns},
        checks=[pa.Check(check, error=error) for check, error in extras.checks],
        strict=True,
        name=record.__name__,
    )


def record_frame(records: Sequence[object], record: type,
                 derived: dict[str, list[object]] | None = None) -> pd.DataFrame:
    """A table of records as a DataFrame, column by column (values as they are; the schema coerces them)."""
    data: dict[str, list[object]] = {c.name: [getattr(r, c.name) for r in records] for c in table_columns(record)}
    data.update(derived or {})
    return pd.DataFrame(data, columns=list(data))


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


def row_failures(schema: pa.DataFrameSchema, frame: pd.DataFrame, table: str, id_column: str) -> list[RowFailure]:
    """Validate ``frame`` lazily and return one ``RowFailure`` per failed check on a row.

    Nothing is dropped here: the rows stay in the run, and the caller turns each failure
    into an SV finding that names the row.
    """
    try:
        schema.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    failures: list[RowFailure] = []
    seen: set[tuple[object, ...]] = set()
    for case in cases.itertuples(index=False):
        index = case.index
        whole_row = case.schema_context == "DataFrameSchema"  # a check across columns: one failure per row
        key = (index, str(case.check)) if whole_row else (index, case.column, str(case.check))
        if key in seen:
            continue
        seen.add(key)
        row_id = None
        if index is not None and not pd.isna(index) and index in frame.index:
            row_id = str(frame.at[index, id_column]) if id_column in frame.columns else str(index)
        named = isinstance(case.column, str) and case.column in frame.columns
        column = case.column if named and not whole_row else None
        value = "" if whole_row else str(case.failure_case)
        failures.append(RowFailure(table, row_id, column, str(case.check), value))
    return failures


def article_failures(articles: Sequence[Article]) -> list[RowFailure]:
    """The Article table's failed checks (each becomes an SV001 finding)."""
    return row_failures(table_schema(Article), record_frame(articles, Article), "article", "article_id")


def claim_failures(claims: Sequence[Claim], articles: Iterable[Article]) -> list[RowFailure]:
    """The Claim table's failed checks, with the article facts a claim is checked against (SV002)."""
    if not claims:
        return []
    by_id = {article.article_id: article for article in articles}
    texts = [by_id[claim.article_id].text for claim in claims]
    derived: dict[str, list[object]] = {
        "published": [by_id[claim.article_id].published for claim in claims],
        "text_length": [len(text) for text in texts],
        "span_text": [text[claim.start:claim.end] for claim, text in zip(claims, texts, strict=True)],
    }
    return row_failures(table_schema(Claim), record_frame(claims, Claim, derived), "claim", "claim_id")


def source_failures(sources: Sequence[SourceScore]) -> list[RowFailure]:
    """The source table's failed checks (SV003); a row is named by its level and source."""
    if not sources:
        return []
    frame = record_frame(sources, SourceScore, {"row_id": [f"{s.level}:{s.source}" for s in sources]})
    return row_failures(table_schema(SourceScore), frame, "source", "row_id")
