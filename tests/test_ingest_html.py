"""The HTML reader: main text and metadata of a saved page, without navigation or reader comments."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.ingest import read_inputs
from checker.model import Article


@pytest.fixture
def weir(ingest_fixtures: Path) -> Article:
    result = read_inputs([ingest_fixtures / "html" / "valley_courier_weir.html"])
    assert result.skipped == []
    [article] = result.articles
    return article


def test_ingest_html_metadata_from_page(weir: Article) -> None:
    assert weir.article_id == "valley_courier_weir"
    assert weir.title == "Anglers object to new weir on the Lowe"
    assert weir.outlet == "Valley Courier"
    assert weir.published == date(2024, 6, 2)
    assert weir.url == "https://courier.example/news/lowe-weir"
    assert weir.format == "html"


def test_ingest_html_body_text_extracted(weir: Article) -> None:
    assert weir.text.split("\n")[0] == "Anglers object to new weir on the Lowe"
    assert "would stop salmon from reaching their spawning grounds" in weir.text
    assert "hold back 30,000 cubic metres of water and protect 140 homes" in weir.text
    assert "said the club's secretary, Ivo Marsh." in weir.text
    assert "<p>" not in weir.text


def test_ingest_html_comments_and_navigation_left_out(weir: Article) -> None:
    assert "they never listen to the people who actually fish" not in weir.text
    assert "Comments" not in weir.text
    assert "Sport" not in weir.text
    assert "Copyright" not in weir.text


def test_ingest_html_headline_not_duplicated(weir: Article) -> None:
    assert weir.text.count("Anglers object to new weir on the Lowe") == 1


def test_ingest_html_page_without_article_text_skipped(tmp_path: Path, ingest_fixtures: Path) -> None:
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><head><title>Nothing here</title></head><body></body></html>")
    result = read_inputs([empty_page, ingest_fixtures / "html"])
    assert [a.article_id for a in result.articles] == ["valley_courier_weir"]
    [skipped] = result.skipped
    assert Path(skipped.path).name == "empty.html"
    assert "no article text" in skipped.reason


def test_ingest_html_page_whose_date_search_trips_the_parser_is_read_without_its_metadata(tmp_path: Path) -> None:
    """A second <html> after the body made the page-date search fail inside lxml (a script with no parent), and
    the file was skipped as a checker failure: its text is read, with no page date."""
    page = tmp_path / "odd.html"
    page.write_text('</head><body><script>x</script><p>Eight rockets hit the base on Sunday, police said.</p>'
                    '</body></html><html><head><meta name="date" content=', encoding="utf-8")
    result = read_inputs([page])
    assert result.skipped == []
    [article] = result.articles
    assert "Eight rockets hit the base" in article.text


def _syndicated_page(number: int, site: str, shared: str) -> str:
    return f"""<html><head><title>Weir story {number}</title>
<meta property="og:site_name" content="{site}"></head><body><article>
<h1>Weir plan on the Lowe draws objections, report {number}</h1>
<p>Report {number} from the {site}: anglers on the river Lowe asked for the weir plan below Hesket Mill
to be dropped, saying it would block salmon on their way upstream.</p>
<p>{shared}</p>
<p>The {site} asked the authority for comment {number} times this week without an answer from its press office.</p>
</article></body></html>"""


def test_ingest_html_shared_paragraph_kept_in_every_page(tmp_path: Path) -> None:
    shared = (
        "The water authority says the weir would hold back 30,000 cubic metres of water and protect "
        "140 homes from flooding, and a consultation closes at the end of the month."
    )
    sites = ["courier", "gazette", "herald", "post", "times"]
    for number, site in enumerate(sites):
        (tmp_path / f"{site}.html").write_text(_syndicated_page(number, site, shared), encoding="utf-8")
    result = read_inputs([tmp_path])
    assert result.skipped == []
    assert {a.article_id: "30,000 cubic metres" in a.text for a in result.articles} == dict.fromkeys(sites, True)


def test_ingest_html_same_page_readable_again(ingest_fixtures: Path) -> None:
    page = ingest_fixtures / "html" / "valley_courier_weir.html"
    for _ in range(4):
        result = read_inputs([page])
        assert result.skipped == []
        assert len(result.articles) == 1


# --- found by fuzzing (issue 13) -----------------------------------------------------------------


def test_ingest_html_page_of_furniture_only_skipped_not_empty_article(tmp_path: Path) -> None:
    # found by make fuzz: the page's only text was furniture, and an article with no text was kept
    page = tmp_path / "advert.html"
    page.write_text("<html>ADVERTISEMENT<hbody></html>", encoding="utf-8")
    result = read_inputs([page])
    assert result.articles == []
    [skipped] = result.skipped
    assert skipped.reason == "no article text left after removing page furniture"


def test_ingest_html_odd_date_not_handed_to_dateparser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # found by make fuzz: a date string htmldate's fast rules cannot read went to dateparser with all
    # of its locales (5-10 s the first time in a process, and a guess in any language)
    import htmldate.extractors

    handed_over: list[str] = []
    monkeypatch.setattr(htmldate.extractors, "_external_date", lambda string: handed_over.append(string))
    page = tmp_path / "odd.html"
    page.write_text(
        '<html><head><meta name="date" content="2020-<article>02-30 Sunday"></head><body><article>'
        "<p>The army said 21 rockets were fired at the base on the night of the attack.</p></article></body></html>",
        encoding="utf-8",
    )
    [article] = read_inputs([page]).articles
    assert "21 rockets" in article.text
    assert handed_over == []


def test_ingest_html_a_paragraph_nested_deeper_than_the_parser_goes_is_read(tmp_path: Path) -> None:
    """A paragraph inside 2,000 nested <div>s gave "no article text found": lxml drops what lies that deep. It is
    read now, its figure with it."""
    page = ("<html><head><title>Rockets hit the Green Zone</title></head><body>" + "<div>" * 2000
            + "<p>Iraq's military said eight rockets were fired at Baghdad's Green Zone on Sunday.</p>"
            + "</div>" * 2000 + "<script>var x = 'not text';</script></body></html>")
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(tmp_path / "deep.html"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["value_low"], c["subject"]) for c in claims if c["kind"] == "count"] == [(8.0, "rocket")]
    assert all("not text" not in c["sentence"] for c in claims)


def test_ingest_html_markup_the_paragraph_reader_gives_up_on_is_skipped_not_a_crash(tmp_path: Path) -> None:
    """Found by make fuzz: "<![date " made the standard library's tokenizer raise an AssertionError, which the
    reader reported as its own failure; the page is now skipped with the reason, or read as far as it goes."""
    page = ("<html><body>" + "<div>" * 2000 + "<p>Eight rockets were fired at the Green Zone.</p><![date x]>"
            + "</div>" * 2000 + "</body></html>")  # deep, so the paragraph reader is what reads it
    (tmp_path / "odd.html").write_text(page, encoding="utf-8")
    ingested = read_inputs([tmp_path / "odd.html"])
    assert not ingested.skipped and "Eight rockets were fired" in ingested.articles[0].text
