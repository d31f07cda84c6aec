"""The claims table of ``checker claims``: a capped terminal table (every claim: ``--format csv`` or ``jsonl``)."""

from __future__ import annotations

from typing import TextIO

from rich.console import RenderableType

from checker.render import RenderOptions
from checker.render.terminal import TABLE_ROW_CAP, console_for, fitted_table, plain
from checker.result import RunResult


def _interval(claim: dict) -> str:
    low, high = claim["value_low"], claim["value_high"]
    if low is None:
        return "—"  # a responsibility claim or an anonymous source: no figure
    high_text = "∞" if high is None else f"{high:g}"
    return f"{low:g}" if low == high else f"[{low:g}, {high_text}]"


COLUMNS = ("claim", "as written", "value", "subject", "predicate", "population", "speaker", "event", "place", "date")


def render_claims_table(result: RunResult, width: int = 120) -> RenderableType:
    """The claims as a table when its columns fit ``width`` without breaking words, else one block per claim."""
    rows = []
    for claim in result.claims[:TABLE_ROW_CAP]:
        row = claim.to_dict()
        cells = (row["claim_id"], row["value_text"], _interval(row), row["subject"], row["predicate"],
                 row["population"], row["speaker"], row["event_type"], row["place"], row["event_date_low"])
        rows.append(tuple(plain(cell or "—") for cell in cells))
    return fitted_table(f"Claims ({len(result.claims)})", COLUMNS, rows, width, "claims", total=len(result.claims))


def write_table(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    console = console_for(options, out)
    console.print(render_claims_table(result, console.width))
