"""Pandera schemas for the tables of a run, built from the record types in ``checker.model`` and the
extras in ``checker.schemas``, and lazy validation that turns each failure case into a ``RowFailure``.

Imported only when the screen in ``checker.schemas`` doubts a row (pandas and pandera take a
good part of a second to import), or by whoever wants a table's schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa

from checker.model import ColumnKind, TableColumn, table_columns
from checker.schemas import RowCheck, RowFailure, table_extras

__all__ = ["record_frame", "row_failures", "table_schema", "validate_rows"]

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


def _row_check(check: RowCheck) -> pa.Check:
    """A check across columns, applied to each row with its values as a record holds them: nulls (NaN, NaT, NA)
    as None, timestamps as dates."""
    names, test = check.columns, check.test

    def value(cell: object) -> object:
        if pd.isna(cell):
            return None
        return cell.date() if isinstance(cell, pd.Timestamp) else cell

    def passes(row: pd.Series) -> bool:
        return bool(test(*(value(row[name]) for name in names)))

    return pa.Check(passes, element_wise=True, error=check.error)


@cache
def table_schema(record: type) -> pa.DataFrameSchema:
    """The pandera schema of a record type's table (strict: no column the record does not describe)."""
    extras = table_extras(record)
    columns = [_column_schema(column) for column in (*table_columns(record), *extras.derived)]
    return pa.DataFrameSchema(
        {column.name: column for column in columns},
        checks=[_row_check(check) for check in extras.checks],
        strict=True,
        name=record.__name__,
    )


def record_frame(records: Sequence[object], record: type, derived: dict[str, list[object]] | None = None,
                 index: Sequence[int] | None = None) -> pd.DataFrame:
    """A table of records as a DataFrame, column by column (values as they are; the schema coerces them)."""
    data: dict[str, list[object]] = {c.name: [getattr(r, c.name) for r in records] for c in table_columns(record)}
    data.update(derived or {})
    return pd.DataFrame(data, columns=list(data), index=None if index is None else list(index))


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


def validate_rows(record: type, records: Sequence[object], derived: dict[str, list[object]], table: str,
                  id_column: str, index: Sequence[int] | None = None) -> list[RowFailure]:
    """The failed checks of ``records`` (rows of ``record``'s table, at positions ``index`` of it) with their
    derived columns, by the table's pandera schema."""
    return row_failures(table_schema(record), record_frame(records, record, derived, index), table, id_column)
