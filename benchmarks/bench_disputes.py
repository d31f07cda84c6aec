"""Disputes at scale: a ledger scan of 2,000 and of 10,000 synthetic articles, time and peak memory of each.

Each incident (a rocket attack on a real place on one day) is carried by many outlets, and each of its
quantities has two or three positions: the rockets fired as counted by two or three bodies, the wounded as
counted by one or two. When findings were pairs, every outlet's copy of one position met every copy of the
other, and the findings grew with the square of the outlets; with disputes there is one finding per
disputed quantity, and the scan grows with the articles.

Targets (issue 18): 10,000 articles take at most 6x the time of 2,000, and the scan's peak memory (max
resident set of the process and its workers) stays under 600 MB. The articles are written from templates in
our own words. Give other sizes as arguments: ``bench_disputes.py 1000 5000``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SIZES = [int(arg) for arg in sys.argv[1:]] or [2_000, 10_000]
OUTLETS_PER_INCIDENT = 25
PLACES = ["Green Zone", "Erbil", "Camp Taji", "Ain al-Asad", "Baghdad International Airport", "Basra", "Kirkuk",
          "Mosul", "Tikrit", "Samarra"]
BODIES = ["Iraq's military", "U.S. Central Command", "the Pentagon", "local police", "a coalition spokesman"]
TIME_RATIO_TARGET = 6.0
PEAK_MB_TARGET = 600


def incident(rng: random.Random, number: int) -> dict:
    """One attack: its place and day, and the positions each body takes on what it counts."""
    day = date(2016, 1, 1) + timedelta(days=number * 3 + rng.randrange(3))
    fired = rng.randint(4, 20)
    bodies = rng.sample(BODIES, 3)
    rockets = {bodies[0]: fired, bodies[1]: fired + rng.choice([3, 7, 13])}
    if rng.random() < 0.5:
        rockets[bodies[2]] = fired + 20
    wounded = {bodies[0]: rng.randint(1, 5)}
    if rng.random() < 0.5:
        wounded[bodies[1]] = wounded[bodies[0]] + 4
    return {"place": PLACES[number % len(PLACES)], "day": day, "rockets": rockets, "wounded": wounded}


def article(rng: random.Random, event: dict, index: int) -> dict:
    """One outlet's story of an incident: one body's count of rockets and one's of the wounded."""
    rocket_body, fired = rng.choice(list(event["rockets"].items()))
    wound_body, wounded = rng.choice(list(event["wounded"].items()))
    day = event["day"]
    text = (f"{rocket_body.capitalize()} said {fired} rockets were fired at the {event['place']} on "
            f"{day:%A, %B} {day.day}, {day.year}. {wounded} people were wounded, according to {wound_body}. "
            "Roads around the site were closed for several hours and residents were told to stay indoors.")
    published = day + timedelta(days=rng.randint(0, 1))
    return {"id": f"dsp-{index:06d}", "outlet": f"Outlet {index % 97}", "published": published.isoformat(),
            "title": f"Rockets hit {event['place']}", "text": text}


def write_corpus(path: Path, articles: int) -> int:
    rng = random.Random(18)
    with path.open("w", encoding="utf-8") as handle:
        for index in range(articles):
            if index % OUTLETS_PER_INCIDENT == 0:
                event = incident(rng, index // OUTLETS_PER_INCIDENT)
            handle.write(json.dumps(article(rng, event, index)) + "\n")
    return path.stat().st_size


def timed_scan(manifest: Path, ledger: Path) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB of the scan and its workers, and the scan's closing line."""
    command = [sys.executable, "-m", "checker", "scan", str(manifest), "--ledger", str(ledger), "--batch-size",
               "2000", "--max-file-bytes", str(manifest.stat().st_size + 1)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"scan of {manifest.name} failed: {stderr.strip()[-400:]}")
    return seconds, usage.ru_maxrss / 1024, stderr.strip().splitlines()[-1]


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory(prefix="checker-disputes-") as tmp:
        for size in SIZES:
            manifest = Path(tmp) / f"incidents-{size}.jsonl"
            megabytes = write_corpus(manifest, size) / 1e6
            seconds, peak, closing = timed_scan(manifest, Path(tmp) / f"ledger-{size}.duckdb")
            results.append((size, seconds, peak))
            print(f"disputes: scan of {size:,} articles ({megabytes:.1f} MB, {OUTLETS_PER_INCIDENT} outlets per "
                  f"incident) in {seconds:.1f} s, peak memory {peak:.0f} MB")
            print(f"  {closing}")
    if len(results) >= 2:
        (small, small_seconds, _), (large, large_seconds, large_peak) = results[0], results[-1]
        ratio = large_seconds / small_seconds
        print(f"  {large // small}x the articles took {ratio:.1f}x the time (target <= {TIME_RATIO_TARGET:g}x: "
              f"{'met' if ratio <= TIME_RATIO_TARGET else 'missed'}); peak {large_peak:.0f} MB (target < "
              f"{PEAK_MB_TARGET} MB: {'met' if large_peak < PEAK_MB_TARGET else 'missed'})")


if __name__ == "__main__":
    main()
