"""The claims table of ``checker claims``: a capped terminal table (every claim: ``--format csv`` or ``jsonl``)."""

from __future__ import annotations

from typing import TextIO

from rich.console import RenderableType
from rich.table import Table

from checker.render import RenderOptions
from checker.render.terminal import TABLE_ROW_CAP, capped, console_for, plain
from checker.result import RunResult


def _interval(claim: dict) -> str:
    low, high = claim["value_low"], claim["value_high"]
    if low is None:
        return "—"  # a responsibility claim or an anonymous source: no figure
    high_text = "∞" if high is None else f"{high:g}"
    return f"{low:g}" if low == high else f"[{low:g}, {high_text}]"


def render_claims_table(result: RunResult) -> RenderableType:
    table = Table(title=f"Claims ({len(result.claims)})", expand=False)
    for name in ("claim", "as written", "value", "subject", "predicate", "population", "speaker", "event", "place", "date"):
        table.add_column(name, overflow="fold")
    rows = []
    for claim in result.claims[: TABLE_ROW_CAP + 1]:
        row = claim.to_dict()
        cells = (row["claim_id"], row["value_text"], _interval(row), row["subject"], row["predicate"], row["population"],
                 row["speaker"], row["event_type"], row["place"], row["event_date_low"])
        rows.append(tuple(plain(cell or "—") for cell in cells))
    return capped(table, rows, "claims", total=len(result.claims))


def write_table(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    console_for(options, out).print(render_claims_table(result))
