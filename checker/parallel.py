"""Reading and extraction on every core, or on a Dask cluster: workers that each hold the run's knowledge.

Work goes out in chunks (many files or articles to a task, so the cost of sending it stays small) and
comes back in input order, so a run with ``--jobs N`` gives exactly what ``--jobs 1`` gives: what depends
on the order of the whole input (unique article ids, clustering, rules) stays in the parent. A small
input is done in this process, since starting workers would cost more than it saves.

On Linux the pool forks, and a worker starts with the parent's ``Knowledge`` already loaded; elsewhere
it is sent to each worker once, when the worker starts (never with each task). Workers are started
before the caller starts threads of its own (a progress bar, DuckDB): forking a process that runs
threads can deadlock the child.
"""

from __future__ import annotations

import operator
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from checker.config import Settings
from checker.ingest import FileReader, iter_input_files, read_file
from checker.knowledge import Knowledge
from checker.model import Article, SkippedInput

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["MIN_POOL_BYTES", "DaskWorkers", "InProcess", "ParallelError", "ProcessPool", "Workers", "default_jobs",
           "as_rows", "file_reader", "from_rows", "open_workers"]

T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[Knowledge, list[T]], list[R]]
"""What a worker runs: the worker's knowledge and a chunk of items give one result per item, in order."""

MIN_POOL_BYTES = 1_000_000  # less input than this is read and extracted in process
FILES_PER_TASK = 16
CHARS_PER_TASK = 200_000  # article text sent to a worker at a time: about a tenth of a second of extraction
TASKS_AHEAD = 4  # tasks in flight per worker: enough to keep it busy, few enough to bound the memory held


class ParallelError(RuntimeError):
    """The workers asked for cannot be had (no Dask installed, no scheduler at the address): the message says why."""


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class Workers(Protocol):
    """Somewhere to run tasks: this process, a pool of processes, or a Dask cluster."""

    jobs: int
    reads_files: bool  # whether the workers see the driver's files (a cluster's machines may not)

    def map(self, task: Task[T, R], items: Iterable[T], size: Callable[[T], int] | None = None,
            per_task: int = 1) -> Iterator[R]:
        """``task``'s result for each item, in the order of ``items``; items go out in chunks of about
        ``per_task`` (counted by ``size``, default 1 an item)."""
        ...


class InProcess:
    """Tasks run here, one chunk after another (``--jobs 1``, or an input too small for a pool)."""

    jobs = 1
    reads_files = True

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def map(self, task: Task[T, R], items: Iterable[T], size: Callable[[T], int] | None = None,
            per_task: int = 1) -> Iterator[R]:
        for chunk in chunks(items, size, per_task):
            yield from task(self.knowledge, chunk)


_knowledge: Knowledge | None = None  # in a worker process: the run's knowledge, set once when it starts


def _hold(knowledge: Knowledge, parent: int) -> None:
    global _knowledge
    _knowledge = knowledge
    _end_with(parent)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when the thread that started it ends


def _end_with(parent: int) -> None:
    """On Linux, a worker is sent SIGTERM when the process that started it dies (killed for memory, say), instead
    of waiting for work forever and keeping its parent's output pipes open."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took hold
        os.kill(os.getpid(), signal.SIGTERM)


def _run(task: Task[T, R], chunk: list[T]) -> list[R]:
    assert _knowledge is not None, "a worker runs tasks only after _hold"
    return task(_knowledge, chunk)


def _started() -> None:
    """A task that does nothing: submitting it starts the workers."""


class ProcessPool:
    """Tasks run in ``jobs`` worker processes; results come back in input order."""

    reads_files = True

    def __init__(self, jobs: int, knowledge: Knowledge) -> None:
        import multiprocessing  # here: a run in one process (a check, a small input) never starts a pool
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if fork else None)
        self.executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_hold,
                                            initargs=(knowledge, os.getpid()))
        self.executor.submit(_started)  # with fork, every worker starts now, before the caller starts threads

    def map(self, task: Task[T, R], items: Iterable[T], size: Callable[[T], int] | None = None,
            per_task: int = 1) -> Iterator[R]:
        return ordered_results((self.executor.submit(_run, task, chunk)
                                for chunk in chunks(items, size, balanced(items, size, per_task, self.jobs))),
                               self.jobs * TASKS_AHEAD)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def ordered_results(futures: Iterable[Future | Any], ahead: int) -> Iterator[Any]:
    """The results of ``futures`` (each a list), item by item in order, with at most ``ahead`` submitted
    and not yet taken: a long input is neither submitted all at once nor held all in memory."""
    pending: deque[Future | Any] = deque()  # concurrent.futures or Dask futures
    for future in futures:
        pending.append(future)
        if len(pending) >= ahead:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def chunks(items: Iterable[T], size: Callable[[T], int] | None, per_task: int) -> Iterator[list[T]]:
    """``items`` in order, in lists of about ``per_task`` (by ``size``; at least one item each)."""
    chunk: list[T] = []
    filled = 0
    for item in items:
        chunk.append(item)
        filled += size(item) if size else 1
        if filled >= per_task:
            yield chunk
            chunk, filled = [], 0
    if chunk:
        yield chunk


def balanced(items: Iterable[T], size: Callable[[T], int] | None, per_task: int, jobs: int) -> int:
    """``per_task``, made smaller for a list too short to give every worker several tasks."""
    if not isinstance(items, Sequence):
        return per_task
    total = sum(size(item) for item in items) if size else len(items)
    return max(1, min(per_task, total // (jobs * TASKS_AHEAD)))


class DaskWorkers:
    """Tasks run on an existing Dask distributed cluster (``--scheduler ADDRESS``); results come back to this
    process in input order. The knowledge is sent to every worker once; files are read here, since the
    cluster's machines may not see them. Each worker must have checker installed."""

    reads_files = False

    def __init__(self, address: str, knowledge: Knowledge) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ParallelError("--scheduler needs Dask: pip install 'news-claim-checker[dask]'") from None
        try:
            self.client = Client(address, timeout=10, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise ParallelError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self.jobs = max(1, sum(self.client.nthreads().values()))
        self.knowledge = self.client.scatter(knowledge, broadcast=True, hash=False)

    def map(self, task: Task[T, R], items: Iterable[T], size: Callable[[T], int] | None = None,
            per_task: int = 1) -> Iterator[R]:
        return ordered_results((self.client.submit(_run_with, task, chunk, self.knowledge, pure=False)
                                for chunk in chunks(items, size, balanced(items, size, per_task, self.jobs))),
                               self.jobs * TASKS_AHEAD)

    def close(self) -> None:
        self.client.close()


def _run_with(task: Task[T, R], chunk: list[T], knowledge: Knowledge) -> list[R]:
    return task(knowledge, chunk)


# --- records sent between processes ---------------------------------------------------------------
# A record class with slots pickles through a Python-level __getstate__: unpickling the event mentions was
# most of the parent's work at --jobs 2. Tuples of fields, rebuilt with the class, take about half the time.


@cache
def _fields(record: Any) -> Callable[[Any], tuple]:
    return operator.attrgetter(*record.__dataclass_fields__)


def as_rows(records: Sequence[Any]) -> tuple[type | None, list[tuple]]:
    """Records of one dataclass as (class, field tuples), to send to another process."""
    if not records:
        return None, []
    record: Any = type(records[0])
    return record, list(map(_fields(record), records))


def from_rows(packed: tuple[type | None, list[tuple]]) -> list[Any]:
    """The records ``as_rows`` packed."""
    record, rows = packed
    return [record(*row) for row in rows] if record else []


# --- the two jobs the workers do ------------------------------------------------------------------


def _read_chunk(settings: Settings, _knowledge: Knowledge, files: list[Path]) -> list[list[Article | SkippedInput]]:
    return [read_file(path, settings) for path in files]


def file_reader(workers: Workers) -> FileReader | None:
    """What ``checker.ingest.iter_articles`` reads files with: ``workers``, many files to a task (None: in
    this process, as for a cluster that may not see the files)."""
    if not workers.reads_files or workers.jobs == 1:
        return None

    def read_files(files: Iterable[Path], settings: Settings) -> Iterator[list[Article | SkippedInput]]:
        return workers.map(partial(_read_chunk, settings), files, per_task=FILES_PER_TASK)

    return read_files


# --- choosing the workers -------------------------------------------------------------------------


def worth_a_pool(paths: Iterable[Path | str], settings: Settings) -> bool:
    """Whether the files under ``paths`` hold enough bytes (``MIN_POOL_BYTES``) to pay for starting workers."""
    total = 0
    for item in iter_input_files((Path(p) for p in paths), settings):
        if isinstance(item, Path):
            try:
                total += item.stat().st_size
            except (OSError, ValueError):
                continue  # reading it will say why
            if total >= MIN_POOL_BYTES:
                return True
    return False


@contextmanager
def open_workers(settings: Settings, knowledge: Knowledge, paths: Iterable[Path | str] | None = None,
                 scheduler: str | None = None) -> Iterator[Workers]:
    """The workers for a run over ``paths``: the Dask cluster at ``scheduler``; else ``settings.jobs``
    processes (default: every core), or this process for one job or a small input. Closed on exit."""
    if scheduler:
        cluster = DaskWorkers(scheduler, knowledge)
        try:
            yield cluster
        finally:
            cluster.close()
        return
    jobs = min(settings.jobs or default_jobs(), default_jobs())  # never more processes than usable cores
    if jobs == 1 or (paths is not None and not worth_a_pool(paths, settings)):
        yield InProcess(knowledge)
        return
    pool = ProcessPool(jobs, knowledge)
    try:
        yield pool
    finally:
        pool.close()
