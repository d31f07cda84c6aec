"""The ledger at scale: 10,000 synthetic articles scanned into a ledger, then `checker check` on a
1,500-word draft against it, start-up included, median of 5 runs.

It was 100,000 articles until the general event resolution: on these templates (many articles per
attack, each with differing figures) the findings on record grow faster than the articles, and a
scan of 100,000 ran out of memory (README, Known gaps). Give the number as the first argument.

The synthetic articles are written from templates in our own words: real place names from the
gazetteer, five years of dates, figures from several speakers per attack.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ARTICLES = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
CHECK_RUNS = 5
PLACES = ["Green Zone", "Erbil", "Camp Taji", "Ain al-Asad", "Baghdad International Airport", "K-1 base", "Basra",
          "Kirkuk"]
SPEAKERS = ["Iraq's military", "U.S. Central Command", "the Pentagon", "local police", "a coalition spokesman",
            "Kurdish security officials"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _article(rng: random.Random, index: int) -> dict:
    day = date(2018, 1, 1) + timedelta(days=rng.randrange(5 * 365))
    place = rng.choice(PLACES)
    first, second, third = rng.sample(SPEAKERS, 3)
    fired = rng.randint(2, 25)
    published = day + timedelta(days=rng.randint(0, 2))
    text = (
        f"{first.capitalize()} said {fired} rockets were fired at the {place} on {day:%A, %B} {day.day}, {day.year}. "
        f"{second.capitalize()} put the number at {fired + rng.choice([0, 0, 1, 3])}. "
        f"{NUMBER_WORDS[rng.randrange(12)].capitalize()} people were wounded, according to {third}. "
        "Damage to nearby buildings was reported, and the roads around the site were closed for several hours."
    )
    return {"id": f"syn-{index:06d}", "outlet": f"Synthetic Wire {index % 40}", "published": published.isoformat(),
            "title": f"Rockets hit {place}", "text": text}


def _draft(directory: Path) -> Path:
    """About 1,500 words: figures about an attack on record, and plain reporting around them."""
    paragraph = ("Residents described a long night of sirens and closed roads, and shopkeepers near the site said they "
                 "would stay shut until the authorities declared the area safe. Diplomats in the city met on Monday "
                 "to discuss security arrangements for the coming weeks, officials said. ")
    figures = ("U.S. Central Command said 14 rockets were fired at the Green Zone on Sunday, March 15, 2020. "
               "Iraq's military put the number at nine. Three people were wounded, according to local police. ")
    words = (figures + paragraph * 40).split()
    text = "---\ntitle: Rockets hit the Green Zone\npublished: 2020-03-17\n---\n\n" + " ".join(words[:1500]) + "\n"
    path = directory / "draft.md"
    path.write_text(text, encoding="utf-8")
    return path


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    rng = random.Random(11)
    checker = [sys.executable, "-m", "checker"]
    with tempfile.TemporaryDirectory(prefix="checker-ledger-") as tmp:
        directory = Path(tmp)
        manifest = directory / "synthetic.jsonl"
        with manifest.open("w", encoding="utf-8") as handle:
            for index in range(ARTICLES):
                handle.write(json.dumps(_article(rng, index)) + "\n")
        size = manifest.stat().st_size
        ledger = directory / "ledger.duckdb"
        started = time.perf_counter()
        scan = [*checker, "scan", str(manifest), "--ledger", str(ledger), "--batch-size", "2000",
                "--max-file-bytes", str(size + 1)]  # one manifest of every article, over the 10 MB default
        scanned = subprocess.run(scan,
                                 capture_output=True, text=True)
        scan_seconds = time.perf_counter() - started
        if scanned.returncode != 0:
            print(f"ledger scan failed: {scanned.stderr.strip()[-500:]}")
            return
        print(f"ledger: {ARTICLES:,} synthetic articles ({size / 1e6:.1f} MB) scanned in {scan_seconds:.1f} s "
              f"({ARTICLES / scan_seconds:,.0f} articles/s); ledger file {ledger.stat().st_size / 1e6:.1f} MB")
        print(f"  {scanned.stderr.strip().splitlines()[-1]}")
        rescan = _timed(scan)
        print(f"  rescan with nothing changed: {rescan:.1f} s")
        draft = _draft(directory)
        startup = statistics.median(_timed([sys.executable, "-c", "import checker.cli, checker.pipeline, "
                                            "checker.prepublication, checker.ledger"]) for _ in range(CHECK_RUNS))
        checks = [_timed([*checker, "check", str(draft), "--ledger", str(ledger)]) for _ in range(CHECK_RUNS)]
        median = statistics.median(checks)
        print(f"check of a 1,500-word draft against the ledger: median {median:.2f} s of {CHECK_RUNS} runs "
              f"({', '.join(format(t, '.2f') for t in checks)}), start-up included")
        print(f"  start-up (imports) {startup:.2f} s (target < 1.5 s); after start-up {median - startup:.2f} s "
              f"(target < 1 s)")


if __name__ == "__main__":
    main()
