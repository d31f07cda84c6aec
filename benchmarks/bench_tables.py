"""Tables at scale: pandera validation of 100,000 claims (every column of the Claim record, plus the
checks across columns), and the same claims as pandas and polars DataFrames."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from checker.frames import table_to_pandas, table_to_polars
from checker.model import Claim
from checker.pipeline import run
from checker.schemas import claim_failures

REPO = Path(__file__).resolve().parents[1]
CLAIMS = 100_000


def _timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - started, value


def main() -> None:
    example = run([REPO / "claims" / "corpus"])
    claims = [replace(claim, claim_id=f"{claim.claim_id}#{n}")
              for n in range(CLAIMS // len(example.claims) + 1) for claim in example.claims][:CLAIMS]
    runs = [_timed(claim_failures, claims, example.articles) for _ in range(3)]
    seconds = sorted(elapsed for elapsed, _ in runs)
    print(f"tables: validation of {len(claims):,} claims ({len(Claim.__dataclass_fields__)} columns + 3 derived, "
          f"4 checks across columns): median {seconds[1]:.2f} s of 3 runs; {len(runs[0][1]):,} failures")
    pandas_seconds, _ = _timed(table_to_pandas, claims, Claim)
    try:
        polars_seconds, _ = _timed(table_to_polars, claims, Claim)
        polars = f"; polars DataFrame {polars_seconds:.2f} s"
    except ImportError:
        polars = " (polars not installed)"
    print(f"  the same claims as a pandas DataFrame {pandas_seconds:.2f} s{polars}")


if __name__ == "__main__":
    main()
