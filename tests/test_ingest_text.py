"""The plain-text reader: headline, date marker, page furniture and the comment-form tail."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import read_inputs
from checker.model import Article
from tests.case_files import read_one


@pytest.fixture
def pier(ingest_fixtures: Path) -> Article:
    return read_one(ingest_fixtures / "text" / "harbour_pier.txt")


@pytest.fixture
def quarry(ingest_fixtures: Path) -> Article:
    return read_one(ingest_fixtures / "text" / "quarry_dispute.txt")


def test_ingest_text_headline_is_first_short_line_followed_by_blank(pier: Article) -> None:
    assert pier.title == "Harbour board votes to close Eastmere ferry pier"
    # the headline stays in the text, so it can be checked against the body
    assert pier.text.split("\n")[0] == pier.title


def test_ingest_text_no_headline_when_first_line_runs_into_the_body(quarry: Article) -> None:
    assert quarry.title is None
    assert quarry.text.startswith("Residents of Brackenfold packed the village hall")


def test_ingest_text_date_marker_on_its_own_line_becomes_published(pier: Article) -> None:
    assert pier.published == date(2024, 3, 5)
    assert "2024-03-05" not in pier.text
    assert "date" not in pier.text.split("\n")[0]


def test_ingest_text_date_marker_before_first_sentence_becomes_published(quarry: Article) -> None:
    assert quarry.published == date(2023, 9, 18)
    assert "2023-09-18" not in quarry.text
    assert not quarry.text.startswith("date")


def test_ingest_text_without_date_marker_has_no_published(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Bakery on Mill Road changes hands\n\nThe bakery was sold to its two longest-serving staff.\n")
    article = read_one(path)
    assert article.published is None
    assert article.title == "Bakery on Mill Road changes hands"


def test_ingest_text_furniture_lines_dropped(pier: Article) -> None:
    assert "Accessibility links" not in pier.text
    assert "ADVERTISEMENT" not in pier.text
    # the article paragraphs around the furniture are all kept
    assert "voted five to two on Tuesday" in pier.text
    assert "three of the pier's twelve timber piles had rotted" in pier.text
    assert "temporary landing stage at Gull Point" in pier.text


def test_ingest_text_section_label_above_headline_dropped(pier: Article) -> None:
    assert "Local News" not in pier.text


def test_ingest_text_tail_cut_from_leave_a_reply(pier: Article) -> None:
    for junk in ("Leave a Reply", "You are commenting using", "Fill in your details"):
        assert junk not in pier.text
    assert pier.text.endswith("until the work is finished, the board said.")


def test_ingest_text_tail_cut_from_do_you_like_this_article(quarry: Article) -> None:
    for junk in ("Do you like this article?", "Comment(s)", "Comment Policy"):
        assert junk not in quarry.text
    assert quarry.text.endswith("too narrow for heavy traffic.")


def test_ingest_text_caption_printed_twice_kept_once(quarry: Article) -> None:
    assert quarry.text.count("Trucks wait at the quarry gate on Pike Hill.") == 1


def test_ingest_text_curly_quotes_kept(quarry: Article) -> None:
    assert "“We will run no more than 20 lorries a day,”" in quarry.text


def test_ingest_text_line_offset_points_at_first_text_line(ingest_fixtures: Path, pier: Article) -> None:
    file_lines = (ingest_fixtures / "text" / "harbour_pier.txt").read_text(encoding="utf-8").split("\n")
    assert pier.line_offset == 6
    assert file_lines[pier.line_offset] == pier.text.split("\n")[0]


def test_ingest_text_line_numbers_of_body_match_the_file(ingest_fixtures: Path, pier: Article) -> None:
    # dropped furniture is blanked, not deleted: line n of the text is line n + line_offset of the file
    file_lines = (ingest_fixtures / "text" / "harbour_pier.txt").read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(pier.text.split("\n")):
        if line:
            assert file_lines[number + pier.line_offset] == line


def test_ingest_text_article_identity(ingest_fixtures: Path, pier: Article) -> None:
    assert pier.article_id == "harbour_pier"
    assert pier.format == "text"
    assert Path(pier.source_path) == ingest_fixtures / "text" / "harbour_pier.txt"
    assert pier.sha256 == hashlib.sha256(pier.text.encode("utf-8")).hexdigest()


def test_ingest_text_only_furniture_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_text("Accessibility links\n\nADVERTISEMENT\n\nLeave a Reply\nNice story!\n")
    (tmp_path / "real.txt").write_text("Pike Hill quarry plan withdrawn\n\nThe operator withdrew its application.\n")
    result = read_inputs([tmp_path])
    assert [a.article_id for a in result.articles] == ["real"]
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == [
        ("junk.txt", "no article text left after removing page furniture")
    ]
