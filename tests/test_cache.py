"""The cache (``checker.cache``), as an editor meets it: `checker check` says the same with it as without it, notices
an edited record, language pack or gazetteer file at once, and shrugs off a cache folder that is damaged or that
someone else could have written. Each command runs in a fresh process, as a pre-commit hook runs it."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cache import Cache
from checker.config import Settings
from checker.knowledge import Knowledge
from checker.lang.compiled import PatternStore, compiled
from checker.pipeline import run
from checker.stored_tables import StoredDatabase, StoredTable, store_tables
from tests.conftest import SHARED_DIR

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
CRUSH = ("Police said 14 people were injured in the crush at Riverside Stadium on Saturday, and the club "
         "said it would review how the gates were opened.")
ROCKETS_DRAFT = ("---\ntitle: Rockets hit the Green Zone\npublished: 2020-12-21\n---\n\n"
                 "U.S. Central Command said 14 rockets were fired at Baghdad's Green Zone on Sunday, "
                 "December 20, 2020.\n")
CRUSH_DRAFT = "---\npublished: 2024-04-08\n---\nPolice {verb} 40 people injured in the crush at Riverside Stadium on Saturday.\n"


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """An empty cache folder of the test's own, given the world index the session built (building it takes a
    second or two, and the world data are the same for every test)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    session = Path(os.environ["CHECKER_CACHE_DIR"])
    Knowledge.load((), Cache(session))  # builds the session's world index once
    for world in session.glob("world*"):
        shutil.copy2(world, folder)
    return folder


def checker_run(cache_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache_dir)}
    env.pop("CHECKER_NO_CACHE", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def example_record(tmp_path: Path) -> Path:
    record = tmp_path / "record"
    record.mkdir()
    for article in [*EXAMPLES.glob("*.md"), *EXAMPLES.glob("*.txt")]:  # no .html: no trafilatura to import
        shutil.copy(article, record)
    return record


def crush_desk(tmp_path: Path) -> Path:
    """A record of one article, two drafts, and a lexicon folder of the desk's own (empty for now)."""
    (tmp_path / "record").mkdir()
    (tmp_path / "record" / "crush.md").write_text(f"---\noutlet: Northern Ledger\npublished: 2024-04-07\n---\n\n{CRUSH}\n",
                                                 encoding="utf-8")
    (tmp_path / "said.md").write_text(CRUSH_DRAFT.format(verb="counted"), encoding="utf-8")
    (tmp_path / "tallied.md").write_text(CRUSH_DRAFT.format(verb="tallied"), encoding="utf-8")
    for folder in ("en", "gazetteer"):
        (tmp_path / "lexicon" / folder).mkdir(parents=True)
    (tmp_path / "lexicon" / "en" / "speakers.yaml").write_text("reporting_verbs: []\n", encoding="utf-8")
    (tmp_path / "lexicon" / "gazetteer" / "places.yaml").write_text("places: []\n", encoding="utf-8")
    (tmp_path / "checker.toml").write_text('lexicon-paths = ["lexicon"]\n', encoding="utf-8")
    return tmp_path


def test_cache_a_check_says_the_same_with_the_cache_as_without_it(tmp_path: Path, cache_dir: Path) -> None:
    record = example_record(tmp_path)
    (tmp_path / "draft.md").write_text(ROCKETS_DRAFT, encoding="utf-8")
    args = ("check", "draft.md", "--against", str(record), "--format", "json")
    without = checker_run(cache_dir, *args, "--no-cache", cwd=tmp_path)
    assert sorted(path.name for path in cache_dir.iterdir()) == sorted(p.name for p in cache_dir.glob("world*"))
    first = checker_run(cache_dir, *args, cwd=tmp_path)  # builds the cache
    second = checker_run(cache_dir, *args, cwd=tmp_path)  # reads it
    assert "CC202" in without.stdout and without.returncode == 1, without.stderr
    assert first.stdout == without.stdout and second.stdout == without.stdout
    assert first.returncode == second.returncode == 1 and not second.stderr
    kinds = {path.name.split("-")[0] for path in cache_dir.iterdir()}
    assert {"gazetteer", "pack", "patterns", "record"} <= kinds


def test_cache_an_edited_record_is_read_again(tmp_path: Path, cache_dir: Path) -> None:
    desk = crush_desk(tmp_path)
    args = ("check", "said.md", "--against", "record")
    assert "on record: police said 14" in checker_run(cache_dir, *args, cwd=desk).stdout
    article = desk / "record" / "crush.md"
    article.write_text(article.read_text(encoding="utf-8").replace("said 14", "said 40"), encoding="utf-8")
    agreed = checker_run(cache_dir, *args, cwd=desk)
    assert agreed.returncode == 0 and "CC20" not in agreed.stdout, agreed.stdout
    article.write_text(article.read_text(encoding="utf-8").replace("said 40", "said 12"), encoding="utf-8")
    assert "on record: police said 12" in checker_run(cache_dir, *args, cwd=desk).stdout


def test_cache_an_edited_language_pack_is_read_again(tmp_path: Path, cache_dir: Path) -> None:
    desk = crush_desk(tmp_path)
    article = desk / "record" / "crush.md"  # the record's figure is "tallied", as is one draft's
    article.write_text(article.read_text(encoding="utf-8").replace("said 14 people were", "tallied 14 people"),
                       encoding="utf-8")
    args = ("check", "said.md", "tallied.md", "--against", "record")
    before = checker_run(cache_dir, *args, cwd=desk).stdout
    assert "police said 14" not in before and "attributed to police" not in before.split("tallied.md")[1]
    (desk / "lexicon" / "en" / "speakers.yaml").write_text("reporting_verbs: [tallied]\n", encoding="utf-8")
    after = checker_run(cache_dir, *args, cwd=desk).stdout  # the record and the draft read with the new verb
    assert after.count("CC202") == 2 and after.count("attributed to police") == 2, after
    assert "police said 14" in after


def test_cache_an_edited_gazetteer_file_is_read_again(tmp_path: Path, cache_dir: Path) -> None:
    desk = crush_desk(tmp_path)
    args = ("check", "said.md", "--against", "record")
    assert "at Riverside Stadium" not in checker_run(cache_dir, *args, cwd=desk).stdout  # an unknown place
    (desk / "lexicon" / "gazetteer" / "places.yaml").write_text(
        "places:\n  - name: Riverside Stadium\n    level: 1\n    within: Manchester, United Kingdom\n", encoding="utf-8")
    assert "40 people wounded at Riverside Stadium" in checker_run(cache_dir, *args, cwd=desk).stdout


@pytest.mark.parametrize("damage", ["truncated", "garbage", "payload changed", "a folder"])
def test_cache_a_damaged_cache_is_ignored_and_built_again(tmp_path: Path, cache_dir: Path, damage: str) -> None:
    record = example_record(tmp_path)
    (tmp_path / "draft.md").write_text(ROCKETS_DRAFT, encoding="utf-8")
    args = ("check", "draft.md", "--against", str(record))
    expected = checker_run(cache_dir, *args, cwd=tmp_path)
    assert "CC202" in expected.stdout
    for entry in list(cache_dir.iterdir()):
        data = entry.read_bytes()
        if damage == "a folder":
            entry.unlink()
            entry.mkdir()
            continue
        damaged = {"truncated": data[: len(data) // 2],
                   "garbage": bytes(range(256)) * 40,
                   "payload changed": data[:-40] + bytes(b ^ 0x5A for b in data[-40:])}[damage]
        entry.write_bytes(damaged)
    for _ in range(2):  # read past the damage, then from what that run wrote again
        again = checker_run(cache_dir, *args, cwd=tmp_path)
        assert (again.stdout, again.returncode, again.stderr) == (expected.stdout, 1, "")


def test_cache_a_file_someone_else_could_write_is_not_read(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.write("record-x.json", "key1", {"articles": {}})
    assert cache.read("record-x.json", "key1") == {"articles": {}}
    assert cache.read("record-x.json", "another key") is None  # built for other packs or another version
    (tmp_path / "record-x.json").chmod(0o666)
    assert cache.read("record-x.json", "key1") is None
    (tmp_path / "record-x.json").chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert cache.read("record-x.json", "key1") == {"articles": {}}
    assert Cache().read("record-x.json", "key1") is None  # the cache off: nothing is read


def test_cache_keeps_the_most_recently_used_entries_of_a_kind(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.write("record-0.json", "key", [])
    for number in range(1, 14):  # thirteen more records checked against, an hour apart, long ago
        shutil.copy(tmp_path / "record-0.json", tmp_path / f"record-{number}.json")
    for number in range(14):
        os.utime(tmp_path / f"record-{number}.json", (3600 * number, 3600 * number))
    cache.write("pack-en.json", "key", [])
    assert cache.read("record-2.json", "key") == []  # read: used now
    cache.write("record-new.json", "key", [])
    kept = {path.name for path in tmp_path.iterdir()}
    assert "record-new.json" in kept and "record-2.json" in kept and "pack-en.json" in kept
    assert "record-0.json" not in kept and len([name for name in kept if name.startswith("record-")]) == 10


def test_cache_the_record_read_from_the_cache_is_the_record_built(tmp_path: Path) -> None:
    devset = SHARED_DIR / "devset" / "corpus.jsonl"
    paths = [devset, EXAMPLES] if devset.is_file() else [EXAMPLES]
    settings = Settings(jobs=1)
    built = run(paths, settings, knowledge=Knowledge.load((), Cache()))
    cache = Cache(tmp_path)
    for _ in range(2):  # kept, then read back
        kept = run(paths, settings, knowledge=Knowledge.load((), cache), cache=cache)
        for table in ("articles", "claims", "mentions", "events", "findings", "disputes", "sources", "skipped"):
            assert getattr(kept, table) == getattr(built, table), table
        assert [rule.code for rule in kept.rules] == [rule.code for rule in built.rules]
    assert len(list(tmp_path.glob("record-*.json"))) == 1


def test_cache_a_stored_table_behaves_as_the_dict_it_stands_for() -> None:
    rows = [("Baghdad", json.dumps(["Baghdad"])), ("Kabul", json.dumps(["Kabul", "Kabul Province"]))]
    database = StoredDatabase(store_tables({"names": (2, rows)}))
    table: StoredTable[list[str]] = StoredTable(database, "names", lambda row: json.loads(row[1]))
    assert table["Kabul"] == ["Kabul", "Kabul Province"] and table.get("Basra") is None and "Basra" not in table
    assert "Baghdad" in table and table.get("Baghdad") == ["Baghdad"]
    with pytest.raises(KeyError):
        table["Basra"]
    plain = {"Baghdad": ["Baghdad"], "Kabul": ["Kabul", "Kabul Province"]}
    assert table == plain and len(table) == 2 and sorted(table) == ["Baghdad", "Kabul"]
    copied = pickle.loads(pickle.dumps(table))  # as it goes to a worker process
    assert type(copied) is dict and copied == plain


def test_cache_damaged_pattern_code_is_compiled_again(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    source = r"\b(?:rockets?|missiles?)\s+(\d+)"
    with PatternStore(cache, "test").active():
        first = compiled(source, re.IGNORECASE)
    entry = next(tmp_path.glob("patterns-*.json"))
    header, payload = entry.read_bytes().split(b"\n", 1)
    document = json.loads(payload)
    document["code"][0][3] = [99999, 1, 2, 3]  # code the regex engine refuses
    damaged = json.dumps(document, separators=(",", ":")).encode()
    import hashlib

    fields = header.split()
    fields[-1] = hashlib.sha256(damaged).hexdigest().encode()  # a checksum that matches: only the engine can tell
    entry.write_bytes(b" ".join(fields) + b"\n" + damaged)
    with PatternStore(cache, "test").active():
        again = compiled(source, re.IGNORECASE)
    assert again.pattern == first.pattern and again.flags == first.flags
    assert again.search("Missiles 21 were fired").group(1) == "21"


def test_cache_only_the_drafts_language_is_loaded(tmp_path: Path, cache_dir: Path) -> None:
    record = example_record(tmp_path)
    (tmp_path / "draft.md").write_text(ROCKETS_DRAFT, encoding="utf-8")
    (tmp_path / "lexicon" / "fr").mkdir(parents=True)  # a French pack with a mistake: never read for English
    (tmp_path / "lexicon" / "fr" / "numbers.yaml").write_text("units: [un, deux\n", encoding="utf-8")
    (tmp_path / "checker.toml").write_text('lexicon-paths = ["lexicon"]\n', encoding="utf-8")
    done = checker_run(cache_dir, "check", "draft.md", "--against", str(record), cwd=tmp_path)
    assert done.returncode == 1 and "CC202" in done.stdout and not done.stderr, done.stderr
    assert len(list(cache_dir.glob("pack-*.json"))) == 1  # the English pack, the one loaded
