"""Run every benchmark and print its figures (``make bench``)."""

from __future__ import annotations

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_scan.py", "bench_events.py", "bench_ledger.py", "bench_reliability.py", "bench_tables.py"]

if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"== {name}")
        runpy.run_path(str(HERE / name), run_name="__main__")
