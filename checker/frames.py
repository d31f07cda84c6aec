"""A run's tables as DataFrames for analysts (pandas, or polars when installed) and as CSV for spreadsheets.

Works on any object with ``articles``, ``claims``, ``events``, ``findings`` and ``sources``
lists, such as what ``checker.scan()`` returns::

    import checker
    from checker.frames import to_pandas, to_polars

    tables = to_pandas(checker.scan(["articles/"]))
    tables["findings"].groupby("code").size()

Columns and their types follow the record types in ``checker.model`` (the same description
the pandera schemas and the ledger use): dates are dates, a nullable integer stays an
integer, lists stay lists, and an open upper bound (``value_high``) is infinity.
"""

from __future__ import annotations

import csv
import io
import json
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from checker.model import Article, Claim, Event, Finding, SourceScore, TableColumn, table_columns

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = ["TABLES", "RunTables", "table_csv", "findings_csv", "table_to_pandas", "table_to_polars", "to_pandas",
           "to_polars"]

TABLES: dict[str, type] = {"articles": Article, "claims": Claim, "events": Event, "findings": Finding,
                           "sources": SourceScore}
"""The tables a run result converts to, by name, with the record type that describes each."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula (OWASP)


class RunTables(Protocol):
    """Anything with a run's record lists: ``checker.scan()``'s result, or one assembled by hand."""

    @property
    def articles(self) -> Sequence[Article]: ...

    @property
    def claims(self) -> Sequence[Claim]: ...

    @property
    def events(self) -> Sequence[Event]: ...

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def sources(self) -> Sequence[SourceScore]: ...


def _records(result: RunTables, table: str) -> Sequence[Any]:
    records: Sequence[Any] = getattr(result, table)
    return records


def table_to_pandas(records: Sequence[Any], record: type) -> pd.DataFrame:
    """One table as a pandas DataFrame: a column per field of ``record``, in field order, typed."""
    import pandas as pd

    data: dict[str, Any] = {}
    for column in table_columns(record):
        values = [getattr(r, column.name) for r in records]
        if column.kind == "date":
            data[column.name] = pd.to_datetime(pd.Series(values, dtype=object))
        elif column.kind == "int":
            data[column.name] = pd.Series(values, dtype="Int64" if column.nullable else "int64")
        elif column.kind == "float":
            data[column.name] = pd.Series(values, dtype="float64")
        elif column.kind == "bool":
            data[column.name] = pd.Series(values, dtype="bool")
        elif column.kind == "str":
            data[column.name] = pd.Series(values, dtype="string")
        else:  # lists of strings, lists of records: kept as Python lists
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[column.name for column in table_columns(record)])


def to_pandas(result: RunTables) -> dict[str, pd.DataFrame]:
    """Every table of a run (articles, claims, events, findings, sources) as a pandas DataFrame."""
    return {table: table_to_pandas(_records(result, table), record) for table, record in TABLES.items()}


def _polars() -> Any:
    try:
        import polars
    except ImportError:
        raise ImportError("polars is not installed: install checker with the 'polars' extra "
                          "(pip install 'checker[polars]'), or use to_pandas") from None
    return polars


def _polars_type(column: TableColumn, pl: Any) -> Any:
    scalar = {"str": pl.String, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean, "date": pl.Date}
    if column.kind in scalar:
        return scalar[column.kind]
    if column.kind == "str_list":
        return pl.List(pl.String)
    assert column.record is not None  # a records column names the TypedDict of its items
    item_types = {str: pl.String, int: pl.Int64, float: pl.Float64, bool: pl.Boolean}
    return pl.List(pl.Struct({key: item_types[hint] for key, hint in typing.get_type_hints(column.record).items()}))


def table_to_polars(records: Sequence[Any], record: type) -> pl.DataFrame:
    """One table as a polars DataFrame (needs the ``polars`` extra), typed like ``table_to_pandas``."""
    pl = _polars()
    columns = table_columns(record)
    data = {column.name: [getattr(r, column.name) for r in records] for column in columns}
    schema = {column.name: _polars_type(column, pl) for column in columns}
    return pl.DataFrame(data, schema=schema)


def to_polars(result: RunTables) -> dict[str, pl.DataFrame]:
    """Every table of a run (articles, claims, events, findings, sources) as a polars DataFrame."""
    return {table: table_to_polars(_records(result, table), record) for table, record in TABLES.items()}


def _cell(value: object, column: TableColumn) -> object:
    """A value as a spreadsheet cell: lists of strings joined, records as JSON, no cell read as a formula."""
    if value is None:
        return ""
    if column.kind == "str_list":
        value = "; ".join(typing.cast(list[str], value))
    elif column.kind == "records":
        value = json.dumps(value, ensure_ascii=False)
    elif column.kind == "date":
        value = value.isoformat()  # type: ignore[attr-defined]
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # shown as text, never evaluated
    return value


def table_csv(records: Sequence[Any], record: type, bom: bool = False) -> str:
    """One table as CSV text for a spreadsheet: a header of the record's fields, every cell quoted, no
    cell that a spreadsheet would run as a formula, CRLF line ends (RFC 4180).

    Args:
        records: the rows.
        record: their record type (``Finding``, ``Claim`` ...), which gives the columns.
        bom: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    """
    columns = table_columns(record)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow([column.name for column in columns])
    for row in records:
        writer.writerow([_cell(getattr(row, column.name), column) for column in columns])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def findings_csv(findings: Sequence[Finding], bom: bool = False) -> str:
    """The findings as CSV for a spreadsheet (see ``table_csv``); ``bom`` for Excel."""
    return table_csv(findings, Finding, bom=bom)
