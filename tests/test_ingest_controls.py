"""Terminal control sequences and lone surrogates never leave ingest; positions into the text stay true (issue 13)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from checker.ingest import read_inputs
from checker.ingest.controls import clean_field, neutralise_controls, shown_path
from checker.ingest.decode import normalise_text
from checker.pipeline import run

CLEAR_SCREEN = "\x1b[2J\x1b[H"
OSC8_LINK = "\x1b]8;;https://evil.example/\x07click here\x1b]8;;\x07"
OSC52_CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x1b\\"
C1_CSI_RED = "\x9b31m"
UNSAFE = [CLEAR_SCREEN, OSC8_LINK, OSC52_CLIPBOARD, C1_CSI_RED, "\x1bc", "\x07", "\x00", "\x7f", "\x9c"]


def assert_safe(value: str) -> None:
    """No C0/C1 control character except newline; encodable as UTF-8 (no lone surrogate)."""
    value.encode("utf-8")
    bad = [ch for ch in value if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]
    assert not bad, (value, bad)


@pytest.mark.parametrize("sequence", UNSAFE)
def test_ingest_controls_sequence_blanked_keeping_length(sequence: str) -> None:
    text = f"Rockets: 21 {sequence}fired"
    cleaned = neutralise_controls(text)
    assert len(cleaned) == len(text)
    assert cleaned.startswith("Rockets: 21 ")
    assert cleaned.endswith("fired")
    assert_safe(cleaned)


def test_ingest_controls_sequence_parameters_go_with_the_escape() -> None:
    cleaned = neutralise_controls(f"a{OSC8_LINK}b{CLEAR_SCREEN}c{OSC52_CLIPBOARD}d")
    assert "evil" not in cleaned
    assert "[2J" not in cleaned
    assert "52;c" not in cleaned
    assert cleaned.split() == ["a", "click", "here", "b", "c", "d"]


def test_ingest_controls_unterminated_osc_blanks_only_the_escape() -> None:
    # a terminal would swallow the rest; the checker keeps the words and drops the escape
    cleaned = neutralise_controls("\x1b]8;;the rest of the article\nnext line")
    assert cleaned.endswith("8;;the rest of the article\nnext line")
    assert_safe(cleaned)


def test_ingest_controls_lone_surrogate_becomes_replacement_character() -> None:
    assert neutralise_controls("21 rockets \ud800 \udfff") == "21 rockets \ufffd \ufffd"


def test_ingest_controls_tab_and_newline_kept_by_the_low_level_function() -> None:
    assert neutralise_controls("a\tb\nc") == "a\tb\nc"


def test_ingest_controls_field_is_one_safe_line() -> None:
    assert clean_field(f" Valley\nCourier{CLEAR_SCREEN}\t ") == "Valley Courier"
    assert clean_field("\x1b[31m") is None
    assert clean_field(None) is None


def test_ingest_controls_offsets_lines_and_columns_stay_true(tmp_path: Path) -> None:
    # the figure after the escape sequences is found at the column an editor sees in the file
    line = f"{CLEAR_SCREEN}The council said {OSC8_LINK} 14 trees fell on the road."
    path = tmp_path / "storm.txt"
    path.write_text(f"Storm fells trees across the valley\n\n{line}\n", encoding="utf-8")
    [article] = read_inputs([path]).articles
    text_line = article.text.split("\n")[2]
    assert len(text_line) == len(line)
    assert text_line.index("14 trees") == line.index("14 trees")
    assert_safe(article.text)


def test_ingest_controls_stripped_from_every_input_kind(tmp_path: Path) -> None:
    evil = f"{CLEAR_SCREEN}{OSC52_CLIPBOARD}"
    (tmp_path / "a.md").write_text(
        f'---\nid: "md{evil}"\ntitle: "Title{evil}"\noutlet: "Outlet\\e[2J"\nurl: "https://x.example/{evil}"\n---\n'
        f"Body {evil} with 3 boats.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(f"Headline with four words{evil}\n\nBody {evil} text.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        f"<html><head><title>Page{evil}</title></head><body><article><p>Body {evil} of the page with 3 boats "
        "and more words to make it an article.</p></article></body></html>",
        encoding="utf-8",
    )
    rows = [{"id": f"row{evil}", "outlet": f"Wire{evil}", "title": f"T{evil}", "url": f"u{evil}", "text": f"B {evil} x."}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text(f'id,outlet,text\n"csv{evil}","Out{evil}","Body {evil} y."\n', encoding="utf-8")
    result = read_inputs([tmp_path])
    assert len(result.articles) == 5, result.skipped
    for article in result.articles:
        for value in (article.article_id, article.source_path, article.title, article.outlet, article.url):
            if value is not None:
                assert_safe(value)
                assert "\n" not in value or value is article.source_path
        assert_safe(article.text)
        assert "52;c" not in article.text


def test_ingest_controls_lone_surrogate_from_json_escape_reaches_no_writer(tmp_path: Path) -> None:
    # {"text": "21 rockets \ud800"} made hashing and the JSON renderer raise UnicodeEncodeError
    import io

    from checker.render import RenderOptions
    from checker.render.json_report import write_report

    manifest = tmp_path / "rows.jsonl"
    manifest.write_text(
        '{"id": "s\\udc80", "outlet": "Wire \\ud800", "title": "T \\udfff", '
        '"text": "The army said 21 rockets \\ud800 were fired at the base on Monday."}\n',
        encoding="utf-8",
    )
    result = run([manifest])
    [article] = result.articles
    assert "\ufffd" in article.text
    assert article.outlet == "Wire \ufffd"
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    out = io.StringIO()
    write_report(result, RenderOptions(), out)
    out.getvalue().encode("utf-8")  # raised before


@pytest.mark.skipif(os.name != "posix", reason="file names that are not UTF-8 need a POSIX file system")
def test_ingest_controls_file_name_not_utf8_gives_encodable_path_and_id(tmp_path: Path) -> None:
    name = os.fsdecode(b"r\xe9sum\xe9.txt")  # Latin-1 bytes: surrogate escapes in Python
    try:
        (tmp_path / name).write_text("Ferry timetable changes in spring\n\nThe ferry sails at 9.\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    [article] = read_inputs([tmp_path]).articles
    assert article.source_path.endswith("r\\xe9sum\\xe9.txt")
    assert article.article_id == "r\\xe9sum\\xe9"
    article.source_path.encode("utf-8")


def test_ingest_controls_shown_path_of_a_lone_surrogate_is_encodable() -> None:
    assert shown_path("a\ud800.txt") == "a\ufffd.txt"
    assert shown_path(Path("plain/name.md")) == "plain/name.md"


def test_ingest_controls_normalise_text_is_idempotent() -> None:
    text = f"a{OSC8_LINK}\r\nb\x85c\u00a0d\u200be\x00"
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert_safe(once)
