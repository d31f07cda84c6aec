"""What is read and what is refused (issue 13): regular files only, no symbolic links or manifest paths out of the tree."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from checker.config import Settings
from checker.ingest import Ingested, read_inputs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and symbolic links need a POSIX system")

SECRET = "SECRET-TOKEN-7f3a"


def write_article(path: Path, headline: str = "Ferry service resumes after storm") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{headline}\n\nThe ferry carried 40 passengers on Monday.\n", encoding="utf-8")
    return path


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the folder under test that must never be read."""
    path = tmp_path / "outside" / "secret.txt"
    write_article(path, f"Private key material {SECRET} here")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "tree"
    write_article(folder / "story.txt")
    return folder


def read_within(paths: list[Path], settings: Settings | None = None, seconds: float = 20) -> Ingested:
    """``read_inputs``, failing the test (instead of hanging it) when it does not return in time."""
    outcome: list[Ingested | BaseException] = []

    def target() -> None:
        try:
            outcome.append(read_inputs(paths, settings))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            outcome.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"read_inputs({paths}) did not return within {seconds} s (blocked on a FIFO?)"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def reasons(result: Ingested) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in result.skipped}


def assert_secret_not_read(result: Ingested) -> None:
    for article in result.articles:
        assert SECRET not in article.text
        assert SECRET not in (article.title or "")


# --- only regular files -------------------------------------------------------------------------


def test_ingest_files_manifest_row_pointing_at_fifo_skipped_without_blocking(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    manifest = tree / "rows.jsonl"
    manifest.write_text('{"id": "p", "path": "pipe.txt"}\n{"id": "ok", "text": "The quay reopened."}\n')
    result = read_within([manifest])
    assert [a.article_id for a in result.articles] == ["ok"]
    [skipped] = result.skipped
    assert skipped.line == 1
    assert "FIFO" in skipped.reason


def test_ingest_files_fifo_given_on_command_line_never_opened(tree: Path) -> None:
    fifo = tree / "pipe.md"
    os.mkfifo(fifo)
    result = read_within([fifo])
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(fifo), "not a regular file (a FIFO); only regular files are read")
    ]


def test_ingest_files_fifo_in_folder_listed_with_reason(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    result = read_within([tree])
    assert [a.article_id for a in result.articles] == ["story"]
    assert "FIFO" in reasons(result)["pipe.txt"]


def test_ingest_files_device_in_folder_listed_never_opened(tree: Path) -> None:
    (tree / "zero.txt").symlink_to("/dev/zero")  # a link out of the tree: refused before anything else
    result = read_within([tree], Settings(follow_symlinks=True))  # followed: still not a regular file
    assert "character device" in reasons(result)["zero.txt"]


def test_ingest_files_device_given_on_command_line_never_opened() -> None:
    result = read_within([Path("/dev/zero")])
    assert "character device" in result.skipped[0].reason


# --- symbolic links in a folder ------------------------------------------------------------------


def test_ingest_files_symlink_out_of_tree_not_followed(tree: Path, secret: Path) -> None:
    (tree / "leak.txt").symlink_to(secret)
    result = read_within([tree])
    assert_secret_not_read(result)
    assert [a.article_id for a in result.articles] == ["story"]
    assert "outside the folder given" in reasons(result)["leak.txt"]


def test_ingest_files_symlink_to_parent_git_config_not_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(f"[remote]\n  token = {SECRET}\n")
    articles = repo / "articles"
    write_article(articles / "story.txt")
    (articles / "x.txt").symlink_to("../.git/config")
    result = read_within([articles])
    assert_secret_not_read(result)
    assert "outside the folder given" in reasons(result)["x.txt"]


def test_ingest_files_symlink_into_hidden_folder_of_the_tree_not_followed(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(f"token {SECRET}\n\nmore\n")
    write_article(tmp_path / "story.txt")
    (tmp_path / "x.txt").symlink_to(".git/config.txt")
    result = read_within([tmp_path])
    assert_secret_not_read(result)
    assert "hidden" in reasons(result)["x.txt"]


def test_ingest_files_symlink_inside_tree_followed(tree: Path) -> None:
    write_article(tree / "sub" / "original.txt", "Lifeboat launched twice in one night")
    (tree / "copy.txt").symlink_to("sub/original.txt")
    result = read_within([tree])
    assert sorted(a.article_id for a in result.articles) == ["copy", "original", "story"]
    assert result.skipped == []


def test_ingest_files_follow_symlinks_setting_allows_links_out(tree: Path, secret: Path) -> None:
    (tree / "outside.txt").symlink_to(secret)
    result = read_within([tree], Settings(follow_symlinks=True))
    assert "outside" in [a.article_id for a in result.articles]


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda tree: (tree / "dangling.txt").symlink_to("nowhere.txt"), "dangling symbolic link"),
        (lambda tree: (tree / "loop.txt").symlink_to("loop.txt"), "symbolic link loop"),
        (lambda tree: (tree / "linked").symlink_to(tree), "symbolic link to a folder"),
    ],
    ids=["dangling", "loop", "folder"],
)
def test_ingest_files_odd_entries_in_folder_listed_not_silent(tree: Path, make, fragment: str) -> None:
    make(tree)
    result = read_within([tree])
    assert [a.article_id for a in result.articles] == ["story"]
    assert len(result.skipped) == 1
    assert fragment in result.skipped[0].reason


def test_ingest_files_follow_symlinks_walks_a_folder_link_once(tree: Path) -> None:
    (tree / "again").symlink_to(tree)  # a loop back to the top
    result = read_within([tree], Settings(follow_symlinks=True))
    assert [a.article_id for a in result.articles] == ["story"]
    assert "already walked" in reasons(result)["again"]


def test_ingest_files_dangling_symlink_given_on_command_line(tree: Path) -> None:
    (tree / "gone.md").symlink_to("nowhere.md")
    [skipped] = read_within([tree / "gone.md"]).skipped
    assert "dangling" in skipped.reason


def test_ingest_files_symlink_given_on_command_line_is_read(tree: Path, secret: Path) -> None:
    # a path named on the command line was chosen by whoever ran the checker, link or not
    link = tree / "chosen.txt"
    link.symlink_to(secret)
    assert [a.article_id for a in read_within([link]).articles] == ["chosen"]


# --- manifest paths stay inside the manifest's folder ----------------------------------------------


@pytest.mark.parametrize("written", ["../outside/secret.txt", "../../tree/../outside/secret.txt", "ABSOLUTE"])
def test_ingest_files_manifest_path_outside_its_folder_skipped(tmp_path: Path, secret: Path, written: str) -> None:
    folder = tmp_path / "tree"
    folder.mkdir()
    written = str(secret) if written == "ABSOLUTE" else written
    manifest = folder / "rows.jsonl"
    manifest.write_text(json.dumps({"id": "x", "path": written}) + '\n{"id": "ok", "text": "The quay reopened."}\n')
    result = read_within([manifest])
    assert_secret_not_read(result)
    assert [a.article_id for a in result.articles] == ["ok"]
    [skipped] = result.skipped
    assert (Path(skipped.path), skipped.line) == (manifest, 1)
    assert "outside the manifest's folder" in skipped.reason
    assert repr(written) in skipped.reason


def test_ingest_files_manifest_path_through_symlink_out_skipped(tree: Path, secret: Path) -> None:
    (tree / "door").symlink_to(secret.parent)
    manifest = tree / "rows.csv"
    manifest.write_text("id,path\nx,door/secret.txt\n")
    result = read_within([manifest])
    assert_secret_not_read(result)
    assert "outside the manifest's folder" in result.skipped[0].reason
    followed = read_within([manifest], Settings(follow_symlinks=True))
    assert [a.article_id for a in followed.articles] == ["x"]


def test_ingest_files_manifest_path_inside_subfolder_read(tree: Path) -> None:
    write_article(tree / "sub" / "inner.txt", "Harbour wall repairs begin in June")
    manifest = tree / "rows.json"
    manifest.write_text(json.dumps([{"path": "sub/inner.txt"}, {"path": "./story.txt"}]))
    assert [a.article_id for a in read_within([manifest]).articles] == ["inner", "story"]


def test_ingest_files_input_root_setting_widens_and_names_the_root(tmp_path: Path, secret: Path) -> None:
    manifests = tmp_path / "manifests"
    manifests.mkdir()
    manifest = manifests / "rows.jsonl"
    manifest.write_text(json.dumps({"id": "x", "path": "../outside/secret.txt"}) + "\n")
    widened = read_within([manifest], Settings(input_root=str(tmp_path)))
    assert [a.article_id for a in widened.articles] == ["x"]
    narrowed = read_within([manifest], Settings(input_root=str(manifests / "sub")))
    assert "input-root" in narrowed.skipped[0].reason


def test_ingest_files_input_root_relative_to_the_configuration_file(tmp_path: Path, secret: Path) -> None:
    manifest = tmp_path / "tree" / "rows.jsonl"
    manifest.parent.mkdir()
    manifest.write_text(json.dumps({"id": "x", "path": "../outside/secret.txt"}) + "\n")
    settings = Settings(input_root=".", source=str(tmp_path / "checker.toml"))
    assert [a.article_id for a in read_within([manifest], settings).articles] == ["x"]


@pytest.mark.parametrize("written", ["a\\u0000b.txt", "\\ud800.txt"])
def test_ingest_files_manifest_path_no_file_can_have_skipped(tree: Path, written: str) -> None:
    # a NUL raised ValueError("embedded null byte"); a lone high surrogate cannot be a file name
    manifest = tree / "rows.jsonl"
    manifest.write_text('{"id": "x", "path": "' + written + '"}\n{"id": "ok", "text": "The quay reopened."}\n')
    result = read_within([manifest])
    assert [a.article_id for a in result.articles] == ["ok"]
    [skipped] = result.skipped
    assert skipped.line == 1
    skipped.reason.encode("utf-8")
