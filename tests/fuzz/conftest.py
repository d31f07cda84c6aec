"""Fuzz targets report what they saw: inputs, crashes and slow inputs per target (and to a file for run.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fuzz_harness import SLOW_SECONDS, counts_as_dict


def pytest_terminal_summary(terminalreporter) -> None:
    counts = counts_as_dict()
    if not counts:
        return
    terminalreporter.section("fuzz targets")
    slow = f"> {SLOW_SECONDS:.0f} s"
    terminalreporter.write_line(f"{'target':28} {'inputs':>9} {'crashes':>8} {slow:>6} {'slowest':>8} {'in code':>8}")
    for target, seen in counts.items():
        terminalreporter.write_line(
            f"{target:28} {seen['inputs']:>9,} {seen['crashes']:>8} {seen['slow']:>6} "
            f"{seen['slowest_seconds']:>7.2f}s {seen['seconds']:>7.1f}s"
        )


def pytest_sessionfinish(session) -> None:
    destination = os.environ.get("CHECKER_FUZZ_STATS")
    if destination:
        Path(destination).write_text(json.dumps(counts_as_dict(), indent=2), encoding="utf-8")
