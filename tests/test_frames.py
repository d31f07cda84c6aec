"""Tables for analysts: a run's records as pandas and polars DataFrames and as spreadsheet-safe CSV, and
the one description per table that the pandera schemas, the ledger and the frames all follow."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import polars as pl
import pytest

import checker
from checker.frames import TABLES, findings_csv, table_csv, to_pandas, to_polars
from checker.ledger import TABLES as LEDGER_TABLES
from checker.ledger import _columns
from checker.model import Article, Claim, Event, Finding, SkippedInput, SourceScore
from checker.pandera_schemas import table_schema
from checker.schemas import claim_failures

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
RECORDS = (Article, SkippedInput, Claim, Event, Finding, SourceScore)


@pytest.fixture(scope="module")
def example() -> Any:
    return checker.scan([EXAMPLES])


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_tables_every_field_is_a_column_of_the_schema_and_the_ledger(record: type) -> None:
    names = [f.name for f in fields(record)]
    schema_columns = list(table_schema(record).columns)
    assert schema_columns[:len(names)] == names  # then only the derived columns of the table's checks
    assert [name for name, _ in _columns(record)] == names
    assert record in LEDGER_TABLES.values()


def test_tables_claim_schema_checks_the_columns_it_used_to_omit(example) -> None:
    claims = list(example.claims)
    claims[0] = replace(claims[0], value_kind="roughly")
    claims[1] = replace(claims[1], line=0)
    failures = claim_failures(claims, example.articles)
    assert sorted((f.row_id, f.column) for f in failures) == sorted([(claims[0].claim_id, "value_kind"),
                                                                     (claims[1].claim_id, "line")])
    assert any("failed isin" in f.reason and "roughly" in f.reason for f in failures)


def test_frames_pandas_tables_of_a_scan(example) -> None:
    tables = to_pandas(example)
    assert set(tables) == set(TABLES) == {"articles", "claims", "events", "findings", "sources"}
    for name, frame in tables.items():
        assert len(frame) == len(getattr(example, name))
        assert list(frame.columns) == [f.name for f in fields(TABLES[name])]
    claims, findings = tables["claims"], tables["findings"]
    assert pd.api.types.is_datetime64_any_dtype(claims["event_date_low"])
    assert str(findings["line"].dtype) == "Int64" and claims["start"].dtype == "int64"
    conflict = findings[findings["code"] == "CC101"].iloc[0]
    assert len(conflict["claim_ids"]) == len(conflict["spans"]) >= 2 and conflict["spans"][0]["line"] >= 1
    assert set(tables["sources"]["level"]) == {"outlet", "speaker"}


def test_frames_polars_tables_of_a_scan(example) -> None:
    tables = to_polars(example)
    for name, frame in tables.items():
        assert frame.height == len(getattr(example, name)) and frame.columns == [f.name for f in fields(TABLES[name])]
    claims, findings = tables["claims"], tables["findings"]
    assert claims.schema["event_date_low"] == pl.Date and claims.schema["attribution"] == pl.List(pl.String)
    conflict = findings.filter(pl.col("code") == "CC101").row(0, named=True)
    assert conflict["spans"][0]["text"] in ("eight", "8", "21")
    open_bounds = claims.filter(pl.col("value_high").is_infinite())
    assert all(math.isinf(v) for v in open_bounds["value_high"])


def test_frames_take_any_object_with_the_record_lists() -> None:
    article = Article("a1", "a1.md", "Three rockets hit.", "0" * 64, published=date(2021, 2, 1))
    finding = Finding("IC102-x", "IC102", "dates.weekday_mismatch", "warning", "a message", line=None)
    bundle = SimpleNamespace(articles=[article], claims=[], events=[], findings=[finding], sources=[])
    pandas_tables, polars_tables = to_pandas(bundle), to_polars(bundle)
    assert len(pandas_tables["claims"]) == 0 and next(iter(pandas_tables["claims"].columns)) == "claim_id"
    assert pd.isna(pandas_tables["findings"]["line"].iloc[0])
    assert polars_tables["articles"]["published"][0] == date(2021, 2, 1)
    assert polars_tables["events"].height == 0


def test_frames_findings_csv_for_spreadsheets(example) -> None:
    hostile = Finding("CC999-x", "CC999", "house.rule", "error", "=HYPERLINK(\"http://x\")\r\nsecond line",
                      claim_ids=["-1+1", "b"], article_ids=["@SUM(A1)"], line=3)
    text = findings_csv([*example.findings, hostile])
    assert not text.startswith("\ufeff") and findings_csv([], bom=True).startswith("\ufeff\"finding_id\"")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [f.name for f in fields(Finding)] and len(rows) == len(example.findings) + 2
    last = dict(zip(rows[0], rows[-1], strict=True))
    assert last["message"].startswith("'=HYPERLINK") and "\r\nsecond line" in last["message"]
    assert last["claim_ids"] == "'-1+1; b" and last["article_ids"] == "'@SUM(A1)" and last["line"] == "3"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_frames_table_csv_of_sources(example) -> None:
    rows = list(csv.DictReader(io.StringIO(table_csv(example.sources, SourceScore), newline="")))
    assert len(rows) == len(example.sources) and rows[0]["level"] == "outlet"
