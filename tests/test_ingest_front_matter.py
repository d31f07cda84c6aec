"""Front matter that once crashed the run (issue 13): values are read as text or the file is skipped with its line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.ingest import read_inputs
from checker.ingest.decode import UnreadableInput
from checker.ingest.front_matter import MAX_FRONT_MATTER_CHARS
from checker.ingest.text import parse_markdown
from checker.prepublication import DraftError, draft_article

BODY = "Crews cleared 14 fallen trees from the valley road on Monday, the council said.\n"


def markdown(front: str, body: str = BODY) -> str:
    return f"---\n{front}\n---\n{body}"


def skipped_for(tmp_path: Path, front: str) -> tuple[str, int | None]:
    path = tmp_path / "story.md"
    path.write_text(markdown(front), encoding="utf-8")
    result = read_inputs([path])  # must not raise
    assert result.articles == []
    [skipped] = result.skipped
    return skipped.reason, skipped.line


# --- crashes found by fuzzing -------------------------------------------------------------------


def test_ingest_front_matter_impossible_date_under_another_key_is_ignored(tmp_path: Path) -> None:
    # The YAML loader raised ValueError (not yaml.YAMLError) building date(2020, 2, 30).
    path = tmp_path / "story.md"
    path.write_text(markdown("title: Road cleared\nupdated: 2020-02-30"), encoding="utf-8")
    [article] = read_inputs([path]).articles
    assert article.title == "Road cleared"


def test_ingest_front_matter_impossible_published_date_skipped_with_line(tmp_path: Path) -> None:
    reason, line = skipped_for(tmp_path, "title: Road cleared\npublished: 2020-02-30")
    assert "published" in reason
    assert "2020-02-30" in reason
    assert line == 3


@pytest.mark.parametrize(
    ("front", "key", "kind", "line"),
    [
        ("title: {x: 1}", "title", "a mapping", 2),
        ("outlet: [a]", "outlet", "a list", 2),
        ("title: Fine\noutlet: true", "outlet", "true or false", 3),
        ("title: !!binary aGVsbG8=", "title", "binary data", 2),
        ("id: !custom x", "id", "tagged !custom", 2),
        ("url:\n  - https://a.example\n  - https://b.example", "url", "a list", 2),
    ],
)
def test_ingest_front_matter_value_not_text_skipped_with_key_and_line(
    tmp_path: Path, front: str, key: str, kind: str, line: int
) -> None:
    reason, skipped_line = skipped_for(tmp_path, front)
    assert f"'{key}'" in reason
    assert kind in reason
    assert skipped_line == line


def test_ingest_front_matter_values_written_as_numbers_or_dates_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(markdown("id: 0x1F\ntitle: 2021\noutlet: 1e3\npublished: 2024-03-05 10:30:00"), encoding="utf-8")
    [article] = read_inputs([path]).articles
    assert (article.article_id, article.title, article.outlet) == ("0x1F", "2021", "1e3")
    assert article.published == date(2024, 3, 5)


def test_ingest_front_matter_unknown_keys_never_built(tmp_path: Path) -> None:
    # tags, custom types and an alias bomb under keys the checker does not use are not constructed
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    front = "title: Road cleared\ntags: [roads, weather]\nlogo: !!binary aGVsbG8=\nwhen: !!timestamp 2020-13-45\n" + bomb
    path = tmp_path / "story.md"
    path.write_text(markdown(front), encoding="utf-8")
    [article] = read_inputs([path]).articles
    assert article.title == "Road cleared"


def test_ingest_front_matter_deeply_nested_skipped_not_recursion_error(tmp_path: Path) -> None:
    reason, _ = skipped_for(tmp_path, "title: " + "[" * 100_000)
    assert "front matter" in reason


def test_ingest_front_matter_brackets_nested_deep_skipped_with_line(tmp_path: Path) -> None:
    reason, line = skipped_for(tmp_path, "title: Fine\ntags: " + "[" * 1000 + "]" * 1000)
    assert reason == "malformed front matter: brackets nested more than 64 deep"
    assert line == 2


def test_ingest_front_matter_over_its_limit_skipped(tmp_path: Path) -> None:
    filler = "".join(f"note{i}: {'x' * 60}\n" for i in range(MAX_FRONT_MATTER_CHARS // 60))
    reason, line = skipped_for(tmp_path, "title: Long\n" + filler)
    assert "over the limit" in reason
    assert line == 1


def test_ingest_front_matter_multiline_title_becomes_one_line(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(markdown("title: |\n  Road cleared\n  after the storm"), encoding="utf-8")
    [article] = read_inputs([path]).articles
    assert article.title == "Road cleared after the storm"


def test_ingest_front_matter_metadata_values_are_text() -> None:
    parsed = parse_markdown(markdown("id: 7\ntitle: 2021\noutlet: Valley Courier\nurl: null\nextra: [1, 2]"))
    assert parsed.metadata == {"id": "7", "title": "2021", "outlet": "Valley Courier", "url": None}


# --- drafts: `checker check` reads front matter through the same reader ------------------------


@pytest.mark.parametrize("front", ["title: {x: 1}", "outlet: [a]", "outlet: true", "title: !!binary aGVsbG8="])
def test_ingest_front_matter_draft_with_value_not_text_is_a_draft_error(front: str) -> None:
    with pytest.raises(DraftError, match=r"draft\.md:2: front matter"):
        draft_article(markdown(front), "draft.md")


def test_ingest_front_matter_draft_with_numeric_outlet_checks(tmp_path: Path) -> None:
    draft = draft_article(markdown("title: Storm toll\noutlet: 2021\npublished: 2024-03-05"), "draft.md")
    assert draft.outlet == "2021"
    assert draft.title == "Storm toll"


def test_ingest_front_matter_cli_check_exits_2_naming_file_and_line(tmp_path: Path, ingest_fixtures: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(markdown("title: Storm\noutlet: [a]"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--against", str(ingest_fixtures / "text")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    message = " ".join(result.stderr.split())
    assert f"{draft}:3: front matter 'outlet' must be text, not a list" in message


def test_ingest_front_matter_cli_report_lists_bad_file_and_reads_the_rest(tmp_path: Path, ingest_fixtures: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(markdown("title: {x: 1}"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["report", str(bad), str(ingest_fixtures / "text"), "--format", "json", "--exit-zero"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [skipped] = report["skipped"]
    assert skipped["line"] == 2
    assert "'title' must be text" in skipped["reason"]
    assert len(report["articles"]) == 2


def test_ingest_front_matter_error_is_unreadable_input() -> None:
    with pytest.raises(UnreadableInput) as raised:
        parse_markdown(markdown("title: ok\noutlet:\n  name: x"))
    assert raised.value.line == 3
