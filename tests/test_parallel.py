"""Reading and extraction on several cores (`--jobs N`) and on a Dask cluster (`--scheduler`): the same report."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import parallel
from checker.cli import app
from checker.config import ConfigError, Settings, load_settings
from checker.lang import DataFileError
from checker.pipeline import run
from tests.shared_data import DEVSET

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def pools_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ``--jobs`` of each process pool started; every input counts as big enough for one."""
    started: list[int] = []

    class CountedPool(parallel.ProcessPool):
        def __init__(self, jobs: int, knowledge) -> None:
            started.append(jobs)
            super().__init__(jobs, knowledge)

    monkeypatch.setattr(parallel, "ProcessPool", CountedPool)
    monkeypatch.setattr(parallel, "MIN_POOL_BYTES", 0)
    return started


def report_json(*args: str) -> str:
    result = invoke("report", *args, "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_parallel_jobs_2_report_is_identical_to_jobs_1_on_the_example_corpus(pools_started: list[int]) -> None:
    one = report_json(str(EXAMPLES), "--jobs", "1")
    assert pools_started == []  # --jobs 1 runs in this process
    two = report_json(str(EXAMPLES), "--jobs", "2")
    assert pools_started == [2]
    assert two == one
    assert json.loads(two)["claims"]


def test_parallel_jobs_2_report_is_identical_to_jobs_1_on_the_devset(pools_started: list[int]) -> None:
    corpus = DEVSET / "corpus.jsonl"
    if not corpus.is_file():
        pytest.skip(f"the dev set is not at {DEVSET}")
    one = report_json(str(corpus), "--jobs", "1")
    two = report_json(str(corpus), "--jobs", "2")
    assert pools_started == [2]
    assert two == one
    assert len(json.loads(two)["articles"]) == 40


def test_parallel_jobs_2_keeps_skipped_inputs_and_unique_ids_in_input_order(
        pools_started: list[int], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for folder in ("a", "b", "c"):  # three files named story.md: the ids are made unique in input order
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "story.md").write_text(
            "# Fire at the depot\n\nFire crews said 12 people were hurt at the bus depot on Monday, June 3, 2024.\n",
            encoding="utf-8")
        (corpus / folder / "notes.docx").write_bytes(b"PK\x03\x04")
        (corpus / folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00" * 3)
    one = json.loads(report_json(str(corpus), "--jobs", "1"))
    two = json.loads(report_json(str(corpus), "--jobs", "2"))
    assert pools_started == [2]
    assert two == one
    assert [a["article_id"] for a in two["articles"]][0] == "story" and len(two["articles"]) == 3
    assert len({a["article_id"] for a in two["articles"]}) == 3
    assert [s["path"].split("/")[-2:] for s in two["skipped"]][:2] == [["a", "broken.txt"], ["a", "notes.docx"]]
    assert all(s["reason"] for s in two["skipped"])


def test_parallel_jobs_2_claims_and_sources_are_identical_to_jobs_1(pools_started: list[int]) -> None:
    for command, output_format in (("claims", "jsonl"), ("sources", "json")):
        one = invoke(command, str(EXAMPLES), "--format", output_format, "--jobs", "1")
        two = invoke(command, str(EXAMPLES), "--format", output_format, "--jobs", "2")
        assert one.exit_code == two.exit_code == 0, two.output
        assert two.stdout == one.stdout
    assert pools_started == [2, 2]


def test_parallel_scan_with_jobs_2_writes_the_ledger_jobs_1_writes(pools_started: list[int], tmp_path: Path) -> None:
    reports = []
    for jobs in ("1", "2"):
        ledger = tmp_path / f"jobs{jobs}.duckdb"
        scanned = invoke("scan", str(EXAMPLES), "--ledger", str(ledger), "--jobs", jobs, "--batch-size", "3")
        assert scanned.exit_code == 0, scanned.output
        assert "7 articles added" in scanned.stderr
        reports.append(report_json("--ledger", str(ledger)))
    assert pools_started == [2]
    assert reports[1] == reports[0]


def test_parallel_progress_hears_of_every_file_in_input_order(pools_started: list[int]) -> None:
    heard: dict[int, list[Path]] = {1: [], 2: []}
    for jobs in heard:
        run([EXAMPLES], Settings(jobs=jobs), on_file=heard[jobs].append)
    assert pools_started == [2]
    assert heard[2] == heard[1] == sorted(EXAMPLES.iterdir())


def test_parallel_small_input_is_read_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    monkeypatch.setattr(parallel, "ProcessPool", lambda jobs, knowledge: started.append(jobs))
    assert report_json(str(EXAMPLES), "--jobs", "2")  # 28 KB: a pool would cost more than it saves
    assert started == []


def test_parallel_jobs_setting_read_from_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "checker.toml"
    config.write_text("jobs = 3\n", encoding="utf-8")
    assert load_settings(config).jobs == 3
    config.write_text("jobs = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="checker.toml:1: jobs must be a whole number"):
        load_settings(config)


def test_parallel_jobs_0_is_a_usage_error() -> None:
    result = invoke("report", str(EXAMPLES), "--jobs", "0")
    assert result.exit_code == 2 and "--jobs" in result.output


def test_parallel_results_come_back_in_input_order_from_uneven_chunks() -> None:
    assert list(parallel.chunks(["aaaa", "b", "cc", "d", "eeeee"], len, 3)) == [["aaaa"], ["b", "cc"], ["d", "eeeee"]]
    assert parallel.balanced(list(range(100)), None, 64, jobs=2) == 12  # every worker gets several tasks


def test_parallel_language_pack_error_in_a_worker_reaches_the_parent_whole() -> None:
    error = pickle.loads(pickle.dumps(DataFileError("rules/lang/en/pack.yaml", 7, "not a list")))
    assert (error.path, error.line, error.reason) == ("rules/lang/en/pack.yaml", 7, "not a list")


# --- a Dask cluster ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_scheduler():
    """The address of a local Dask cluster of two worker processes (skipped without the dask extra)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_parallel_dask_cluster_report_is_identical_to_jobs_1(dask_scheduler: str) -> None:
    for corpus in (EXAMPLES, DEVSET / "corpus.jsonl"):
        if not corpus.exists():
            continue
        one = report_json(str(corpus), "--jobs", "1")
        assert report_json(str(corpus), "--scheduler", dask_scheduler) == one


def test_parallel_dask_cluster_scan_writes_the_ledger_jobs_1_writes(dask_scheduler: str, tmp_path: Path) -> None:
    reports = []
    for name, option in (("one", ["--jobs", "1"]), ("dask", ["--scheduler", dask_scheduler])):
        ledger = tmp_path / f"{name}.duckdb"
        scanned = invoke("scan", str(EXAMPLES), "--ledger", str(ledger), *option)
        assert scanned.exit_code == 0, scanned.output
        reports.append(report_json("--ledger", str(ledger)))
    assert reports[1] == reports[0]


def test_parallel_scheduler_without_dask_installed_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it fails, as when the extra is missing
    result = invoke("report", str(EXAMPLES), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--scheduler needs Dask: pip install 'news-claim-checker[dask]'" in result.stderr


def test_parallel_scheduler_with_a_ledger_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("report", "--ledger", str(tmp_path / "x.duckdb"), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and "--scheduler" in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_parallel_workers_end_when_their_parent_is_killed() -> None:
    """A run killed from outside (for memory, say) leaves no workers waiting forever behind it."""
    script = (
        "import sys, time\n"
        "from checker.knowledge import Knowledge\n"
        "from checker.parallel import ProcessPool\n"
        "pool = ProcessPool(2, Knowledge.load())\n"
        "while len(pool.executor._processes) < 2: time.sleep(0.05)\n"
        "print(*pool.executor._processes, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its reaper has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_parallel_jobs_above_the_cores_are_capped_and_the_user_told(pools_started: list[int], tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request can set jobs = 2000 in checker.toml: the run starts no more processes than it has cores,
    and says so."""
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    (tmp_path / "checker.toml").write_text("jobs = 2000\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("report", str(EXAMPLES), "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert pools_started == [2]
    assert "jobs = 2000 capped at 2" in result.stderr
    assert pools_started and max(pools_started) <= 2
