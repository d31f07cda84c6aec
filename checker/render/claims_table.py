"""The claims listing of ``checker claims``: a capped terminal table, or every claim as CSV or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields

from rich.console import RenderableType
from rich.table import Table

from checker.model import Claim
from checker.result import RunResult
from checker.render.terminal import TABLE_ROW_CAP, capped




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
        rows.append((row["claim_id"], row["value_text"] or "—", _interval(row), row["subject"] or "—", row["predicate"] or "—",
                     row["population"] or "—", row["speaker"] or "—", row["event_type"] or "—", row["place"] or "—",
                     row["event_date_low"] or "—"))
    return capped(table, rows, "claims", total=len(result.claims))


def claims_jsonl(result: RunResult) -> str:
    return "".join(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n" for claim in result.claims)


def claims_csv(result: RunResult) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[f.name for f in fields(Claim)], lineterminator="\n")
    writer.writeheader()  # a header even with no claims, so the file still loads as a table
    for row in (claim.to_dict() for claim in result.claims):
        writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in row.items()})
    return buffer.getvalue()
