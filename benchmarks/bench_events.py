"""Event clustering at scale: 100k and 1M synthetic claims with realistic block sizes.

Realistic: 6 event types, five years of dates, and one place per 2,500 claims (a corpus
ten times larger covers more places, so a block, one event type at one place, holds
about the same number of claims at both sizes); each event is reported by 1-30 claims
from 1-10 articles, a tenth of them with an open date, a tenth dated only to the month.
Each size runs in its own process, for its own peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys

SIZES = (100_000, 1_000_000)

_RUN = r"""
import json, random, resource, sys, time
from datetime import date, timedelta
from checker.config import Settings
from checker.knowledge import Knowledge
from checker.model import Claim

clusterer = Knowledge.load(Settings().lexicon_folders()).resolver().clusterer

n = int(sys.argv[1]); rng = random.Random(7)
places = [f"Place {i}" for i in range(max(1, n // 2500))]
types = ["rocket attack", "drone attack", "mortar attack", "missile attack", "airstrike", "bombing"]
start = date(2019, 1, 1)
claims, article = [], 0
while len(claims) < n:
    day = start + timedelta(days=rng.randrange(5 * 365))
    place, kind = rng.choice(places), rng.choice(types)
    for a in range(rng.randint(1, 10)):
        article += 1
        for c in range(rng.randint(1, 3)):
            shape = rng.random()
            low = high = day
            if shape < 0.1:
                low = high = None
            elif shape < 0.2:
                low, high = day.replace(day=1), day.replace(day=28)
            claims.append(Claim(claim_id=f"a{article}:{c}", article_id=f"a{article}", kind="count", value_low=1.0,
                                value_high=1.0, subject="rocket", predicate="fired", event_type=kind, place=place,
                                event_date_low=low, event_date_high=high))
claims = claims[:n]
if len(sys.argv) > 2:
    import gc; gc.disable()
started = time.perf_counter()
event_of, events = clusterer.cluster(claims, {})
elapsed = time.perf_counter() - started
print(json.dumps({"claims": len(claims), "events": len(events), "seconds": elapsed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    results = []
    for size in SIZES:
        output = subprocess.run([sys.executable, "-c", _RUN, str(size)], check=True, capture_output=True, text=True)
        result = json.loads(output.stdout.strip().splitlines()[-1])
        results.append(result)
        print(f"event clustering: {result['claims']:,} claims -> {result['events']:,} events in "
              f"{result['seconds']:.2f} s; peak memory {result['peak_mb']:,.0f} MB (generation included)")
    small, large = results
    print(f"  scaling: {large['claims'] / small['claims']:.0f}x claims took "
          f"{large['seconds'] / small['seconds']:.1f}x time (target <= 12x; 1M target < 60 s)")


if __name__ == "__main__":
    main()
