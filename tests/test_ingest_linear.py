"""No input makes ingest slower than linear (issue 13): each pathological pattern, 10 KB against 100 KB in one run.

The assertion is on the ratio of the two times, never on an absolute time: linear work grows
about 10 times from 10 KB to 100 KB, quadratic work about 100 times (the headline finder grew
41 times, the blank-line trimming more, before they were fixed). The times are this process's
CPU time, not the clock's: on a busy machine (load 8 on 2 cores) the clock also counts the time
the process waits for a core, which made one batch of a pair up to twice as long as the other
and tripped the tests (issue 21); CPU time counts only the work. The sizes are measured in turns
(small, large, small, large ...) and the quickest batch of each is kept, so a moment of
contention (caches, a shared core) does not weigh on one side only. Counting operations instead
would miss what the quadratic bugs were: a ``list.pop(0)`` or a regular expression's
backtracking costs more per call, not more calls.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.ingest.decode import decode_bytes, normalise_text
from checker.ingest.front_matter import MAX_FRONT_MATTER_CHARS
from checker.ingest.html import parse_html
from checker.ingest.manifest import manifest_rows
from checker.ingest.text import parse_markdown, parse_plain_text

SMALL, LARGE = 10_000, 100_000
MAX_GROWTH = 30  # for 10 times the input; quadratic work gives about 100


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cpu_seconds_per_call(run: Callable[[object], object], value: object) -> float:
    """The CPU time of one call: a batch calling ``run`` until 20 ms of CPU time have passed (at least once)."""
    gc.disable()
    try:
        calls, start = 0, time.process_time()
        while calls < 1 or time.process_time() - start < 0.02:
            try:
                run(value)
            except ValueError:  # a reason to skip the input is an answer too (UnreadableInput)
                pass
            calls += 1
        return (time.process_time() - start) / calls
    finally:
        gc.enable()


def measured_growth(run: Callable[[object], object], small: object, large: object) -> float:
    """How many times more CPU time ``large`` takes than ``small``: three batches of each in turn, the quickest of
    each kept; up to three more turns while the ratio is over the limit (quadratic work stays over)."""
    quickest_small = quickest_large = float("inf")
    for turn in range(6):
        quickest_small = min(quickest_small, cpu_seconds_per_call(run, small))
        quickest_large = min(quickest_large, cpu_seconds_per_call(run, large))
        if turn >= 2 and quickest_large / quickest_small < MAX_GROWTH:
            break
    return quickest_large / quickest_small


def json_manifest(text: str) -> list:
    return list(manifest_rows(text, Path("rows.json")))


def csv_manifest(text: str) -> list:
    return list(manifest_rows(text, Path("rows.csv")))


def front_matter_keys(size: int) -> str:
    # within the front-matter limit at both sizes (over it, the reader stops at once)
    size = size * (MAX_FRONT_MATTER_CHARS // 2) // LARGE
    return "---\n" + "key: value text\n" * (size // 16) + "---\nBody.\n"


PATTERNS: dict[str, tuple[Callable[[int], object], Callable[[object], object]]] = {
    # short label lines before a headline: were blanked by a list lookup per line
    "headline-labels": (lambda n: repeated("a\n\n", n) + "one two three four\n\nBody text.", parse_plain_text),
    # blank lines before the text: were popped from the front of a list one by one
    "leading-blank-lines": (lambda n: "\n" * n + "Headline of four words\n\nBody text.", parse_plain_text),
    "furniture-lines": (lambda n: repeated("advertisement\nshare this article\n", n) + "Text.", parse_plain_text),
    "repeated-lines": (lambda n: repeated("the same caption line\n", n), parse_plain_text),
    "one-long-line": (lambda n: repeated("word ", n), parse_plain_text),
    "digits-before-comment": (lambda n: "1" * n + " comments", parse_plain_text),
    "front-matter-keys": (front_matter_keys, parse_markdown),
    "front-matter-unclosed": (lambda n: "---\n" + repeated("a: b\n", n), parse_markdown),
    "csi-introducers": (lambda n: repeated("\x1b[", n), normalise_text),
    "csi-long-parameters": (lambda n: repeated("\x1b[" + "1;" * 50, n), normalise_text),
    "osc-unterminated": (lambda n: "\x1b]8;;" + repeated("a", n), normalise_text),
    "osc-introducers": (lambda n: repeated("\x1b]", n), normalise_text),
    "control-characters": (lambda n: repeated("\x00\x07\x9b", n), normalise_text),
    "windows-1252-bytes": (lambda n: repeated("caf\xe9 ", n).encode("cp1252"), decode_bytes),
    "undecodable-bytes": (lambda n: bytes((i * 7919) % 255 + 1 for i in range(n)), decode_bytes),
    "json-manifest-rows": (lambda n: "[" + repeated('{"text": "a b c"},\n', n - 30) + '{"text": "end"}]', json_manifest),
    "json-escaped-quotes": (lambda n: '["' + repeated('\\"', n) + '"]', json_manifest),
    "json-deep-nesting": (lambda n: "[" * n, json_manifest),
    "csv-manifest-rows": (lambda n: "id,text\n" + repeated("a,b c d\n", n), csv_manifest),
    "csv-unclosed-quote": (lambda n: 'id,text\na,"' + repeated("x", n), csv_manifest),
    "html-paragraphs": (
        lambda n: "<html><body><article>" + repeated("<p>The army said 21 rockets hit the base.</p>", n)
        + "</article></body></html>",
        parse_html,
    ),
    "html-nested-divs": (lambda n: "<html><body>" + repeated("<div>", n) + "words here</body></html>", parse_html),
}


# Inputs that are read to their end and then skipped with a reason (not cut short).
EXPECTED_TO_BE_SKIPPED = {"digits-before-comment", "front-matter-unclosed", "undecodable-bytes", "html-nested-divs"}


@pytest.mark.parametrize("pattern", PATTERNS)
def test_ingest_linear_growth_from_10_to_100_kb(pattern: str) -> None:
    make, run = PATTERNS[pattern]
    small, large = make(SMALL), make(LARGE)
    for value in (small, large):  # both sizes do the work, or the ratio says nothing
        try:
            run(value)
        except ValueError as problem:
            assert pattern in EXPECTED_TO_BE_SKIPPED, f"{pattern}: {problem}"
    growth = measured_growth(run, small, large)
    assert growth < MAX_GROWTH, f"{pattern}: 10 times the input took {growth:.0f} times as long"


def test_ingest_linear_patterns_grow_ten_times() -> None:
    for pattern, (make, _) in PATTERNS.items():
        assert 9 <= len(make(LARGE)) / len(make(SMALL)) <= 11, pattern


def test_ingest_linear_front_matter_bracket_depth_100_against_1000() -> None:
    # PyYAML scans each token in time proportional to the bracket depth: 1,000 open brackets took
    # 1.5 s (100 times as long as 100 brackets) before the reader bounded the depth
    def nested(depth: int) -> str:
        return "---\ntitle: " + "[" * depth + "\n---\nBody.\n"

    growth = measured_growth(parse_markdown, nested(100), nested(1000))
    assert growth < MAX_GROWTH, f"10 times the depth took {growth:.0f} times as long"


def test_ingest_linear_the_measure_tells_quadratic_work_from_linear() -> None:
    """The measure itself: work that is linear stays well under the limit, quadratic work well over it."""

    def linear(text: object) -> None:
        str(text).count("a")

    def quadratic(text: object) -> None:  # a scan of the rest of the text from every 100th character
        for start in range(0, len(str(text)), 100):
            str(text)[start:].count("a")

    small, large = repeated("abc ", SMALL), repeated("abc ", LARGE)
    assert measured_growth(linear, small, large) < MAX_GROWTH / 2
    assert measured_growth(quadratic, small, large) > MAX_GROWTH * 2
