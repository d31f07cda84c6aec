"""CSV tables (sources, claims) that load in a spreadsheet as data: no cell is read as a formula.

Rows end with the csv module's default ``\r\n`` (RFC 4180), so a field holding a carriage return
or a newline is quoted and stays in its row; cells that start like a formula are neutralised as
OWASP advises (``escape.csv_cell``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any, TextIO

from checker.model import Claim, SourceScore
from checker.render import RenderOptions
from checker.render.escape import csv_cell
from checker.result import RunResult


def _write_rows(out: TextIO, records: Sequence[Claim] | Sequence[SourceScore], columns: list[str],
                flatten: Callable[[Any], str]) -> None:
    """A header (even with no rows, so the file still loads as a table), then a row per record.

    ``flatten`` writes a list or dict value as one cell.
    """
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(flatten(value) if isinstance(value, (list, dict)) else value)
                         for key, value in record.to_dict().items()})


def write_sources(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """``checker sources --format csv``: one row per source; lists (copies_of) joined with "; "."""
    _write_rows(out, result.sources, [f.name for f in fields(SourceScore)], "; ".join)


def write_claims(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """``checker claims --format csv``: one row per claim; lists (the attribution chain) as JSON."""
    _write_rows(out, result.claims, [f.name for f in fields(Claim)], json.dumps)
