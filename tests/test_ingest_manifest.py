"""Manifests (.jsonl, .json, .csv): one article per row; a bad row is skipped with its line, the rest still read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from checker.config import Settings
from checker.ingest import Ingested, read_inputs


@pytest.fixture
def manifests(ingest_fixtures: Path) -> Path:
    return ingest_fixtures / "manifests"


def by_id(result: Ingested) -> dict:
    return {article.article_id: article for article in result.articles}


def skipped_lines(result: Ingested) -> list[tuple[str, int | None]]:
    return [(Path(s.path).name, s.line) for s in result.skipped]


# --- JSON Lines ---------------------------------------------------------------------------------


def test_ingest_manifest_jsonl_one_article_per_row(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.jsonl"])
    assert [a.article_id for a in result.articles] == ["bus-route", "pier-notice", "library-hours"]


def test_ingest_manifest_jsonl_row_fields_become_metadata(manifests: Path) -> None:
    bus = by_id(read_inputs([manifests / "articles.jsonl"]))["bus-route"]
    assert bus.outlet == "Valley Courier"
    assert bus.title == "New bus route for Upper Lowford"
    assert bus.published == date(2024, 2, 12)
    assert bus.url == "https://courier.example/news/bus-route"
    assert bus.text == "The county will run a new bus route to Upper Lowford from March, with six buses a day."
    assert bus.source_path == f"{manifests / 'articles.jsonl'}:1"


def test_ingest_manifest_jsonl_path_read_relative_to_manifest(
    manifests: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the row's path must not depend on the working directory
    notice = by_id(read_inputs([manifests / "articles.jsonl"]))["pier-notice"]
    assert notice.title == "Ferry pier closed until April"
    assert "Passengers should use the landing stage at Gull Point." in notice.text
    assert notice.source_path == f"{manifests / 'articles.jsonl'}:2"


def test_ingest_manifest_jsonl_row_without_text_skipped_with_line(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.jsonl"])
    no_body = [s for s in result.skipped if s.line == 3]
    assert len(no_body) == 1
    assert "no text and no path" in no_body[0].reason
    assert "no-body" not in by_id(result)


def test_ingest_manifest_jsonl_broken_json_line_skipped_with_line(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.jsonl"])
    assert skipped_lines(result) == [("articles.jsonl", 3), ("articles.jsonl", 4)]
    broken = result.skipped[1]
    assert "JSON" in broken.reason
    # the row after the broken one is still read
    assert "library-hours" in by_id(result)


def test_ingest_manifest_text_normalised(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    row = {"id": "nbsp", "text": "Cafe\u0301 owners met on\u00a0Friday and said \u201cno\u201d."}
    manifest.write_text(json.dumps(row) + "\n", encoding="utf-8")
    [article] = read_inputs([manifest]).articles
    assert article.text == "Café owners met on Friday and said “no”."


def test_ingest_manifest_row_path_missing_skipped_others_read(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    manifest.write_text(
        '{"id": "gone", "path": "missing/story.txt"}\n'
        '{"id": "here", "text": "The harbour master retired after 31 years."}\n'
    )
    result = read_inputs([manifest])
    assert [a.article_id for a in result.articles] == ["here"]
    [skipped] = result.skipped
    assert skipped.line == 1
    assert "cannot read" in skipped.reason


def test_ingest_manifest_row_path_to_unsupported_file_skipped(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    manifest = tmp_path / "rows.jsonl"
    manifest.write_text('{"id": "scan", "path": "scan.pdf"}\n{"id": "ok", "text": "The ferry ran on time."}\n')
    result = read_inputs([manifest])
    assert [a.article_id for a in result.articles] == ["ok"]
    [skipped] = result.skipped
    assert skipped.line == 1
    assert "scan.pdf" in skipped.reason


def test_ingest_manifest_empty_manifest_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "none.json"
    manifest.write_text("[]\n")
    result = read_inputs([manifest])
    assert result.articles == []
    [skipped] = result.skipped
    assert "no articles" in skipped.reason


# --- JSON ---------------------------------------------------------------------------------------


def test_ingest_manifest_json_list_one_article_per_object(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.json"])
    assert [a.article_id for a in result.articles] == ["allotments", "ferry-timetable"]
    allotments = result.articles[0]
    assert allotments.outlet == "Valley Courier"
    assert allotments.published == date(2024, 4, 20)
    assert allotments.source_path == f"{manifests / 'articles.json'}:2"


def test_ingest_manifest_json_path_row_keeps_file_metadata(manifests: Path) -> None:
    timetable = by_id(read_inputs([manifests / "articles.json"]))["ferry-timetable"]
    assert timetable.title == "Winter ferry timetable published"
    assert timetable.outlet == "Eastmere Gazette"
    assert timetable.published == date(2024, 1, 8)
    assert timetable.text == (
        "The winter timetable adds two crossings on Saturdays and drops the last sailing on weekdays."
    )


def test_ingest_manifest_json_row_without_text_skipped_with_line(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.json"])
    assert skipped_lines(result) == [("articles.json", 8)]  # the line its object starts on
    assert "no text and no path" in result.skipped[0].reason


def test_ingest_manifest_json_invalid_document_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "broken.json"
    manifest.write_text('[\n  {"id": "a", "text": "x"},\n  {"id": "b" "text": "y"}\n]\n')
    good = tmp_path / "good.txt"
    good.write_text("Lifeboat crew rescues two walkers\n\nThe crew was called out at dawn.\n")
    result = read_inputs([manifest, good])
    assert [a.article_id for a in result.articles] == ["good"]
    [skipped] = result.skipped
    assert "JSON" in skipped.reason
    assert skipped.line == 3


def test_ingest_manifest_json_articles_key_row_line_numbers(tmp_path: Path) -> None:
    manifest = tmp_path / "wrapped.json"
    manifest.write_text(
        '{"articles": [\n'
        '  {"id": "a", "text": "The bridge reopened on Monday."},\n'
        '  {"id": "b", "title": "no text"}\n'
        "]}\n"
    )
    result = read_inputs([manifest])
    assert [a.article_id for a in result.articles] == ["a"]
    assert skipped_lines(result) == [("wrapped.json", 3)]


def test_ingest_manifest_json_non_object_row_line_numbers(tmp_path: Path) -> None:
    manifest = tmp_path / "mixed.json"
    manifest.write_text('[\n  "not an article",\n  {"id": "b", "title": "no text"}\n]\n')
    result = read_inputs([manifest])
    assert skipped_lines(result) == [("mixed.json", 2), ("mixed.json", 3)]


# --- CSV ----------------------------------------------------------------------------------------


def test_ingest_manifest_csv_one_article_per_row(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.csv"])
    assert [a.article_id for a in result.articles] == ["fete", "pier-notice"]
    fete = result.articles[0]
    assert fete.outlet == "Eastmere Gazette"
    assert fete.title == "Summer fete raises record sum"
    assert fete.published == date(2024, 7, 1)
    assert fete.url == "https://gazette.example/fete"
    assert fete.text == "The Eastmere summer fete raised 8,400 pounds for the lifeboat station, organisers said."
    assert fete.source_path == f"{manifests / 'articles.csv'}:2"


def test_ingest_manifest_csv_path_row_read_relative_to_manifest(manifests: Path) -> None:
    notice = by_id(read_inputs([manifests / "articles.csv"]))["pier-notice"]
    assert notice.title == "Ferry pier closed until April"
    assert notice.source_path == f"{manifests / 'articles.csv'}:3"


def test_ingest_manifest_csv_row_without_text_skipped_with_line(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.csv"])
    assert skipped_lines(result) == [("articles.csv", 4)]
    assert "no text and no path" in result.skipped[0].reason


def test_ingest_manifest_csv_without_text_or_path_column_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "wrong.csv"
    manifest.write_text("id,headline\na,Something happened\n")
    [skipped] = read_inputs([manifest]).skipped
    assert "'text' or 'path' column" in skipped.reason
    assert skipped.line == 1


def test_ingest_manifest_csv_multiline_row_reports_its_first_line(tmp_path: Path) -> None:
    manifest = tmp_path / "multi.csv"
    manifest.write_text(
        "id,title,text\n"
        'a,"A title\nover two lines",\n'  # lines 2-3: no text, skipped
        'b,Quarry,"First paragraph.\nSecond paragraph."\n'  # lines 4-5
    )
    result = read_inputs([manifest])
    assert skipped_lines(result) == [("multi.csv", 2)]
    assert [a.source_path for a in result.articles] == [f"{manifest}:4"]


# --- ids ----------------------------------------------------------------------------------------


def test_ingest_manifest_id_becomes_article_id(manifests: Path) -> None:
    result = read_inputs([manifests / "articles.json"])
    assert "allotments" in by_id(result)


def test_ingest_manifest_row_without_id_gets_stable_id(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    manifest.write_text('{"text": "The quay wall will be rebuilt in stone."}\n')
    first = read_inputs([manifest]).articles[0].article_id
    second = read_inputs([manifest]).articles[0].article_id
    assert first and first == second


def test_ingest_manifest_path_row_without_id_keeps_front_matter_id(manifests: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    target = manifests / "articles" / "ferry_timetable.md"
    manifest.write_text(json.dumps({"path": str(target)}) + "\n")
    # the file is outside the manifest's folder: allowed because input-root says where rows may read
    [article] = read_inputs([manifest], Settings(input_root=str(manifests))).articles
    assert article.article_id == "ferry-timetable-2024"


# --- inputs found by fuzzing (issue 13) -----------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_ingest_manifest_deeply_nested_json_skipped_not_recursion_error(tmp_path: Path, suffix: str) -> None:
    manifest = tmp_path / f"deep{suffix}"
    manifest.write_text("[" * 100_000)
    good = tmp_path / "good.txt"
    good.write_text("Lifeboat crew rescues two walkers\n\nThe crew was called out at dawn.\n")
    result = read_inputs([manifest, good])  # raised RecursionError
    assert [a.article_id for a in result.articles] == ["good"]
    [skipped] = result.skipped
    assert "nested too deeply" in skipped.reason
    assert skipped.line == 1


def test_ingest_manifest_integer_too_long_to_convert_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    manifest.write_text('{"id": ' + "9" * 5000 + ', "text": "x"}\n{"id": "ok", "text": "The quay reopened."}\n')
    result = read_inputs([manifest])
    assert [a.article_id for a in result.articles] == ["ok"]
    assert skipped_lines(result) == [("rows.jsonl", 1)]
    assert "JSON" in result.skipped[0].reason


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [("outlet", ["a"], "a list"), ("title", {"x": 1}, "an object"), ("outlet", True, "true or false"),
     ("path", ["a.txt"], "a list"), ("text", {"body": "x"}, "an object"), ("published", [2020], "a list")],
)
def test_ingest_manifest_field_not_text_skipped_with_line(tmp_path: Path, field: str, value: object, kind: str) -> None:
    manifest = tmp_path / "rows.jsonl"
    row = {"id": "x", "text": "The quay reopened.", field: value}
    manifest.write_text('{"id": "ok", "text": "The ferry ran."}\n' + json.dumps(row) + "\n")
    result = read_inputs([manifest])
    assert [a.article_id for a in result.articles] == ["ok"]
    assert skipped_lines(result) == [("rows.jsonl", 2)]
    assert f"manifest field '{field}' must be text, not {kind}" == result.skipped[0].reason


def test_ingest_manifest_numbers_in_fields_read_as_text(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.json"
    manifest.write_text(json.dumps([{"id": 17, "outlet": 2021, "title": 3.5, "text": "The quay reopened."}]))
    [article] = read_inputs([manifest]).articles
    assert (article.article_id, article.outlet, article.title) == ("17", "2021", "3.5")


def test_ingest_manifest_row_fields_are_one_line(tmp_path: Path) -> None:
    manifest = tmp_path / "rows.jsonl"
    row = {"id": "a\nb", "outlet": "Valley\nCourier", "title": "Two\r\nlines", "text": "The quay reopened."}
    manifest.write_text(json.dumps(row) + "\n")
    [article] = read_inputs([manifest]).articles
    assert (article.article_id, article.outlet, article.title) == ("a b", "Valley Courier", "Two  lines")


def test_ingest_manifest_row_path_problem_names_the_file_it_read(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    manifest = tmp_path / "rows.jsonl"
    manifest.write_text('{"id": "x", "path": "bad.md"}\n')
    [skipped] = read_inputs([manifest]).skipped
    assert skipped.line == 1  # the manifest's line; the file's own line is in the reason
    assert skipped.reason.startswith("row's path 'bad.md': malformed front matter")
    assert "(its line 2)" in skipped.reason
