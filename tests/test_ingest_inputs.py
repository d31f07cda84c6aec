"""Reading many inputs: directory walking, ids, the size limit, and bad inputs skipped without stopping the run."""

from __future__ import annotations

from pathlib import Path

from checker.config import Settings
from checker.ingest import read_inputs


def write_article(path: Path, headline: str, body: str = "The story continues in the second paragraph.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return path


# --- directory walking --------------------------------------------------------------------------


def test_ingest_inputs_directory_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for relative in ("b/zeta.txt", "a/yarrow.md", "a/sub/xylem.txt", "crane.txt"):
        write_article(tmp_path / relative, f"Story about {Path(relative).stem} in the valley")
    result = read_inputs([tmp_path])
    assert [Path(a.source_path).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "a/sub/xylem.txt",
        "a/yarrow.md",
        "b/zeta.txt",
        "crane.txt",
    ]
    assert result.skipped == []


def test_ingest_inputs_hidden_files_and_directories_ignored(tmp_path: Path) -> None:
    write_article(tmp_path / "visible.txt", "The visible story of the week")
    write_article(tmp_path / ".draft.txt", "A hidden draft that is not ready")
    write_article(tmp_path / ".cache" / "old.txt", "An old cached copy of a story")
    write_article(tmp_path / "news" / ".notes.md", "Editor notes kept out of the corpus")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    result = read_inputs([tmp_path])
    assert [a.article_id for a in result.articles] == ["visible"]
    assert result.skipped == []  # hidden entries are not even reported


def test_ingest_inputs_explicit_paths_read_in_given_order(tmp_path: Path) -> None:
    later = write_article(tmp_path / "later.txt", "The later story in the list")
    first = write_article(tmp_path / "first.txt", "The first story in the list")
    result = read_inputs([later, first])
    assert [a.article_id for a in result.articles] == ["later", "first"]


def test_ingest_inputs_duplicate_stems_get_distinct_ids(tmp_path: Path) -> None:
    write_article(tmp_path / "north" / "update.txt", "Northern ferry timetable update")
    write_article(tmp_path / "south" / "update.txt", "Southern ferry timetable update")
    write_article(tmp_path / "south" / "update.md", "Southern ferry timetable notes")
    ids = [a.article_id for a in read_inputs([tmp_path]).articles]
    assert len(ids) == 3
    assert len(set(ids)) == 3
    assert ids[0] == "update"
    assert all(article_id.startswith("update") for article_id in ids)


def test_ingest_inputs_duplicate_ids_across_manifests_made_distinct(ingest_fixtures: Path) -> None:
    manifests = ingest_fixtures / "manifests"
    result = read_inputs([manifests / "articles.jsonl", manifests / "articles.csv"])
    ids = [a.article_id for a in result.articles]
    assert len(ids) == len(set(ids))
    assert "pier-notice" in ids


def test_ingest_inputs_three_identical_copies_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("monday", "tuesday", "wednesday"):
        write_article(tmp_path / folder / "pier.txt", "Ferry pier closes for repairs")
    ids = [a.article_id for a in read_inputs([tmp_path]).articles]
    assert len(ids) == 3
    assert len(set(ids)) == 3


# --- size limit ---------------------------------------------------------------------------------


def test_ingest_inputs_file_over_size_limit_skipped(tmp_path: Path) -> None:
    small = write_article(tmp_path / "small.txt", "A small story about a stile")
    big = write_article(tmp_path / "big.txt", "A big story about a bypass", "word " * 500)
    limit = small.stat().st_size
    result = read_inputs([tmp_path], Settings(max_file_bytes=limit))
    assert [a.article_id for a in result.articles] == ["small"]  # exactly at the limit is fine
    [skipped] = result.skipped
    assert Path(skipped.path) == big
    assert "limit" in skipped.reason
    assert f"{big.stat().st_size:,}" in skipped.reason


def test_ingest_inputs_default_size_limit_reads_ordinary_files(tmp_path: Path) -> None:
    write_article(tmp_path / "long.txt", "A long feature on the valley railway", "sentence. " * 20_000)
    assert [a.article_id for a in read_inputs([tmp_path]).articles] == ["long"]


def test_ingest_inputs_size_limit_applies_to_manifest_paths(tmp_path: Path) -> None:
    write_article(tmp_path / "big.txt", "A big story about a bypass", "word " * 500)
    (tmp_path / "rows.jsonl").write_text('{"id": "big", "path": "big.txt"}\n{"id": "tiny", "text": "Rain."}\n')
    result = read_inputs([tmp_path / "rows.jsonl"], Settings(max_file_bytes=200))
    assert [a.article_id for a in result.articles] == ["tiny"]
    [skipped] = result.skipped
    assert skipped.line == 1
    assert "limit" in skipped.reason


# --- bad inputs ---------------------------------------------------------------------------------

BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"GIF89a\x01\x00\x01\x00\x00\xff\x00", "binary"),
    "noise.md": (bytes(range(0x80, 0x100)) * 8, "not UTF-8"),
    "bad_front.md": (b"---\ntitle: [unclosed\n---\nBody.\n", "front matter"),
    "rows.jsonl": (b'{"id": "x", "title": "no text"}\n{"id": "y", "text": "cut off\n', "manifest row"),
    "scan.pdf": (b"%PDF-1.4\n", "unsupported file type .pdf"),
    "README": (b"read me", "unsupported file type (none)"),
}


def test_ingest_inputs_bad_inputs_skipped_with_reasons_and_good_ones_read(tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    write_article(tmp_path / "good.txt", "The one good story in the folder")
    missing = tmp_path / "missing.txt"

    result = read_inputs([tmp_path, missing])  # never raises for bad input

    assert [a.article_id for a in result.articles] == ["good"]
    reasons: dict[str, list[str]] = {}
    for skipped in result.skipped:
        reasons.setdefault(Path(skipped.path).name, []).append(skipped.reason)
    assert set(reasons) == set(BAD_FILES) | {"missing.txt"}
    for name, (_, fragment) in BAD_FILES.items():
        assert any(fragment in reason for reason in reasons[name]), (name, reasons[name])
    assert reasons["missing.txt"] == ["no such file or directory"]
    assert len(reasons["rows.jsonl"]) == 2  # one per bad row


def test_ingest_inputs_nonexistent_path_skipped(tmp_path: Path) -> None:
    result = read_inputs([tmp_path / "nowhere"])
    assert result.articles == []
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(tmp_path / "nowhere"), "no such file or directory")
    ]


def test_ingest_inputs_unsupported_suffix_skipped_naming_it(tmp_path: Path) -> None:
    (tmp_path / "story.docx").write_bytes(b"PK\x03\x04")
    [skipped] = read_inputs([tmp_path / "story.docx"]).skipped
    assert skipped.reason == "unsupported file type .docx"


def test_ingest_inputs_suffix_case_ignored(tmp_path: Path) -> None:
    write_article(tmp_path / "SHOUTY.TXT", "A story saved with a capital suffix")
    assert [a.format for a in read_inputs([tmp_path]).articles] == ["text"]
