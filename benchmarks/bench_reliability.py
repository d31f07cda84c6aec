"""Source scoring at scale: 1,000,000 synthetic claims with known truth (tests/synthetic_sources.py),
scored in one process; and how well the scores rank the sources by their true error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_RUN = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from checker.reliability import score_sources
from tests.synthetic_sources import spearman, synthetic_corpus
errors = {f"Outlet {i:02d}": round(0.02 + 0.6 * i / 39, 3) for i in range(40)}
copiers = {"Reprint Service": "Outlet 20"}
events = int(sys.argv[1]) // 34 + 1  # about 35 claims an event
corpus = synthetic_corpus(events, {**errors, "Reprint Service": 0.3}, copiers=copiers,
                          lower_bound_sources=frozenset({"Outlet 05", "Outlet 25"}), seed=3)
started = time.perf_counter()
scores = score_sources(corpus.claims, corpus.articles, [])
elapsed = time.perf_counter() - started
outlets = {s.source: s.score for s in scores if s.level == "outlet"}
names = sorted(errors)
print(json.dumps({"claims": len(corpus.claims), "seconds": elapsed,
                  "spearman": spearman([outlets[n] for n in names], [-errors[n] for n in names]),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    output = subprocess.run([sys.executable, "-c", _RUN, "1000000", str(REPO)], capture_output=True, text=True,
                            check=True)
    result = json.loads(output.stdout.strip().splitlines()[-1])
    print(f"source scoring: {result['claims']:,} synthetic claims (41 outlets, one of them a reprint service) in "
          f"{result['seconds']:.1f} s; peak memory {result['peak_mb']:,.0f} MB (generation included)")
    print(f"  Spearman correlation of the learned outlet scores with the true error rates: {result['spearman']:.3f}")


if __name__ == "__main__":
    main()
