"""The claim ledger: incremental scans, reports and checks from it, Parquet export, and a scan killed midway."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.ledger import Ledger, LedgerError

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def report_json(*args: str) -> dict:
    result = invoke("report", *args, "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def signature(report: dict) -> tuple:
    """What must not change between a direct report and one from the ledger."""
    return (
        sorted((c["claim_id"], c["surface"], c["value_low"], c["speaker"], c["event_id"]) for c in report["claims"]),
        sorted((f["code"], f["message"]) for f in report["findings"]),
    )


def test_ledger_report_matches_a_direct_report(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    assert invoke("scan", str(EXAMPLES), "--ledger", str(ledger)).exit_code == 0
    assert signature(report_json("--ledger", str(ledger))) == signature(report_json(str(EXAMPLES)))


def test_ledger_rescan_skips_unchanged_and_replaces_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(corpus), "--ledger", str(ledger))
    again = invoke("scan", str(corpus), "--ledger", str(ledger))
    assert "0 articles added, 0 replaced, 7 unchanged" in again.stderr
    story = corpus / "a_kestrel_valley_herald_2020-12-20.md"
    story.write_text(story.read_text(encoding="utf-8").replace("launched eight rockets", "launched nine rockets"),
                     encoding="utf-8")
    changed = invoke("scan", str(corpus), "--ledger", str(ledger))
    assert "0 articles added, 1 replaced, 6 unchanged" in changed.stderr
    claims = report_json("--ledger", str(ledger))["claims"]
    surfaces = [c["surface"] for c in claims if c["article_id"] == "kvh-2020-12-20-green-zone-rockets"]
    assert "nine" in surfaces and "eight" not in surfaces
    assert len({c["claim_id"] for c in claims}) == len(claims)


def test_ledger_export_writes_parquet_tables(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    result = invoke("export", "--ledger", str(ledger), str(tmp_path / "out"))
    assert result.exit_code == 0
    with Ledger(ledger, read_only=True) as opened:
        stored = opened.connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    exported = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'out' / 'claims.parquet'}')").fetchall()[0][0]
    assert exported == stored > 0
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"articles.parquet", "claims.parquet", "events.parquet",
                                                              "findings.parquet", "sources.parquet"}


def test_ledger_stores_and_exports_the_source_scores(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    assert invoke("export", "--ledger", str(ledger), str(tmp_path / "out")).exit_code == 0
    exported = duckdb.sql(f"SELECT source, level, n_claims, score_high FROM read_parquet("
                          f"'{tmp_path / 'out' / 'sources.parquet'}') ORDER BY level, source").fetchall()
    direct = report_json(str(EXAMPLES))["sources"]
    assert exported == [(s["source"], s["level"], s["n_claims"], s["score_high"])
                        for s in sorted(direct, key=lambda s: (s["level"], s["source"]))]
    with Ledger(ledger, read_only=True) as opened:
        assert [s.to_dict() for s in opened.load("sources", "ORDER BY level, source")] == sorted(
            direct, key=lambda s: (s["level"], s["source"]))


def test_ledger_of_an_earlier_version_is_brought_up_to_date_by_a_scan(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    with Ledger(ledger) as opened:  # as an earlier version wrote it: no sources table, a claim column fewer
        opened.connection.execute("DROP TABLE sources")
        opened.connection.execute('ALTER TABLE claims DROP COLUMN "partial"')
    with Ledger(ledger, read_only=True) as opened:
        with pytest.raises(LedgerError, match="earlier version of checker .has no columns partial in table claims"):
            opened.load("claims")
    exported = invoke("export", "--ledger", str(ledger), str(tmp_path / "out"))
    assert exported.exit_code == 2 and "no table sources" in exported.stderr and "no columns partial" in exported.stderr
    rescanned = invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    assert "7 replaced" in rescanned.stderr  # extracted again, so the new column holds real values
    assert signature(report_json("--ledger", str(ledger))) == signature(report_json(str(EXAMPLES)))
    with Ledger(ledger, read_only=True) as opened:
        assert opened.count("sources") == len(report_json(str(EXAMPLES))["sources"]) > 0


def test_ledger_check_matches_check_against_the_articles(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2020-12-23\n---\n\nU.S. Central Command said eight rockets were fired at the "
                     "Green Zone on Sunday, December 20, 2020.\n", encoding="utf-8")
    from_ledger = invoke("check", str(draft), "--ledger", str(ledger))
    from_articles = invoke("check", str(draft), "--against", str(EXAMPLES))
    assert from_ledger.exit_code == from_articles.exit_code == 1
    assert from_ledger.stdout == from_articles.stdout and " CC202 " in from_ledger.stdout


def test_ledger_missing_file_is_an_input_error(tmp_path: Path) -> None:
    result = invoke("report", "--ledger", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2 and "no such ledger" in result.stderr


def _corpus_of_copies(directory: Path, copies: int) -> int:
    """Distinct small articles made from the example corpus; returns how many files."""
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt"))
    directory.mkdir()
    for copy in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8").replace("id: ", f"id: c{copy}-", 1)
            (directory / f"{copy:04d}_{source.name}").write_text(text + f"\nCopy {copy}.\n", encoding="utf-8")
    return copies * len(sources)


def test_ledger_scan_killed_midway_opens_and_a_rerun_completes_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    files = _corpus_of_copies(corpus, 120)
    ledger = tmp_path / "ledger.duckdb"
    command = [sys.executable, "-m", "checker", "scan", str(corpus), "--ledger", str(ledger), "--batch-size", "5"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:  # wait for the first committed batches
        if ledger.with_suffix(".duckdb.wal").exists() and ledger.with_suffix(".duckdb.wal").stat().st_size > 50_000:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the scan finished before it could be killed"
    with Ledger(ledger, read_only=True) as opened:  # opens after the kill
        partial = opened.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < files
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    clean = tmp_path / "clean.duckdb"
    subprocess.run([*command[:5], "--ledger", str(clean)], capture_output=True, check=True, timeout=300)
    with Ledger(ledger, read_only=True) as resumed, Ledger(clean, read_only=True) as reference:
        for table in ("articles", "claims"):
            query = f"SELECT count(*), count(DISTINCT {'article_id' if table == 'articles' else 'claim_id'}) FROM {table}"
            assert resumed.connection.execute(query).fetchone() == reference.connection.execute(query).fetchone()
        assert resumed.connection.execute("SELECT count(*) FROM articles").fetchone()[0] == files


def test_ledger_same_id_from_two_files_keeps_both_and_edits_replace(tmp_path: Path) -> None:
    for folder in ("2020", "2021"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "story.md").write_text(
            f"---\npublished: {folder}-03-02\n---\nFour rockets were fired at the Green Zone on Sunday, police said "
            f"({folder}).\n", encoding="utf-8")
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(tmp_path / "in" / "2020"), "--ledger", str(ledger))
    invoke("scan", str(tmp_path / "in" / "2021"), "--ledger", str(ledger))
    story = tmp_path / "in" / "2021" / "story.md"
    story.write_text(story.read_text(encoding="utf-8").replace("Four", "Five"), encoding="utf-8")
    invoke("scan", str(tmp_path / "in"), "--ledger", str(ledger))
    with Ledger(ledger, read_only=True) as opened:
        assert opened.count("articles") == 2
        surfaces = sorted(row[0] for row in opened.connection.execute("SELECT surface FROM claims").fetchall())
    assert surfaces == ["Five", "Four"]


def test_ledger_fixed_file_leaves_the_skipped_list(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    draft = tmp_path / "in" / "bad.md"
    draft.write_text("---\ntitle: [unclosed\n---\nThree rockets hit the base.\n", encoding="utf-8")
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), str(tmp_path / "in"), "--ledger", str(ledger))
    assert report_json("--ledger", str(ledger))["summary"]["skipped"] == 1
    draft.write_text("---\ntitle: Fixed\n---\nThree rockets hit the base.\n", encoding="utf-8")
    invoke("scan", str(EXAMPLES), str(tmp_path / "in"), "--ledger", str(ledger))
    assert report_json("--ledger", str(ledger))["summary"]["skipped"] == 0


def test_ledger_interrupted_before_events_are_recomputed_on_the_next_scan(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    with Ledger(ledger) as opened:  # as if killed after the batches and before the assessment
        opened.connection.execute("INSERT OR REPLACE INTO meta VALUES ('assessment', 'stale')")
        opened.connection.execute("DELETE FROM events")
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    with Ledger(ledger, read_only=True) as opened:
        assert opened.count("events") > 0 and not opened.assessment_is_stale()


def test_ledger_not_a_ledger_and_bad_export_target_exit_2(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(other))
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.close()
    result = invoke("report", "--ledger", str(other))
    assert result.exit_code == 2 and "not a checker ledger" in result.stderr
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert invoke("export", "--ledger", str(ledger), str(blocker)).exit_code == 2
    assert invoke("scan", str(EXAMPLES), "--ledger", str(blocker / "l.duckdb")).exit_code == 2


def _hostile_ledger(tmp_path: Path, secret: Path) -> Path:
    """A ledger scanned from the examples whose ``articles`` table a hostile hand replaced with a view that also
    reads a local file, its columns named like the real ones."""
    ledger = tmp_path / "evil.duckdb"
    assert invoke("scan", str(EXAMPLES), "--ledger", str(ledger)).exit_code == 0
    connection = duckdb.connect(str(ledger))
    columns = [row[0] for row in connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles' ORDER BY ordinal_position"
    ).fetchall()]
    connection.execute("ALTER TABLE articles RENAME TO real_articles")
    stolen = ", ".join("content AS text" if c == "text" else f"'x' AS {c}" if c != "line_offset" else "0 AS line_offset"
                       for c in columns)
    connection.execute(f"CREATE VIEW articles AS SELECT * FROM real_articles UNION ALL SELECT {stolen} "
                       f"FROM read_text(['{secret}'])")
    connection.close()
    return ledger


def test_ledger_hostile_view_reading_local_files_is_refused(tmp_path: Path) -> None:
    """A ledger from a pull request could hold a view over local files; the checker refuses it, exit 2, and
    nothing of the file reaches a report."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_TOKEN=hunter2\n", encoding="utf-8")
    ledger = _hostile_ledger(tmp_path, secret)
    for command in (["report", "--ledger", str(ledger), "--format", "json"], ["export", "--ledger", str(ledger),
                                                                               str(tmp_path / "out")],
                    ["scan", str(EXAMPLES), "--ledger", str(ledger)]):
        result = invoke(*command)
        assert result.exit_code == 2, (command, result.output)
        assert "hunter2" not in result.output and "view articles" in result.stderr
    with pytest.raises(LedgerError, match="not a checker ledger"):
        Ledger(ledger, read_only=True)


def test_ledger_is_opened_without_external_access(tmp_path: Path) -> None:
    """Even a ledger of the checker's own tables cannot read files through the connection the checker opens."""
    ledger = tmp_path / "ledger.duckdb"
    invoke("scan", str(EXAMPLES), "--ledger", str(ledger))
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET\n", encoding="utf-8")
    with Ledger(ledger, read_only=True) as opened, pytest.raises(duckdb.Error):
        opened.connection.execute(f"SELECT * FROM read_text(['{secret}'])").fetchall()
