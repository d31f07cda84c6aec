"""Tables at scale: validation of 100,000 claims (every column of the Claim record, plus the checks across
columns), by the plain screen a run uses and by pandera on the whole table; and the same claims as pandas and
polars DataFrames."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.frames import table_to_pandas, table_to_polars
from checker.model import Claim
from checker.pandera_schemas import validate_rows
from checker.pipeline import run
from checker.schemas import claim_failures

REPO = Path(__file__).resolve().parents[1]
CLAIMS = 100_000


def _timed(function: Callable[..., Any], *args: object) -> tuple[float, Any]:
    started = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - started, value


def main() -> None:
    example = run([REPO / "claims" / "corpus"])
    claims = [replace(claim, claim_id=f"{claim.claim_id}#{n}")
              for n in range(CLAIMS // len(example.claims) + 1) for claim in example.claims][:CLAIMS]
    screened = [_timed(claim_failures, claims, example.articles) for _ in range(3)]
    by_id = {article.article_id: article for article in example.articles}
    derived = {"published": [by_id[c.article_id].published for c in claims],
               "text_length": [len(by_id[c.article_id].text) for c in claims],
               "span_text": [by_id[c.article_id].text[c.start:c.end] for c in claims]}
    whole = [_timed(validate_rows, Claim, claims, derived, "claim", "claim_id") for _ in range(3)]
    seconds, pandera_seconds = (sorted(elapsed for elapsed, _ in runs) for runs in (screened, whole))
    print(f"tables: validation of {len(claims):,} claims ({len(Claim.__dataclass_fields__)} columns + 3 derived, "
          f"4 checks across columns), median of 3 runs: the screen a run uses {seconds[1]:.2f} s "
          f"({len(screened[0][1]):,} failures); pandera on the whole table {pandera_seconds[1]:.2f} s "
          f"({len(whole[0][1]):,} failures)")
    pandas_seconds, _ = _timed(table_to_pandas, claims, Claim)
    try:
        polars_seconds, _ = _timed(table_to_polars, claims, Claim)
        polars = f"; polars DataFrame {polars_seconds:.2f} s"
    except ImportError:
        polars = " (polars not installed)"
    print(f"  the same claims as a pandas DataFrame {pandas_seconds:.2f} s{polars}")


if __name__ == "__main__":
    main()
