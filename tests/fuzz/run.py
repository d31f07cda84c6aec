"""``make fuzz``: run every fuzz target in tests/fuzz at volume and print inputs, crashes and slow inputs.

Usage: python tests/fuzz/run.py [--examples N] [--mutants N] [--min-inputs N] [-k EXPRESSION]

Each target runs ``--examples`` hypothesis examples (default 500; some targets take a share,
see ``fuzz_settings(weight)``), each also read as ``--mutants`` random mutants of itself
(default 35): about 18,000 inputs per target, random each run. Exit status 0 when every target
passed, nothing crashed, no input took more than a second and at least ``--min-inputs``
inputs were tried in all; 1 otherwise. A crash is kept by hypothesis (``.hypothesis/``) and
replayed first on the next run; turn it into a regression test beside the reader it broke.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FUZZ_DIR = Path(__file__).resolve().parent
REPO_ROOT = FUZZ_DIR.parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=500, help="hypothesis examples per fuzz target (default 500)")
    parser.add_argument("--mutants", type=int, default=35, help="mutants read per example (default 35)")
    parser.add_argument("--min-inputs", type=int, default=200_000, help="fail when fewer inputs were tried in all")
    parser.add_argument("-k", dest="select", help="only the targets whose test names match (pytest -k)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        stats_file = Path(scratch) / "fuzz-counts.json"
        environment = dict(os.environ, CHECKER_FUZZ="volume", CHECKER_FUZZ_EXAMPLES=str(options.examples),
                           CHECKER_FUZZ_MUTANTS=str(options.mutants), CHECKER_FUZZ_STATS=str(stats_file))
        command = [sys.executable, "-m", "pytest", str(FUZZ_DIR), "-q", "-p", "no:cacheprovider", "-p", "no:logging"]
        if options.select:
            command += ["-k", options.select]
        start = time.perf_counter()
        tests = subprocess.run(command, cwd=REPO_ROOT, env=environment, check=False)
        elapsed = time.perf_counter() - start
        counts = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.is_file() else {}

    inputs = sum(seen["inputs"] for seen in counts.values())
    crashes = sum(seen["crashes"] for seen in counts.values())
    slow = sum(seen["slow"] for seen in counts.values())
    print(f"\nmake fuzz: {len(counts)} targets, {inputs:,} inputs, {crashes} crashes, {slow} inputs slower than 1 s, "
          f"{elapsed:.0f} s in all")
    for target, seen in counts.items():
        print(f"  {target:28} {seen['inputs']:>9,} inputs {seen['crashes']:>4} crashes {seen['slow']:>4} slow "
              f"(slowest {seen['slowest_seconds']:.2f} s)")
        for sample in seen["samples"]:
            print(f"      {sample}")
    short = options.select is None and inputs < options.min_inputs
    if short:
        print(f"fewer than {options.min_inputs:,} inputs: raise --examples or --mutants")
    return 0 if tests.returncode == 0 and not crashes and not slow and not short else 1


if __name__ == "__main__":
    sys.exit(main())
