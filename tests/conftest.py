"""Shared test fixtures: where the fixture files live, and the shared seed corpus (skipped when absent)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
# The shared data sits beside the repository (../shared); tests that need it skip without it.
SHARED_DIR = REPO_ROOT / ".." / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """The tests keep what checker caches in a folder of their own (every command they run inherits it), so a
    test run neither reads nor fills the user's cache folder."""
    os.environ["CHECKER_CACHE_DIR"] = tempfile.mkdtemp(prefix="checker-test-cache-")
    os.environ.pop("CHECKER_NO_CACHE", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("CHECKER_CACHE_DIR", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def ingest_fixtures() -> Path:
    """``tests/fixtures/ingest``: small invented articles, manifests and broken inputs."""
    return TESTS_DIR / "fixtures" / "ingest"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data directory (``../shared``); skips the test when it is not there."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DIR}")
    return SHARED_DIR.resolve()


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five real seed articles; skips the test when they are not there."""
    seeds = shared_dir / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed corpus not found at {seeds}")
    return seeds


@pytest.fixture(scope="session")
def seeds_gold(shared_dir: Path) -> dict:
    """``gold/seeds.yaml``: the hand-checked headline, date and quotes of each seed article."""
    import yaml

    gold = shared_dir / "gold" / "seeds.yaml"
    if not gold.is_file():
        pytest.skip(f"seed gold file not found at {gold}")
    return yaml.safe_load(gold.read_text(encoding="utf-8"))
