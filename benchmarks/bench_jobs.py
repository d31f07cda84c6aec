"""How much --jobs N speeds up extraction, and how much driver memory a run takes per claim.

    .venv/bin/python benchmarks/bench_jobs.py [--mb 15] [--jobs 2] [--repeat 3] [--memory]

Builds a corpus from the shared seeds (benchmarks/corpus.py), reads it once, then extracts it with
--jobs 1 and --jobs N (pool start and shutdown included), taking the median of --repeat runs. Wall
time is what a user waits for, but on a shared machine another process can take a core: the
"CPU-bound" figure divides --jobs 1's time by the parent's CPU time plus the workers' CPU time shared
among N cores, which is the wall time N free cores would take. --memory runs the pipeline on two
corpus sizes in fresh processes and reports how much memory the run's result holds per claim (the
driver's cost of a claim).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import build_corpus  # noqa: E402
from checker.config import Settings  # noqa: E402
from checker.ingest import read_inputs  # noqa: E402
from checker.knowledge import Knowledge  # noqa: E402
from checker.parallel import ProcessPool, open_workers  # noqa: E402
from checker.pipeline import extract  # noqa: E402


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def worker_cpu(pid: int) -> float:
    """CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_extraction(articles: list, knowledge: Knowledge, jobs: int) -> tuple[float, float, float, float, int]:
    """Wall seconds, parent CPU seconds, the busiest worker's CPU seconds, all workers' CPU seconds, claims:
    one extraction with ``jobs``."""
    wall, own = time.perf_counter(), cpu(resource.RUSAGE_SELF)
    busiest = total = 0.0
    with open_workers(Settings(jobs=jobs), knowledge) as workers:
        found = extract(articles, knowledge, workers)
        wall, own = time.perf_counter() - wall, cpu(resource.RUSAGE_SELF) - own
        if isinstance(workers, ProcessPool):
            each = [worker_cpu(pid) for pid in workers.executor._processes]  # noqa: SLF001 - a benchmark's look
            busiest, total = max(each), sum(each)
    return wall, own, busiest, total, len(found.claims)


MEMORY_PROBE = """
import json, os, resource, sys
from checker.config import Settings
from checker.knowledge import Knowledge
from checker.pipeline import run

def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

knowledge = Knowledge.load()
knowledge.extractor("en")
before = rss_mb()
result = run([sys.argv[1]], Settings(jobs=int(sys.argv[2])), knowledge=knowledge)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"claims": len(result.claims), "articles": len(result.articles), "mentions": len(result.mentions),
                  "held_mb": rss_mb() - before, "peak_rss_mb": peak}))
"""


def memory(folder: Path, megabytes: list[float], jobs: int) -> None:
    rows = []
    for size in megabytes:
        corpus = folder / f"memory-{size:g}"
        build_corpus(corpus, int(size * 1_000_000))
        out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(corpus), str(jobs)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"{size:>5g} MB corpus: {rows[-1]['articles']} articles, {rows[-1]['claims']} claims, "
              f"{rows[-1]['mentions']} event mentions; the result holds {rows[-1]['held_mb']:.0f} MB of the "
              f"driver's memory; peak RSS {rows[-1]['peak_rss_mb']:.0f} MB")
    (small, big) = rows[0], rows[-1]
    per_claim = (big["held_mb"] - small["held_mb"]) * 2**20 / (big["claims"] - small["claims"])
    print(f"driver memory per claim (with its share of articles, mentions, events and findings): "
          f"{per_claim / 1024:.1f} KB -> about {2**30 / per_claim:,.0f} claims per GB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=15.0, help="corpus size in MB (default 15)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="also measure driver memory per claim")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as folder:
        corpus = Path(folder) / "corpus"
        source, files, written = build_corpus(corpus, int(options.mb * 1_000_000))
        articles = read_inputs([corpus], Settings()).articles
        knowledge = Knowledge.load()
        knowledge.extractor("en")  # loaded before timing, as a run has it before extracting
        print(f"corpus: {written / 1e6:.1f} MB, {files} files from the {source}")
        results: dict[int, list[tuple[float, float, float, float, int]]] = {}
        for _ in range(options.repeat):
            for jobs in (1, options.jobs):
                results.setdefault(jobs, []).append(time_extraction(articles, knowledge, jobs))
        medians = {jobs: [statistics.median(run[i] for run in runs) for i in range(4)]
                   for jobs, runs in results.items()}
        claims = {run[4] for runs in results.values() for run in runs}
        assert len(claims) == 1, f"--jobs changed the number of claims: {claims}"
        for jobs, (wall, own, busiest, total) in medians.items():
            print(f"--jobs {jobs}: extraction {wall:6.2f} s wall ({written / 1e6 / wall:.2f} MB/s), "
                  f"parent CPU {own:6.2f} s, workers' CPU {total:6.2f} s (busiest {busiest:.2f} s)")
        one_wall, one_cpu = medians[1][0], medians[1][1]
        wall, own, busiest, _ = medians[options.jobs]
        print(f"speed-up of --jobs {options.jobs}: {one_wall / wall:.2f}x wall (median of {options.repeat}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); "
              f"{one_cpu / (own + busiest):.2f}x on free cores (--jobs 1 CPU / (parent CPU + busiest worker's CPU))")
        if options.memory:
            memory(Path(folder), [options.mb / 3, options.mb], options.jobs)


if __name__ == "__main__":
    main()
