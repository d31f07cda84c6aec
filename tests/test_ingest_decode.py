"""Decoding and normalising input text: NFC, plain spaces, kept quotes; unreadable bytes skipped with a reason."""

from __future__ import annotations

import random
from pathlib import Path

from checker.ingest import read_inputs
from checker.model import Article


def read_bytes_as_article(tmp_path: Path, data: bytes, name: str = "story.txt") -> Article:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_inputs([path])
    assert result.skipped == []
    [article] = result.articles
    return article


def skipped_reason(tmp_path: Path, data: bytes, name: str = "story.txt") -> str:
    """Read one bad file beside a good one: the good one is read, the bad one skipped; return its reason."""
    (tmp_path / "good.txt").write_text("Lifeboat crew rescues two walkers\n\nThe crew was called out at dawn.\n")
    (tmp_path / name).write_bytes(data)
    result = read_inputs([tmp_path])
    assert [a.article_id for a in result.articles] == ["good"]
    [skipped] = result.skipped
    assert Path(skipped.path).name == name
    return skipped.reason


# --- normalisation ------------------------------------------------------------------------------


def test_ingest_decode_text_is_nfc(tmp_path: Path) -> None:
    text = "Cafe\u0301 reopens on the quay\n\nThe cafe\u0301 reopened on Monday.\n"
    article = read_bytes_as_article(tmp_path, text.encode("utf-8"))
    assert article.title == "Café reopens on the quay"
    assert "The café reopened on Monday." in article.text
    assert "\u0301" not in article.text


def test_ingest_decode_no_break_spaces_folded_to_spaces(tmp_path: Path) -> None:
    text = "Ferry fares rise by\u00a0five per cent\n\nFares rise on 1\u202fMay, the\u2009operator said.\n"
    article = read_bytes_as_article(tmp_path, text.encode("utf-8"))
    assert article.title == "Ferry fares rise by five per cent"
    assert "Fares rise on 1 May, the operator said." in article.text
    for odd_space in ("\u00a0", "\u202f", "\u2009"):
        assert odd_space not in article.text


def test_ingest_decode_curly_quotes_and_dashes_kept(tmp_path: Path) -> None:
    text = "Mayor calls the plan \u201cbold\u201d\n\nShe said it was \u2018worth a try\u2019 \u2014 for now.\n"
    article = read_bytes_as_article(tmp_path, text.encode("utf-8"))
    assert article.title == "Mayor calls the plan “bold”"
    assert "She said it was ‘worth a try’ — for now." in article.text


def test_ingest_decode_windows_line_endings_and_bom(tmp_path: Path) -> None:
    text = "\ufeffCouncil backs new cycle lane\r\n\r\nThe lane will run along\u200b Mill Road.\r\n"
    article = read_bytes_as_article(tmp_path, text.encode("utf-8"))
    assert article.title == "Council backs new cycle lane"
    assert article.text == "Council backs new cycle lane\n\nThe lane will run along Mill Road."


def test_ingest_decode_latin1_text_decoded_by_detection(tmp_path: Path) -> None:
    text = (
        "Bäckerei in Grünwald schließt\n\n"
        "Die Bäckerei am Marktplatz in Grünwald schließt nach 40 Jahren. Der Inhaber, Jürgen Müller, "
        "sagte, die Kosten für Strom und Mehl seien zu hoch geworden. Die Kunden äußerten ihr Bedauern "
        "über die Schließung.\n"
    )
    article = read_bytes_as_article(tmp_path, text.encode("latin-1"))
    assert article.title == "Bäckerei in Grünwald schließt"
    assert "Jürgen Müller" in article.text


def test_ingest_decode_latin1_english_text_keeps_accents(tmp_path: Path) -> None:
    text = (
        "Café in Lowford reopens after refit\n\n"
        "The café on the harbour front reopened on Monday after a six-week refit, its owner, Renée "
        "Dufresne, said. The menu now includes crêpes, a crème brûlée and a jalapeño soup, and the "
        "façade was repainted.\n"
    )
    article = read_bytes_as_article(tmp_path, text.encode("latin-1"))
    assert article.text == text.rstrip("\n")


# --- unreadable bytes ---------------------------------------------------------------------------


def test_ingest_decode_empty_file_skipped(tmp_path: Path) -> None:
    assert skipped_reason(tmp_path, b"") == "empty file"


def test_ingest_decode_whitespace_only_file_skipped(tmp_path: Path) -> None:
    assert skipped_reason(tmp_path, b"  \n\n\t \n") == "empty file"


def test_ingest_decode_binary_file_skipped(tmp_path: Path) -> None:
    reason = skipped_reason(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", name="photo.txt")
    assert "binary" in reason


def test_ingest_decode_random_bytes_skipped(tmp_path: Path) -> None:
    rng = random.Random(20240305)
    noise = bytes(rng.randrange(1, 256) for _ in range(3000))  # no NUL: not caught as binary
    reason = skipped_reason(tmp_path, noise)
    assert "not UTF-8" in reason


def test_ingest_decode_bad_bytes_in_manifest_skip_the_manifest(tmp_path: Path) -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(128, 256) for _ in range(2000))
    reason = skipped_reason(tmp_path, noise, name="rows.jsonl")
    assert "not UTF-8" in reason


STORY = "Iraq's military said eight rockets were fired at Baghdad's Green Zone on Sunday.\n"


def test_ingest_decode_utf32_and_utf16_with_or_without_a_byte_order_mark(tmp_path: Path) -> None:
    """UTF-32 with a mark was read as UTF-16 (" I r a q ' s"), giving no claims and no skip; each wide encoding is
    read as itself now, with or without its mark."""
    for encoding in ("utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"):
        article = read_bytes_as_article(tmp_path, STORY.encode(encoding), name=f"story-{encoding}.txt")
        assert article.text.startswith("Iraq's military said eight rockets"), encoding


def test_ingest_decode_letters_spaced_out_by_a_wrong_width_are_skipped_with_the_reason(tmp_path: Path) -> None:
    spaced = " ".join("Iraq's military said eight rockets were fired at the zone")
    reason = skipped_reason(tmp_path, b"\xff\xfe" + spaced.encode("utf-16-le"))
    assert "letters spaced out" in reason
