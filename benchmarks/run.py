"""``make bench``: the figures of the speed targets in one table, then the secondary benchmarks.

For a corpus of ``BENCH_MB`` megabytes (default 50) built by ``corpus.build_corpus``, one run measures:

- MB/s per core of the whole command ``checker report CORPUS --format json --output FILE --jobs 1``
  (CPU time, user + system, of the process and its children, from ``os.wait4``) and of extraction
  alone (reading and extracting, in one process: the ``ingest`` and ``extraction`` stages of the growth
  run, else ``checker.pipeline``'s pieces timed by ``time.process_time``);
- the references on the same texts: spaCy's blank English tokenizer (no pipeline components) and
  the regex floor ``\\w+|[^\\w\\s]``, and the ratio of the command and of extraction to spaCy;
- the ``--jobs 2`` speed-up (wall time of ``--jobs 1`` over ``--jobs 2``) and the peak memory (max
  resident set) of the whole command;
- the growth of every stage at 10x the corpus (``bench_growth.stage_times`` at BENCH_MB/10 and BENCH_MB);
- ``checker check`` of a 1,500-word draft against ``claims/corpus`` (wall time, median of 5) and its
  start-up part (``checker --version``);
- ``checker check`` of a short draft against ``../shared/devset`` (else ``claims/corpus``) with the cache
  warm, cold and off (``bench_check.py``).

The whole command is run ``BENCH_RUNS`` times (default 3) with each ``--jobs`` and the spaCy and regex
references timed as often, and the medians are given; the growth run is one run at each size. Each run is
a fresh process. Progress goes to stderr, the table (Markdown) to stdout. ``BENCH_MB=10 make bench`` is a quick try;
``BENCH_SECONDARY=0`` leaves out the secondary benchmarks.
"""

from __future__ import annotations

import json
import os
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXAMPLES = REPO / "claims" / "corpus"
sys.path.insert(0, str(HERE))
from corpus import build_corpus  # noqa: E402

MB = 1e6
CORPUS_MB = float(os.environ.get("BENCH_MB", "50"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CHECK_RUNS = 5
DRAFT_WORDS = 1500
SECONDARY = ["bench_events.py", "bench_ledger.py", "bench_disputes.py", "bench_reliability.py", "bench_tables.py"]
CHECKER = [sys.executable, "-m", "checker"]

# Targets (issue 12).
MBS_PER_CORE = 2.5
JOBS_2_SPEEDUP = 1.7
PEAK_MB = 1000
GROWTH_AT_10X = 11.0
CHECK_SECONDS = 0.6
STARTUP_SECONDS = 0.4


@dataclass(frozen=True)
class Usage:
    """What one command used: wall and CPU seconds (its own and its children's), its largest resident set."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    stderr: str


def measured(command: list[str], env: dict[str, str] | None = None) -> Usage:
    """Run ``command`` (in ``env``, default this process's environment) and take its resource usage from
    ``wait4``: the CPU time of the process and of the children it waited for (a worker pool), and the largest
    resident set among them."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    return Usage(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, text)


def child_json(code: str, *args: str) -> dict:
    """Run Python ``code`` in a fresh process and read the JSON object on its last line of output."""
    output = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                            cwd=REPO)
    result: dict = json.loads(output.stdout.strip().splitlines()[-1])
    return result


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def runs_text(values: list[float], digits: int = 1) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


# --- the figures ---------------------------------------------------------------------------------------


def report_command(corpus: Path, output: Path, jobs: int | None) -> list[str]:
    command = [*CHECKER, "report", str(corpus), "--format", "json", "--output", str(output), "--exit-zero"]
    return command + (["--jobs", str(jobs)] if jobs is not None else [])


def jobs_supported() -> bool:
    """Whether ``checker report`` takes ``--jobs`` (it says so in its help)."""
    help_text = subprocess.run([*CHECKER, "report", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in help_text


def whole_command(corpus: Path, output: Path, jobs: int | None) -> list[Usage]:
    usages = []
    for run in range(RUNS):
        usage = measured(report_command(corpus, output, jobs))
        if usage.returncode not in (0, 1):
            raise RuntimeError(f"checker report failed (exit {usage.returncode}): {usage.stderr.strip()[-800:]}")
        option = "" if jobs is None else f" --jobs {jobs}"
        progress(f"  report{option}: run {run + 1}: {usage.cpu:.1f} s CPU, {usage.wall:.1f} s wall, "
                 f"{usage.peak_mb:,.0f} MB")
        usages.append(usage)
    return usages


_EXTRACTION = r"""
import json, sys, time
from pathlib import Path
from checker.config import Settings
from checker.ingest import read_inputs
from checker.knowledge import Knowledge
from checker.pipeline import extract
settings = Settings()
knowledge = Knowledge.load(settings.lexicon_folders())
knowledge.extractor("en")  # the language pack loads on first use: start-up, not extraction
cpu, wall = time.process_time(), time.perf_counter()
ingested = read_inputs([Path(sys.argv[1])], settings)
found = extract(ingested.articles, knowledge)
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                  "articles": len(found.articles), "claims": len(found.claims), "failures": len(found.failures)}))
"""

_REFERENCES = r"""
import json, pathlib, re, statistics, sys, time
import spacy
runs = int(sys.argv[2])
texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*"))
         if p.is_file()]
nlp = spacy.blank("en")  # the tokenizer alone: a blank pipeline has no components
word = re.compile(r"\w+|[^\w\s]")
def timed(count):
    started = time.process_time()
    tokens = count()
    return time.process_time() - started, tokens
spacy_runs = [timed(lambda: sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=1000)))
              for _ in range(runs)]
regex_runs = [timed(lambda: sum(len(word.findall(text)) for text in texts)) for _ in range(runs)]
print(json.dumps({"spacy": [s for s, _ in spacy_runs], "spacy_tokens": spacy_runs[0][1],
                  "regex": [s for s, _ in regex_runs], "regex_tokens": regex_runs[0][1],
                  "spacy_version": spacy.__version__}))
"""

_GROWTH = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from bench_growth import stage_times
print(json.dumps(stage_times(sys.argv[2])))
"""


def stage_growth(small: Path, large: Path) -> dict[str, tuple[float, float]] | str:
    """Each stage's CPU seconds at both sizes, or why they could not be measured."""
    try:
        import bench_growth  # noqa: F401 - only to learn whether it is there
    except ImportError:
        return "n/a (no benchmarks/bench_growth.py)"
    try:
        small_times = child_json(_GROWTH, str(HERE), str(small))
        large_times = child_json(_GROWTH, str(HERE), str(large))
    except subprocess.CalledProcessError as error:
        return f"n/a (stage_times failed: {(error.stderr or '').strip().splitlines()[-1:]})"
    return {stage: (small_times[stage], large_times[stage]) for stage in small_times if stage in large_times}


def draft_from_examples(path: Path) -> Path:
    """A 1,500-word draft in Markdown from the paragraphs of the example corpus's Markdown articles: figures,
    speakers and dates on record, so the check has work to do."""
    paragraphs = []
    for article in sorted(EXAMPLES.glob("*.md")):
        body = article.read_text(encoding="utf-8").split("---", 2)[-1]
        paragraphs += [" ".join(p.split()) for p in body.split("\n\n") if p.strip() and not p.startswith("#")]
    words: list[str] = []
    chosen = []
    while len(words) < DRAFT_WORDS:
        for paragraph in paragraphs:
            chosen.append(paragraph)
            words += paragraph.split()
            if len(words) >= DRAFT_WORDS:
                break
    text = "\n\n".join(chosen)
    path.write_text("---\ntitle: Rockets and drones over Baghdad\npublished: 2021-03-01\n---\n\n"
                    f"# Rockets and drones over Baghdad\n\n{text}\n", encoding="utf-8")
    return path


# --- the table -----------------------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    measured: str
    target: str
    verdict: str


def verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "**missed**")


def markdown_table(rows: list[Row]) -> str:
    lines = ["| figure | measured | target | |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.measured} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines)


def extraction_alone(corpus: Path, growth: dict[str, tuple[float, float]] | str) -> tuple[list[float], int | None]:
    """CPU seconds of reading and extracting the corpus in one process: the ``ingest`` and ``extraction``
    stages of the growth run when there is one (one run), else ``RUNS`` runs of ``_EXTRACTION``; and the
    number of claims when known."""
    if not isinstance(growth, str) and "ingest" in growth and "extraction" in growth:
        return [growth["ingest"][1] + growth["extraction"][1]], None
    runs = [child_json(_EXTRACTION, str(corpus)) for _ in range(RUNS)]
    return [run["cpu"] for run in runs], runs[0]["claims"]


def main() -> None:
    # As a user runs it: the package's bytecode written once and read after (an environment that forbids
    # writing it would charge every run for compiling the source), and one run of each command first.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        directory = Path(tmp)
        corpus, small = directory / "corpus", directory / "corpus-tenth"
        started = time.perf_counter()
        source, files, size = build_corpus(corpus, int(CORPUS_MB * MB))
        _, small_files, small_size = build_corpus(small, int(CORPUS_MB * MB / 10))
        progress(f"corpus: {files:,} files, {size / MB:.1f} MB from the {source}; a tenth of it: {small_files:,} "
                 f"files, {small_size / MB:.1f} MB (built in {time.perf_counter() - started:.0f} s)")
        output = directory / "report.json"

        jobs = jobs_supported()  # also the warm-up of the command line
        progress(f"whole command, {RUNS} runs" + ("" if jobs else " (this checker has no --jobs option)"))
        one = whole_command(corpus, output, 1 if jobs else None)
        two = whole_command(corpus, output, 2) if jobs else []

        progress(f"growth per stage: {small_size / MB:.1f} MB and {size / MB:.1f} MB")
        growth = stage_growth(small, corpus)
        progress("extraction alone" + (" (from the growth run)" if not isinstance(growth, str) else ""))
        extraction, claims = extraction_alone(corpus, growth)

        progress(f"spaCy blank tokenizer and the regex floor, {RUNS} runs each")
        try:
            references: dict | None = child_json(_REFERENCES, str(corpus), str(RUNS))
        except subprocess.CalledProcessError as error:
            references = None
            progress(f"  no spaCy reference: {(error.stderr or '').strip().splitlines()[-1:]}")

        progress(f"checker check, {CHECK_RUNS} runs")
        draft = draft_from_examples(directory / "draft.md")
        measured([*CHECKER, "check", str(draft), "--against", str(EXAMPLES)])  # warm-up: bytecode, the world cache
        check = [measured([*CHECKER, "check", str(draft), "--against", str(EXAMPLES)]) for _ in range(CHECK_RUNS)]
        if any(u.returncode not in (0, 1) for u in check):
            raise RuntimeError(f"checker check failed: {check[0].stderr.strip()[-800:]}")
        startup = [measured([*CHECKER, "--version"]) for _ in range(CHECK_RUNS)]
        progress("checker check of a short draft, the cache warm and cold")
        from bench_check import check_rows, check_times

        short_check = check_rows(check_times())

    cpu, command_wall = median([u.cpu for u in one]), median([u.wall for u in one])
    command_rate = size / MB / cpu
    rows.append(Row(f"`checker report` (JSON to a file{', `--jobs 1`' if jobs else ''}), CPU per core, "
                    f"{size / MB:.1f} MB ({files:,} files)",
                    f"**{command_rate:.2f} MB/s** ({cpu:.1f} s CPU; runs {runs_text([u.cpu for u in one])} s; "
                    f"wall {command_wall:.1f} s)",
                    f">= {MBS_PER_CORE} MB/s", verdict(command_rate >= MBS_PER_CORE)))
    extraction_rate = size / MB / median(extraction)
    rows.append(Row("extraction alone (read + extract, in one process), CPU",
                    f"**{extraction_rate:.2f} MB/s** ({median(extraction):.1f} s; runs {runs_text(extraction)} s"
                    + (f"; {claims:,} claims)" if claims is not None else ")"), "", ""))
    if references is not None:
        spacy_rate = size / MB / median(references["spacy"])
        regex_rate = size / MB / median(references["regex"])
        rows.append(Row(f"reference: spaCy {references['spacy_version']} `spacy.blank(\"en\")` tokenizer alone, "
                        "same texts",
                        f"{spacy_rate:.2f} MB/s ({references['spacy_tokens']:,} tokens; runs "
                        f"{runs_text(references['spacy'])} s)", "", ""))
        rows.append(Row(r"reference: regex floor `re.findall(r'\w+|[^\w\s]')`, same texts",
                        f"{regex_rate:.2f} MB/s ({references['regex_tokens']:,} tokens)", "", ""))
        rows.append(Row("whole command / spaCy tokenizer", f"**{command_rate / spacy_rate:.2f}x**",
                        "> 1x (faster than spaCy)", verdict(command_rate > spacy_rate)))
        rows.append(Row("extraction alone / spaCy tokenizer", f"{extraction_rate / spacy_rate:.2f}x", "> 1x",
                        verdict(extraction_rate > spacy_rate)))
    else:
        rows.append(Row("whole command / spaCy tokenizer", "n/a (spaCy not installed: `pip install -e .[bench]`)",
                        "> 1x", verdict(None)))
    if two:
        two_wall = median([u.wall for u in two])
        speedup = command_wall / two_wall
        rows.append(Row("`--jobs 2` speed-up of the whole command (wall time of `--jobs 1` / `--jobs 2`)",
                        f"**{speedup:.2f}x** ({command_wall:.1f} s / {two_wall:.1f} s; CPU "
                        f"{median([u.cpu for u in two]):.1f} s)",
                        f">= {JOBS_2_SPEEDUP}x", verdict(speedup >= JOBS_2_SPEEDUP)))
    else:
        rows.append(Row("`--jobs 2` speed-up", "n/a (no --jobs)", f">= {JOBS_2_SPEEDUP}x", verdict(None)))
    peak = max(u.peak_mb for u in one)
    rows.append(Row(f"peak memory of the whole command (max resident set{', `--jobs 1`' if jobs else ''})",
                    f"**{peak:,.0f} MB**", f"< {PEAK_MB:,} MB", verdict(peak < PEAK_MB)))
    rows += growth_rows(growth, size / small_size)
    check_wall, startup_wall = median([u.wall for u in check]), median([u.wall for u in startup])
    rows.append(Row(f"`checker check` of a {DRAFT_WORDS:,}-word draft against `claims/corpus`, median of "
                    f"{CHECK_RUNS}",
                    f"**{check_wall:.2f} s** (runs {runs_text([u.wall for u in check], 2)}; CPU "
                    f"{median([u.cpu for u in check]):.2f} s)",
                    f"< {CHECK_SECONDS} s", verdict(check_wall < CHECK_SECONDS)))
    rows.append(Row(f"its start-up: `checker --version`, median of {CHECK_RUNS}",
                    f"**{startup_wall:.2f} s** (CPU {median([u.cpu for u in startup]):.2f} s)",
                    f"< {STARTUP_SECONDS} s", verdict(startup_wall < STARTUP_SECONDS)))
    rows += [Row(*row) for row in short_check]

    print(f"Speed and scale: {size / MB:.1f} MB corpus from the {source}, medians of {RUNS} runs, "
          f"{os.cpu_count()} cores (`BENCH_MB={CORPUS_MB:g} make bench`)\n")
    print(markdown_table(rows), flush=True)


def growth_rows(growth: dict[str, tuple[float, float]] | str, factor: float) -> list[Row]:
    """One row per stage that takes half a second or more at the larger size, the slowest first, and one row
    for the others (a stage of a few milliseconds at both sizes gives a ratio of noise). The target is 1.1
    times the growth of the corpus (11x at 10x)."""
    limit = GROWTH_AT_10X / 10 * factor
    target = f"<= {limit:.1f}x"
    if isinstance(growth, str):
        return [Row("10x the corpus, every stage", growth, target, verdict(None))]
    rows, small_stages = [], []
    for stage, (at_small, at_large) in sorted(growth.items(), key=lambda item: -item[1][1]):
        ratio = at_large / at_small if at_small > 0 else float("inf")
        if at_large < 0.5:
            small_stages.append((ratio, stage))
            continue
        rows.append(Row(f"{factor:.1f}x the corpus: {stage}",
                        f"{ratio:.1f}x ({at_small:.2f} s -> {at_large:.2f} s CPU)", target,
                        verdict(ratio <= limit)))
    if small_stages:
        worst, stage = max(small_stages)
        rows.append(Row(f"{factor:.1f}x the corpus: {len(small_stages)} other stages, each < 0.5 s",
                        f"up to {worst:.1f}x ({stage})", target, "n/a (too short to judge)"))
    return rows


def secondary() -> None:
    for name in SECONDARY:
        print(f"\n== {name}", flush=True)
        runpy.run_path(str(HERE / name), run_name="__main__")


if __name__ == "__main__":
    main()
    if os.environ.get("BENCH_SECONDARY", "1") != "0":
        secondary()
