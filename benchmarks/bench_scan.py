"""Scan throughput: ingest + extract + validate over a corpus of at least 50 MB, with a spaCy reference.

Run by ``make bench``. Each timed run is a fresh subprocess (so peak memory is its own);
the figure quoted is the median of three runs.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402

TARGET_BYTES = 50 * 1024 * 1024
RUNS = 3

_SCAN = r"""
import json, resource, sys, time
from checker.pipeline import run
started = time.perf_counter()
result = run([sys.argv[1]])
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "articles": len(result.articles), "claims": len(result.claims),
                  "skipped": len(result.skipped), "findings": len(result.findings),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_SPACY = r"""
import json, pathlib, sys, time
import spacy
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
size = sum(len(t.encode("utf-8")) for t in texts)
started = time.perf_counter()
words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "bytes": size, "tokens": words}))
"""


def _subprocess_json(code: str, *args: str) -> dict:
    output = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        started = time.perf_counter()
        source, files, size = build_corpus(corpus, TARGET_BYTES)
        print(f"corpus: {files} files, {size / 1e6:.1f} MB replicated from the {source} "
              f"(built in {time.perf_counter() - started:.1f} s)")
        runs = [_subprocess_json(_SCAN, str(corpus)) for _ in range(RUNS)]
        seconds = statistics.median(r["seconds"] for r in runs)
        claims = runs[0]["claims"]
        print(f"scan (read, extract, validate, cluster, rules, source scores), one process: median of {RUNS} runs "
              f"{seconds:.1f} s ({', '.join(format(r['seconds'], '.1f') for r in runs)})")
        print(f"  throughput {size / 1e6 / seconds:.2f} MB/s per core; {claims / seconds:,.0f} claims/s; "
              f"{runs[0]['articles']} articles, {claims:,} claims, {runs[0]['skipped']} skipped")
        print(f"  peak memory {max(r['peak_mb'] for r in runs):,.0f} MB (max resident set size)")
        try:
            reference = _subprocess_json(_SPACY, str(corpus))
        except subprocess.CalledProcessError as error:
            print(f"spaCy reference skipped: {error.stderr.strip().splitlines()[-1] if error.stderr else error}")
            return
        spacy_rate = reference["bytes"] / 1e6 / reference["seconds"]
        print(f"reference: spaCy blank English tokenizer + sentencizer on the same text: {spacy_rate:.2f} MB/s "
              f"({reference['tokens'] / reference['seconds']:,.0f} tokens/s)")
        print(f"  ratio: the full scan runs at {size / 1e6 / seconds / spacy_rate:.2f}x the tokenizer alone")


if __name__ == "__main__":
    main()
