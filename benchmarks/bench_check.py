"""``checker check`` of a short draft, as a pre-commit hook runs it: wall time with the cache warm and cold.

The record is the dev set (``../shared/devset/corpus.jsonl``) when it is there, else the example corpus
(``claims/corpus``). Each run is a fresh process with the package's bytecode written, as for an installed
checker:

- **warm**: the cache folder as the run before left it (the language pack, the gazetteer, the compiled
  patterns and the record's claims are read from it);
- **an article added**: the same, with one more article on record than the run before (it alone is
  extracted, and the record assessed again);
- **cold**: a cache folder holding only the world's places (what every version before the cache kept),
  so the pack, the gazetteer, the patterns and the record are built, as after an upgrade;
- **no cache**: ``--no-cache``, nothing read or written (the world's places built too), once, for scale.

``BENCH_CHECK_RUNS`` runs of each (default 7); the medians are printed, and ``check_rows`` gives them to
``run.py``'s table. ``python benchmarks/bench_check.py`` runs it alone.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from run import Usage

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEVSET = REPO.parent / "shared" / "devset" / "corpus.jsonl"
EXAMPLES = REPO / "claims" / "corpus"
RUNS = int(os.environ.get("BENCH_CHECK_RUNS", "7"))
TARGET_SECONDS = 0.5  # issue 21: a check an editor's hook can run on every commit
DRAFT = ("---\ntitle: Toll of the Balasore rail crash\npublished: 2023-06-05\n---\n\n"
         "Officials of the Odisha government put the number of people killed in the Balasore train crash "
         "on Friday, June 2, at 257.\n")


ADDED = {"outlet": "Harbour Evening Post", "published": "2023-06-06",
         "text": "A bus overturned on a hill road outside Kandy on Monday, and police said {n} passengers were "
                 "taken to hospital."}


def record() -> tuple[Path, str]:
    """The record to check against, and how a table names it."""
    return (DEVSET, "`../shared/devset`") if DEVSET.is_file() else (EXAMPLES, "`claims/corpus`")


def check_times(runs: int = RUNS) -> dict[str, list[Usage]]:
    """The usage of ``runs`` warm and cold runs and of one run without the cache (``run.Usage`` each)."""
    sys.path.insert(0, str(HERE))
    from run import CHECKER, measured

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed checker: bytecode written once, then read
    against, _ = record()
    with tempfile.TemporaryDirectory(prefix="checker-bench-check-") as tmp:
        folder = Path(tmp)
        draft = folder / "draft.md"
        draft.write_text(DRAFT, encoding="utf-8")
        warm_cache, cold_cache, world = folder / "warm", folder / "cold", folder / "world"
        copy = folder / against.name  # a copy of the record, one article longer for each run that adds one
        if against.is_dir():
            shutil.copytree(against, copy)
        else:
            shutil.copy(against, copy)
        command = [*CHECKER, "check", str(draft), "--against", str(against)]

        def add_an_article(number: int) -> None:
            article = {**ADDED, "id": f"added-{number}", "text": ADDED["text"].format(n=number + 2)}
            if copy.is_dir():
                (copy / f"added-{number}.md").write_text(
                    f"---\noutlet: {article['outlet']}\npublished: {article['published']}\n---\n\n{article['text']}\n",
                    encoding="utf-8")
            else:
                with copy.open("a", encoding="utf-8") as manifest:
                    manifest.write(json.dumps(article) + "\n")

        def with_cache(cache: Path, *extra: str, record: Path = against) -> Usage:
            usage = measured([*command[:-1], str(record), *extra], env={**os.environ, "CHECKER_CACHE_DIR": str(cache)})
            if usage.returncode not in (0, 1):
                raise RuntimeError(f"checker check failed (exit {usage.returncode}): {usage.stderr.strip()[-800:]}")
            return usage

        with_cache(world)  # the world's places (and the bytecode): what every run below starts from
        for path in list(world.iterdir()):
            if not path.name.startswith("world"):
                path.unlink()
        shutil.copytree(world, warm_cache)
        with_cache(warm_cache)  # fills the warm cache
        with_cache(warm_cache, record=copy)  # and keeps the copy of the record
        warm, added, cold = [], [], []
        for number in range(runs):  # in turn, so a change in the machine's load touches all alike
            warm.append(with_cache(warm_cache))
            add_an_article(number)
            added.append(with_cache(warm_cache, record=copy))
            shutil.rmtree(cold_cache, ignore_errors=True)
            shutil.copytree(world, cold_cache)
            cold.append(with_cache(cold_cache))
        uncached = [with_cache(folder / "unused", "--no-cache")]
    return {"warm": warm, "an article added": added, "cold": cold, "no cache": uncached}


def check_rows(times: dict[str, list[Usage]]) -> list[tuple[str, str, str, str]]:
    """Rows (figure, measured, target, verdict) for ``run.py``'s table."""
    _, name = record()
    rows = []
    for kind, target in (("warm", f"< {TARGET_SECONDS} s"), ("an article added", ""), ("cold", ""), ("no cache", "")):
        usages = times[kind]
        wall = statistics.median(u.wall for u in usages)
        runs = ", ".join(f"{u.wall:.2f}" for u in usages)
        label = {"warm": "cache warm", "an article added": "cache warm, one more article on record than the run before",
                 "cold": "cache cold: pack, places, patterns and record built",
                 "no cache": "`--no-cache`, the world's places built too"}[kind]
        measured = (f"**{wall:.2f} s** (" + (f"runs {runs}; " if len(usages) > 1 else "")
                    + f"CPU {statistics.median(u.cpu for u in usages):.2f} s; "
                    f"{max(u.peak_mb for u in usages):,.0f} MB)")
        verdict = ("met" if wall < TARGET_SECONDS else "**missed**") if target else ""
        rows.append((f"`checker check` of a short draft against {name}, {label}, median of {len(usages)}",
                     measured, target, verdict))
    return rows


def main() -> None:
    print("| figure | measured | target | |\n|---|---|---|---|")
    for row in check_rows(check_times()):
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
