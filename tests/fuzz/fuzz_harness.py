"""Shared machinery of the fuzz targets: how many examples, counting inputs, crashes and slow inputs.

A fuzz target is an ordinary hypothesis test in ``tests/fuzz/test_fuzz_<area>.py`` that
calls the code under test through ``fuzz_call``, which counts the input, times it, and
counts a crash when anything but an expected answer is raised (or when ``crash_in``
finds one in the result, such as a file the reader skipped because of its own bug). The
test then asserts the target's properties on the result. To add a target::

    from hypothesis import given
    from fuzz_harness import fuzz_call, fuzz_settings, text_with_hazards

    @fuzz_settings()
    @given(text_with_hazards())
    def test_fuzz_numbers_grammar(text: str) -> None:
        intervals = fuzz_call("numbers.grammar", find_quantities, text)
        assert ...  # what must hold for every input

``make test`` runs every target at a modest number of examples (derandomized, so the same
inputs each run); ``make fuzz`` (``tests/fuzz/run.py``) sets ``CHECKER_FUZZ=volume`` and runs
them at ``CHECKER_FUZZ_EXAMPLES`` examples of ``CHECKER_FUZZ_MUTANTS`` mutants each, then
prints the counts this module collects.
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

VOLUME = os.environ.get("CHECKER_FUZZ") == "volume"
# Hypothesis spends tens of milliseconds building one structured document, far more than the
# readers take to read it; so each example is also read as cheap random mutants of itself
# (see ``mutants``), and an input is one call of the code under test.
EXAMPLES_PER_TARGET = int(os.environ.get("CHECKER_FUZZ_EXAMPLES") or (500 if VOLUME else 30))
MUTANTS_PER_EXAMPLE = int(os.environ.get("CHECKER_FUZZ_MUTANTS") or (35 if VOLUME else 2))
SLOW_SECONDS = 1.0  # an input that takes longer than this is reported as slow
SAMPLES_DIR = os.environ.get("CHECKER_FUZZ_SAMPLES")  # where to write crashing and slow inputs in full
HANG_SECONDS = 30.0
# Targets write a file per input: in memory (tmpfs) where there is one, since a disk spends more
# time on the churn of creating and deleting small files than the readers spend reading them.
SCRATCH_ROOT = os.environ.get("CHECKER_FUZZ_TMP") or (
    "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
)  # an input that takes longer than this is stopped and counted as a crash (a hang)

T = TypeVar("T")
S = TypeVar("S", str, bytes)


@dataclass
class TargetCounts:
    """What one fuzz target saw."""

    inputs: int = 0
    crashes: int = 0
    slow: int = 0
    slowest_seconds: float = 0.0
    seconds: float = 0.0  # in the code under test, all inputs together
    samples: list[str] = field(default_factory=list)  # a few crashing or slow inputs, shortened

    def note(self, target: str, kind: str, value: object) -> None:
        if len(self.samples) >= 5:
            return
        self.samples.append(f"{kind}: {repr(value)[:300]}")
        if SAMPLES_DIR:  # the whole input, to replay it or turn it into a regression test
            folder = Path(SAMPLES_DIR)
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{target}-{kind.split()[0]}-{len(self.samples)}"
            if isinstance(value, bytes):
                (folder / f"{name}.bin").write_bytes(value)
            else:
                (folder / f"{name}.repr").write_text(repr(value), encoding="utf-8")


COUNTS: dict[str, TargetCounts] = defaultdict(TargetCounts)


class FuzzHang(Exception):
    """Raised into the code under test when one input runs for longer than ``HANG_SECONDS``."""


def fuzz_settings(weight: float = 1.0) -> settings:
    """Hypothesis settings for a fuzz target; ``weight`` scales its share of examples (slow targets < 1)."""
    return settings(
        max_examples=max(1, int(EXAMPLES_PER_TARGET * weight)),
        deadline=None,  # slow inputs are counted by fuzz_call, not failed by hypothesis
        derandomize=not VOLUME,  # make test sees the same inputs every run
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def fuzz_call(
    target: str,
    function: Callable[..., T],
    *args: Any,
    answers: tuple[type[BaseException], ...] = (),
    crash_in: Callable[[T], str | None] | None = None,
    shown: object = None,
) -> T | BaseException:
    """Call ``function(*args)`` for the fuzz ``target``: count the input, time it, count a crash.

    Args:
        answers: exception types that are a proper answer for bad input (e.g. ``UnreadableInput``,
            ``ConfigError``); one raised is returned instead of being counted as a crash.
        crash_in: looks at the result and returns a description when it shows a crash that the
            code caught itself (e.g. a skipped file whose reason says the checker failed on it).

    Returns:
        The result, or the answer exception.
    """
    counts = COUNTS[target]
    counts.inputs += 1
    start = time.perf_counter()
    try:
        with _hang_alarm():
            result = function(*args)
    except answers as answer:
        return answer
    except BaseException:
        counts.crashes += 1
        counts.note(target, "crash", args if shown is None else shown)
        raise
    finally:
        elapsed = time.perf_counter() - start
        counts.seconds += elapsed
        counts.slowest_seconds = max(counts.slowest_seconds, elapsed)
        if elapsed > SLOW_SECONDS:
            counts.slow += 1
            counts.note(target, f"slow {elapsed:.1f} s", args if shown is None else shown)
    problem = crash_in(result) if crash_in else None
    if problem:
        counts.crashes += 1
        counts.note(target, "crash", args if shown is None else shown)
        raise AssertionError(f"{target}: {problem}")
    return result


@contextmanager
def _hang_alarm() -> Iterator[None]:
    """Interrupt the call after ``HANG_SECONDS`` (POSIX, main thread): a hang is a crash, not a stuck run."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise FuzzHang(f"no answer within {HANG_SECONDS:.0f} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def counts_as_dict() -> dict[str, dict]:
    return {target: asdict(counts) for target, counts in sorted(COUNTS.items())}


# --- strategies shared by targets ------------------------------------------------------------------

# Pieces that broke, or could break, a reader: terminal escapes, odd line breaks and spaces, NUL,
# lone surrogates, markup of every input format, impossible dates, runs that make regexes work hard.
HAZARDS = [
    "\x1b[2J", "\x1b[31m", "\x1b]8;;https://evil.example/\x07", "\x1b]52;c;ZXZpbA==\x1b\\", "\x1b]0;title",
    "\x9b1m", "\x9d8;;x\x9c", "\x1b", "\x07", "\x00", "\x7f", "\x85", "\r", "\r\n", "\u2028", "\u2029",
    "\ufeff", "\u200b", "\u00a0", "\t", "\x0b", "\x0c", "\ud800", "\udfff", "\udc80", "\ufffd", "\u202e",
    "---", "...", "# ", "## ", "date 2020-12-20 ", "2020-02-30", "2020-12-20", "0000-00-00", "9999-99-99",
    "title:", "outlet:", "published:", "id:", "url:", "date:", ": ", "- ", "{", "}", "[", "]", "!!binary ",
    "!!python/object:os.system ", "!custom ", "&a ", "*a ", "<<: ", "? ", "|", ">", "'", '"', "\\", "\\u0000",
    "\\ud800", "{{", "<p>", "</p>", "<article>", "<script>alert(1)</script>", "<title>", "</title>",
    '<meta property="og:site_name" content="', '">', "<![CDATA[", "<!--", "-->", "&amp;", "&#0;", "&#x1b;",
    ",", '""', "\n", "\n\n", "ADVERTISEMENT", "Leave a reply", "21 rockets", "eight rockets", "twenty-one",
    "at least 25", "the Green Zone", "said", "according to", "." * 50, "!" * 20, "?" * 20, "9" * 30,
    "[/oops]", "[link=https://evil.example]x[/link]", "=cmd|' /C calc'!A0", "::error title=x::y",
]


def text_with_hazards(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Text made of hazards and random characters (surrogates included)."""
    piece = st.one_of(
        st.sampled_from(HAZARDS),
        st.text(st.characters(blacklist_categories=()), max_size=12),
        st.text("abc 123\n.,", max_size=30),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


SEEDS = st.integers(0, 2**32 - 1)  # for ``mutants``
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "utf-8-surrogates"]


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as the bytes of a file, in an encoding drawn (lossy where the encoding cannot hold it)."""
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "utf-8-surrogates":  # bytes no decoder accepts as UTF-8
        data = text.encode("utf-8", "surrogatepass")
    else:
        data = text.encode(encoding, "replace") if encoding != "utf-16" else text.encode("utf-16", "surrogatepass")
    if draw(st.integers(0, 19)) == 0:
        data += draw(st.binary(max_size=64))  # a tail of raw bytes
    return data


def mutants(value: S, seed: int, count: int | None = None) -> Iterator[S]:
    """``value`` itself, then ``count`` (default ``MUTANTS_PER_EXAMPLE``) random edits of it.

    Each mutant applies one to three edits drawn from ``seed``: insert a hazard, delete, repeat or
    move a span, replace one character (or byte), or cut the end off. The same ``value`` and
    ``seed`` give the same mutants, so hypothesis can replay and shrink a failing one.
    """
    yield value
    chooser = random.Random(seed)
    is_bytes = isinstance(value, bytes)
    hazards = [h.encode("utf-8", "surrogatepass") for h in HAZARDS] if is_bytes else HAZARDS
    for _ in range(MUTANTS_PER_EXAMPLE if count is None else count):
        mutant = value
        for _ in range(chooser.randint(1, 3)):
            size = len(mutant)
            start = chooser.randint(0, size)
            end = min(size, start + chooser.randint(0, 64))
            edit = chooser.randrange(6)
            if edit == 0:
                mutant = mutant[:start] + chooser.choice(hazards) + mutant[start:]  # type: ignore[operator]
            elif edit == 1:
                mutant = mutant[:start] + mutant[end:]
            elif edit == 2:
                mutant = mutant[:end] + mutant[start:end] * chooser.randint(1, 50) + mutant[end:]
            elif edit == 3 and size:
                spot = chooser.randrange(size)
                other = bytes([chooser.randrange(256)]) if is_bytes else chr(chooser.randrange(0x110000))
                mutant = mutant[:spot] + other + mutant[spot + 1:]  # type: ignore[operator]
            elif edit == 4:
                mutant = mutant[start:end] + mutant[:start] + mutant[end:]
            else:
                mutant = mutant[:start]
        yield mutant  # type: ignore[misc]


@contextmanager
def scratch_folder() -> Iterator[str]:
    """A new empty folder for one example, removed afterwards (hypothesis runs many examples per test)."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="checker-fuzz-", dir=SCRATCH_ROOT)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
