"""CSV (sources, claims): no cell is a spreadsheet formula, and no field breaks its row or starts a line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile_records import hostile_run
from typer.testing import CliRunner

from checker.cli import app
from checker.render import View, renderer_for
from checker.render.escape import csv_cell

FORMULA_STARTS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\tdata", "＝1+2"]


@pytest.mark.parametrize("value", FORMULA_STARTS)
def test_render_csv_cell_starting_like_a_formula_is_neutralised(value: str) -> None:
    assert csv_cell(value) == "'" + value
    assert csv_cell(-3.5) == -3.5 and csv_cell("Harbor Ledger") == "Harbor Ledger" and csv_cell(None) is None
    assert csv_cell("\rdata") == " data"  # a carriage return is a line break: a space, and no formula follows


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("payload", ['=HYPERLINK("https://evil.example","x")\r-2+3', "-2+3\n@x\r\n+1"])
@pytest.mark.parametrize("view", [View.sources, View.claims])
def test_render_csv_formulas_and_line_breaks_from_input_stay_in_their_cell(view: View, payload: str) -> None:
    result = hostile_run(payload)
    text = renderer_for(view, "csv").render(result)
    rows = rows_of(text)
    records = result.sources if view is View.sources else result.claims
    assert len(rows) == 1 + len(records)  # the carriage return and the newline did not split a row
    assert all(len(row) == len(rows[0]) for row in rows)
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    one_line = " ".join(payload.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert f"'{one_line} source" in cells or f"'{one_line} id0" in cells  # kept on one line, after a quote mark
    assert text.endswith("\r\n") and text.count("\r\n") >= len(records) + 1  # the csv module's line terminator


def test_render_csv_terminal_escapes_are_stripped_and_a_formula_behind_them_still_neutralised() -> None:
    assert csv_cell("\x1b[31m=1+2\x1b]8;;https://evil.example\x07x") == "'=1+2x"
    assert csv_cell("two\r\nlines") == "two lines"  # a cell never starts a line of the file (a CI log reads lines)


def test_render_csv_claims_keep_their_lists_as_json() -> None:
    rows = list(csv.DictReader(io.StringIO(renderer_for(View.claims, "csv").render(hostile_run("x")), newline="")))
    assert json.loads(rows[0]["attribution"]) == [] and rows[0]["value_low"] == "8.0"


def test_render_csv_sources_from_the_command_line(tmp_path: Path) -> None:
    manifest = tmp_path / "articles.jsonl"
    rows = []
    for index, (outlet, figure) in enumerate((("=cmd|' /C calc'!A0", "eight"), ("@SUM(1+1)*cmd", "21"))):
        rows.append(json.dumps({"id": f"a{index}", "outlet": outlet, "published": "2020-12-21",
                                "text": f"The army said {figure} rockets were fired at the Green Zone in Baghdad "
                                        "on Sunday, December 20, 2020."}))
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "sources.csv"
    result = CliRunner().invoke(app, ["sources", str(manifest), "--format", "csv", "--output", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.endswith(b"\r\n") and b"\r\r\n" not in data
    sources = {row["source"] for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))}
    assert "'=cmd|' /C calc'!A0" in sources and "'@SUM(1+1)*cmd" in sources
