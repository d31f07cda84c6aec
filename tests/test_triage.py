"""Triage first: the text report leads with errors, then warnings, counts infos; filters, statistics, file
locations, tables readable at 80 columns; the ledger `scan` wrote is found by default."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"
MISQUOTE = ("---\npublished: 2020-12-22\n---\n\nU.S. Central Command said eight rockets were fired at the Green Zone "
            "on Sunday, December 20, 2020.\n")


@pytest.fixture(autouse=True)
def _in_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder (no configuration, no ledger) on an 80-column terminal."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("COLUMNS", "80")
    return workdir


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def finding_lines(text: str) -> list[str]:
    """The severity words that start the findings' lines, in order."""
    return [line.split()[0] for line in text.splitlines() if re.match(r"^(error|warning|info) [A-Z]{2}\d{3} ", line)]


def test_triage_text_report_lists_errors_then_warnings_and_only_counts_infos() -> None:
    text = invoke("report", str(EXAMPLES), "--exit-zero").stdout
    assert finding_lines(text) == ["error", "warning"]
    assert "SR101" not in text and "5 infos" in squash_lines(text.split("╰", 1)[0])
    assert "5 infos not listed; --show-info" in squash_lines(text)
    with_info = invoke("report", str(EXAMPLES), "--exit-zero", "--show-info").stdout
    assert finding_lines(with_info) == ["error", "warning"] + ["info"] * 5
    assert finding_lines(invoke("report", str(EXAMPLES), "--exit-zero", "--min-severity", "info").stdout) == \
        finding_lines(with_info)
    only_errors = invoke("report", str(EXAMPLES), "--exit-zero", "--min-severity", "error", "--format", "json").stdout
    assert {f["severity"] for f in json.loads(only_errors)["findings"]} == {"error"}


def squash_lines(text: str) -> str:
    return " ".join(text.split())


def test_triage_errors_of_one_event_come_before_warnings_of_another(tmp_path: Path) -> None:
    """Across events: the warning of an earlier event is listed after the error of a later one."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = {
        "a.md": ("Harbor Ledger", "2019-05-20", "The army said two rockets were fired at the Green Zone on Sunday, "
                                               "May 19, 2019. Iran denied that it was behind the attack."),
        "b.md": ("Valley Courier", "2019-05-21", "Police said two rockets were fired at the Green Zone on Sunday, "
                                                "May 19, 2019. U.S. officials blamed Iran for the attack."),
        "c.md": ("Harbor Ledger", "2020-12-21", "The army said eight rockets were fired at the Green Zone on Sunday, "
                                               "December 20, 2020."),
        "d.md": ("Valley Courier", "2020-12-22", "Police said 21 rockets were fired at the Green Zone on Sunday, "
                                                "December 20, 2020."),
    }
    for name, (outlet, published, text) in articles.items():
        (corpus / name).write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\n\n{text}\n", encoding="utf-8")
    report = json.loads(invoke("report", str(corpus), "--format", "json", "--exit-zero").stdout)
    severities = {f["severity"] for f in report["findings"]}
    assert {"error", "warning"} <= severities, report["findings"]
    text = invoke("report", str(corpus), "--exit-zero", "--show-info").stdout
    order = finding_lines(text)
    assert order == sorted(order, key=["error", "warning", "info"].index), order


# A location printed on a line of its own (under its quote, or as a table's row): a path, maybe a line, maybe the
# line in a manifest row's text.
WHOLE_LOCATION = re.compile(r"^(?:where: )?\S+?(?::[1-9]\d*)?(?: \(text line [1-9]\d*\))?$")


def assert_within_80_columns_but_locations(text: str) -> None:
    """Every line fits in 80 columns, but a location longer than that, which runs past them whole."""
    for line in text.splitlines():
        assert len(line) <= 80 or WHOLE_LOCATION.match(line.strip()), line


def test_triage_locations_are_file_paths_with_lines_never_cut_at_80_columns() -> None:
    # failed for a clone at a longer path (/tmp/tmp.GWzLkwJ2Kj/main): the location under a quote was broken
    text = invoke("report", str(EXAMPLES), "--exit-zero", "--show-info").stdout
    assert_within_80_columns_but_locations(text)
    for where in (f"{EXAMPLES}/a_kestrel_valley_herald_2020-12-20.md:16",
                  f"{EXAMPLES}/b_ashgrove_tribune_2020-12-24.md:11", f"{EXAMPLES}/wire.jsonl:1 (text line 7)",
                  f"{EXAMPLES}/c_cinderford_gazette_2020-12-24.txt:2"):
        assert where in text, where
    for article_id in ("kvh-2020-12-20-green-zone-rockets", "ashgrove-2020-12-24-centcom-21-rockets"):
        assert article_id not in text  # files and lines, not article ids


def test_triage_relative_locations_fit_in_panel_footers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    text = invoke("report", "claims/corpus", "--exit-zero").stdout
    footers = [line for line in text.splitlines() if line.startswith("╰") and ".md:" in line]
    assert any(line.rstrip().endswith("claims/corpus/a_kestrel_valley_herald_2020-12-20.md:16 ─╯") for line in footers)


DEEP = "a_newsroom_folder_with_a_rather_long_name/" * 3  # with tmp_path, far over 80 characters


@pytest.mark.parametrize("here", ["above-the-articles", "elsewhere"])
def test_triage_locations_from_a_deep_folder_are_whole_and_relative_where_they_can_be(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, here: str) -> None:
    archive = tmp_path / DEEP / "archive"
    shutil.copytree(EXAMPLES, archive)
    workdir = tmp_path if here == "above-the-articles" else tmp_path / "elsewhere" / DEEP
    workdir.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(workdir)
    # as ruff prints them: from the working directory when the files are under it, else as given
    shown = f"{DEEP}archive" if here == "above-the-articles" else str(archive)
    findings = json.loads(invoke("report", str(archive), "--format", "json", "--exit-zero").stdout)["findings"]
    terminal = invoke("report", str(archive), "--exit-zero", "--show-info").stdout
    assert_within_80_columns_but_locations(terminal)
    markdown = invoke("report", str(archive), "--exit-zero", "--format", "markdown").stdout
    for text, levels in ((terminal, ("error", "warning", "info")), (markdown, ("error", "warning"))):
        for finding in (f for f in findings if f["severity"] in levels):
            span = finding["spans"][0]
            name = span["path"].rsplit("/", 1)[-1]
            row = re.fullmatch(r"(wire\.jsonl):(\d+)", name)
            where = f"{shown}/{name} (text line {span['line']})" if row else f"{shown}/{name}:{span['line']}"
            assert where in text, (where, text)
        if here == "above-the-articles":
            assert str(tmp_path) not in text
    lines = invoke("check", str(archive / "a_kestrel_valley_herald_2020-12-20.md"), "--against", str(archive),
                   "--exit-zero").stdout.splitlines()
    *findings, summary = lines  # the closing line says what was checked
    assert summary.startswith("1 draft checked")
    assert findings and all(line.startswith(f"{shown}/a_kestrel_valley_herald_2020-12-20.md:") for line in findings)
    github = invoke("report", str(archive), "--format", "github", "--exit-zero").stdout
    assert f"file={shown.replace(':', '%3A')}/wire.jsonl,line=1," in github  # the manifest and the row, as SARIF


def words_of(text: str) -> set[str]:
    return set(re.split(r"[\s│┃┏┓┗┛┡┩└┘├┤┼╇╈━─]+", text))


def test_triage_sources_and_claims_tables_break_no_word_at_80_columns() -> None:
    report = json.loads(invoke("report", str(EXAMPLES), "--format", "json", "--exit-zero").stdout)
    sources_text = invoke("sources", str(EXAMPLES)).stdout
    shown = words_of(sources_text)
    for source in report["sources"]:
        for word in f"{source['source']} {source['reasons']}".split():
            assert word in shown, (word, sources_text[:3000])
    claims_text = invoke("claims", str(EXAMPLES)).stdout
    shown = words_of(claims_text)
    for claim in report["claims"][:50]:
        for word in " ".join(str(claim[key] or "") for key in ("claim_id", "speaker", "place", "subject")).split():
            assert word in shown, (word, claims_text[:3000])
    assert all(len(line) <= 80 for line in (sources_text + claims_text).splitlines())


def codes(*args: str) -> list[str]:
    result = invoke("report", str(EXAMPLES), "--format", "json", "--exit-zero", *args)
    assert result.exit_code == 0, result.stderr
    return sorted(f["code"] for f in json.loads(result.stdout)["findings"])


def test_triage_filters_by_event_outlet_and_dates() -> None:
    assert codes("--outlet", "kestrel") == ["CC101", "CC102", "SR101"]  # the Herald's conflict, blame and source
    assert codes("--outlet", "Ashgrove Tribune", "--min-severity", "warning") == ["CC101", "CC102"]
    assert codes("--event", "green-zone@2020-12-20") == ["CC101", "CC102"]
    assert codes("--event", "no such event") == []
    assert codes("--since", "2020-12-01", "--until", "2020-12-31", "--min-severity", "warning") == ["CC101", "CC102"]
    assert "CC101" not in codes("--since", "2021-01-01")
    assert codes("--until", "2019-12-31") == ["SR101"]  # the anonymous source of the 2019 article
    text = invoke("report", str(EXAMPLES), "--outlet", "kestrel", "--exit-zero").stdout
    assert "filtered (outlet kestrel): 3 of 7 findings" in squash_lines(text)
    assert invoke("report", str(EXAMPLES), "--since", "2021-13-01").exit_code == 2


def test_triage_exit_status_follows_the_filtered_findings() -> None:
    assert invoke("report", str(EXAMPLES)).exit_code == 1
    assert invoke("report", str(EXAMPLES), "--since", "2021-01-01").exit_code == 0


def test_triage_statistics_count_findings_per_rule() -> None:
    result = invoke("report", str(EXAMPLES), "--statistics", "--exit-zero")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["5", "SR101", "info", "sourcing.anonymous_source"]
    assert lines[1].split() == ["1", "CC101", "error", "numbers.conflicting_count"]
    assert lines[-1] == "7 findings"
    as_json = json.loads(invoke("report", str(EXAMPLES), "--statistics", "--format", "json", "--exit-zero").stdout)
    assert as_json[0] == {"code": "SR101", "rule": "sourcing.anonymous_source", "severity": "info", "count": 5}
    assert invoke("report", str(EXAMPLES), "--statistics", "--format", "html").exit_code == 2


def test_triage_check_statistics_and_min_severity(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    result = invoke("check", str(draft), "--against", str(EXAMPLES), "--statistics")
    assert result.exit_code == 1 and result.stdout.splitlines()[0].split()[1] == "CC202"


def test_triage_scan_then_report_check_and_export_find_the_default_ledger(tmp_path: Path,
                                                                          _in_an_empty_folder: Path) -> None:
    assert invoke("report").exit_code == 2  # no ledger yet: a usage error that says what to do
    assert ".checker/ledger.duckdb" in invoke("report").stderr
    assert invoke("scan", str(EXAMPLES)).exit_code == 0
    assert (_in_an_empty_folder / ".checker" / "ledger.duckdb").is_file()
    report = invoke("report", "--format", "json", "--exit-zero")
    assert report.exit_code == 0 and "CC101" in {f["code"] for f in json.loads(report.stdout)["findings"]}
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    checked = invoke("check", str(draft))
    assert checked.exit_code == 1 and " CC202 " in checked.stdout
    exported = invoke("export", str(tmp_path / "tables"))
    assert exported.exit_code == 0 and (tmp_path / "tables" / "sources.parquet").is_file()


def test_triage_ledger_is_a_configuration_key(tmp_path: Path, _in_an_empty_folder: Path) -> None:
    (_in_an_empty_folder / "checker.toml").write_text('ledger = "store/news.duckdb"\n', encoding="utf-8")
    assert invoke("scan", str(EXAMPLES)).exit_code == 0
    assert (_in_an_empty_folder / "store" / "news.duckdb").is_file()
    assert not (_in_an_empty_folder / ".checker").exists()
    report = invoke("report", "--format", "json", "--exit-zero")
    assert report.exit_code == 0 and json.loads(report.stdout)["summary"]["articles"] == 7
    draft = tmp_path / "draft.md"
    draft.write_text(MISQUOTE, encoding="utf-8")
    assert invoke("check", str(draft)).exit_code == 1
