"""The Markdown reader: YAML front matter becomes the article's metadata; bad front matter is skipped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.ingest import read_inputs
from checker.model import Article
from tests.case_files import read_one


@pytest.fixture
def bridge(ingest_fixtures: Path) -> Article:
    return read_one(ingest_fixtures / "markdown" / "lowford_bridge.md")


def test_ingest_markdown_front_matter_becomes_metadata(bridge: Article) -> None:
    assert bridge.article_id == "lowford-bridge-2023"
    assert bridge.title == "Lowford bridge reopens after flood repairs"
    assert bridge.outlet == "Valley Courier"
    assert bridge.published == date(2023, 11, 14)
    assert bridge.url == "https://courier.example/news/lowford-bridge"
    assert bridge.format == "markdown"


def test_ingest_markdown_front_matter_not_in_text(bridge: Article) -> None:
    assert "---" not in bridge.text
    assert "outlet:" not in bridge.text
    assert bridge.text.startswith("# Lowford bridge reopens after flood repairs")
    assert "eight months after floodwater cracked two of its arches" in bridge.text


def test_ingest_markdown_line_offset_counts_front_matter(ingest_fixtures: Path, bridge: Article) -> None:
    file_lines = (ingest_fixtures / "markdown" / "lowford_bridge.md").read_text(encoding="utf-8").split("\n")
    # seven front-matter lines and the blank line after them come before the text
    assert bridge.line_offset == 8
    for number, line in enumerate(bridge.text.split("\n")):
        assert file_lines[number + bridge.line_offset] == line


def test_ingest_markdown_without_front_matter_uses_heading_and_stem(ingest_fixtures: Path) -> None:
    article = read_one(ingest_fixtures / "markdown" / "council_budget.md")
    assert article.article_id == "council_budget"
    assert article.title == "Upper Lowford council agrees its budget"
    assert article.published is None
    assert article.outlet is None
    assert article.line_offset == 0


def test_ingest_markdown_date_key_accepted_for_published(tmp_path: Path) -> None:
    path = tmp_path / "fete.md"
    path.write_text("---\ntitle: Fete date set\ndate: 2024-05-30\n---\nThe fete will be held on the green.\n")
    assert read_one(path).published == date(2024, 5, 30)


def test_ingest_markdown_malformed_front_matter_skipped_naming_the_line(ingest_fixtures: Path) -> None:
    result = read_inputs([ingest_fixtures / "bad" / "bad_front_matter.md", ingest_fixtures / "markdown"])
    assert [a.article_id for a in result.articles] == ["council_budget", "lowford-bridge-2023"]
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert Path(skipped.path).name == "bad_front_matter.md"
    assert "front matter" in skipped.reason
    assert skipped.line == 2  # "title: Mill fire: crews stay overnight"


def test_ingest_markdown_unclosed_front_matter_skipped(ingest_fixtures: Path) -> None:
    result = read_inputs([ingest_fixtures / "bad" / "unclosed_front_matter.md"])
    assert result.articles == []
    [skipped] = result.skipped
    assert "front matter" in skipped.reason
    assert "---" in skipped.reason
    assert skipped.line == 1


def test_ingest_markdown_front_matter_not_a_mapping_skipped(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("---\n- just\n- a list\n---\nBody text of the article.\n")
    [skipped] = read_inputs([path]).skipped
    assert "front matter" in skipped.reason
    assert skipped.line == 2


def test_ingest_markdown_bad_published_date_skipped_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "when.md"
    path.write_text("---\ntitle: Roadworks on the A6\npublished: last Tuesday\n---\nRoadworks start soon.\n")
    result = read_inputs([path])
    assert result.articles == []
    [skipped] = result.skipped
    assert "published" in skipped.reason
    assert "last Tuesday" in skipped.reason
