"""Growth per stage: CPU seconds of every stage of a report at 1x (~5 MB) and 10x (~50 MB) the corpus.

A stage whose time grows much faster than the corpus (more than 11x at 10x) has a quadratic loop
somewhere. Each size runs in a fresh process (``stage_times`` in a subprocess); times are CPU
seconds of that process (user + system), so other work on the machine does not count.

    .venv/bin/python benchmarks/bench_growth.py [--base-mb 5] [--factor 10] [--same-events]

``--same-events`` builds the corpus without shifting the copies' dates, so every copy reports the
same few events (the worst case for anything that compares within an event).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import build_corpus  # noqa: E402

T = TypeVar("T")
COPY_DETECTION = "copy detection"  # timed on its own as well as inside the source scores


def stage_times(corpus_path: Path | str) -> dict[str, float]:
    """CPU seconds of each stage of ``checker report --format json`` over ``corpus_path``, in this process:
    ingest, extraction, validation, clustering, each rule (by code), copy detection (also inside the
    source scores), source scores and rendering JSON; ``total`` is the sum of the stages (copy detection
    counted once)."""
    from checker.checks import CheckData
    from checker.config import Settings
    from checker.ingest import read_inputs
    from checker.knowledge import Knowledge
    from checker.reliability import detect_copies, score_sources
    from checker.render import RenderOptions, View, renderer_for
    from checker.result import RunResult
    from checker.rulebook import load_rules, run_rules, selected_rules
    from checker.schemas import article_failures, claim_failures, source_failures

    times: dict[str, float] = {}

    def timed(stage: str, work: Callable[[], T]) -> T:
        started = time.process_time()
        value = work()
        times[stage] = times.get(stage, 0.0) + time.process_time() - started
        return value

    settings = Settings()
    knowledge = Knowledge.load(settings.lexicon_folders())
    ingested = timed("ingest", lambda: read_inputs([corpus_path], settings))

    def extract() -> tuple[list, list, list]:
        resolver = knowledge.resolver()
        articles, claims, mentions = [], [], []
        for article in ingested.articles:
            extractor = knowledge.extractor(article.lang)
            if extractor is None:
                continue
            extraction = extractor.extract(article)
            articles.append(extraction.article)
            claims.extend(resolver.frame_claims(extraction.claims, extraction.mentions, [extraction.article]))
            mentions.extend(extraction.mentions)
        return articles, claims, mentions

    articles, claims, mentions = timed("extraction", extract)
    failures = timed("validation", lambda: article_failures(articles) + claim_failures(claims, articles))

    def cluster() -> RunResult:
        resolution = knowledge.resolver().cluster(claims, articles)
        events = [replace(e, place_within=knowledge.gazetteer.chain(e.place)[1:]) if e.place else e
                  for e in resolution.events]
        return RunResult(articles=articles, claims=resolution.apply(claims), events=events, mentions=mentions)

    result = timed("clustering", cluster)
    book = load_rules(settings)
    result.rules = rules = selected_rules(book, settings)
    data = CheckData(result.articles, result.claims, result.events, failures, mentions=mentions,
                     gazetteer=knowledge.gazetteer, taxonomy=knowledge.taxonomy)
    timed("rule indexes", lambda: (data.article, data.event, data.claims_by_event, data.claims_by_article))
    for rule in rules:
        if not rule.runs_after_scoring:
            result.findings += timed(rule.code, partial(run_rules, [rule], data))
    against_outlet = {r.code for r in rules if r.counts_against_outlet}
    by_id = {a.article_id: a for a in result.articles}
    timed(COPY_DETECTION, lambda: detect_copies(result.claims, by_id))
    result.sources = timed("source scores", lambda: score_sources(
        result.claims, result.articles, [f for f in result.findings if f.code in against_outlet]))
    data.validation_failures = source_failures(result.sources)
    for rule in rules:
        if rule.runs_after_scoring:
            result.findings += timed(rule.code, partial(run_rules, [rule], data))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        timed("render json", lambda: renderer_for(View.report, "json").write(
            result, RenderOptions(settings=settings), out))
    times["total"] = sum(seconds for stage, seconds in times.items() if stage != COPY_DETECTION)
    return times


_CHILD = "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_growth import stage_times; " \
         "print(json.dumps(stage_times(sys.argv[2])))"


def measure(corpus: Path) -> dict[str, float]:
    """``stage_times`` of ``corpus`` in a fresh process."""
    output = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), str(corpus)], check=True, capture_output=True,
                            text=True)
    times: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
    return times


def growth_table(small: dict[str, float], large: dict[str, float], factor: float) -> list[str]:
    """One line per stage: CPU seconds at both sizes and their ratio, the ones above 1.1x the factor marked."""
    lines = [f"{'stage':<22}{'1x s':>9}{f'{factor:g}x s':>10}{'ratio':>8}"]
    for stage in sorted(small, key=lambda s: (s == "total", -large.get(s, 0.0))):
        ratio = large[stage] / small[stage] if small[stage] > 0.005 else float("nan")
        flag = "  <- superlinear" if ratio > 1.1 * factor and large[stage] > 0.5 else ""
        lines.append(f"{stage:<22}{small[stage]:>9.2f}{large[stage]:>10.2f}{ratio:>7.1f}x{flag}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-mb", type=float, default=5.0)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--same-events", action="store_true", help="copies not shifted in time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checker-growth-") as tmp:
        sizes = {}
        for label, multiple in (("1x", 1), (f"{args.factor}x", args.factor)):
            corpus = Path(tmp) / label
            source, files, size = build_corpus(corpus, int(args.base_mb * multiple * 1e6),
                                               varied=not args.same_events)
            print(f"{label}: {files} files, {size / 1e6:.1f} MB from the {source}"
                  + (" (same events)" if args.same_events else " (dates shifted per copy)"))
            sizes[label] = measure(corpus)
        print("\n".join(growth_table(sizes["1x"], sizes[f"{args.factor}x"], args.factor)))


if __name__ == "__main__":
    main()
